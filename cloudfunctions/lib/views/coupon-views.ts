// Coupons and coupon templates as the app shows them.
import type { Coupon, CouponTemplate } from '../../../domain/campaigns/types';
import type { CouponTemplateView, CouponView } from '../../../domain/api/views';

/** A discount as the app shows it: an amount off, or a percentage off. */
function discountFields(discount: Coupon['discount']) {
  return discount.type === 'AMOUNT'
    ? { amountFen: discount.amountFen }
    : { percentOff: discount.percentOff };
}

/** A coupon as the buyer sees it (one still being claimed is never listed: it reads as unused). */
export function couponView(c: Coupon, now: number): CouponView {
  const status = c.status === 'CLAIMING' ? 'UNUSED' : c.status;
  return {
    id: c._id,
    title: c.title,
    ...discountFields(c.discount),
    thresholdFen: c.thresholdFen,
    validUntil: c.validUntil,
    status: status === 'UNUSED' && c.validUntil <= now ? 'EXPIRED' : status,
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
    ...discountFields(t.discount),
    thresholdFen: t.thresholdFen,
    validDays: t.validDays,
    remaining,
    total: t.totalQuota,
    claimedByMe,
    perUserLimit: t.perUserLimit,
  };
}
