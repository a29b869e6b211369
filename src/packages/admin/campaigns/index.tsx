// Campaigns for staff: each with whether pricing uses it now, its figures (paid orders, units,
// revenue, quota left), pause and resume, and the way to edit it or make a new one.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AdminCampaignView } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

const edit = (id?: string) =>
  Taro.navigateTo({
    url: `/packages/admin/campaign/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  });

function state(c: AdminCampaignView): string {
  if (!c.valid) return '设置有误，未生效';
  if (c.campaign.status === 'PAUSED') return '已暂停';
  return c.live ? '进行中' : '未在时间内';
}

function CampaignsContent() {
  const list = useCloudData(() => adminApi.campaigns(), []);
  const toggle = async (c: AdminCampaignView) => {
    const status = c.campaign.status === 'PAUSED' ? 'ACTIVE' : 'PAUSED';
    const res = await adminApi.setCampaignStatus(c.campaign._id, status);
    void Taro.showToast({
      title: res.ok ? (status === 'PAUSED' ? '已暂停' : '已恢复') : res.message,
      icon: 'none',
    });
    await list.refresh();
  };
  if (list.error && !list.data) return <ErrorState message={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <Text className="admin-title">活动</Text>
      <View className="btn small admin-new-campaign" onClick={() => edit()}>
        新建活动
      </View>
      {list.data.length === 0 ? <Empty text="还没有活动" /> : null}
      {list.data.map((c) => (
        <View key={c.campaign._id} className="admin-card admin-campaign-card">
          <View className="admin-form">
            <Text className="admin-rule-name">{`${c.campaign.title}（${c.campaign.label}）`}</Text>
            <Text className={c.live ? 'admin-campaign-live' : 'muted'}>{state(c)}</Text>
          </View>
          <Text className="muted admin-campaign-figures">
            {`订单 ${c.orders} · 件数 ${c.units} · 销售额 ${formatYuan(c.revenueFen)}${c.quotaLeft !== undefined ? ` · 剩余名额 ${c.quotaLeft ?? '未开始'}` : ''}`}
          </Text>
          {c.problems.map((p) => (
            <Text key={p} className="admin-error">
              {p}
            </Text>
          ))}
          <View className="admin-form">
            <View className="admin-chip" onClick={() => edit(c.campaign._id)}>
              编辑
            </View>
            <View className="admin-chip admin-campaign-toggle" onClick={() => void toggle(c)}>
              {c.campaign.status === 'PAUSED' ? '恢复' : '暂停'}
            </View>
          </View>
        </View>
      ))}
    </>
  );
}

export default function AdminCampaignsPage() {
  return (
    <AdminShell current="campaigns">
      <CampaignsContent />
    </AdminShell>
  );
}
