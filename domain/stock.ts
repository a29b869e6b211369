// Stock figures as staff read them. `stock` on a SKU is what shoppers can still buy (sellable);
// units held by unpaid orders are out of it but still on the shelf; stock in hand is both.
import type { Sku, StockLog } from './model';

/** Below this many units in hand a SKU is low on stock, unless it sets its own threshold. */
export const DEFAULT_LOW_STOCK = 10;

/** Staff's reasons for changing stock (the ledger's words); free text is allowed too. */
export const STOCK_REASONS = ['入库', '盘点', '报损', '退货入库', '调拨'] as const;

export function heldUnits(sku: Pick<Sku, 'holds'>): number {
  return (sku.holds ?? []).reduce((n, h) => n + h.qty, 0);
}

export function inHand(sku: Pick<Sku, 'stock' | 'holds'>): number {
  return sku.stock + heldUnits(sku);
}

export function lowStockThreshold(sku: Pick<Sku, 'lowStockThreshold'>): number {
  return sku.lowStockThreshold ?? DEFAULT_LOW_STOCK;
}

export function isLowStock(sku: Pick<Sku, 'stock' | 'holds' | 'lowStockThreshold'>): boolean {
  return inHand(sku) < lowStockThreshold(sku);
}

/** Ledger entries in order with the running figure before and after each (sums to the last). */
export function withBalances(
  entries: StockLog[],
): (StockLog & { before: number; after: number })[] {
  let balance = 0;
  return [...entries]
    .sort((a, b) => a.at - b.at || (a._id < b._id ? -1 : 1))
    .map((e) => {
      const before = balance;
      balance += e.delta;
      return { ...e, before, after: balance };
    });
}
