// After a group closed, each paid member's refund: the difference to the final tier's price when
// it succeeded, everything when it failed. Per member, once: the refund's request id comes from
// the group and the member's attempt (a retry finds the same refund; an attempt WeChat Pay turned
// down is followed by a new one), then the order learns the outcome (a succeeded order becomes
// shippable), the member is marked settled and their result notice queued. The timer settles
// what a crash or a refused refund left.
import { memberRefundFen, type Group, type GroupMember } from '../../../domain/groups';
import type { Order } from '../../../domain/model';
import { PAID_STATUSES } from '../../../domain/order-status';
import { AppError } from '../../../domain/result';
import { _, findByIds, updateWhere } from '../infra/db';
import { isDefiniteFailure } from '../payments/cloud-pay';
import { refundOrder } from '../payments/refund-order';
import { queueGroupResult } from './notices';

export async function settleGroup(group: Group, at: number): Promise<number> {
  const due = group.members.filter((m) => m.state === 'PAID' && !m.settled);
  if (!due.length) return 0;
  const orders = await findByIds<Order>(
    'orders',
    due.map((m) => m.orderId),
  );
  const byId = new Map(orders.map((o) => [o._id, o]));
  const settled = await Promise.all(
    due.map((m) => {
      const order = byId.get(m.orderId);
      // An order that cannot be found has nothing to refund: settled, so the group finishes.
      return order ? settleMember(group, m, order, at) : markSettled(group, m, 0);
    }),
  );
  return settled.filter(Boolean).length;
}

async function settleMember(
  group: Group,
  member: GroupMember,
  order: Order,
  at: number,
): Promise<boolean> {
  const succeeded = group.status === 'SUCCEEDED';
  // A full refund by staff still in flight: wait for its outcome (refused, the order is paid
  // again and gets its difference; done, there is nothing left to refund).
  if (order.status === 'REFUNDING') return false;
  const paidFen = order.payment?.paidFen ?? order.totalFen;
  const refundFen = succeeded
    ? memberRefundFen(group.tiers, group.finalTier ?? null, { qty: member.qty, paidFen })
    : paidFen;
  // What can still be refunded: nothing once staff refunded it in full (or this refund, recorded
  // by an earlier run, is in flight); a retry finds its refund by the request id anyway.
  const refundable = PAID_STATUSES.includes(order.status) && paidFen > order.refundedFen;
  if (refundFen > 0 && refundable) {
    const attempt = member.refundAttempts ?? 0;
    // The next attempt, if this one was turned down (only from the attempt read: a run that read
    // an older count changes nothing).
    const nextAttempt = () =>
      updateWhere(
        'groups',
        {
          _id: group._id,
          members: _.elemMatch({
            orderId: member.orderId,
            refundAttempts: attempt === 0 ? _.exists(false) : attempt,
          }),
        },
        { 'members.$.refundAttempts': attempt + 1 },
      );
    try {
      const refund = await refundOrder(
        {
          orderId: order._id,
          amountFen: Math.min(refundFen, paidFen - order.refundedFen),
          reason: succeeded ? '拼团成功，退还差价' : '拼团未成功，全额退款',
          requestId: `group-${group._id}-${attempt}`,
        },
        { openid: 'system:group', now: at },
      );
      // A retry under an attempt already turned down finds that refund: FAILED.
      if (refund.status === 'FAILED') return (await nextAttempt(), false);
    } catch (e) {
      // Turned down by WeChat Pay: the next run asks again under a new request. With no clear
      // answer the refund stays PENDING (the timer settles it with WeChat Pay): the member is
      // settled.
      if (isDefiniteFailure(e)) return (await nextAttempt(), false);
      if (!(e instanceof AppError) || e.code !== 'REFUND_FAILED') throw e;
    }
  }
  const refunded = refundFen > 0 && refundable ? refundFen : 0;
  await updateWhere(
    'orders',
    { _id: order._id, 'group.state': 'WAITING' },
    { 'group.state': succeeded ? 'SUCCEEDED' : 'FAILED' },
  );
  await queueGroupResult(group, member, refunded, at);
  return markSettled(group, member, refunded);
}

async function markSettled(group: Group, member: GroupMember, refundFen: number) {
  return (
    (await updateWhere(
      'groups',
      {
        _id: group._id,
        members: _.elemMatch({ orderId: member.orderId, settled: _.exists(false) }),
      },
      { 'members.$.settled': true, 'members.$.refundFen': refundFen, unsettledCount: _.inc(-1) },
    )) === 1
  );
}
