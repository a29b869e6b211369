// Staff's side of subscription messages: each notice kind's template (id and field keys) with the
// opt-ins users hold for it, the outbox by state and kind, and resending a failed or unconfirmed
// message.
import type { NoticeTemplateView, OutboxMessageView } from '../../domain/api/views';
import type { Campaign } from '../../domain/campaigns/types';
import type { OutboxMessage, Product, Sku } from '../../domain/model';
import { NOTICE_KINDS, PLANNED_NOTICE_KINDS, type NoticeKind } from '../../domain/notices/kinds';
import { AppError } from '../../domain/result';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, aggregateRows, findById, insertOnce, isDuplicate, updateWhere } from '../lib/infra/db';
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

type PushNotice =
  | { kind: 'FLASH_SALE_STARTING'; campaignId: string; productId: string }
  | { kind: 'BACK_IN_STOCK'; skuId: string };

/** The event a push carries, from what staff picked (it must exist). */
async function pushEvent(notice: PushNotice, at: number) {
  if (notice.kind === 'FLASH_SALE_STARTING') {
    const [campaign, product] = await Promise.all([
      findById<Campaign>('campaigns', notice.campaignId),
      findById<Product>('products', notice.productId),
    ]);
    if (!campaign || !product) throw new AppError('NOT_FOUND', '活动或商品不存在');
    return {
      productId: product._id,
      product: product.title,
      campaign: campaign.title,
      startAt: campaign.startsAt,
    };
  }
  const sku = await findById<Sku>('skus', notice.skuId);
  const product = sku ? await findById<Product>('products', sku.productId) : null;
  if (!sku || !product) throw new AppError('SKU_NOT_FOUND');
  return { productId: product._id, product: product.title, spec: sku.specValues.join(' '), at };
}

/**
 * A push to a segment: the users holding an unused opt-in for the kind's template. Previewed
 * (the count) before it is sent; sending writes one outbox message per recipient (ids from the
 * request, so a retried push adds nothing), which the timer sends, each using that opt-in.
 */
export async function pushNotice(
  input: { notice: PushNotice; send: boolean; requestId?: string },
  ctx: Context,
): Promise<{ recipients: number; queued: number }> {
  const [templates, event] = await Promise.all([
    noticeTemplates(),
    pushEvent(input.notice, ctx.now),
  ]);
  const templateId = templates[input.notice.kind].templateId;
  const holders = db.collection('optins').where({ templateId, count: _.gt(0) });
  if (!input.send) return { recipients: (await holders.count()).total, queued: 0 };
  if (!input.requestId) throw new AppError('INVALID_INPUT', '发送需要请求编号');
  let queued = 0;
  let recipients = 0;
  for (let after = ''; ;) {
    const { data } = await db
      .collection('optins')
      .where({ templateId, count: _.gt(0), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(500)
      .get();
    const page = data as { _id: string; openid: string }[];
    if (page.length === 0) break;
    recipients += page.length;
    const messages = page.map((o) => ({
      _id: `${input.notice.kind}:push-${input.requestId}:${o.openid}`,
      kind: input.notice.kind,
      openid: o.openid,
      event,
      state: 'QUEUED',
      attempts: 0,
      nextAt: ctx.now,
      createdAt: ctx.now,
    }));
    try {
      await db.collection('outbox').add({ data: messages });
      queued += messages.length;
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      // A retried push: add those not written yet, one by one.
      for (const m of messages) if (await insertOnce('outbox', m)) queued++;
    }
    after = page[page.length - 1]._id;
  }
  return { recipients, queued };
}
