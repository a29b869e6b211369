// Runs an event's effects for an order: those not yet marked as run, in order, then records the
// markers (and whether all ran) in one write. Safe to call any number of times, from any caller.
import type { Order } from '../../../../domain/model';
import type { LifecycleEvent } from '../../../../domain/order-status';
import { updateWhere } from '../../infra/db';
import { EFFECTS } from './registry';

export async function runEffects(event: LifecycleEvent, order: Order, at: number): Promise<void> {
  const marks = order.effects?.[event];
  if (marks?.done || EFFECTS[event].length === 0) return;
  const ran = new Set(marks?.ran ?? []);
  let failure: unknown = null;
  for (const effect of EFFECTS[event]) {
    if (ran.has(effect.name)) continue;
    try {
      await effect.run(order, at);
      ran.add(effect.name);
    } catch (e) {
      failure = e; // later effects may rely on this one: stop, record what ran, retry later
      break;
    }
  }
  const done = failure === null;
  await updateWhere(
    'orders',
    { _id: order._id },
    { [`effects.${event}`]: { ran: [...ran], done } },
  );
  if (failure) throw failure;
}
