// Loading what the pricing engine needs: the active campaigns and the buyer's facts (new user,
// growth, products bought before, remaining allowances, coupons), then quoting.
import type { Campaign, Coupon, PricingFacts } from '../../../domain/campaigns/types';
import { conditionRule } from '../../../domain/campaigns/rules';
import type { User } from '../../../domain/model';
import { fen } from '../../../domain/money';
import {
  quote,
  type Quote,
  type QuoteContext,
  type QuoteInputLine,
} from '../../../domain/pricing/quote';
import { db } from '../infra/cloud';
import { _, findById, findByIds, findWhere } from '../infra/db';

/** Campaigns that are on now (and those starting later today, for home-page previews). */
export async function activeCampaigns(now: number): Promise<Campaign[]> {
  const { data } = await db
    .collection('campaigns')
    .where({ status: 'ACTIVE', endsAt: _.gt(now) })
    .orderBy('priority', 'desc')
    .limit(200)
    .get();
  return data as Campaign[];
}

export async function pricingFacts(
  openid: string,
  now: number,
  campaigns: Campaign[],
  lines: { productId: string }[],
  /** The buyer's document when the caller already has it. */
  known?: User | null,
): Promise<PricingFacts> {
  const user = known === undefined ? await findById<User>('users', openid) : known;
  const facts: PricingFacts = {
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
  const keys = allowanceKeys(campaigns, facts, lines);
  const [allowances, coupons] = await Promise.all([
    findByIds<{ _id: string; remaining: number }>('allowances', keys),
    findWhere<Coupon>('coupons', { openid, status: 'UNUSED', validUntil: _.gt(now) }, 100),
  ]);
  for (const a of allowances) facts.allowances[a._id] = a.remaining;
  facts.coupons = coupons;
  return facts;
}

/** The allowance documents the campaigns' limits would use for these lines. */
function allowanceKeys(
  campaigns: Campaign[],
  facts: PricingFacts,
  lines: { productId: string }[],
): string[] {
  const keys = new Set<string>();
  for (const campaign of campaigns) {
    for (const r of campaign.conditions) {
      const rule = conditionRule(r.code);
      if (rule.scope !== 'limit') continue;
      for (const line of lines) {
        const probe = {
          skuId: '',
          productId: line.productId,
          unitPriceFen: fen(0),
          qty: 0,
          amountFen: fen(0),
        };
        keys.add(rule.allowance!(r.args, facts, campaign, probe).key);
      }
    }
  }
  return [...keys];
}

/** Quotes lines for a buyer with everything loaded. */
export async function quoteFor(
  openid: string,
  now: number,
  lines: QuoteInputLine[],
  options: Pick<QuoteContext, 'coupon' | 'exclude'> & { campaigns?: Campaign[] } = {},
): Promise<{ quote: Quote; facts: PricingFacts; campaigns: Campaign[]; user: User | null }> {
  const [campaigns, user] = await Promise.all([
    options.campaigns ?? activeCampaigns(now),
    findById<User>('users', openid),
  ]);
  const productIds = lines.map((l) => ({ productId: l.product._id }));
  const facts = await pricingFacts(openid, now, campaigns, productIds, user);
  return {
    quote: quote(lines, { facts, campaigns, coupon: options.coupon, exclude: options.exclude }),
    facts,
    campaigns,
    user,
  };
}
