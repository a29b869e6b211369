// Placing an order, as steps with compensations:
//   1. read the lines (with their SKUs and products) and what pricing needs, together; price on
//      the server (the quote decides what is paid); if the buyer was shown another total, stop
//      (PRICE_CHANGED) before writing anything;
//   2. record the order as CREATING, with the claims its prices need, under a number derived from
//      the buyer's request id, so a repeated submit finds the same order instead of making another;
//   3. take the claims (the buyer's own before shared quotas) with conditional updates; if one is
//      gone, give back what was taken and price again without it; if it is only held by unpaid
//      orders, stop: it may come back (CAMPAIGN_UNITS_HELD);
//   4. hold stock line by line with conditional updates; if a line runs out, everything goes back
//      (nothing was oversold);
//   5. start the payment (a total of zero needs none: the order is paid at once); if WeChat Pay
//      refuses it, the order is cancelled and everything goes back;
//   6. mark it UNPAID with its payment (15 minutes to pay, less for flash sales), empty those cart
//      lines and remember the address.
// A run that dies part-way leaves a CREATING order that the timer abandons (holds released, a
// payment that may have started closed).
import { activeInviter } from '../../domain/attribution';
import type { AddressInput, LinesInput } from '../../domain/api/inputs';
import type { CreatedOrderView } from '../../domain/api/views';
import type { Campaign, PricingFacts } from '../../domain/campaigns/types';
import { ADDRESS_BOOK_SIZE } from '../../domain/address';
import type { Address, Order, User } from '../../domain/model';
import { fen, ZERO } from '../../domain/money';
import { CANCEL_REASONS, isCancelReason, type CancelReason } from '../../domain/order-cancel';
import {
  quote,
  type Quote,
  type QuoteContext,
  type QuoteInputLine,
} from '../../domain/pricing/quote';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../../domain/result';
import { resolveLines } from '../lib/catalog/lines';
import { holdStock } from '../lib/catalog/stock';
import { reasonWhenLost, releaseClaims, takeClaims } from '../lib/claims/registry';
import { db } from '../lib/infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';
import { cancelOrder } from '../lib/order/cancel';
import { runEffects } from '../lib/order/effects/run';
import { orderIdFor, transition } from '../lib/order/transition';
import { isDefiniteFailure, startPayment } from '../lib/payments/cloud-pay';
import { addAllowances, loadPricing } from '../lib/pricing/facts';
import { fixedPriceError, fixedPriceOf } from '../lib/pricing/fixed-price';
import { takesStock } from '../../domain/presale';
import { boxCommitment } from '../lib/blindbox/draw';
import { orderDetail } from '../lib/views/order-views';

export interface PlaceOrderInput {
  lines: LinesInput;
  requestId: string;
  address: AddressInput;
  remark: string;
  coupon: string;
  expectedTotalFen?: number;
  /** Opens a group of this campaign (no groupId) or joins one. */
  group?: { campaignId: string; groupId?: string };
  /** The starter of this assist buys at the price it reached. */
  assist?: { assistId: string };
  /** A pre-sale's deposit, or its final payment. */
  presale?: { campaignId: string; step: 'DEPOSIT' | 'FINAL' };
  /** A blind box (with the buyer's age answer). */
  box?: { campaignId: string; age: 'ADULT' | 'MINOR_WITH_GUARDIAN' | 'UNDER_8' };
}

/** How many times a lost claim may send us back to re-price. */
const MAX_REPRICES = 3;

/** The order was recorded and then given up: the buyer hears why. */
class Abandoned extends AppError {}

export async function placeOrder(input: PlaceOrderInput, ctx: Context): Promise<CreatedOrderView> {
  const orderId = orderIdFor(ctx.openid, input.requestId);
  try {
    return await place(orderId, input, ctx);
  } catch (e) {
    // A repeated submit of a placed order: pricing again may fail because of that very order
    // (it holds the last stock or the new-user price), so answer with the order instead.
    if (e instanceof AppError && !(e instanceof Abandoned)) {
      const existing = await findById<Order>('orders', orderId);
      if (existing) return resume(existing, ctx);
    }
    throw e;
  }
}

async function place(
  orderId: string,
  input: PlaceOrderInput,
  ctx: Context,
): Promise<CreatedOrderView> {
  const [resolved, { campaigns, user, facts }, fixedPrice] = await Promise.all([
    resolveLines(ctx.openid, input.lines),
    loadPricing(ctx.openid, ctx.now),
    fixedPriceOf(input, ctx.openid, ctx.now),
  ]);
  const blocked = resolved.find((l) => l.problem);
  if (blocked?.problem)
    throw new AppError(
      blocked.problem.code,
      `${blocked.product?.title ?? '商品'}：${blocked.problem.message}`,
    );
  const lines = resolved.map((l) => ({ product: l.product!, sku: l.sku!, qty: l.qty }));
  await addAllowances(facts, campaigns, lines);
  const group = groupOf(input, orderId);
  const pricing = {
    lines,
    facts,
    campaigns,
    expected: input.expectedTotalFen,
    group,
    fixedPrice,
    fixedPriceError: fixedPriceError(input),
  };
  const exclude: string[] = [];
  let coupon = input.coupon;
  let priced = price(pricing, coupon, exclude);

  const order: Order = {
    _id: orderId,
    openid: ctx.openid,
    requestId: input.requestId,
    status: 'CREATING',
    source: input.lines.source,
    ...pricingFields(priced),
    address: input.address,
    remark: input.remark,
    createdAt: ctx.now,
    expiresAt: payBy(ctx.now + priced.paymentWindowMs, fixedPrice),
    refundedFen: ZERO,
    newBuyer: facts.user.isNewUser,
    ...attributionOf(user, ctx.now),
    ...(group ? { group: { ...group, state: 'WAITING' as const } } : {}),
    ...(input.presale ? { presale: presaleOf(input.presale, fixedPrice) } : {}),
    ...(input.box && fixedPrice?.orderFields?.blindBox
      ? {
          blindBox: {
            ...(fixedPrice.orderFields.blindBox as Omit<
              NonNullable<Order['blindBox']>,
              'commitment'
            >),
            commitment: await boxCommitment(orderId),
          },
        }
      : {}),
    history: [{ from: null, to: 'CREATING', at: ctx.now, by: ctx.openid }],
  };
  if (!(await insertOnce('orders', order as unknown as { _id: string })))
    return resume((await findById<Order>('orders', orderId))!, ctx);

  const knownAllowances = new Set(Object.keys(facts.allowances));
  for (let attempt = 0; ; attempt++) {
    const lost = await takeClaims(order.claims ?? [], {
      orderId,
      openid: ctx.openid,
      at: ctx.now,
      knownAllowances,
    });
    if (!lost) break;
    // Abandoning gives back everything taken (the cancelled effects); pricing again first gives
    // back what was taken here (no stock is held yet).
    const cannotDoWithout = reasonWhenLost(lost.claim);
    if (cannotDoWithout) return abandon(order, ctx, cannotDoWithout);
    if (lost.result === 'held') return abandon(order, ctx, 'CAMPAIGN_UNITS_HELD');
    let why: string | undefined;
    if (lost.claim.kind === 'COUPON') {
      if (input.coupon !== 'auto')
        return abandon(order, ctx, 'COUPON_UNAVAILABLE', '这张优惠券已被使用');
      coupon = 'none';
    } else {
      exclude.push(lost.claim.campaignId);
      const label = campaigns.find(
        (c) => lost.claim.kind === 'ALLOWANCE' && c._id === lost.claim.campaignId,
      )?.label;
      why = label && `${label}名额已被抢完`;
    }
    if (attempt >= MAX_REPRICES)
      return abandon(order, ctx, 'PRICE_CHANGED', '活动太火爆了，请稍后再试');
    await releaseClaims(order.claims ?? [], orderId);
    try {
      priced = price(pricing, coupon, exclude, why);
    } catch (e) {
      const code = (e as AppError).code;
      return abandon(
        order,
        ctx,
        isCancelReason(code) ? code : 'PRICE_CHANGED',
        (e as Error).message,
      );
    }
    Object.assign(order, pricingFields(priced), {
      expiresAt: payBy(ctx.now + priced.paymentWindowMs, fixedPrice),
    });
    await updateWhere(
      'orders',
      { _id: orderId, status: 'CREATING' },
      { ...pricingFields(priced), expiresAt: order.expiresAt },
    );
  }

  // A pre-sale's deposit takes no stock (the final payment's order does).
  const held = takesStock(order)
    ? await Promise.all(order.lines.map((l) => holdStock(l.skuId, orderId, l.qty, ctx.now)))
    : [];
  const short = takesStock(order) ? order.lines.find((_l, i) => !held[i]) : undefined;
  if (short) return abandon(order, ctx, 'OUT_OF_STOCK', `${short.title}：库存不足`);

  const payment = order.totalFen > 0 ? await startOrCancel(order, ctx) : null;
  const reserved = await transition(
    order,
    'reserve',
    ctx.openid,
    ctx.now,
    payment ? { payment: { prepayId: payment.prepayId } } : {},
  );
  if (!reserved) throw new AppError('ORDER_STATE');
  let placed: Order = {
    ...order,
    status: 'UNPAID',
    ...(payment ? { payment: { prepayId: payment.prepayId } } : {}),
  };
  if (order.totalFen === 0) placed = await completeWithoutPayment(placed, ctx);

  const addressChanged = JSON.stringify(user?.address ?? null) !== JSON.stringify(input.address);
  // The address used last becomes the default and heads the buyer's address book.
  const remembered = addressChanged
    ? { address: input.address, addresses: rememberAddress(user?.addresses ?? [], input.address) }
    : null;
  await Promise.all([
    order.source === 'cart'
      ? db
          .collection('cart_items')
          .where({ _id: _.in(order.lines.map((l) => `${ctx.openid}:${l.skuId}`)) })
          .remove()
      : null,
    remembered ? updateWhere('users', { _id: ctx.openid }, remembered) : null,
  ]);
  return { order: orderDetail(placed, ctx.now), payment: payment?.view ?? null };
}

/** The address book after using `used`: it first, no duplicates, at most ADDRESS_BOOK_SIZE. */
function rememberAddress(book: Address[], used: Address): Address[] {
  const same = (a: Address) => JSON.stringify(a) === JSON.stringify(used);
  return [used, ...book.filter((a) => !same(a))].slice(0, ADDRESS_BOOK_SIZE);
}

interface PricingInput {
  lines: QuoteInputLine[];
  facts: PricingFacts;
  campaigns: Campaign[];
  expected?: number;
  group?: QuoteContext['group'];
  fixedPrice?: QuoteContext['fixedPrice'];
  fixedPriceError?: ErrorCode;
}

/** When the order must be paid by: its window, and never after its phase ends (a pre-sale's). */
function payBy(windowEnd: number, fixed: QuoteContext['fixedPrice']): number {
  return Math.min(windowEnd, fixed?.payBy ?? Infinity);
}

/** A pre-sale order's part: the deposit (with its final-payment window) or the final payment. */
function presaleOf(
  presale: NonNullable<PlaceOrderInput['presale']>,
  fixed: QuoteContext['fixedPrice'],
): NonNullable<Order['presale']> {
  const final = fixed?.plan?.find((s) => s.code === 'FINAL');
  return {
    campaignId: presale.campaignId,
    step: presale.step,
    ...(final?.opensAt ? { finalStartsAt: final.opensAt } : {}),
    ...(final?.closesAt ? { finalEndsAt: final.closesAt } : {}),
  };
}

/** A group order's group: the one it joins, or the one it opens (its id from the order's). */
function groupOf(input: PlaceOrderInput, orderId: string): QuoteContext['group'] {
  if (!input.group) return undefined;
  if (input.lines.source !== 'buyNow')
    throw new AppError('INVALID_INPUT', '拼团商品请直接购买，不能从购物车结算');
  const { campaignId, groupId } = input.group;
  return { campaignId, groupId: groupId ?? `g-${orderId}`, leader: !groupId };
}

/** Prices the lines (pure: everything was read); refuses when the buyer was shown another total. */
function price(p: PricingInput, coupon: string, exclude: string[], why?: string): Quote {
  const priced = quote(p.lines, {
    facts: p.facts,
    campaigns: p.campaigns,
    coupon,
    exclude,
    ...(p.group ? { group: p.group } : {}),
    ...(p.fixedPrice ? { fixedPrice: p.fixedPrice } : {}),
  });
  if (priced.groupProblem) throw new AppError('GROUP_UNAVAILABLE', priced.groupProblem);
  if (priced.fixedPriceProblem)
    throw new AppError(p.fixedPriceError ?? 'PRICE_CHANGED', priced.fixedPriceProblem);
  if (priced.couponProblem) throw new AppError('COUPON_UNAVAILABLE', priced.couponProblem);
  if (p.expected !== undefined && priced.totalFen !== p.expected) {
    throw new AppError('PRICE_CHANGED', why ? `${why}，价格有变化，请确认后重新提交` : undefined, {
      totalFen: priced.totalFen,
    });
  }
  return priced;
}

function pricingFields(q: Quote) {
  return {
    lines: q.lines,
    goodsFen: q.goodsFen,
    discountFen: q.discountFen,
    shippingFen: q.shippingFen,
    totalFen: q.totalFen,
    adjustments: q.adjustments,
    claims: q.claims,
    rewards: q.rewards,
    plan: q.plan,
  };
}

/** Ends an order that could not be placed: everything it held goes back; the buyer hears why. */
async function abandon(
  order: Order,
  ctx: Context,
  reason: CancelReason,
  message?: string,
): Promise<never> {
  await cancelOrder(order, reason, { by: 'system', at: ctx.now, closePayment: false });
  throw new Abandoned(errorCodeOf(reason), message ?? ERROR_MESSAGES[errorCodeOf(reason)]);
}

function errorCodeOf(reason: string): ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, reason)
    ? (reason as ErrorCode)
    : 'ORDER_STATE';
}

/** A total of zero (coupons and free shipping) is paid at once, without WeChat Pay. */
async function completeWithoutPayment(order: Order, ctx: Context): Promise<Order> {
  const payment = { paidAt: ctx.now, paidFen: fen(0), method: 'free' as const };
  if (!(await transition(order, 'pay', 'system', ctx.now, { payment }))) return order;
  const paid: Order = { ...order, status: 'PAID', payment };
  await runEffects('paid', paid, ctx.now);
  return paid;
}

/**
 * Starts the payment. A definite refusal ends the order (everything it held goes back); with no
 * clear answer the order stays payable from the order page.
 */
async function startOrCancel(order: Order, ctx: Context) {
  try {
    const start = await startPayment(order);
    return start.kind === 'started' ? { prepayId: start.prepayId, view: start.payment } : null;
  } catch (e) {
    if (!isDefiniteFailure(e)) return null;
    await cancelOrder(order, 'PAYMENT_FAILED', { by: 'system', at: ctx.now, closePayment: false });
    throw new Abandoned('PAYMENT_FAILED', (e as Error).message);
  }
}

/** A repeated submit: answer with the order the first one made (or why it was not placed). */
async function resume(order: Order, ctx: Context): Promise<CreatedOrderView> {
  if (order.openid !== ctx.openid) throw new AppError('ORDER_NOT_FOUND');
  if (order.status === 'CREATING') throw new AppError('ORDER_PROCESSING');
  if (order.abandoned && order.cancel) {
    const reason = order.cancel.reason;
    throw new AppError(
      errorCodeOf(reason),
      isCancelReason(reason) ? CANCEL_REASONS[reason].text : undefined,
    );
  }
  const canPay = order.status === 'UNPAID' && ctx.now < order.expiresAt && order.totalFen > 0;
  let payment: CreatedOrderView['payment'] = null;
  if (canPay) {
    // The same order number gets the same prepay; a failure here never cancels (they may have paid).
    try {
      const start = await startPayment(order);
      if (start.kind === 'started') payment = start.payment;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
  }
  return { order: orderDetail(order, ctx.now), payment };
}

/** Who had brought the buyer when the order is placed (their live binding), and their channel. */
function attributionOf(user: User | null, at: number): Pick<Order, 'inviterId' | 'channel'> {
  // A binding not yet checked for a cycle (a crash came between) names no one until it is.
  const inviterId = user?.binding?.unchecked ? null : activeInviter(user?.binding, at);
  return {
    ...(inviterId ? { inviterId } : {}),
    ...(user?.channel ? { channel: user.channel } : {}),
  };
}
