// Distribution commission (lib/distribution/commission.ts) on the order's life: recorded when a
// bound buyer's order is paid, frozen when it is received, voided when it is refunded in full.
// Guards: the commission's id comes from the order (inserted once); freezing and voiding are
// conditional updates from the state they expect.
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
  run: (order, at) => followRefunds({ ...order, status: 'REFUNDED' }, at),
};
