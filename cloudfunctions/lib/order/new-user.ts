// New-user prices are for the buyer's first paid order only. Only one unpaid order can hold one
// at a time (its per-user limit), but the buyer may pay another order first: then the holder is
// cancelled (its payment closed first), and if it gets paid anyway its money goes back.
import type { Order } from '../../../domain/model';
import { findWhere } from '../infra/db';
import { releaseOrderHolds, transition } from './transition';
import { closeTrade } from '../payments/cloud-pay';

export function holdsNewUserPrice(order: Pick<Order, 'claims'>): boolean {
  return (order.claims ?? []).some((c) => c.kind === 'ALLOWANCE' && c.newUserOnly);
}

/** After the buyer's first payment: cancel their other unpaid orders that hold a new-user price. */
export async function cancelOtherNewUserOrders(paid: Order, at: number): Promise<void> {
  for (const order of await findWhere<Order>(
    'orders',
    { openid: paid.openid, status: 'UNPAID' },
    50,
  )) {
    if (order._id === paid._id || !holdsNewUserPrice(order)) continue;
    if ((await closeTrade(order._id)) === 'paid') continue; // its pay notice refunds it
    const cancel = { reason: 'NEW_USER_ENDED', at, by: 'system' };
    if (await transition(order, 'cancel', 'system', at, { cancel }, 'NEW_USER_ENDED'))
      await releaseOrderHolds(order);
  }
}
