// What every cloud function action returns: data, or an error a caller can act on.
// Codes are stable UPPER_SNAKE strings; messages are Chinese, fit to show a shopper.

export type Ok<T> = { ok: true; data: T };
export type Err = { ok: false; code: ErrorCode; message: string; details?: unknown };
export type Result<T> = Ok<T> | Err;

export const ERROR_MESSAGES = {
  INVALID_INPUT: '提交的信息有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  NOT_LOGGED_IN: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在',
  PRODUCT_UNAVAILABLE: '商品已下架',
  SKU_NOT_FOUND: '商品规格不存在',
  OUT_OF_STOCK: '库存不足',
  STOCK_BUSY: '库存正在变动，请稍后重试',
  SIGNIN_INVALID: '二维码已失效，请在电脑上刷新后重新扫码',
  SESSION_INVALID: '登录已失效，请重新扫码登录',
  QUANTITY_LIMIT: '超出可购买数量',
  CART_EMPTY: '购物车里没有可结算的商品',
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_PROCESSING: '订单正在处理中，请稍候',
  ORDER_STATE: '订单状态已变化，请刷新后重试',
  PAYMENT_FAILED: '发起支付失败，请稍后再试',
  REFUND_EXCEEDS: '退款金额超过可退金额',
  REFUND_FAILED: '退款失败，请稍后再试',
  ADDRESS_REQUIRED: '请填写收货地址',
  PRICE_CHANGED: '价格有变化，请确认后重新提交',
  COUPON_UNAVAILABLE: '这张优惠券不能使用',
  COUPON_SOLD_OUT: '优惠券已被领完',
  COUPON_LIMIT: '已达到领取上限',
  COUPON_NOT_CLAIMABLE: '现在不能领取这张优惠券',
  CAMPAIGN_UNITS_HELD: '活动名额已被抢光，还有人未付款，稍后可能释放，请稍后再试',
  CAMPAIGN_INVALID: '活动设置有误',
  WITHDRAW_TOO_SMALL: '提现金额太小',
  WITHDRAW_EXCEEDS: '提现金额超过可提现余额',
  NOT_DISTRIBUTOR: '你还不是推广员',
  QR_RATE_LIMITED: '二维码生成太频繁，请稍后再试',
  QR_FAILED: '二维码生成失败，请稍后再试',
  GROUP_UNAVAILABLE: '这个团已满或已结束，换个团或自己开团吧',
  GROUP_NOT_FOUND: '拼团不存在',
  ASSIST_UNAVAILABLE: '这个助力不能用于下单了',
  ASSIST_REFUSED: '现在不能助力',
  ASSIST_NOT_FOUND: '助力不存在',
  PRESALE_UNAVAILABLE: '现在不在该预售的付款时间内',
  DEPOSIT_NOT_FOUND: '你还没有付这个预售的定金',
  BLIND_BOX_UNAVAILABLE: '盲盒已售罄或活动已结束',
  AGE_REFUSED: '按规定，盲盒不向 8 岁以下的未成年人出售',
  INTERNAL: '系统繁忙，请稍后再试',
  /** Client side only: the call did not reach the cloud or came back malformed. */
  NETWORK: '网络异常，请检查网络后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function err(
  code: ErrorCode,
  message: string = ERROR_MESSAGES[code],
  details?: unknown,
): Err {
  return details === undefined
    ? { ok: false, code, message }
    : { ok: false, code, message, details };
}

/** Thrown inside handlers to stop with an error result; the function router turns it into Err. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: unknown,
  ) {
    super(message);
  }
}
