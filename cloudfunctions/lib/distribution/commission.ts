// A commission's life, driven by its order's (the effects in lib/order/effects/commission.ts and
// the timer): recorded PENDING when a bound buyer's order is paid, FROZEN from receipt for the
// after-sale window, SETTLED into the distributor's balance when the window ends with no
// after-sale case open, VOID when the order is refunded in full. Partial refunds take back their
// share: before settlement from the commission, after it from the balance (a clawback entry).
// Every step is a conditional update from the state it expects, or derived again from the order,
// so repeats and races change nothing twice.
import {
  commissionLines,
  mayEarn,
  rateFor,
  frozenUntil,
  voidedFen,
} from '../../../domain/distribution';
import type { Commission, Distributor, Order } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { db } from '../infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../infra/db';
import { applyEntry } from './account';
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
 * Follows the order's refunds: what they take back is derived again from the order's refunded
 * total each time (so it is idempotent). A refunded order voids everything still unsettled; a
 * settled commission gives back the difference from the balance, once per refunded level.
 */
export async function followRefunds(order: Order, at: number): Promise<void> {
  const commission = await findById<Commission>('commissions', commissionIdFor(order._id));
  if (!commission) return;
  const voided = voidedFen(commission.amountFen, commission.baseFen, order.refundedFen);
  if (commission.state === 'PENDING' || commission.state === 'FROZEN') {
    // Only a completed full refund voids it: a refund in flight may still be refused.
    const all = order.status === 'REFUNDED';
    await updateWhere(
      'commissions',
      { _id: commission._id, state: commission.state },
      all
        ? { state: 'VOID', voidedFen: commission.amountFen, voidedAt: at }
        : { voidedFen: voided },
    );
    return;
  }
  if (commission.state !== 'SETTLED') return;
  const kept = commission.amountFen - voided;
  const owed = (commission.settledFen ?? 0) - kept - (commission.clawedBackFen ?? 0);
  if (owed <= 0) return;
  await applyEntry({
    _id: `cb-${commission._id}-${voided}`,
    distributorId: commission.distributorId,
    kind: 'CLAWBACK',
    amountFen: fen(-owed),
    refId: commission._id,
    at,
    note: `订单 ${order._id} 退款`,
  });
  await updateWhere(
    'commissions',
    { _id: commission._id },
    { voidedFen: voided, clawedBackFen: fen((commission.settledFen ?? 0) - kept) },
  );
}

export type SettleOutcome = 'settled' | 'void' | 'waiting';

/**
 * The timer's step for a commission whose freeze has ended: settles what the refunds left into
 * the balance, unless the order has an after-sale case open or a refund still pending (it waits).
 */
export async function settleCommission(
  commission: Commission,
  order: Order | null,
  at: number,
): Promise<SettleOutcome> {
  if (!order || order.status === 'REFUNDED') {
    await updateWhere(
      'commissions',
      { _id: commission._id, state: 'FROZEN' },
      { state: 'VOID', voidedFen: commission.amountFen, voidedAt: at },
    );
    return 'void';
  }
  if (order.status !== 'COMPLETED' || order.afterSale?.status === 'REQUESTED') return 'waiting';
  // A refund still in flight may yet fail (and give its amount back): settle once it is decided.
  const { total: pendingRefunds } = await db
    .collection('refunds')
    .where({ orderId: order._id, status: 'PENDING' })
    .count();
  if (pendingRefunds > 0) return 'waiting';
  const voided = voidedFen(commission.amountFen, commission.baseFen, order.refundedFen);
  const kept = fen(commission.amountFen - voided);
  if (kept <= 0) {
    await updateWhere(
      'commissions',
      { _id: commission._id, state: 'FROZEN' },
      { state: 'VOID', voidedFen: voided, voidedAt: at },
    );
    return 'void';
  }
  await applyEntry({
    _id: `st-${commission._id}`,
    distributorId: commission.distributorId,
    kind: 'SETTLE',
    amountFen: kept,
    refId: commission._id,
    at,
    note: `订单 ${order._id}`,
  });
  await updateWhere(
    'commissions',
    { _id: commission._id, state: 'FROZEN' },
    { state: 'SETTLED', settledFen: kept, voidedFen: voided, settledAt: at },
  );
  return 'settled';
}

/** Commissions due to settle, for the timer (those of a page read their orders at once). */
export const DUE_TO_SETTLE = (at: number) => ({ state: 'FROZEN', frozenUntil: _.lte(at) });
