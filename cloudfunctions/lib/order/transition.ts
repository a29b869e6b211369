// Order status changes through the state machine, as conditional updates on the status that was
// read, and the order number a submit gets.
import { createHash } from 'node:crypto';
import { nextStatus, type OrderEvent } from '../../../domain/order-status';
import type { Order } from '../../../domain/model';
import { _, updateWhere } from '../infra/db';

/** The order number for a buyer's submit: the same request id always names the same order. */
export function orderIdFor(openid: string, requestId: string): string {
  return (
    'O' +
    createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 24).toUpperCase()
  );
}

/**
 * Applies an event if the order is still in the status it was read in; false when someone else
 * changed it first (then nothing is written).
 */
export async function transition(
  order: Pick<Order, '_id' | 'status' | 'history'>,
  event: OrderEvent,
  by: string,
  at: number,
  fields: Record<string, unknown> = {},
  reason?: string,
  /** More conditions the order must meet in the same update (e.g. not waiting for its group). */
  also: Record<string, unknown> = {},
): Promise<boolean> {
  const to = nextStatus(order, event);
  const change =
    reason === undefined
      ? { from: order.status, to, at, by }
      : { from: order.status, to, at, by, reason };
  const updated = await updateWhere(
    'orders',
    { ...also, _id: order._id, status: order.status },
    { ...fields, status: to, history: _.push(change) },
  );
  return updated === 1;
}
