// catalog: what the shopper browses. One call per screen: the home feed, a category, a product
// with its SKUs and stock, and keyword search.
import { catalogInputs } from '../../domain/api/inputs';
import type { CategoryPageView, HomeView } from '../../domain/api/views';
import type { Product, Sku } from '../../domain/model';
import { AppError } from '../../domain/result';
import { cards, categories, detail } from '../lib/catalog';
import { db } from '../lib/cloud';
import { _, findById, findWhere } from '../lib/db';
import { action, createHandler } from '../lib/router';

const PAGE = 20;

export const main = createHandler({
  home: action({
    input: catalogInputs.home,
    async run({ cursor = 0 }): Promise<HomeView> {
      const [cats, page] = await Promise.all([
        categories(),
        db
          .collection('products')
          .where({ status: 'ON' })
          .orderBy('sort', 'asc')
          .skip(cursor)
          .limit(PAGE + 1)
          .get(),
      ]);
      const products = page.data as Product[];
      return {
        // Campaign slots (new-user zone, flash sale...) are filled by the campaign engine.
        slots: [],
        categories: cats.map((c) => ({ id: c._id, name: c.name })),
        feed: await cards(products.slice(0, PAGE)),
        nextCursor: products.length > PAGE ? cursor + PAGE : null,
      };
    },
  }),

  category: action({
    input: catalogInputs.category,
    async run({ categoryId }): Promise<CategoryPageView> {
      const cats = await categories();
      const selected = categoryId ?? cats[0]?._id;
      if (!selected || !cats.some((c) => c._id === selected))
        throw new AppError('NOT_FOUND', '分类不存在');
      const { data } = await db
        .collection('products')
        .where({ categoryId: selected, status: 'ON' })
        .orderBy('sort', 'asc')
        .limit(100)
        .get();
      return {
        categories: cats.map((c) => ({ id: c._id, name: c.name })),
        categoryId: selected,
        products: await cards(data as Product[]),
      };
    },
  }),

  product: action({
    input: catalogInputs.product,
    async run({ productId }) {
      const product = await findById<Product>('products', productId);
      if (!product) throw new AppError('NOT_FOUND', '商品不存在');
      if (product.status !== 'ON') throw new AppError('PRODUCT_UNAVAILABLE');
      return detail(product, await findWhere<Sku>('skus', { productId }, 200));
    },
  }),

  search: action({
    input: catalogInputs.search,
    async run({ keyword }) {
      const pattern = db.RegExp({
        regexp: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        options: 'i',
      });
      const { data } = await db
        .collection('products')
        .where(
          _.and([
            { status: 'ON' },
            _.or([{ title: pattern }, { subtitle: pattern }, { keywords: keyword }]),
          ]),
        )
        .orderBy('sales', 'desc')
        .limit(50)
        .get();
      return { keyword, products: await cards(data as Product[]) };
    },
  }),
});
