// The admin's blind boxes: each campaign's pool with the stock left per item, the odds each
// buyer segment sees now (so staff can preview the tuning), and the latest draws.
import type { AdminBlindBoxView } from '../../domain/api/views';
import {
  HIGH_VALUE_FEN,
  LAPSED_AFTER_MS,
  oddsFor,
  probabilitiesPpm,
  type BuyerHistory,
  type Segment,
} from '../../domain/blindbox';
import { blindBoxRule } from '../../domain/campaigns/rules';
import { fen } from '../../domain/money';
import { db } from '../lib/infra/cloud';
import type { Context } from '../lib/infra/router';
import { stockLeft } from '../lib/blindbox/pricing';
import { activeCampaigns } from '../lib/pricing/facts';

/** A typical buyer of each segment, for the preview (what each has bought is unknown here). */
const SAMPLES: Record<Segment, BuyerHistory> = {
  HIGH_VALUE: { paidOrderCount: 20, paidTotalFen: fen(HIGH_VALUE_FEN), lastPaidAt: 0, bought: {} },
  LOW_FREQUENCY: { paidOrderCount: 1, paidTotalFen: fen(5000), lastPaidAt: 0, bought: {} },
  LAPSED: {
    paidOrderCount: 5,
    paidTotalFen: fen(50_000),
    lastPaidAt: -LAPSED_AFTER_MS - 1,
    bought: {},
  },
  REGULAR: { paidOrderCount: 5, paidTotalFen: fen(50_000), lastPaidAt: 0, bought: {} },
};

export async function listBlindBoxes(ctx: Context): Promise<AdminBlindBoxView[]> {
  const campaigns = (await activeCampaigns(ctx.now)).filter((c) => blindBoxRule(c));
  return Promise.all(
    campaigns.map(async (c) => {
      const rule = blindBoxRule(c)!;
      const [left, draws] = await Promise.all([
        stockLeft(c._id, rule),
        db.collection('draws').where({ campaignId: c._id }).orderBy('at', 'desc').limit(50).get(),
      ]);
      return {
        campaignId: c._id,
        title: c.title,
        boxFen: rule.boxFen,
        pool: rule.pool.map((i) => ({
          skuId: i.skuId,
          valueFen: i.valueFen,
          weight: i.weight,
          stock: rule.stock[i.skuId] ?? 0,
          left: left[i.skuId] ?? 0,
          top: !!i.top,
        })),
        oddsBySegment: (Object.keys(SAMPLES) as Segment[]).map((segment) => {
          const odds = oddsFor(
            rule.pool,
            left,
            { history: SAMPLES[segment], at: 0, tuned: rule.tuned, guaranteeDue: false },
            rule.boxFen,
          );
          return {
            segment,
            ppm: Object.fromEntries(probabilitiesPpm(odds).map((p) => [p.skuId, p.ppm])),
          };
        }),
        draws: (draws.data as { _id: string; skuId: string; at: number; skipped: string[] }[]).map(
          (d) => ({ orderId: d._id, skuId: d.skuId, at: d.at, skipped: d.skipped }),
        ),
      };
    }),
  );
}
