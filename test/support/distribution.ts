// Distribution scenarios through the real SDK: a sharer and a friend bound to them, the friend's
// paid and received orders, and the figures a test checks them against.
import type { LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { run } from './db-probe';
import { buyNow, expectOk, paySandbox, readDoc, requestId } from './shop';

export const OWNER = DEMO_USERS.staff;
export const DAY = 24 * 60 * 60 * 1000;

/** SKUs on sale with stock and price enough for several orders each. */
export const ON_SALE = SEED.skus.filter(
  (s) =>
    s.stock >= 50 &&
    s.priceFen >= 3000 &&
    SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);

export function distributionScenes(cloud: LocalCloud) {
  let counter = 0;
  return {
    /** A sharer and a new friend bound to them. */
    async pair(prefix: string): Promise<{ sharer: string; friend: string }> {
      const sharer = `${prefix}-sharer-${counter}`;
      const friend = `${prefix}-friend-${counter++}`;
      const { user } = await expectOk(cloud, sharer, 'user', 'launch', {});
      await expectOk(cloud, friend, 'user', 'launch', { ref: user.refCode });
      return { sharer, friend };
    },

    async paidOrder(buyer: string, skuIndex = 0, qty = 1): Promise<any> {
      const placed = await buyNow(cloud, buyer, ON_SALE[skuIndex]._id, qty);
      if (!placed.ok) throw new Error(placed.message);
      await paySandbox(cloud, placed.data.order.id);
      return readDoc(cloud, 'orders', placed.data.order.id);
    },

    /** Shipped by staff and confirmed by the buyer. */
    async received(order: any): Promise<void> {
      await expectOk(cloud, OWNER, 'admin', 'ship', {
        orderId: order._id,
        company: '顺丰',
        trackingNo: `SF${order._id.slice(-8)}`,
      });
      await expectOk(cloud, order.openid, 'order', 'confirmReceipt', { orderId: order._id });
    },

    commissionOf: (orderId: string) => readDoc(cloud, 'commissions', `cm-${orderId}`),

    summary: (openid: string) => expectOk(cloud, openid, 'share', 'summary', {}),

    /** The sum of all the distributor's ledger entries (read 100 at a time). */
    async ledgerSum(openid: string): Promise<number> {
      let sum = 0;
      for (let skip = 0; ; skip += 100) {
        const page = (
          await run(
            cloud,
            'commission_ledger',
            ['where', { distributorId: openid }],
            ['orderBy', '_id', 'asc'],
            ['skip', skip],
            ['get'],
          )
        ).data as any[];
        sum += page.reduce((s, e) => s + e.amountFen, 0);
        if (page.length < 100) return sum;
      }
    },

    async balance(openid: string): Promise<number> {
      return (await readDoc(cloud, 'distributors', openid))?.balanceFen ?? 0;
    },

    refund(orderId: string, amountFen: number) {
      return expectOk(cloud, OWNER, 'admin', 'refund', {
        orderId,
        amountFen,
        reason: '部分退款',
        requestId: requestId('refund'),
      });
    },
  };
}

/** What the rules say a commission keeps after refunds of `refundedFen` (voidedFen's formula). */
export const keptAfter = (c: { amountFen: number; baseFen: number }, refundedFen: number) =>
  c.amountFen - Math.ceil((c.amountFen * Math.min(refundedFen, c.baseFen)) / c.baseFen);
