// A commission's life, driven by its order's (the effects in lib/order/effects/commission.ts and
// the timer): recorded PENDING when a bound buyer's order is paid, FROZEN from receipt for the
// after-sale window, SETTLED into the distributor's balance when the window ends with no
// after-sale case open, VOID when the order is refunded in full. Partial refunds take back their
// share: before settlement from the commission, after it from the balance (a clawback entry),
// given back if WeChat Pay turns the refund down. What refunds take is derived again from the
// order's refunded total each time. Settling and following refunds each read the commission,
// the order and the account and write them in one transaction, so a refund racing the timer's
// settlement, or two refunds at once, are applied one after the other, each exactly once.
import {
  commissionLines,
  mayEarn,
  rateFor,
  frozenUntil,
  voidedFen,
} from '../../../domain/distribution';
import type { Commission, Distributor, LedgerEntry, Order } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { db } from '../infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../infra/db';
import { getIn, inTransaction, postEntry, type Txn } from './account';
import { distributionSettings } from './settings';

export const commissionIdFor = (orderId: string) => `cm-${orderId}`;

/** A paid order of a bound buyer earns its inviter a commission, if they may earn. */
export async function recordCommission(order: Order, at: number): Promise<void> {
  const inviterId = order.inviterId;
  if (!inviterId || inviterId === order.openid) return; // nobody earns on their own orders
  const [settings, account] = await Promise.all([
    distributionSettings(),
    findById<Distributor>('distributors', inviterId),
  ]);
  if (!mayEarn(settings, account?.status ?? null)) return;
  const lines = commissionLines(order, (productId) => rateFor(settings, productId));
  const amountFen = fen(lines.reduce((s, l) => s + l.amountFen, 0));
  if (amountFen <= 0) return;
  const commission: Commission = {
    _id: commissionIdFor(order._id),
    distributorId: inviterId,
    buyerId: order.openid,
    orderId: order._id,
    state: 'PENDING',
    lines,
    baseFen: fen(lines.reduce((s, l) => s + l.baseFen, 0)),
    amountFen,
    voidedFen: fen(0),
    freezeDays: settings.freezeDays,
    createdAt: order.payment?.paidAt ?? at,
  };
  await insertOnce('commissions', { ...commission });
}

/** The buyer received the goods: the after-sale window starts. */
export async function freezeCommission(order: Order, at: number): Promise<void> {
  const commission = await findById<Commission>('commissions', commissionIdFor(order._id));
  if (!commission || commission.state !== 'PENDING') return;
  // When it was received (a late run, e.g. the timer's, still counts from then).
  const receivedAt = [...order.history].reverse().find((h) => h.to === 'COMPLETED')?.at ?? at;
  await updateWhere(
    'commissions',
    { _id: commission._id, state: 'PENDING' },
    {
      state: 'FROZEN',
      receivedAt,
      frozenUntil: frozenUntil(receivedAt, { freezeDays: commission.freezeDays }),
    },
  );
}

/**
 * Follows the order's refunds (after each one is recorded or given back, and when a full refund
 * went through): an unsettled commission notes what they void, or is voided by a full refund; a
 * settled one takes its share back from the balance, or gives back what a failed refund took.
 * Clears the order's mark that its commission has refunds to follow (the timer's fallback).
 */
export async function followRefunds(
  order: Pick<Order, '_id' | 'inviterId'>,
  at: number,
  options: { refundedInFull?: boolean } = {},
): Promise<void> {
  await inTransaction(async (t) => {
    const [current, commission, account] = await Promise.all([
      getIn<Order>(t, 'orders', order._id),
      getIn<Commission>(t, 'commissions', commissionIdFor(order._id)),
      order.inviterId ? getIn<Distributor>(t, 'distributors', order.inviterId) : null,
    ]);
    if (!current) return;
    if (current.commissionOwedAt !== undefined)
      await t
        .collection('orders')
        .doc(current._id)
        .update({ data: { commissionOwedAt: _.remove() } });
    if (!commission) return;
    const commissions = t.collection('commissions').doc(commission._id);
    const voided = voidedFen(commission.amountFen, commission.baseFen, current.refundedFen);
    if (commission.state === 'PENDING' || commission.state === 'FROZEN') {
      // Only a full refund WeChat Pay took on voids it: one in flight may still be turned down.
      if (options.refundedInFull || current.status === 'REFUNDED')
        await commissions.update({
          data: { state: 'VOID', voidedFen: commission.amountFen, voidedAt: at },
        });
      else if (voided !== commission.voidedFen)
        await commissions.update({ data: { voidedFen: voided } });
      return;
    }
    if (commission.state === 'SETTLED')
      await followAfterSettlement(t, commission, account, current, voided, at);
  });
}

/**
 * A settled commission's balance follows what the refunds take now: back from it, or back to it
 * (a refund counted when it settled and later turned down: its share is credited after all).
 */
async function followAfterSettlement(
  t: Txn,
  commission: Commission,
  account: Distributor | null,
  order: Order,
  voided: number,
  at: number,
): Promise<void> {
  const kept = commission.amountFen - voided;
  const taken = commission.clawedBackFen ?? 0;
  // Negative: more is kept than was settled (a refund in flight at settlement was turned down).
  const owed = (commission.settledFen ?? 0) - kept;
  if (owed === taken) return;
  const seq = (commission.ledgerSeq ?? 0) + 1;
  const entry: LedgerEntry = {
    _id: `cb-${commission._id}-${seq}`,
    distributorId: commission.distributorId,
    kind: owed > taken ? 'CLAWBACK' : 'CLAWBACK_RETURNED',
    amountFen: fen(taken - owed),
    refId: commission._id,
    at,
    note: owed > taken ? `订单 ${order._id} 退款` : `订单 ${order._id} 退款未成功`,
  };
  await postEntry(t, account, entry);
  await t
    .collection('commissions')
    .doc(commission._id)
    .update({ data: { voidedFen: fen(voided), clawedBackFen: fen(owed), ledgerSeq: seq } });
}

export type SettleOutcome = 'settled' | 'void' | 'waiting' | 'unchanged';

/**
 * The timer's step for a commission whose freeze has ended: settles what the refunds left into
 * the balance, unless the order has an after-sale case open or a refund still pending (it waits).
 */
export async function settleCommission(commission: Commission, at: number): Promise<SettleOutcome> {
  // A refund still in flight may yet fail (and give its amount back): settle once it is decided.
  // One recorded after this count changes the order's refunded total and follows the commission
  // in a transaction of its own, which this one's conflicts with (both write the commission).
  const { total: pendingRefunds } = await db
    .collection('refunds')
    .where({ orderId: commission.orderId, status: 'PENDING' })
    .count();
  if (pendingRefunds > 0) return 'waiting';
  return inTransaction(async (t) => {
    const [current, order, account] = await Promise.all([
      getIn<Commission>(t, 'commissions', commission._id),
      getIn<Order>(t, 'orders', commission.orderId),
      getIn<Distributor>(t, 'distributors', commission.distributorId),
    ]);
    if (current?.state !== 'FROZEN') return 'unchanged';
    const commissions = t.collection('commissions').doc(current._id);
    const voided = order
      ? voidedFen(current.amountFen, current.baseFen, order.refundedFen)
      : current.amountFen;
    const kept = fen(current.amountFen - voided);
    if (!order || order.status === 'REFUNDED') {
      await commissions.update({ data: { state: 'VOID', voidedFen: fen(voided), voidedAt: at } });
      return 'void';
    }
    // A full refund in flight (REFUNDING) or an open after-sale case: wait for the outcome.
    if (order.status !== 'COMPLETED' || order.afterSale?.status === 'REQUESTED') return 'waiting';
    // The order is written too, so a refund or an after-sale request committed while this runs
    // (both write the order) makes this transaction run again on what they wrote.
    await t
      .collection('orders')
      .doc(order._id)
      .update({ data: { commissionCheckedAt: at } });
    if (kept <= 0) {
      await commissions.update({ data: { state: 'VOID', voidedFen: fen(voided), voidedAt: at } });
      return 'void';
    }
    await postEntry(t, account, {
      _id: `st-${current._id}`,
      distributorId: current.distributorId,
      kind: 'SETTLE',
      amountFen: kept,
      refId: current._id,
      at,
      note: `订单 ${order._id}`,
    });
    await commissions.update({
      data: { state: 'SETTLED', settledFen: kept, voidedFen: fen(voided), settledAt: at },
    });
    return 'settled';
  });
}

/** Commissions due to settle, for the timer. */
export const DUE_TO_SETTLE = (at: number) => ({ state: 'FROZEN', frozenUntil: _.lte(at) });

/** Orders whose refunds their commission has yet to follow (a crash came between). */
export const REFUNDS_TO_FOLLOW = (at: number) => ({ commissionOwedAt: _.lte(at - 60_000) });
