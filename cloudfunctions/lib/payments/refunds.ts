// Settling refunds: a refund cloudPay reports done is marked SUCCESS once, and a full refund's
// order becomes REFUNDED with its refunded effects run (rewards withdrawn, claims as their kinds
// say). Used by the refund notice and by the timer's check of refunds with no clear answer.
import type { Order, Refund } from '../../../domain/model';
import { findById, updateWhere } from '../infra/db';
import { runEffects } from '../order/effects/run';
import { transition } from '../order/transition';
import { noticeRefunded } from '../notices/order-notices';

export async function markRefundSucceeded(refund: Refund, at: number): Promise<void> {
  const settled = await updateWhere(
    'refunds',
    { _id: refund._id, status: 'PENDING' },
    { status: 'SUCCESS', succeededAt: at, noticeOwed: true },
  );
  let order = await findById<Order>('orders', refund.orderId);
  // The buyer hears of it once (the outbox id comes from the refund; the timer writes it if this
  // call dies first).
  if (settled && order) await noticeRefunded(order, { ...refund, succeededAt: at }, at);
  if (!refund.full) return;
  if (order?.status === 'REFUNDING' && (await transition(order, 'refunded', 'wxpay', at)))
    order = { ...order, status: 'REFUNDED' };
  if (order?.status === 'REFUNDED') await runEffects('refunded', order, at);
}
