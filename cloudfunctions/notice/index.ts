// notice: the app's side of subscription messages. It asks which template ids to request for
// the moment (paying, 提醒我...), then reports what the user answered; accepted opt-ins are
// counted in the ledger (lib/notices/optins.ts), one used per message sent.
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { createHandler } from '../lib/infra/router';
import { grantOptIn, isAccept, recordRefusal, type OptIn } from '../lib/notices/optins';
import { ALL_KINDS, noticeTemplates, type AnyKind } from '../lib/notices/templates';
import { remindBackInStock, remindFlashSale } from '../lib/notices/reminders';

async function myCounts(openid: string, templateIds?: string[]): Promise<Record<string, number>> {
  const { data } = await db.collection('optins').where({ openid }).limit(100).get();
  const rows = (data as OptIn[]).filter((o) => !templateIds || templateIds.includes(o.templateId));
  return Object.fromEntries(rows.map((o) => [o.templateId, o.count]));
}

export const main = createHandler('notice', {
  async templates({ kinds }) {
    const unknown = kinds.find((k) => !ALL_KINDS.includes(k as AnyKind));
    if (unknown) throw new AppError('INVALID_INPUT', `没有这种通知：${unknown}`);
    const templates = await noticeTemplates();
    return Object.fromEntries(kinds.map((k) => [k, templates[k as AnyKind].templateId]));
  },

  async subscribe({ reportId, answers, always }, ctx) {
    const known = new Set(Object.values(await noticeTemplates()).map((t) => t.templateId));
    const ids = Object.keys(answers);
    const stranger = ids.find((id) => !known.has(id));
    if (stranger) throw new AppError('INVALID_INPUT', `不是本店的通知模板：${stranger}`);
    for (const id of ids) {
      const answer = answers[id];
      if (isAccept(answer))
        await grantOptIn(ctx.openid, id, reportId, always ? 'accept' : undefined, ctx.now);
      else if (answer === 'reject' && always) await recordRefusal(ctx.openid, id, ctx.now);
    }
    return myCounts(ctx.openid, ids);
  },

  optIns: (_input, ctx) => myCounts(ctx.openid),

  async remind(input, ctx) {
    if (input.kind === 'FLASH_SALE_STARTING')
      await remindFlashSale(ctx.openid, input.campaignId, input.productId, ctx.now);
    else await remindBackInStock(ctx.openid, input.skuId, ctx.now);
    return { reminding: true as const };
  },
});
