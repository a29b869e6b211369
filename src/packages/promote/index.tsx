// 我的推广: a sharer's page. What they earn and how (the rules stated up front: only friends'
// real orders earn, never a share itself), their links and code, whom they brought and those
// friends' orders, commissions by state, and withdrawals. One call loads the overview; each
// other tab loads its list when opened.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Text, View } from '@tarojs/components';
import { formatYuan, parseYuan } from '@domain/money';
import { api } from '../../services/api';
import { useCloudData } from '../../hooks/useCloudData';
import { usePagedCloudData } from '../../hooks/usePagedCloudData';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import { ShareButton } from '../../components/ShareButton';
import { useShare } from '../../services/share';
import './index.scss';

type Tab = 'overview' | 'friends' | 'commissions' | 'withdrawals';
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'overview', label: '概览' },
  { tab: 'friends', label: '我的好友' },
  { tab: 'commissions', label: '佣金明细' },
  { tab: 'withdrawals', label: '提现' },
];

const day = (at: number) => new Date(at).toLocaleDateString('zh-CN');

export default function PromotePage() {
  const [tab, setTab] = useState<Tab>('overview');
  useShare({ kind: 'home' }, () => '拾光小铺：好物推荐给你');
  return (
    <View className="page promote">
      <View className="tabs">
        {TABS.map((t) => (
          <View
            key={t.tab}
            className={`tab promote-tab-${t.tab}${t.tab === tab ? ' active' : ''}`}
            onClick={() => setTab(t.tab)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {tab === 'overview' ? <Overview /> : null}
      {tab === 'friends' ? <Friends /> : null}
      {tab === 'commissions' ? <Commissions /> : null}
      {tab === 'withdrawals' ? <Withdrawals /> : null}
    </View>
  );
}

function Overview() {
  const summary = useCloudData(() => api.promoteSummary(), []);
  const [code, setCode] = useState<string | null>(null);
  if (summary.error && !summary.data)
    return <ErrorState message={summary.error} onRetry={summary.retry} />;
  const s = summary.data;
  if (!s) return <Loading />;
  const c = s.commission;
  const showCode = async () => {
    const res = await api.shareCode({ kind: 'home' });
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    setCode(res.data.url);
  };
  const apply = async () => {
    const res = await api.applyDistributor();
    if (res.ok) summary.setData(res.data);
    void Taro.showToast({ title: res.ok ? '已提交申请' : res.message, icon: 'none' });
  };
  return (
    <>
      <View className="section promote-balance">
        <Text className="muted">可提现（元）</Text>
        <Text className="promote-balance-value">{formatYuan(c.balanceFen, '')}</Text>
        <View className="promote-figures">
          <Figure label="待收货" value={c.pendingFen} />
          <Figure label="冻结中" value={c.frozenFen} />
          <Figure label="提现中" value={c.withdrawingFen} />
          <Figure label="已提现" value={c.withdrawnFen} />
        </View>
      </View>
      {!s.mayEarn ? (
        <View className="section promote-status">
          {s.status === 'APPLIED' ? <Text>推广员申请审核中，通过后好友的订单才有佣金</Text> : null}
          {s.status === 'DISABLED' ? <Text>你的推广员资格已停用，好友的订单暂无佣金</Text> : null}
          {s.status === null ? (
            <>
              <Text>本店推广员需审核，申请免费，通过后好友的订单才有佣金</Text>
              <View className="btn small promote-apply" onClick={apply}>
                申请成为推广员
              </View>
            </>
          ) : null}
        </View>
      ) : null}
      <View className="section">
        <Text className="section-title">邀请好友</Text>
        <View className="promote-invited">
          <Text>{`已邀请 ${s.invited.users} 人`}</Text>
          <Text>{`下单 ${s.invited.ordered} 人`}</Text>
          <Text>{`已付款 ${s.invited.paid} 人`}</Text>
        </View>
        <View className="promote-share">
          <ShareButton target={{ kind: 'home' }} label="分享店铺给好友" />
          <View className="share-button promote-code-button" onClick={showCode}>
            我的小程序码
          </View>
        </View>
        {code ? (
          <Image className="promote-code" src={code} mode="aspectFit" showMenuByLongpress />
        ) : null}
        <Text className="muted promote-hint">
          商品页的「分享给好友」「生成海报」也会带上你的邀请
        </Text>
      </View>
      <View className="section promote-rules">
        <Text className="section-title">规则</Text>
        <Text>{`· 好友通过你的链接、小程序码或海报首次进入本店，就成为你邀请的好友（保护期内不会被他人改绑）。`}</Text>
        <Text>{`· 好友付款后，你获得其实付商品金额（不含运费）${s.defaultRatePct}% 起的佣金，部分商品比例不同；只算你直接邀请的好友。`}</Text>
        <Text>{`· 好友确认收货 ${s.freezeDays} 天后、且没有进行中的售后，佣金结算为可提现；退款会按比例扣回。`}</Text>
        <Text>{`· 分享本身没有奖励，只有好友真实下单才有佣金；成为推广员不收任何费用。`}</Text>
        <Text>{`· 每次提现至少 ${formatYuan(s.minWithdrawFen)}，由店铺人工打款。`}</Text>
      </View>
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <View className="promote-figure">
      <Text className="promote-figure-value">{formatYuan(value as never, '')}</Text>
      <Text className="muted">{label}</Text>
    </View>
  );
}

function Friends() {
  const list = usePagedCloudData((cursor) => api.invitees(cursor), []);
  if (list.error && !list.items) return <ErrorState message={list.error} onRetry={list.retry} />;
  if (!list.items) return <Loading />;
  if (!list.items.length) return <Empty text="还没有好友通过你的分享进入本店" />;
  return (
    <View className="section">
      {list.items.map((f, i) => (
        <View key={i} className="promote-row promote-friend">
          <View className="promote-row-main">
            <Text>{f.nickname}</Text>
            <Text className="muted">{`${day(f.boundAt)} 加入`}</Text>
          </View>
          <Text className="muted">
            {f.orders ? `${f.orders} 单 · ${formatYuan(f.paidFen)}` : '未下单'}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Commissions() {
  const list = usePagedCloudData((cursor) => api.commissions(cursor), []);
  if (list.error && !list.items) return <ErrorState message={list.error} onRetry={list.retry} />;
  if (!list.items) return <Loading />;
  if (!list.items.length) return <Empty text="好友下单后，佣金会显示在这里" />;
  return (
    <View className="section">
      {list.items.map((c) => (
        <View key={c.id} className="promote-row promote-commission">
          <View className="promote-row-main">
            <Text>{`${c.buyerName} 的订单`}</Text>
            <Text className="muted">
              {c.lines.map((l) => `${l.title} ${l.ratePct}%`).join('，')}
            </Text>
            <Text className="muted">
              {c.state === 'FROZEN' && c.frozenUntil
                ? `${day(c.frozenUntil)} 后结算`
                : day(c.createdAt)}
            </Text>
          </View>
          <View className="promote-row-side">
            <Text className="promote-amount">{`+${formatYuan(c.netFen)}`}</Text>
            <Text className={`promote-state state-${c.state}`}>{c.stateText}</Text>
            {c.voidedFen > 0 && c.state !== 'VOID' ? (
              <Text className="muted">{`退款扣回 ${formatYuan(c.voidedFen)}`}</Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}

function Withdrawals() {
  const summary = useCloudData(() => api.promoteSummary(), []);
  const list = useCloudData(() => api.withdrawals(), []);
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const balance = summary.data?.commission.balanceFen ?? 0;

  const withdraw = async () => {
    const fen = parseYuan(amount);
    if (fen === null || fen <= 0) return Taro.showToast({ title: '请输入提现金额', icon: 'none' });
    if (busy) return;
    setBusy(true);
    const requestId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const res = await api.withdraw(fen, requestId);
    setBusy(false);
    void Taro.showToast({ title: res.ok ? '已提交，等待打款' : res.message, icon: 'none' });
    if (res.ok) {
      setAmount('');
      await Promise.all([summary.refresh(), list.refresh()]);
    }
  };

  return (
    <>
      <View className="section promote-withdraw">
        <Text className="muted">{`可提现 ${formatYuan(balance as never)}`}</Text>
        <View className="promote-withdraw-form">
          <Input
            className="promote-withdraw-input"
            type="digit"
            placeholder="提现金额（元）"
            value={amount}
            onInput={(e) => setAmount(e.detail.value)}
          />
          <View
            className={`btn small promote-withdraw-submit${busy ? ' disabled' : ''}`}
            onClick={withdraw}
          >
            申请提现
          </View>
        </View>
        {summary.data ? (
          <Text className="muted">{`每次至少 ${formatYuan(summary.data.minWithdrawFen)}，店铺核实后人工打款`}</Text>
        ) : null}
      </View>
      <View className="section">
        <Text className="section-title">提现记录</Text>
        {list.error && !list.data ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
        {list.data?.length === 0 ? <Text className="muted">还没有提现记录</Text> : null}
        {list.data?.map((w) => (
          <View key={w.id} className="promote-row promote-withdrawal">
            <View className="promote-row-main">
              <Text>{formatYuan(w.amountFen)}</Text>
              <Text className="muted">{day(w.requestedAt)}</Text>
            </View>
            <View className="promote-row-side">
              <Text className={`promote-state withdrawal-${w.status}`}>{w.statusText}</Text>
              {w.note ? <Text className="muted">{w.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </>
  );
}
