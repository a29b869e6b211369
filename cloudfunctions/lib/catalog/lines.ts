// Resolving what the buyer asked for (cart lines or one SKU) into stored products and SKUs,
// with the reason any line cannot be bought as asked.
import type { LinesInput } from '../../../domain/api/inputs';
import { lineProblem, type Problem } from '../../../domain/availability';
import type { CartItem, Product, Sku } from '../../../domain/model';
import { AppError } from '../../../domain/result';
import { findByIds, findWhere } from '../infra/db';

export interface ResolvedLine {
  skuId: string;
  qty: number;
  sku: Sku | null;
  product: Product | null;
  problem: Problem | null;
}

export async function cartItems(openid: string): Promise<CartItem[]> {
  const items = await findWhere<CartItem>('cart_items', { openid }, 100);
  return items.sort((a, b) => b.addedAt - a.addedAt);
}

export async function resolve(requests: { skuId: string; qty: number }[]): Promise<ResolvedLine[]> {
  const skus = await findByIds<Sku>(
    'skus',
    requests.map((r) => r.skuId),
  );
  const skuById = new Map(skus.map((s) => [s._id, s]));
  const products = await findByIds<Product>(
    'products',
    skus.map((s) => s.productId),
  );
  const productById = new Map(products.map((p) => [p._id, p]));
  return requests.map(({ skuId, qty }) => {
    const sku = skuById.get(skuId) ?? null;
    const product = sku ? (productById.get(sku.productId) ?? null) : null;
    return { skuId, qty, sku, product, problem: lineProblem(product, sku, qty) };
  });
}

/** The lines an order or quote is for; a cart source with nothing in it is an error. */
export async function resolveLines(openid: string, lines: LinesInput): Promise<ResolvedLine[]> {
  if (lines.source === 'buyNow') return resolve([{ skuId: lines.skuId, qty: lines.qty }]);
  let items = await cartItems(openid);
  if (lines.skuIds) {
    const wanted = new Set(lines.skuIds);
    items = items.filter((i) => wanted.has(i.skuId));
  }
  if (items.length === 0) throw new AppError('CART_EMPTY');
  return resolve(items.map((i) => ({ skuId: i.skuId, qty: i.qty })));
}
