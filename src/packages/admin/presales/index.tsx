// 预售: the pre-sale campaigns, each with 取消预售 (every deposit refunded in full and the same
// again owed as compensation: Civil Code 587), and the compensations staff pay out themselves and
// then mark paid.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

function PresalesContent() {
  const campaigns = useCloudData(() => adminApi.campaigns(), []);
  const [state, setState] = useState<'OWED' | 'PAID'>('OWED');
  const owed = useCloudData(() => adminApi.compensations(state), [state]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const presales = (campaigns.data ?? []).filter((c) => c.campaign.kind === 'PRESALE');

  const cancel = async (campaignId: string, title: string) => {
    const { confirm } = await Taro.showModal({
      title: '取消预售',
      content: `取消「${title}」：所有定金原路全额退回，并按定金金额另付补偿。确定？`,
    });
    if (!confirm) return;
    const res = await adminApi.cancelPresale(campaignId);
    void Taro.showToast({
      title: res.ok ? `已取消，${res.data.compensated} 笔定金已退` : res.message,
      icon: 'none',
    });
    await Promise.all([campaigns.refresh(), owed.refresh()]);
  };
  const markPaid = async (id: string) => {
    const res = await adminApi.markCompensationPaid(id, notes[id] ?? '');
    void Taro.showToast({ title: res.ok ? '已标记支付' : res.message, icon: 'none' });
    if (res.ok) await owed.refresh();
  };

  return (
    <>
      <Text className="admin-title">预售</Text>
      {campaigns.error && !campaigns.data ? (
        <ErrorState message={campaigns.error} onRetry={campaigns.retry} />
      ) : null}
      {!campaigns.data && !campaigns.error ? <Loading /> : null}
      {presales.length === 0 && campaigns.data ? <Text className="muted">没有预售活动</Text> : null}
      {presales.map(({ campaign, live, orders }) => (
        <View key={campaign._id} className="admin-card admin-presale">
          <Text>{`${campaign.title} · ${live ? '进行中' : '已停止'} · ${orders} 笔订单`}</Text>
          {campaign.status === 'ACTIVE' ? (
            <View
              className="admin-chip admin-presale-cancel"
              onClick={() => cancel(campaign._id, campaign.title)}
            >
              取消预售
            </View>
          ) : null}
        </View>
      ))}
      <Text className="admin-title">补偿</Text>
      <View className="admin-form">
        {(['OWED', 'PAID'] as const).map((s) => (
          <View
            key={s}
            className={`admin-chip${state === s ? ' active' : ''}`}
            onClick={() => setState(s)}
          >
            {s === 'OWED' ? '待支付' : '已支付'}
          </View>
        ))}
      </View>
      {owed.data?.length === 0 ? <Text className="muted">没有记录</Text> : null}
      {owed.data?.map((c) => (
        <View key={c.id} className="admin-card admin-compensation">
          <Text>{`${c.name} · ${formatYuan(c.amountFen)} · ${c.stateText}`}</Text>
          <Text className="muted">{`${c.campaignId} · ${c.openid}${c.note ? ` · ${c.note}` : ''}`}</Text>
          {c.state === 'OWED' ? (
            <View className="admin-form">
              <Input
                className="admin-input"
                placeholder="备注：转账单号"
                value={notes[c.id] ?? ''}
                onInput={(e) => setNotes({ ...notes, [c.id]: e.detail.value })}
              />
              <View className="btn small admin-compensation-paid" onClick={() => markPaid(c.id)}>
                已支付
              </View>
            </View>
          ) : null}
        </View>
      ))}
    </>
  );
}

export default function AdminPresalesPage() {
  return (
    <AdminShell current="presales">
      <PresalesContent />
    </AdminShell>
  );
}
