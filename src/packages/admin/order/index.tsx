// One order for staff: what was bought and paid (the breakdown), the address, its history, the
// shipment and its upload to WeChat, and what staff can do now: ship (courier and tracking
// number), refund fully or partly with a reason, answer an after-sale request.
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { fen, formatYuan, parseYuan } from '@domain/money';
import { EXPRESS_COMPANIES } from '@domain/shipping';
import { STATUS_TEXT } from '@domain/order-status';
import { useCloudData } from '../../../hooks/useCloudData';
import { Breakdown } from '../../../components/Breakdown';
import { OrderLines } from '../../../components/OrderLines';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi, newRequestId } from '../admin-api';
import '../admin.scss';

const time = (at: number) => new Date(at).toLocaleString('zh-CN', { hour12: false });
const UPLOAD_TEXT = {
  PENDING: '待上传（自动重试）',
  UPLOADED: '已上传微信',
  FAILED: '微信拒绝，请处理',
  NOT_NEEDED: '无需上传',
};

function OrderContent() {
  const { params } = useRouter();
  const orderId = params.id ?? '';
  const order = useCloudData(() => adminApi.order(orderId), [orderId]);
  const [company, setCompany] = useState(EXPRESS_COMPANIES[0].name);
  const [trackingNo, setTrackingNo] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const refundRequest = useRef(newRequestId());

  if (order.error && !order.data) return <ErrorState message={order.error} onRetry={order.retry} />;
  if (!order.data) return <Loading />;
  const o = order.data;

  const act = async (fn: () => Promise<{ ok: boolean; message?: string }>, done: string) => {
    if (busy) return;
    setBusy(true);
    const res = await fn();
    setBusy(false);
    void Taro.showToast({ title: res.ok ? done : (res.message ?? '操作失败'), icon: 'none' });
    await order.refresh();
    return res.ok;
  };
  const ship = () =>
    act(() => adminApi.ship({ orderId, company, trackingNo: trackingNo.trim() }), '已发货');
  const refund = async () => {
    const fenAmount = parseYuan(amount);
    if (fenAmount === null || fenAmount <= 0)
      return Taro.showToast({ title: '请填写退款金额（元）', icon: 'none' });
    if (!reason.trim()) return Taro.showToast({ title: '请填写退款原因', icon: 'none' });
    const ok = await act(
      () =>
        adminApi.refund({
          orderId,
          amountFen: fenAmount,
          reason: reason.trim(),
          requestId: refundRequest.current,
        }),
      '已提交退款',
    );
    if (ok) {
      refundRequest.current = newRequestId();
      setAmount('');
    }
  };
  const reject = async () => {
    if (!reason.trim())
      return Taro.showToast({ title: '请在原因中写明不通过的理由', icon: 'none' });
    await act(() => adminApi.rejectAfterSale(orderId, reason.trim()), '已回复买家');
  };

  return (
    <>
      <Text className="admin-title">{`订单 ${o.id} · ${o.statusText}`}</Text>
      <View className="admin-card">
        <Text className="muted">{`下单 ${time(o.createdAt)} · 买家 ${o.buyer}`}</Text>
        <Text className="admin-order-address">{`${o.address.name} ${o.address.phone} ${o.address.region} ${o.address.detail}`}</Text>
        {o.remark ? <Text className="muted">{`备注：${o.remark}`}</Text> : null}
        {o.group ? (
          <Text className="admin-low admin-order-group">{`拼团订单：${o.group.text}`}</Text>
        ) : null}
      </View>
      <View className="admin-card">
        <OrderLines lines={o.lineDetails} />
        <Breakdown
          goodsFen={o.goodsFen}
          shippingFen={o.shippingFen}
          totalFen={o.totalFen}
          lines={o.lineDetails}
          adjustments={o.adjustments}
          totalLabel={o.paidAt ? '实付' : '应付'}
        />
        {o.refundedFen > 0 ? (
          <Text className="admin-low">{`已退款 ${formatYuan(o.refundedFen)}`}</Text>
        ) : null}
      </View>
      {o.afterSale ? (
        <View className="admin-card admin-after-sale">
          <Text>{`${o.afterSale.statusText}：${o.afterSale.reason}${o.afterSale.detail ? `（${o.afterSale.detail}）` : ''}`}</Text>
          {o.afterSale.note ? <Text className="muted">{`回复：${o.afterSale.note}`}</Text> : null}
        </View>
      ) : null}
      {o.shipping ? (
        <View className="admin-card">
          <Text>{`${o.shipping.company} ${o.shipping.trackingNo} · ${time(o.shipping.at)}`}</Text>
          {o.shippingUpload ? (
            <Text
              className={o.shippingUpload.status === 'FAILED' ? 'admin-low' : 'muted'}
            >{`发货信息：${UPLOAD_TEXT[o.shippingUpload.status]}${o.shippingUpload.lastError ? `（${o.shippingUpload.lastError.code}）` : ''}`}</Text>
          ) : null}
        </View>
      ) : null}
      {o.canShip ? (
        <View className="admin-card">
          <Text className="admin-subtitle">发货</Text>
          <View className="admin-form">
            {EXPRESS_COMPANIES.slice(0, 6).map((c) => (
              <View
                key={c.code}
                className={`admin-chip${company === c.name ? ' active' : ''}`}
                onClick={() => setCompany(c.name)}
              >
                {c.name}
              </View>
            ))}
          </View>
          <View className="admin-form">
            <Input
              className="admin-input admin-tracking"
              placeholder="运单号"
              value={trackingNo}
              onInput={(e) => setTrackingNo(e.detail.value)}
            />
            <View className={`btn small admin-ship${busy ? ' disabled' : ''}`} onClick={ship}>
              发货
            </View>
          </View>
        </View>
      ) : null}
      {o.refundable > 0 ? (
        <View className="admin-card">
          <Text className="admin-subtitle">{`退款（最多 ${formatYuan(fen(o.refundable))}）`}</Text>
          <View className="admin-form">
            <Input
              className="admin-input admin-refund-amount"
              type="digit"
              placeholder="金额（元）"
              value={amount}
              onInput={(e) => setAmount(e.detail.value)}
            />
            <Input
              className="admin-input admin-refund-reason"
              placeholder="原因，如 少发一件"
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
            <View className={`btn small admin-refund${busy ? ' disabled' : ''}`} onClick={refund}>
              退款
            </View>
            {o.afterSale?.status === 'REQUESTED' ? (
              <View className="btn small ghost admin-reject" onClick={reject}>
                售后不通过
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      <Text className="admin-subtitle">记录</Text>
      {o.history.map((h) => (
        <Text
          key={`${h.at}-${h.to}`}
          className="muted admin-history"
        >{`${time(h.at)} ${h.from ? STATUS_TEXT[h.from] : ''} → ${STATUS_TEXT[h.to]} · ${h.by}${h.reason ? ` · ${h.reason}` : ''}`}</Text>
      ))}
    </>
  );
}

export default function AdminOrderPage() {
  return (
    <AdminShell current="orders">
      <OrderContent />
    </AdminShell>
  );
}
