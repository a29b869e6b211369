// Coupons and coupon templates as the app shows them.
import type { Coupon, CouponTemplate } from '../../domain/campaigns/types';
import type { CouponTemplateView, CouponView } from '../../domain/api/views';

export function couponView(c: Coupon, now: number): CouponView {
  return {
    id: c._id,
    title: c.title,
    amountFen: c.discount.type === 'AMOUNT' ? c.discount.amountFen : undefined,
    percentOff: c.discount.type === 'PERCENT' ? c.discount.percentOff : undefined,
    thresholdFen: c.thresholdFen,
    validUntil: c.validUntil,
    status: c.status === 'UNUSED' && c.validUntil <= now ? 'EXPIRED' : c.status,
    source: c.source,
  };
}

export function templateView(
  t: CouponTemplate,
  remaining: number,
  claimedByMe: number,
): CouponTemplateView {
  return {
    id: t._id,
    title: t.title,
    amountFen: t.discount.type === 'AMOUNT' ? t.discount.amountFen : undefined,
    percentOff: t.discount.type === 'PERCENT' ? t.discount.percentOff : undefined,
    thresholdFen: t.thresholdFen,
    validDays: t.validDays,
    remaining,
    total: t.totalQuota,
    claimedByMe,
    perUserLimit: t.perUserLimit,
  };
}
