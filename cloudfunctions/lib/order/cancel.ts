// The one way an order is cancelled, whoever cancels it (the buyer, the payment timeout, a failed
// placement, a payment that could not start, a new-user price that ended):
//   1. if a payment may have started, close it first: if the buyer paid meanwhile, the order is
//      not cancelled (the pay notice is on its way);
//   2. move it to CANCELLED from the status it was read in, recording the reason;
//   3. run the cancelled effects (stock and claims go back). The timer re-runs them for an order
//      whose run was interrupted.
import { CANCEL_REASONS, type CancelReason } from '../../../domain/order-cancel';
import { canApply } from '../../../domain/order-status';
import type { Order } from '../../../domain/model';
import { closeTrade } from '../payments/cloud-pay';
import { runEffects } from './effects/run';
import { transition } from './transition';

export type CancelOutcome =
  | 'cancelled'
  /** The buyer paid before the payment could be closed: left for the pay notice. */
  | 'paid'
  /** Someone else changed the order first (or it can no longer be cancelled). */
  | 'unchanged';

export interface CancelOptions {
  by: string;
  at: number;
  /** False when no payment can have started (a placement that stopped before asking). */
  closePayment?: boolean;
}

export async function cancelOrder(
  order: Order,
  reason: CancelReason,
  { by, at, closePayment = true }: CancelOptions,
): Promise<CancelOutcome> {
  const { event } = CANCEL_REASONS[reason];
  if (!canApply(order.status, event)) return 'unchanged';
  if (closePayment && (await closeTrade(order._id)) === 'paid') return 'paid';
  const cancel = { reason, at, by };
  const fields = event === 'abandon' ? { cancel, abandoned: true } : { cancel };
  if (!(await transition(order, event, by, at, fields, reason))) return 'unchanged';
  await runEffects('cancelled', { ...order, status: 'CANCELLED', ...fields }, at);
  return 'cancelled';
}
