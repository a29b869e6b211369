// A paid order counts into the buyer's totals: paid orders (the first ends new-user status),
// growth (total paid, for member tiers) and the products bought (repeat-purchase rules).
// Guard: the user document lists the orders it counted (the latest 100), and counting is one
// conditional update that matches only while this order is not listed.
import type { User } from '../../../../domain/model';
import { _, findById, insertOnce, updateWhere } from '../../infra/db';
import type { Effect } from './effect';

/** How many counted order ids a user document keeps: far more than a re-run can lag behind. */
const REMEMBERED = 100;

export const countPayment: Effect = {
  name: 'buyer.count',
  async run(order) {
    const productIds = [...new Set(order.lines.map((l) => l.productId))];
    for (let attempt = 0; attempt < 3; attempt++) {
      const counted = await updateWhere(
        'users',
        { _id: order.openid, countedOrderIds: _.neq(order._id) },
        {
          paidOrderCount: _.inc(1),
          paidTotalFen: _.inc(order.totalFen),
          purchasedProductIds: _.addToSet({ $each: productIds }),
          countedOrderIds: _.push({ each: [order._id], slice: -REMEMBERED }),
        },
      );
      if (counted) return;
      const user = await findById<User>('users', order.openid);
      if (user) return; // counted before
      // A buyer who never signed in (the app always does first): their record starts here.
      const created = await insertOnce('users', {
        _id: order.openid,
        nickname: `微信用户${order.openid.slice(-4)}`,
        createdAt: order.createdAt,
        lastSeenAt: order.createdAt,
        firstEntry: { at: order.createdAt },
        paidOrderCount: 1,
        paidTotalFen: order.totalFen,
        purchasedProductIds: productIds,
        countedOrderIds: [order._id],
      });
      if (created) return;
    }
    throw new Error(`could not count order ${order._id} for ${order.openid}`);
  },
};
