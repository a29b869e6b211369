// The rule registry: every condition and action a campaign can use, with a stable code, typed
// arguments (argument specs in args.ts: the schema that validates a stored campaign and the
// admin page's forms come from them) and the pure functions that apply it. Code elsewhere asks a
// rule what it does (its scope, layer, limit, hooks), never which code it has, so adding a rule
// here is all a new kind of promotion needs; the order path does not change.
import { fen, type Fen } from '../money';
import {
  argsSchema,
  type ArgSpecs,
  type ArgsOf,
  type SignupCouponSpec,
  type SkuPrice,
} from './args';
import { tierOf, tierRank } from './tiers';
import type { PaymentStep } from '../pricing/quote';
import { DEFAULT_GROUP_HOURS, SEAT_HOLD_MS, type GroupTier, type SkuTiers } from '../groups';
import { MAX_HELPS } from '../assist';
import { termsProblem, type PresaleTerms } from '../presale';
import { poolProblem, type PoolItem } from '../blindbox';
import type { Campaign, PricingFacts, Reward } from './types';

export type { ArgSpec } from './args';

/** The line a rule looks at: list price per unit and quantity. */
export interface RuleLine {
  skuId: string;
  productId: string;
  unitPriceFen: Fen;
  qty: number;
  /** What the line costs so far (after earlier layers). */
  amountFen: Fen;
}

/** The allowance document a limit uses for a line, and how many units it starts with. */
export interface AllowanceRef {
  key: string;
  initial: number;
}

interface RuleBase<A extends ArgSpecs> {
  code: string;
  label: string;
  description: string;
  args: A;
}

export interface ConditionRuleOf<A extends ArgSpecs> extends RuleBase<A> {
  /**
   * user: about the buyer; line: about one line; order: about the goods amount;
   * limit: caps how many units may use the campaign, through an allowance the order claims.
   */
  scope: 'user' | 'line' | 'order' | 'limit';
  test?(args: ArgsOf<A>, facts: PricingFacts, line?: RuleLine): boolean;
  testAmount?(args: ArgsOf<A>, payableFen: Fen): boolean;
  /** For limits: the allowance a line uses; shared ones (a campaign's quota) are for everyone. */
  limit?: {
    shared: boolean;
    allowance(
      args: ArgsOf<A>,
      facts: PricingFacts,
      campaign: Campaign,
      line: RuleLine,
    ): AllowanceRef;
  };
  /** A price won under this condition holds only until the buyer pays some order (new-user). */
  endsAtFirstPayment?: true;
}

export interface ActionRuleOf<A extends ArgSpecs> extends RuleBase<A> {
  /**
   * special: a special unit price (special prices exclude each other and member discounts);
   * member: a member discount on a line; order: a discount on the order; shipping: free
   * shipping; payment: how long the order may stay unpaid; reward: given after payment;
   * signup: coupons for a newcomer's first sign-in.
   */
  layer: 'special' | 'member' | 'order' | 'shipping' | 'payment' | 'reward' | 'signup';
  specialPrice?(args: ArgsOf<A>, line: RuleLine): Fen | null;
  /** The SKUs a special price features and their prices (home-page slots, product pages). */
  featuredPrices?(args: ArgsOf<A>): SkuPrice[];
  lineDiscount?(
    args: ArgsOf<A>,
    facts: PricingFacts,
    line: RuleLine,
  ): { offFen: Fen; label?: string };
  orderDiscount?(args: ArgsOf<A>, payableFen: Fen): Fen;
  paymentWindowMs?(args: ArgsOf<A>): number;
  /** Splits what is paid into steps (a deposit now, a final payment later); see PaymentStep. */
  paymentPlan?(args: ArgsOf<A>, totalFen: Fen, now: number): PaymentStep[];
  reward?(args: ArgsOf<A>, line: RuleLine, campaign: Campaign): Reward | null;
  signupCoupons?(args: ArgsOf<A>): SignupCouponSpec[];
  /**
   * A group-buying rule: its special price (the first tier's) applies only to an order that opens
   * or joins one of its groups, and such an order uses nothing else (see quote's `group`).
   */
  group?(args: ArgsOf<A>): { tiersFor(skuId: string): GroupTier[] | null; lifetimeMs: number };
  /**
   * A friend-assist rule: the price an assist has reached applies only to the order its starter
   * places with it (see quote's `assist`).
   */
  assist?(args: ArgsOf<A>): AssistRule;
  /** Arguments that are each valid but not together (e.g. a schedule of the wrong length). */
  check?(args: ArgsOf<A>): string | null;
  /** Prices only orders given a fixed price from the server (see quote's `fixedPrice`). */
  fixedPriceOnly?: true;
  /** A pre-sale rule: its deposits per SKU and its terms. */
  presale?(args: ArgsOf<A>): PresaleRule;
  /** A blind-box rule: the box, its pool and its limits. */
  blindBox?(args: ArgsOf<A>): BlindBoxRule;
  /** Arguments checked against the prices of the SKUs they name (when staff save). */
  checkPrices?(
    args: ArgsOf<A>,
    priceOf: (skuId: string) => Fen | undefined,
    window: { startsAt: number; endsAt: number },
  ): string | null;
}

export interface BlindBoxRule {
  boxSkuId: string;
  boxFen: Fen;
  pool: PoolItem[];
  /** Units set aside per pool SKU. */
  stock: Record<string, number>;
  /** 保底: after this many boxes without a top-grade item the next gives one (0: none). */
  guaranteeAfter: number;
  /** Boxes one buyer may buy a day (0: no cap). */
  dailyCap: number;
  tuned: boolean;
  /** 盲盒裂变: opened by the buyer, after removing options their invited friends' boxes earn. */
  fission: boolean;
}

export interface PresaleRule {
  depositFor(skuId: string): Fen | null;
  skuIds: string[];
  terms(skuId: string): PresaleTerms | null;
}

export interface AssistRule {
  floorFor(skuId: string): Fen | null;
  helps: number;
  /** Weights of the cuts (equal steps when empty). */
  weights: number[];
  /** Assists one user may help per day. */
  dailyHelps: number;
  newHelpersOnly: boolean;
}

// The registry's view of a rule: arguments already validated against the rule's own specs.
export type ConditionRule = ConditionRuleOf<any>;
export type ActionRule = ActionRuleOf<any>;

// Typed definitions: each rule's functions see its own argument types.
const condition = <const A extends ArgSpecs>(rule: ConditionRuleOf<A>): ConditionRule => rule;
const action = <const A extends ArgSpecs>(rule: ActionRuleOf<A>): ActionRule => rule;

const inProducts = (productIds: string[] | undefined, productId: string) =>
  !productIds?.length || productIds.includes(productId);

export const CONDITIONS: Record<string, ConditionRule> = {
  NEW_USER: condition({
    code: 'NEW_USER',
    label: '新用户',
    description: '从未支付过订单的用户（首单专享：付款任一订单后即失效）',
    args: {},
    scope: 'user',
    test: (_args, facts) => facts.user.isNewUser,
    endsAtFirstPayment: true,
  }),
  MEMBER_TIER: condition({
    code: 'MEMBER_TIER',
    label: '会员等级',
    description: '达到指定等级的会员',
    args: {
      minTier: {
        type: 'enum',
        label: '最低等级',
        values: [
          { value: 'silver', label: '银卡' },
          { value: 'gold', label: '金卡' },
          { value: 'diamond', label: '钻石' },
        ],
      },
    },
    scope: 'user',
    test: (args, facts) => tierRank(tierOf(facts.user.paidTotalFen).code) >= tierRank(args.minTier),
  }),
  FIRST_PURCHASE: condition({
    code: 'FIRST_PURCHASE',
    label: '首次购买',
    description: '用户第一次购买该商品',
    args: {},
    scope: 'line',
    test: (_args, facts, line) => !facts.user.purchasedProductIds.includes(line!.productId),
  }),
  REPEAT_PURCHASE: condition({
    code: 'REPEAT_PURCHASE',
    label: '复购',
    description: '用户以前买过该商品',
    args: {},
    scope: 'line',
    test: (_args, facts, line) => facts.user.purchasedProductIds.includes(line!.productId),
  }),
  MIN_SPEND: condition({
    code: 'MIN_SPEND',
    label: '订单满额',
    description: '商品金额（特价与会员折扣后）达到门槛',
    args: { amountFen: { type: 'fen', label: '门槛金额' } },
    scope: 'order',
    testAmount: (args, payableFen) => payableFen >= args.amountFen,
  }),
  PER_USER_LIMIT: condition({
    code: 'PER_USER_LIMIT',
    label: '每人限购',
    description: '每位用户可享受的件数（按活动或按商品计）',
    args: {
      units: { type: 'int', label: '件数', min: 1 },
      per: {
        type: 'enum',
        label: '计算方式',
        values: [
          { value: 'campaign', label: '整个活动' },
          { value: 'product', label: '每个商品' },
        ],
      },
    },
    scope: 'limit',
    limit: {
      shared: false,
      allowance: (args, facts, campaign, line) => ({
        key:
          args.per === 'product'
            ? `user:${campaign._id}:${facts.user.openid}:${line.productId}`
            : `user:${campaign._id}:${facts.user.openid}`,
        initial: args.units,
      }),
    },
  }),
  QUOTA: condition({
    code: 'QUOTA',
    label: '活动库存',
    description: '活动价可售的总件数，售完即止',
    args: { units: { type: 'int', label: '总件数', min: 1 } },
    scope: 'limit',
    limit: {
      shared: true,
      allowance: (args, _facts, campaign) => ({
        key: `quota:${campaign._id}`,
        initial: args.units,
      }),
    },
  }),
};

export const ACTIONS: Record<string, ActionRule> = {
  SPECIAL_PRICE: action({
    code: 'SPECIAL_PRICE',
    label: '特价',
    description: '指定规格按特价出售（新人价、秒杀价、试用价等；特价之间互斥，也不叠加会员折扣）',
    args: { prices: { type: 'skuPrices', label: '规格与特价' } },
    layer: 'special',
    specialPrice: (args, line) => {
      const found = args.prices.find((p) => p.skuId === line.skuId);
      // A malformed (negative or fractional) price never applies.
      return found && Number.isSafeInteger(found.priceFen) && found.priceFen >= 0
        ? fen(found.priceFen)
        : null;
    },
    featuredPrices: (args) => args.prices,
  }),
  TIER_DISCOUNT: action({
    code: 'TIER_DISCOUNT',
    label: '会员折扣',
    description: '按会员等级打折（填写实付百分比，如 95 即 9.5 折）',
    args: {
      rates: { type: 'tierRates', label: '各等级实付百分比' },
      productIds: { type: 'productIds', label: '适用商品', optional: true },
    },
    layer: 'member',
    lineDiscount: (args, facts, line) => {
      const tier = tierOf(facts.user.paidTotalFen);
      const rate = args.rates[tier.code];
      if (!rate || rate >= 100 || !inProducts(args.productIds, line.productId))
        return { offFen: fen(0) };
      return {
        offFen: percentOff(line.amountFen, 100 - rate),
        label: `${tier.name}${rate / 10}折`,
      };
    },
  }),
  PERCENT_OFF_LINES: action({
    code: 'PERCENT_OFF_LINES',
    label: '商品折扣',
    description: '符合条件的商品减去一定百分比（如复购 8 折填 20）',
    args: {
      percentOff: { type: 'percent', label: '减去百分比' },
      productIds: { type: 'productIds', label: '适用商品', optional: true },
    },
    layer: 'member',
    lineDiscount: (args, _facts, line) =>
      inProducts(args.productIds, line.productId)
        ? { offFen: percentOff(line.amountFen, args.percentOff) }
        : { offFen: fen(0) },
  }),
  AMOUNT_OFF_ORDER: action({
    code: 'AMOUNT_OFF_ORDER',
    label: '订单立减',
    description: '整单减去固定金额（配合“订单满额”即满减）',
    args: { amountFen: { type: 'fen', label: '减免金额', min: 1 } },
    layer: 'order',
    orderDiscount: (args, payableFen) => fen(Math.min(args.amountFen, payableFen)),
  }),
  FREE_SHIPPING: action({
    code: 'FREE_SHIPPING',
    label: '包邮',
    description: '订单用到本活动时免运费',
    args: {},
    layer: 'shipping',
  }),
  GROUP_BUY: action({
    code: 'GROUP_BUY',
    label: '阶梯拼团',
    description:
      '开团或参团时按第一档价格支付，成团后按达到的最高档价格退还差价；未达第一档全额退款（10 分钟内支付）',
    args: {
      tiers: { type: 'groupTiers', label: '规格与档位（人数:价格）' },
      hours: { type: 'int', label: '成团时限（小时）', min: 1, max: 168 },
    },
    layer: 'special',
    specialPrice: (args, line) =>
      args.tiers.find((t) => t.skuId === line.skuId)?.tiers[0]?.priceFen ?? null,
    paymentWindowMs: () => SEAT_HOLD_MS,
    group: (args) => ({
      tiersFor: (skuId) => args.tiers.find((t) => t.skuId === skuId)?.tiers ?? null,
      lifetimeMs: (args.hours || DEFAULT_GROUP_HOURS) * 60 * 60 * 1000,
    }),
  }),
  ASSIST: action({
    code: 'ASSIST',
    label: '好友助力',
    description:
      '用户发起助力，好友每次助力按固定金额减价，第 N 位好友助力后到底价；发起后 24 小时内可按当前价购买一次',
    args: {
      floors: { type: 'skuPrices', label: '规格与底价' },
      helps: { type: 'int', label: '助力人数 N', min: 1, max: MAX_HELPS },
      weights: { type: 'intList', label: '每次减价比例（留空为等额）', optional: true },
      dailyHelps: { type: 'int', label: '每人每天最多助力次数', min: 1, max: 20 },
      newHelpersOnly: {
        type: 'enum',
        label: '助力人',
        values: [
          { value: 'no', label: '所有用户' },
          { value: 'yes', label: '仅新用户' },
        ],
      },
    },
    layer: 'special',
    fixedPriceOnly: true,
    assist: (args) => ({
      floorFor: (skuId) => {
        const found = args.floors.find((f) => f.skuId === skuId);
        return found ? fen(found.priceFen) : null;
      },
      helps: args.helps,
      weights: args.weights ?? [],
      dailyHelps: args.dailyHelps,
      newHelpersOnly: args.newHelpersOnly === 'yes',
    }),
    check: (args) =>
      args.weights?.length && args.weights.length !== args.helps
        ? `减价比例须有 ${args.helps} 项（每位好友一项）`
        : args.floors.some((f) => f.priceFen < 1)
          ? '底价须大于 0'
          : null,
  }),
  PRESALE: action({
    code: 'PRESALE',
    label: '定金膨胀预售',
    description:
      '付定金抵更多：每邀请一位好友付定金再膨胀，有上限；尾款期内付尾款，逾期定金不退；定金不超过售价 20%',
    args: {
      deposits: { type: 'skuPrices', label: '规格与定金' },
      creditFen: { type: 'fen', label: '定金抵扣', min: 1 },
      stepFen: { type: 'fen', label: '每位好友膨胀' },
      capFen: { type: 'fen', label: '膨胀上限', min: 1 },
      depositEndsAt: { type: 'time', label: '定金截止' },
      finalStartsAt: { type: 'time', label: '尾款开始' },
      finalEndsAt: { type: 'time', label: '尾款截止' },
      shipAt: { type: 'time', label: '发货时间' },
    },
    layer: 'special',
    fixedPriceOnly: true,
    presale: (args) => {
      const depositFor = (skuId: string) => {
        const found = args.deposits.find((d) => d.skuId === skuId);
        return found ? fen(found.priceFen) : null;
      };
      return {
        depositFor,
        skuIds: args.deposits.map((d) => d.skuId),
        terms: (skuId) => {
          const depositFen = depositFor(skuId);
          if (depositFen === null) return null;
          return {
            depositFen,
            creditFen: fen(args.creditFen),
            stepFen: fen(args.stepFen),
            capFen: fen(args.capFen),
            depositEndsAt: args.depositEndsAt,
            finalStartsAt: args.finalStartsAt,
            finalEndsAt: args.finalEndsAt,
            shipAt: args.shipAt,
          };
        },
      };
    },
    checkPrices: (args, priceOf, window) => {
      for (const d of args.deposits) {
        const priceFen = priceOf(d.skuId);
        if (priceFen === undefined) continue;
        const problem = termsProblem(
          {
            depositFen: fen(d.priceFen),
            creditFen: fen(args.creditFen),
            stepFen: fen(args.stepFen),
            capFen: fen(args.capFen),
            depositEndsAt: args.depositEndsAt,
            finalStartsAt: args.finalStartsAt,
            finalEndsAt: args.finalEndsAt,
            shipAt: args.shipAt,
          },
          priceFen,
          window.startsAt,
          window.endsAt,
        );
        if (problem) return `规格 ${d.skuId}：${problem}`;
      }
      return null;
    },
  }),
  BLIND_BOX: action({
    code: 'BLIND_BOX',
    label: '幸运盲盒',
    description:
      '按固定价格出售盲盒：付款前展示每件可能抽到的商品、价值与概率；付款后在服务器抽取，可公开验证；奖池商品价值不低于盒价，不会空盒',
    args: {
      box: { type: 'skuPrices', label: '盲盒规格与售价（一个）' },
      pool: { type: 'blindPool', label: '奖池' },
      guaranteeAfter: {
        type: 'int',
        label: '保底：连续多少盒未出大奖后必出（0 为无）',
        min: 0,
        max: 100,
      },
      dailyCap: { type: 'int', label: '每人每天限购（0 为不限）', min: 0, max: 100 },
      tuned: {
        type: 'enum',
        label: '按用户调整概率',
        values: [
          { value: 'yes', label: '是（页面展示调整后的概率）' },
          { value: 'no', label: '否' },
        ],
      },
      fission: {
        type: 'enum',
        label: '裂变盲盒',
        values: [
          { value: 'no', label: '否（付款后立即开箱）' },
          { value: 'yes', label: '是（每邀请 1 位好友买盒可去掉 1 个选项，自己开箱）' },
        ],
      },
    },
    layer: 'special',
    fixedPriceOnly: true,
    blindBox: (args) => ({
      boxSkuId: args.box[0].skuId,
      boxFen: fen(args.box[0].priceFen),
      pool: args.pool.map((r) => ({
        skuId: r.skuId,
        title: r.skuId,
        valueFen: fen(r.valueFen),
        weight: r.weight,
        ...(r.top ? { top: true } : {}),
      })),
      stock: Object.fromEntries(args.pool.map((r) => [r.skuId, r.stock])),
      guaranteeAfter: args.guaranteeAfter,
      dailyCap: args.dailyCap,
      tuned: args.tuned === 'yes',
      fission: args.fission === 'yes',
    }),
    check: (args) =>
      args.box.length !== 1
        ? '盲盒规格只能设置一个'
        : poolProblem(
            args.pool.map((r) => ({ ...r, title: r.skuId, valueFen: fen(r.valueFen) })),
            fen(args.box[0].priceFen),
          ),
  }),
  PAY_WITHIN: action({
    code: 'PAY_WITHIN',
    label: '限时支付',
    description: '用到本活动的订单需在指定分钟内支付，否则取消并退回名额',
    args: { minutes: { type: 'int', label: '分钟', min: 1, max: 60 } },
    layer: 'payment',
    paymentWindowMs: (args) => args.minutes * 60_000,
  }),
  RETURN_COUPON: action({
    code: 'RETURN_COUPON',
    label: '消费全返',
    description: '购买指定商品，付款后返还等额优惠券（订单退款且券未用则收回）',
    args: {
      productIds: { type: 'productIds', label: '指定商品' },
      validDays: { type: 'int', label: '券有效天数', min: 1, max: 365 },
    },
    layer: 'reward',
    reward: (args, line, campaign) =>
      args.productIds.includes(line.productId) && line.amountFen > 0
        ? {
            campaignId: campaign._id,
            kind: 'COUPON',
            skuId: line.skuId,
            productId: line.productId,
            valueFen: line.amountFen,
            thresholdFen: fen(0),
            validDays: args.validDays,
            title: `${campaign.label}券`,
          }
        : null,
  }),
  SIGNUP_COUPONS: action({
    code: 'SIGNUP_COUPONS',
    label: '新人券包',
    description: '新用户首次进入时发放的优惠券（每人一次）',
    args: { coupons: { type: 'couponList', label: '券包内容' } },
    layer: 'signup',
    signupCoupons: (args) => args.coupons,
  }),
};

/** `percent`% of an amount, rounded down to whole fen (the shopper pays the odd fen). */
export function percentOff(amount: Fen, percent: number): Fen {
  return fen(Math.floor((amount * percent) / 100));
}

export function conditionRule(code: string): ConditionRule {
  const rule = CONDITIONS[code];
  if (!rule) throw new Error(`unknown condition ${code}`);
  return rule;
}

export function actionRule(code: string): ActionRule {
  const rule = ACTIONS[code];
  if (!rule) throw new Error(`unknown action ${code}`);
  return rule;
}

/** The schema of a rule's arguments (validating a stored campaign). */
export const ruleArgsSchema = (rule: ConditionRule | ActionRule) => argsSchema(rule.args);

/** Whether the buyer passes the campaign's conditions about the buyer. */
export function userConditionsPass(
  campaign: Pick<Campaign, 'conditions'>,
  facts: PricingFacts,
): boolean {
  return campaign.conditions.every((r) => {
    const rule = conditionRule(r.code);
    return rule.scope !== 'user' || rule.test!(r.args, facts);
  });
}

/** The campaign's conditions about the buyer (e.g. new users only). */
export function userConditions(campaign: Campaign): Campaign['conditions'] {
  return campaign.conditions.filter((r) => conditionRule(r.code).scope === 'user');
}

/** Whether the campaign gives newcomers a coupon pack. */
export function givesSignupCoupons(campaign: Campaign): boolean {
  return campaign.actions.some((a) => actionRule(a.code).signupCoupons !== undefined);
}

/** The campaign's shared limit (its quota): the total units, when it has one. */
export function sharedLimitUnits(campaign: Campaign): number | null {
  for (const r of campaign.conditions) {
    const limit = conditionRule(r.code).limit;
    if (limit?.shared) return limit.allowance(r.args, NO_BUYER, campaign, NO_LINE).initial;
  }
  return null;
}

/** The units one buyer may have at the campaign's price (its per-user limit), when it has one. */
export function perUserLimitUnits(campaign: Campaign): number | null {
  for (const r of campaign.conditions) {
    const limit = conditionRule(r.code).limit;
    if (limit && !limit.shared) return limit.allowance(r.args, NO_BUYER, campaign, NO_LINE).initial;
  }
  return null;
}

/** The allowance key of the campaign's shared limit, if it has one. */
export function sharedLimitKey(campaign: Campaign): string | null {
  for (const r of campaign.conditions) {
    const limit = conditionRule(r.code).limit;
    if (limit?.shared) return limit.allowance(r.args, NO_BUYER, campaign, NO_LINE).key;
  }
  return null;
}

/** The SKUs the campaign prices specially, with their prices. */
export function featuredPrices(campaign: Campaign): Map<string, Fen> {
  const prices = new Map<string, Fen>();
  for (const a of campaign.actions)
    for (const p of actionRule(a.code).featuredPrices?.(a.args) ?? [])
      prices.set(p.skuId, fen(p.priceFen));
  return prices;
}

/** A group-buying campaign's rule (its tiers and lifetime), or null for any other campaign. */
type ToolHook = 'group' | 'assist' | 'presale' | 'blindBox';

/** The first of a campaign's actions that is a selling tool of this kind, as that tool's rule. */
function toolRule<H extends ToolHook>(
  campaign: Campaign,
  hook: H,
): ReturnType<NonNullable<ActionRule[H]>> | null {
  for (const a of campaign.actions) {
    const rule = actionRule(a.code)[hook]?.(a.args);
    if (rule) return rule as ReturnType<NonNullable<ActionRule[H]>>;
  }
  return null;
}

export const groupRule = (campaign: Campaign) => toolRule(campaign, 'group');

/**
 * Whether the campaign prices only an order given a fixed price from one of its documents (an
 * assist, a deposit): its rules price nothing on their own.
 */
export function needsFixedPrice(campaign: Campaign): boolean {
  return campaign.actions.some((a) => actionRule(a.code).fixedPriceOnly === true);
}

/** What a campaign's rules say against the prices of the SKUs they name (null: nothing). */
export function pricesProblem(
  campaign: Campaign,
  priceOf: (skuId: string) => Fen | undefined,
): string | null {
  for (const a of campaign.actions) {
    const problem = actionRule(a.code).checkPrices?.(a.args, priceOf, campaign);
    if (problem) return problem;
  }
  return null;
}

/** A blind-box campaign's rule, or null for any other campaign. */
export const blindBoxRule = (campaign: Campaign) => toolRule(campaign, 'blindBox');

/** A pre-sale campaign's rule, or null for any other campaign. */
export const presaleRule = (campaign: Campaign) => toolRule(campaign, 'presale');

/** A friend-assist campaign's rule, or null for any other campaign. */
export const assistRule = (campaign: Campaign) => toolRule(campaign, 'assist');

/** Whether a price won in this campaign ends when the buyer pays any order (new-user prices). */
export function endsAtFirstPayment(campaign: Campaign): boolean {
  return campaign.conditions.some((r) => conditionRule(r.code).endsAtFirstPayment === true);
}

const NO_BUYER: PricingFacts = {
  now: 0,
  user: {
    openid: '',
    isNewUser: false,
    paidOrderCount: 0,
    paidTotalFen: fen(0),
    purchasedProductIds: [],
  },
  allowances: {},
  coupons: [],
};
const NO_LINE: RuleLine = {
  skuId: '',
  productId: '',
  unitPriceFen: fen(0),
  qty: 0,
  amountFen: fen(0),
};

/** The products and SKUs a campaign's rule arguments name (to check they exist). */
export function referencedIds(campaign: Campaign): { productIds: string[]; skuIds: string[] } {
  const productIds = new Set<string>();
  const skuIds = new Set<string>();
  const refs = [
    ...campaign.conditions.map((r) => ({ r, rule: conditionRule(r.code) })),
    ...campaign.actions.map((r) => ({ r, rule: actionRule(r.code) })),
  ];
  for (const { r, rule } of refs)
    for (const [name, spec] of Object.entries(rule.args as ArgSpecs)) {
      const value = r.args[name];
      if (spec.type === 'productIds')
        for (const id of (value as string[] | undefined) ?? []) productIds.add(id);
      if (spec.type === 'skuPrices') for (const p of value as SkuPrice[]) skuIds.add(p.skuId);
      if (spec.type === 'groupTiers') for (const t of value as SkuTiers[]) skuIds.add(t.skuId);
      if (spec.type === 'blindPool')
        for (const r of value as { skuId: string }[]) skuIds.add(r.skuId);
      if (spec.type === 'couponList')
        for (const c of value as SignupCouponSpec[])
          for (const id of c.productIds ?? []) productIds.add(id);
    }
  return { productIds: [...productIds], skuIds: [...skuIds] };
}
