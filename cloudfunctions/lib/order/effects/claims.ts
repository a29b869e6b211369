// The order's claims (quota units, limits, the coupon) are used up when it is paid, given back
// when it is cancelled, and treated as each kind says when it is refunded.
// Guard: each claim kind's own conditional writes (claims/*.ts).
import { claimsOnRefund, consumeClaims, releaseClaims } from '../../claims/registry';
import type { Effect } from './effect';

export const consumeOrderClaims: Effect = {
  name: 'claims.consume',
  run: (order, at) => consumeClaims(order.claims ?? [], order._id, at),
};

export const releaseOrderClaims: Effect = {
  name: 'claims.release',
  run: (order) => releaseClaims(order.claims ?? [], order._id),
};

export const refundOrderClaims: Effect = {
  name: 'claims.refund',
  run: (order, at) => claimsOnRefund(order, at),
};
