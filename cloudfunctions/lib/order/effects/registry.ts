// Every lifecycle event's effects, in the order they run. A new selling tool adds its effect
// here (commission entries on paid, outbox messages, blind-box draws...), as one entry.
import type { LifecycleEvent } from '../../../../domain/order-status';
import { countPayment } from './buyer';
import { consumeOrderClaims, refundOrderClaims, releaseOrderClaims } from './claims';
import type { Effect } from './effect';
import { issueReturnCoupons, withdrawReturnCoupons } from './full-return';
import { endOtherNewUserOrders } from './new-user';
import { returnStock, sellStock } from './stock';

export const EFFECTS: Record<LifecycleEvent, Effect[]> = {
  paid: [sellStock, consumeOrderClaims, issueReturnCoupons, countPayment, endOtherNewUserOrders],
  // Nothing yet: commission unfreezing and repurchase reminders will start here.
  received: [],
  refunded: [withdrawReturnCoupons, refundOrderClaims],
  cancelled: [returnStock, releaseOrderClaims],
};
