// Making a coupon: the one place a coupon's fields are filled in, whatever issued it (the coupon
// center, the new-user pack, a full-return reward).
import type { Fen } from '../money';
import type { Coupon, CouponDiscount } from './types';

const DAY_MS = 24 * 3600_000;

export interface CouponSpec {
  id: string;
  openid: string;
  title: string;
  discount: CouponDiscount;
  thresholdFen: Fen;
  productIds?: string[];
  validDays: number;
  source: Coupon['source'];
  templateId?: string;
  sourceOrderId?: string;
}

/** An unused coupon valid for `validDays` from `now`. */
export function newCoupon(spec: CouponSpec, now: number): Coupon {
  return {
    _id: spec.id,
    openid: spec.openid,
    title: spec.title,
    discount: spec.discount,
    thresholdFen: spec.thresholdFen,
    ...(spec.productIds?.length ? { productIds: spec.productIds } : {}),
    validFrom: now,
    validUntil: now + spec.validDays * DAY_MS,
    status: 'UNUSED',
    source: spec.source,
    ...(spec.templateId ? { templateId: spec.templateId } : {}),
    ...(spec.sourceOrderId ? { sourceOrderId: spec.sourceOrderId } : {}),
    issuedAt: now,
  };
}
