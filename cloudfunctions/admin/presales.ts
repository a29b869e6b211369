// The admin's pre-sales: cancelling one (the campaign stops; each deposit is refunded in full, a
// final payment made too, and the deposit owed again as compensation: Civil Code 587; what this
// call does not finish the timer does), and the compensations staff pay out and mark paid.
import type { CompensationView } from '../../domain/api/views';
import { presaleRule } from '../../domain/campaigns/rules';
import type { Campaign } from '../../domain/campaigns/types';
import type { User } from '../../domain/model';
import type { Compensation, Deposit } from '../../domain/presale';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { _, findById, findByIds, updateWhere } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';
import { buildStorefront } from '../lib/catalog/storefront';
import { COMPENSABLE, compensate } from '../lib/presale/lifecycle';

/** How many deposits the call itself compensates; the timer does the rest, a page a run. */
const IN_CALL = 50;

export async function cancelPresale(campaignId: string, ctx: Context) {
  const campaign = await findById<Campaign>('campaigns', campaignId);
  if (!campaign || !presaleRule(campaign)) throw new AppError('NOT_FOUND', '预售活动不存在');
  await updateWhere(
    'campaigns',
    { _id: campaignId },
    { status: 'PAUSED', presaleCancelledAt: ctx.now, presaleCancelledBy: ctx.openid },
  );
  await buildStorefront(ctx.now);
  const { data } = await db
    .collection('deposits')
    .where({ campaignId, state: _.in(COMPENSABLE) })
    .limit(IN_CALL)
    .get();
  let compensated = 0;
  for (const d of data as Deposit[]) if (await compensate(d, ctx.openid, ctx.now)) compensated++;
  return { deposits: data.length, compensated };
}

export async function listCompensations(state: 'OWED' | 'PAID'): Promise<CompensationView[]> {
  const { data } = await db
    .collection('compensations')
    .where({ state })
    .orderBy('createdAt', 'asc')
    .limit(100)
    .get();
  const items = data as Compensation[];
  const users = await findByIds<User>(
    'users',
    items.map((c) => c.openid),
  );
  return items.map((c) => compensationView(c, users));
}

export async function markCompensationPaid(
  { id, note }: { id: string; note: string },
  ctx: Context,
): Promise<CompensationView> {
  await updateWhere(
    'compensations',
    { _id: id, state: 'OWED' },
    { state: 'PAID', paidAt: ctx.now, paidBy: ctx.openid, note },
  );
  const current = await findById<Compensation>('compensations', id);
  if (!current) throw new AppError('NOT_FOUND', '补偿记录不存在');
  return compensationView(current, await findByIds<User>('users', [current.openid]));
}

function compensationView(c: Compensation, users: User[]): CompensationView {
  return {
    id: c._id,
    openid: c.openid,
    name: users.find((u) => u._id === c.openid)?.nickname ?? '微信用户',
    campaignId: c.campaignId,
    amountFen: c.amountFen,
    state: c.state,
    stateText: c.state === 'OWED' ? '待支付补偿' : '已支付',
    createdAt: c.createdAt,
    note: c.note ?? '',
  };
}
