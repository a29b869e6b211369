// cart: the buyer's cart, kept on the server (one document per line, id `${openid}:${skuId}`),
// listed with current prices and stock.
import { cartInputs } from '../../domain/api/inputs';
import type { CartView } from '../../domain/api/views';
import { MAX_QTY_PER_LINE } from '../../domain/availability';
import { specText } from '../../domain/pricing/quote';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../lib/infra/db';
import { cartItems, resolve } from '../lib/catalog/lines';
import { action, createHandler, type Context } from '../lib/infra/router';

const lineId = (openid: string, skuId: string) => `${openid}:${skuId}`;

async function view(openid: string): Promise<CartView> {
  const items = await cartItems(openid);
  const resolved = await resolve(items.map((i) => ({ skuId: i.skuId, qty: i.qty })));
  const lines = resolved.map((r, i) => ({
    skuId: r.skuId,
    productId: items[i].productId,
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

async function add(skuId: string, qty: number, ctx: Context): Promise<void> {
  const id = lineId(ctx.openid, skuId);
  const existing = await findById<{ qty: number }>('cart_items', id);
  const line = await requireBuyable(skuId, (existing?.qty ?? 0) + qty);
  for (let attempt = 0; attempt < 3; attempt++) {
    // Grow an existing line, never past the per-line limit.
    const grown = await updateWhere(
      'cart_items',
      { _id: id, qty: _.lte(MAX_QTY_PER_LINE - qty) },
      { qty: _.inc(qty), updatedAt: ctx.now },
    );
    if (grown) return;
    const current = await findById<{ qty: number }>('cart_items', id);
    if (current) {
      if (current.qty + qty > MAX_QTY_PER_LINE)
        throw new AppError('QUANTITY_LIMIT', `每件最多购买 ${MAX_QTY_PER_LINE} 个`);
      continue; // another add created the line after our update: grow it
    }
    const created = await insertOnce('cart_items', {
      _id: id,
      openid: ctx.openid,
      skuId,
      productId: line.sku!.productId,
      qty,
      addedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (created) return;
  }
  throw new AppError('INTERNAL');
}

export const main = createHandler({
  list: action({ input: cartInputs.list, run: (_input, ctx) => view(ctx.openid) }),

  add: action({
    input: cartInputs.add,
    async run({ skuId, qty }, ctx) {
      await add(skuId, qty, ctx);
      return view(ctx.openid);
    },
  }),

  setQty: action({
    input: cartInputs.setQty,
    async run({ skuId, qty }, ctx) {
      await requireBuyable(skuId, qty);
      const updated = await updateWhere(
        'cart_items',
        { _id: lineId(ctx.openid, skuId) },
        { qty, updatedAt: ctx.now },
      );
      if (!updated && !(await findById('cart_items', lineId(ctx.openid, skuId))))
        throw new AppError('NOT_FOUND', '购物车里没有这件商品');
      return view(ctx.openid);
    },
  }),

  remove: action({
    input: cartInputs.remove,
    async run({ skuIds }, ctx) {
      await db
        .collection('cart_items')
        .where({ _id: _.in(skuIds.map((s) => lineId(ctx.openid, s))) })
        .remove();
      return view(ctx.openid);
    },
  }),
});
