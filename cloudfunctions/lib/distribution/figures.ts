// A sharer's figures, by aggregate queries (read in parallel): whom they brought (invited,
// ordered, paid), their commissions by state, and their withdrawals by status.
import type { CommissionFiguresView } from '../../../domain/api/views';
import { fen } from '../../../domain/money';
import { PAID_STATUSES } from '../../../domain/order-status';
import { db } from '../infra/cloud';
import { _, aggregateRows } from '../infra/db';

const $ = db.command.aggregate;

export async function invitedFigures(
  openid: string,
): Promise<{ users: number; ordered: number; paid: number }> {
  const [invited, paid, ordered] = await Promise.all([
    db.collection('users').where({ 'binding.inviterId': openid }).count(),
    db
      .collection('users')
      .where({ 'binding.inviterId': openid, paidOrderCount: _.gt(0) })
      .count(),
    db
      .collection('orders')
      .aggregate()
      .match({ inviterId: openid, abandoned: _.neq(true) })
      .group({ _id: '$openid' })
      .count('n')
      .end(),
  ]);
  const orderedRows = aggregateRows<{ n: number }>(ordered);
  return { users: invited.total, ordered: orderedRows[0]?.n ?? 0, paid: paid.total };
}

/** Commissions by state and withdrawals by status (the balance is the account's: added by the caller). */
export async function commissionFigures(
  openid: string,
): Promise<Omit<CommissionFiguresView, 'balanceFen'>> {
  const [byState, byStatus] = await Promise.all([
    db
      .collection('commissions')
      .aggregate()
      .match({ distributorId: openid, state: _.in(['PENDING', 'FROZEN']) })
      .group({ _id: '$state', net: $.sum($.subtract(['$amountFen', '$voidedFen'])) })
      .end(),
    db
      .collection('withdrawals')
      .aggregate()
      .match({ distributorId: openid, status: _.in(['REQUESTED', 'PAID']) })
      .group({ _id: '$status', amount: $.sum('$amountFen') })
      .end(),
  ]);
  const state = Object.fromEntries(
    aggregateRows<{ _id: string; net: number }>(byState).map((r) => [r._id, r.net]),
  );
  const status = Object.fromEntries(
    aggregateRows<{ _id: string; amount: number }>(byStatus).map((r) => [r._id, r.amount]),
  );
  return {
    pendingFen: fen(state.PENDING ?? 0),
    frozenFen: fen(state.FROZEN ?? 0),
    withdrawingFen: fen(status.REQUESTED ?? 0),
    withdrawnFen: fen(status.PAID ?? 0),
  };
}

/** Paid orders per invitee of this sharer (orders they placed while bound to them). */
export async function ordersByInvitee(
  openid: string,
  buyerIds: string[],
): Promise<Map<string, { orders: number; paidFen: number }>> {
  if (buyerIds.length === 0) return new Map();
  const res = await db
    .collection('orders')
    .aggregate()
    .match({
      inviterId: openid,
      openid: _.in(buyerIds),
      status: _.in([...PAID_STATUSES, 'REFUNDING', 'REFUNDED']),
    })
    .group({ _id: '$openid', orders: $.sum(1), paidFen: $.sum('$totalFen') })
    .end();
  return new Map(
    aggregateRows<{ _id: string; orders: number; paidFen: number }>(res).map((r) => [
      r._id,
      { orders: r.orders, paidFen: r.paidFen },
    ]),
  );
}
