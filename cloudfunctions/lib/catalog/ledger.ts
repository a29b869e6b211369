// The stock ledger (collection stock_logs): a paid order's units leaving the shelf, and staff
// changes, which record their entry as pending in the SKU in the same write as the stock
// (admin/stock.ts) and are finished here, by that call or, after a crash, by the timer.
import type { Sku, StockLog } from '../../../domain/model';
import { _, insertOnce, updateWhere } from '../infra/db';

export type PendingSku = Sku & { pendingLogs?: StockLog[] };

/** Writes a pending ledger entry (once) and clears it from the SKU. Safe to repeat. */
export async function finishPending(skuId: string, entry: StockLog): Promise<StockLog> {
  await insertOnce('stock_logs', { ...entry });
  await updateWhere('skus', { _id: skuId }, { pendingLogs: _.pull({ _id: entry._id }) });
  return entry;
}

/** The timer's part: ledger entries a crash left pending (older than a minute) are finished. */
export async function finishPendingLogs(sku: PendingSku, now: number): Promise<boolean> {
  const stale = (sku.pendingLogs ?? []).filter((p) => p.at <= now - 60_000);
  for (const entry of stale) await finishPending(sku._id, entry);
  return stale.length > 0;
}

/** Records a sale once (the id comes from the order and the SKU). */
export async function recordSale(
  orderId: string,
  skuId: string,
  qty: number,
  at: number,
): Promise<void> {
  const entry: StockLog = {
    _id: `sale-${orderId}-${skuId}`,
    skuId,
    kind: 'SALE',
    delta: -qty,
    reason: '销售',
    by: 'order',
    orderId,
    at,
  };
  await insertOnce('stock_logs', { ...entry });
}
