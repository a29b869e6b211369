// A staff refund, full or partial, in steps that survive a crash and a retry:
//   1. one transaction records the refund (id from the request id) and adds its amount to the
//      order's refunded total, refusing anything beyond what was paid;
//   2. a refund of everything that is left moves the order to REFUNDING;
//   3. cloudPay is asked to refund (idempotent by the refund's number);
//   4. if cloudPay refuses, the amount and status are given back (with no clear answer the
//      refund stays PENDING for the timer to settle by asking cloudPay).
// A full refund also withdraws the unused full-return coupons the order earned.
// The refund notice (payNotify) then marks it SUCCESS and a full refund's order REFUNDED.
// Retrying the same request resumes a refund that stopped after step 1.
import { createHash } from 'node:crypto';
import type { Order, Refund } from '../../domain/model';
import { fen, type Fen } from '../../domain/money';
import { PAID_STATUSES } from '../../domain/order-status';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { findById, updateWhere } from '../lib/infra/db';
import { transition } from '../lib/order/transition';
import { withdrawReturnCoupons } from '../lib/payments/refunds';
import { isDefiniteFailure, requestRefund } from '../lib/payments/cloud-pay';
import type { Context } from '../lib/infra/router';

export interface RefundInput {
  orderId: string;
  amountFen: number;
  reason: string;
  requestId: string;
}

export function refundIdFor(orderId: string, requestId: string): string {
  return (
    'R' +
    createHash('sha256').update(`${orderId}:${requestId}`).digest('hex').slice(0, 24).toUpperCase()
  );
}

const paidOf = (order: Order): Fen => order.payment?.paidFen ?? order.totalFen;

export async function refundOrder(input: RefundInput, ctx: Context): Promise<Refund> {
  const refundId = refundIdFor(input.orderId, input.requestId);
  const refund = await recordRefund(refundId, input, ctx);
  if (refund.status !== 'PENDING' || refund.refundId) return refund;

  if (refund.full) await moveTo(refund.orderId, 'requestFullRefund', ctx);
  const order = (await findById<Order>('orders', refund.orderId))!;
  try {
    const cloudRefundId = await requestRefund({
      outTradeNo: order._id,
      outRefundNo: refund._id,
      totalFee: paidOf(order),
      refundFee: refund.amountFen,
      reason: refund.reason,
    });
    await updateWhere('refunds', { _id: refund._id }, { refundId: cloudRefundId });
    if (refund.full) await withdrawReturnCoupons(refund.orderId);
    return { ...refund, refundId: cloudRefundId };
  } catch (e) {
    // Only a refusal is undone; with no clear answer the refund stays PENDING and the timer asks
    // cloudPay how it went (undoing it then could refund twice on a retry).
    if (isDefiniteFailure(e)) {
      await giveBack(refund);
      if (refund.full) await moveTo(refund.orderId, 'refundAborted', ctx);
    }
    throw e;
  }
}

async function recordRefund(refundId: string, input: RefundInput, ctx: Context): Promise<Refund> {
  return db.runTransaction(async (t: any) => {
    const existing = await t.collection('refunds').doc(refundId).get();
    if (existing?.data) return existing.data as Refund;
    const order = (await t.collection('orders').doc(input.orderId).get())?.data as Order | null;
    if (!order) throw new AppError('ORDER_NOT_FOUND');
    if (!PAID_STATUSES.includes(order.status))
      throw new AppError('ORDER_STATE', '只有已付款的订单可以退款');
    const left = paidOf(order) - order.refundedFen;
    if (input.amountFen > left)
      throw new AppError('REFUND_EXCEEDS', `最多可退 ¥${(left / 100).toFixed(2)}`);
    const refund: Refund = {
      _id: refundId,
      orderId: order._id,
      openid: order.openid,
      amountFen: fen(input.amountFen),
      full: input.amountFen === left,
      reason: input.reason,
      status: 'PENDING',
      requestedBy: ctx.openid,
      createdAt: ctx.now,
    };
    await t
      .collection('orders')
      .doc(order._id)
      .update({ data: { refundedFen: order.refundedFen + input.amountFen } });
    const { _id, ...fields } = refund;
    await t.collection('refunds').doc(_id).set({ data: fields });
    return refund;
  }, 10);
}

async function giveBack(refund: Refund): Promise<void> {
  await db.runTransaction(async (t: any) => {
    const current = (await t.collection('refunds').doc(refund._id).get()).data as Refund;
    if (current.status !== 'PENDING') return;
    const order = (await t.collection('orders').doc(refund.orderId).get()).data as Order;
    await t
      .collection('orders')
      .doc(order._id)
      .update({ data: { refundedFen: order.refundedFen - refund.amountFen } });
    await t
      .collection('refunds')
      .doc(refund._id)
      .update({ data: { status: 'FAILED' } });
  }, 10);
}

/** Applies a status event, re-reading once if the order changed in between. */
async function moveTo(
  orderId: string,
  event: 'requestFullRefund' | 'refundAborted',
  ctx: Context,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = (await findById<Order>('orders', orderId))!;
    const target = event === 'requestFullRefund' ? 'REFUNDING' : null;
    if (target && order.status === target) return;
    if (event === 'refundAborted' && order.status !== 'REFUNDING') return;
    if (await transition(order, event, ctx.openid, ctx.now)) return;
  }
  throw new AppError('ORDER_STATE');
}
