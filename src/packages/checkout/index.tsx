// Checkout: the server's quote (one call), the address, and the submit. The submit carries a
// request id made once per visit to this page, so tapping twice or retrying after a network
// error returns the same order instead of a second one.
import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { LinesInput } from '@domain/api/inputs';
import type { QuoteView } from '@domain/api/views';
import type { Address } from '@domain/model';
import { formatYuan } from '@domain/money';
import { api } from '../../services/api';
import { requestPayment } from '../../services/pay';
import { cartStore } from '../../stores/cart';
import { AddressForm, addressProblem } from '../../components/AddressForm';
import { Breakdown } from '../../components/Breakdown';
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

export default function CheckoutPage() {
  const { params } = useRouter();
  const lines = useMemo(() => linesFrom(params), [params]);
  const requestId = useMemo(newRequestId, []);
  const [quote, setQuote] = useState<QuoteView | null>(null);
  const [error, setError] = useState('');
  const [address, setAddress] = useState<Address>(EMPTY_ADDRESS);
  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const load = useCallback(async () => {
    setError('');
    const res = await api.quote(lines);
    if (!res.ok) return setError(res.message);
    setQuote(res.data);
    if (res.data.defaultAddress) setAddress(res.data.defaultAddress);
  }, [lines]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorState message={error} onRetry={load} />;
  if (!quote) return <Loading />;

  const submit = async () => {
    if (submitting) return;
    const problem = addressProblem(address) ?? quote.problems[0]?.message;
    if (problem) return Taro.showToast({ title: problem, icon: 'none' });
    setSubmitting(true);
    const res = await api.createOrder({ lines, requestId, address, remark });
    if (!res.ok) {
      setSubmitting(false);
      void Taro.showToast({ title: res.message, icon: 'none', duration: 2500 });
      if (res.code === 'OUT_OF_STOCK') void load();
      return;
    }
    if (lines.source === 'cart') void cartStore.load();
    const { order, payment } = res.data;
    const outcome = payment ? await requestPayment(payment, order.totalFen) : 'failed';
    void Taro.showToast({
      title: outcome === 'paid' ? '支付成功' : '订单已提交，请尽快支付',
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
        <Breakdown
          goodsFen={quote.goodsFen}
          shippingFen={quote.shippingFen}
          totalFen={quote.totalFen}
          lines={quote.lines}
          adjustments={quote.adjustments}
        />
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
