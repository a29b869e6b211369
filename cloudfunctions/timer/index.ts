// timer: runs every minute and keeps orders honest whatever crashed or was abandoned:
//   - unpaid orders past their deadline (15 minutes, 5 for flash sales) are cancelled after
//     their payment is closed (if the buyer paid just before, the order is left for the notice),
//     and everything they held goes back;
//   - orders stuck in CREATING (a run that died part-way) are abandoned, holds released;
//   - cancelled orders whose holds were not yet returned get them returned;
//   - paid orders whose post-payment effects did not finish get them finished;
//   - refunds whose request got no clear answer are settled by asking cloudPay;
//   - coupon-center quota units held by a claim that crashed are settled.
// Each step is a conditional update or an idempotent repeat, so overlapping runs are harmless,
// and one order's failure does not stop the others.
import type { Order, Refund } from '../../domain/model';
import { CREATING_TIMEOUT_MS, PAID_STATUSES } from '../../domain/order-status';
import { now } from '../lib/infra/clock';
import { _, findById, findWhere } from '../lib/infra/db';
import { releaseOrderHolds, transition } from '../lib/order/transition';
import { applyPaidEffects } from '../lib/order/paid-effects';
import { closeTrade, refundState, requestRefund } from '../lib/payments/cloud-pay';
import { markRefundSucceeded } from '../lib/payments/refunds';
import { consumeUnits, releaseUnits } from '../lib/infra/holds';

const BATCH = 100;
/** A refund request with no clear answer is checked after this long. */
const REFUND_CHECK_AFTER_MS = 2 * 60_000;

async function each<T>(
  items: T[],
  step: (item: T) => Promise<boolean>,
  label: string,
): Promise<number> {
  let done = 0;
  for (const item of items) {
    try {
      if (await step(item)) done++;
    } catch (e) {
      console.error(`timer: ${label} failed`, e);
    }
  }
  return done;
}

export async function main() {
  const at = now();
  const report = {
    expired: await each(
      await findWhere<Order>('orders', { status: 'UNPAID', expiresAt: _.lte(at) }, BATCH),
      async (order) => {
        if ((await closeTrade(order._id)) === 'paid') return false; // the pay notice will settle it
        const cancel = { reason: 'PAYMENT_TIMEOUT', at, by: 'timer' };
        if (!(await transition(order, 'expire', 'timer', at, { cancel }, 'PAYMENT_TIMEOUT')))
          return false;
        await releaseOrderHolds(order);
        return true;
      },
      'expire',
    ),

    abandoned: await each(
      await findWhere<Order>(
        'orders',
        { status: 'CREATING', createdAt: _.lte(at - CREATING_TIMEOUT_MS) },
        BATCH,
      ),
      async (order) => {
        const cancel = { reason: 'CREATE_FAILED', at, by: 'timer' };
        if (
          !(await transition(
            order,
            'abandon',
            'timer',
            at,
            { cancel, abandoned: true },
            'CREATE_FAILED',
          ))
        )
          return false;
        await releaseOrderHolds(order);
        return true;
      },
      'abandon',
    ),

    released: await each(
      await findWhere<Order>('orders', { status: 'CANCELLED', stockReleased: _.neq(true) }, BATCH),
      async (order) => {
        await releaseOrderHolds(order);
        return true;
      },
      'release',
    ),

    finished: await each(
      await findWhere<Order>(
        'orders',
        {
          status: _.in([...PAID_STATUSES, 'REFUNDING', 'REFUNDED']),
          paidEffectsApplied: _.neq(true),
          'payment.paidAt': _.lte(at - 60_000),
        },
        BATCH,
      ),
      async (order) => {
        await applyPaidEffects(order);
        return true;
      },
      'paid effects',
    ),

    refundsSettled: await each(
      await findWhere<Refund>(
        'refunds',
        { status: 'PENDING', createdAt: _.lte(at - REFUND_CHECK_AFTER_MS) },
        BATCH,
      ),
      async (refund) => {
        const state = await refundState(refund._id);
        if (state === 'SUCCESS') {
          await markRefundSucceeded(refund, at);
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
      },
      'refund check',
    ),
  };

  // Coupon-center claims hold a quota unit under the coupon's id while writing it: settle holds
  // left by a claim that crashed (the coupon exists: use the unit; it does not: give it back).
  const stale = at - 5 * 60_000;
  const couponHolds = await each(
    await findWhere<{ _id: string; holds: { orderId: string; qty: number; at: number }[] }>(
      'allowances',
      { kind: 'couponQuota', 'holds.at': _.lte(stale) },
      BATCH,
    ),
    async (allowance) => {
      for (const hold of allowance.holds.filter((h) => h.at <= stale)) {
        // The holder is `${couponId}#${token}`: the unit was used if that coupon was written by that call.
        const coupon = await findById<{ claimToken?: string }>(
          'coupons',
          hold.orderId.split('#')[0],
        );
        if (coupon?.claimToken === hold.orderId)
          await consumeUnits('allowances', allowance._id, hold.orderId, hold.qty, 'used');
        else await releaseUnits('allowances', allowance._id, 'remaining', hold.orderId, hold.qty);
      }
      return true;
    },
    'coupon holds',
  );
  Object.assign(report, { couponHolds });

  if (Object.values(report).some(Boolean)) console.log('timer', JSON.stringify(report));
  return report;
}
