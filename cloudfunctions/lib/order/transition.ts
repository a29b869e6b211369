// Order persistence: status changes through the state machine, as conditional updates on the
// status that was read, and the stock that goes with them.
import { createHash } from 'node:crypto';
import { nextStatus, type OrderEvent } from '../../../domain/order-status';
import type { Order } from '../../../domain/model';
import { _, updateWhere } from '../infra/db';
import { releaseClaims } from '../claims/claims';
import { releaseHold } from '../catalog/stock';

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
): Promise<boolean> {
  const to = nextStatus(order, event);
  const change =
    reason === undefined
      ? { from: order.status, to, at, by }
      : { from: order.status, to, at, by, reason };
  const updated = await updateWhere(
    'orders',
    { _id: order._id, status: order.status },
    { ...fields, status: to, history: _.push(change) },
  );
  return updated === 1;
}

/** Returns everything an order held: stock and campaign claims, and records it. Safe to repeat. */
export async function releaseOrderHolds(
  order: Pick<Order, '_id' | 'lines' | 'claims'>,
): Promise<void> {
  for (const line of order.lines) await releaseHold(line.skuId, order._id, line.qty);
  await releaseClaims(order._id, order.claims ?? []);
  await updateWhere('orders', { _id: order._id }, { stockReleased: true });
}
