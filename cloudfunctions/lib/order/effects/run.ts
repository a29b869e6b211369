// Runs an event's effects for an order: those not yet marked as run, in order (independent ones
// beside them), then records the markers (and whether all ran) in one write. Safe to call any
// number of times, from any caller.
import type { Order } from '../../../../domain/model';
import type { LifecycleEvent } from '../../../../domain/order-status';
import { updateWhere } from '../../infra/db';
import { EFFECTS } from './registry';

export async function runEffects(event: LifecycleEvent, order: Order, at: number): Promise<void> {
  const marks = order.effects?.[event];
  if (marks?.done || EFFECTS[event].length === 0) return;
  const ran = new Set(marks?.ran ?? []);
  let failure: unknown = null;
  const due = EFFECTS[event].filter((e) => !ran.has(e.name));
  const beside = due
    .filter((e) => e.independent)
    .map((e) =>
      e.run(order, at).then(
        () => ran.add(e.name),
        (err) => (failure ??= err),
      ),
    );
  for (const effect of due.filter((e) => !e.independent)) {
    try {
      await effect.run(order, at);
      ran.add(effect.name);
    } catch (e) {
      failure = e; // later effects may rely on this one: stop, record what ran, retry later
      break;
    }
  }
  await Promise.all(beside);
  const done = failure === null;
  await updateWhere(
    'orders',
    { _id: order._id },
    { [`effects.${event}`]: { ran: [...ran], done } },
  );
  if (failure) throw failure;
}
