// The documents the shop stores, one interface per collection (see cloudfunctions/lib/infra/collections.ts).
// Money fields end in Fen and hold integer fen; times end in At and hold epoch milliseconds.
import type { AfterSale } from './after-sale';
import type { Binding } from './attribution';
import type { Claim, Reward } from './campaigns/types';
import type { Fen } from './money';
import type { LifecycleEvent } from './order-status';
import type { PaymentStep } from './pricing/quote';
import type { ShippingUpload } from './shipping';

export interface Category {
  _id: string;
  name: string;
  sort: number;
}

/** One dimension of a product's specs, e.g. { name: '颜色', values: ['奶白', '雾蓝'] }. */
export interface SpecDimension {
  name: string;
  values: string[];
}

export type ProductStatus = 'ON' | 'OFF';

export interface Product {
  _id: string;
  categoryId: string;
  title: string;
  subtitle: string;
  /** Image URLs; the first is the cover. */
  images: string[];
  description: string;
  specs: SpecDimension[];
  /** Lowest SKU price, for lists; kept in step with the SKUs. */
  priceFen: Fen;
  originalPriceFen?: Fen;
  tags: string[];
  status: ProductStatus;
  /** Feed position: lower first. */
  sort: number;
  /** Units sold, shown to shoppers. */
  sales: number;
  /** Extra words search should find it by. */
  keywords: string[];
  createdAt: number;
}

/** Stock held for an unpaid order; released when it is cancelled, consumed when it is paid. */
export interface StockHold {
  orderId: string;
  qty: number;
  at: number;
}

export interface Sku {
  _id: string;
  /** Below this many units in hand the SKU is low on stock (else the shop's default). */
  lowStockThreshold?: number;
  productId: string;
  /** One value per product spec dimension, in the product's order. */
  specValues: string[];
  priceFen: Fen;
  originalPriceFen?: Fen;
  /** Units available to order (held units are already taken out). */
  stock: number;
  sold: number;
  holds: StockHold[];
}

export interface Address {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

/** Where a visit came from: a sharer's ref, a QR scene, or nothing (organic). */
export interface Entry {
  ref?: string;
  scene?: string;
  path?: string;
  at: number;
}

export interface User {
  _id: string; // OPENID
  unionid?: string;
  nickname: string;
  createdAt: number;
  lastSeenAt: number;
  firstEntry: Entry;
  /** Paid orders and the total paid (growth); the first payment ends new-user status. */
  paidOrderCount: number;
  paidTotalFen: Fen;
  /** Products paid for before (repeat-purchase rules). */
  purchasedProductIds?: string[];
  /**
   * The latest orders counted into the totals above (newest last, at most 100): counting an
   * order is one conditional update that skips one already listed, so a re-run counts nothing twice.
   */
  countedOrderIds?: string[];
  /** The new-user coupon pack was issued (once per user). */
  signupPackIssued?: boolean;
  /** The default delivery address: the one used last. */
  address?: Address;
  /** The address book: addresses used, the latest first (domain/address.ts). */
  addresses?: Address[];
  /** This user's short code in the links they share (`ref=`); resolves back to them. */
  refCode?: string;
  /** Who brought this user (domain/attribution.ts). */
  binding?: Binding;
  /** The lapsed binding an unchecked one replaced, put back if the check undoes the new one. */
  replacedBinding?: Binding;
  /** The channel of the first touch (a QR code's channel, e.g. store-12), for staff's figures. */
  channel?: string;
}

/** Every entry through a share link or a QR code, kept for attribution and staff's figures. */
export interface Touch extends Entry {
  _id: string;
  openid: string;
  via: 'ref' | 'scene';
  /** The sharer, when the ref or the code named one who exists. */
  sharerId?: string;
  channel?: string;
  /** The user had never been seen before this entry. */
  firstVisit: boolean;
  /** This touch bound the user to the sharer (as decided; a concurrent one may have won). */
  binds: boolean;
}

/**
 * A QR code's `scene` and what it stands for (collection share_codes, id = the scene): the page
 * and its parameters, the sharer (a user's own code) or a channel (staff's codes), and the
 * image once made (made once with wxacode.getUnlimited and kept in cloud storage).
 */
export interface ShareCode {
  _id: string;
  page: string;
  params: Record<string, string>;
  sharerId?: string;
  channel?: string;
  /** Staff's name for a channel code (门店收银台, 包裹卡...). */
  name?: string;
  fileId?: string;
  /** Someone is making the image since this time (one openapi call per code). */
  makingSince?: number;
  createdAt: number;
  createdBy: string;
}

export type StaffRole = 'owner' | 'operator' | 'warehouse';

export interface Staff {
  _id: string; // OPENID
  role: StaffRole;
  name: string;
}

export interface CartItem {
  _id: string; // `${openid}:${skuId}`
  openid: string;
  skuId: string;
  productId: string;
  qty: number;
  addedAt: number;
  updatedAt: number;
}

export type OrderStatus =
  'CREATING' | 'UNPAID' | 'PAID' | 'SHIPPED' | 'COMPLETED' | 'CANCELLED' | 'REFUNDING' | 'REFUNDED';

/** A named price change: negative amounts are discounts (e.g. 新人价, 会员折扣, 优惠券). */
export interface Adjustment {
  code: string;
  label: string;
  amountFen: Fen;
  /** The campaign or coupon that made it. */
  campaignId?: string;
  couponId?: string;
}

export interface OrderLine {
  skuId: string;
  productId: string;
  title: string;
  specText: string;
  image: string;
  qty: number;
  /** List price of one unit when ordered. */
  unitPriceFen: Fen;
  /** What the line costs after its adjustments. */
  amountFen: Fen;
  adjustments: Adjustment[];
}

export interface StatusChange {
  from: OrderStatus | null;
  to: OrderStatus;
  at: number;
  by: string;
  reason?: string;
}

export interface Order {
  _id: string; // the order number, also cloudPay's outTradeNo
  openid: string;
  requestId: string;
  status: OrderStatus;
  source: 'cart' | 'buyNow';
  lines: OrderLine[];
  goodsFen: Fen;
  discountFen: Fen;
  shippingFen: Fen;
  totalFen: Fen;
  adjustments: Adjustment[];
  address: Address;
  remark: string;
  createdAt: number;
  /** Unpaid orders are cancelled at this time. */
  expiresAt: number;
  payment?: {
    prepayId?: string;
    transactionId?: string;
    paidAt?: number;
    paidFen?: Fen;
    /** 'free': the total was zero, so it completed without WeChat Pay. */
    method?: 'wxpay' | 'free';
  };
  /** How it is paid (one step now; a pre-sale's later steps). */
  plan?: PaymentStep[];
  /** Placed by a buyer who had never paid an order (their first payment ends new-user prices). */
  newBuyer?: boolean;
  /** Who had brought the buyer when the order was placed (their live binding), and the buyer's channel. */
  inviterId?: string;
  channel?: string;
  /** Lifecycle effects that have run, by event: markers of each effect, and all done. */
  effects?: Partial<Record<LifecycleEvent, { ran: string[]; done: boolean }>>;
  shipping?: {
    company: string;
    /** WeChat's delivery id for the company (domain/shipping.ts). */
    companyCode?: string;
    trackingNo: string;
    at: number;
    by: string;
  };
  /** A notice the last change owes the buyer, not yet in the outbox (lib/notices/order-notices.ts). */
  noticeOwed?: 'ORDER_SHIPPED';
  /** The buyer's after-sale request (售后), if any: the latest one. */
  afterSale?: AfterSale;
  /** Uploading the shipment to WeChat (发货信息管理); retried by the timer until accepted. */
  shippingUpload?: ShippingUpload;
  /** Refunded or being refunded; never more than what was paid. */
  refundedFen: Fen;
  /**
   * The group this order opened or joined (domain/groups.ts). WAITING: not shippable until the
   * group succeeds; FAILED: refunded in full.
   */
  group?: {
    groupId: string;
    campaignId: string;
    leader: boolean;
    state: 'WAITING' | 'SUCCEEDED' | 'FAILED';
  };
  /**
   * A pre-sale's deposit or final payment (domain/presale.ts). A deposit order never ships (the
   * goods ship with the final payment's order); FORFEITED: its final payment was not made in time.
   */
  /**
   * A blind box (domain/blindbox.ts): the odds shown and fixed when it was placed, the commitment
   * to its seed, and after payment the draw (the seed revealed, the item, the items skipped).
   */
  blindBox?: {
    campaignId: string;
    odds: import('./blindbox').Odds[];
    segment: import('./blindbox').Segment;
    guaranteeDue: boolean;
    commitment: string;
    /** A fission box: opened by the buyer; the options they removed before opening. */
    fission?: boolean;
    removed?: string[];
    result?: { skuId: string; seed: string; skipped: string[]; at: number };
  };
  presale?: {
    campaignId: string;
    step: 'DEPOSIT' | 'FINAL';
    finalStartsAt?: number;
    finalEndsAt?: number;
    state?: 'FORFEITED' | 'COMPENSATED';
  };
  /**
   * When refundedFen last changed on an order with an inviter: its commission has the change to
   * follow (lib/distribution/commission.ts followRefunds clears it; the timer if a crash came first).
   */
  commissionOwedAt?: number;
  /** When the timer last decided on its commission (written so a refund racing it conflicts). */
  commissionCheckedAt?: number;
  cancel?: { reason: string; at: number; by: string };
  /** Creation never finished (no stock or a failed run): not shown to the buyer. */
  abandoned?: boolean;
  /** Campaign quota, limits and coupon this order took for its prices (returned if cancelled). */
  claims?: Claim[];
  /** What campaigns give after payment (e.g. a full-return coupon). */
  rewards?: Reward[];
  history: StatusChange[];
}

export type RefundStatus = 'PENDING' | 'SUCCESS' | 'FAILED';

export interface Refund {
  _id: string; // also cloudPay's outRefundNo
  orderId: string;
  openid: string;
  amountFen: Fen;
  /** The whole paid amount is refunded (the order ends REFUNDED). */
  full: boolean;
  reason: string;
  status: RefundStatus;
  requestedBy: string;
  createdAt: number;
  succeededAt?: number;
  refundId?: string;
  /** Its refund-done notice is not in the outbox yet. */
  noticeOwed?: boolean;
}

/**
 * One movement of a SKU's stock in hand (sellable + held by unpaid orders): the stock ledger.
 * OPENING starts it (the seed, a new SKU), ADJUST and SET are staff's (with a reason), SALE is a
 * paid order taking its units. Holds and their release do not move stock in hand. The deltas of
 * a SKU's entries sum to its stock in hand.
 */
export interface StockLog {
  _id: string;
  skuId: string;
  kind: 'OPENING' | 'ADJUST' | 'SET' | 'SALE';
  delta: number;
  /** Stock in hand before and after (recorded for staff changes; a ledger view computes them for sales). */
  before?: number;
  after?: number;
  /** Sellable stock after a staff change (what shoppers can buy). */
  stockAfter?: number;
  reason: string;
  by: string;
  at: number;
  orderId?: string;
}

/**
 * A distributor's account (collection distributors, id = OPENID): their status with staff and
 * their withdrawable balance. Every change of the balance is written in one transaction with its
 * ledger entry and the change of the commission or withdrawal it belongs to, so the ledger's
 * entries always sum to the balance and no movement happens twice.
 */
export interface Distributor {
  _id: string;
  /** Absent: never applied (in 'everyone' mode such users earn too). */
  status?: import('./distribution').DistributorStatus;
  appliedAt?: number;
  reviewedAt?: number;
  reviewedBy?: string;
  balanceFen: Fen;
  createdAt: number;
}

export type LedgerKind =
  | 'SETTLE'
  | 'WITHDRAW'
  | 'WITHDRAW_RETURNED'
  | 'CLAWBACK'
  /** A clawback given back: the refund that took it was turned down by WeChat Pay. */
  | 'CLAWBACK_RETURNED';

/** One movement of a distributor's withdrawable balance (collection commission_ledger). */
export interface LedgerEntry {
  _id: string;
  distributorId: string;
  kind: LedgerKind;
  /** Signed: settlements add, withdrawals and clawbacks take away. */
  amountFen: Fen;
  /** The commission or withdrawal it belongs to. */
  refId: string;
  at: number;
  note?: string;
}

/** A commission on one paid order of a bound buyer (collection commissions, id cm-<order>). */
export interface Commission {
  _id: string;
  distributorId: string;
  buyerId: string;
  orderId: string;
  state: import('./distribution').CommissionState;
  lines: import('./distribution').CommissionLine[];
  /** What was paid for the goods, and the commission on it (the sum of the lines). */
  baseFen: Fen;
  amountFen: Fen;
  /** Taken back by refunds so far. */
  voidedFen: Fen;
  /** Credited to the balance when it settled, and what later refunds took back from it. */
  settledFen?: Fen;
  clawedBackFen?: Fen;
  /** How many clawback entries it has written (their ids count up: cb-<id>-<n>). */
  ledgerSeq?: number;
  freezeDays: number;
  createdAt: number;
  receivedAt?: number;
  frozenUntil?: number;
  settledAt?: number;
  voidedAt?: number;
}

export type WithdrawalStatus = 'REQUESTED' | 'PAID' | 'REJECTED';

/** A distributor's request to be paid out (collection withdrawals); staff pay it and mark it. */
export interface Withdrawal {
  _id: string;
  distributorId: string;
  amountFen: Fen;
  status: WithdrawalStatus;
  requestedAt: number;
  handledAt?: number;
  handledBy?: string;
  note?: string;
}

export type OutboxState = 'QUEUED' | 'SENDING' | 'SENT' | 'SKIPPED' | 'FAILED' | 'UNCONFIRMED';

/**
 * A subscription message to send (collection outbox, id `<kind>:<event key>`: one per event, user
 * and template). Written by the business step; sent by the sender (lib/notices/sender.ts).
 */
export interface OutboxMessage {
  _id: string;
  kind: string;
  openid: string;
  /** What the notice is about; its fields and page are made from it when it is sent. */
  event: Record<string, unknown>;
  /** As sent: the template, its page and field values. */
  templateId?: string;
  page?: string;
  data?: Record<string, { value: string }>;
  state: OutboxState;
  attempts: number;
  /** When a queued message is due (retries back off). */
  nextAt: number;
  createdAt: number;
  claimedAt?: number;
  sentAt?: number;
  /** Why it was skipped or failed (NO_OPTIN, or WeChat's code and message). */
  error?: string;
}
