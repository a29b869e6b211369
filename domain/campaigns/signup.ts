// The new-user coupon pack: coupons from active SIGNUP_COUPONS campaigns whose user conditions
// the newcomer meets. Ids are derived from campaign, user and position, so issuing twice gives
// the same coupons (the second insert is refused): one pack per user.
import { fen } from '../money';
import { newCoupon } from './coupons';
import { actionRule, userConditionsPass } from './rules';
import type { Campaign, Coupon, PricingFacts } from './types';

export function signupCoupons(campaigns: Campaign[], facts: PricingFacts): Coupon[] {
  const out: Coupon[] = [];
  for (const campaign of campaigns) {
    if (
      campaign.status !== 'ACTIVE' ||
      campaign.startsAt > facts.now ||
      facts.now >= campaign.endsAt
    )
      continue;
    if (!userConditionsPass(campaign, facts)) continue;
    for (const action of campaign.actions) {
      const specs = actionRule(action.code).signupCoupons?.(action.args) ?? [];
      specs.forEach((spec, i) => {
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
