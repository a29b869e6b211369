// Staff's products: the list, one product with its SKUs for the form, saving a form (a new
// product, or an edit), on/off sale, and pictures uploaded to cloud storage. A new SKU's stock
// opens its ledger; stock changes after that go through the stock page (with a reason).
import { randomBytes } from 'node:crypto';
import type { AdminProductView } from '../../domain/api/views';
import type { Category, Product, Sku, StockLog } from '../../domain/model';
import { fen } from '../../domain/money';
import type { ProductForm } from '../../domain/product-form';
import { AppError } from '../../domain/result';
import { buildStorefront } from '../lib/catalog/storefront';
import { cloud, db } from '../lib/infra/cloud';
import { _, findById, findWhere, insertOnce, updateWhere } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';

function productView(product: Product, skus: Sku[]): AdminProductView {
  return {
    id: product._id,
    title: product.title,
    subtitle: product.subtitle,
    description: product.description,
    categoryId: product.categoryId,
    images: product.images,
    specs: product.specs,
    tags: product.tags,
    onSale: product.status === 'ON',
    sort: product.sort,
    priceFen: product.priceFen,
    skus: skus
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .map((s) => ({
        id: s._id,
        specValues: s.specValues,
        priceFen: s.priceFen,
        ...(s.originalPriceFen ? { originalPriceFen: s.originalPriceFen } : {}),
        stock: s.stock,
      })),
  };
}

export async function listProducts(input: { keyword?: string; categoryId?: string }) {
  const where: Record<string, unknown> = {};
  if (input.categoryId) where.categoryId = input.categoryId;
  if (input.keyword)
    where.title = db.RegExp({
      regexp: input.keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      options: 'i',
    });
  const { data } = await db
    .collection('products')
    .where(where)
    .orderBy('sort', 'asc')
    .limit(200)
    .get();
  return (data as Product[]).map((p) => ({
    id: p._id,
    title: p.title,
    categoryId: p.categoryId,
    image: p.images[0] ?? '',
    priceFen: p.priceFen,
    onSale: p.status === 'ON',
    sort: p.sort,
  }));
}

export async function getProduct(productId: string): Promise<AdminProductView> {
  const [product, skus] = await Promise.all([
    findById<Product>('products', productId),
    findWhere<Sku>('skus', { productId }, 100),
  ]);
  if (!product) throw new AppError('NOT_FOUND', '商品不存在');
  return productView(product, skus);
}

/**
 * Saves a form. Existing SKUs keep their stock, sales and holds (only their specs and prices
 * change); new ones get ids under the product and their stock opens the ledger. The product's
 * list price follows its cheapest SKU. The home page's snapshot is rebuilt.
 */
export async function saveProduct(form: ProductForm, ctx: Context): Promise<AdminProductView> {
  const [category, existing, stored] = await Promise.all([
    findById<Category>('categories', form.categoryId),
    form.id ? findById<Product>('products', form.id) : Promise.resolve(null),
    form.id ? findWhere<Sku>('skus', { productId: form.id }, 100) : Promise.resolve([] as Sku[]),
  ]);
  if (!category) throw new AppError('INVALID_INPUT', '分类不存在');
  if (form.id && !existing) throw new AppError('NOT_FOUND', '商品不存在');
  const productId = form.id ?? `p-${randomBytes(6).toString('hex')}`;
  for (const sku of form.skus)
    if (sku.id && !stored.some((s) => s._id === sku.id))
      throw new AppError('INVALID_INPUT', `SKU ${sku.id} 不属于这个商品`);
  const missing = stored.filter((s) => !form.skus.some((f) => f.id === s._id));
  if (missing.length) throw new AppError('INVALID_INPUT', '已有的 SKU 不能删除（可把商品下架）');

  const cheapest = form.skus.reduce((min, s) => (s.priceFen < min.priceFen ? s : min));
  const product: Omit<Product, '_id'> = {
    categoryId: form.categoryId,
    title: form.title,
    subtitle: form.subtitle,
    images: form.images,
    description: form.description,
    specs: form.specs,
    priceFen: fen(cheapest.priceFen),
    ...(cheapest.originalPriceFen ? { originalPriceFen: fen(cheapest.originalPriceFen) } : {}),
    tags: form.tags,
    status: form.onSale ? 'ON' : 'OFF',
    sort: form.sort,
    sales: existing?.sales ?? 0,
    keywords: existing?.keywords ?? [],
    createdAt: existing?.createdAt ?? ctx.now,
  };
  let next = stored.length;
  const writes: Promise<unknown>[] = [
    db.collection('products').doc(productId).set({ data: product }),
  ];
  for (const sku of form.skus) {
    const original = sku.originalPriceFen ? { originalPriceFen: fen(sku.originalPriceFen) } : {};
    if (sku.id) {
      writes.push(
        updateWhere(
          'skus',
          { _id: sku.id },
          {
            specValues: sku.specValues,
            priceFen: sku.priceFen,
            originalPriceFen: sku.originalPriceFen ?? _.remove(),
          },
        ),
      );
      continue;
    }
    const id = `${productId}-${++next}`;
    const opening: StockLog = {
      _id: `open-${id}`,
      skuId: id,
      kind: 'OPENING',
      delta: sku.stock,
      before: 0,
      after: sku.stock,
      reason: '新建规格',
      by: ctx.openid,
      at: ctx.now,
    };
    writes.push(
      insertOnce('skus', {
        _id: id,
        productId,
        specValues: sku.specValues,
        priceFen: sku.priceFen,
        ...original,
        stock: sku.stock,
        sold: 0,
        holds: [],
      }),
      insertOnce('stock_logs', { ...opening }),
    );
  }
  await Promise.all(writes);
  await buildStorefront(ctx.now);
  return getProduct(productId);
}

export async function setProductOnSale(productId: string, onSale: boolean, now: number) {
  const updated = await updateWhere(
    'products',
    { _id: productId },
    { status: onSale ? 'ON' : 'OFF' },
  );
  if (!updated && !(await findById('products', productId)))
    throw new AppError('NOT_FOUND', '商品不存在');
  await buildStorefront(now);
  return getProduct(productId);
}

const IMAGE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

/** A picture for a product, into cloud storage; returns its file id. */
export async function uploadImage(input: { contentType: string; base64: string }, now: number) {
  const ext = IMAGE_TYPES[input.contentType];
  if (!ext) throw new AppError('INVALID_INPUT', '只支持 PNG、JPG、WebP 或 SVG 图片');
  const content = Buffer.from(input.base64, 'base64');
  if (content.length === 0 || content.length > 2 * 1024 * 1024)
    throw new AppError('INVALID_INPUT', '图片须小于 2 MB');
  const cloudPath = `products/uploads/${new Date(now).toISOString().slice(0, 10)}/${randomBytes(8).toString('hex')}.${ext}`;
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content });
  return { fileID };
}
