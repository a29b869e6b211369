// group: the shopper's side of tiered group buying: a group's page, my groups, and 一键参团
// (the open group closest to its next tier). Opening and joining are orders (order.create with
// `group`): the seat is a claim of the order.
import type { Group } from '../../domain/groups';
import { pickGroup } from '../../domain/groups';
import type { User } from '../../domain/model';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { _, findById, findByIds } from '../lib/infra/db';
import { createHandler } from '../lib/infra/router';
import { groupSummary, groupView } from '../lib/groups/views';

const PAGE = 20;

export const main = createHandler('group', {
  async detail({ groupId }, ctx) {
    const group = await findById<Group>('groups', groupId);
    if (!group || group.status === 'CANCELLED') throw new AppError('GROUP_NOT_FOUND');
    const users = await findByIds<User>(
      'users',
      group.members.map((m) => m.openid),
    );
    return groupView(group, users, ctx.openid, ctx.now);
  },

  async mine({ cursor }, ctx) {
    const { data } = await db
      .collection('groups')
      .where({ 'members.openid': ctx.openid, status: _.neq('CANCELLED') })
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
  },

  async pick({ campaignId, skuId }, ctx) {
    const { data } = await db
      .collection('groups')
      .where({ campaignId, skuId, status: 'OPEN', deadline: _.gt(ctx.now) })
      .orderBy('deadline', 'asc')
      .limit(100)
      .get();
    return { groupId: pickGroup(data as Group[], ctx.openid, ctx.now)?._id ?? null };
  },
});
