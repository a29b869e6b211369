// A group's notices through the outbox (one message per event and member: the id comes from the
// group and the member): its result with the refund, and a reminder before the deadline when the
// next tier is near.
import { nextTier, REMIND_BEFORE_MS, type Group, type GroupMember } from '../../../domain/groups';
import { fen, type Fen } from '../../../domain/money';
import { _, updateWhere } from '../infra/db';
import { enqueue } from '../notices/outbox';

export async function queueGroupResult(
  group: Group,
  member: GroupMember,
  refundFen: number,
  at: number,
): Promise<void> {
  await enqueue(
    'GROUP_RESULT',
    `${group._id}:${member.openid}`,
    member.openid,
    {
      groupId: group._id,
      product: group.title,
      succeeded: group.status === 'SUCCEEDED',
      members: group.paidCount,
      ...(group.finalTier ? { priceFen: group.finalTier.priceFen } : {}),
      refundFen: fen(refundFen),
      at,
    },
    at,
  );
}

/** Members this many short of the next tier or fewer are reminded (a push they can act on). */
export const NEAR_NEXT_TIER = 3;

/**
 * Open groups ending within REMIND_BEFORE_MS, not reminded yet: their paid members hear how many
 * friends the next tier needs, if it is within reach. Claimed by one conditional update first.
 */
export async function remindIfClose(group: Group, at: number): Promise<boolean> {
  const next = nextTier(group.tiers, group.paidCount);
  const claimed = await updateWhere(
    'groups',
    { _id: group._id, status: 'OPEN', remindedAt: _.exists(false) },
    { remindedAt: at },
  );
  if (!claimed || !next || next.size - group.paidCount > NEAR_NEXT_TIER) return false;
  await Promise.all(
    group.members
      .filter((m) => m.state === 'PAID')
      .map((m) =>
        enqueue(
          'GROUP_CLOSING',
          `${group._id}:${m.openid}`,
          m.openid,
          {
            groupId: group._id,
            product: group.title,
            missing: next.size - group.paidCount,
            nextPriceFen: next.priceFen as Fen,
            deadline: group.deadline ?? at,
          },
          at,
        ),
      ),
  );
  return true;
}

export const DUE_FOR_REMINDER = (at: number) => ({
  status: 'OPEN',
  remindedAt: _.exists(false),
  deadline: _.gt(at).and(_.lte(at + REMIND_BEFORE_MS)),
});
