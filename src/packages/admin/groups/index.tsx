// 拼团: groups by state; a group's members with their orders and refunds; closing one now (it
// closes as at its deadline: success at the tier reached with the differences refunded, or
// failure below the first tier with full refunds).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AdminGroupView } from '@domain/api/views';
import type { GroupStatus } from '@domain/groups';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

const TABS: { status: GroupStatus; label: string }[] = [
  { status: 'OPEN', label: '拼团中' },
  { status: 'SUCCEEDED', label: '已成团' },
  { status: 'FAILED', label: '未成团' },
  { status: 'PENDING', label: '待团长付款' },
];

function GroupDetail({ group, onClose }: { group: AdminGroupView; onClose: () => void }) {
  return (
    <View className="admin-card admin-group-detail">
      <Text>{`${group.title} · ${group.statusText} · ${group.paidCount}/${group.maxSize} 人`}</Text>
      <Text className="muted">
        {group.tiers.map((t) => `${t.size}人 ${formatYuan(t.priceFen)}`).join(' · ')}
      </Text>
      {group.memberOrders.map((m) => (
        <Text key={m.orderId} className="muted admin-group-member">
          {`${m.nickname} · ${m.state === 'PAID' ? '已付' : '付款中'} · 订单 ${m.orderId} ${m.orderStatus} · 实付 ${formatYuan(m.paidFen)} · 已退 ${formatYuan(m.refundedFen)}${m.settled ? '' : group.status === 'OPEN' ? '' : ' · 退款处理中'}`}
        </Text>
      ))}
      {group.status === 'OPEN' ? (
        <View className="btn small admin-group-close" onClick={onClose}>
          立即结束拼团
        </View>
      ) : null}
    </View>
  );
}

function GroupsContent() {
  const [status, setStatus] = useState<GroupStatus>('OPEN');
  const [open, setOpen] = useState<AdminGroupView | null>(null);
  const list = useCloudData(() => adminApi.groups({ status }), [status]);

  const show = async (id: string) => {
    const res = await adminApi.groupDetail(id);
    if (res.ok) setOpen(res.data);
    else void Taro.showToast({ title: res.message, icon: 'none' });
  };
  const close = async (id: string) => {
    const { confirm } = await Taro.showModal({
      title: '结束拼团',
      content: '现在结束：达到第一档即按达到的档位成团并退差价，否则全额退款。确定？',
    });
    if (!confirm) return;
    const res = await adminApi.closeGroup(id);
    void Taro.showToast({ title: res.ok ? res.data.statusText : res.message, icon: 'none' });
    if (res.ok) {
      setOpen(res.data);
      await list.refresh();
    }
  };

  return (
    <>
      <Text className="admin-title">拼团</Text>
      <View className="admin-form">
        {TABS.map((t) => (
          <View
            key={t.status}
            className={`admin-chip admin-group-tab-${t.status}${status === t.status ? ' active' : ''}`}
            onClick={() => (setStatus(t.status), setOpen(null))}
          >
            {t.label}
          </View>
        ))}
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <Text className="muted">没有记录</Text> : null}
      {list.data?.items.map((g) => (
        <View key={g.id}>
          <View className="admin-card admin-group" onClick={() => show(g.id)}>
            <Text>{`${g.title} · 团长 ${g.leader} · ${g.paidCount}/${g.maxSize} 人`}</Text>
            <Text className="muted">
              {`${g.tiersText}${g.deadline ? ` · 截止 ${new Date(g.deadline).toLocaleString('zh-CN')}` : ''}`}
            </Text>
          </View>
          {open?.id === g.id ? <GroupDetail group={open} onClose={() => close(g.id)} /> : null}
        </View>
      ))}
    </>
  );
}

export default function AdminGroupsPage() {
  return (
    <AdminShell current="groups">
      <GroupsContent />
    </AdminShell>
  );
}
