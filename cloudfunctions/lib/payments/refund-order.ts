// A refund, full or partial (staff's, or a group's closing), in steps that survive a crash and a
// retry:
//   1. one transaction records the refund (id from the request id) and adds its amount to the
//      order's refunded total, refusing anything beyond what was paid; a refund of everything
//      that is left also moves the order to REFUNDING in the same transaction, so it can no
//      longer be shipped (shipping is a conditional update from PAID);
//   2. cloudPay is asked to refund (idempotent by the refund's number);
//   3. if cloudPay refuses, the amount and status are given back (with no clear answer the
//      refund stays PENDING for the timer to settle by asking cloudPay);
//   4. once cloudPay accepted a full refund, the refunded effects run (unused full-return coupons
//      withdrawn, claims as their kinds say).
// The refund notice (payNotify) then marks it SUCCESS and a full refund's order REFUNDED.
// Retrying the same request resumes a refund that stopped after step 1.
import { createHash } from 'node:crypto';
import type { Order, Refund } from '../../../domain/model';
import { fen, type Fen } from '../../../domain/money';
import { nextStatus, PAID_STATUSES } from '../../../domain/order-status';
import { AppError } from '../../../domain/result';
import { db } from '../infra/cloud';
import { findById, updateWhere } from '../infra/db';
import type { Context } from '../infra/router';
import { followRefunds } from '../distribution/commission';
import { runEffects } from '../order/effects/run';
import { transition } from '../order/transition';
import { isDefiniteFailure, requestRefund } from './cloud-pay';
import { reopenGroupRefund } from '../groups/reopen';

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

/** Who asks (staff's OPENID, or `system:<what>`) and when. */
export type RefundBy = Pick<Context, 'openid' | 'now'>;

export async function refundOrder(input: RefundInput, ctx: RefundBy): Promise<Refund> {
  const refundId = refundIdFor(input.orderId, input.requestId);
  const { refund, order } = await recordRefund(refundId, input, ctx);
  await followRefundsLater(order, ctx.now);
  if (refund.status !== 'PENDING' || refund.refundId) return refund;
  try {
    const cloudRefundId = await requestRefund({
      outTradeNo: order._id,
      outRefundNo: refund._id,
      totalFee: paidOf(order),
      refundFee: refund.amountFen,
      reason: refund.reason,
    });
    await updateWhere('refunds', { _id: refund._id }, { refundId: cloudRefundId });
    if (refund.full) await runEffects('refunded', order, ctx.now);
    return { ...refund, refundId: cloudRefundId };
  } catch (e) {
    // Only a refusal is undone; with no clear answer the refund stays PENDING and the timer asks
    // cloudPay how it went (undoing it then could refund twice on a retry).
    if (isDefiniteFailure(e)) {
      await giveBack(refund, ctx.now);
      await followRefundsLater(order, ctx.now);
      if (refund.full) await abortFullRefund(refund.orderId, ctx);
    }
    throw e;
  }
}

/**
 * A refund WeChat Pay accepted and then closed without paying (REFUNDCLOSE, CHANGE; found by the
 * timer's check): given back as a refused one is (the order's refunded total, a full refund's
 * status, the commission following). A group's refund is asked again under a new attempt.
 * Effects a full refund already ran when it was accepted (coupons withdrawn, the commission
 * voided) are not undone: staff refund again, or resolve it with the buyer.
 */
export async function refundClosed(refund: Refund, at: number): Promise<void> {
  await giveBack(refund, at);
  const order = await findById<Order>('orders', refund.orderId);
  if (!order) return;
  await followRefundsLater(order, at);
  if (refund.full) await abortFullRefund(order._id, { openid: 'system:refund', now: at });
  if (refund.requestedBy === 'system:group' && order.group)
    await reopenGroupRefund(order.group.groupId, order._id);
}

/**
 * An order with an inviter is marked, in the write that changes its refunded total, as having a
 * change its commission must follow; the call follows it at once, the timer if the call dies.
 */
const commissionOwed = (order: Order, at: number) =>
  order.inviterId ? { commissionOwedAt: at } : {};

/** A commission on the order follows the refund now; if that fails the timer does it later. */
async function followRefundsLater(order: Order, at: number): Promise<void> {
  if (!order.inviterId) return;
  try {
    await followRefunds(order, at);
  } catch (e) {
    console.error('commission after refund', order._id, e);
  }
}

async function recordRefund(
  refundId: string,
  input: RefundInput,
  ctx: RefundBy,
): Promise<{ refund: Refund; order: Order }> {
  return db.runTransaction(async (t: any) => {
    const existing = (await t.collection('refunds').doc(refundId).get())?.data as Refund | null;
    const order = (await t.collection('orders').doc(input.orderId).get())?.data as Order | null;
    if (existing && order) return { refund: existing, order };
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
    const changes: Partial<Order> = {
      refundedFen: fen(order.refundedFen + input.amountFen),
      ...commissionOwed(order, ctx.now),
    };
    // A refund while the buyer's after-sale request is open answers it.
    if (order.afterSale?.status === 'REQUESTED')
      changes.afterSale = { ...order.afterSale, status: 'REFUNDED', resolvedAt: ctx.now, refundId };
    if (refund.full) {
      // A refund of everything left stops the order where it is: no shipping from here on.
      const to = nextStatus(order, 'requestFullRefund');
      const change = { from: order.status, to, at: ctx.now, by: ctx.openid };
      Object.assign(changes, { status: to, history: [...order.history, change] });
    }
    await t.collection('orders').doc(order._id).update({ data: changes });
    const { _id, ...fields } = refund;
    await t.collection('refunds').doc(_id).set({ data: fields });
    return { refund, order: { ...order, ...changes } };
  }, 10);
}

async function giveBack(refund: Refund, at: number): Promise<void> {
  await db.runTransaction(async (t: any) => {
    const current = (await t.collection('refunds').doc(refund._id).get()).data as Refund;
    if (current.status !== 'PENDING') return;
    const order = (await t.collection('orders').doc(refund.orderId).get()).data as Order;
    const reopened =
      order.afterSale?.refundId === refund._id
        ? { afterSale: { ...order.afterSale, status: 'REQUESTED' } }
        : {};
    await t
      .collection('orders')
      .doc(order._id)
      .update({
        data: {
          refundedFen: order.refundedFen - refund.amountFen,
          ...reopened,
          ...commissionOwed(order, at),
        },
      });
    await t
      .collection('refunds')
      .doc(refund._id)
      .update({ data: { status: 'FAILED' } });
  }, 10);
}

/** A refused full refund puts the order back where it was (re-reading once if it changed). */
/**
 * The timer's sweep: an order left REFUNDING although its full refund was given back (a crash
 * between the give-back and putting the order back) goes back to where it was.
 */
export async function finishAbortedRefund(order: Order, at: number): Promise<boolean> {
  if (order.status !== 'REFUNDING' || order.refundedFen >= paidOf(order)) return false;
  await abortFullRefund(order._id, { openid: 'system:refund', now: at });
  return true;
}

async function abortFullRefund(orderId: string, ctx: RefundBy): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = (await findById<Order>('orders', orderId))!;
    if (order.status !== 'REFUNDING') return;
    if (await transition(order, 'refundAborted', ctx.openid, ctx.now)) return;
  }
  throw new AppError('ORDER_STATE');
}
