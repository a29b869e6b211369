// 提现: distributors' withdrawal requests, oldest first. Staff pay each one out themselves (bank
// transfer, WeChat...) and then mark it paid, or turn it down with a reason (the amount goes back
// to the distributor's balance). Paid and turned-down requests are listed too.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { WithdrawalView } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

type Status = 'REQUESTED' | 'PAID' | 'REJECTED';
const TABS: { status: Status; label: string }[] = [
  { status: 'REQUESTED', label: '待打款' },
  { status: 'PAID', label: '已打款' },
  { status: 'REJECTED', label: '未通过' },
];

function WithdrawalsContent() {
  const [status, setStatus] = useState<Status>('REQUESTED');
  const list = useCloudData(() => adminApi.withdrawals(status), [status]);

  const [notes, setNotes] = useState<Record<string, string>>({});
  const handle = async (w: WithdrawalView, paid: boolean) => {
    const note = (notes[w.id] ?? '').trim();
    if (!paid && !note) return Taro.showToast({ title: '请填写不通过的原因', icon: 'none' });
    const res = paid
      ? await adminApi.markWithdrawalPaid(w.id, note)
      : await adminApi.rejectWithdrawal(w.id, note);
    void Taro.showToast({
      title: res.ok ? (paid ? '已标记打款' : '已退回余额') : res.message,
      icon: 'none',
    });
    if (res.ok) await list.refresh();
  };

  return (
    <>
      <Text className="admin-title">提现</Text>
      <View className="admin-form">
        {TABS.map((t) => (
          <View
            key={t.status}
            className={`admin-chip admin-withdrawal-tab-${t.status}${status === t.status ? ' active' : ''}`}
            onClick={() => setStatus(t.status)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.length === 0 ? <Text className="muted">没有记录</Text> : null}
      {list.data?.map((w) => (
        <View key={w.id} className="admin-card admin-withdrawal">
          <Text>{`${w.distributorName} · ${formatYuan(w.amountFen)} · ${w.statusText}`}</Text>
          <Text className="muted">
            {`申请于 ${new Date(w.requestedAt).toLocaleString('zh-CN')}${w.note ? ` · ${w.note}` : ''}`}
          </Text>
          <Text className="muted">{w.distributorId}</Text>
          {w.status === 'REQUESTED' ? (
            <View className="admin-form">
              <Input
                className="admin-input admin-withdrawal-note"
                placeholder="备注：转账单号，或不通过的原因"
                value={notes[w.id] ?? ''}
                onInput={(e) => setNotes({ ...notes, [w.id]: e.detail.value })}
              />
              <View className="btn small admin-withdrawal-paid" onClick={() => handle(w, true)}>
                已打款
              </View>
              <View className="admin-chip admin-withdrawal-reject" onClick={() => handle(w, false)}>
                不通过
              </View>
            </View>
          ) : null}
        </View>
      ))}
    </>
  );
}

export default function WithdrawalsPage() {
  return (
    <AdminShell current="withdrawals">
      <WithdrawalsContent />
    </AdminShell>
  );
}
