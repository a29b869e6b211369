// A pre-sale deposit (domain/presale.ts) as the claim of its order: one per buyer and pre-sale
// (the document's id), created HELD by the order, PAID when it is paid, when the buyer's inviter
// gains a friend for their credit: one conditional update of the inviter's friends list (not
// listed yet, and fewer than the cap allows: of any number of friends at once exactly enough to
// reach the cap count). A refunded deposit (cancelled in the deposit phase) takes its step back.
import type { Claim } from '../../../domain/campaigns/types';
import type { Order } from '../../../domain/model';
import { friendsIdFor, type Deposit } from '../../../domain/presale';
import { db } from '../infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../infra/db';
import type { ClaimKind } from './kind';

type DepositClaim = Extract<Claim, { kind: 'DEPOSIT' }>;
type FinalClaim = Extract<Claim, { kind: 'FINAL_PAYMENT' }>;

export const depositClaims: ClaimKind<DepositClaim> = {
  kind: 'DEPOSIT',
  shared: () => false,
  whenLost: 'PRESALE_UNAVAILABLE',

  async take(claim, { orderId, openid, at }) {
    const held = {
      state: 'HELD',
      orderId,
      skuId: claim.skuId,
      productId: claim.productId,
      depositFen: claim.depositFen,
      createdAt: at,
    };
    const deposit: Deposit = {
      _id: claim.depositId,
      campaignId: claim.campaignId,
      openid,
      ...held,
      state: 'HELD',
      finalStartsAt: claim.finalStartsAt,
      finalEndsAt: claim.finalEndsAt,
    };
    if (await insertOnce('deposits', { ...deposit })) return 'taken';
    // A deposit refunded earlier (cancelled in the deposit phase) may be paid again.
    if (await updateWhere('deposits', { _id: claim.depositId, state: 'REFUNDED' }, held))
      return 'taken';
    const current = await findById<Deposit>('deposits', claim.depositId);
    return current?.orderId === orderId ? 'taken' : 'gone';
  },

  async release(claim, orderId) {
    await db
      .collection('deposits')
      .where({ _id: claim.depositId, orderId, state: 'HELD' })
      .remove();
  },

  async consume(claim, orderId, at) {
    await updateWhere(
      'deposits',
      { _id: claim.depositId, orderId, state: 'HELD' },
      { state: 'PAID', paidAt: at },
    );
    const [order, deposit] = await Promise.all([
      findById<Order>('orders', orderId),
      findById<Deposit>('deposits', claim.depositId),
    ]);
    // Only a deposit that stands counts (a re-run after it was refunded counts nothing).
    if (!deposit || deposit.orderId !== orderId) return;
    if (!['PAID', 'FINAL_HELD', 'FINAL_PAID'].includes(deposit.state)) return;
    const inviterId = order?.inviterId;
    if (!inviterId || inviterId === order.openid || claim.maxFriends <= 0) return;
    // Recorded on the deposit first, so a refund knows whose credit to take the step from.
    await updateWhere('deposits', { _id: claim.depositId }, { countedFor: inviterId });
    await countFriend(friendsIdFor(claim.campaignId, inviterId), order.openid, claim.maxFriends);
  },

  // A pre-sale staff cancelled takes no more deposits: the payment is returned.
  async vetoPayment(claim) {
    const campaign = await findById<{ presaleCancelledAt?: number }>('campaigns', claim.campaignId);
    return campaign?.presaleCancelledAt ? 'PRESALE_CANCELLED' : null;
  },

  async onRefund(claim, order) {
    const deposit = await findById<Deposit>('deposits', claim.depositId);
    if (!deposit || deposit.orderId !== order._id) return;
    if (deposit.state === 'PAID')
      await updateWhere(
        'deposits',
        { _id: deposit._id, orderId: order._id, state: 'PAID' },
        { state: 'REFUNDED' },
      );
    if (deposit.countedFor)
      await updateWhere(
        'presale_friends',
        { _id: friendsIdFor(claim.campaignId, deposit.countedFor) },
        { friends: _.pull(deposit.openid) },
      );
  },
};

/** Adds a friend to an inviter's list once, never past `max` friends. */
async function countFriend(id: string, friend: string, max: number): Promise<void> {
  if (await insertOnce('presale_friends', { _id: id, friends: [friend] })) return;
  await updateWhere(
    'presale_friends',
    { _id: id, friends: _.neq(friend), [`friends.${max - 1}`]: _.exists(false) },
    { friends: _.push(friend) },
  );
}

export const finalPaymentClaims: ClaimKind<FinalClaim> = {
  kind: 'FINAL_PAYMENT',
  shared: () => false,
  whenLost: 'PRESALE_UNAVAILABLE',

  async take(claim, { orderId }) {
    if (
      await updateWhere(
        'deposits',
        { _id: claim.depositId, state: 'PAID' },
        { state: 'FINAL_HELD', finalOrderId: orderId },
      )
    )
      return 'taken';
    const current = await findById<Deposit>('deposits', claim.depositId);
    return current?.finalOrderId === orderId ? 'taken' : 'gone';
  },

  async release(claim, orderId) {
    await updateWhere(
      'deposits',
      { _id: claim.depositId, state: 'FINAL_HELD', finalOrderId: orderId },
      { state: 'PAID', finalOrderId: _.remove() },
    );
  },

  async consume(claim, orderId) {
    await updateWhere(
      'deposits',
      { _id: claim.depositId, state: 'FINAL_HELD', finalOrderId: orderId },
      { state: 'FINAL_PAID' },
    );
  },

  // The deposit must still be held by this order (not compensated after staff cancelled the
  // pre-sale): otherwise the payment is returned.
  async vetoPayment(claim, order) {
    const deposit = await findById<Deposit>('deposits', claim.depositId);
    return deposit?.state === 'FINAL_HELD' && deposit.finalOrderId === order._id
      ? null
      : 'PRESALE_CANCELLED';
  },

  async onRefund() {},
};
