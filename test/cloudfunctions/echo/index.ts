// Trivial function: echoes the event, reports the cloud clock, or throws on request.
import { now } from '../../../cloudfunctions/lib/infra/clock';

export async function main(event: { throw?: string; reject?: string }) {
  if (event.throw) throw new Error(event.throw);
  if (event.reject) {
    // A stray rejection nobody awaits: the cloud must survive it.
    void Promise.reject(new Error(event.reject));
  }
  return { event, now: now() };
}
