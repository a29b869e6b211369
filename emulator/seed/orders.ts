// The demo regular buyer's past orders: five completed orders, so the figures on 我的 (paid
// orders, total paid, tier) are backed by orders the order list shows. Built from the seeded
// catalog; their lifecycle effects are marked done (they were counted when "paid"), so the timer
// leaves them alone. The buyer's totals are derived from them in emulator/config.ts.
import type { Order, OrderLine, User } from '../../domain/model';
import { addFen, fen, mulFen, ZERO } from '../../domain/money';
import { SHIPPING_RULE, specText } from '../../domain/pricing/quote';
import { DEMO_USERS, SEED, SEED_TIME } from './catalog';

const DAY = 24 * 60 * 60 * 1000;
const ORDERS = 5;
const LINES_PER_ORDER = 3;

export function regularBuyerOrders(): Order[] {
  const regular = SEED.users.find((u) => u._id === DEMO_USERS.regular)!;
  const listed = SEED.products.filter((p) => p.status === 'ON').sort((a, b) => a.sort - b.sort);
  return Array.from({ length: ORDERS }, (_, i) => {
    const createdAt = SEED_TIME - (100 - i * 20) * DAY;
    const lines: OrderLine[] = listed
      .slice(i * LINES_PER_ORDER, (i + 1) * LINES_PER_ORDER)
      .map((product) => {
        const sku = SEED.skus.find((s) => s.productId === product._id && s.stock > 0)!;
        return {
          skuId: sku._id,
          productId: product._id,
          title: product.title,
          specText: specText(product, sku),
          image: product.images[0],
          qty: 1,
          unitPriceFen: sku.priceFen,
          amountFen: sku.priceFen,
          adjustments: [],
        };
      });
    const goodsFen = addFen(...lines.map((l) => mulFen(l.unitPriceFen, l.qty)));
    const shippingFen = goodsFen >= SHIPPING_RULE.freeFromFen ? ZERO : SHIPPING_RULE.feeFen;
    const totalFen = addFen(goodsFen, shippingFen);
    const paidAt = createdAt + 2 * 60_000;
    const shippedAt = paidAt + DAY;
    const completedAt = shippedAt + 3 * DAY;
    const id = `ODEMO${String(i + 1).padStart(3, '0')}`;
    return {
      _id: id,
      openid: regular._id,
      requestId: `demo-order-${i + 1}`,
      status: 'COMPLETED',
      source: 'cart',
      lines,
      goodsFen,
      discountFen: ZERO,
      shippingFen,
      totalFen,
      adjustments: [],
      address: regular.address!,
      remark: '',
      createdAt,
      expiresAt: createdAt + 15 * 60_000,
      payment: { transactionId: `4200DEMO${id}`, paidAt, paidFen: totalFen, method: 'wxpay' },
      // Counted already (the buyer's totals include them): nothing left for the timer to run.
      effects: { paid: { ran: [], done: true } },
      shipping: {
        company: '顺丰速运',
        companyCode: 'SF',
        trackingNo: `SF10000${i + 1}`,
        at: shippedAt,
        by: DEMO_USERS.staff,
      },
      shippingUpload: { status: 'UPLOADED', attempts: 1, uploadedAt: shippedAt },
      refundedFen: ZERO,
      claims: [],
      rewards: [],
      history: [
        { from: null, to: 'UNPAID', at: createdAt, by: regular._id },
        { from: 'UNPAID', to: 'PAID', at: paidAt, by: 'payNotify' },
        { from: 'PAID', to: 'SHIPPED', at: shippedAt, by: DEMO_USERS.staff },
        { from: 'SHIPPED', to: 'COMPLETED', at: completedAt, by: regular._id },
      ],
    };
  });
}

/** The user with the totals their seeded orders make (what buyer.count would have counted). */
export function withOrderTotals(user: User, orders: Order[]): User {
  const own = orders.filter((o) => o.openid === user._id);
  if (!own.length) return user;
  return {
    ...user,
    paidOrderCount: own.length,
    paidTotalFen: fen(own.reduce((sum, o) => sum + o.totalFen, 0)),
    purchasedProductIds: [...new Set(own.flatMap((o) => o.lines.map((l) => l.productId)))],
    countedOrderIds: own.map((o) => o._id),
  };
}
