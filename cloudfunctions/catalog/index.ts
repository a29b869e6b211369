// catalog: what the shopper browses. One call per screen: the home feed, a category, a product
// with its SKUs and stock, and keyword search.
import { catalogInputs } from '../../domain/api/inputs';
import type { CategoryPageView, HomeView } from '../../domain/api/views';
import type { Product, Sku } from '../../domain/model';
import { AppError } from '../../domain/result';
import { cards, categories, detail } from '../lib/catalog/cards';
import { db } from '../lib/infra/cloud';
import { _, findById, findWhere } from '../lib/infra/db';
import { action, createHandler, type Context } from '../lib/infra/router';
import { activeCampaigns, pricingFacts } from '../lib/pricing/facts';
import { campaignSlots, withPromos } from '../lib/catalog/showcase';

const PAGE = 20;

async function slotsFor(ctx: Context) {
  const campaigns = await activeCampaigns(ctx.now);
  return campaignSlots(campaigns, await pricingFacts(ctx.openid, ctx.now, campaigns, []));
}

export const main = createHandler({
  home: action({
    input: catalogInputs.home,
    async run({ cursor = 0 }, ctx): Promise<HomeView> {
      const [cats, page, slots] = await Promise.all([
        categories(),
        db
          .collection('products')
          .where({ status: 'ON' })
          .orderBy('sort', 'asc')
          .skip(cursor)
          .limit(PAGE + 1)
          .get(),
        cursor === 0 ? slotsFor(ctx) : Promise.resolve([]),
      ]);
      const products = page.data as Product[];
      return {
        slots,
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
    async run({ productId }, ctx) {
      const product = await findById<Product>('products', productId);
      if (!product) throw new AppError('NOT_FOUND', '商品不存在');
      if (product.status !== 'ON') throw new AppError('PRODUCT_UNAVAILABLE');
      const skus = await findWhere<Sku>('skus', { productId }, 200);
      const campaigns = await activeCampaigns(ctx.now);
      const facts = await pricingFacts(ctx.openid, ctx.now, campaigns, [{ productId }]);
      return withPromos(detail(product, skus), product, skus, campaigns, facts);
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
