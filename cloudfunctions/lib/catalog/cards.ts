// Reading the catalog: products on sale, their SKUs, and the views the app shows.
import type { ProductCardView, ProductDetailView } from '../../../domain/api/views';
import type { Category, Product, Sku } from '../../../domain/model';
import { db } from '../infra/cloud';
import { _ } from '../infra/db';

export async function categories(): Promise<Category[]> {
  const { data } = await db.collection('categories').orderBy('sort', 'asc').limit(100).get();
  return data as Category[];
}

export async function skusOf(productIds: string[]): Promise<Sku[]> {
  if (productIds.length === 0) return [];
  const { data } = await db
    .collection('skus')
    .where({ productId: _.in(productIds) })
    .limit(1000)
    .get();
  return data as Sku[];
}

/**
 * Units sold: what the product's SKUs sold. A payment counts the sale on the SKU, in the same
 * write that uses its stock hold, so the figure is exact; the product's stored `sales` is only
 * the starting figure search orders by.
 */
export function salesOf(product: Product, skus: Sku[]): number {
  const own = skus.filter((s) => s.productId === product._id);
  return own.length ? own.reduce((n, s) => n + s.sold, 0) : product.sales;
}

/** Cards for products, marking those whose every SKU is out of stock. */
export async function cards(products: Product[]): Promise<ProductCardView[]> {
  return cardsWith(products, await skusOf(products.map((p) => p._id)));
}

/** Cards from products and SKUs already read. */
export function cardsWith(products: Product[], skus: Sku[]): ProductCardView[] {
  const inStock = new Set(skus.filter((s) => s.stock > 0).map((s) => s.productId));
  return products.map((p) => ({
    id: p._id,
    title: p.title,
    subtitle: p.subtitle,
    image: p.images[0] ?? '',
    priceFen: p.priceFen,
    ...(p.originalPriceFen ? { originalPriceFen: p.originalPriceFen } : {}),
    tags: p.tags,
    sales: salesOf(p, skus),
    soldOut: !inStock.has(p._id),
  }));
}

export function detail(product: Product, skus: Sku[]): ProductDetailView {
  const order = new Map(product.specs.flatMap((d) => d.values).map((v, i) => [v, i]));
  const sorted = [...skus].sort((a, b) =>
    a.specValues
      .map((v) => order.get(v) ?? 0)
      .join('.')
      .localeCompare(b.specValues.map((v) => order.get(v) ?? 0).join('.')),
  );
  return {
    id: product._id,
    title: product.title,
    subtitle: product.subtitle,
    images: product.images,
    description: product.description,
    specs: product.specs,
    skus: sorted.map((s) => ({
      id: s._id,
      specValues: s.specValues,
      priceFen: s.priceFen,
      ...(s.originalPriceFen ? { originalPriceFen: s.originalPriceFen } : {}),
      stock: s.stock,
    })),
    priceFen: product.priceFen,
    ...(product.originalPriceFen ? { originalPriceFen: product.originalPriceFen } : {}),
    tags: product.tags,
    sales: salesOf(product, skus),
  };
}
