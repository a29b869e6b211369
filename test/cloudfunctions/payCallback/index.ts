// Pay/refund callback probe: stores every notice it gets, and refuses (errcode 1) as many times
// as kv/callbackFailures.remaining says, to test the sandbox's retries.
import { cloud, db } from '../../../cloudfunctions/lib/infra/cloud';
const _ = db.command;

export async function main(event: Record<string, unknown>) {
  await db
    .collection('pay_events')
    .add({ data: { ...event, source: cloud.getWXContext().SOURCE ?? null } });
  const refused = await db
    .collection('kv')
    .where({ _id: 'callbackFailures', remaining: _.gt(0) })
    .update({ data: { remaining: _.inc(-1) } });
  if (refused.stats.updated === 1) return { errcode: 1, errmsg: 'not now' };
  return { errcode: 0, errmsg: 'OK' };
}
