// What follows a payment: held stock becomes sold, and the buyer's paid count and growth rise
// (the first payment ends new-user status). Each step is safe to repeat, so a notice that
// arrives twice, or a timer finishing a crashed run, never counts anything twice.
import type { Order, User } from '../../domain/model';
import { fen } from '../../domain/money';
import { db } from './cloud';
import { _, updateWhere } from './db';
import { consumeHold } from './stock';

export async function applyPaidEffects(order: Order): Promise<void> {
  for (const line of order.lines) {
    // Only the write that consumed the hold counts the sale on the product.
    if (await consumeHold(line.skuId, order._id, line.qty)) {
      await updateWhere('products', { _id: line.productId }, { sales: _.inc(line.qty) });
    }
  }
  await countPayment(order);
  await updateWhere('orders', { _id: order._id }, { paidEffectsApplied: true });
}

/** Adds the order to the user's totals once, guarded by an effect marker in one transaction. */
async function countPayment(order: Order): Promise<void> {
  const marker = `paid:${order._id}`;
  await db.runTransaction(async (t: any) => {
    const seen = await t
      .collection('effects')
      .doc(marker)
      .get()
      .catch(() => null);
    if (seen?.data) return;
    await t
      .collection('effects')
      .doc(marker)
      .set({ data: { kind: 'paid', orderId: order._id, at: order.payment?.paidAt ?? 0 } });
    const user = (
      await t
        .collection('users')
        .doc(order.openid)
        .get()
        .catch(() => null)
    )?.data as User | null;
    const paidOrderCount = (user?.paidOrderCount ?? 0) + 1;
    const paidTotalFen = fen((user?.paidTotalFen ?? 0) + order.totalFen);
    if (user)
      await t
        .collection('users')
        .doc(order.openid)
        .update({ data: { paidOrderCount, paidTotalFen } });
    else
      await t
        .collection('users')
        .doc(order.openid)
        .set({
          data: {
            nickname: '微信用户',
            createdAt: order.createdAt,
            lastSeenAt: order.createdAt,
            firstEntry: { at: order.createdAt },
            paidOrderCount,
            paidTotalFen,
          },
        });
  }, 10);
}
