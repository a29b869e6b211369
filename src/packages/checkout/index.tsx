// Checkout: the server's quote (one call, again when the coupon changes), the address, and the
// submit. The submit carries a request id, so tapping twice or retrying after a network error
// returns the same order instead of a second one; after a final refusal (out of stock, price
// changed) a new id is made, since the buyer's next submit is a new attempt. It also carries
// the total the buyer saw: if the server's differs, nothing is ordered and the page re-quotes.
// An unpaid order for the same lines (the page was reloaded during payment) is offered first. A
// line that cannot be ordered as asked stays, marked, with its quantity adjustable. A group order
// (开团 / 参团: `groupCampaign`, and `groupId` to join) is priced by its campaign and, once paid,
// opens the group's page.
import { useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { CloudImage } from '../../components/CloudImage';
import type { LinesInput } from '@domain/api/inputs';
import type { ProblemLineView } from '@domain/api/views';
import type { Address } from '@domain/model';
import { formatYuan, type Fen } from '@domain/money';
import { UNPAID_TIMEOUT_MS } from '@domain/order-status';
import { api } from '../../services/api';
import { requestPayment } from '../../services/pay';
import { askForNotices } from '../../services/subscribe';
import { useCloudData } from '../../hooks/useCloudData';
import { cartStore } from '../../stores/cart';
import { AddressBook } from '../../components/AddressBook';
import { AddressForm, addressProblem } from '../../components/AddressForm';
import { Breakdown } from '../../components/Breakdown';
import { CouponPicker } from '../../components/CouponPicker';
import { OrderLines } from '../../components/OrderLines';
import { Stepper } from '../../components/Stepper';
import { Empty, ErrorState, Loading } from '../../components/StateView';
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

/** 开团 (no groupId) or 参团: the group order asked for by the page's parameters. */
function groupFrom(params: Record<string, string | undefined>) {
  if (!params.groupCampaign) return undefined;
  return {
    campaignId: params.groupCampaign,
    ...(params.groupId ? { groupId: params.groupId } : {}),
  };
}

const openOrder = (id: string) =>
  Taro.redirectTo({ url: `/packages/orders/detail/index?id=${encodeURIComponent(id)}` });

/** On arrival: the same lines already wait in an unpaid order; paying that one is the default. */
async function offerPending(id: string, totalFen: Fen): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '你有待支付订单',
    content: `这些商品已在一个待支付订单中（${formatYuan(totalFen)}），去支付这个订单？`,
    confirmText: '去支付',
    cancelText: '重新下单',
  });
  if (confirm) void openOrder(id);
}

/** Submitting while that order waits: a second order only if the buyer says so. */
async function confirmSecondOrder(id: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '你有待支付订单',
    content: '相同的商品已有待支付订单，仍要再下一单吗？',
    confirmText: '仍要下单',
    cancelText: '去支付',
  });
  if (!confirm) void openOrder(id);
  return confirm;
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
  'GROUP_UNAVAILABLE',
  'ASSIST_UNAVAILABLE',
  'PRESALE_UNAVAILABLE',
  'BLIND_BOX_UNAVAILABLE',
  'AGE_REFUSED',
];

export default function CheckoutPage() {
  const { params } = useRouter();
  const [buyNowQty, setBuyNowQty] = useState<number | null>(null);
  const lines = useMemo(() => {
    const asked = linesFrom(params);
    return asked.source === 'buyNow' && buyNowQty ? { ...asked, qty: buyNowQty } : asked;
  }, [params, buyNowQty]);
  const group = useMemo(() => groupFrom(params), [params]);
  // An assist's starter buying at the price it reached.
  const assist = useMemo(
    () => (params.assistId ? { assistId: params.assistId } : undefined),
    [params],
  );
  // A blind box, with the buyer's answer to the age question (asked on the box's page).
  const box = useMemo(
    () =>
      params.boxCampaign
        ? {
            campaignId: params.boxCampaign,
            age:
              params.age === 'MINOR_WITH_GUARDIAN'
                ? ('MINOR_WITH_GUARDIAN' as const)
                : params.age === 'UNDER_8'
                  ? ('UNDER_8' as const)
                  : ('ADULT' as const),
          }
        : undefined,
    [params],
  );
  // A pre-sale's deposit or final payment.
  const presale = useMemo(
    () =>
      params.presaleCampaign
        ? {
            campaignId: params.presaleCampaign,
            step: params.presaleStep === 'FINAL' ? ('FINAL' as const) : ('DEPOSIT' as const),
          }
        : undefined,
    [params],
  );
  const requestId = useRef(newRequestId());
  const [coupon, setCoupon] = useState('auto');
  const [address, setAddress] = useState<Address>(EMPTY_ADDRESS);
  const [addressBook, setAddressBook] = useState<Address[] | null>(null);
  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const offered = useRef(false);

  const {
    data: quote,
    error,
    code,
    retry,
    refresh: load,
  } = useCloudData(async () => {
    const res = await api.quote(lines, coupon, { group, assist, presale, box });
    if (res.ok && res.data.defaultAddress)
      setAddress((current) => (current.name ? current : res.data.defaultAddress!));
    if (res.ok && res.data.pendingOrder && !offered.current) {
      offered.current = true;
      void offerPending(res.data.pendingOrder.id, res.data.pendingOrder.totalFen);
    }
    return res;
  }, [lines, coupon, group, assist, presale, box]);

  if (code === 'CART_EMPTY')
    return (
      <Empty
        text={error}
        action="去逛逛"
        onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
      />
    );
  if (error && !quote) return <ErrorState message={error} onRetry={retry} />;
  if (!quote) return <Loading />;
  const book = addressBook ?? quote.addresses;

  const forget = async (a: Address) => {
    const res = await api.removeAddress(a);
    if (res.ok) setAddressBook(res.data);
    else void Taro.showToast({ title: res.message, icon: 'none' });
  };
  // A line above stock: lower its quantity (in the cart, or here for buy-now), then quote again.
  const adjust = async (line: ProblemLineView, qty: number) => {
    if (lines.source === 'buyNow') return setBuyNowQty(qty);
    const res = await cartStore.setQty(line.skuId, qty);
    if (!res.ok) void Taro.showToast({ title: res.message, icon: 'none' });
    await load();
  };

  const submit = async () => {
    if (submitting) return;
    const problem = addressProblem(address) ?? quote.problems[0]?.message;
    if (problem) return Taro.showToast({ title: problem, icon: 'none' });
    if (quote.pendingOrder && !(await confirmSecondOrder(quote.pendingOrder.id))) return;
    setSubmitting(true);
    const res = await api.createOrder({
      lines,
      ...(group ? { group } : {}),
      ...(assist ? { assist } : {}),
      ...(presale ? { presale } : {}),
      ...(box ? { box } : {}),
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
        if (coupon === 'auto') void load();
        else setCoupon('auto');
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
    // In WeChat, right after paying: ask to be told when it ships (or is refunded), and for a
    // group how it ends.
    if (outcome === 'paid' && process.env.TARO_ENV !== 'h5')
      await askForNotices(
        group
          ? ['GROUP_RESULT', 'GROUP_CLOSING', 'ORDER_SHIPPED']
          : box
            ? ['BLIND_BOX_RESULT', 'ORDER_SHIPPED']
            : presale?.step === 'DEPOSIT'
              ? ['FINAL_PAYMENT_OPEN', 'FINAL_PAYMENT_CLOSING']
              : ['ORDER_PAID', 'ORDER_SHIPPED', 'REFUND_DONE'],
        group ? '拼团通知' : box ? '盲盒通知' : presale ? '尾款提醒' : '订单通知',
      );
    void Taro.showToast({
      title:
        outcome === 'paid'
          ? order.totalFen === 0
            ? '下单成功'
            : '支付成功'
          : '订单已提交，请尽快支付',
      icon: 'none',
    });
    // A paid group order shows its group (to share it), a box my boxes (to open it); anything
    // else its order.
    void Taro.redirectTo({
      url:
        outcome === 'paid' && order.group
          ? `/packages/group/index?id=${encodeURIComponent(order.group.id)}`
          : outcome === 'paid' && box
            ? `/packages/blindbox/mine/index?open=${encodeURIComponent(order.id)}`
            : `/packages/orders/detail/index?id=${encodeURIComponent(order.id)}`,
    });
  };

  return (
    <View className="page checkout">
      {quote.pendingOrder ? (
        <View
          className="section checkout-pending"
          onClick={() => openOrder(quote.pendingOrder!.id)}
        >
          <Text>{`你有待支付订单（${formatYuan(quote.pendingOrder.totalFen)}），去支付 ›`}</Text>
        </View>
      ) : null}
      <View className="section">
        <Text className="section-title">收货地址</Text>
        <AddressBook addresses={book} current={address} onPick={setAddress} onForget={forget} />
        <AddressForm value={address} onChange={setAddress} />
      </View>
      <View className="section">
        <Text className="section-title">商品</Text>
        <OrderLines lines={quote.lines} />
        {quote.problems.map((p) => (
          <View key={p.skuId} className="checkout-problem-line">
            <CloudImage className="checkout-problem-image" src={p.image} mode="aspectFill" />
            <View className="checkout-problem-info">
              <Text className="checkout-problem-title">{p.title}</Text>
              <Text className="muted">{p.specText}</Text>
              <Text className="checkout-problem">{p.message}</Text>
              {p.stock > 0 ? (
                <Stepper
                  value={p.qty}
                  max={Math.max(p.qty, Math.min(p.stock, 99))}
                  onChange={(n) => void adjust(p, n)}
                />
              ) : null}
            </View>
          </View>
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
      {group ? (
        <View className="section checkout-group">
          <Text>
            {group.groupId ? '参团' : '开团'}：先按第一档拼团价付款，成团后按达到的档位退还差价
          </Text>
          {quote.groupProblem ? (
            <Text className="checkout-problem">{quote.groupProblem}</Text>
          ) : null}
        </View>
      ) : presale ? (
        <View className="section checkout-presale">
          <Text className="section-title">
            {presale.step === 'DEPOSIT' ? '预售定金' : '预售尾款'}
          </Text>
          {quote.plan.map((step) => (
            <Text key={step.code} className="checkout-plan-step">
              {`${step.label}：${formatYuan(step.amountFen)}${step.dueNow ? '（本次支付）' : ''}`}
            </Text>
          ))}
          {presale.step === 'DEPOSIT' ? (
            <Text className="checkout-forfeit">须在尾款期内付尾款，逾期未付定金不退</Text>
          ) : null}
          {quote.fixedPriceProblem ? (
            <Text className="checkout-problem">{quote.fixedPriceProblem}</Text>
          ) : null}
        </View>
      ) : box ? (
        <View className="section checkout-box">
          <Text>幸运盲盒：付款后由服务器抽取，结果与概率可在「我的盲盒」验证</Text>
          {quote.fixedPriceProblem ? (
            <Text className="checkout-problem">{quote.fixedPriceProblem}</Text>
          ) : null}
        </View>
      ) : assist ? (
        <View className="section checkout-assist">
          <Text>好友助力价：仅限本商品 1 件，不与优惠券同享</Text>
          {quote.fixedPriceProblem ? (
            <Text className="checkout-problem">{quote.fixedPriceProblem}</Text>
          ) : null}
        </View>
      ) : (
        <View className="section">
          <CouponPicker coupons={quote.coupons} chosen={quote.couponId} onChoose={setCoupon} />
          {quote.couponProblem ? (
            <Text className="checkout-problem">{quote.couponProblem}</Text>
          ) : null}
        </View>
      )}
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
          <Text className="muted">应付</Text>
          <Text className="checkout-total-amount">
            {quote.problems.length ? '—' : formatYuan(quote.totalFen)}
          </Text>
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
