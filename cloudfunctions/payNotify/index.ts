// payNotify: cloudPay's callback for payment and refund notices. WeChat Pay retries a notice
// until we answer {errcode: 0}, and may send it more than once, so everything here is
// idempotent. A notice is only a prompt: what it claims is checked with cloudPay itself before
// anything changes, so a forged, replayed or mistaken notice pays or refunds nothing.
import type { Order, Refund, User } from '../../domain/model';
import { fen } from '../../domain/money';
import { PAID_STATUSES } from '../../domain/order-status';
import { paymentVeto } from '../lib/claims/registry';
import { startedByClient } from '../lib/infra/callers';
import { now } from '../lib/infra/clock';
import { findById, insertOnce } from '../lib/infra/db';
import { cancelOrder } from '../lib/order/cancel';
import { runEffects } from '../lib/order/effects/run';
import { transition } from '../lib/order/transition';
import { queryTrade, refundState, requestRefund } from '../lib/payments/cloud-pay';
import { markRefundSucceeded } from '../lib/payments/refunds';

type Reply = { errcode: number; errmsg: string };
const ACK: Reply = { errcode: 0, errmsg: 'OK' };
const refuse = (errmsg: string): Reply => ({ errcode: 1, errmsg });

interface PayNotice {
  returnCode?: string;
  resultCode?: string;
  outTradeNo?: string;
  totalFee?: number;
  transactionId?: string;
  outRefundNo?: string;
  refundStatus?: string;
}

export async function main(event: PayNotice): Promise<Reply> {
  // Calls that started in a mini-program (or any client) are never notices.
  if (startedByClient()) return refuse('not a pay notice');
  try {
    return event?.outRefundNo ? await onRefund(event) : await onPayment(event ?? {});
  } catch (e) {
    console.error('pay notice failed', e);
    return refuse('internal error, retry later');
  }
}

async function onPayment(notice: PayNotice): Promise<Reply> {
  if (notice.returnCode !== 'SUCCESS' || notice.resultCode !== 'SUCCESS') return ACK; // a failed payment changes nothing
  if (typeof notice.outTradeNo !== 'string' || !Number.isInteger(notice.totalFee))
    return refuse('malformed notice');
  const order = await findById<Order>('orders', notice.outTradeNo);
  if (!order) return refuse(`unknown order ${notice.outTradeNo}`);
  if (notice.totalFee !== order.totalFen) {
    console.error(
      `pay notice amount ${notice.totalFee} differs from order ${order._id} total ${order.totalFen}`,
    );
    return refuse('amount mismatch');
  }
  const trade = await queryTrade(order._id);
  if (!trade.paid || trade.totalFee !== order.totalFen)
    return refuse('cloudPay does not report this payment');

  const at = now();
  if (order.status === 'UNPAID') {
    // A claim may say the price no longer stands (a new-user price after another paid order).
    const veto = await paymentVeto(order, () => findById<User>('users', order.openid));
    if (veto) {
      await cancelOrder(order, veto, { by: 'system', at, closePayment: false });
      return refundLatePayment(order, trade.totalFee, at);
    }
    const payment = {
      ...order.payment,
      transactionId: trade.transactionId,
      paidAt: at,
      paidFen: fen(trade.totalFee),
      method: 'wxpay' as const,
    };
    if (await transition(order, 'pay', 'wxpay', at, { payment })) {
      await runEffects('paid', { ...order, status: 'PAID', payment }, at);
      return ACK;
    }
  }
  const current = (await findById<Order>('orders', order._id))!;
  if ([...PAID_STATUSES, 'REFUNDING', 'REFUNDED'].includes(current.status)) {
    // A repeat of a notice already handled: finish what a crashed first run may have left.
    await runEffects('paid', current, at);
    return ACK;
  }
  if (current.status === 'CANCELLED') return refundLatePayment(current, trade.totalFee, at);
  return refuse(`order ${order._id} is ${current.status}`);
}

/** Paid after the order was cancelled (its stock is gone): give the money back in full. */
async function refundLatePayment(order: Order, paidFen: number, at: number): Promise<Reply> {
  const refund: Refund = {
    _id: `${order._id}-LATE`,
    orderId: order._id,
    openid: order.openid,
    amountFen: fen(paidFen),
    full: true,
    reason: '订单已取消，自动退回款项',
    status: 'PENDING',
    requestedBy: 'system',
    createdAt: at,
  };
  await insertOnce('refunds', refund as unknown as { _id: string });
  await requestRefund({
    outTradeNo: order._id,
    outRefundNo: refund._id,
    totalFee: paidFen,
    refundFee: paidFen,
    reason: refund.reason,
  });
  return ACK;
}

async function onRefund(notice: PayNotice): Promise<Reply> {
  const refund = await findById<Refund>('refunds', String(notice.outRefundNo));
  if (!refund) return refuse(`unknown refund ${notice.outRefundNo}`);
  if (refund.status === 'SUCCESS') return ACK;
  if (notice.refundStatus !== 'SUCCESS' || (await refundState(refund._id)) !== 'SUCCESS') {
    return refuse('cloudPay does not report this refund');
  }
  await markRefundSucceeded(refund, now());
  return ACK;
}
