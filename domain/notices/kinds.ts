// The service notices the shop sends (RULES.md "Subscription messages"), as configuration: each
// kind names its fields (what the event supplies, and the WeChat field key and type in the
// template chosen for it), the page the message opens, and how the event fills the fields.
// Template ids differ per mini-program (each shop picks templates from WeChat's library), so the
// ids, and keys where a chosen template numbers its fields differently, come from settings.
import type { Fen } from '../money';
import { amountValue, cut, fieldType, fieldValue, timeValue, type FieldType } from './fields';

export interface NoticeField {
  /** What the event supplies (orderNo, goods, amount...). */
  name: string;
  /** The template's key (thing2, amount3...): its prefix is its type. */
  key: string;
  /** How staff see it when configuring templates. */
  label: string;
}

export interface NoticeKind<E> {
  title: string;
  /** When the app asks for this opt-in. */
  askedWhen: string;
  fields: NoticeField[];
  /** The page the message opens (no leading slash, as WeChat wants). */
  page(event: E): string;
  /** The raw values by field name; `noticeData` makes them fit their types. */
  fill(event: E): Record<string, string | number>;
}

export interface OrderEvent {
  orderId: string;
  /** The first line's title; `more` other lines. */
  goods: string;
  more: number;
  at: number;
}

const goodsText = (e: OrderEvent) =>
  e.more > 0 ? `${cut(e.goods, 14)}等${e.more + 1}件` : e.goods;
const orderPage = (e: OrderEvent) => `packages/orders/detail/index?id=${e.orderId}`;

const kind = <E>(k: NoticeKind<E>) => k;

export const NOTICE_KINDS = {
  ORDER_PAID: kind<OrderEvent & { totalFen: Fen }>({
    title: '订单支付成功',
    askedWhen: '付款时',
    fields: [
      { name: 'orderNo', key: 'character_string1', label: '订单号' },
      { name: 'goods', key: 'thing2', label: '商品' },
      { name: 'amount', key: 'amount3', label: '支付金额' },
      { name: 'time', key: 'time4', label: '支付时间' },
    ],
    page: orderPage,
    fill: (e) => ({
      orderNo: e.orderId,
      goods: goodsText(e),
      amount: amountValue(e.totalFen),
      time: timeValue(e.at),
    }),
  }),
  ORDER_SHIPPED: kind<OrderEvent & { company: string; trackingNo: string }>({
    title: '订单发货通知',
    askedWhen: '付款时',
    fields: [
      { name: 'orderNo', key: 'character_string1', label: '订单号' },
      { name: 'goods', key: 'thing2', label: '商品' },
      { name: 'company', key: 'thing3', label: '快递公司' },
      { name: 'trackingNo', key: 'character_string4', label: '运单号' },
    ],
    page: orderPage,
    fill: (e) => ({
      orderNo: e.orderId,
      goods: goodsText(e),
      company: e.company,
      trackingNo: e.trackingNo,
    }),
  }),
  REFUND_DONE: kind<OrderEvent & { amountFen: Fen }>({
    title: '退款到账通知',
    askedWhen: '付款时',
    fields: [
      { name: 'orderNo', key: 'character_string1', label: '订单号' },
      { name: 'goods', key: 'thing2', label: '商品' },
      { name: 'amount', key: 'amount3', label: '退款金额' },
      { name: 'time', key: 'time4', label: '退款时间' },
    ],
    page: orderPage,
    fill: (e) => ({
      orderNo: e.orderId,
      goods: goodsText(e),
      amount: amountValue(e.amountFen),
      time: timeValue(e.at),
    }),
  }),
  FLASH_SALE_STARTING: kind<{
    productId: string;
    product: string;
    campaign: string;
    startAt: number;
  }>({
    title: '秒杀开始提醒',
    askedWhen: '点「提醒我」时',
    fields: [
      { name: 'product', key: 'thing1', label: '商品' },
      { name: 'campaign', key: 'thing2', label: '活动' },
      { name: 'time', key: 'time3', label: '开始时间' },
    ],
    page: (e) => `packages/product/detail/index?id=${e.productId}`,
    fill: (e) => ({ product: e.product, campaign: e.campaign, time: timeValue(e.startAt) }),
  }),
  BACK_IN_STOCK: kind<{ productId: string; product: string; spec: string; at: number }>({
    title: '到货提醒',
    askedWhen: '点「到货提醒」时',
    fields: [
      { name: 'product', key: 'thing1', label: '商品' },
      { name: 'spec', key: 'thing2', label: '规格' },
      { name: 'time', key: 'time3', label: '到货时间' },
    ],
    page: (e) => `packages/product/detail/index?id=${e.productId}`,
    fill: (e) => ({ product: e.product, spec: e.spec || '默认', time: timeValue(e.at) }),
  }),
  GROUP_RESULT: kind<{
    groupId: string;
    product: string;
    succeeded: boolean;
    /** Members paid, and the tier's price everyone ends up paying (when it succeeded). */
    members: number;
    priceFen?: Fen;
    refundFen: Fen;
    at: number;
  }>({
    title: '拼团结果通知',
    askedWhen: '开团或参团付款时',
    fields: [
      { name: 'product', key: 'thing1', label: '商品' },
      { name: 'result', key: 'phrase2', label: '拼团结果' },
      { name: 'refund', key: 'amount3', label: '退款金额' },
      { name: 'note', key: 'thing4', label: '说明' },
    ],
    page: (e) => `packages/group/index?id=${e.groupId}`,
    fill: (e) => ({
      product: e.product,
      result: e.succeeded ? '拼团成功' : '拼团失败',
      refund: amountValue(e.refundFen),
      note: e.succeeded
        ? `${e.members}人成团，每件${amountValue(e.priceFen ?? (0 as Fen))}，差价原路退回`
        : '未达到成团人数，已全额原路退款',
    }),
  }),
  GROUP_CLOSING: kind<{
    groupId: string;
    product: string;
    /** Members still missing for the next tier, and its price. */
    missing: number;
    nextPriceFen: Fen;
    deadline: number;
  }>({
    title: '拼团即将结束提醒',
    askedWhen: '开团或参团付款时',
    fields: [
      { name: 'product', key: 'thing1', label: '商品' },
      { name: 'progress', key: 'thing2', label: '拼团进度' },
      { name: 'deadline', key: 'time3', label: '结束时间' },
    ],
    page: (e) => `packages/group/index?id=${e.groupId}`,
    fill: (e) => ({
      product: e.product,
      progress: `再邀${e.missing}人每件降到${amountValue(e.nextPriceFen)}`,
      deadline: timeValue(e.deadline),
    }),
  }),
  ASSIST_DONE: kind<{ assistId: string; product: string; priceFen: Fen; expiresAt: number }>({
    title: '助力完成通知',
    askedWhen: '发起助力时',
    fields: [
      { name: 'product', key: 'thing1', label: '商品' },
      { name: 'price', key: 'amount2', label: '助力价' },
      { name: 'deadline', key: 'time3', label: '购买截止' },
      { name: 'note', key: 'thing4', label: '说明' },
    ],
    page: (e) => `packages/assist/index?id=${e.assistId}`,
    fill: (e) => ({
      product: e.product,
      price: amountValue(e.priceFen),
      deadline: timeValue(e.expiresAt),
      note: '好友助力已完成，可按底价下单',
    }),
  }),
  FINAL_PAYMENT_OPEN: kind<{ campaignId: string; product: string; closesAt: number }>({
    title: '尾款支付开始提醒',
    askedWhen: '付定金时',
    fields: [
      { name: 'product', key: 'thing1', label: '商品' },
      { name: 'deadline', key: 'time2', label: '尾款截止' },
      { name: 'note', key: 'thing3', label: '说明' },
    ],
    page: (e) => `packages/presale/index?campaign=${e.campaignId}`,
    fill: (e) => ({
      product: e.product,
      deadline: timeValue(e.closesAt),
      note: '尾款已开始，逾期未付定金不退',
    }),
  }),
  FINAL_PAYMENT_CLOSING: kind<{ campaignId: string; product: string; closesAt: number }>({
    title: '尾款支付即将截止',
    askedWhen: '付定金时',
    fields: [
      { name: 'product', key: 'thing1', label: '商品' },
      { name: 'deadline', key: 'time2', label: '尾款截止' },
      { name: 'note', key: 'thing3', label: '说明' },
    ],
    page: (e) => `packages/presale/index?campaign=${e.campaignId}`,
    fill: (e) => ({
      product: e.product,
      deadline: timeValue(e.closesAt),
      note: '尾款即将截止，逾期未付定金不退',
    }),
  }),
  BLIND_BOX_RESULT: kind<{ orderId: string; item: string; at: number }>({
    title: '盲盒开箱结果',
    askedWhen: '买盲盒付款时',
    fields: [
      { name: 'item', key: 'thing1', label: '开出商品' },
      { name: 'time', key: 'time2', label: '开箱时间' },
      { name: 'note', key: 'thing3', label: '说明' },
    ],
    page: (e) => `packages/orders/detail/index?id=${e.orderId}`,
    fill: (e) => ({ item: e.item, time: timeValue(e.at), note: '抽取结果可公开验证' }),
  }),
};

export type NoticeKindName = keyof typeof NOTICE_KINDS;
export type NoticeEventOf<K extends NoticeKindName> = Parameters<
  (typeof NOTICE_KINDS)[K]['fill']
>[0];

/**
 * Kinds later selling tools fill (their events come with them): named here so staff can set their
 * template ids ahead.
 */
export const PLANNED_NOTICE_KINDS = {} as const;

/**
 * The `data` of subscribeMessage.send for an event: each field under its template key (settings
 * may renumber them), its value made to fit its type.
 */
export function noticeData<K extends NoticeKindName>(
  name: K,
  event: NoticeEventOf<K>,
  keys: Partial<Record<string, string>> = {},
): Record<string, { value: string }> {
  const k = NOTICE_KINDS[name] as NoticeKind<NoticeEventOf<K>>;
  const raw = k.fill(event);
  const data: Record<string, { value: string }> = {};
  for (const field of k.fields) {
    const key = keys[field.name] ?? field.key;
    const type: FieldType = fieldType(key);
    data[key] = { value: fieldValue(type, raw[field.name] ?? '') };
  }
  return data;
}

/** The page a notice opens. */
export function noticePage<K extends NoticeKindName>(name: K, event: NoticeEventOf<K>): string {
  return (NOTICE_KINDS[name] as NoticeKind<NoticeEventOf<K>>).page(event);
}
