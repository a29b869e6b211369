// Settling refunds: a refund cloudPay reports done is marked SUCCESS once, and a full refund's
// order becomes REFUNDED with its refunded effects run (rewards withdrawn, claims as their kinds
// say). Used by the refund notice and by the timer's check of refunds with no clear answer.
import type { Order, Refund } from '../../../domain/model';
import { findById, updateWhere } from '../infra/db';
import { runEffects } from '../order/effects/run';
import { transition } from '../order/transition';

export async function markRefundSucceeded(refund: Refund, at: number): Promise<void> {
  await updateWhere(
    'refunds',
    { _id: refund._id, status: 'PENDING' },
    { status: 'SUCCESS', succeededAt: at },
  );
  if (!refund.full) return;
  let order = await findById<Order>('orders', refund.orderId);
  if (order?.status === 'REFUNDING' && (await transition(order, 'refunded', 'wxpay', at)))
    order = { ...order, status: 'REFUNDED' };
  if (order?.status === 'REFUNDED') await runEffects('refunded', order, at);
}
