// Every lifecycle event's effects, in the order they run. A new selling tool adds its effect
// here (commission entries on paid, outbox messages, blind-box draws...), as one entry.
import type { LifecycleEvent } from '../../../../domain/order-status';
import { drawBlindBox } from './blindbox';
import { countPayment } from './buyer';
import { consumeOrderClaims, refundOrderClaims, releaseOrderClaims } from './claims';
import { freezeOrderCommission, recordOrderCommission, voidOrderCommission } from './commission';
import type { Effect } from './effect';
import { queuePaidNotice } from '../../notices/order-notices';
import { issueReturnCoupons, withdrawReturnCoupons } from './full-return';
import { endOtherNewUserOrders } from './new-user';
import { returnStock, sellStock } from './stock';

export const EFFECTS: Record<LifecycleEvent, Effect[]> = {
  paid: [
    sellStock,
    consumeOrderClaims,
    drawBlindBox,
    issueReturnCoupons,
    countPayment,
    endOtherNewUserOrders,
    recordOrderCommission,
    queuePaidNotice,
  ],
  received: [freezeOrderCommission],
  refunded: [withdrawReturnCoupons, refundOrderClaims, voidOrderCommission],
  cancelled: [returnStock, releaseOrderClaims],
};
