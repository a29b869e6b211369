// The new-user coupon pack: coupons from active SIGNUP_COUPONS campaigns whose user conditions
// the newcomer meets. Ids are derived from campaign, user and position, so issuing twice gives
// the same coupons (the second insert is refused): one pack per user.
import { fen } from '../money';
import { newCoupon } from './coupons';
import { conditionRule } from './rules';
import type { Campaign, Coupon, PricingFacts } from './types';

export interface SignupCouponSpec {
  title: string;
  amountFen: number;
  thresholdFen: number;
  validDays: number;
  productIds?: string[];
}

export function signupCoupons(campaigns: Campaign[], facts: PricingFacts): Coupon[] {
  const out: Coupon[] = [];
  for (const campaign of campaigns) {
    if (
      campaign.status !== 'ACTIVE' ||
      campaign.startsAt > facts.now ||
      facts.now >= campaign.endsAt
    )
      continue;
    const userOk = campaign.conditions.every(
      (r) => conditionRule(r.code).scope !== 'user' || conditionRule(r.code).test!(r.args, facts),
    );
    if (!userOk) continue;
    for (const action of campaign.actions) {
      if (action.code !== 'SIGNUP_COUPONS') continue;
      (action.args.coupons as SignupCouponSpec[]).forEach((spec, i) => {
        out.push(
          newCoupon(
            {
              id: `signup:${campaign._id}:${facts.user.openid}:${i}`,
              openid: facts.user.openid,
              title: spec.title,
              discount: { type: 'AMOUNT', amountFen: fen(spec.amountFen) },
              thresholdFen: fen(spec.thresholdFen),
              productIds: spec.productIds,
              validDays: spec.validDays,
              source: 'SIGNUP_PACK',
            },
            facts.now,
          ),
        );
      });
    }
  }
  return out;
}
