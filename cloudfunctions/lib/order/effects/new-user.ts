// New-user prices are for the buyer's first paid order. Only one unpaid order can hold one at a
// time (its per-user limit), but the buyer may pay another order first: then the holder is
// cancelled. (If it is paid anyway, its claim vetoes the payment and the money goes back: see
// claims/allowance.ts and payNotify.)
// Guard: each cancel is a conditional status change (cancel.ts).
import type { Order } from '../../../../domain/model';
import { findWhere } from '../../infra/db';
import { cancelOrder } from '../cancel';
import type { Effect } from './effect';

export function holdsNewUserPrice(order: Pick<Order, 'claims'>): boolean {
  return (order.claims ?? []).some((c) => c.kind === 'ALLOWANCE' && c.newUserOnly);
}

export const endOtherNewUserOrders: Effect = {
  name: 'newUser.endOthers',
  async run(paid, at) {
    // Only a buyer who had never paid can have other orders holding a new-user price.
    if (!paid.newBuyer) return;
    const unpaid = await findWhere<Order>('orders', { openid: paid.openid, status: 'UNPAID' }, 50);
    for (const order of unpaid)
      if (order._id !== paid._id && holdsNewUserPrice(order))
        await cancelOrder(order, 'NEW_USER_ENDED', { by: 'system', at });
  },
};
