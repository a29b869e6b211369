// Full-return rewards (消费全返): a paid order earns the coupons its campaigns promised; a full
// refund withdraws those still unused.
// Guard: each coupon's id is derived from the order, campaign and SKU (inserted once); withdrawing
// is a conditional update on the coupon's status.
import { newCoupon } from '../../../../domain/campaigns/coupons';
import { updateWhere } from '../../infra/db';
import { db } from '../../infra/cloud';
import { isDuplicate } from '../../infra/db';
import type { Effect } from './effect';

export const issueReturnCoupons: Effect = {
  name: 'rewards.issue',
  async run(order) {
    // A refund already started means the rewards were forfeited (a crashed run finishing late).
    if (order.refundedFen > 0 || !order.rewards?.length) return;
    const paidAt = order.payment?.paidAt ?? order.createdAt;
    const coupons = order.rewards.map((reward) =>
      newCoupon(
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
      ),
    );
    for (const coupon of coupons) {
      try {
        await db.collection('coupons').add({ data: coupon });
      } catch (e) {
        if (!isDuplicate(e)) throw e; // issued by an earlier run
      }
    }
  },
};

export const withdrawReturnCoupons: Effect = {
  name: 'rewards.withdraw',
  async run(order) {
    await updateWhere(
      'coupons',
      { sourceOrderId: order._id, status: 'UNUSED' },
      { status: 'WITHDRAWN' },
    );
    // One held by an unpaid order is withdrawn if that order lets it go (it was not used yet).
    await updateWhere(
      'coupons',
      { sourceOrderId: order._id, status: 'HELD' },
      { withdrawOnRelease: true },
    );
  },
};
