// The outbox: a business step (an order paid, shipped, refunded) writes the message it owes the
// user as a document, once per event (the id comes from the kind and the event), whether or not
// the user holds an opt-in (the sender decides, and staff see why one was skipped). It keeps the
// event; the template, page and values are made when it is sent (one write here, and a template
// id staff change applies to messages still queued).
import type { NoticeEventOf, NoticeKindName } from '../../../domain/notices/kinds';
import type { OutboxMessage } from '../../../domain/model';
import { findById, insertOnce } from '../infra/db';

export async function enqueue<K extends NoticeKindName>(
  kind: K,
  eventKey: string,
  openid: string,
  event: NoticeEventOf<K>,
  at: number,
): Promise<OutboxMessage> {
  const id = `${kind}:${eventKey}`;
  const message: OutboxMessage = {
    _id: id,
    kind,
    openid,
    event: event as unknown as Record<string, unknown>,
    state: 'QUEUED',
    attempts: 0,
    nextAt: at,
    createdAt: at,
  };
  if (await insertOnce('outbox', { ...message })) return message;
  return (await findById<OutboxMessage>('outbox', id))!;
}
