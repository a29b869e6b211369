// One order: its status (with the time left to pay), address, lines, amounts, and what the buyer
// can do now: pay, cancel, confirm receipt, ask for after-sale, or buy the same again.
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AFTER_SALE_REASONS } from '@domain/after-sale';
import { formatYuan } from '@domain/money';
import { totalLabel } from '@domain/order-status';
import { api } from '../../../services/api';
import { useCloudData } from '../../../hooks/useCloudData';
import { cartStore } from '../../../stores/cart';
import { requestPayment } from '../../../services/pay';
import { Breakdown } from '../../../components/Breakdown';
import { OrderLines } from '../../../components/OrderLines';
import { ErrorState, Loading } from '../../../components/StateView';
import './index.scss';

function useCountdown(until: number | null): string {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (!until || until <= now) return '';
  const left = Math.floor((until - now) / 1000);
  return `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
}

export default function OrderDetailPage() {
  const { params } = useRouter();
  const orderId = params.id ?? '';
  const { data: order, error, retry, refresh } = useCloudData(() => api.order(orderId), [orderId]);
  const [busy, setBusy] = useState(false);
  const load = refresh;
  const countdown = useCountdown(order?.canPay ? order.expiresAt : null);
  // At the deadline the order is about to be cancelled: show it as the server sees it.
  useEffect(() => {
    if (!order?.canPay) return;
    const timer = setTimeout(() => void load(), Math.max(0, order.expiresAt - Date.now()) + 1500);
    return () => clearTimeout(timer);
  }, [order, load]);

  if (error && !order) return <ErrorState message={error} onRetry={retry} />;
  if (!order) return <Loading />;

  const act = async (fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    await fn();
    setBusy(false);
    await load();
  };
  const pay = () =>
    act(async () => {
      const res = await api.payOrder(order.id);
      if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
      const outcome = await requestPayment(res.data.payment, order.totalFen);
      if (outcome !== 'paid') return;
      void Taro.showToast({ title: '支付成功', icon: 'success' });
      await waitUntilPaid();
    });
  /** The pay notice reaches the server a moment after the payment: look again a few times. */
  const waitUntilPaid = async () => {
    for (let i = 0; i < 6; i++) {
      const res = await api.order(order.id);
      if (res.ok && res.data.status !== 'UNPAID') return;
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
  };
  const cancel = () =>
    act(async () => {
      const { confirm } = await Taro.showModal({
        title: '取消订单',
        content: '确定取消这个订单吗？',
      });
      if (!confirm) return;
      const res = await api.cancelOrder(order.id);
      void Taro.showToast({ title: res.ok ? '订单已取消' : res.message, icon: 'none' });
    });
  const askAfterSale = () =>
    act(async () => {
      const choice = await Taro.showActionSheet({ itemList: [...AFTER_SALE_REASONS] }).catch(
        () => null,
      );
      if (!choice) return;
      const res = await api.requestAfterSale(order.id, AFTER_SALE_REASONS[choice.tapIndex]);
      void Taro.showToast({
        title: res.ok ? '已提交售后申请，商家会尽快处理' : res.message,
        icon: 'none',
      });
    });
  // 再次购买: the order's lines back into the cart, then the cart.
  const buyAgain = () =>
    act(async () => {
      const res = await cartStore.addLines(
        order.lineDetails.map((l) => ({ skuId: l.skuId, qty: l.qty })),
      );
      if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
      const skipped = res.data.skipped;
      if (skipped.length)
        await Taro.showModal({
          title: '部分商品未加入购物车',
          content: skipped.map((s) => `${s.title}：${s.message}`).join('\n'),
          showCancel: false,
        });
      if (res.data.count > 0) void Taro.switchTab({ url: '/pages/cart/index' });
    });
  const confirmReceipt = () =>
    act(async () => {
      const res = await api.confirmReceipt(order.id);
      void Taro.showToast({ title: res.ok ? '已确认收货' : res.message, icon: 'none' });
    });

  return (
    <View className="page order-detail">
      <View className={`order-banner status-${order.status}`}>
        <Text className="order-banner-status">{order.statusText}</Text>
        {order.canPay && countdown ? (
          <Text className="order-banner-note">请在 {countdown} 内完成支付，超时订单将自动取消</Text>
        ) : null}
        {order.status === 'CANCELLED' && order.cancelText ? (
          <Text className="order-banner-note">{order.cancelText}</Text>
        ) : null}
        {order.shipping ? (
          <Text className="order-banner-note">{`${order.shipping.company} ${order.shipping.trackingNo}`}</Text>
        ) : null}
        {order.refundedFen > 0 ? (
          <Text className="order-banner-note">已退款 {formatYuan(order.refundedFen)}</Text>
        ) : null}
        {order.group ? (
          <Text
            className="order-banner-note order-group"
            onClick={() =>
              Taro.navigateTo({
                url: `/packages/group/index?id=${encodeURIComponent(order.group!.id)}`,
              })
            }
          >
            {`${order.group.text} · 查看拼团 ›`}
          </Text>
        ) : null}
        {order.presale ? (
          <Text
            className="order-banner-note order-presale"
            onClick={() =>
              Taro.navigateTo({
                url: `/packages/presale/index?campaign=${encodeURIComponent(order.presale!.campaignId)}`,
              })
            }
          >
            {`${order.presale.text} · 查看预售 ›`}
          </Text>
        ) : null}
        {order.afterSale ? (
          <Text className="order-banner-note order-after-sale">
            {`${order.afterSale.statusText}（${order.afterSale.reason}）${order.afterSale.note ? `：${order.afterSale.note}` : ''}`}
          </Text>
        ) : null}
      </View>
      <View className="section">
        <Text className="section-title">收货信息</Text>
        <Text className="order-address">{`${order.address.name} ${order.address.phone}`}</Text>
        <Text className="order-address muted">{`${order.address.region} ${order.address.detail}`}</Text>
      </View>
      <View className="section">
        <OrderLines lines={order.lineDetails} />
        {order.remark ? <Text className="muted">备注：{order.remark}</Text> : null}
      </View>
      <View className="section">
        <Breakdown
          goodsFen={order.goodsFen}
          shippingFen={order.shippingFen}
          totalFen={order.totalFen}
          lines={order.lineDetails}
          adjustments={order.adjustments}
          totalLabel={totalLabel(order.status)}
        />
      </View>
      <View className="section order-meta">
        <Text className="muted">订单编号：{order.id}</Text>
        <Text className="muted">
          下单时间：{new Date(order.createdAt).toLocaleString('zh-CN', { hour12: false })}
        </Text>
        {order.paidAt ? (
          <Text className="muted">
            支付时间：{new Date(order.paidAt).toLocaleString('zh-CN', { hour12: false })}
          </Text>
        ) : null}
      </View>
      {order.canPay || order.canCancel || order.status !== 'CREATING' ? (
        <View className="bottom-bar order-actions">
          {order.canRequestAfterSale ? (
            <View className="btn ghost small order-after-sale-ask" onClick={askAfterSale}>
              申请售后
            </View>
          ) : null}
          {!order.canPay ? (
            <View className="btn ghost small order-buy-again" onClick={buyAgain}>
              再次购买
            </View>
          ) : null}
          {order.canCancel ? (
            <View className="btn ghost small order-cancel" onClick={cancel}>
              取消订单
            </View>
          ) : null}
          {order.canPay ? (
            <View className="btn order-pay" onClick={pay}>
              去支付 {formatYuan(order.totalFen)}
            </View>
          ) : null}
          {order.status === 'SHIPPED' ? (
            <View className="btn order-receive" onClick={confirmReceipt}>
              确认收货
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
