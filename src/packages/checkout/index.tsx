// Checkout: the server's quote (one call, again when the coupon changes), the address, and the
// submit. The submit carries a request id, so tapping twice or retrying after a network error
// returns the same order instead of a second one; after a final refusal (out of stock, price
// changed) a new id is made, since the buyer's next submit is a new attempt. It also carries
// the total the buyer saw: if the server's differs, nothing is ordered and the page re-quotes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { LinesInput } from '@domain/api/inputs';
import type { QuoteView } from '@domain/api/views';
import type { Address } from '@domain/model';
import { formatYuan } from '@domain/money';
import { UNPAID_TIMEOUT_MS } from '@domain/order-status';
import { api } from '../../services/api';
import { requestPayment } from '../../services/pay';
import { cartStore } from '../../stores/cart';
import { AddressForm, addressProblem } from '../../components/AddressForm';
import { Breakdown } from '../../components/Breakdown';
import { CouponPicker } from '../../components/CouponPicker';
import { OrderLines } from '../../components/OrderLines';
import { ErrorState, Loading } from '../../components/StateView';
import './index.scss';

const EMPTY_ADDRESS: Address = { name: '', phone: '', region: '', detail: '' };

function linesFrom(params: Record<string, string | undefined>): LinesInput {
  if (params.source === 'buyNow')
    return { source: 'buyNow', skuId: params.skuId ?? '', qty: Number(params.qty) || 1 };
  const skuIds = params.skuIds
    ? decodeURIComponent(params.skuIds).split(',').filter(Boolean)
    : undefined;
  return { source: 'cart', ...(skuIds?.length ? { skuIds } : {}) };
}

const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/** Errors after which the same submit can never succeed: the next one is a new attempt. */
const FINAL = [
  'OUT_OF_STOCK',
  'PRICE_CHANGED',
  'COUPON_UNAVAILABLE',
  'CAMPAIGN_UNITS_HELD',
  'PAYMENT_FAILED',
  'CART_EMPTY',
  'PRODUCT_UNAVAILABLE',
  'SKU_NOT_FOUND',
];

export default function CheckoutPage() {
  const { params } = useRouter();
  const lines = useMemo(() => linesFrom(params), [params]);
  const requestId = useRef(newRequestId());
  const [quote, setQuote] = useState<QuoteView | null>(null);
  const [coupon, setCoupon] = useState('auto');
  const [error, setError] = useState('');
  const [address, setAddress] = useState<Address>(EMPTY_ADDRESS);
  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const load = useCallback(
    async (withCoupon: string) => {
      setError('');
      const res = await api.quote(lines, withCoupon);
      if (!res.ok) return setError(res.message);
      setQuote(res.data);
      if (res.data.defaultAddress)
        setAddress((current) => (current.name ? current : res.data.defaultAddress!));
    },
    [lines],
  );

  useEffect(() => {
    void load(coupon);
  }, [load, coupon]);

  if (error) return <ErrorState message={error} onRetry={() => load(coupon)} />;
  if (!quote) return <Loading />;

  const submit = async () => {
    if (submitting) return;
    const problem = addressProblem(address) ?? quote.problems[0]?.message;
    if (problem) return Taro.showToast({ title: problem, icon: 'none' });
    setSubmitting(true);
    const res = await api.createOrder({
      lines,
      requestId: requestId.current,
      address,
      remark,
      coupon: quote.couponId ?? 'none',
      expectedTotalFen: quote.totalFen,
    });
    if (!res.ok) {
      setSubmitting(false);
      if (FINAL.includes(res.code)) requestId.current = newRequestId();
      void Taro.showToast({ title: res.message, icon: 'none', duration: 2500 });
      if (
        res.code === 'PRICE_CHANGED' ||
        res.code === 'OUT_OF_STOCK' ||
        res.code === 'COUPON_UNAVAILABLE'
      )
        void load('auto');
      return;
    }
    if (lines.source === 'cart') void cartStore.load();
    const { order, payment } = res.data;
    // A total of zero (coupons, free shipping) is paid as it is placed: nothing to pay.
    const outcome =
      order.status === 'PAID'
        ? 'paid'
        : payment
          ? await requestPayment(payment, order.totalFen)
          : 'failed';
    void Taro.showToast({
      title:
        outcome === 'paid'
          ? order.totalFen === 0
            ? '下单成功'
            : '支付成功'
          : '订单已提交，请尽快支付',
      icon: 'none',
    });
    void Taro.redirectTo({
      url: `/packages/orders/detail/index?id=${encodeURIComponent(order.id)}`,
    });
  };

  return (
    <View className="page checkout">
      <View className="section">
        <Text className="section-title">收货地址</Text>
        <AddressForm value={address} onChange={setAddress} />
      </View>
      <View className="section">
        <Text className="section-title">商品</Text>
        <OrderLines lines={quote.lines} />
        {quote.problems.map((p) => (
          <Text key={p.skuId} className="checkout-problem">
            {p.message}
          </Text>
        ))}
        <View className="checkout-remark">
          <Text className="checkout-remark-label">备注</Text>
          <Input
            className="checkout-remark-input"
            placeholder="选填，给商家留言"
            value={remark}
            maxlength={100}
            onInput={(e) => setRemark(e.detail.value)}
          />
        </View>
      </View>
      <View className="section">
        <CouponPicker coupons={quote.coupons} chosen={quote.couponId} onChoose={setCoupon} />
        {quote.couponProblem ? (
          <Text className="checkout-problem">{quote.couponProblem}</Text>
        ) : null}
      </View>
      <View className="section">
        <Breakdown
          goodsFen={quote.goodsFen}
          shippingFen={quote.shippingFen}
          totalFen={quote.totalFen}
          lines={quote.lines}
          adjustments={quote.adjustments}
        />
        {quote.paymentWindowMs < UNPAID_TIMEOUT_MS ? (
          <Text className="muted">
            含限时活动商品，请在下单后 {Math.round(quote.paymentWindowMs / 60_000)} 分钟内付款
          </Text>
        ) : null}
      </View>
      <View className="bottom-bar checkout-bar">
        <View className="checkout-total">
          <Text className="muted">实付</Text>
          <Text className="checkout-total-amount">{formatYuan(quote.totalFen)}</Text>
        </View>
        <View
          className={`btn checkout-submit${submitting || quote.problems.length ? ' disabled' : ''}`}
          onClick={submit}
        >
          {submitting ? '提交中…' : '提交订单'}
        </View>
      </View>
    </View>
  );
}
