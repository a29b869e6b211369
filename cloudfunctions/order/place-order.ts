// Placing an order, as steps with compensations:
//   1. price the lines on the server (the quote is all that decides what is paid);
//   2. record the order as CREATING under a number derived from the buyer's request id, so a
//      repeated submit finds the same order instead of making another;
//   3. hold stock line by line with conditional updates; if a line runs out, give back what was
//      held and end the order (the stock was never oversold);
//   4. mark it UNPAID (expiring in 15 minutes) and empty those lines from the cart;
//   5. start the payment; if that fails, cancel the order and give its stock back.
// A run that dies part-way leaves a CREATING order that the timer abandons (holds released).
import type { AddressInput, LinesInput } from '../../domain/api/inputs';
import type { CreatedOrderView } from '../../domain/api/views';
import type { Order } from '../../domain/model';
import { ZERO } from '../../domain/money';
import { UNPAID_TIMEOUT_MS } from '../../domain/order-status';
import { quote } from '../../domain/pricing/quote';
import { AppError } from '../../domain/result';
import { db } from '../lib/cloud';
import { _, findById, insertOnce, updateWhere } from '../lib/db';
import { resolveLines } from '../lib/lines';
import { orderDetail } from '../lib/order-views';
import { orderIdFor, releaseOrderStock, transition } from '../lib/orders';
import { startPayment } from '../lib/payments';
import type { Context } from '../lib/router';
import { holdStock } from '../lib/stock';

export interface PlaceOrderInput {
  lines: LinesInput;
  requestId: string;
  address: AddressInput;
  remark: string;
}

export async function placeOrder(input: PlaceOrderInput, ctx: Context): Promise<CreatedOrderView> {
  const orderId = orderIdFor(ctx.openid, input.requestId);
  const existing = await findById<Order>('orders', orderId);
  if (existing) return resume(existing, ctx);

  const resolved = await resolveLines(ctx.openid, input.lines);
  const blocked = resolved.find((l) => l.problem);
  if (blocked?.problem)
    throw new AppError(
      blocked.problem.code,
      `${blocked.product?.title ?? '商品'}：${blocked.problem.message}`,
    );
  const priced = quote(resolved.map((l) => ({ product: l.product!, sku: l.sku!, qty: l.qty })));

  const order: Order = {
    _id: orderId,
    openid: ctx.openid,
    requestId: input.requestId,
    status: 'CREATING',
    source: input.lines.source,
    lines: priced.lines,
    goodsFen: priced.goodsFen,
    discountFen: priced.discountFen,
    shippingFen: priced.shippingFen,
    totalFen: priced.totalFen,
    adjustments: priced.adjustments,
    address: input.address,
    remark: input.remark,
    createdAt: ctx.now,
    expiresAt: ctx.now + UNPAID_TIMEOUT_MS,
    refundedFen: ZERO,
    history: [{ from: null, to: 'CREATING', at: ctx.now, by: ctx.openid }],
  };
  if (!(await insertOnce('orders', order as unknown as { _id: string }))) {
    return resume((await findById<Order>('orders', orderId))!, ctx);
  }

  for (const line of order.lines) {
    if (!(await holdStock(line.skuId, order._id, line.qty, ctx.now))) {
      await releaseOrderStock(order);
      const cancel = { reason: 'OUT_OF_STOCK', at: ctx.now, by: 'system' };
      await transition(
        order,
        'abandon',
        'system',
        ctx.now,
        { cancel, abandoned: true },
        'OUT_OF_STOCK',
      );
      throw new AppError('OUT_OF_STOCK', `${line.title}：库存不足`);
    }
  }
  if (!(await transition(order, 'reserve', ctx.openid, ctx.now))) throw new AppError('ORDER_STATE');
  const unpaid: Order = { ...order, status: 'UNPAID' };

  if (order.source === 'cart') {
    await db
      .collection('cart_items')
      .where({ _id: _.in(order.lines.map((l) => `${ctx.openid}:${l.skuId}`)) })
      .remove();
  }
  await updateWhere('users', { _id: ctx.openid }, { address: input.address });
  return { order: orderDetail(unpaid, ctx.now), payment: await paymentOrCancel(unpaid, ctx) };
}

/** A repeated submit: answer with the order the first one made (or its failure). */
async function resume(order: Order, ctx: Context): Promise<CreatedOrderView> {
  if (order.openid !== ctx.openid) throw new AppError('ORDER_NOT_FOUND');
  if (order.status === 'CREATING') throw new AppError('ORDER_PROCESSING');
  if (order.status === 'CANCELLED' && order.cancel?.reason === 'OUT_OF_STOCK')
    throw new AppError('OUT_OF_STOCK');
  const canPay = order.status === 'UNPAID' && ctx.now < order.expiresAt;
  return {
    order: orderDetail(order, ctx.now),
    payment: canPay ? await paymentOrCancel(order, ctx) : null,
  };
}

async function paymentOrCancel(order: Order, ctx: Context) {
  try {
    const { payment, prepayId } = await startPayment(order);
    await updateWhere('orders', { _id: order._id }, { payment: { prepayId } });
    return payment;
  } catch (e) {
    if (
      await transition(
        order,
        'cancel',
        'system',
        ctx.now,
        { cancel: { reason: 'PAYMENT_FAILED', at: ctx.now, by: 'system' } },
        'PAYMENT_FAILED',
      )
    ) {
      await releaseOrderStock(order);
    }
    throw e;
  }
}
