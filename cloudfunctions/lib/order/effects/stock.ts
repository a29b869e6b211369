// Stock held by an order becomes sold when it is paid and comes back when it is cancelled.
// Guard: the order's hold in the SKU document, pulled by whichever write uses or returns it.
import { consumeHold, releaseHold } from '../../catalog/stock';
import type { Effect } from './effect';

export const sellStock: Effect = {
  name: 'stock.sell',
  async run(order) {
    await Promise.all(order.lines.map((l) => consumeHold(l.skuId, order._id, l.qty)));
  },
};

export const returnStock: Effect = {
  name: 'stock.return',
  async run(order) {
    await Promise.all(order.lines.map((l) => releaseHold(l.skuId, order._id, l.qty)));
  },
};
