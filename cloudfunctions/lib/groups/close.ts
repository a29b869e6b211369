// Closing a group: when it is full of paid members, past its deadline, or staff asked. Seats still
// being paid for are ended first through the one cancel path (the payment closed first: one paid
// meanwhile stays, and its seat turns PAID); then one conditional update from OPEN with no seat
// held and the paid count read decides SUCCEEDED at the largest tier reached, or FAILED below the
// first. A last payment and the timer racing to close: one update wins, the other finds it closed.
// The members' refunds follow (settle.ts).
import { dueToClose, tierReached, type Group } from '../../../domain/groups';
import type { Order } from '../../../domain/model';
import { _, findById, findByIds, updateWhere } from '../infra/db';
import { cancelOrder } from '../order/cancel';
import { settleGroup } from './settle';

export type CloseOutcome = 'closed' | 'waiting' | 'not-due';

export async function closeIfDue(group: Group, at: number): Promise<CloseOutcome> {
  if (!dueToClose(group, at)) return 'not-due';
  let current: Group | null = group;
  if (current.heldCount > 0) {
    await cancelHeldSeats(current, at);
    current = await findById<Group>('groups', group._id);
    if (!current || current.status !== 'OPEN') return 'waiting';
    if (current.heldCount > 0) return 'waiting'; // a payment in flight: the next run closes it
  }
  const final = tierReached(current.tiers, current.paidCount);
  const closed = await updateWhere(
    'groups',
    { _id: current._id, status: 'OPEN', heldCount: 0, paidCount: current.paidCount },
    {
      status: final ? 'SUCCEEDED' : 'FAILED',
      closedAt: at,
      unsettledCount: current.paidCount,
      ...(final ? { finalTier: final } : {}),
    },
  );
  if (!closed) return 'waiting';
  // The refunds go out now; whatever this call does not finish, the timer does.
  await settleGroup(
    {
      ...current,
      status: final ? 'SUCCEEDED' : 'FAILED',
      closedAt: at,
      ...(final ? { finalTier: final } : {}),
    },
    at,
  ).catch((e) => console.error('group settle', current!._id, e));
  return 'closed';
}

/** Ends the orders still holding seats (their payment closed first). */
async function cancelHeldSeats(group: Group, at: number): Promise<void> {
  const held = group.members.filter((m) => m.state === 'HELD').map((m) => m.orderId);
  const orders = await findByIds<Order>('orders', held);
  await Promise.all(
    orders.map((o) => cancelOrder(o, 'GROUP_CLOSED', { by: 'system', at, closePayment: true })),
  );
}

/** Open groups past their deadline or asked to close, for the timer. */
export const GROUPS_DUE_TO_CLOSE = (at: number) =>
  _.or([
    { status: 'OPEN', deadline: _.lte(at) },
    { status: 'OPEN', closeRequested: true },
  ]);

/** Staff close a group now: nobody may join from here on; it closes as if its deadline passed. */
export async function requestClose(groupId: string, at: number): Promise<CloseOutcome> {
  await updateWhere('groups', { _id: groupId, status: 'OPEN' }, { closeRequested: true });
  const group = await findById<Group>('groups', groupId);
  if (!group) return 'not-due';
  return closeIfDue(group, at);
}
