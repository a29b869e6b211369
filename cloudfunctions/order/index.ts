// order: quote, place (idempotent by request id), pay, cancel, confirm receipt, list, detail.
import type { Order } from '../../domain/model';
import type { PendingOrderView } from '../../domain/api/views';
import { quote, specText } from '../../domain/pricing/quote';
import { AppError } from '../../domain/result';
import { resolveLines } from '../lib/catalog/lines';
import { db } from '../lib/infra/cloud';
import { _, findById, findWhere } from '../lib/infra/db';
import { createHandler, type Context } from '../lib/infra/router';
import { requestAfterSale } from '../lib/order/after-sale';
import { cancelOrder } from '../lib/order/cancel';
import { runEffects } from '../lib/order/effects/run';
import { transition } from '../lib/order/transition';
import { startPayment } from '../lib/payments/cloud-pay';
import { addAllowances, loadPricing } from '../lib/pricing/facts';
import { orderDetail, orderSummary } from '../lib/views/order-views';
import { placeOrder } from './place-order';
import { fixedPriceOf } from '../lib/pricing/fixed-price';

const PAGE = 20;

/**
 * An unpaid order of the buyer for exactly these lines (a reload during payment, then a second
 * submit): the checkout offers it instead of placing a second order.
 */
function pendingFor(
  unpaid: Order[],
  lines: { skuId: string; qty: number }[],
  now: number,
): { pendingOrder?: PendingOrderView } {
  const key = (ls: { skuId: string; qty: number }[]) =>
    ls
      .map((l) => `${l.skuId}×${l.qty}`)
      .sort()
      .join(',');
  const wanted = key(lines);
  const match = unpaid
    .filter((o) => o.expiresAt > now && !o.abandoned && key(o.lines) === wanted)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  return match
    ? { pendingOrder: { id: match._id, totalFen: match.totalFen, expiresAt: match.expiresAt } }
    : {};
}

async function ownOrder(orderId: string, ctx: Context): Promise<Order> {
  const order = await findById<Order>('orders', orderId);
  // Someone else's order does not exist, as far as this caller is concerned.
  if (!order || order.openid !== ctx.openid) throw new AppError('ORDER_NOT_FOUND');
  return order;
}

export const main = createHandler('order', {
  // The lines, what pricing needs and the buyer's unpaid orders are read together, then the
  // allowances the lines would use.
  async quote({ lines, coupon, group, assist, presale, box }, ctx) {
    const [resolved, { campaigns, user, facts }, unpaid, assisted] = await Promise.all([
      resolveLines(ctx.openid, lines),
      loadPricing(ctx.openid, ctx.now),
      findWhere<Order>('orders', { openid: ctx.openid, status: 'UNPAID' }, 20),
      fixedPriceOf({ assist, presale, box, lines }, ctx.openid, ctx.now),
    ]);
    const buyable = resolved
      .filter((l) => !l.problem)
      .map((l) => ({ product: l.product!, sku: l.sku!, qty: l.qty }));
    await addAllowances(facts, campaigns, buyable);
    const {
      claims: _claims,
      rewards: _rewards,
      ...view
    } = quote(buyable, {
      facts,
      campaigns,
      coupon,
      ...(group
        ? {
            group: {
              campaignId: group.campaignId,
              groupId: group.groupId ?? 'new',
              leader: !group.groupId,
            },
          }
        : {}),
      ...(assisted ? { fixedPrice: assisted } : {}),
    });
    return {
      ...view,
      // A line that cannot be ordered as asked stays on the page, marked, with what the shopper
      // needs to fix it (e.g. the stock left, to lower the quantity).
      problems: resolved
        .filter((l) => l.problem)
        .map((l) => ({
          skuId: l.skuId,
          code: l.problem!.code,
          message: `${l.product?.title ?? '商品'}：${l.problem!.message}`,
          title: l.product?.title ?? '商品已失效',
          specText: l.product && l.sku ? specText(l.product, l.sku) : '',
          image: l.product?.images[0] ?? '',
          qty: l.qty,
          stock: l.sku?.stock ?? 0,
        })),
      ...pendingFor(unpaid, resolved, ctx.now),
      ...(user?.address ? { defaultAddress: user.address } : {}),
      addresses: user?.addresses ?? (user?.address ? [user.address] : []),
    };
  },

  create: placeOrder,

  async pay({ orderId }, ctx) {
    const order = await ownOrder(orderId, ctx);
    if (order.status !== 'UNPAID' || ctx.now >= order.expiresAt || order.totalFen === 0)
      throw new AppError('ORDER_STATE', '订单已不能支付');
    const start = await startPayment(order);
    if (start.kind === 'alreadyPaid') throw new AppError('ORDER_STATE', '订单已支付，请稍候刷新');
    return { order: orderDetail(order, ctx.now), payment: start.payment };
  },

  async cancel({ orderId }, ctx) {
    const order = await ownOrder(orderId, ctx);
    if (order.status !== 'UNPAID') throw new AppError('ORDER_STATE', '只有待付款的订单可以取消');
    const outcome = await cancelOrder(order, 'BUYER_CANCELLED', { by: ctx.openid, at: ctx.now });
    if (outcome === 'paid') throw new AppError('ORDER_STATE', '订单已支付，不能取消');
    if (outcome !== 'cancelled') throw new AppError('ORDER_STATE');
    const cancel = { reason: 'BUYER_CANCELLED', at: ctx.now, by: ctx.openid };
    return orderDetail({ ...order, status: 'CANCELLED', cancel }, ctx.now);
  },

  async confirmReceipt({ orderId }, ctx) {
    const order = await ownOrder(orderId, ctx);
    if (order.status !== 'SHIPPED' || !(await transition(order, 'complete', ctx.openid, ctx.now)))
      throw new AppError('ORDER_STATE');
    const received: Order = { ...order, status: 'COMPLETED' };
    await runEffects('received', received, ctx.now);
    return orderDetail(received, ctx.now);
  },

  async list({ status, cursor = 0 }, ctx) {
    const where = {
      openid: ctx.openid,
      abandoned: _.neq(true),
      status: status ?? _.neq('CREATING'),
    };
    const { data } = await db
      .collection('orders')
      .where(where)
      .orderBy('createdAt', 'desc')
      .skip(cursor)
      .limit(PAGE + 1)
      .get();
    const orders = data as Order[];
    return {
      orders: orders.slice(0, PAGE).map(orderSummary),
      nextCursor: orders.length > PAGE ? cursor + PAGE : null,
    };
  },

  async detail({ orderId }, ctx) {
    return orderDetail(await ownOrder(orderId, ctx), ctx.now);
  },

  async requestAfterSale({ orderId, reason, detail }, ctx) {
    return requestAfterSale(await ownOrder(orderId, ctx), { reason, detail }, ctx.now);
  },
});
