// Stock held by an order becomes sold when it is paid and comes back when it is cancelled.
// Guard: the order's hold in the SKU document, pulled by whichever write uses or returns it.
// A sale also goes into the stock ledger (the units leave the shelf), under an id from the order
// and the SKU, so a re-run after a crash writes it once.
import { recordSale } from '../../catalog/ledger';
import { consumeHold, releaseHold } from '../../catalog/stock';
import type { Effect } from './effect';
import { takesStock } from '../../../../domain/presale';

export const sellStock: Effect = {
  name: 'stock.sell',
  async run(order, at) {
    if (!takesStock(order)) return;
    await Promise.all(
      order.lines.map(async (l) => {
        await consumeHold(l.skuId, order._id, l.qty);
        await recordSale(order._id, l.skuId, l.qty, at);
      }),
    );
  },
};

export const returnStock: Effect = {
  name: 'stock.return',
  async run(order) {
    if (!takesStock(order)) return;
    await Promise.all(order.lines.map((l) => releaseHold(l.skuId, order._id, l.qty)));
  },
};
