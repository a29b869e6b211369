// 通知: the subscription-message templates (each notice kind's WeChat template id, its fields
// and the opt-ins users hold for it) and the outbox (messages by state; a failed or unconfirmed
// one can be sent again).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { NoticeTemplateView } from '@domain/api/views';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

const STATES = [
  ['FAILED', '失败'],
  ['UNCONFIRMED', '未确认'],
  ['QUEUED', '待发送'],
  ['SENT', '已发送'],
  ['SKIPPED', '未订阅'],
] as const;

function Templates() {
  const list = useCloudData(() => adminApi.noticeTemplates(), []);
  const [ids, setIds] = useState<Record<string, string>>({});
  if (list.error && !list.data) return <ErrorState message={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading />;
  const save = async (t: NoticeTemplateView) => {
    const res = await adminApi.saveNoticeTemplate(t.kind, ids[t.kind] ?? t.templateId);
    void Taro.showToast({ title: res.ok ? '已保存' : res.message, icon: 'none' });
    if (res.ok) list.setData(res.data);
  };
  return (
    <>
      {list.data.map((t) => (
        <View key={t.kind} className={`admin-card admin-notice-template admin-notice-${t.kind}`}>
          <Text>{`${t.title}${t.planned ? '（后续功能使用）' : ''}`}</Text>
          <Text className="muted">
            {`${t.askedWhen ? `${t.askedWhen}请求订阅 · ` : ''}${t.users} 人持有 ${t.optIns} 次可发送`}
          </Text>
          {t.fields.length ? (
            <Text className="muted">{t.fields.map((f) => `${f.label} ${f.key}`).join('，')}</Text>
          ) : null}
          <View className="admin-form">
            <Input
              className="admin-input admin-notice-id"
              value={ids[t.kind] ?? t.templateId}
              onInput={(e) => setIds({ ...ids, [t.kind]: e.detail.value })}
            />
            <View className="admin-chip admin-notice-save" onClick={() => save(t)}>
              保存模板 ID
            </View>
          </View>
        </View>
      ))}
    </>
  );
}

function Outbox() {
  const [state, setState] = useState<(typeof STATES)[number][0]>('FAILED');
  const list = useCloudData(() => adminApi.outbox(state), [state]);
  const resend = async (id: string) => {
    const res = await adminApi.resendNotice(id);
    void Taro.showToast({ title: res.ok ? `重发：${res.data.state}` : res.message, icon: 'none' });
    await list.refresh();
  };
  return (
    <>
      <View className="admin-form">
        {STATES.map(([s, label]) => (
          <View
            key={s}
            className={`admin-chip admin-outbox-${s}${state === s ? ' active' : ''}`}
            onClick={() => setState(s)}
          >
            {label}
          </View>
        ))}
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {list.data?.length === 0 ? <Text className="muted">没有消息</Text> : null}
      {list.data?.map((m) => (
        <View key={m.id} className="admin-card admin-outbox-message">
          <Text>{`${m.kind} · ${m.openid}`}</Text>
          <Text className="muted">
            {`${new Date(m.createdAt).toLocaleString('zh-CN')} · 尝试 ${m.attempts} 次${m.error ? ` · ${m.error}` : ''}`}
          </Text>
          {m.state === 'FAILED' || m.state === 'UNCONFIRMED' ? (
            <View className="admin-chip admin-outbox-resend" onClick={() => resend(m.id)}>
              重发
            </View>
          ) : null}
        </View>
      ))}
    </>
  );
}

/** A push of 到货提醒 for one SKU to everyone holding that opt-in: previewed, then sent. */
function Push() {
  const [skuId, setSkuId] = useState('');
  const [preview, setPreview] = useState<number | null>(null);
  const notice = { kind: 'BACK_IN_STOCK' as const, skuId: skuId.trim() };
  const look = async () => {
    const res = await adminApi.pushNotice({ notice });
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    setPreview(res.data.recipients);
  };
  const send = async () => {
    const requestId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const res = await adminApi.pushNotice({ notice, send: true, requestId });
    void Taro.showToast({
      title: res.ok ? `已排队 ${res.data.queued} 条` : res.message,
      icon: 'none',
    });
    setPreview(null);
  };
  return (
    <View className="admin-form">
      <Input
        className="admin-input admin-push-sku"
        placeholder="到货提醒：SKU ID"
        value={skuId}
        onInput={(e) => (setSkuId(e.detail.value), setPreview(null))}
      />
      <View className="admin-chip admin-push-preview" onClick={look}>
        预览人数
      </View>
      {preview !== null ? (
        <>
          <Text className="admin-push-count">{`${preview} 人持有订阅`}</Text>
          {preview > 0 ? (
            <View className="btn small admin-push-send" onClick={send}>
              发送
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  );
}

function NoticesContent() {
  return (
    <>
      <Text className="admin-title">通知</Text>
      <Text className="admin-subtitle">订阅消息模板</Text>
      <Templates />
      <Text className="admin-subtitle">推送给持有订阅的用户（仅服务通知）</Text>
      <Push />
      <Text className="admin-subtitle">发送记录</Text>
      <Outbox />
    </>
  );
}

export default function NoticesPage() {
  return (
    <AdminShell current="notices">
      <NoticesContent />
    </AdminShell>
  );
}
