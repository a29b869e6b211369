// What the cloud functions return to the app: view shapes built from stored documents.
// The app renders these and sends nothing back but ids, quantities and choices.
import type { AfterSale } from '../after-sale';
import type { Campaign } from '../campaigns/types';
import type { Fen } from '../money';
import type {
  Address,
  Adjustment,
  OrderLine,
  OrderStatus,
  StaffRole,
  StatusChange,
  StockLog,
} from '../model';
import type { CouponOption, PaymentStep } from '../pricing/quote';
import type { ShippingUpload } from '../shipping';

export interface ProductCardView {
  id: string;
  title: string;
  subtitle: string;
  image: string;
  priceFen: Fen;
  originalPriceFen?: Fen;
  tags: string[];
  sales: number;
  soldOut: boolean;
  /** A campaign price for this shopper (new-user, flash, trial...). */
  promo?: { label: string; priceFen: Fen };
}

export interface CategoryView {
  id: string;
  name: string;
}

/** A campaign slot on the home page (new-user zone, flash sale...), filled by later features. */
export interface CampaignSlotView {
  kind: string;
  campaignId: string;
  title: string;
  products: ProductCardView[];
  startsAt: number;
  endsAt: number;
  /** Units left of the campaign's quota, when it has one. */
  remaining?: number;
  total?: number;
}

export interface HomeView {
  slots: CampaignSlotView[];
  categories: CategoryView[];
  feed: ProductCardView[];
  nextCursor: number | null;
}

export interface SearchView {
  keyword: string;
  products: ProductCardView[];
}

export interface CategoryPageView {
  categories: CategoryView[];
  categoryId: string;
  products: ProductCardView[];
}

export interface SkuView {
  id: string;
  specValues: string[];
  priceFen: Fen;
  originalPriceFen?: Fen;
  stock: number;
  /** What this shopper would pay for one unit now, when a campaign lowers it. */
  promo?: {
    label: string;
    priceFen: Fen;
    /** When the campaign ends (a countdown), unless it is always on. */
    endsAt?: number;
    /** Units one shopper may buy at this price. */
    limitPerUser?: number;
  };
}

export interface ProductDetailView {
  id: string;
  title: string;
  subtitle: string;
  images: string[];
  description: string;
  specs: { name: string; values: string[] }[];
  skus: SkuView[];
  priceFen: Fen;
  originalPriceFen?: Fen;
  tags: string[];
  sales: number;
  /** A group-buying campaign on this product, if one runs. */
  group?: GroupOfferView;
  /** A friend-assist campaign on this product, if one runs. */
  assist?: AssistOfferView;
  /** A pre-sale taking deposits for this product, if one runs. */
  presale?: PresaleOfferView;
  /** This product is a blind box: its campaign (the box's page shows the odds). */
  blindBox?: { campaignId: string; label: string; boxFen: Fen };
}

/** A cart line: what an order line would hold, before pricing, plus the current stock. */
export interface CartLineView extends Pick<
  OrderLine,
  'skuId' | 'productId' | 'title' | 'specText' | 'image' | 'qty' | 'unitPriceFen'
> {
  stock: number;
  /** False when the product is off sale or the SKU has too little stock. */
  available: boolean;
  problem?: string;
  /** What the line costs this shopper with a campaign price, when one lowers it. */
  promo?: { label: string; amountFen: Fen };
}

export interface CartView {
  lines: CartLineView[];
  count: number;
}

/** After adding to the cart: the units in it now (the cart tab's badge). */
export interface CartCountView {
  count: number;
}

/** After adding several lines (再次购买): the units in the cart, and the lines not added. */
export interface CartAddLinesView extends CartCountView {
  skipped: { skuId: string; title: string; message: string }[];
}

/** A priced line, as quoted and as stored in the order (the same shape). */
export type QuoteLineView = OrderLine;

export interface QuoteView {
  lines: QuoteLineView[];
  goodsFen: Fen;
  discountFen: Fen;
  shippingFen: Fen;
  totalFen: Fen;
  adjustments: Adjustment[];
  /** The user's coupons valid now, best first, marked usable on this cart or not. */
  coupons: CouponOption[];
  couponId: string | null;
  couponProblem?: string;
  /** A group order that cannot open or join its group as asked (campaign over, SKU not in it). */
  groupProblem?: string;
  /** An order at a fixed price (an assist's, a pre-sale's) that cannot use it now. */
  fixedPriceProblem?: string;
  /** How long the order may stay unpaid (shorter for flash sales). */
  paymentWindowMs: number;
  /** How the buyer pays: one step due now (totalFen), and any later ones. */
  plan: PaymentStep[];
  /** Lines that cannot be ordered as asked, with the reason (the order would be refused). */
  problems: ProblemLineView[];
  /** The buyer already has an unpaid order for exactly these lines. */
  pendingOrder?: PendingOrderView;
  defaultAddress?: Address;
  /** The buyer's address book, the latest used first. */
  addresses: Address[];
}

/** A line that cannot be ordered as asked: shown, marked, with what fixing it needs. */
export interface ProblemLineView {
  skuId: string;
  code: string;
  message: string;
  title: string;
  specText: string;
  image: string;
  qty: number;
  /** Units in stock now (lower the quantity to at most this). */
  stock: number;
}

export interface PendingOrderView {
  id: string;
  totalFen: Fen;
  expiresAt: number;
}

export interface PaymentView {
  /** What wx.requestPayment takes; in the browser the sandbox confirms it instead. */
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export interface OrderSummaryView {
  id: string;
  status: OrderStatus;
  statusText: string;
  createdAt: number;
  totalFen: Fen;
  itemCount: number;
  lines: { title: string; specText: string; image: string; qty: number; amountFen: Fen }[];
  /** A group order: its group and where it stands (拼团中 / 拼团成功 / 拼团失败). */
  group?: { id: string; state: 'WAITING' | 'SUCCEEDED' | 'FAILED'; text: string };
  /** A pre-sale order: its part and what the buyer must know (the final window, forfeiture). */
  presale?: { campaignId: string; step: 'DEPOSIT' | 'FINAL'; text: string };
}

export interface OrderDetailView extends OrderSummaryView {
  goodsFen: Fen;
  discountFen: Fen;
  shippingFen: Fen;
  adjustments: Adjustment[];
  lineDetails: QuoteLineView[];
  address: Address;
  remark: string;
  expiresAt: number;
  paidAt?: number;
  shipping?: { company: string; trackingNo: string; at: number };
  refundedFen: Fen;
  cancelReason?: string;
  /** Why it was cancelled, for the shopper. */
  cancelText?: string;
  /** How it is paid: one step now, and any later ones. */
  plan: PaymentStep[];
  canPay: boolean;
  canCancel: boolean;
  /** The buyer may ask for after-sale (a refund) now. */
  canRequestAfterSale: boolean;
  afterSale?: {
    status: AfterSale['status'];
    statusText: string;
    reason: string;
    detail: string;
    note?: string;
    requestedAt: number;
  };
}

export interface OrderListView {
  orders: OrderSummaryView[];
  nextCursor: number | null;
}

export interface CreatedOrderView {
  order: OrderDetailView;
  payment: PaymentView | null;
}

/** The signed-in shopper. */
export interface UserView {
  openid: string;
  nickname: string;
  isNewUser: boolean;
  /** The user's short code in the links they share (ref=). */
  refCode: string;
  paidOrderCount: number;
  paidTotalFen: Fen;
  address?: Address;
  tier: TierView;
}

/** The "me" page: the shopper, their staff role and their usable coupons. */
export interface MeView extends UserView {
  staffRole: string | null;
  /** Unused coupons, for the badge on the "me" page. */
  couponCount: number;
}

/** Everything the first screen needs, in one call at launch. */
export interface LaunchView {
  user: UserView;
  home: HomeView;
  /** Units in the cart: the cart tab's badge. */
  cartCount: number;
  /** A scanned code stands for this page (the code opened home): the app goes there. */
  landing?: string;
  /** Notice kind → WeChat template id, for asking opt-ins right in a tap. */
  noticeTemplates: Record<string, string>;
}

/** A later entry (a share card or a code while the app runs): the user and where to go. */
export interface EntryView {
  user: UserView;
  landing?: string;
}

export interface CouponView {
  id: string;
  title: string;
  amountFen?: Fen;
  percentOff?: number;
  thresholdFen: Fen;
  validUntil: number;
  status: 'UNUSED' | 'HELD' | 'USED' | 'WITHDRAWN' | 'EXPIRED';
  source: 'CENTER' | 'SIGNUP_PACK' | 'FULL_RETURN';
}

export interface CouponTemplateView {
  id: string;
  title: string;
  amountFen?: Fen;
  percentOff?: number;
  thresholdFen: Fen;
  validDays: number;
  remaining: number;
  total: number;
  claimedByMe: number;
  perUserLimit: number;
}

export interface TierView {
  code: string;
  name: string;
  nextName: string | null;
  /** Growth (total paid, fen) still needed for the next tier. */
  toNextFen: number;
  /** 0..1 of the way from this tier to the next. */
  ratio: number;
}

/** A shipped order as staff see it: with the state of its upload to WeChat (发货信息管理). */
export interface ShipmentView extends OrderDetailView {
  shippingUpload: ShippingUpload;
}

/** A SKU as staff see it in the stock list. */
export interface AdminSkuView {
  id: string;
  productId: string;
  title: string;
  specText: string;
  categoryId: string;
  onSale: boolean;
  priceFen: Fen;
  /** On the shelf: sellable plus held by unpaid orders. */
  inHand: number;
  held: number;
  /** What shoppers can still buy. */
  sellable: number;
  sold: number;
  lowStockThreshold: number;
  low: boolean;
}

export interface AdminSkuListView {
  skus: AdminSkuView[];
  nextCursor: number | null;
}

/** A SKU's stock ledger, oldest first, each entry with the figure before and after it. */
export interface StockLedgerView {
  sku: AdminSkuView;
  entries: (StockLog & { before: number; after: number })[];
}

/** Who is signed in to the admin, and what their role lets them do. */
export interface StaffMeView {
  openid: string;
  name: string;
  role: StaffRole;
  /** The admin actions this role may call. */
  actions: string[];
}

export interface StaffView {
  openid: string;
  name: string;
  role: StaffRole;
}

/** An order as staff see it: the buyer's view plus who bought it, its history and what staff can do. */
export interface AdminOrderView extends OrderDetailView {
  buyer: string;
  history: StatusChange[];
  shippingUpload?: ShippingUpload;
  canShip: boolean;
  /** What can still be refunded (paid less refunded). */
  refundable: number;
}

export interface AdminOrderListView {
  orders: (OrderSummaryView & { phone: string; name: string })[];
  nextCursor: number | null;
}

/** A product as the admin's form edits it. */
export interface AdminProductView {
  id: string;
  title: string;
  subtitle: string;
  description: string;
  categoryId: string;
  images: string[];
  specs: { name: string; values: string[] }[];
  tags: string[];
  onSale: boolean;
  sort: number;
  priceFen: Fen;
  skus: {
    id: string;
    specValues: string[];
    priceFen: Fen;
    originalPriceFen?: Fen;
    stock: number;
  }[];
}

export interface AdminProductRow {
  id: string;
  title: string;
  categoryId: string;
  image: string;
  priceFen: Fen;
  onSale: boolean;
  sort: number;
}

export interface DashboardFigures {
  orders: number;
  /** Paid less refunded. */
  revenueFen: Fen;
  averageFen: Fen;
  /** Orders placed by someone who had never paid before. */
  newBuyers: number;
}

export interface DashboardView {
  today: DashboardFigures;
  /** The whole period (the last `days` days, today included). */
  period: DashboardFigures;
  days: { day: string; orders: number; revenueFen: Fen; newBuyers: number }[];
  topProducts: { productId: string; title: string; units: number; revenueFen: Fen }[];
}

/** A campaign as staff see it: the document, whether pricing can use it, and its live figures. */
export interface AdminCampaignView {
  campaign: Campaign;
  /** It passes the rules' schema (an invalid stored campaign is skipped by pricing). */
  valid: boolean;
  problems: string[];
  /** Active, within its window and valid: pricing uses it now. */
  live: boolean;
  /** Paid orders that used it, units at its prices, and those lines' revenue. */
  orders: number;
  units: number;
  revenueFen: Fen;
  /** Units left of its quota (null: none taken yet), when it has one. */
  quotaLeft?: number | null;
}

// ---- Subscription messages (admin) ----

export interface NoticeTemplateView {
  kind: string;
  title: string;
  /** Filled by a later selling tool (no events yet). */
  planned: boolean;
  askedWhen?: string;
  templateId: string;
  fields: { name: string; key: string; label: string }[];
  /** Unused opt-ins users hold for this template. */
  optIns: number;
  /** Users holding at least one. */
  users: number;
}

export interface OutboxMessageView {
  id: string;
  kind: string;
  openid: string;
  state: string;
  attempts: number;
  error?: string;
  page?: string;
  createdAt: number;
  sentAt?: number;
}

// ---- Sharing and distribution (share function; admin's distribution pages) ----

/** A QR code: its scene, its image (a cloud file id) and a URL to load it by. */
export interface ShareCodeView {
  scene: string;
  fileId: string;
  url: string;
}

/** What a product poster shows. */
export interface PosterView {
  title: string;
  priceFen: Fen;
  /** A line above the title (a group's tiers). */
  badge?: string;
  /** The product picture and the sharer's code, as loadable URLs. */
  imageUrl: string;
  code: ShareCodeView;
  shopName: string;
  sharerName: string;
}

export interface CommissionFiguresView {
  /** Orders paid, not yet received (less refunds). */
  pendingFen: Fen;
  /** Received, within the after-sale window. */
  frozenFen: Fen;
  /** Withdrawable now. */
  balanceFen: Fen;
  /** Asked for, not yet paid out. */
  withdrawingFen: Fen;
  withdrawnFen: Fen;
}

export interface PromoteSummaryView {
  refCode: string;
  mode: 'everyone' | 'approved';
  /** null: never applied. */
  status: import('../distribution').DistributorStatus | null;
  mayEarn: boolean;
  defaultRatePct: number;
  freezeDays: number;
  minWithdrawFen: Fen;
  invited: { users: number; ordered: number; paid: number };
  commission: CommissionFiguresView;
}

export interface InviteeView {
  nickname: string;
  boundAt: number;
  /** Paid orders they placed while bound to this sharer. */
  orders: number;
  paidFen: Fen;
}

export interface CommissionView {
  id: string;
  orderId: string;
  buyerName: string;
  state: import('../distribution').CommissionState;
  stateText: string;
  baseFen: Fen;
  amountFen: Fen;
  voidedFen: Fen;
  /** What it is worth now: amount less refunds (settled: what was credited less clawbacks). */
  netFen: Fen;
  lines: { title: string; baseFen: Fen; ratePct: number; amountFen: Fen }[];
  createdAt: number;
  frozenUntil?: number;
  settledAt?: number;
  distributorId?: string;
}

export interface WithdrawalView {
  id: string;
  amountFen: Fen;
  status: import('../model').WithdrawalStatus;
  statusText: string;
  requestedAt: number;
  handledAt?: number;
  note?: string;
  distributorId?: string;
  distributorName?: string;
}

export interface AdminDistributorView {
  openid: string;
  nickname: string;
  status: import('../distribution').DistributorStatus | null;
  statusText: string;
  appliedAt?: number;
  invited: number;
  balanceFen: Fen;
  /** Commissions earned (not voided), all states. */
  earnedFen: Fen;
}

export interface LedgerEntryView {
  id: string;
  kind: import('../model').LedgerKind;
  kindText: string;
  amountFen: Fen;
  balanceAfterFen: Fen;
  at: number;
  note?: string;
}

export interface ChannelCodeView {
  scene: string;
  channel: string;
  name: string;
  url: string;
  fileId: string;
  scans: number;
  newUsers: number;
  orders: number;
  paidFen: Fen;
  createdAt: number;
}

/** A group as its page shows it (domain/groups.ts). */
export interface GroupView {
  id: string;
  campaignId: string;
  productId: string;
  skuId: string;
  title: string;
  image: string;
  status: import('../groups').GroupStatus;
  statusText: string;
  tiers: { size: number; priceFen: Fen; reached: boolean; current: boolean }[];
  /** Paid members (the tiers count these) and seats taken (paid + being paid for). */
  paidCount: number;
  seatCount: number;
  maxSize: number;
  /** The next tier above the paid members, and how many more it needs. */
  next: { size: number; priceFen: Fen; missing: number } | null;
  /** What everyone pays now: the tier reached (the first tier's price until then). */
  currentPriceFen: Fen;
  deadline: number | null;
  members: { nickname: string; initial: string; leader: boolean; paid: boolean; me: boolean }[];
  /** The caller's part in it. */
  me: { orderId: string; paid: boolean; refundFen: Fen | null } | null;
  /** The caller could join now. */
  joinable: boolean;
  finalTier: { size: number; priceFen: Fen } | null;
  /** The rules, stated before anyone pays or shares. */
  rules: string[];
}

/** A group in a list (my groups; the admin's queue). */
export interface GroupSummaryView {
  id: string;
  title: string;
  image: string;
  status: import('../groups').GroupStatus;
  statusText: string;
  paidCount: number;
  maxSize: number;
  tiersText: string;
  deadline: number | null;
  createdAt: number;
  leader: string;
}

/** The admin's view of a group: its members, their orders and refunds. */
export interface AdminGroupView extends GroupView {
  memberOrders: {
    orderId: string;
    nickname: string;
    state: 'HELD' | 'PAID';
    orderStatus: string;
    paidFen: Fen;
    refundedFen: Fen;
    settled: boolean;
  }[];
  unsettledCount: number;
  closeRequested: boolean;
}

/** A product's group-buying offer (its product page entry). */
export interface GroupOfferView {
  campaignId: string;
  label: string;
  hours: number;
  endsAt: number;
  /** Per SKU: its tiers (the first is what everyone pays up front). */
  skus: { skuId: string; tiers: { size: number; priceFen: Fen }[] }[];
}

/** An assist as its page shows it (domain/assist.ts). */
export interface AssistView {
  id: string;
  campaignId: string;
  productId: string;
  skuId: string;
  title: string;
  image: string;
  status: import('../assist').AssistStatus;
  statusText: string;
  listFen: Fen;
  floorFen: Fen;
  /** The price reached so far: what the starter pays if they buy now. */
  currentFen: Fen;
  /** Each help's fixed cut, in order, and who gave it (once given). */
  cuts: { cutFen: Fen; helper: string | null }[];
  helpCount: number;
  expiresAt: number;
  starter: string;
  me: { starter: boolean; helped: boolean };
  /** Why the caller cannot help now (null: they can). */
  helpProblem: string | null;
  /** The starter can buy now (not used, not held by an unpaid order, before the deadline). */
  canBuy: boolean;
  orderId: string | null;
  rules: string[];
}

/** A product's friend-assist offer (its product page entry), stated before anyone starts. */
export interface AssistOfferView {
  campaignId: string;
  label: string;
  helps: number;
  dailyHelps: number;
  newHelpersOnly: boolean;
  skus: { skuId: string; listFen: Fen; floorFen: Fen; cuts: Fen[] }[];
}

/** A pre-sale's page (domain/presale.ts): every rule stated before paying, and the buyer's part. */
export interface PresaleView {
  campaignId: string;
  title: string;
  image: string;
  productId: string;
  skuId: string;
  priceFen: Fen;
  depositFen: Fen;
  creditFen: Fen;
  stepFen: Fen;
  capFen: Fen;
  /** Friends whose deposits raise the credit to the cap. */
  friendsToCap: number;
  phase: import('../presale').PresalePhase;
  startsAt: number;
  depositEndsAt: number;
  finalStartsAt: number;
  finalEndsAt: number;
  shipAt: number;
  /** Forfeiture, stated apart so the page can highlight it. */
  forfeitRule: string;
  rules: string[];
  mine: {
    state: import('../presale').DepositState;
    stateText: string;
    friends: number;
    creditFen: Fen;
    finalDueFen: Fen;
    orderId: string;
    finalOrderId: string | null;
    canCancel: boolean;
    canPayFinal: boolean;
  } | null;
  canPayDeposit: boolean;
}

/** A compensation owed after a cancelled pre-sale, as staff see it. */
export interface CompensationView {
  id: string;
  openid: string;
  name: string;
  campaignId: string;
  amountFen: Fen;
  state: 'OWED' | 'PAID';
  stateText: string;
  createdAt: number;
  note: string;
}

/** A product's pre-sale (its product page entry: the page itself states every rule). */
export interface PresaleOfferView {
  campaignId: string;
  label: string;
  skuIds: string[];
  depositFen: Fen;
  creditFen: Fen;
  capFen: Fen;
}

/** A blind box's page for one buyer (domain/blindbox.ts): the odds their box has, before paying. */
export interface BlindBoxView {
  campaignId: string;
  title: string;
  boxSkuId: string;
  boxFen: Fen;
  items: {
    skuId: string;
    title: string;
    valueFen: Fen;
    top: boolean;
    left: number;
    /** This buyer's probability, parts per million (all items sum to 1,000,000). */
    ppm: number;
  }[];
  segmentText: string;
  guaranteeDue: boolean;
  soldOut: boolean;
  fission: boolean;
  rules: string[];
}

/** A draw's public record and whether it verifies (domain/blindbox-draw.ts). */
export interface DrawProofView {
  orderId: string;
  commitment: string;
  seed: string;
  odds: { skuId: string; weight: number }[];
  skuId: string;
  skipped: string[];
  at: number;
  verified: boolean;
}

/** One of the buyer's blind boxes (my boxes): its options and odds, removals, result. */
export interface MyBoxView {
  orderId: string;
  campaignId: string;
  status: import('../model').OrderStatus;
  statusText: string;
  fission: boolean;
  options: { skuId: string; title: string; removed: boolean; ppm: number }[];
  /** Friends the buyer brought who bought a box in this campaign. */
  friends: number;
  removalsLeft: number;
  canOpen: boolean;
  commitment: string;
  result: { skuId: string; title: string } | null;
  createdAt: number;
}

/** A blind-box campaign for staff: its pool's stock left, the odds per segment, the latest draws. */
export interface AdminBlindBoxView {
  campaignId: string;
  title: string;
  boxFen: Fen;
  pool: {
    skuId: string;
    valueFen: Fen;
    weight: number;
    stock: number;
    left: number;
    top: boolean;
  }[];
  /** Probabilities (ppm) each segment's buyers see with the stock left now (when tuned). */
  oddsBySegment: { segment: string; ppm: Record<string, number> }[];
  draws: { orderId: string; skuId: string; at: number; skipped: string[] }[];
}
