// The admin's groups: by state, one group's members with their orders and refunds, and closing a
// group now (it closes as at its deadline: success at the tier reached, or failure and refunds).
import type { AdminGroupView } from '../../domain/api/views';
import type { Group } from '../../domain/groups';
import type { Order, User } from '../../domain/model';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { findById, findByIds } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';
import { requestClose } from '../lib/groups/close';
import { adminGroupView, groupSummary } from '../lib/groups/views';

const PAGE = 20;

export async function listGroups({ status, cursor }: { status: Group['status']; cursor: number }) {
  const { data } = await db
    .collection('groups')
    .where({ status })
    .orderBy('createdAt', 'desc')
    .skip(cursor)
    .limit(PAGE + 1)
    .get();
  const groups = (data as Group[]).slice(0, PAGE);
  const leaders = await findByIds<User>(
    'users',
    groups.map((g) => g.leaderId),
  );
  return {
    items: groups.map((g) => groupSummary(g, leaders)),
    nextCursor: data.length > PAGE ? cursor + PAGE : null,
  };
}

export async function groupDetail(groupId: string, ctx: Context): Promise<AdminGroupView> {
  const group = await findById<Group>('groups', groupId);
  if (!group) throw new AppError('GROUP_NOT_FOUND');
  const [users, orders] = await Promise.all([
    findByIds<User>(
      'users',
      group.members.map((m) => m.openid),
    ),
    findByIds<Order>(
      'orders',
      group.members.map((m) => m.orderId),
    ),
  ]);
  return adminGroupView(group, users, orders, ctx.now);
}

export async function closeGroupNow(groupId: string, ctx: Context): Promise<AdminGroupView> {
  const group = await findById<Group>('groups', groupId);
  if (!group) throw new AppError('GROUP_NOT_FOUND');
  if (group.status !== 'OPEN') throw new AppError('ORDER_STATE', '只有拼团中的团可以结束');
  await requestClose(groupId, ctx.now);
  return groupDetail(groupId, ctx);
}
