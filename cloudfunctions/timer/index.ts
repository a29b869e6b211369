// timer: runs every minute (only timer triggers may call it) and keeps orders honest whatever
// crashed or was abandoned. Every job processes everything that is due, a page at a time, until
// done or the run's time budget is spent (the rest waits for the next run):
//   - unpaid orders past their deadline are cancelled (their payment closed first: if the buyer
//     paid just before, the order is left for the pay notice), everything they held goes back;
//   - orders stuck in CREATING (a run that died part-way) are abandoned the same way;
//   - lifecycle effects a crashed run left unfinished (cancelled, paid, refunded) are finished;
//   - refunds whose request got no clear answer are settled by asking cloudPay;
//   - coupon-center claims a crash left half done are finished or undone;
//   - shipments WeChat has not accepted yet are uploaded again (with back-off);
//   - stock-ledger entries a crashed stock change left pending are written;
//   - shipped orders not confirmed within 10 days are received (their received effects run);
//   - commissions whose after-sale window ended settle into their distributor's balance, and
//     refunds a crash kept their commission from following are followed;
//   - bindings a crash left before their cycle check are checked (and undone if they close one);
//   - groups past their deadline (or that staff asked to close) close, closed groups' refunds a
//     crash or a refused refund left are made, groups ending soon remind their members;
//   - pre-sales: deposits hear the final payment open and closing, unpaid ones are forfeited at
//     its end, and those of pre-sales staff cancelled are refunded and compensated;
//   - reminders people asked for fire (a flash sale started, a SKU back in stock), then
//     subscription messages due are sent (at most once: stale claims are marked, not resent);
//   - the home page's snapshot is rebuilt.
// Each step is a conditional update or an idempotent repeat, so overlapping runs are harmless,
// and one item's failure does not stop the others.
import type { Coupon } from '../../domain/campaigns/types';
import type { Commission, Order, OutboxMessage, Refund, User } from '../../domain/model';
import { AUTO_RECEIVE_MS, CREATING_TIMEOUT_MS, PAID_STATUSES } from '../../domain/order-status';
import {
  DUE_TO_SETTLE,
  followRefunds,
  REFUNDS_TO_FOLLOW,
  settleCommission,
} from '../lib/distribution/commission';
import { checkBinding, UNCHECKED_BINDINGS } from '../lib/users/attribution';
import type { Group } from '../../domain/groups';
import { closeIfDue, GROUPS_DUE_TO_CLOSE } from '../lib/groups/close';
import { DUE_FOR_REMINDER, remindIfClose } from '../lib/groups/notices';
import { settleGroup } from '../lib/groups/settle';
import type { Deposit } from '../../domain/presale';
import {
  cancelledPresales,
  COMPENSABLE,
  compensate,
  DUE_CLOSING_NOTICE,
  DUE_OPEN_NOTICE,
  DUE_TO_FORFEIT,
  forfeit,
  noticeFinalClosing,
  noticeFinalOpen,
} from '../lib/presale/lifecycle';
import { markUnconfirmed, sendMessage, SENDING_STALE_MS } from '../lib/notices/sender';
import { noticeTemplates } from '../lib/notices/templates';
import { noticeRefunded, noticeShipped } from '../lib/notices/order-notices';
import { fireFlashReminder, fireStockReminder, type Reminder } from '../lib/notices/reminders';
import { transition } from '../lib/order/transition';
import { finishPendingLogs, type PendingSku } from '../lib/catalog/ledger';
import { buildStorefront } from '../lib/catalog/storefront';
import { couponQuotaKey, settleClaim } from '../lib/coupons/slots';
import { isTimerTrigger } from '../lib/infra/callers';
import { now } from '../lib/infra/clock';
import { _, findById } from '../lib/infra/db';
import { forEachDue } from '../lib/infra/paging';
import { cancelOrder } from '../lib/order/cancel';
import { uploadShipment } from '../lib/order/shipping-upload';
import { runEffects } from '../lib/order/effects/run';
import { refundState, requestRefund } from '../lib/payments/cloud-pay';
import { markRefundSucceeded } from '../lib/payments/refunds';
import { finishAbortedRefund, refundClosed } from '../lib/payments/refund-order';

/** The run's time budget: the function's timeout (config.json: 60 s) less a margin. */
const BUDGET_MS = 50_000;
/** A refund request with no clear answer is checked after this long. */
const REFUND_CHECK_AFTER_MS = 2 * 60_000;
/** A coupon-center claim still unfinished after this long was interrupted. */
const CLAIM_STALE_MS = 5 * 60_000;
/** Paid effects are left to the pay notice's own run for this long. */
const PAID_GRACE_MS = 60_000;

export async function main(event: unknown) {
  if (!isTimerTrigger(event))
    return { ok: false, code: 'FORBIDDEN', message: '只有定时触发器可以调用' };
  const started = Date.now();
  const deadline = started + BUDGET_MS;
  const at = now();
  const orders = (
    where: Record<string, unknown>,
    label: string,
    step: (o: Order) => Promise<boolean>,
  ) =>
    forEachDue<Order>({ collection: 'orders', where, sortBy: 'createdAt', label, step }, deadline);

  // Read once per run, when a message is due.
  let templatesRead: ReturnType<typeof noticeTemplates> | null = null;
  const templates = () => (templatesRead ??= noticeTemplates());

  const report = {
    expired: await orders(
      { status: 'UNPAID', expiresAt: _.lte(at) },
      'expire',
      async (order) =>
        (await cancelOrder(order, 'PAYMENT_TIMEOUT', { by: 'timer', at })) === 'cancelled',
    ),
    abandoned: await orders(
      { status: 'CREATING', createdAt: _.lte(at - CREATING_TIMEOUT_MS) },
      'abandon',
      async (order) =>
        (await cancelOrder(order, 'CREATE_FAILED', { by: 'timer', at })) === 'cancelled',
    ),
    cancelledEffects: await orders(
      { status: 'CANCELLED', 'effects.cancelled.done': _.neq(true) },
      'cancelled effects',
      async (order) => (await runEffects('cancelled', order, at), true),
    ),
    paidEffects: await orders(
      {
        status: _.in([...PAID_STATUSES, 'REFUNDING', 'REFUNDED']),
        'effects.paid.done': _.neq(true),
        'payment.paidAt': _.lte(at - PAID_GRACE_MS),
      },
      'paid effects',
      async (order) => (await runEffects('paid', order, at), true),
    ),
    refundedEffects: await orders(
      { status: 'REFUNDED', 'effects.refunded.done': _.neq(true) },
      'refunded effects',
      async (order) => (await runEffects('refunded', order, at), true),
    ),
    refundsSettled: await forEachDue<Refund>(
      {
        collection: 'refunds',
        where: { status: 'PENDING', createdAt: _.lte(at - REFUND_CHECK_AFTER_MS) },
        sortBy: 'createdAt',
        label: 'refund check',
        step: settleRefund,
      },
      deadline,
    ),
    refundsAborted: await orders({ status: 'REFUNDING' }, 'aborted refund', (order) =>
      finishAbortedRefund(order, at),
    ),
    couponClaims: await forEachDue<Coupon>(
      {
        collection: 'coupons',
        where: { status: 'CLAIMING', issuedAt: _.lte(at - CLAIM_STALE_MS) },
        sortBy: 'issuedAt',
        label: 'coupon claim',
        step: async (coupon) => (
          await settleClaim(coupon._id, couponQuotaKey(coupon.templateId!)),
          true
        ),
      },
      deadline,
    ),
    couponHolds: await forEachDue<{ _id: string; holds: { orderId: string; at: number }[] }>(
      {
        collection: 'allowances',
        where: { kind: 'couponQuota', 'holds.at': _.lte(at - CLAIM_STALE_MS) },
        sortBy: '_id',
        label: 'coupon holds',
        step: async (quota) => {
          for (const hold of quota.holds.filter((h) => h.at <= at - CLAIM_STALE_MS))
            await settleClaim(hold.orderId, quota._id);
          return true;
        },
      },
      deadline,
    ),
    stockLedger: await forEachDue<PendingSku>(
      {
        collection: 'skus',
        where: { 'pendingLogs.at': _.lte(at - 60_000) },
        sortBy: '_id',
        label: 'stock ledger',
        step: (sku) => finishPendingLogs(sku, at),
      },
      deadline,
    ),
    autoReceived: await orders(
      { status: 'SHIPPED', 'shipping.at': _.lte(at - AUTO_RECEIVE_MS) },
      'auto receive',
      async (order) => {
        if (!(await transition(order, 'complete', 'timer', at, {}, '自动确认收货'))) return false;
        await runEffects('received', { ...order, status: 'COMPLETED' }, at);
        return true;
      },
    ),
    receivedEffects: await orders(
      { status: 'COMPLETED', 'effects.received.done': _.neq(true) },
      'received effects',
      async (order) => (await runEffects('received', order, at), true),
    ),
    commissionsSettled: await forEachDue<Commission>(
      {
        collection: 'commissions',
        where: DUE_TO_SETTLE(at),
        sortBy: 'frozenUntil',
        label: 'commission settle',
        step: async (commission) => {
          const outcome = await settleCommission(commission, at);
          return outcome === 'settled' || outcome === 'void';
        },
      },
      deadline,
    ),
    commissionRefunds: await orders(REFUNDS_TO_FOLLOW(at), 'commission refunds', async (order) => {
      await followRefunds(order, at);
      return true;
    }),
    bindingsChecked: await forEachDue<User>(
      {
        collection: 'users',
        where: UNCHECKED_BINDINGS(at),
        sortBy: '_id',
        label: 'binding check',
        step: (user) => checkBinding(user),
      },
      deadline,
    ),
    groupsClosed: await forEachDue<Group>(
      {
        collection: 'groups',
        where: GROUPS_DUE_TO_CLOSE(at),
        sortBy: '_id',
        label: 'group close',
        step: async (group) => (await closeIfDue(group, at)) === 'closed',
      },
      deadline,
    ),
    groupsSettled: await forEachDue<Group>(
      {
        collection: 'groups',
        where: { status: _.in(['SUCCEEDED', 'FAILED']), unsettledCount: _.gt(0) },
        sortBy: '_id',
        label: 'group settle',
        step: async (group) => (await settleGroup(group, at)) > 0,
      },
      deadline,
    ),
    groupReminders: await forEachDue<Group>(
      {
        collection: 'groups',
        where: DUE_FOR_REMINDER(at),
        sortBy: '_id',
        label: 'group reminder',
        step: (group) => remindIfClose(group, at),
      },
      deadline,
    ),
    finalPaymentOpen: await forEachDue<Deposit>(
      {
        collection: 'deposits',
        where: DUE_OPEN_NOTICE(at),
        sortBy: '_id',
        label: 'final payment open',
        step: (d) => noticeFinalOpen(d, at),
      },
      deadline,
    ),
    finalPaymentClosing: await forEachDue<Deposit>(
      {
        collection: 'deposits',
        where: DUE_CLOSING_NOTICE(at),
        sortBy: '_id',
        label: 'final payment closing',
        step: (d) => noticeFinalClosing(d, at),
      },
      deadline,
    ),
    depositsForfeited: await forEachDue<Deposit>(
      {
        collection: 'deposits',
        where: DUE_TO_FORFEIT(at),
        sortBy: '_id',
        label: 'deposit forfeit',
        step: (d) => forfeit(d, at),
      },
      deadline,
    ),
    depositsCompensated: await compensateCancelled(at, deadline),
    flashReminders: await forEachDue<Reminder>(
      {
        collection: 'reminders',
        where: { kind: 'FLASH_SALE_STARTING', state: 'WAITING', dueAt: _.lte(at) },
        sortBy: 'dueAt',
        label: 'flash reminder',
        step: (r) => fireFlashReminder(r, at),
      },
      deadline,
    ),
    stockReminders: await forEachDue<Reminder>(
      {
        collection: 'reminders',
        where: { kind: 'BACK_IN_STOCK', state: 'WAITING' },
        sortBy: '_id',
        label: 'stock reminder',
        step: (r) => fireStockReminder(r, at),
      },
      deadline,
    ),
    noticesOwed: await forEachDue<Order>(
      {
        collection: 'orders',
        where: { noticeOwed: 'ORDER_SHIPPED', 'shipping.at': _.lte(at - 60_000) },
        sortBy: '_id',
        label: 'shipped notice',
        step: async (order) => (await noticeShipped(order, at), true),
      },
      deadline,
    ),
    refundNoticesOwed: await forEachDue<Refund>(
      {
        collection: 'refunds',
        where: { noticeOwed: true, succeededAt: _.lte(at - 60_000) },
        sortBy: '_id',
        label: 'refund notice',
        step: async (refund) => {
          const order = await findById<Order>('orders', refund.orderId);
          if (order) await noticeRefunded(order, refund, at);
          return !!order;
        },
      },
      deadline,
    ),
    noticesSent: await forEachDue<OutboxMessage>(
      {
        collection: 'outbox',
        where: { state: 'QUEUED', nextAt: _.lte(at) },
        sortBy: 'nextAt',
        label: 'notice send',
        step: async (message) => (await sendMessage(message, await templates(), at)) !== 'taken',
      },
      deadline,
    ),
    noticesUnconfirmed: await forEachDue<OutboxMessage>(
      {
        collection: 'outbox',
        where: { state: 'SENDING', claimedAt: _.lte(at - SENDING_STALE_MS) },
        sortBy: '_id',
        label: 'notice unconfirmed',
        step: markUnconfirmed,
      },
      deadline,
    ),
    shippingUploads: await forEachDue<Order>(
      {
        collection: 'orders',
        where: { 'shippingUpload.status': 'PENDING', 'shippingUpload.nextAt': _.lte(at) },
        sortBy: '_id',
        label: 'shipping upload',
        step: async (order) => (await uploadShipment(order, at)).status !== 'PENDING',
      },
      deadline,
    ),
  };
  await buildStorefront(at);

  const worked = Object.values(report).some((r) => r.seen > 0);
  if (worked) console.log('timer', JSON.stringify(report));
  return report;
}

/** Deposits of pre-sales staff cancelled that are not compensated yet (few campaigns). */
async function compensateCancelled(at: number, deadline: number) {
  const campaignIds = await cancelledPresales();
  if (!campaignIds.length) return { seen: 0, done: 0, finished: true };
  return forEachDue<Deposit>(
    {
      collection: 'deposits',
      where: { campaignId: _.in(campaignIds), state: _.in(COMPENSABLE) },
      sortBy: '_id',
      label: 'presale compensation',
      step: (d) => compensate(d, 'system:presale', at),
    },
    deadline,
  );
}

async function settleRefund(refund: Refund): Promise<boolean> {
  const state = await refundState(refund._id);
  if (state === 'SUCCESS') {
    await markRefundSucceeded(refund, now());
    return true;
  }
  if (state === 'CLOSED') {
    await refundClosed(refund, now());
    return true;
  }
  if (state === 'NOT_FOUND') {
    // The request never reached WeChat Pay: send it again under the same refund number.
    const order = await findById<Order>('orders', refund.orderId);
    if (order)
      await requestRefund({
        outTradeNo: order._id,
        outRefundNo: refund._id,
        totalFee: order.payment?.paidFen ?? order.totalFen,
        refundFee: refund.amountFen,
        reason: refund.reason,
      });
  }
  return false;
}
