// Timer probe: records each trigger event with the time the function sees.
import { db } from '../../../cloudfunctions/lib/infra/cloud';
import { now } from '../../../cloudfunctions/lib/infra/clock';

export async function main(event: Record<string, unknown>) {
  await db.collection('ticks').add({ data: { event, seenAt: now(), serverAt: db.serverDate() } });
  return { ok: true };
}
