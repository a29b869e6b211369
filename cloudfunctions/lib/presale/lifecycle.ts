// A pre-sale's life after the deposits (domain/presale.ts), driven by the timer and staff:
//   - the final-payment phase opens: every paid deposit's buyer is told (once: marked first);
//   - a day before it closes, those who have not paid yet are told (once);
//   - it closes: a deposit still unpaid is forfeited, and its order says so;
//   - staff cancel the pre-sale: each deposit (and a final payment already made) is refunded in
//     full and the deposit again recorded as compensation owed (Civil Code 587), staff paying it
//     out and marking it paid. A deposit is claimed COMPENSATING first, so a crash or a second
//     run repeats nothing: refunds by request ids from the deposit, compensation inserted once.
import type { Deposit, Compensation } from '../../../domain/presale';
import type { Order } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { AppError } from '../../../domain/result';
import { db } from '../infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../infra/db';
import { enqueue } from '../notices/outbox';
import { refundOrder } from '../payments/refund-order';

const DAY = 24 * 60 * 60 * 1000;

export const DUE_OPEN_NOTICE = (at: number) => ({
  state: 'PAID',
  finalStartsAt: _.lte(at),
  finalEndsAt: _.gt(at),
  openNoticed: _.exists(false),
});
export const DUE_CLOSING_NOTICE = (at: number) => ({
  state: 'PAID',
  finalEndsAt: _.gt(at).and(_.lte(at + DAY)),
  closingNoticed: _.exists(false),
});
export const DUE_TO_FORFEIT = (at: number) => ({ state: 'PAID', finalEndsAt: _.lte(at) });

async function titleOf(deposit: Deposit): Promise<string> {
  const product = await findById<{ title: string }>('products', deposit.productId);
  return product?.title ?? '预售商品';
}

/** Tells a paid deposit's buyer that the final payment opened, or closes soon: once (marked first). */
async function noticeFinal(
  deposit: Deposit,
  kind: 'FINAL_PAYMENT_OPEN' | 'FINAL_PAYMENT_CLOSING',
  mark: 'openNoticed' | 'closingNoticed',
  at: number,
): Promise<boolean> {
  const claimed = await updateWhere(
    'deposits',
    { _id: deposit._id, [mark]: _.exists(false) },
    { [mark]: true },
  );
  if (!claimed) return false;
  await enqueue(
    kind,
    deposit._id,
    deposit.openid,
    {
      campaignId: deposit.campaignId,
      product: await titleOf(deposit),
      closesAt: deposit.finalEndsAt,
    },
    at,
  );
  return true;
}

export const noticeFinalOpen = (deposit: Deposit, at: number) =>
  noticeFinal(deposit, 'FINAL_PAYMENT_OPEN', 'openNoticed', at);

export const noticeFinalClosing = (deposit: Deposit, at: number) =>
  noticeFinal(deposit, 'FINAL_PAYMENT_CLOSING', 'closingNoticed', at);

/** The final-payment window closed with the deposit unpaid: it is forfeited, its order says so. */
export async function forfeit(deposit: Deposit, at: number): Promise<boolean> {
  const done = await updateWhere(
    'deposits',
    { _id: deposit._id, state: 'PAID', finalEndsAt: _.lte(at) },
    { state: 'FORFEITED', forfeitedAt: at },
  );
  if (done)
    await updateWhere(
      'orders',
      { _id: deposit.orderId, 'presale.step': 'DEPOSIT' },
      { 'presale.state': 'FORFEITED' },
    );
  return done === 1;
}

/** States a cancelled pre-sale's deposits are compensated from (a final payment made too). */
export const COMPENSABLE = ['PAID', 'FINAL_HELD', 'FINAL_PAID', 'COMPENSATING'];

/** Refunds a deposit of a cancelled pre-sale (and its final payment), and owes compensation. */
export async function compensate(deposit: Deposit, staffId: string, at: number): Promise<boolean> {
  if (deposit.state !== 'COMPENSATING') {
    const claimed = await updateWhere(
      'deposits',
      { _id: deposit._id, state: deposit.state },
      { state: 'COMPENSATING', stateBefore: deposit.state },
    );
    if (!claimed) return false;
  }
  const by = { openid: staffId, now: at };
  const refunded = await refundAll(deposit.orderId, `presale-cancel-${deposit._id}`, by);
  if (deposit.finalOrderId)
    await refundAll(deposit.finalOrderId, `presale-cancel-final-${deposit._id}`, by);
  // The buyer had cancelled it themselves (refunded in full another way): nothing is owed.
  if (!refunded) {
    await updateWhere(
      'deposits',
      { _id: deposit._id, state: 'COMPENSATING' },
      { state: 'REFUNDED' },
    );
    return true;
  }
  const compensation: Compensation = {
    _id: `cp-${deposit._id}`,
    openid: deposit.openid,
    campaignId: deposit.campaignId,
    depositId: deposit._id,
    amountFen: fen(deposit.depositFen),
    state: 'OWED',
    createdAt: at,
  };
  await insertOnce('compensations', { ...compensation });
  await updateWhere(
    'orders',
    { _id: deposit.orderId, 'presale.step': 'DEPOSIT' },
    { 'presale.state': 'COMPENSATED' },
  );
  await updateWhere(
    'deposits',
    { _id: deposit._id, state: 'COMPENSATING' },
    { state: 'COMPENSATED' },
  );
  return true;
}

/**
 * Refunds what is left of a paid order (a retry with the same request id finds its refund).
 * False when it was refunded in full another way (the buyer cancelled their deposit).
 */
async function refundAll(
  orderId: string,
  requestId: string,
  by: { openid: string; now: number },
): Promise<boolean> {
  const order = await findById<Order>('orders', orderId);
  if (!order || !['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED'].includes(order.status))
    return false;
  const left = (order.payment?.paidFen ?? order.totalFen) - order.refundedFen;
  try {
    await refundOrder(
      { orderId, amountFen: Math.max(left, 1), reason: '商家取消预售，全额退款', requestId },
      by,
    );
    return true;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'REFUND_EXCEEDS')) throw e;
    return false;
  }
}

/** Cancelled pre-sales' campaign ids (few), for the timer's compensation job. */
export async function cancelledPresales(): Promise<string[]> {
  const { data } = await db
    .collection('campaigns')
    .where({ presaleCancelledAt: _.exists(true) })
    .field({ _id: true })
    .limit(100)
    .get();
  return (data as { _id: string }[]).map((c) => c._id);
}
