// Staff's stock work: the SKU list (search, category, low stock), changing a SKU's stock with a
// reason (adjust by a delta or set a counted figure), a bulk change from CSV rows (checked as a
// whole first: all or nothing), and the ledger. Every change is a transaction on the SKU and its
// ledger entry, so a sale at the same moment is never lost (the transaction conflicts and is
// retried) and the ledger always sums to the stock in hand.
import type { AdminSkuView, StockLedgerView } from '../../domain/api/views';
import type { Product, Sku, StockLog } from '../../domain/model';
import { AppError } from '../../domain/result';
import {
  DEFAULT_LOW_STOCK,
  heldUnits,
  inHand,
  isLowStock,
  lowStockThreshold,
  withBalances,
} from '../../domain/stock';
import { specText } from '../../domain/pricing/quote';
import { db } from '../lib/infra/cloud';
import { finishPending, type PendingSku } from '../lib/catalog/ledger';
import { _, aggregateRows, findById, updateWhere } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';

const PAGE = 50;

type SkuRow = Sku & { joinedProduct: Product[] };

export function skuView(sku: Sku, product: Product | undefined): AdminSkuView {
  return {
    id: sku._id,
    productId: sku.productId,
    title: product?.title ?? '（商品已删除）',
    specText: product ? specText(product, sku) : sku.specValues.join(' / '),
    categoryId: product?.categoryId ?? '',
    onSale: product?.status === 'ON',
    priceFen: sku.priceFen,
    inHand: inHand(sku),
    held: heldUnits(sku),
    sellable: sku.stock,
    sold: sku.sold,
    lowStockThreshold: lowStockThreshold(sku),
    low: isLowStock(sku),
  };
}

/**
 * SKUs with their products, filtered and paged, in at most two requests: the products a keyword
 * or category names, then one aggregate over SKUs that computes stock in hand and the low-stock
 * test in the database, pages, and joins the page's products.
 */
export async function listSkus(input: {
  keyword?: string;
  categoryId?: string;
  lowOnly: boolean;
  cursor: number;
}): Promise<{ skus: AdminSkuView[]; nextCursor: number | null }> {
  const match: Record<string, unknown> = {};
  if (input.keyword || input.categoryId) {
    const { data } = await db
      .collection('products')
      .where({
        ...(input.categoryId ? { categoryId: input.categoryId } : {}),
        ...(input.keyword
          ? { title: db.RegExp({ regexp: escape(input.keyword), options: 'i' }) }
          : {}),
      })
      .field({ _id: true })
      .limit(1000)
      .get();
    match.productId = _.in((data as { _id: string }[]).map((p) => p._id));
  }
  const $ = db.command.aggregate;
  let query = db
    .collection('skus')
    .aggregate()
    .match(match)
    .addFields({
      inHandNow: $.add(['$stock', $.sum('$holds.qty')]),
      threshold: $.ifNull(['$lowStockThreshold', DEFAULT_LOW_STOCK]),
    });
  if (input.lowOnly) query = query.match(_.expr($.lt(['$inHandNow', '$threshold'])));
  const res = await query
    .sort({ productId: 1, _id: 1 })
    .skip(input.cursor)
    .limit(PAGE + 1)
    .lookup({ from: 'products', localField: 'productId', foreignField: '_id', as: 'joinedProduct' })
    .end();
  const rows = aggregateRows<SkuRow>(res);
  return {
    skus: rows.slice(0, PAGE).map((r) => skuView(r, r.joinedProduct[0])),
    nextCursor: rows.length > PAGE ? input.cursor + PAGE : null,
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface StockChange {
  skuId: string;
  /** ADJUST: add `delta`; SET: make stock in hand `count`. */
  mode: 'ADJUST' | 'SET';
  amount: number;
  reason: string;
}

/**
 * Applies one change as a conditional update of the SKU that also records the ledger entry as
 * pending in the SKU document (one atomic write), then writes the entry and clears it; a crash in
 * between leaves the pending entry for the timer to finish (finishPendingLogs), so the ledger
 * always comes to sum to the stock in hand. ADJUST is conditional only on there being enough
 * sellable units (a sale at the same moment is never lost); SET on the figures it was computed
 * from (it reads again if they changed). The entry's id comes from the request: a retry returns
 * the first result.
 */
export async function changeStock(
  change: StockChange,
  logId: string,
  ctx: Context,
): Promise<StockLog> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const [logged, sku] = await Promise.all([
      findById<StockLog>('stock_logs', logId),
      findById<PendingSku>('skus', change.skuId),
    ]);
    if (logged) return logged;
    if (!sku) throw new AppError('SKU_NOT_FOUND');
    const pending = sku.pendingLogs?.find((p) => p._id === logId);
    if (pending) return finishPending(sku._id, pending);
    const entry = ledgerEntry(sku, change, logId, ctx);
    const condition =
      change.mode === 'SET'
        ? { _id: sku._id, stock: sku.stock, sold: sku.sold, 'pendingLogs._id': _.neq(logId) }
        : {
            _id: sku._id,
            stock: _.gte(Math.max(0, -entry.delta)),
            'pendingLogs._id': _.neq(logId),
          };
    // An adjustment's figures after it depend on what else happened at that moment: the ledger
    // view computes them; a counted figure (SET) knows them.
    const recorded: StockLog =
      change.mode === 'SET'
        ? entry
        : { ...entry, before: undefined, after: undefined, stockAfter: undefined };
    const written = await updateWhere('skus', condition, {
      stock: _.inc(entry.delta),
      pendingLogs: _.push(withoutUndefined(recorded)),
    });
    if (written) return finishPending(sku._id, withoutUndefined(recorded));
  }
  throw new AppError('STOCK_BUSY');
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The ledger entry a change makes, or why it cannot be made. */
function ledgerEntry(sku: Sku, change: StockChange, logId: string, ctx: Context): StockLog {
  const before = inHand(sku);
  const delta = change.mode === 'SET' ? change.amount - before : change.amount;
  const stockAfter = sku.stock + delta;
  if (stockAfter < 0)
    throw new AppError(
      'OUT_OF_STOCK',
      `${sku._id}：可售只有 ${sku.stock}（另有 ${heldUnits(sku)} 件被待付款订单占用），不能减少 ${-delta}`,
    );
  return {
    _id: logId,
    skuId: sku._id,
    kind: change.mode,
    delta,
    before,
    after: before + delta,
    stockAfter,
    reason: change.reason,
    by: ctx.openid,
    at: ctx.now,
  };
}

/**
 * A bulk change (rows from a CSV), all or nothing: one transaction reads every SKU, checks every
 * row (each error named by its row), and writes every change with its ledger entry, or nothing.
 * Ids from the request and the row make a retried import return its first result.
 */
export async function bulkChange(
  rows: StockChange[],
  requestId: string,
  ctx: Context,
): Promise<{ applied: StockLog[] }> {
  const skuIds = rows.map((r) => r.skuId);
  const repeated = [...new Set(skuIds.filter((id, i) => skuIds.indexOf(id) !== i))];
  if (repeated.length)
    throw new AppError(
      'INVALID_INPUT',
      `导入有误，未做任何修改：规格 ${repeated.join('、')} 出现了多次`,
    );
  const logIds = rows.map((_row, i) => `bulk-${requestId}-${i + 1}`);
  return db.runTransaction(async (t: any) => {
    const done = await t.collection('stock_logs').doc(logIds[0]).get();
    if (done?.data) {
      const logs = await Promise.all(logIds.map((id) => t.collection('stock_logs').doc(id).get()));
      return { applied: logs.map((l: { data: StockLog }) => l.data) };
    }
    const skus = await Promise.all(skuIds.map((id) => t.collection('skus').doc(id).get()));
    const errors: { row: number; message: string }[] = [];
    const logs: StockLog[] = [];
    rows.forEach((row, i) => {
      const sku = skus[i]?.data as Sku | null;
      if (!sku) return void errors.push({ row: i + 1, message: `规格 ${row.skuId} 不存在` });
      try {
        logs.push(ledgerEntry(sku, row, logIds[i], ctx));
      } catch (e) {
        errors.push({ row: i + 1, message: (e as Error).message });
      }
    });
    if (errors.length)
      throw new AppError(
        'INVALID_INPUT',
        `导入有 ${errors.length} 行错误，未做任何修改：第 ${errors[0].row} 行 ${errors[0].message}`,
        { errors },
      );
    await Promise.all(
      logs.flatMap(({ _id, ...fields }) => [
        t
          .collection('skus')
          .doc(fields.skuId)
          .update({ data: { stock: fields.stockAfter } }),
        t.collection('stock_logs').doc(_id).set({ data: fields }),
      ]),
    );
    return { applied: logs };
  }, 10);
}

/** A SKU's ledger, oldest first, with the running figure; it ends at the stock in hand. */
export async function stockLedger(skuId: string): Promise<StockLedgerView> {
  const [sku, entries] = await Promise.all([
    findById<Sku>('skus', skuId),
    db.collection('stock_logs').where({ skuId }).orderBy('at', 'asc').limit(1000).get(),
  ]);
  if (!sku) throw new AppError('SKU_NOT_FOUND');
  const product = await findById<Product>('products', sku.productId);
  return {
    sku: skuView(sku, product ?? undefined),
    entries: withBalances(entries.data as StockLog[]),
  };
}
