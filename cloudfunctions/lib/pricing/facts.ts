// Loading what the pricing engine needs: the active campaigns (each checked against the rule
// registry: one that fails is skipped and logged, never failing every quote) and the buyer's
// facts (new user, growth, products bought before, the allowances their lines would use,
// coupons). Independent reads go out together; allowances are read only for lines a limited
// campaign prices.
import { checkCampaign } from '../../../domain/campaigns/schema';
import { actionRule, conditionRule } from '../../../domain/campaigns/rules';
import type { Campaign, Coupon, PricingFacts } from '../../../domain/campaigns/types';
import type { Product, Sku, StockHold, User } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { db } from '../infra/cloud';
import { _, findById, findByIds, findWhere } from '../infra/db';

/** Campaigns that are on now (and those starting later, for home-page previews), valid ones only. */
export async function activeCampaigns(now: number): Promise<Campaign[]> {
  const { data } = await db
    .collection('campaigns')
    .where({ status: 'ACTIVE', endsAt: _.gt(now) })
    .orderBy('priority', 'desc')
    .limit(200)
    .get();
  return (data as unknown[]).flatMap((doc) => {
    const check = checkCampaign(doc);
    if (check.ok) return [check.campaign];
    console.error(
      `campaign ${(doc as { _id?: string })._id} skipped: ${check.problems.join('; ')}`,
    );
    return [];
  });
}

/** The buyer as the engine sees them (no allowances or coupons yet). */
export function buyerFacts(openid: string, user: User | null, now: number): PricingFacts {
  return {
    now,
    user: {
      openid,
      isNewUser: (user?.paidOrderCount ?? 0) === 0,
      paidOrderCount: user?.paidOrderCount ?? 0,
      paidTotalFen: user?.paidTotalFen ?? fen(0),
      purchasedProductIds: user?.purchasedProductIds ?? [],
    },
    allowances: {},
    coupons: [],
  };
}

export function usableCoupons(openid: string, now: number): Promise<Coupon[]> {
  return findWhere<Coupon>('coupons', { openid, status: 'UNUSED', validUntil: _.gt(now) }, 100);
}

export interface PricedLineRef {
  sku: Pick<Sku, '_id'>;
  product: Pick<Product, '_id'>;
}

export interface Pricing {
  campaigns: Campaign[];
  user: User | null;
  facts: PricingFacts;
}

/**
 * What pricing needs that does not depend on the lines, read together: the campaigns, the user
 * and (unless not needed) their coupons. Add the lines' allowances with addAllowances.
 */
export async function loadPricing(
  openid: string,
  now: number,
  options: { coupons?: boolean } = {},
): Promise<Pricing> {
  const [campaigns, user, coupons] = await Promise.all([
    activeCampaigns(now),
    findById<User>('users', openid),
    options.coupons === false ? Promise.resolve([]) : usableCoupons(openid, now),
  ]);
  return { campaigns, user, facts: { ...buyerFacts(openid, user, now), coupons } };
}

type AllowanceDoc = { _id: string; remaining: number; holds?: StockHold[] };

/** Reads the allowances the campaigns' limits would use for these lines into the facts. */
export async function addAllowances(
  facts: PricingFacts,
  campaigns: Campaign[],
  lines: PricedLineRef[],
): Promise<void> {
  const keys = allowanceKeys(campaigns, facts, lines);
  const docs = await findByIds<AllowanceDoc>('allowances', keys);
  facts.heldUnits = {};
  for (const a of docs) {
    facts.allowances[a._id] = a.remaining;
    facts.heldUnits[a._id] = (a.holds ?? []).reduce((n, h) => n + h.qty, 0);
  }
}

/** The allowance documents the campaigns' limits would use for lines they price specially. */
function allowanceKeys(
  campaigns: Campaign[],
  facts: PricingFacts,
  lines: PricedLineRef[],
): string[] {
  const keys = new Set<string>();
  for (const campaign of campaigns) {
    for (const { sku, product } of lines) {
      const probe = {
        skuId: sku._id,
        productId: product._id,
        unitPriceFen: fen(Number.MAX_SAFE_INTEGER),
        qty: 1,
        amountFen: fen(Number.MAX_SAFE_INTEGER),
      };
      // Limits cap special prices only: a campaign that does not price this SKU uses none.
      const prices = campaign.actions.some(
        (a) => actionRule(a.code).specialPrice?.(a.args, probe) != null,
      );
      if (!prices) continue;
      for (const r of campaign.conditions) {
        const limit = conditionRule(r.code).limit;
        if (limit) keys.add(limit.allowance(r.args, facts, campaign, probe).key);
      }
    }
  }
  return [...keys];
}
