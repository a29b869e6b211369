// The rule registry: every condition and action a campaign can use, with a stable code, typed
// arguments (the admin page renders its forms from `args`) and the pure function that applies it.
// Adding a campaign kind means composing these rules in a campaign document, or adding a rule
// here; the order path does not change.
import { fen, type Fen } from '../money';
import { tierOf, tierRank, type TierCode } from './tiers';
import type { Campaign, PricingFacts, Reward } from './types';

export type ArgSpec =
  | { type: 'int'; label: string; min: number; max?: number }
  | { type: 'fen'; label: string }
  | { type: 'percent'; label: string }
  | { type: 'enum'; label: string; values: { value: string; label: string }[] }
  | { type: 'skuPrices'; label: string }
  | { type: 'productIds'; label: string; optional?: boolean }
  | { type: 'tierRates'; label: string }
  | { type: 'couponList'; label: string };

/** The line a rule looks at: list price per unit and quantity. */
export interface RuleLine {
  skuId: string;
  productId: string;
  unitPriceFen: Fen;
  qty: number;
  /** What the line costs so far (after earlier layers). */
  amountFen: Fen;
}

interface RuleBase {
  code: string;
  label: string;
  description: string;
  args: Record<string, ArgSpec>;
}

export interface ConditionRule extends RuleBase {
  /**
   * user: about the buyer; line: about one line; order: about the goods amount;
   * limit: caps how many units may use the campaign, through an allowance the order claims.
   */
  scope: 'user' | 'line' | 'order' | 'limit';
  test?(args: any, facts: PricingFacts, line?: RuleLine): boolean;
  testAmount?(args: any, payableFen: Fen): boolean;
  allowance?(
    args: any,
    facts: PricingFacts,
    campaign: Campaign,
    line: RuleLine,
  ): { key: string; initial: number };
}

export interface ActionRule extends RuleBase {
  /**
   * special: a special unit price (special prices exclude each other and member discounts);
   * member: a member discount on a line; order: a discount on the order; shipping: free
   * shipping; payment: how long the order may stay unpaid; reward: given after payment.
   */
  layer: 'special' | 'member' | 'order' | 'shipping' | 'payment' | 'reward' | 'signup';
  specialPrice?(args: any, line: RuleLine): Fen | null;
  lineDiscount?(args: any, facts: PricingFacts, line: RuleLine): { offFen: Fen; label?: string };
  orderDiscount?(args: any, payableFen: Fen): Fen;
  paymentWindowMs?(args: any): number;
  reward?(args: any, line: RuleLine, campaign: Campaign): Reward | null;
}

const inProducts = (productIds: string[] | undefined, productId: string) =>
  !productIds?.length || productIds.includes(productId);

export const CONDITIONS: Record<string, ConditionRule> = {
  NEW_USER: {
    code: 'NEW_USER',
    label: '新用户',
    description: '从未支付过订单的用户',
    args: {},
    scope: 'user',
    test: (_args, facts) => facts.user.isNewUser,
  },
  MEMBER_TIER: {
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
    test: (args: { minTier: TierCode }, facts) =>
      tierRank(tierOf(facts.user.paidTotalFen).code) >= tierRank(args.minTier),
  },
  FIRST_PURCHASE: {
    code: 'FIRST_PURCHASE',
    label: '首次购买',
    description: '用户第一次购买该商品',
    args: {},
    scope: 'line',
    test: (_args, facts, line) => !facts.user.purchasedProductIds.includes(line!.productId),
  },
  REPEAT_PURCHASE: {
    code: 'REPEAT_PURCHASE',
    label: '复购',
    description: '用户以前买过该商品',
    args: {},
    scope: 'line',
    test: (_args, facts, line) => facts.user.purchasedProductIds.includes(line!.productId),
  },
  MIN_SPEND: {
    code: 'MIN_SPEND',
    label: '订单满额',
    description: '商品金额（特价与会员折扣后）达到门槛',
    args: { amountFen: { type: 'fen', label: '门槛金额' } },
    scope: 'order',
    testAmount: (args: { amountFen: number }, payableFen) => payableFen >= args.amountFen,
  },
  PER_USER_LIMIT: {
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
    allowance: (args: { units: number; per: 'campaign' | 'product' }, facts, campaign, line) => ({
      key:
        args.per === 'product'
          ? `user:${campaign._id}:${facts.user.openid}:${line.productId}`
          : `user:${campaign._id}:${facts.user.openid}`,
      initial: args.units,
    }),
  },
  QUOTA: {
    code: 'QUOTA',
    label: '活动库存',
    description: '活动价可售的总件数，售完即止',
    args: { units: { type: 'int', label: '总件数', min: 1 } },
    scope: 'limit',
    allowance: (args: { units: number }, _facts, campaign) => ({
      key: `quota:${campaign._id}`,
      initial: args.units,
    }),
  },
};

export const ACTIONS: Record<string, ActionRule> = {
  SPECIAL_PRICE: {
    code: 'SPECIAL_PRICE',
    label: '特价',
    description: '指定规格按特价出售（新人价、秒杀价、试用价等；特价之间互斥，也不叠加会员折扣）',
    args: { prices: { type: 'skuPrices', label: '规格与特价' } },
    layer: 'special',
    specialPrice: (args: { prices: { skuId: string; priceFen: number }[] }, line) => {
      const found = args.prices.find((p) => p.skuId === line.skuId);
      // A malformed (negative or fractional) price never applies.
      return found && Number.isSafeInteger(found.priceFen) && found.priceFen >= 0
        ? fen(found.priceFen)
        : null;
    },
  },
  TIER_DISCOUNT: {
    code: 'TIER_DISCOUNT',
    label: '会员折扣',
    description: '按会员等级打折（填写实付百分比，如 95 即 9.5 折）',
    args: {
      rates: { type: 'tierRates', label: '各等级实付百分比' },
      productIds: { type: 'productIds', label: '适用商品', optional: true },
    },
    layer: 'member',
    lineDiscount: (
      args: { rates: Partial<Record<TierCode, number>>; productIds?: string[] },
      facts,
      line,
    ) => {
      const tier = tierOf(facts.user.paidTotalFen);
      const rate = args.rates[tier.code];
      if (!rate || rate >= 100 || !inProducts(args.productIds, line.productId))
        return { offFen: fen(0) };
      return {
        offFen: percentOff(line.amountFen, 100 - rate),
        label: `${tier.name}${rate / 10}折`,
      };
    },
  },
  PERCENT_OFF_LINES: {
    code: 'PERCENT_OFF_LINES',
    label: '商品折扣',
    description: '符合条件的商品减去一定百分比（如复购 8 折填 20）',
    args: {
      percentOff: { type: 'percent', label: '减去百分比' },
      productIds: { type: 'productIds', label: '适用商品', optional: true },
    },
    layer: 'member',
    lineDiscount: (args: { percentOff: number; productIds?: string[] }, _facts, line) =>
      inProducts(args.productIds, line.productId)
        ? { offFen: percentOff(line.amountFen, args.percentOff) }
        : { offFen: fen(0) },
  },
  AMOUNT_OFF_ORDER: {
    code: 'AMOUNT_OFF_ORDER',
    label: '订单立减',
    description: '整单减去固定金额（配合“订单满额”即满减）',
    args: { amountFen: { type: 'fen', label: '减免金额' } },
    layer: 'order',
    orderDiscount: (args: { amountFen: number }, payableFen) =>
      fen(Math.min(args.amountFen, payableFen)),
  },
  FREE_SHIPPING: {
    code: 'FREE_SHIPPING',
    label: '包邮',
    description: '订单用到本活动时免运费',
    args: {},
    layer: 'shipping',
  },
  PAY_WITHIN: {
    code: 'PAY_WITHIN',
    label: '限时支付',
    description: '用到本活动的订单需在指定分钟内支付，否则取消并退回名额',
    args: { minutes: { type: 'int', label: '分钟', min: 1, max: 60 } },
    layer: 'payment',
    paymentWindowMs: (args: { minutes: number }) => args.minutes * 60_000,
  },
  RETURN_COUPON: {
    code: 'RETURN_COUPON',
    label: '消费全返',
    description: '购买指定商品，付款后返还等额优惠券（订单退款且券未用则收回）',
    args: {
      productIds: { type: 'productIds', label: '指定商品' },
      validDays: { type: 'int', label: '券有效天数', min: 1 },
    },
    layer: 'reward',
    reward: (args: { productIds: string[]; validDays: number }, line, campaign) =>
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
  },
  SIGNUP_COUPONS: {
    code: 'SIGNUP_COUPONS',
    label: '新人券包',
    description: '新用户首次进入时发放的优惠券（每人一次）',
    args: { coupons: { type: 'couponList', label: '券包内容' } },
    layer: 'signup',
  },
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
