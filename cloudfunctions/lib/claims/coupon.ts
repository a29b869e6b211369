// A coupon the buyer holds: UNUSED → HELD by the order → USED when paid, or back to UNUSED.
import type { Claim, Coupon } from '../../../domain/campaigns/types';
import { db } from '../infra/cloud';
import { _, updateWhere } from '../infra/db';
import type { ClaimKind } from './kind';

type CouponClaim = Extract<Claim, { kind: 'COUPON' }>;

export const couponClaims: ClaimKind<CouponClaim> = {
  kind: 'COUPON',

  // A coupon is the buyer's own.
  shared: () => false,

  async take(claim, { orderId, openid }) {
    const taken = await updateWhere(
      'coupons',
      { _id: claim.couponId, openid, status: 'UNUSED' },
      { status: 'HELD', orderId },
    );
    if (taken) return 'taken';
    const { total } = await db
      .collection('coupons')
      .where({ _id: claim.couponId, status: 'HELD', orderId })
      .count();
    return total > 0 ? 'taken' : 'gone';
  },

  async release(claim, orderId) {
    // A coupon withdrawn while this order held it (its own order was refunded) does not come back.
    await updateWhere(
      'coupons',
      { _id: claim.couponId, status: 'HELD', orderId, withdrawOnRelease: true },
      { status: 'WITHDRAWN' },
    );
    await updateWhere(
      'coupons',
      { _id: claim.couponId, status: 'HELD', orderId },
      { status: 'UNUSED', orderId: _.remove() },
    );
  },

  async consume(claim, orderId, at) {
    await updateWhere(
      'coupons',
      { _id: claim.couponId, status: 'HELD', orderId },
      { status: 'USED', usedAt: at },
    );
  },

  // A fully refunded order gives its coupon back if it is still valid (as Chinese malls do).
  async onRefund(claim, order, at) {
    await updateWhere(
      'coupons',
      { _id: claim.couponId, status: 'USED', orderId: order._id, validUntil: _.gt(at) },
      { status: 'UNUSED', orderId: _.remove(), usedAt: _.remove() } satisfies Partial<
        Record<keyof Coupon, unknown>
      >,
    );
  },
};
