// Coupon-center claims: a buyer's coupons of a template live under fixed ids (one per slot up to
// the per-user limit), and the template's total under one quota allowance.
import type { CouponTemplate } from '../../../domain/campaigns/types';
import { findById, updateWhere } from '../infra/db';
import { consumeUnits, releaseUnits } from '../infra/holds';
import { db } from '../infra/cloud';

export const couponQuotaKey = (templateId: string) => `tplquota:${templateId}`;

export function couponSlotIds(tpl: Pick<CouponTemplate, '_id' | 'perUserLimit'>, openid: string) {
  return Array.from({ length: tpl.perUserLimit }, (_, i) => `tpl:${tpl._id}:${openid}:${i + 1}`);
}

/**
 * Finishes a claim that stopped half way (found by the timer): if the quota holds a unit for the
 * coupon, the coupon becomes usable and the unit used; if not, the coupon's slot is given back.
 */
export async function settleClaim(couponId: string, quotaKey: string): Promise<void> {
  const quota = await findById<{ holds?: { orderId: string }[] }>('allowances', quotaKey);
  const held = quota?.holds?.some((h) => h.orderId === couponId) ?? false;
  const coupon = await findById<{ status: string }>('coupons', couponId);
  if (held && coupon) {
    await updateWhere('coupons', { _id: couponId, status: 'CLAIMING' }, { status: 'UNUSED' });
    await consumeUnits('allowances', quotaKey, couponId, 1, 'used');
  } else if (held) {
    await releaseUnits('allowances', quotaKey, 'remaining', couponId, 1);
  } else {
    await db.collection('coupons').where({ _id: couponId, status: 'CLAIMING' }).remove();
  }
}
