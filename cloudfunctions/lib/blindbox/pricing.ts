// A blind box's price and odds for one buyer (domain/blindbox.ts), read from the campaign, the
// pool's stock left and the buyer's history: the box at its price, one unit of the pool held for
// it (so a paid box is never empty), the buyer's daily cap, and the odds to fix into the order.
// An under-8 buyer is refused; under 18 only with a guardian's consent (the page asks).
import { blindBoxRule, type BlindBoxRule } from '../../../domain/campaigns/rules';
import type { Campaign, Claim } from '../../../domain/campaigns/types';
import { oddsFor, segmentOf, type BuyerHistory } from '../../../domain/blindbox';
import { chinaDay } from '../../../domain/assist';
import type { Order, Sku, User } from '../../../domain/model';
import { db } from '../infra/cloud';
import type { FixedPrice } from '../../../domain/pricing/quote';
import { AppError } from '../../../domain/result';
import { _, findById, findByIds } from '../infra/db';
import { activeCampaigns } from '../pricing/facts';

export type AgeAnswer = 'ADULT' | 'MINOR_WITH_GUARDIAN' | 'UNDER_8';

export const poolKey = (campaignId: string) => `bbpool:${campaignId}`;
export const itemKey = (campaignId: string, skuId: string) => `bbitem:${campaignId}:${skuId}`;
export const countKey = (campaignId: string, openid: string) => `bbcount:${campaignId}:${openid}`;

export async function boxCampaign(
  campaignId: string,
  at: number,
): Promise<{ campaign: Campaign; rule: BlindBoxRule }> {
  const campaign = (await activeCampaigns(at)).find((c) => c._id === campaignId);
  const rule = campaign && blindBoxRule(campaign);
  if (!campaign || !rule || campaign.startsAt > at)
    throw new AppError('BLIND_BOX_UNAVAILABLE', '盲盒活动未开始或已结束');
  return { campaign, rule };
}

/** Units left per pool SKU (an item document not made yet: its whole stock). */
export async function stockLeft(campaignId: string, rule: BlindBoxRule) {
  const docs = await findByIds<{ _id: string; remaining: number }>(
    'allowances',
    rule.pool.map((i) => itemKey(campaignId, i.skuId)),
  );
  return Object.fromEntries(
    rule.pool.map((i) => [
      i.skuId,
      docs.find((d) => d._id === itemKey(campaignId, i.skuId))?.remaining ??
        rule.stock[i.skuId] ??
        0,
    ]),
  );
}

/** The odds this buyer's box has now, and why (segment, guarantee). */
export async function buyerOdds(
  campaign: Campaign,
  rule: BlindBoxRule,
  openid: string,
  at: number,
) {
  const [user, left, count, poolSkus, lastPaid] = await Promise.all([
    findById<User>('users', openid),
    stockLeft(campaign._id, rule),
    findById<{ sinceTop: number }>('allowances', countKey(campaign._id, openid)),
    findByIds<Sku>(
      'skus',
      rule.pool.map((i) => i.skuId),
    ),
    // Their latest payment (lapsed buyers are tuned differently).
    db
      .collection('orders')
      .where({ openid, 'payment.paidAt': _.exists(true) })
      .orderBy('payment.paidAt', 'desc')
      .limit(1)
      .field({ payment: true })
      .get(),
  ]);
  const bought = new Set(user?.purchasedProductIds ?? []);
  const history: BuyerHistory = {
    paidOrderCount: user?.paidOrderCount ?? 0,
    paidTotalFen: user?.paidTotalFen ?? (0 as BuyerHistory['paidTotalFen']),
    lastPaidAt: (lastPaid.data[0] as Order | undefined)?.payment?.paidAt ?? null,
    bought: Object.fromEntries(poolSkus.map((s) => [s._id, bought.has(s.productId) ? 1 : 0])),
  };
  const guaranteeDue = rule.guaranteeAfter > 0 && (count?.sinceTop ?? 0) >= rule.guaranteeAfter;
  const odds = oddsFor(
    rule.pool,
    left,
    { history, at, tuned: rule.tuned, guaranteeDue },
    rule.boxFen,
  );
  return { odds, segment: segmentOf(history, at), guaranteeDue, left };
}

export async function boxPricing(
  input: { campaignId: string; age: AgeAnswer },
  openid: string,
  at: number,
  skuId: string,
): Promise<FixedPrice> {
  if (input.age === 'UNDER_8')
    throw new AppError('AGE_REFUSED', '按规定，盲盒不向 8 岁以下的未成年人出售');
  const { campaign, rule } = await boxCampaign(input.campaignId, at);
  if (skuId !== rule.boxSkuId) throw new AppError('BLIND_BOX_UNAVAILABLE', '该商品不是这个盲盒');
  const { odds, segment, guaranteeDue } = await buyerOdds(campaign, rule, openid, at);
  if (!odds.length) throw new AppError('BLIND_BOX_UNAVAILABLE', '盲盒已售罄');
  const total = rule.pool.reduce((s, i) => s + (rule.stock[i.skuId] ?? 0), 0);
  const claims: Claim[] = [
    {
      kind: 'ALLOWANCE',
      key: poolKey(campaign._id),
      qty: 1,
      initial: total,
      campaignId: campaign._id,
      shared: true,
    },
  ];
  if (rule.dailyCap > 0)
    claims.push({
      kind: 'ALLOWANCE',
      key: `bbday:${campaign._id}:${openid}:${chinaDay(at)}`,
      qty: 1,
      initial: rule.dailyCap,
      campaignId: campaign._id,
      shared: false,
    });
  return {
    campaignId: campaign._id,
    skuId,
    priceFen: rule.boxFen,
    claims,
    orderFields: {
      blindBox: {
        campaignId: campaign._id,
        odds,
        segment,
        guaranteeDue,
        ...(rule.fission ? { fission: true, removed: [] } : {}),
      },
    },
  };
}
