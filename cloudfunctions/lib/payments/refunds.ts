// Settling refunds: a refund cloudPay reports done is marked SUCCESS once, and a full refund's
// order becomes REFUNDED. Used by the refund notice and by the timer's check of refunds whose
// request got no clear answer.
import type { Order, Refund } from '../../../domain/model';
import { findById, updateWhere } from '../infra/db';
import { transition } from '../order/transition';

export async function markRefundSucceeded(refund: Refund, at: number): Promise<void> {
  await updateWhere(
    'refunds',
    { _id: refund._id, status: 'PENDING' },
    { status: 'SUCCESS', succeededAt: at },
  );
  if (!refund.full) return;
  await withdrawReturnCoupons(refund.orderId);
  const order = await findById<Order>('orders', refund.orderId);
  if (order?.status === 'REFUNDING') await transition(order, 'refunded', 'wxpay', at);
}

/** Full-return coupons an order earned are taken back when it is fully refunded, if still unused. */
export async function withdrawReturnCoupons(orderId: string): Promise<void> {
  await updateWhere(
    'coupons',
    { sourceOrderId: orderId, status: 'UNUSED' },
    { status: 'WITHDRAWN' },
  );
  // One held by an unpaid order is withdrawn if that order lets it go (it was not used yet).
  await updateWhere(
    'coupons',
    { sourceOrderId: orderId, status: 'HELD' },
    { withdrawOnRelease: true },
  );
}
