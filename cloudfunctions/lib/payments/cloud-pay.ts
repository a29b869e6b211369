// cloudPay calls the order path makes. The pay notice only tells us to look: the order is paid
// when cloudPay itself says so (queryOrder), so a forged or replayed notice cannot pay an order.
//
// A call can fail definitely (WeChat Pay answered FAIL: safe to undo our side) or unclearly (no
// answer, a system error: the payment or refund may have happened). Only a definite failure
// may be compensated; an unclear one is left for the timer to settle by querying.
import { randomBytes } from 'node:crypto';
import type { PaymentView } from '../../../domain/api/views';
import type { Order } from '../../../domain/model';
import { AppError } from '../../../domain/result';
import { cloud } from '../infra/cloud';
import { settings } from '../infra/settings';

const nonce = () => randomBytes(12).toString('hex');

/** WeChat Pay's time format: yyyyMMddHHmmss in China Standard Time. */
function payTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export type PaymentStart =
  { kind: 'started'; payment: PaymentView; prepayId: string } | { kind: 'alreadyPaid' };

/**
 * Starts (or restarts: same order number, same prepay) a payment for an unpaid order, valid until
 * the order expires. Throws PAYMENT_FAILED with details.definite = true only when WeChat Pay
 * refused it.
 */
export async function startPayment(
  order: Pick<Order, '_id' | 'totalFen' | 'lines' | 'expiresAt'>,
): Promise<PaymentStart> {
  const { ENV, CLIENTIP } = cloud.getWXContext();
  const title = order.lines[0]?.title ?? '商品';
  const body = `${settings.shopName}-${title}${order.lines.length > 1 ? '等' : ''}`.slice(0, 60);
  let res: any;
  try {
    res = await cloud.cloudPay.unifiedOrder({
      body,
      outTradeNo: order._id,
      spbillCreateIp: CLIENTIP || '127.0.0.1',
      subMchId: settings.subMchId,
      totalFee: order.totalFen,
      envId: ENV,
      functionName: settings.payNotifyFunction,
      nonceStr: nonce(),
      tradeType: 'JSAPI',
      timeExpire: payTime(order.expiresAt),
    });
  } catch (e) {
    console.error('unifiedOrder failed', e);
    throw new AppError('PAYMENT_FAILED', undefined, { definite: false });
  }
  if (res.returnCode === 'SUCCESS' && res.resultCode === 'SUCCESS' && res.payment) {
    const { timeStamp, nonceStr, package: pkg, signType, paySign } = res.payment;
    return {
      kind: 'started',
      payment: { timeStamp, nonceStr, package: pkg, signType, paySign },
      prepayId: res.prepayId,
    };
  }
  if (res.resultCode === 'FAIL' && /已支付/.test(String(res.errCodeDes)))
    return { kind: 'alreadyPaid' };
  console.error('unifiedOrder refused', res);
  const definite = res.returnCode === 'SUCCESS' && res.resultCode === 'FAIL';
  throw new AppError(
    'PAYMENT_FAILED',
    res.errCodeDes ? `发起支付失败：${res.errCodeDes}` : undefined,
    { definite },
  );
}

/** What cloudPay says about a trade: paid, and for how much. */
export async function queryTrade(
  outTradeNo: string,
): Promise<{ paid: boolean; totalFee: number; transactionId?: string }> {
  const res: any = await cloud.cloudPay.queryOrder({
    subMchId: settings.subMchId,
    outTradeNo,
    nonceStr: nonce(),
  });
  const paid =
    res.returnCode === 'SUCCESS' &&
    res.resultCode === 'SUCCESS' &&
    ['SUCCESS', 'REFUND'].includes(res.tradeState);
  return { paid, totalFee: Number(res.totalFee), transactionId: res.transactionId };
}

/**
 * Closes a trade so it can no longer be paid. 'paid' means the buyer paid first (the order must
 * not be cancelled: the pay notice is on its way); 'unknown' means cloudPay did not answer.
 */
export async function closeTrade(outTradeNo: string): Promise<'closed' | 'paid' | 'unknown'> {
  try {
    const res: any = await cloud.cloudPay.closeOrder({
      subMchId: settings.subMchId,
      outTradeNo,
      nonceStr: nonce(),
    });
    if (res.resultCode === 'SUCCESS' || /关闭|不存在/.test(String(res.errCodeDes))) return 'closed';
    if (/已支付/.test(String(res.errCodeDes))) return 'paid';
    return 'unknown';
  } catch (e) {
    console.error('closeOrder failed', outTradeNo, e);
    return 'unknown';
  }
}

/**
 * Requests a refund (idempotent by outRefundNo); resolves with cloudPay's refund id. Throws
 * REFUND_FAILED with details.definite = true only when WeChat Pay refused it.
 */
export async function requestRefund(args: {
  outTradeNo: string;
  outRefundNo: string;
  totalFee: number;
  refundFee: number;
  reason: string;
}): Promise<string> {
  let res: any;
  try {
    res = await cloud.cloudPay.refund({
      subMchId: settings.subMchId,
      nonceStr: nonce(),
      outTradeNo: args.outTradeNo,
      outRefundNo: args.outRefundNo,
      totalFee: args.totalFee,
      refundFee: args.refundFee,
      refundDesc: args.reason.slice(0, 80),
      envId: cloud.getWXContext().ENV,
      functionName: settings.payNotifyFunction,
    });
  } catch (e) {
    console.error('refund failed', e);
    throw new AppError('REFUND_FAILED', '退款结果待确认，系统会自动核对', { definite: false });
  }
  if (res.returnCode !== 'SUCCESS' || res.resultCode !== 'SUCCESS') {
    const definite = res.returnCode === 'SUCCESS' && res.resultCode === 'FAIL';
    throw new AppError(
      'REFUND_FAILED',
      res.errCodeDes ? `退款失败：${res.errCodeDes}` : undefined,
      { definite },
    );
  }
  return String(res.refundId);
}

/** What cloudPay says about a refund: done, unknown to it, closed without paying, or still going. */
export async function refundState(
  outRefundNo: string,
): Promise<'SUCCESS' | 'NOT_FOUND' | 'PENDING' | 'CLOSED'> {
  const res: any = await cloud.cloudPay.queryRefund({
    subMchId: settings.subMchId,
    outRefundNo,
    nonceStr: nonce(),
  });
  if (res.resultCode === 'FAIL' && /不存在|查询失败/.test(String(res.errCodeDes)))
    return 'NOT_FOUND';
  // The SDK camel-cases refund_status_0 as refundStatus_0. REFUNDCLOSE: accepted, then closed by
  // WeChat Pay; CHANGE: it could not be paid back to the buyer's account. No money moved.
  if (['REFUNDCLOSE', 'CHANGE'].includes(String(res.refundStatus_0))) return 'CLOSED';
  return res.returnCode === 'SUCCESS' &&
    res.resultCode === 'SUCCESS' &&
    res.refundStatus_0 === 'SUCCESS'
    ? 'SUCCESS'
    : 'PENDING';
}

export function isDefiniteFailure(e: unknown): boolean {
  return (
    e instanceof AppError && (e.details as { definite?: boolean } | undefined)?.definite === true
  );
}
