// The claim kinds and the steps the order path runs over all of an order's claims. Adding a kind
// is one entry in CLAIM_KINDS (and its Claim variant in domain/campaigns/types.ts).
import type { Claim } from '../../../domain/campaigns/types';
import type { CancelReason } from '../../../domain/order-cancel';
import type { Order, User } from '../../../domain/model';
import { allowanceClaims } from './allowance';
import { assistUseClaims } from './assist-use';
import { couponClaims } from './coupon';
import { depositClaims, finalPaymentClaims } from './deposit';
import { groupSeatClaims } from './group-seat';
import type { ClaimKind, TakeContext, TakeResult } from './kind';

const CLAIM_KINDS: { [K in Claim['kind']]: ClaimKind<Extract<Claim, { kind: K }>> } = {
  ALLOWANCE: allowanceClaims,
  COUPON: couponClaims,
  GROUP_SEAT: groupSeatClaims,
  ASSIST_USE: assistUseClaims,
  DEPOSIT: depositClaims,
  FINAL_PAYMENT: finalPaymentClaims,
};

function kindOf<C extends Claim>(claim: C): ClaimKind<C> {
  const kind = CLAIM_KINDS[claim.kind as C['kind']] as unknown as ClaimKind<C> | undefined;
  if (!kind) throw new Error(`unknown claim kind ${claim.kind}`);
  return kind;
}

/**
 * Takes every claim, the buyer's own first and shared ones after, each group at once. Returns the
 * first that could not be taken and why (what was taken stays taken: the caller releases it).
 */
export async function takeClaims(
  claims: Claim[],
  ctx: TakeContext,
): Promise<{ claim: Claim; result: Exclude<TakeResult, 'taken'> } | null> {
  for (const shared of [false, true]) {
    const group = claims.filter((c) => kindOf(c).shared(c) === shared);
    const results = await Promise.all(group.map((c) => kindOf(c).take(c, ctx)));
    const lost = results.findIndex((r) => r !== 'taken');
    if (lost >= 0) return { claim: group[lost], result: results[lost] as 'gone' | 'held' };
  }
  return null;
}

/** The reason an order is not placed when this claim is lost, if the order cannot do without it. */
export const reasonWhenLost = (claim: Claim): CancelReason | undefined => kindOf(claim).whenLost;

export async function releaseClaims(claims: Claim[], orderId: string): Promise<void> {
  await Promise.all(claims.map((c) => kindOf(c).release(c, orderId)));
}

export async function consumeClaims(claims: Claim[], orderId: string, at: number): Promise<void> {
  await Promise.all(claims.map((c) => kindOf(c).consume(c, orderId, at)));
}

export async function claimsOnRefund(order: Order, at: number): Promise<void> {
  await Promise.all((order.claims ?? []).map((c) => kindOf(c).onRefund(c, order, at)));
}

/** The first reason a claim gives why the order's price no longer stands at payment, or null. */
export async function paymentVeto(
  order: Order,
  buyer: () => Promise<User | null>,
): Promise<CancelReason | null> {
  for (const claim of order.claims ?? []) {
    const veto = await kindOf(claim).vetoPayment?.(claim, order, buyer);
    if (veto) return veto;
  }
  return null;
}
