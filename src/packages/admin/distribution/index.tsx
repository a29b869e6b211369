// 分销: the shop's distribution settings (who may earn, rates, the after-sale freeze, the smallest
// withdrawal, how long a binding is protected and lasts), its distributors (approve applicants,
// disable or enable anyone; each one's balance ledger) and every commission with its state.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { AdminDistributorView, CommissionView } from '@domain/api/views';
import type { DistributionSettings } from '@domain/distribution';
import { formatYuan, parseYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { DataTable, type Column } from '../components/DataTable';
import { adminApi } from '../admin-api';
import '../admin.scss';

const day = (at?: number) => (at ? new Date(at).toLocaleDateString('zh-CN') : '');

function SettingsForm() {
  const loaded = useCloudData(() => adminApi.distributionSettings(), []);
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [mode, setMode] = useState<DistributionSettings['mode'] | null>(null);
  if (loaded.error && !loaded.data)
    return <ErrorState message={loaded.error} onRetry={loaded.retry} />;
  const s = loaded.data;
  if (!s) return <Loading />;
  const text = draft ?? {
    defaultRatePct: String(s.defaultRatePct),
    freezeDays: String(s.freezeDays),
    minWithdraw: formatYuan(s.minWithdrawFen as never, ''),
    protectDays: String(s.protectDays),
    expireDays: String(s.expireDays),
    productRates: Object.entries(s.productRates)
      .map(([id, pct]) => `${id},${pct}`)
      .join('\n'),
  };
  const set = (key: string) => (e: { detail: { value: string } }) =>
    setDraft({ ...text, [key]: e.detail.value });
  const chosenMode = mode ?? s.mode;

  const save = async () => {
    const rates: Record<string, number> = {};
    for (const line of text.productRates
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const [id, pct] = line.split(/[,，\s]+/);
      rates[id] = Number(pct);
    }
    const res = await adminApi.saveDistributionSettings({
      mode: chosenMode,
      defaultRatePct: Number(text.defaultRatePct),
      freezeDays: Number(text.freezeDays),
      minWithdrawFen: parseYuan(text.minWithdraw) ?? -1,
      protectDays: Number(text.protectDays),
      expireDays: Number(text.expireDays),
      productRates: rates,
    });
    void Taro.showToast({ title: res.ok ? '已保存' : res.message, icon: 'none' });
    if (res.ok) {
      loaded.setData(res.data);
      setDraft(null);
      setMode(null);
    }
  };

  const field = (key: string, label: string, unit: string) => (
    <View className="admin-form">
      <Text className="admin-label">{label}</Text>
      <Input className={`admin-input admin-dist-${key}`} value={text[key]} onInput={set(key)} />
      <Text className="muted">{unit}</Text>
    </View>
  );

  return (
    <View className="admin-card admin-dist-settings">
      <View className="admin-form">
        <Text className="admin-label">谁可以赚佣金</Text>
        {(['everyone', 'approved'] as const).map((m) => (
          <View
            key={m}
            className={`admin-chip admin-dist-mode-${m}${chosenMode === m ? ' active' : ''}`}
            onClick={() => setMode(m)}
          >
            {m === 'everyone' ? '所有用户' : '审核通过的推广员'}
          </View>
        ))}
      </View>
      {field('defaultRatePct', '默认佣金比例', '%（10-50）')}
      {field('freezeDays', '确认收货后冻结', '天（售后期）')}
      {field('minWithdraw', '最低提现金额', '元')}
      {field('protectDays', '绑定保护期', '天（期内不可改绑）')}
      {field('expireDays', '绑定有效期', '天（0 为永久）')}
      <View className="admin-form">
        <Text className="admin-label">商品佣金比例（每行：商品ID,比例）</Text>
        <Input
          className="admin-input admin-dist-rates"
          value={text.productRates}
          placeholder="p-mango,20"
          onInput={set('productRates')}
        />
      </View>
      <Text className="muted">
        一级分销：只有直接邀请的好友付款才产生佣金，没有上级提成、团队奖励或入门费用。
      </Text>
      <View className="admin-form">
        <View className="btn small admin-dist-save" onClick={save}>
          保存设置
        </View>
      </View>
    </View>
  );
}

const DISTRIBUTOR_COLUMNS: Column<AdminDistributorView>[] = [
  { key: 'nickname', title: '推广员', value: (d) => d.nickname },
  { key: 'status', title: '状态', value: (d) => d.statusText },
  { key: 'invited', title: '邀请', value: (d) => d.invited },
  {
    key: 'earned',
    title: '累计佣金',
    value: (d) => d.earnedFen,
    render: (d) => formatYuan(d.earnedFen),
  },
  {
    key: 'balance',
    title: '可提现',
    value: (d) => d.balanceFen,
    render: (d) => formatYuan(d.balanceFen),
  },
];

function Distributors() {
  const [status, setStatus] = useState<'APPLIED' | 'ACTIVE' | 'DISABLED' | undefined>(undefined);
  const list = useCloudData(() => adminApi.distributors({ status }), [status]);
  const [ledgerOf, setLedgerOf] = useState<AdminDistributorView | null>(null);
  const ledger = useCloudData(
    async () =>
      ledgerOf ? adminApi.commissionLedger(ledgerOf.openid) : { ok: true as const, data: [] },
    [ledgerOf?.openid],
  );

  const setStatusOf = async (d: AdminDistributorView, to: 'ACTIVE' | 'DISABLED') => {
    const res = await adminApi.setDistributorStatus(d.openid, to);
    void Taro.showToast({ title: res.ok ? '已更新' : res.message, icon: 'none' });
    if (res.ok) await list.refresh();
  };

  return (
    <>
      <View className="admin-form">
        {([undefined, 'APPLIED', 'ACTIVE', 'DISABLED'] as const).map((s) => (
          <View
            key={s ?? 'all'}
            className={`admin-chip admin-dist-filter-${s ?? 'all'}${status === s ? ' active' : ''}`}
            onClick={() => setStatus(s)}
          >
            {{ all: '全部', APPLIED: '待审核', ACTIVE: '已通过', DISABLED: '已停用' }[s ?? 'all']}
          </View>
        ))}
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <Text className="muted">还没有推广员</Text> : null}
      {list.data?.items.length ? (
        <DataTable
          columns={[
            ...DISTRIBUTOR_COLUMNS,
            {
              key: 'actions',
              title: '操作',
              value: () => '',
              render: (d) => (
                <DistributorActions d={d} onStatus={setStatusOf} onLedger={setLedgerOf} />
              ),
            },
          ]}
          rows={list.data.items}
          rowKey={(d) => d.openid}
        />
      ) : null}
      <View className="admin-cards">
        {list.data?.items.map((d) => (
          <View key={d.openid} className="admin-card admin-distributor">
            <Text>{`${d.nickname} · ${d.statusText}`}</Text>
            <Text className="muted">{`邀请 ${d.invited} 人 · 累计佣金 ${formatYuan(d.earnedFen)} · 可提现 ${formatYuan(d.balanceFen)}`}</Text>
            <DistributorActions d={d} onStatus={setStatusOf} onLedger={setLedgerOf} />
          </View>
        ))}
      </View>
      {ledgerOf ? (
        <View className="admin-card admin-ledger">
          <Text className="admin-subtitle">{`${ledgerOf.nickname} 的余额明细`}</Text>
          {ledger.data?.length === 0 ? <Text className="muted">暂无记录</Text> : null}
          {ledger.data?.map((e) => (
            <View key={e.id} className="admin-ledger-row">
              <Text>{`${day(e.at)} ${e.kindText} ${e.amountFen > 0 ? '+' : ''}${formatYuan(e.amountFen)}`}</Text>
              <Text className="muted">{`余额 ${formatYuan(e.balanceAfterFen)}${e.note ? ` · ${e.note}` : ''}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}

function DistributorActions({
  d,
  onStatus,
  onLedger,
}: {
  d: AdminDistributorView;
  onStatus: (d: AdminDistributorView, to: 'ACTIVE' | 'DISABLED') => void;
  onLedger: (d: AdminDistributorView) => void;
}) {
  return (
    <View className="admin-form">
      {d.status !== 'ACTIVE' ? (
        <View className="admin-chip admin-dist-approve" onClick={() => onStatus(d, 'ACTIVE')}>
          {d.status === 'APPLIED' ? '通过' : '启用'}
        </View>
      ) : null}
      {d.status !== 'DISABLED' ? (
        <View className="admin-chip admin-dist-disable" onClick={() => onStatus(d, 'DISABLED')}>
          停用
        </View>
      ) : null}
      <View className="admin-chip admin-dist-ledger" onClick={() => onLedger(d)}>
        余额明细
      </View>
    </View>
  );
}

const COMMISSION_COLUMNS: Column<CommissionView>[] = [
  { key: 'createdAt', title: '时间', value: (c) => c.createdAt, render: (c) => day(c.createdAt) },
  { key: 'orderId', title: '订单', value: (c) => c.orderId },
  { key: 'buyer', title: '买家', value: (c) => c.buyerName },
  { key: 'base', title: '商品实付', value: (c) => c.baseFen, render: (c) => formatYuan(c.baseFen) },
  { key: 'amount', title: '佣金', value: (c) => c.netFen, render: (c) => formatYuan(c.netFen) },
  { key: 'state', title: '状态', value: (c) => c.stateText },
];

function Commissions() {
  const list = useCloudData(() => adminApi.commissions({}), []);
  if (list.error && !list.data) return <ErrorState message={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <Text className="muted">还没有佣金</Text>;
  return (
    <>
      <DataTable columns={COMMISSION_COLUMNS} rows={list.data.items} rowKey={(c) => c.id} />
      <View className="admin-cards">
        {list.data.items.map((c) => (
          <View key={c.id} className="admin-card admin-commission">
            <Text>{`${c.buyerName} · ${formatYuan(c.netFen)} · ${c.stateText}`}</Text>
            <Text className="muted">{`${day(c.createdAt)} 订单 ${c.orderId} 商品实付 ${formatYuan(c.baseFen)}`}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

function DistributionContent() {
  return (
    <>
      <Text className="admin-title">分销</Text>
      <Text className="admin-subtitle">设置</Text>
      <SettingsForm />
      <Text className="admin-subtitle">推广员</Text>
      <Distributors />
      <Text className="admin-subtitle">佣金明细</Text>
      <Commissions />
    </>
  );
}

export default function DistributionPage() {
  return (
    <AdminShell current="distribution">
      <DistributionContent />
    </AdminShell>
  );
}
