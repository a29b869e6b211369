// The pricing engine: server prices from stored SKUs, then the active campaigns in layers, then
// shipping. The order path uses this quote and nothing else to decide what the buyer pays.
//
// Stacking, in order:
//   1. special price (SPECIAL_PRICE: 新人价, 秒杀价, 试用价...): per line the one saving most;
//      special prices exclude each other and the member layer, and apply to as many units as
//      the campaign's limits allow (the rest of the line stays at list price);
//   2. member discount (TIER_DISCOUNT, PERCENT_OFF_LINES such as 复购8折): per line without a
//      special price, the one saving most; member discounts exclude each other;
//   3. order discount (AMOUNT_OFF_ORDER with MIN_SPEND: 满减): the best one;
//   4. coupon: one per order, its threshold measured after layers 1-2;
//   5. shipping: flat fee below the free threshold, waived by FREE_SHIPPING on a used campaign.
// Ties go to the campaign with the higher priority, then the smaller id, so the result does not
// depend on the order of lines or campaigns. A group order (context.group) is priced by its
// group-buying campaign alone, whose special price is the first tier's; other orders never use
// group-buying campaigns.
import { UNPAID_TIMEOUT_MS } from '../order-status';
import { ZERO, addFen, fen, mulFen, splitProportionally, type Fen } from '../money';
import type { Adjustment, OrderLine, Product, Sku } from '../model';
import {
  actionRule,
  conditionRule,
  endsAtFirstPayment,
  groupRule,
  needsFixedPrice,
  percentOff,
  userConditionsPass,
  type AllowanceRef,
  type RuleLine,
} from '../campaigns/rules';
import type { Campaign, Claim, GroupSeatClaim, PricingFacts, Reward } from '../campaigns/types';
import { SHIPPING_RULE } from './shipping';

/** Flat-rate shipping, free from a goods amount (its own module: the cart page uses it alone). */
export { SHIPPING_RULE };

export interface QuoteInputLine {
  product: Product;
  sku: Sku;
  qty: number;
}

/** A priced line: what an order stores for it. */
export type QuotedLine = OrderLine;

export interface CouponOption {
  id: string;
  title: string;
  /** What the coupon is worth as issued: its amount, or its percentage off. */
  face: { amountFen: Fen } | { percentOff: number };
  /** What it takes off this order (never more than the goods it applies to). */
  savingFen: Fen;
  thresholdFen: Fen;
  validUntil: number;
  /** The cart meets its threshold and products. */
  usable: boolean;
}

export interface Quote {
  lines: QuotedLine[];
  goodsFen: Fen;
  discountFen: Fen;
  shippingFen: Fen;
  totalFen: Fen;
  adjustments: Adjustment[];
  /** Limited resources the order must take to get these prices (quota, limits, a coupon). */
  claims: Claim[];
  /** Given after payment. */
  rewards: Reward[];
  /** How long the order may stay unpaid. */
  paymentWindowMs: number;
  /** How the buyer pays: one step due now (totalFen), and any later ones (e.g. a final payment). */
  plan: PaymentStep[];
  couponId: string | null;
  coupons: CouponOption[];
  /** Set when the asked-for coupon cannot be used on this cart. */
  couponProblem?: string;
  /** Set when the order cannot open or join the asked-for group (campaign over, SKU not in it). */
  groupProblem?: string;
  /** Set when the fixed price cannot be used (campaign over, another SKU or quantity). */
  fixedPriceProblem?: string;
}

/**
 * One payment of a plan. An ordinary order is one step, the whole total now; a pre-sale's deposit
 * order pays the deposit now and shows the final payment due later.
 */
export interface PaymentStep {
  code: 'FULL' | 'DEPOSIT' | 'FINAL';
  label: string;
  amountFen: Fen;
  /** Paid by this order now; the other steps are paid later (by another order). */
  dueNow: boolean;
  /** When a later step can be paid. */
  opensAt?: number;
  closesAt?: number;
}

export interface QuoteContext {
  facts: PricingFacts;
  campaigns: Campaign[];
  /** 'auto' (default) picks the best usable coupon; 'none' uses none; otherwise a coupon id. */
  coupon?: 'auto' | 'none' | string;
  /** Campaigns to leave out (e.g. one whose limit ran out while ordering). */
  exclude?: string[];
  /**
   * The order opens (leader) or joins a group of this group-buying campaign: it is priced by that
   * campaign alone (no coupon, no other campaign) and claims the seat. Without it, group-buying
   * campaigns price nothing.
   */
  group?: { campaignId: string; groupId: string; leader: boolean };
  /**
   * One unit of one SKU at a price the server worked out from a document of the campaign's (an
   * assist's price reached, a pre-sale's deposit or final payment): priced by that alone (no
   * coupon, no other campaign), with the claim on that document and, for a pre-sale, its plan.
   * Without it, campaigns whose rules need one (friend assists, pre-sales) price nothing.
   */
  fixedPrice?: FixedPrice;
}

export interface FixedPrice {
  campaignId: string;
  skuId: string;
  priceFen: Fen;
  claims: Claim[];
  /** Fields the order keeps from it (a blind box's fixed odds). */
  orderFields?: Record<string, unknown>;
  /** The payment plan (a pre-sale's deposit and final payment); the total is the step due now. */
  plan?: PaymentStep[];
  /** Nothing ships with this order (a deposit): no shipping fee. */
  noShipping?: boolean;
  /** The order must be paid by then (a pre-sale's phase ends), whatever its payment window. */
  payBy?: number;
}

export function specText(product: Pick<Product, 'specs'>, sku: Pick<Sku, 'specValues'>): string {
  return product.specs
    .map((_, i) => sku.specValues[i])
    .filter(Boolean)
    .join(' / ');
}

const NO_FACTS: PricingFacts = {
  now: 0,
  user: {
    openid: '',
    isNewUser: false,
    paidOrderCount: 0,
    paidTotalFen: ZERO,
    purchasedProductIds: [],
  },
  allowances: {},
  coupons: [],
};

interface Draft extends QuotedLine {
  special: boolean;
  used: Campaign[];
}

export function quote(
  input: QuoteInputLine[],
  context: QuoteContext = { facts: NO_FACTS, campaigns: [] },
): Quote {
  const { facts } = context;
  const excluded = new Set(context.exclude ?? []);
  const active = context.campaigns
    .filter(
      (c) =>
        c.status === 'ACTIVE' &&
        c.startsAt <= facts.now &&
        facts.now < c.endsAt &&
        !excluded.has(c._id),
    )
    .filter((c) => userConditionsPass(c, facts))
    .filter((c) =>
      context.group
        ? c._id === context.group.campaignId
        : context.fixedPrice
          ? c._id === context.fixedPrice.campaignId
          : !groupRule(c) && !needsFixedPrice(c),
    )
    .sort(byPreference);
  const remaining = new Map<string, number>();
  const allowanceClaims = new Map<string, Extract<Claim, { kind: 'ALLOWANCE' }>>();

  // Lines are priced in SKU order so limited units go to the same lines whatever the cart order.
  const drafts: Draft[] = input.map(({ product, sku, qty }) => ({
    skuId: sku._id,
    productId: product._id,
    title: product.title,
    specText: specText(product, sku),
    image: product.images[0] ?? '',
    qty,
    unitPriceFen: sku.priceFen,
    amountFen: mulFen(sku.priceFen, qty),
    adjustments: [],
    special: false,
    used: [],
  }));
  const ordered = [...drafts].sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));

  const fixed = context.fixedPrice ? applyFixedPrice(drafts, context.fixedPrice, active) : null;
  if (!context.fixedPrice)
    for (const line of ordered) {
      applySpecialPrice(line, active, facts, remaining, allowanceClaims);
      if (!line.special) applyMemberDiscount(line, active, facts);
    }

  const orderAdjustments: Adjustment[] = [];
  let payable = addFen(...drafts.map((l) => l.amountFen));
  const orderCampaign = bestOrderDiscount(active, payable);
  if (orderCampaign) {
    orderAdjustments.push({
      code: orderCampaign.campaign.kind,
      label: orderCampaign.campaign.label,
      amountFen: fen(-orderCampaign.offFen),
      campaignId: orderCampaign.campaign._id,
    });
    payable = fen(payable - orderCampaign.offFen);
  }

  const usedCampaigns = uniqueCampaigns([
    ...drafts.flatMap((l) => l.used),
    ...(orderCampaign ? [orderCampaign.campaign] : []),
  ]);
  const freeShipping = usedCampaigns.some((c) =>
    c.actions.some((a) => actionRule(a.code).layer === 'shipping'),
  );
  const shippingFor = (goods: Fen) =>
    drafts.length === 0 ||
    freeShipping ||
    context.fixedPrice?.noShipping ||
    goods >= SHIPPING_RULE.freeFromFen
      ? ZERO
      : SHIPPING_RULE.feeFen;

  const exclusive = !!(context.group || context.fixedPrice);
  const coupons = exclusive ? [] : couponOptions(facts, drafts, payable);
  const wanted = exclusive ? 'none' : (context.coupon ?? 'auto');
  let chosen: CouponOption | undefined;
  let couponProblem: string | undefined;
  if (wanted === 'auto') {
    // The coupon that leaves the least to pay, shipping included (a coupon can push the goods
    // under the free-shipping threshold), and none when no coupon beats paying without one.
    // Among equal totals, the one that wastes the least of its face value. A coupon that would
    // waste most of its value here (a ¥5 coupon on a ¥1 item) is kept for a later order: the
    // buyer can still pick it.
    const totalWith = (c: CouponOption) =>
      payable - c.savingFen + shippingFor(fen(payable - c.savingFen));
    const best = coupons
      .filter((c) => c.usable && !mostlyWasted(c))
      .sort((a, b) => totalWith(a) - totalWith(b) || wasteOf(a) - wasteOf(b))[0];
    if (best && totalWith(best) < payable + shippingFor(payable)) chosen = best;
  } else if (wanted !== 'none') {
    chosen = coupons.find((c) => c.id === wanted && c.usable);
    if (!chosen) couponProblem = '这张优惠券不能用于当前商品';
  }
  if (chosen) {
    orderAdjustments.push({
      code: 'COUPON',
      label: `优惠券·${chosen.title}`,
      amountFen: fen(-chosen.savingFen),
      couponId: chosen.id,
    });
    payable = fen(payable - chosen.savingFen);
  }

  const shippingFen = shippingFor(payable);
  const windows = usedCampaigns.flatMap((c) =>
    c.actions
      .map((a) => actionRule(a.code).paymentWindowMs?.(a.args))
      .filter((ms): ms is number => !!ms),
  );
  const goodsFen = addFen(...drafts.map((l) => mulFen(l.unitPriceFen, l.qty)));
  const totalFen = addFen(payable, shippingFen);
  const seat = context.group ? groupSeat(context.group, active, drafts) : null;

  return {
    lines: drafts.map(({ special: _s, used: _u, ...line }) => line),
    goodsFen,
    discountFen: fen(goodsFen - payable),
    shippingFen,
    totalFen,
    adjustments: orderAdjustments,
    claims: [
      ...allowanceClaims.values(),
      ...(chosen ? [{ kind: 'COUPON' as const, couponId: chosen.id }] : []),
      ...(seat && 'claim' in seat ? [seat.claim] : []),
      ...(fixed && 'claims' in fixed ? fixed.claims : []),
    ],
    rewards: rewardsFor(active, drafts, facts, payable, orderAdjustments),
    paymentWindowMs: Math.min(UNPAID_TIMEOUT_MS, ...windows),
    plan: context.fixedPrice?.plan
      ? context.fixedPrice.plan.map((s) => (s.dueNow ? { ...s, amountFen: totalFen } : s))
      : paymentPlan(usedCampaigns, totalFen, facts.now),
    couponId: chosen?.id ?? null,
    coupons,
    ...(couponProblem ? { couponProblem } : {}),
    ...(seat && 'problem' in seat ? { groupProblem: seat.problem } : {}),
    ...(fixed && 'problem' in fixed ? { fixedPriceProblem: fixed.problem } : {}),
  };
}

/** The fixed price on its one line (one unit of its SKU), and its claim. */
function applyFixedPrice(
  drafts: Draft[],
  fixed: FixedPrice,
  active: Campaign[],
): { claims: Claim[] } | { problem: string } {
  const campaign = active.find((c) => c._id === fixed.campaignId);
  if (!campaign || !needsFixedPrice(campaign)) return { problem: '活动已结束' };
  const [line] = drafts;
  if (drafts.length !== 1 || line.skuId !== fixed.skuId || line.qty !== 1)
    return { problem: '活动价仅限该商品 1 件' };
  const offFen = fen(line.amountFen - fixed.priceFen);
  line.amountFen = fixed.priceFen;
  line.adjustments.push({
    code: campaign.kind,
    label: campaign.label,
    amountFen: fen(-offFen),
    campaignId: campaign._id,
  });
  line.special = true;
  line.used.push(campaign);
  return { claims: fixed.claims };
}

/** The seat a group order claims: one line, priced by the group's campaign. */
function groupSeat(
  group: NonNullable<QuoteContext['group']>,
  active: Campaign[],
  drafts: Draft[],
): { claim: GroupSeatClaim } | { problem: string } {
  const campaign = active.find((c) => c._id === group.campaignId);
  const rule = campaign && groupRule(campaign);
  if (!campaign || !rule) return { problem: '拼团活动已结束' };
  const [line] = drafts;
  const tiers = line && rule.tiersFor(line.skuId);
  if (drafts.length !== 1 || !tiers || !line.used.some((c) => c._id === campaign._id))
    return { problem: '该规格不参加拼团' };
  // Every unit at the group's price (a per-user limit may leave some at the list price).
  if (line.amountFen !== tiers[0].priceFen * line.qty) return { problem: '超出拼团限购数量' };
  return {
    claim: {
      kind: 'GROUP_SEAT',
      campaignId: campaign._id,
      groupId: group.groupId,
      leader: group.leader,
      qty: line.qty,
      skuId: line.skuId,
      firstPriceFen: tiers[0].priceFen,
      ...(group.leader
        ? {
            opens: {
              productId: line.productId,
              skuId: line.skuId,
              title: line.title,
              image: line.image,
              tiers,
              lifetimeMs: rule.lifetimeMs,
              campaignEndsAt: campaign.endsAt,
            },
          }
        : {}),
    },
  };
}

function ruleLine(line: Draft): RuleLine {
  return {
    skuId: line.skuId,
    productId: line.productId,
    unitPriceFen: line.unitPriceFen,
    qty: line.qty,
    amountFen: line.amountFen,
  };
}

function lineConditionsPass(campaign: Campaign, facts: PricingFacts, line: RuleLine): boolean {
  return campaign.conditions.every(
    (r) =>
      conditionRule(r.code).scope !== 'line' || conditionRule(r.code).test!(r.args, facts, line),
  );
}

/** The allowances a campaign's limits use for a line, each marked shared (a quota) or not. */
function limitsFor(campaign: Campaign, facts: PricingFacts, line: RuleLine) {
  const out: (AllowanceRef & { shared: boolean })[] = [];
  for (const r of campaign.conditions) {
    const limit = conditionRule(r.code).limit;
    if (limit)
      out.push({ ...limit.allowance(r.args, facts, campaign, line), shared: limit.shared });
  }
  return out;
}

/**
 * Units an allowance still allows in this quote: what is left (a key never used starts full),
 * for a shared quota also what unpaid orders hold, less what earlier lines of this quote took.
 */
function unitsLeft(
  allowance: AllowanceRef & { shared: boolean },
  facts: PricingFacts,
  remaining: Map<string, number>,
): number {
  const known = remaining.get(allowance.key);
  if (known !== undefined) return known;
  const left = facts.allowances[allowance.key] ?? allowance.initial;
  return allowance.shared ? left + (facts.heldUnits?.[allowance.key] ?? 0) : left;
}

/** How many of the line's units the campaign's limits still allow, and the allowances involved. */
function allowedUnits(
  campaign: Campaign,
  facts: PricingFacts,
  line: RuleLine,
  remaining: Map<string, number>,
) {
  let units = line.qty;
  const allowances = limitsFor(campaign, facts, line);
  for (const allowance of allowances)
    units = Math.min(units, Math.max(0, unitsLeft(allowance, facts, remaining)));
  return { units, allowances };
}

function applySpecialPrice(
  line: Draft,
  active: Campaign[],
  facts: PricingFacts,
  remaining: Map<string, number>,
  claims: Map<string, Extract<Claim, { kind: 'ALLOWANCE' }>>,
): void {
  const subject = ruleLine(line);
  let best: {
    campaign: Campaign;
    units: number;
    savingFen: number;
    allowances: (AllowanceRef & { shared: boolean })[];
  } | null = null;
  for (const campaign of active) {
    const prices = campaign.actions
      .map((a) => actionRule(a.code).specialPrice?.(a.args, subject))
      .filter((p): p is Fen => p !== null && p !== undefined && p < line.unitPriceFen);
    if (prices.length === 0 || !lineConditionsPass(campaign, facts, subject)) continue;
    const { units, allowances } = allowedUnits(campaign, facts, subject, remaining);
    if (units <= 0) continue;
    const savingFen = (line.unitPriceFen - Math.min(...prices)) * units;
    if (!best || savingFen > best.savingFen) best = { campaign, units, savingFen, allowances };
  }
  if (!best) return;
  line.amountFen = fen(line.amountFen - best.savingFen);
  line.adjustments.push({
    code: best.campaign.kind,
    label: best.campaign.label,
    amountFen: fen(-best.savingFen),
    campaignId: best.campaign._id,
  });
  line.special = true;
  line.used.push(best.campaign);
  for (const allowance of best.allowances) {
    remaining.set(allowance.key, unitsLeft(allowance, facts, remaining) - best.units);
    const claim = claims.get(allowance.key);
    if (claim) claim.qty += best.units;
    else
      claims.set(allowance.key, {
        kind: 'ALLOWANCE',
        key: allowance.key,
        qty: best.units,
        initial: allowance.initial,
        campaignId: best.campaign._id,
        shared: allowance.shared,
        ...(endsAtFirstPayment(best.campaign) ? { newUserOnly: true } : {}),
      });
  }
}

function applyMemberDiscount(line: Draft, active: Campaign[], facts: PricingFacts): void {
  const subject = ruleLine(line);
  let best: { campaign: Campaign; offFen: number; label: string } | null = null;
  for (const campaign of active) {
    if (!lineConditionsPass(campaign, facts, subject)) continue;
    for (const a of campaign.actions) {
      const result = actionRule(a.code).lineDiscount?.(a.args, facts, subject);
      if (result && result.offFen > 0 && (!best || result.offFen > best.offFen))
        best = { campaign, offFen: result.offFen, label: result.label ?? campaign.label };
    }
  }
  if (!best) return;
  const offFen = Math.min(best.offFen, line.amountFen);
  line.amountFen = fen(line.amountFen - offFen);
  line.adjustments.push({
    code: best.campaign.kind,
    label: best.label,
    amountFen: fen(-offFen),
    campaignId: best.campaign._id,
  });
  line.used.push(best.campaign);
}

function bestOrderDiscount(
  active: Campaign[],
  payable: Fen,
): { campaign: Campaign; offFen: number } | null {
  let best: { campaign: Campaign; offFen: number } | null = null;
  for (const campaign of active) {
    const ok = campaign.conditions.every(
      (r) =>
        conditionRule(r.code).scope !== 'order' ||
        conditionRule(r.code).testAmount!(r.args, payable),
    );
    if (!ok) continue;
    for (const a of campaign.actions) {
      const off = actionRule(a.code).orderDiscount?.(a.args, payable) ?? 0;
      if (off > 0 && (!best || off > best.offFen))
        best = { campaign, offFen: Math.min(off, payable) };
    }
  }
  return best;
}

/** The part of an amount coupon's face value this order would not use. */
function wasteOf(c: CouponOption): number {
  return 'amountFen' in c.face ? c.face.amountFen - c.savingFen : 0;
}

/** An amount coupon this order would use less than half of. */
function mostlyWasted(c: CouponOption): boolean {
  return wasteOf(c) * 2 > ('amountFen' in c.face ? c.face.amountFen : 0);
}

/** The user's coupons valid now, best first, each marked usable on this cart or not. */
function couponOptions(facts: PricingFacts, lines: Draft[], payable: Fen): CouponOption[] {
  return facts.coupons
    .filter((c) => c.status === 'UNUSED' && c.validFrom <= facts.now && facts.now < c.validUntil)
    .map((c) => {
      const applicable = addFen(
        ...lines
          .filter((l) => !c.productIds?.length || c.productIds.includes(l.productId))
          .map((l) => l.amountFen),
      );
      const raw =
        c.discount.type === 'AMOUNT'
          ? c.discount.amountFen
          : percentOff(applicable, c.discount.percentOff);
      const savingFen = fen(Math.min(raw, applicable, payable));
      return {
        id: c._id,
        title: c.title,
        face:
          c.discount.type === 'AMOUNT'
            ? { amountFen: c.discount.amountFen }
            : { percentOff: c.discount.percentOff },
        savingFen,
        thresholdFen: c.thresholdFen,
        validUntil: c.validUntil,
        usable: applicable >= c.thresholdFen && savingFen > 0 && applicable > 0,
      };
    })
    .sort(
      (a, b) =>
        Number(b.usable) - Number(a.usable) ||
        b.savingFen - a.savingFen ||
        a.validUntil - b.validUntil ||
        (a.id < b.id ? -1 : 1),
    );
}

/**
 * Rewards (e.g. full-return coupons) are worth what the line actually paid: its share of the
 * order discount and coupon is taken off, so a line paid with a return coupon earns nothing new.
 */
function rewardsFor(
  active: Campaign[],
  lines: Draft[],
  facts: PricingFacts,
  payable: Fen,
  orderAdjustments: Adjustment[],
): Reward[] {
  const orderOff = -orderAdjustments.reduce((sum, a) => sum + a.amountFen, 0);
  const shares = splitProportionally(
    fen(orderOff),
    lines.map((l) => l.amountFen),
  );
  const paid = new Map(lines.map((l, i) => [l.skuId, fen(l.amountFen - shares[i])]));
  const rewards: Reward[] = [];
  for (const campaign of active) {
    const orderOk = campaign.conditions.every(
      (r) =>
        conditionRule(r.code).scope !== 'order' ||
        conditionRule(r.code).testAmount!(r.args, payable),
    );
    if (!orderOk) continue;
    for (const a of campaign.actions) {
      const rule = actionRule(a.code);
      if (!rule.reward) continue;
      for (const line of lines) {
        if (!lineConditionsPass(campaign, facts, ruleLine(line))) continue;
        const reward = rule.reward(
          a.args,
          { ...ruleLine(line), amountFen: paid.get(line.skuId)! },
          campaign,
        );
        if (reward) rewards.push(reward);
      }
    }
  }
  return rewards;
}

/**
 * The plan of the first used campaign that sets one (a payment rule's `paymentPlan`), if it is
 * well formed: exactly one step due now, for the order's total. Otherwise everything now.
 */
function paymentPlan(used: Campaign[], totalFen: Fen, now: number): PaymentStep[] {
  for (const campaign of used)
    for (const a of campaign.actions) {
      const steps = actionRule(a.code).paymentPlan?.(a.args, totalFen, now);
      if (!steps) continue;
      const dueNow = steps.filter((s) => s.dueNow);
      if (dueNow.length === 1 && dueNow[0].amountFen === totalFen) return steps;
    }
  return [{ code: 'FULL', label: '全款', amountFen: totalFen, dueNow: true }];
}

function byPreference(a: Campaign, b: Campaign): number {
  return b.priority - a.priority || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

function uniqueCampaigns(campaigns: Campaign[]): Campaign[] {
  return [...new Map(campaigns.map((c) => [c._id, c])).values()];
}
