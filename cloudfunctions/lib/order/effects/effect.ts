// A lifecycle effect: something that must happen once when an order is paid, received, refunded
// or cancelled (use the stock, issue a reward, count the buyer's growth...). The runner (run.ts)
// records each effect's marker on the order when it has run, so the pay notice, refunds and the
// timer can run an event's list again and again: what ran is skipped, what a crash interrupted
// runs once more. Because a crash can fall between an effect's write and its marker, every effect
// is also idempotent by a guard of its own (named in each file), usually a conditional write.
import type { Order } from '../../../../domain/model';

export interface Effect {
  /** Stable: it is the effect's marker on every order it ran for. */
  name: string;
  run(order: Order, at: number): Promise<void>;
  /**
   * Nothing else relies on it and it relies on nothing: it runs beside the others (e.g. writing an
   * outbox message), so it adds no wait to the event.
   */
  independent?: boolean;
}
