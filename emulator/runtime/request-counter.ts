// Counts the database requests an invocation makes, so the gateway can report them
// (X-Cloud-Db-Requests): on CloudBase each one is a network round trip, the main cost of a call.
//
// The counter follows the invocation's async context (like invocation-env, but kept apart:
// a function-to-function call shares its caller's counter while getting its own identity).
// Work the local cloud starts on its own, such as a pay notice, runs under a fresh counter.
import { AsyncLocalStorage } from 'node:async_hooks';

export class RequestCounter {
  count = 0;
}

const storage = new AsyncLocalStorage<RequestCounter>();

/** Runs `fn` with `counter` counting the database requests made inside it. */
export function withRequestCounter<T>(counter: RequestCounter, fn: () => T): T {
  return storage.run(counter, fn);
}

/** The counter of the invocation this code runs in, if any. */
export function currentRequestCounter(): RequestCounter | undefined {
  return storage.getStore();
}

/** Adds one database request to the current invocation's count (none outside invocations). */
export function countRequest(): void {
  const counter = storage.getStore();
  if (counter) counter.count++;
}
