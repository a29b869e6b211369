// Sending an outbox message, at most once. WeChat's send cannot be asked "did that arrive?", so
// a message is claimed (QUEUED → SENDING, a conditional update) before anything else; a sender
// that dies after the claim leaves it SENDING, and the timer marks such a stale claim UNCONFIRMED
// instead of sending it again (staff may resend it by hand). Then one opt-in is used (none: the
// message is SKIPPED), the message sent and marked SENT. Errors: 43101 (no opt-in left) zeroes
// the user's count; 40003, 40037, 41030 and 47003 are permanent (FAILED, never retried); anything
// else is retried with back-off (1 minute doubling to an hour, 8 tries), the opt-in given back.
import type { OutboxMessage } from '../../../domain/model';
import {
  noticeData,
  noticePage,
  type NoticeEventOf,
  type NoticeKindName,
} from '../../../domain/notices/kinds';
import { noticeTemplates, type TemplateSetting } from './templates';
import { cloud } from '../infra/cloud';
import { updateWhere } from '../infra/db';
import { grantOptIn, useOptIn, zeroOptIn } from './optins';

const PERMANENT = new Set([43101, 40003, 40037, 41030, 47003]);
const MAX_ATTEMPTS = 8;
export const SENDING_STALE_MS = 5 * 60_000;

export const retryDelay = (attempts: number) => Math.min(60 * 60_000, 60_000 * 2 ** attempts);

export type SendOutcome = 'sent' | 'skipped' | 'retry' | 'failed' | 'taken';

/** The template, page and values of a message, made from its event. */
function compose(message: OutboxMessage, template: TemplateSetting) {
  const kind = message.kind as NoticeKindName;
  const event = message.event as NoticeEventOf<NoticeKindName>;
  return {
    templateId: template.templateId,
    page: noticePage(kind, event),
    data: noticeData(kind, event, template.keys),
  };
}

export async function sendMessage(
  queued: OutboxMessage,
  templates: Record<string, TemplateSetting>,
  at: number,
): Promise<SendOutcome> {
  const template = templates[queued.kind];
  if (!template) {
    await updateWhere('outbox', { _id: queued._id }, { state: 'FAILED', error: 'NO_TEMPLATE' });
    return 'failed';
  }
  const message = { ...queued, ...compose(queued, template) };
  const claimed = await updateWhere(
    'outbox',
    { _id: message._id, state: 'QUEUED', attempts: message.attempts },
    {
      state: 'SENDING',
      claimedAt: at,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
    },
  );
  if (!claimed) return 'taken';
  if (!(await useOptIn(message.openid, message.templateId, at))) {
    await updateWhere('outbox', { _id: message._id }, { state: 'SKIPPED', error: 'NO_OPTIN' });
    return 'skipped';
  }
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: message.openid,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
      miniprogramState: process.env.MINIPROGRAM_STATE || 'formal',
    });
  } catch (e) {
    const code = Number((e as { errCode?: number }).errCode ?? -1);
    const error =
      `${code} ${String((e as { errMsg?: string }).errMsg ?? (e as Error).message)}`.slice(0, 200);
    const attempts = message.attempts + 1;
    if (code === 43101) await zeroOptIn(message.openid, message.templateId, at);
    // WeChat did not deliver it: the opt-in is the user's again.
    else
      await grantOptIn(
        message.openid,
        message.templateId,
        `back:${message._id}:${attempts}`,
        undefined,
        at,
      );
    if (PERMANENT.has(code) || attempts >= MAX_ATTEMPTS) {
      await updateWhere('outbox', { _id: message._id }, { state: 'FAILED', attempts, error });
      return 'failed';
    }
    await updateWhere(
      'outbox',
      { _id: message._id },
      { state: 'QUEUED', attempts, error, nextAt: at + retryDelay(message.attempts) },
    );
    return 'retry';
  }
  await updateWhere('outbox', { _id: message._id }, { state: 'SENT', sentAt: at });
  return 'sent';
}

/** A claim older than SENDING_STALE_MS belonged to a sender that died: never sent again. */
export async function markUnconfirmed(message: OutboxMessage): Promise<boolean> {
  const changed = await updateWhere(
    'outbox',
    { _id: message._id, state: 'SENDING', claimedAt: message.claimedAt },
    { state: 'UNCONFIRMED', error: '发送中断，未确认是否送达' },
  );
  return changed === 1;
}

/** Sends a freshly written message right away (the timer sends any that this misses). */
export async function sendNow(message: OutboxMessage, at: number): Promise<void> {
  try {
    if (message.state === 'QUEUED') await sendMessage(message, await noticeTemplates(), at);
  } catch (e) {
    console.error('notice send', message._id, e);
  }
}
