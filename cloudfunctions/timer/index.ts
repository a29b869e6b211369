// timer: runs every minute and keeps orders honest whatever crashed or was abandoned:
//   - unpaid orders past their 15 minutes are cancelled, their payment closed, stock returned;
//   - orders stuck in CREATING (a run that died part-way) are abandoned, stock returned;
//   - cancelled orders whose stock was not yet returned get it returned;
//   - paid orders whose post-payment effects did not finish get them finished.
// Each step is a conditional update or an idempotent repeat, so overlapping runs are harmless.
import type { Order } from '../../domain/model';
import { CREATING_TIMEOUT_MS } from '../../domain/order-status';
import { now } from '../lib/clock';
import { _, findWhere } from '../lib/db';
import { releaseOrderStock, transition } from '../lib/orders';
import { applyPaidEffects } from '../lib/paid-effects';
import { closeTrade } from '../lib/payments';

const BATCH = 100;

export async function main() {
  const at = now();
  const report = { expired: 0, abandoned: 0, released: 0, finished: 0 };

  for (const order of await findWhere<Order>(
    'orders',
    { status: 'UNPAID', expiresAt: _.lte(at) },
    BATCH,
  )) {
    const cancel = { reason: 'PAYMENT_TIMEOUT', at, by: 'timer' };
    if (await transition(order, 'expire', 'timer', at, { cancel }, 'PAYMENT_TIMEOUT')) {
      await closeTrade(order._id);
      await releaseOrderStock(order);
      report.expired++;
    }
  }

  for (const order of await findWhere<Order>(
    'orders',
    { status: 'CREATING', createdAt: _.lte(at - CREATING_TIMEOUT_MS) },
    BATCH,
  )) {
    const cancel = { reason: 'CREATE_FAILED', at, by: 'timer' };
    if (
      await transition(order, 'abandon', 'timer', at, { cancel, abandoned: true }, 'CREATE_FAILED')
    ) {
      await releaseOrderStock(order);
      report.abandoned++;
    }
  }

  for (const order of await findWhere<Order>(
    'orders',
    { status: 'CANCELLED', stockReleased: _.neq(true) },
    BATCH,
  )) {
    await releaseOrderStock(order);
    report.released++;
  }

  for (const order of await findWhere<Order>(
    'orders',
    { status: 'PAID', paidEffectsApplied: _.neq(true), 'payment.paidAt': _.lte(at - 60_000) },
    BATCH,
  )) {
    await applyPaidEffects(order);
    report.finished++;
  }

  if (Object.values(report).some(Boolean)) console.log('timer', JSON.stringify(report));
  return report;
}
