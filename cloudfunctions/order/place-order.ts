// Placing an order, as steps with compensations:
//   1. price the lines on the server with the active campaigns (the quote decides what is paid);
//      if the buyer was shown another total, stop (PRICE_CHANGED) before writing anything;
//   2. record the order as CREATING under a number derived from the buyer's request id, so a
//      repeated submit finds the same order instead of making another;
//   3. take the campaign claims (quota, per-user limits, the coupon) with conditional updates;
//      if one is gone, give back what was taken and price again without it;
//   4. hold stock line by line with conditional updates; if a line runs out, give back
//      everything held and end the order (nothing was oversold);
//   5. mark it UNPAID (15 minutes to pay, less for flash sales), empty those cart lines;
//   6. start the payment; if WeChat Pay refuses it, cancel the order and give everything back.
// A run that dies part-way leaves a CREATING order that the timer abandons (holds released).
import type { AddressInput, LinesInput } from '../../domain/api/inputs';
import type { CreatedOrderView } from '../../domain/api/views';
import type { Campaign, Claim } from '../../domain/campaigns/types';
import type { Order } from '../../domain/model';
import { ZERO } from '../../domain/money';
import type { Quote } from '../../domain/pricing/quote';
import { AppError } from '../../domain/result';
import { releaseClaims, takeClaim } from '../lib/claims/claims';
import { db } from '../lib/infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../lib/infra/db';
import { resolveLines, type ResolvedLine } from '../lib/catalog/lines';
import { orderDetail } from '../lib/views/order-views';
import { orderIdFor, releaseOrderHolds, transition } from '../lib/order/transition';
import { isDefiniteFailure, startPayment } from '../lib/payments/cloud-pay';
import { activeCampaigns, quoteFor } from '../lib/pricing/facts';
import type { Context } from '../lib/infra/router';
import { holdStock } from '../lib/catalog/stock';

export interface PlaceOrderInput {
  lines: LinesInput;
  requestId: string;
  address: AddressInput;
  remark: string;
  coupon: string;
  expectedTotalFen?: number;
}

/** How many times a lost claim may send us back to re-price. */
const MAX_REPRICES = 3;

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
  const campaigns = await activeCampaigns(ctx.now);
  const exclude: string[] = [];
  let coupon = input.coupon;
  let priced = await price(resolved, input, ctx, campaigns, coupon, exclude);

  const order: Order = {
    _id: orderId,
    openid: ctx.openid,
    requestId: input.requestId,
    status: 'CREATING',
    source: input.lines.source,
    ...pricing(priced),
    address: input.address,
    remark: input.remark,
    createdAt: ctx.now,
    expiresAt: ctx.now + priced.paymentWindowMs,
    refundedFen: ZERO,
    history: [{ from: null, to: 'CREATING', at: ctx.now, by: ctx.openid }],
  };
  if (!(await insertOnce('orders', order as unknown as { _id: string }))) {
    return resume((await findById<Order>('orders', orderId))!, ctx);
  }

  for (let attempt = 0; ; attempt++) {
    const lost = await takeClaims(order, priced.claims, ctx);
    if (!lost) break;
    // Someone else took the last of it: give ours back and price without it.
    await releaseClaims(order._id, priced.claims); // no stock is held yet
    if (lost.kind === 'COUPON') {
      if (input.coupon !== 'auto')
        return abandon(order, ctx, 'COUPON_UNAVAILABLE', '这张优惠券已被使用');
      coupon = 'none';
    } else exclude.push(lost.campaignId);
    const label = campaigns.find(
      (c) => lost.kind === 'ALLOWANCE' && c._id === lost.campaignId,
    )?.label;
    if (attempt >= MAX_REPRICES)
      return abandon(order, ctx, 'PRICE_CHANGED', '活动太火爆了，请稍后再试');
    try {
      priced = await price(
        resolved,
        input,
        ctx,
        campaigns,
        coupon,
        exclude,
        label ? `${label}名额已被抢完` : undefined,
      );
    } catch (e) {
      return abandon(order, ctx, (e as AppError).code ?? 'PRICE_CHANGED', (e as Error).message);
    }
    Object.assign(order, pricing(priced), { expiresAt: ctx.now + priced.paymentWindowMs });
    await updateWhere(
      'orders',
      { _id: order._id, status: 'CREATING' },
      { ...pricing(priced), expiresAt: order.expiresAt },
    );
  }

  for (const line of order.lines) {
    if (!(await holdStock(line.skuId, order._id, line.qty, ctx.now))) {
      return abandon(order, ctx, 'OUT_OF_STOCK', `${line.title}：库存不足`);
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
  return { order: orderDetail(unpaid, ctx.now), payment: await startOrCancel(unpaid, ctx, true) };
}

/** Prices the lines; refuses when the buyer was shown a different total. */
async function price(
  resolved: ResolvedLine[],
  input: PlaceOrderInput,
  ctx: Context,
  campaigns: Campaign[],
  coupon: string,
  exclude: string[],
  why?: string,
): Promise<Quote> {
  const lines = resolved.map((l) => ({ product: l.product!, sku: l.sku!, qty: l.qty }));
  const { quote } = await quoteFor(ctx.openid, ctx.now, lines, { campaigns, coupon, exclude });
  if (quote.couponProblem) throw new AppError('COUPON_UNAVAILABLE', quote.couponProblem);
  if (input.expectedTotalFen !== undefined && quote.totalFen !== input.expectedTotalFen) {
    throw new AppError('PRICE_CHANGED', why ? `${why}，价格有变化，请确认后重新提交` : undefined, {
      totalFen: quote.totalFen,
    });
  }
  return quote;
}

function pricing(q: Quote) {
  return {
    lines: q.lines,
    goodsFen: q.goodsFen,
    discountFen: q.discountFen,
    shippingFen: q.shippingFen,
    totalFen: q.totalFen,
    adjustments: q.adjustments,
    claims: q.claims,
    rewards: q.rewards,
  };
}

/** Takes every claim; returns the first that could not be taken (after giving the rest back). */
async function takeClaims(order: Order, claims: Claim[], ctx: Context): Promise<Claim | null> {
  // Record what we are about to take first, so a crash leaves something the timer can release.
  await updateWhere('orders', { _id: order._id, status: 'CREATING' }, { claims });
  for (const claim of claims)
    if (!(await takeClaim(order._id, ctx.openid, claim, ctx.now))) return claim;
  return null;
}

/** Ends an order that could not be placed: everything it held goes back; the buyer hears why. */
async function abandon(
  order: Order,
  ctx: Context,
  code: AppError['code'],
  message: string,
): Promise<never> {
  await releaseOrderHolds(order);
  const cancel = { reason: code, at: ctx.now, by: 'system' };
  await transition(order, 'abandon', 'system', ctx.now, { cancel, abandoned: true }, code);
  throw new AppError(code, message);
}

/** A repeated submit: answer with the order the first one made (or its failure). */
async function resume(order: Order, ctx: Context): Promise<CreatedOrderView> {
  if (order.openid !== ctx.openid) throw new AppError('ORDER_NOT_FOUND');
  if (order.status === 'CREATING') throw new AppError('ORDER_PROCESSING');
  if (order.abandoned && order.cancel) throw new AppError(order.cancel.reason as AppError['code']);
  const canPay = order.status === 'UNPAID' && ctx.now < order.expiresAt;
  return {
    order: orderDetail(order, ctx.now),
    payment: canPay ? await startOrCancel(order, ctx, false) : null,
  };
}

/**
 * Starts the payment. Only a definite refusal on the first try ends the order (everything it held
 * goes back); otherwise it stays unpaid and the buyer can pay from the order page. A repeated
 * submit never cancels: the buyer may have paid already.
 */
async function startOrCancel(
  order: Order,
  ctx: Context,
  firstTry: boolean,
): Promise<CreatedOrderView['payment']> {
  try {
    const start = await startPayment(order);
    if (start.kind === 'alreadyPaid') return null;
    await updateWhere('orders', { _id: order._id }, { payment: { prepayId: start.prepayId } });
    return start.payment;
  } catch (e) {
    if (!firstTry || !isDefiniteFailure(e)) return null;
    const cancel = { reason: 'PAYMENT_FAILED', at: ctx.now, by: 'system' };
    if (await transition(order, 'cancel', 'system', ctx.now, { cancel }, 'PAYMENT_FAILED'))
      await releaseOrderHolds(order);
    throw e;
  }
}
