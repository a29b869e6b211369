import type { AttributionSettings } from '../../../domain/attribution';
import { distributionSettings } from '../distribution/settings';
import { noticeTemplates } from '../notices/templates';
// The home page as one stored document, rebuilt by the timer every minute (and when missing or
// stale): categories, the first page of the feed, the campaign slots with their product cards,
// and the new-user coupon pack's campaigns. Home and launch then read one document instead of
// six collections; only what is per shopper or must be live is added on read: which slots this
// shopper sees (their conditions) and what is left of each flash sale's quota.
import type {
  CampaignSlotView,
  CategoryView,
  HomeView,
  ProductCardView,
} from '../../../domain/api/views';
import {
  featuredPrices,
  givesSignupCoupons,
  sharedLimitKey,
  sharedLimitUnits,
  userConditions,
  userConditionsPass,
} from '../../../domain/campaigns/rules';
import type { Campaign, PricingFacts, RuleRef } from '../../../domain/campaigns/types';
import { fen } from '../../../domain/money';
import type { Product, Sku } from '../../../domain/model';
import { db } from '../infra/cloud';
import { _, findById, findByIds, findWhere } from '../infra/db';
import { activeCampaigns } from '../pricing/facts';
import { cardsWith, categories } from './cards';

export const FEED_PAGE = 20;
/** Campaign kinds shown as home-page slots, in this order. */
const SLOT_KINDS = ['NEW_USER', 'FLASH_SALE', 'TRIAL'];
/** A flash sale shows on the home page from a day before it starts. */
const PREVIEW_MS = 24 * 3600_000;
/** Older than this, the snapshot is rebuilt on read (the timer normally keeps it fresh). */
const STALE_MS = 5 * 60_000;
const ID = 'home';

interface StoredSlot extends CampaignSlotView {
  /** The campaign's conditions on the shopper (e.g. new users only), checked per shopper. */
  userConditions: RuleRef[];
  /** The allowance holding what is left of the campaign's quota. */
  quotaKey?: string;
}

export interface Storefront {
  _id: string;
  builtAt: number;
  categories: CategoryView[];
  feed: ProductCardView[];
  nextCursor: number | null;
  slots: StoredSlot[];
  /** Campaigns that give newcomers a coupon pack (issued at the first sign-in). */
  signupCampaigns: Campaign[];
  /** The binding windows, for a launch through a share (saves the launch a read). */
  attribution?: AttributionSettings;
  /** Notice kind → template id: the app asks for opt-ins with them, right in a tap. */
  noticeTemplates?: Record<string, string>;
}

/** A page of the feed: products on sale in their order (one more than a page, to know if more). */
export async function feedPage(cursor: number): Promise<Product[]> {
  const { data } = await db
    .collection('products')
    .where({ status: 'ON' })
    .orderBy('sort', 'asc')
    .skip(cursor)
    .limit(FEED_PAGE + 1)
    .get();
  return data as Product[];
}

/** Reads everything the home page shows and stores it as the snapshot. */
export async function buildStorefront(now: number): Promise<Storefront> {
  const [cats, page, campaigns, distribution, templates] = await Promise.all([
    categories(),
    feedPage(0),
    activeCampaigns(now),
    distributionSettings(),
    noticeTemplates(),
  ]);
  const slotCampaigns = campaigns
    .filter((c) => SLOT_KINDS.includes(c.kind) && featuredPrices(c).size > 0)
    .sort((a, b) => SLOT_KINDS.indexOf(a.kind) - SLOT_KINDS.indexOf(b.kind));
  const featuredSkus = await findByIds<Sku>(
    'skus',
    slotCampaigns.flatMap((c) => [...featuredPrices(c).keys()]),
  );
  const feed = page.slice(0, FEED_PAGE);
  const slotProductIds = [...new Set(featuredSkus.map((s) => s.productId))];
  const [slotProducts, skus] = await Promise.all([
    findByIds<Product>('products', slotProductIds),
    findWhere<Sku>(
      'skus',
      { productId: _.in([...feed.map((p) => p._id), ...slotProductIds]) },
      1000,
    ),
  ]);
  const storefront: Storefront = {
    _id: ID,
    builtAt: now,
    categories: cats.map((c) => ({ id: c._id, name: c.name })),
    feed: cardsWith(feed, skus),
    nextCursor: page.length > FEED_PAGE ? FEED_PAGE : null,
    slots: slotCampaigns.flatMap((campaign) => {
      const slot = slotOf(
        campaign,
        slotProducts.filter((p) => p.status === 'ON'),
        featuredSkus,
        skus,
      );
      return slot ? [slot] : [];
    }),
    signupCampaigns: campaigns.filter(givesSignupCoupons),
    noticeTemplates: Object.fromEntries(
      Object.entries(templates).map(([kind, t]) => [kind, t.templateId]),
    ),
    attribution: {
      protectDays: distribution.protectDays,
      expireDays: distribution.expireDays,
    },
  };
  const { _id, ...fields } = storefront;
  await db.collection('storefront').doc(_id).set({ data: fields });
  return storefront;
}

/** A campaign's slot: its featured products on sale, each card with the campaign price. */
function slotOf(
  campaign: Campaign,
  products: Product[],
  featured: Sku[],
  skus: Sku[],
): StoredSlot | null {
  const prices = featuredPrices(campaign);
  const own = featured.filter((s) => prices.has(s._id));
  const shown = products.filter((p) => own.some((s) => s.productId === p._id));
  if (shown.length === 0) return null;
  const total = sharedLimitUnits(campaign);
  const quotaKey = sharedLimitKey(campaign);
  return {
    kind: campaign.kind,
    campaignId: campaign._id,
    title: campaign.title,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    products: cardsWith(shown, skus).map((card) => ({
      ...card,
      promo: {
        label: campaign.label,
        priceFen: fen(
          Math.min(...own.filter((s) => s.productId === card.id).map((s) => prices.get(s._id)!)),
        ),
      },
    })),
    userConditions: userConditions(campaign),
    ...(total !== null ? { total } : {}),
    ...(quotaKey ? { quotaKey } : {}),
  };
}

/** The stored snapshot, rebuilt when it is missing or stale (the timer normally keeps it fresh). */
export async function storefront(now: number): Promise<Storefront> {
  const stored = await findById<Storefront>('storefront', ID);
  if (stored && stored.builtAt > now - STALE_MS && stored.builtAt <= now) return stored;
  return buildStorefront(now);
}

/** Slots this shopper sees now: on (or starting within a day) and their conditions met. */
export function visibleSlots(front: Storefront, facts: PricingFacts): StoredSlot[] {
  return front.slots.filter(
    (s) =>
      s.startsAt - PREVIEW_MS <= facts.now &&
      facts.now < s.endsAt &&
      userConditionsPass({ conditions: s.userConditions }, facts),
  );
}

/** The home page for a shopper: the snapshot with their slots and live flash-sale quotas. */
export async function homeFor(front: Storefront, facts: PricingFacts): Promise<HomeView> {
  const slots = visibleSlots(front, facts);
  const quotaKeys = slots.flatMap((s) => (s.quotaKey ? [s.quotaKey] : []));
  const quotas = await findByIds<{ _id: string; remaining: number }>('allowances', quotaKeys);
  return {
    categories: front.categories,
    feed: front.feed,
    nextCursor: front.nextCursor,
    slots: slots.map(({ userConditions: _u, quotaKey, ...slot }) => ({
      ...slot,
      ...(slot.total !== undefined
        ? { remaining: quotas.find((q) => q._id === quotaKey)?.remaining ?? slot.total }
        : {}),
    })),
  };
}
