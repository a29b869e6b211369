// order: quote, place (idempotent by request id), pay, cancel, confirm receipt, list, detail.
import { orderInputs } from '../../domain/api/inputs';
import type { OrderSummaryView, QuoteView } from '../../domain/api/views';
import type { Order } from '../../domain/model';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { _, findById } from '../lib/infra/db';
import { resolveLines } from '../lib/catalog/lines';
import { orderDetail, orderSummary } from '../lib/views/order-views';
import { releaseOrderHolds, transition } from '../lib/order/transition';
import { closeTrade, startPayment } from '../lib/payments/cloud-pay';
import { action, createHandler, type Context } from '../lib/infra/router';
import { quoteFor } from '../lib/pricing/facts';
import { placeOrder } from './place-order';

const PAGE = 20;

async function ownOrder(orderId: string, ctx: Context): Promise<Order> {
  const order = await findById<Order>('orders', orderId);
  // Someone else's order does not exist, as far as this caller is concerned.
  if (!order || order.openid !== ctx.openid) throw new AppError('ORDER_NOT_FOUND');
  return order;
}

export const main = createHandler({
  quote: action({
    input: orderInputs.quote,
    async run({ lines, coupon }, ctx): Promise<QuoteView> {
      const resolved = await resolveLines(ctx.openid, lines);
      const ok = resolved.filter((l) => !l.problem);
      const { quote: priced, user } = await quoteFor(
        ctx.openid,
        ctx.now,
        ok.map((l) => ({ product: l.product!, sku: l.sku!, qty: l.qty })),
        { coupon },
      );
      const { claims: _claims, rewards: _rewards, ...view } = priced;
      return {
        ...view,
        problems: resolved
          .filter((l) => l.problem)
          .map((l) => ({
            skuId: l.skuId,
            code: l.problem!.code,
            message: `${l.product?.title ?? '商品'}：${l.problem!.message}`,
          })),
        ...(user?.address ? { defaultAddress: user.address } : {}),
      };
    },
  }),

  create: action({ input: orderInputs.create, run: placeOrder }),

  pay: action({
    input: orderInputs.pay,
    async run({ orderId }, ctx) {
      const order = await ownOrder(orderId, ctx);
      if (order.status !== 'UNPAID' || ctx.now >= order.expiresAt)
        throw new AppError('ORDER_STATE', '订单已不能支付');
      const start = await startPayment(order);
      if (start.kind === 'alreadyPaid') throw new AppError('ORDER_STATE', '订单已支付，请稍候刷新');
      return { order: orderDetail(order, ctx.now), payment: start.payment };
    },
  }),

  cancel: action({
    input: orderInputs.cancel,
    async run({ orderId }, ctx) {
      const order = await ownOrder(orderId, ctx);
      if (order.status !== 'UNPAID') throw new AppError('ORDER_STATE', '只有待付款的订单可以取消');
      // Close the payment first: if the buyer paid meanwhile, the order must not be cancelled.
      if ((await closeTrade(order._id)) === 'paid')
        throw new AppError('ORDER_STATE', '订单已支付，不能取消');
      const cancel = { reason: 'BUYER_CANCELLED', at: ctx.now, by: ctx.openid };
      if (!(await transition(order, 'cancel', ctx.openid, ctx.now, { cancel }, 'BUYER_CANCELLED')))
        throw new AppError('ORDER_STATE');
      await releaseOrderHolds(order);
      return orderDetail({ ...order, status: 'CANCELLED', cancel }, ctx.now);
    },
  }),

  confirmReceipt: action({
    input: orderInputs.confirmReceipt,
    async run({ orderId }, ctx) {
      const order = await ownOrder(orderId, ctx);
      if (order.status !== 'SHIPPED' || !(await transition(order, 'complete', ctx.openid, ctx.now)))
        throw new AppError('ORDER_STATE');
      return orderDetail({ ...order, status: 'COMPLETED' }, ctx.now);
    },
  }),

  list: action({
    input: orderInputs.list,
    async run(
      { status, cursor = 0 },
      ctx,
    ): Promise<{ orders: OrderSummaryView[]; nextCursor: number | null }> {
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
  }),

  detail: action({
    input: orderInputs.detail,
    async run({ orderId }, ctx) {
      return orderDetail(await ownOrder(orderId, ctx), ctx.now);
    },
  }),
});
