// Units of an allowance: a campaign's quota (shared) or a buyer's limit for a campaign. Held in
// the allowance document with the order's hold recorded in the same write (infra/holds.ts).
import type { Claim } from '../../../domain/campaigns/types';
import { findById, insertOnce } from '../infra/db';
import { consumeUnits, holdUnits, releaseUnits } from '../infra/holds';
import type { ClaimKind } from './kind';

type AllowanceClaim = Extract<Claim, { kind: 'ALLOWANCE' }>;

const ALLOWANCES = 'allowances';

export const allowanceClaims: ClaimKind<AllowanceClaim> = {
  kind: 'ALLOWANCE',

  shared: (claim) => claim.shared,

  async take(claim, { orderId, at, knownAllowances }) {
    // The first use of an allowance creates it with this order's hold already in it (one write);
    // if someone created it first, the hold is taken from it like any other.
    const first =
      !knownAllowances.has(claim.key) &&
      claim.initial >= claim.qty &&
      (await insertOnce(ALLOWANCES, {
        _id: claim.key,
        kind: 'campaign',
        campaignId: claim.campaignId,
        shared: claim.shared,
        remaining: claim.initial - claim.qty,
        used: 0,
        holds: [{ orderId, qty: claim.qty, at }],
      }));
    if (first) return 'taken';
    if (await holdUnits(ALLOWANCES, claim.key, 'remaining', orderId, claim.qty, at)) return 'taken';
    const doc = await findById<{ holds?: { orderId: string }[] }>(ALLOWANCES, claim.key);
    const holds = doc?.holds ?? [];
    if (holds.some((h) => h.orderId === orderId)) return 'taken'; // a repeated take
    return claim.shared && holds.length > 0 ? 'held' : 'gone';
  },

  async release(claim, orderId) {
    await releaseUnits(ALLOWANCES, claim.key, 'remaining', orderId, claim.qty);
  },

  async consume(claim, orderId) {
    await consumeUnits(ALLOWANCES, claim.key, orderId, claim.qty, 'used');
  },

  // A campaign price that was paid stays used after a refund: the buyer's limit and the quota
  // are not given back (a refunded flash-sale unit does not reopen the sale).
  async onRefund() {},

  // A new-user price is for the first paid order: if the buyer paid another order first, it no
  // longer stands.
  async vetoPayment(claim, _order, buyer) {
    if (!claim.newUserOnly) return null;
    return ((await buyer())?.paidOrderCount ?? 0) > 0 ? 'NEW_USER_ENDED' : null;
  },
};
