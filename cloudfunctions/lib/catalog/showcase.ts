// Campaign prices on product pages, for this shopper: what one unit of each SKU would cost now.
import type { ProductDetailView } from '../../../domain/api/views';
import type { Campaign, PricingFacts } from '../../../domain/campaigns/types';
import type { Product, Sku } from '../../../domain/model';
import { groupRule, perUserLimitUnits, userConditionsPass } from '../../../domain/campaigns/rules';
import type { GroupOfferView } from '../../../domain/api/views';
import { quote } from '../../../domain/pricing/quote';

/** Campaigns ending after this are "always on": no countdown is shown. */
const NO_COUNTDOWN_AFTER = Date.UTC(2090, 0, 1);

/**
 * The group-buying campaign running on this product for this shopper (its tiers per SKU), if
 * any: the product page's 开团 / 参团 entry.
 */
export function groupOffer(
  skus: Sku[],
  campaigns: Campaign[],
  facts: PricingFacts,
): GroupOfferView | undefined {
  for (const c of campaigns) {
    const rule = groupRule(c);
    if (!rule || c.status !== 'ACTIVE' || c.startsAt > facts.now || facts.now >= c.endsAt) continue;
    if (!userConditionsPass(c, facts)) continue;
    const offered = skus
      .map((s) => ({ skuId: s._id, tiers: rule.tiersFor(s._id) }))
      .filter((s): s is GroupOfferView['skus'][number] => !!s.tiers);
    if (offered.length)
      return {
        campaignId: c._id,
        label: c.label,
        hours: Math.round(rule.lifetimeMs / 3_600_000),
        endsAt: c.endsAt,
        skus: offered,
      };
  }
  return undefined;
}

/** Each SKU's price for one unit for this shopper, where a campaign lowers it. */
export function withPromos(
  view: ProductDetailView,
  product: Product,
  skus: Sku[],
  campaigns: Campaign[],
  facts: PricingFacts,
): ProductDetailView {
  return {
    ...view,
    skus: view.skus.map((skuView) => {
      const sku = skus.find((s) => s._id === skuView.id)!;
      const [line] = quote([{ product, sku, qty: 1 }], { facts, campaigns, coupon: 'none' }).lines;
      const adjustment = line.adjustments[0];
      if (!adjustment || line.amountFen >= sku.priceFen) return skuView;
      const campaign = campaigns.find((c) => c._id === adjustment.campaignId);
      const endsAt = campaign?.endsAt;
      const limit = campaign && perUserLimitUnits(campaign);
      return {
        ...skuView,
        promo: {
          label: adjustment.label,
          priceFen: line.amountFen,
          ...(endsAt && endsAt < NO_COUNTDOWN_AFTER ? { endsAt } : {}),
          ...(limit ? { limitPerUser: limit } : {}),
        },
      };
    }),
  };
}
