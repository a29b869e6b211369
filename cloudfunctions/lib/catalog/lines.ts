// Resolving what the buyer asked for (cart lines or one SKU) into stored products and SKUs,
// with the reason any line cannot be bought as asked. Each source is read in one request: the
// SKUs with their products joined ($lookup), or the cart's lines with both joined.
import type { LinesInput } from '../../../domain/api/inputs';
import { lineProblem, type Problem } from '../../../domain/availability';
import type { CartItem, Product, Sku } from '../../../domain/model';
import { AppError } from '../../../domain/result';
import { db } from '../infra/cloud';
import { _, aggregateRows } from '../infra/db';

export interface ResolvedLine {
  skuId: string;
  qty: number;
  sku: Sku | null;
  product: Product | null;
  problem: Problem | null;
}

const lookupProduct = (localField: string) => ({
  from: 'products',
  localField,
  foreignField: '_id',
  as: 'joinedProduct',
});

type SkuRow = Sku & { joinedProduct: Product[] };
type CartRow = CartItem & { joinedSku: Sku[]; joinedProduct: Product[] };

function resolved(skuId: string, qty: number, sku?: Sku, product?: Product): ResolvedLine {
  const s = sku ?? null;
  const p = s && product ? product : null;
  return { skuId, qty, sku: s, product: p, problem: lineProblem(p, s, qty) };
}

/** SKUs with their products, in one request. */
export async function skusWithProducts(skuIds: string[]): Promise<Map<string, SkuRow>> {
  if (skuIds.length === 0) return new Map();
  const res = await db
    .collection('skus')
    .aggregate()
    .match({ _id: _.in([...new Set(skuIds)]) })
    .lookup(lookupProduct('productId'))
    .limit(1000)
    .end();
  return new Map(aggregateRows<SkuRow>(res).map((row) => [row._id, row]));
}

export async function resolve(requests: { skuId: string; qty: number }[]): Promise<ResolvedLine[]> {
  const found = await skusWithProducts(requests.map((r) => r.skuId));
  return requests.map(({ skuId, qty }) => {
    const row = found.get(skuId);
    return resolved(skuId, qty, row && withoutJoins(row), row?.joinedProduct[0]);
  });
}

/** The buyer's cart, newest first, each line with its SKU and product, in one request. */
export async function cartLines(openid: string): Promise<{ item: CartItem; line: ResolvedLine }[]> {
  const res = await db
    .collection('cart_items')
    .aggregate()
    .match({ openid })
    .lookup({ from: 'skus', localField: 'skuId', foreignField: '_id', as: 'joinedSku' })
    .lookup(lookupProduct('productId'))
    .limit(100)
    .end();
  return aggregateRows<CartRow>(res)
    .sort((a, b) => b.addedAt - a.addedAt)
    .map((row) => {
      const { joinedSku, joinedProduct, ...item } = row;
      const sku = joinedSku[0];
      // The cart remembers the product the SKU had when added; trust the SKU's own.
      const product = sku && joinedProduct[0]?._id === sku.productId ? joinedProduct[0] : undefined;
      return { item, line: resolved(item.skuId, item.qty, sku, product) };
    });
}

function withoutJoins(row: SkuRow): Sku {
  const { joinedProduct: _joined, ...sku } = row;
  return sku;
}

/** The lines an order or quote is for; a cart source with nothing in it is an error. */
export async function resolveLines(openid: string, lines: LinesInput): Promise<ResolvedLine[]> {
  if (lines.source === 'buyNow') return resolve([{ skuId: lines.skuId, qty: lines.qty }]);
  let items = (await cartLines(openid)).map((c) => c.line);
  if (lines.skuIds) {
    const wanted = new Set(lines.skuIds);
    items = items.filter((i) => wanted.has(i.skuId));
  }
  if (items.length === 0) throw new AppError('CART_EMPTY');
  return items;
}
