// Promotions as data: a campaign is a stored document of typed conditions and actions, each a
// small rule named by a stable code with typed arguments (see rules.ts). The pricing engine
// (domain/pricing/quote.ts) evaluates them; the order path knows nothing of campaign kinds.
import type { Fen } from '../money';

export type CampaignStatus = 'ACTIVE' | 'PAUSED';

/** What a campaign is called on the admin page and in reports; evaluation never looks at it. */
export type CampaignKind =
  | 'NEW_USER'
  | 'FLASH_SALE'
  | 'TRIAL'
  | 'MEMBER'
  | 'REPEAT_DISCOUNT'
  | 'ORDER_DISCOUNT'
  | 'FULL_RETURN'
  | 'SIGNUP_PACK'
  | 'GROUP_BUY'
  | 'ASSIST'
  | 'PRESALE'
  | 'BLIND_BOX';

export interface RuleRef {
  code: string;
  args: Record<string, unknown>;
}

export interface Campaign {
  _id: string;
  kind: CampaignKind;
  title: string;
  /** Shown on price adjustments, e.g. 新人价, 秒杀价, 会员折扣. */
  label: string;
  startsAt: number;
  endsAt: number;
  status: CampaignStatus;
  /** Breaks ties between equally good campaigns: higher first. */
  priority: number;
  conditions: RuleRef[];
  actions: RuleRef[];
}

/** CLAIMING: being claimed from the coupon center (not usable until the quota unit is taken). */
export type CouponStatus = 'CLAIMING' | 'UNUSED' | 'HELD' | 'USED' | 'WITHDRAWN';

export type CouponDiscount =
  { type: 'AMOUNT'; amountFen: Fen } | { type: 'PERCENT'; percentOff: number };

/** A coupon a user holds. */
export interface Coupon {
  _id: string;
  openid: string;
  title: string;
  discount: CouponDiscount;
  /** The goods amount (after special prices and member discounts) it needs. */
  thresholdFen: Fen;
  /** Limited to these products; all products when absent. */
  productIds?: string[];
  validFrom: number;
  validUntil: number;
  status: CouponStatus;
  source: 'CENTER' | 'SIGNUP_PACK' | 'FULL_RETURN';
  templateId?: string;
  /** The order holding or having used it. */
  orderId?: string;
  /** For a full-return coupon: the order that earned it (withdrawn if that order is refunded). */
  sourceOrderId?: string;
  issuedAt: number;
  usedAt?: number;
}

/** A coupon offered in the coupon center. */
export interface CouponTemplate {
  _id: string;
  title: string;
  discount: CouponDiscount;
  thresholdFen: Fen;
  productIds?: string[];
  /** Days a claimed coupon stays valid. */
  validDays: number;
  claimFrom: number;
  claimUntil: number;
  /** How many can be claimed in all, and by one user. */
  totalQuota: number;
  perUserLimit: number;
  status: CampaignStatus;
}

/** Something a campaign promises after payment (e.g. a full-return coupon). */
export interface Reward {
  campaignId: string;
  kind: 'COUPON';
  skuId: string;
  productId: string;
  valueFen: Fen;
  thresholdFen: Fen;
  validDays: number;
  title: string;
}

/**
 * A limited resource an order takes when it uses a campaign: units of an allowance (a campaign's
 * quota, a user's limit) or one coupon. Held while the order is unpaid, released if it is
 * cancelled, consumed when it is paid.
 */
export type Claim =
  | {
      kind: 'ALLOWANCE';
      key: string;
      qty: number;
      initial: number;
      campaignId: string;
      /** A campaign's quota, shared by every buyer (false: the buyer's own limit). */
      shared: boolean;
      /** From a new-user campaign: valid only while the buyer has paid no other order. */
      newUserOnly?: true;
    }
  | { kind: 'COUPON'; couponId: string }
  | GroupSeatClaim
  /** An assist used by its starter's order (once; given back if the order is cancelled). */
  | { kind: 'ASSIST_USE'; campaignId: string; assistId: string }
  /** A pre-sale deposit: the buyer's one deposit in it, created by the deposit's order. */
  | {
      kind: 'DEPOSIT';
      campaignId: string;
      depositId: string;
      skuId: string;
      productId: string;
      depositFen: Fen;
      finalStartsAt: number;
      finalEndsAt: number;
      /** Friends who can still raise the inviter's credit (more would pass the cap). */
      maxFriends: number;
    }
  /** The final payment's order holds the paid deposit (and its credit). */
  | { kind: 'FINAL_PAYMENT'; campaignId: string; depositId: string };

/**
 * A seat in a group (domain/groups.ts): the leader's order creates the group with its seat; a
 * joiner's order takes one of the group's seats. Held while the order is unpaid.
 */
export interface GroupSeatClaim {
  kind: 'GROUP_SEAT';
  campaignId: string;
  groupId: string;
  leader: boolean;
  qty: number;
  /** The SKU and first-tier price paid: a seat is only taken in a group of the same (same goods,
   * same price for everyone). */
  skuId: string;
  firstPriceFen: Fen;
  /** What the leader's order creates the group from. */
  opens?: {
    productId: string;
    skuId: string;
    title: string;
    image: string;
    tiers: import('../groups').GroupTier[];
    lifetimeMs: number;
    campaignEndsAt: number;
  };
}

/** What the engine knows about the buyer. */
export interface UserFacts {
  openid: string;
  /** Has never paid an order (new-user status ends at the first payment). */
  isNewUser: boolean;
  paidOrderCount: number;
  paidTotalFen: Fen;
  /** Products the user has paid for before (first purchase vs repeat purchase). */
  purchasedProductIds: string[];
}

export interface PricingFacts {
  now: number;
  user: UserFacts;
  /** Remaining units of allowances by key; a key that is absent has never been used. */
  allowances: Record<string, number>;
  /**
   * Units of shared allowances (quotas) held by unpaid orders: they may come back, so a buyer is
   * not priced out of a campaign whose units are only held (taking one fails until they do).
   */
  heldUnits?: Record<string, number>;
  /** The user's coupons (any status; the engine uses only usable ones). */
  coupons: Coupon[];
}
