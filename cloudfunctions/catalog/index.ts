// catalog: what the shopper browses. One call per screen: the home feed, a category, a product
// with its SKUs, stock and this shopper's campaign prices, and keyword search.
import type { Product, Sku, User } from '../../domain/model';
import { AppError } from '../../domain/result';
import { cards, categories, detail } from '../lib/catalog/cards';
import { groupOffer, withPromos } from '../lib/catalog/showcase';
import { assistOffer } from '../lib/assist/views';
import { presaleOffer } from '../lib/presale/views';
import { blindBoxRule } from '../../domain/campaigns/rules';
import { FEED_PAGE, feedPage, homeFor, storefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, aggregateRows, findById } from '../lib/infra/db';
import { createHandler } from '../lib/infra/router';
import { activeCampaigns, addAllowances, buyerFacts } from '../lib/pricing/facts';

export const main = createHandler('catalog', {
  async home({ cursor = 0 }, ctx) {
    if (cursor === 0) {
      const [front, user] = await Promise.all([
        storefront(ctx.now),
        findById<User>('users', ctx.openid),
      ]);
      return homeFor(front, buyerFacts(ctx.openid, user, ctx.now));
    }
    // Further pages of the feed are read as they are asked for.
    const products = await feedPage(cursor);
    return {
      slots: [],
      categories: [],
      feed: await cards(products.slice(0, FEED_PAGE)),
      nextCursor: products.length > FEED_PAGE ? cursor + FEED_PAGE : null,
    };
  },

  async category({ categoryId }) {
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

  // The product with its SKUs (one request), the campaigns and the shopper together; then the
  // allowances of limited campaigns that price one of its SKUs.
  async product({ productId }, ctx) {
    const [joined, campaigns, user] = await Promise.all([
      db
        .collection('products')
        .aggregate()
        .match({ _id: productId })
        .lookup({ from: 'skus', localField: '_id', foreignField: 'productId', as: 'joinedSkus' })
        .end(),
      activeCampaigns(ctx.now),
      findById<User>('users', ctx.openid),
    ]);
    const found = aggregateRows<Product & { joinedSkus: Sku[] }>(joined)[0];
    if (!found) throw new AppError('NOT_FOUND', '商品不存在');
    const { joinedSkus: skus, ...product } = found;
    if (product.status !== 'ON') throw new AppError('PRODUCT_UNAVAILABLE');
    const facts = buyerFacts(ctx.openid, user, ctx.now);
    await addAllowances(
      facts,
      campaigns,
      skus.map((sku) => ({ sku, product })),
    );
    const group = groupOffer(skus, campaigns, facts);
    const assist = assistOffer(skus, campaigns, facts);
    const presale = presaleOffer(skus, campaigns, ctx.now);
    const box = campaigns
      .map((c) => ({ c, rule: blindBoxRule(c) }))
      .find(
        ({ c, rule }) => rule && c.startsAt <= ctx.now && skus.some((s) => s._id === rule.boxSkuId),
      );
    const view = withPromos(detail(product, skus), product, skus, campaigns, facts);
    return {
      ...view,
      ...(group ? { group } : {}),
      ...(assist ? { assist } : {}),
      ...(presale ? { presale } : {}),
      ...(box?.rule
        ? { blindBox: { campaignId: box.c._id, label: box.c.label, boxFen: box.rule.boxFen } }
        : {}),
    };
  },

  async search({ keyword }) {
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
    const products = data as Product[];
    const found = await cards(products);
    // Best sellers first, by what the SKUs sold (the stored figure is only where they started).
    return { keyword, products: found.sort((a, b) => b.sales - a.sales) };
  },
});
