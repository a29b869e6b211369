// What a kind of claim is: a limited thing an order takes to get its prices (units of a quota or
// of a buyer's limit, a coupon; later a group seat, a blind-box pool item, a deposit credit).
// Every kind answers the same five steps of the order's life, each a conditional write that is
// safe to repeat. The order path loops over the registry (registry.ts) and never asks which kind
// a claim is.
import type { Claim } from '../../../domain/campaigns/types';
import type { CancelReason } from '../../../domain/order-cancel';
import type { Order, User } from '../../../domain/model';

export type TakeResult =
  /** Taken for this order (also when a repeated take finds it already taken). */
  | 'taken'
  /** Gone: someone else used the last of it. */
  | 'gone'
  /** Taken by unpaid orders for now: it may come back when they are cancelled. */
  | 'held';

export interface TakeContext {
  orderId: string;
  openid: string;
  at: number;
  /** Allowance documents the pricing read (the others have never been used). */
  knownAllowances: ReadonlySet<string>;
}

export interface ClaimKind<C extends Claim = Claim> {
  kind: C['kind'];
  /** Shared by every buyer (a quota): taken after the buyer's own claims, so a buyer who will be
   * refused for their own limit never holds units others could have had. */
  shared(claim: C): boolean;
  /**
   * The order cannot do without it (a group seat): when it is gone the order is not placed, with
   * this reason, instead of being priced again without it.
   */
  whenLost?: CancelReason;
  take(claim: C, ctx: TakeContext): Promise<TakeResult>;
  /** The order was cancelled or never placed: give it back. */
  release(claim: C, orderId: string): Promise<void>;
  /** The order was paid: the claim is used up. */
  consume(claim: C, orderId: string, at: number): Promise<void>;
  /** The order was refunded in full. */
  onRefund(claim: C, order: Order, at: number): Promise<void>;
  /** Before a payment is accepted: a reason the price no longer stands (the order is then
   * cancelled and the money returned), or null. */
  vetoPayment?(
    claim: C,
    order: Order,
    buyer: () => Promise<User | null>,
  ): Promise<CancelReason | null>;
}
