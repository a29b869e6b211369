// A seat in a group (domain/groups.ts). The leader's order creates the group, PENDING, with its
// seat held; paying opens it (deadline from then). A joiner's order takes a seat with one
// conditional update of the group: open, not past its deadline, a seat left, and the joiner not
// in it yet; so of any number of joiners at once, exactly the free seats are taken. Paying turns
// the seat PAID (a group full of paid members closes at once); an unpaid order's seat comes back.
import type { GroupSeatClaim } from '../../../domain/campaigns/types';
import type { Group, GroupMember } from '../../../domain/groups';
import { groupDeadline } from '../../../domain/groups';
import { _, findById, insertOnce, updateWhere } from '../infra/db';
import { closeIfDue } from '../groups/close';
import type { ClaimKind } from './kind';

const GROUPS = 'groups';

export const groupSeatClaims: ClaimKind<GroupSeatClaim> = {
  kind: 'GROUP_SEAT',

  // Taken after the buyer's own limits: a buyer refused for their limit never holds a seat.
  shared: () => true,

  whenLost: 'GROUP_UNAVAILABLE',

  async take(claim, { orderId, openid, at }) {
    const seat: GroupMember = { openid, orderId, qty: claim.qty, state: 'HELD', joinedAt: at };
    if (claim.leader && claim.opens) {
      const opens = claim.opens;
      const group: Group = {
        _id: claim.groupId,
        campaignId: claim.campaignId,
        ...opens,
        leaderId: openid,
        maxSize: opens.tiers[opens.tiers.length - 1].size,
        status: 'PENDING',
        createdAt: at,
        members: [seat],
        seatCount: 1,
        heldCount: 1,
        paidCount: 0,
      };
      if (await insertOnce(GROUPS, { ...group })) return 'taken';
    } else {
      const group = await findById<Group>(GROUPS, claim.groupId);
      if (!group) return 'gone';
      const joined = await updateWhere(
        GROUPS,
        {
          _id: claim.groupId,
          // The same campaign, goods and first-tier price as everyone in it.
          campaignId: claim.campaignId,
          skuId: claim.skuId,
          'tiers.0.priceFen': claim.firstPriceFen,
          status: 'OPEN',
          closeRequested: _.exists(false),
          deadline: _.gt(at),
          seatCount: _.lt(group.maxSize),
          'members.openid': _.neq(openid),
        },
        { members: _.push(seat), seatCount: _.inc(1), heldCount: _.inc(1) },
      );
      if (joined) return 'taken';
    }
    // A repeated take finds its seat.
    const current = await findById<Group>(GROUPS, claim.groupId);
    return current?.members.some((m) => m.orderId === orderId) ? 'taken' : 'gone';
  },

  async release(claim, orderId) {
    await updateWhere(
      GROUPS,
      { _id: claim.groupId, members: _.elemMatch({ orderId, state: 'HELD' }) },
      { members: _.pull({ orderId }), seatCount: _.inc(-1), heldCount: _.inc(-1) },
    );
    // A leader who never paid: the group never opened.
    if (claim.leader)
      await updateWhere(GROUPS, { _id: claim.groupId, status: 'PENDING' }, { status: 'CANCELLED' });
  },

  async consume(claim, orderId, at) {
    const held = { _id: claim.groupId, members: _.elemMatch({ orderId, state: 'HELD' }) };
    const paid = {
      'members.$.state': 'PAID',
      'members.$.paidAt': at,
      heldCount: _.inc(-1),
      paidCount: _.inc(1),
    };
    if (claim.leader && claim.opens) {
      const { lifetimeMs, campaignEndsAt } = claim.opens;
      await updateWhere(
        GROUPS,
        { ...held, status: 'PENDING' },
        {
          ...paid,
          status: 'OPEN',
          openedAt: at,
          deadline: groupDeadline(at, lifetimeMs, campaignEndsAt),
        },
      );
    } else await updateWhere(GROUPS, held, paid);
    // The payment that fills the last tier closes the group.
    const group = await findById<Group>(GROUPS, claim.groupId);
    if (group) await closeIfDue(group, at);
  },

  // A member's order refunded in full while the group is open (by staff): they leave it, and the
  // seat is free again. Once closed, the group stays as it closed.
  async onRefund(claim, order) {
    await updateWhere(
      GROUPS,
      {
        _id: claim.groupId,
        status: 'OPEN',
        members: _.elemMatch({ orderId: order._id, state: 'PAID' }),
      },
      { members: _.pull({ orderId: order._id }), seatCount: _.inc(-1), paidCount: _.inc(-1) },
    );
  },

  // The seat must still be this order's: a group closed meanwhile refuses the payment (the order
  // is cancelled and the money returned).
  async vetoPayment(claim, order) {
    const group = await findById<Group>(GROUPS, claim.groupId);
    const seat = group?.members.find((m) => m.orderId === order._id);
    return seat && (group!.status === 'OPEN' || group!.status === 'PENDING')
      ? null
      : 'GROUP_CLOSED';
  },
};
