// The limited things an order takes to get its campaign prices (domain Claim): units of an
// allowance (a campaign's quota, a user's limit) and a coupon. Taken while the order is being
// placed, given back if it is cancelled, used up when it is paid; each step conditional and
// safe to repeat.
import type { Claim } from '../../../domain/campaigns/types';
import { db } from '../infra/cloud';
import { _, insertOnce, updateWhere } from '../infra/db';
import { consumeUnits, holdUnits, holdsUnits, releaseUnits } from '../infra/holds';

const ALLOWANCES = 'allowances';

/** Takes one claim for an order; false when it is not available. A repeat of a taken claim is true. */
export async function takeClaim(
  orderId: string,
  openid: string,
  claim: Claim,
  at: number,
): Promise<boolean> {
  if (claim.kind === 'COUPON') {
    const taken = await updateWhere(
      'coupons',
      { _id: claim.couponId, openid, status: 'UNUSED' },
      { status: 'HELD', orderId },
    );
    if (taken) return true;
    const { total } = await db
      .collection('coupons')
      .where({ _id: claim.couponId, status: 'HELD', orderId })
      .count();
    return total > 0;
  }
  // An allowance document is created full the first time anyone uses it.
  await insertOnce(ALLOWANCES, {
    _id: claim.key,
    kind: 'campaign',
    campaignId: claim.campaignId,
    remaining: claim.initial,
    used: 0,
    holds: [],
  });
  if (await holdUnits(ALLOWANCES, claim.key, 'remaining', orderId, claim.qty, at)) return true;
  return holdsUnits(ALLOWANCES, claim.key, orderId);
}

/** Gives an order's claims back (cancelled or abandoned). Safe to repeat. */
export async function releaseClaims(orderId: string, claims: Claim[]): Promise<void> {
  for (const claim of claims) {
    if (claim.kind === 'COUPON') {
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
    } else await releaseUnits(ALLOWANCES, claim.key, 'remaining', orderId, claim.qty);
  }
}

/** Uses up an order's claims (it was paid). Safe to repeat. */
export async function consumeClaims(orderId: string, claims: Claim[], at: number): Promise<void> {
  for (const claim of claims) {
    if (claim.kind === 'COUPON')
      await updateWhere(
        'coupons',
        { _id: claim.couponId, status: 'HELD', orderId },
        { status: 'USED', usedAt: at },
      );
    else await consumeUnits(ALLOWANCES, claim.key, orderId, claim.qty, 'used');
  }
}
