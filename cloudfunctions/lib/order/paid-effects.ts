// What follows a payment: held stock becomes sold, campaign claims are used up, rewards (e.g.
// full-return coupons) are issued, and the buyer's paid count, growth and bought products are
// updated (the first payment ends new-user status). Each step is safe to repeat, so a notice
// that arrives twice, or a timer finishing a crashed run, never counts anything twice.
import { newCoupon } from '../../../domain/campaigns/coupons';
import type { Order, User } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { consumeClaims } from '../claims/claims';
import { db } from '../infra/cloud';
import { _, insertOnce, updateWhere } from '../infra/db';
import { cancelOtherNewUserOrders } from './new-user';
import { consumeHold } from '../catalog/stock';

export async function applyPaidEffects(order: Order): Promise<void> {
  const paidAt = order.payment?.paidAt ?? order.createdAt;
  for (const line of order.lines) {
    // Only the write that consumed the hold counts the sale on the product.
    if (await consumeHold(line.skuId, order._id, line.qty)) {
      await updateWhere('products', { _id: line.productId }, { sales: _.inc(line.qty) });
    }
  }
  await consumeClaims(order._id, order.claims ?? [], paidAt);
  // A refund already started means the rewards were forfeited (a crashed run finishing late).
  const rewards = order.refundedFen > 0 ? [] : (order.rewards ?? []);
  for (const reward of rewards) {
    const coupon = newCoupon(
      {
        id: `return:${order._id}:${reward.campaignId}:${reward.skuId}`,
        openid: order.openid,
        title: reward.title,
        discount: { type: 'AMOUNT', amountFen: reward.valueFen },
        thresholdFen: reward.thresholdFen,
        validDays: reward.validDays,
        source: 'FULL_RETURN',
        sourceOrderId: order._id,
      },
      paidAt,
    );
    await insertOnce('coupons', coupon as unknown as { _id: string });
  }
  if (await countPayment(order)) await cancelOtherNewUserOrders(order, paidAt);
  await updateWhere('orders', { _id: order._id }, { paidEffectsApplied: true });
}

/**
 * Adds the order to the user's totals once, guarded by an effect marker in one transaction.
 * True when this was the user's first counted payment.
 */
async function countPayment(order: Order): Promise<boolean> {
  const marker = `paid:${order._id}`;
  const productIds = [...new Set(order.lines.map((l) => l.productId))];
  return db.runTransaction(async (t: any) => {
    const seen = await t.collection('effects').doc(marker).get();
    if (seen.data) return false;
    await t
      .collection('effects')
      .doc(marker)
      .set({ data: { kind: 'paid', orderId: order._id, at: order.payment?.paidAt ?? 0 } });
    const user = (await t.collection('users').doc(order.openid).get()).data as User | null;
    const totals = {
      paidOrderCount: (user?.paidOrderCount ?? 0) + 1,
      paidTotalFen: fen((user?.paidTotalFen ?? 0) + order.totalFen),
      purchasedProductIds: [...new Set([...(user?.purchasedProductIds ?? []), ...productIds])],
    };
    if (user) await t.collection('users').doc(order.openid).update({ data: totals });
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
            ...totals,
          },
        });
    return totals.paidOrderCount === 1;
  }, 10);
}
