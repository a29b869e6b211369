// cloudPay calls the order path makes. The pay notice only tells us to look: the order is paid
// when cloudPay itself says so (queryOrder), so a forged or replayed notice cannot pay an order.
import { randomBytes } from 'node:crypto';
import type { PaymentView } from '../../domain/api/views';
import type { Order } from '../../domain/model';
import { AppError } from '../../domain/result';
import { cloud } from './cloud';
import { settings } from './settings';

const nonce = () => randomBytes(12).toString('hex');

/** Starts (or restarts: same order number, same prepay) a payment for an unpaid order. */
export async function startPayment(
  order: Pick<Order, '_id' | 'totalFen' | 'lines'>,
): Promise<{ payment: PaymentView; prepayId: string }> {
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
    });
  } catch (e) {
    console.error('unifiedOrder failed', e);
    throw new AppError('PAYMENT_FAILED');
  }
  if (res.returnCode !== 'SUCCESS' || res.resultCode !== 'SUCCESS' || !res.payment) {
    console.error('unifiedOrder refused', res);
    throw new AppError(
      'PAYMENT_FAILED',
      res.errCodeDes ? `发起支付失败：${res.errCodeDes}` : undefined,
    );
  }
  const { timeStamp, nonceStr, package: pkg, signType, paySign } = res.payment;
  return {
    payment: { timeStamp, nonceStr, package: pkg, signType, paySign },
    prepayId: res.prepayId,
  };
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

/** Best effort: once an order is cancelled, the buyer can no longer pay it. */
export async function closeTrade(outTradeNo: string): Promise<void> {
  try {
    await cloud.cloudPay.closeOrder({ subMchId: settings.subMchId, outTradeNo, nonceStr: nonce() });
  } catch (e) {
    console.error('closeOrder failed', outTradeNo, e);
  }
}

/** Requests a refund; resolves with cloudPay's refund id, or throws REFUND_FAILED. */
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
    throw new AppError('REFUND_FAILED');
  }
  if (res.returnCode !== 'SUCCESS' || res.resultCode !== 'SUCCESS') {
    throw new AppError('REFUND_FAILED', res.errCodeDes ? `退款失败：${res.errCodeDes}` : undefined);
  }
  return String(res.refundId);
}

/** Whether cloudPay reports a refund as done. */
export async function refundSucceeded(outRefundNo: string): Promise<boolean> {
  const res: any = await cloud.cloudPay.queryRefund({
    subMchId: settings.subMchId,
    outRefundNo,
    nonceStr: nonce(),
  });
  return (
    res.returnCode === 'SUCCESS' && res.resultCode === 'SUCCESS' && res.refundStatus_0 === 'SUCCESS' // the SDK camel-cases refund_status_0 this way
  );
}
