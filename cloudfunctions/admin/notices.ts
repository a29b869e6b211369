// Staff's side of subscription messages: each notice kind's template (id and field keys) with the
// opt-ins users hold for it, the outbox by state and kind, and resending a failed or unconfirmed
// message.
import type { NoticeTemplateView, OutboxMessageView } from '../../domain/api/views';
import type { OutboxMessage } from '../../domain/model';
import { NOTICE_KINDS, PLANNED_NOTICE_KINDS, type NoticeKind } from '../../domain/notices/kinds';
import { AppError } from '../../domain/result';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, aggregateRows, findById, updateWhere } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';
import { sendNow } from '../lib/notices/sender';
import {
  ALL_KINDS,
  NOTICE_SETTINGS_ID,
  noticeTemplates,
  type AnyKind,
  type TemplateSetting,
} from '../lib/notices/templates';

const $ = db.command.aggregate;

export async function listNoticeTemplates(): Promise<NoticeTemplateView[]> {
  const [templates, counts] = await Promise.all([
    noticeTemplates(),
    db
      .collection('optins')
      .aggregate()
      .match({ count: _.gt(0) })
      .group({ _id: '$templateId', optIns: $.sum('$count'), users: $.sum(1) })
      .end(),
  ]);
  const byTemplate = new Map(
    aggregateRows<{ _id: string; optIns: number; users: number }>(counts).map((r) => [r._id, r]),
  );
  return ALL_KINDS.map((kind) => {
    const known = (NOTICE_KINDS as Record<string, NoticeKind<never>>)[kind];
    const setting = templates[kind];
    const figures = byTemplate.get(setting.templateId);
    return {
      kind,
      title: known?.title ?? PLANNED_NOTICE_KINDS[kind as keyof typeof PLANNED_NOTICE_KINDS],
      planned: !known,
      ...(known ? { askedWhen: known.askedWhen } : {}),
      templateId: setting.templateId,
      fields: (known?.fields ?? []).map((f) => ({ ...f, key: setting.keys?.[f.name] ?? f.key })),
      optIns: figures?.optIns ?? 0,
      users: figures?.users ?? 0,
    };
  });
}

export async function saveNoticeTemplate(
  input: { kind: string; templateId: string; keys?: Record<string, string> },
  ctx: Context,
): Promise<NoticeTemplateView[]> {
  if (!ALL_KINDS.includes(input.kind as AnyKind))
    throw new AppError('INVALID_INPUT', '没有这种通知');
  const known = (NOTICE_KINDS as Record<string, NoticeKind<never>>)[input.kind];
  const names = new Set(known?.fields.map((f) => f.name) ?? []);
  const stray = Object.keys(input.keys ?? {}).find((n) => !names.has(n));
  if (stray) throw new AppError('INVALID_INPUT', `没有这个字段：${stray}`);
  const setting: TemplateSetting = {
    templateId: input.templateId,
    ...(input.keys && Object.keys(input.keys).length ? { keys: input.keys } : {}),
  };
  const current =
    (await findById<{ templates?: object }>('shop_settings', NOTICE_SETTINGS_ID)) ?? {};
  await db
    .collection('shop_settings')
    .doc(NOTICE_SETTINGS_ID)
    .set({
      data: {
        templates: { ...(current.templates ?? {}), [input.kind]: setting },
        updatedAt: ctx.now,
        updatedBy: ctx.openid,
      },
    });
  // The app takes the template ids from the home snapshot: rebuild it now.
  await buildStorefront(ctx.now);
  return listNoticeTemplates();
}

const view = (m: OutboxMessage): OutboxMessageView => ({
  id: m._id,
  kind: m.kind,
  openid: m.openid,
  state: m.state,
  attempts: m.attempts,
  ...(m.error ? { error: m.error } : {}),
  ...(m.page ? { page: m.page } : {}),
  createdAt: m.createdAt,
  ...(m.sentAt ? { sentAt: m.sentAt } : {}),
});

export async function listOutbox(input: { state?: string; kind?: string }) {
  const { data } = await db
    .collection('outbox')
    .where({
      ...(input.state ? { state: input.state } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
    })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get();
  return (data as OutboxMessage[]).map(view);
}

export async function resendNotice(id: string, ctx: Context): Promise<OutboxMessageView> {
  const requeued = await updateWhere(
    'outbox',
    { _id: id, state: _.in(['FAILED', 'UNCONFIRMED']) },
    { state: 'QUEUED', attempts: 0, nextAt: ctx.now, error: _.remove() },
  );
  const message = await findById<OutboxMessage>('outbox', id);
  if (!message) throw new AppError('NOT_FOUND', '消息不存在');
  if (!requeued) throw new AppError('ORDER_STATE', '只有发送失败或未确认的消息可以重发');
  await sendNow(message, ctx.now);
  return view((await findById<OutboxMessage>('outbox', id))!);
}
