// cart: the buyer's cart, kept on the server (one document per line, id `${openid}:${skuId}`),
// listed with current prices and stock (one request: the lines with their SKUs and products).
import type { CartView } from '../../domain/api/views';
import { lineProblem } from '../../domain/availability';
import type { CartItem } from '../../domain/model';
import { specText } from '../../domain/pricing/quote';
import { AppError } from '../../domain/result';
import { cartLines, resolve } from '../lib/catalog/lines';
import { db } from '../lib/infra/cloud';
import { _, findWhere, insertOnce, updateWhere } from '../lib/infra/db';
import { createHandler, type Context } from '../lib/infra/router';

const lineId = (openid: string, skuId: string) => `${openid}:${skuId}`;
/** Different SKUs a cart holds at most. */
const MAX_LINES = 100;

async function view(openid: string): Promise<CartView> {
  const lines = (await cartLines(openid)).map(({ item, line: r }) => ({
    skuId: r.skuId,
    productId: item.productId,
    title: r.product?.title ?? '商品已失效',
    specText: r.product && r.sku ? specText(r.product, r.sku) : '',
    image: r.product?.images[0] ?? '',
    qty: r.qty,
    unitPriceFen: r.sku?.priceFen ?? (0 as CartView['lines'][number]['unitPriceFen']),
    stock: r.sku?.stock ?? 0,
    available: r.problem === null,
    ...(r.problem ? { problem: r.problem.message } : {}),
  }));
  return { lines, count: lines.reduce((n, l) => n + l.qty, 0) };
}

/** The SKU must exist, be on sale and have the quantity in stock. */
async function requireBuyable(skuId: string, qty: number) {
  const [line] = await resolve([{ skuId, qty }]);
  if (line.problem) throw new AppError(line.problem.code, line.problem.message);
  return line;
}

/**
 * Adds units of a SKU: the SKU (with its product) and the cart are read together, then one
 * conditional write grows the line from the quantity read (or creates it), so two adds at once
 * cannot both pass the stock check; the one that loses reads again. Returns the cart's units.
 */
async function add(skuId: string, qty: number, ctx: Context): Promise<number> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const [[line], items] = await Promise.all([
      resolve([{ skuId, qty }]),
      findWhere<CartItem>('cart_items', { openid: ctx.openid }, MAX_LINES),
    ]);
    const existing = items.find((i) => i.skuId === skuId);
    const wanted = (existing?.qty ?? 0) + qty;
    const problem = lineProblem(line.product, line.sku, wanted);
    if (problem) throw new AppError(problem.code, problem.message);
    if (!existing && items.length >= MAX_LINES)
      throw new AppError('QUANTITY_LIMIT', `购物车最多放 ${MAX_LINES} 种商品`);
    const written = existing
      ? await updateWhere(
          'cart_items',
          { _id: existing._id, qty: existing.qty },
          { qty: wanted, updatedAt: ctx.now },
        )
      : await insertOnce('cart_items', {
          _id: lineId(ctx.openid, skuId),
          openid: ctx.openid,
          skuId,
          productId: line.sku!.productId,
          qty,
          addedAt: ctx.now,
          updatedAt: ctx.now,
        });
    if (written) return items.reduce((n, i) => n + i.qty, 0) + qty;
  }
  throw new AppError('INTERNAL'); // the line kept changing under us
}

export const main = createHandler('cart', {
  list: (_input, ctx) => view(ctx.openid),

  async add({ skuId, qty }, ctx) {
    return { count: await add(skuId, qty, ctx) };
  },

  async setQty({ skuId, qty }, ctx) {
    await requireBuyable(skuId, qty);
    const id = lineId(ctx.openid, skuId);
    const updated = await updateWhere('cart_items', { _id: id }, { qty, updatedAt: ctx.now });
    const current = await view(ctx.openid);
    if (!updated && !current.lines.some((l) => l.skuId === skuId))
      throw new AppError('NOT_FOUND', '购物车里没有这件商品');
    return current;
  },

  async remove({ skuIds }, ctx) {
    await db
      .collection('cart_items')
      .where({ _id: _.in(skuIds.map((s) => lineId(ctx.openid, s))) })
      .remove();
    return view(ctx.openid);
  },
});
