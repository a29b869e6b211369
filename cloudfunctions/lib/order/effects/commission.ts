// Distribution commission (lib/distribution/commission.ts) on the order's life: recorded when a
// bound buyer's order is paid, frozen when it is received, voided when it is refunded in full.
// Guards: the commission's id comes from the order (inserted once); freezing is a conditional
// update from the state it expects, voiding a transaction that reads the state first.
import { followRefunds, freezeCommission, recordCommission } from '../../distribution/commission';
import type { Effect } from './effect';

export const recordOrderCommission: Effect = {
  name: 'commission.record',
  run: (order, at) => recordCommission(order, at),
};

export const freezeOrderCommission: Effect = {
  name: 'commission.freeze',
  run: (order, at) => freezeCommission(order, at),
};

export const voidOrderCommission: Effect = {
  name: 'commission.void',
  run: (order, at) => followRefunds(order, at, { refundedInFull: true }),
};
