// Campaign slots for the home page and campaign prices on product pages, for this shopper.
import type { CampaignSlotView, ProductCardView, ProductDetailView } from '../../../domain/api/views';
import { quotaUnits, specialPrices } from '../../../domain/campaigns/showcase';
import type { Campaign, PricingFacts } from '../../../domain/campaigns/types';
import type { Product, Sku } from '../../../domain/model';
import { quote } from '../../../domain/pricing/quote';
import { cards } from './cards';
import { findByIds } from '../infra/db';

const SLOT_KINDS = ['NEW_USER', 'FLASH_SALE', 'TRIAL'];
const DAY_MS = 24 * 3600_000;

/** New-user zone (for new users), flash sales (on, or starting within a day) and trials. */
export async function campaignSlots(
  campaigns: Campaign[],
  facts: PricingFacts,
): Promise<CampaignSlotView[]> {
  const shown = campaigns
    .filter(
      (c) =>
        SLOT_KINDS.includes(c.kind) && c.startsAt - DAY_MS <= facts.now && facts.now < c.endsAt,
    )
    .filter((c) => c.kind !== 'NEW_USER' || facts.user.isNewUser)
    .sort((a, b) => SLOT_KINDS.indexOf(a.kind) - SLOT_KINDS.indexOf(b.kind));
  const skus = await findByIds<Sku>(
    'skus',
    shown.flatMap((c) => [...specialPrices(c).keys()]),
  );
  const products = (
    await findByIds<Product>(
      'products',
      skus.map((s) => s.productId),
    )
  ).filter((p) => p.status === 'ON');
  const quotas = await findByIds<{ _id: string; remaining: number }>(
    'allowances',
    shown.map((c) => `quota:${c._id}`),
  );
  const slots: CampaignSlotView[] = [];
  for (const campaign of shown) {
    const prices = specialPrices(campaign);
    const featured = products.filter((p) =>
      skus.some((s) => s.productId === p._id && prices.has(s._id)),
    );
    if (featured.length === 0) continue;
    const views: ProductCardView[] = (await cards(featured)).map((card) => {
      const priceFen = Math.min(
        ...skus
          .filter((s) => s.productId === card.id && prices.has(s._id))
          .map((s) => prices.get(s._id)!),
      );
      return {
        ...card,
        promo: { label: campaign.label, priceFen: priceFen as ProductCardView['priceFen'] },
      };
    });
    const total = quotaUnits(campaign);
    slots.push({
      kind: campaign.kind,
      campaignId: campaign._id,
      title: campaign.title,
      products: views,
      startsAt: campaign.startsAt,
      endsAt: campaign.endsAt,
      ...(total !== null
        ? {
            total,
            remaining: quotas.find((q) => q._id === `quota:${campaign._id}`)?.remaining ?? total,
          }
        : {}),
    });
  }
  return slots;
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
      const endsAt = campaigns.find((c) => c._id === adjustment.campaignId)?.endsAt;
      return {
        ...skuView,
        promo: {
          label: adjustment.label,
          priceFen: line.amountFen,
          ...(endsAt && endsAt < Date.UTC(2090, 0, 1) ? { endsAt } : {}),
        },
      };
    }),
  };
}
