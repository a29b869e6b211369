// cart: the buyer's cart, kept on the server (one document per line, id `${openid}:${skuId}`),
// listed with current prices, stock and this buyer's campaign prices (three requests at once:
// the lines with their SKUs and products, the active campaigns, the buyer).
import type { CartLineView, CartView } from '../../domain/api/views';
import type { Campaign, PricingFacts } from '../../domain/campaigns/types';
import { lineProblem } from '../../domain/availability';
import type { CartItem, Product, Sku, User } from '../../domain/model';
import { quote, specText } from '../../domain/pricing/quote';
import { AppError } from '../../domain/result';
import { cartLines, resolve } from '../lib/catalog/lines';
import { db } from '../lib/infra/cloud';
import { _, findById, findWhere, insertOnce, updateWhere } from '../lib/infra/db';
import { activeCampaigns, buyerFacts } from '../lib/pricing/facts';
import { createHandler, type Context } from '../lib/infra/router';

const lineId = (openid: string, skuId: string) => `${openid}:${skuId}`;
/** Different SKUs a cart holds at most. */
const MAX_LINES = 100;

async function view(openid: string, now: number): Promise<CartView> {
  const [rows, campaigns, user] = await Promise.all([
    cartLines(openid),
    activeCampaigns(now),
    findById<User>('users', openid),
  ]);
  const facts = buyerFacts(openid, user, now);
  const lines = rows.map(({ item, line: r }) => ({
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
    ...(r.product && r.sku ? linePromo(r.product, r.sku, r.qty, campaigns, facts) : {}),
  }));
  return { lines, count: lines.reduce((n, l) => n + l.qty, 0) };
}

/**
 * What the line costs this buyer with campaign prices (新人价, 会员折扣...), when a campaign
 * lowers it: the line priced alone, as the product page prices one unit. Limits are assumed
 * unused here; checkout prices the lines together and exactly.
 */
function linePromo(
  product: Product,
  sku: Sku,
  qty: number,
  campaigns: Campaign[],
  facts: PricingFacts,
): Pick<CartLineView, 'promo'> {
  const [line] = quote([{ product, sku, qty }], { facts, campaigns, coupon: 'none' }).lines;
  const label = line.adjustments[0]?.label;
  return label && line.amountFen < sku.priceFen * qty
    ? { promo: { label, amountFen: line.amountFen } }
    : {};
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

/**
 * Adds several lines at once (再次购买): lines that cannot be bought now are skipped and named;
 * the others are added one by one, each as `add` does.
 */
async function addLines(
  wanted: { skuId: string; qty: number }[],
  ctx: Context,
): Promise<{ count: number; skipped: { skuId: string; title: string; message: string }[] }> {
  const resolved = await resolve(wanted);
  const skipped = resolved
    .filter((l) => l.problem)
    .map((l) => ({
      skuId: l.skuId,
      title: l.product?.title ?? '商品',
      message: l.problem!.message,
    }));
  let count: number | null = null;
  for (const line of resolved.filter((l) => !l.problem)) {
    try {
      count = await add(line.skuId, line.qty, ctx);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skipped.push({ skuId: line.skuId, title: line.product!.title, message: e.message });
    }
  }
  if (count === null) {
    const items = await findWhere<CartItem>('cart_items', { openid: ctx.openid }, MAX_LINES);
    count = items.reduce((n, i) => n + i.qty, 0);
  }
  return { count, skipped };
}

export const main = createHandler('cart', {
  list: (_input, ctx) => view(ctx.openid, ctx.now),

  async add({ skuId, qty }, ctx) {
    return { count: await add(skuId, qty, ctx) };
  },

  addLines: ({ lines }, ctx) => addLines(lines, ctx),

  async setQty({ skuId, qty }, ctx) {
    await requireBuyable(skuId, qty);
    const id = lineId(ctx.openid, skuId);
    const updated = await updateWhere('cart_items', { _id: id }, { qty, updatedAt: ctx.now });
    const current = await view(ctx.openid, ctx.now);
    if (!updated && !current.lines.some((l) => l.skuId === skuId))
      throw new AppError('NOT_FOUND', '购物车里没有这件商品');
    return current;
  },

  async remove({ skuIds }, ctx) {
    await db
      .collection('cart_items')
      .where({ _id: _.in(skuIds.map((s) => lineId(ctx.openid, s))) })
      .remove();
    return view(ctx.openid, ctx.now);
  },
});
