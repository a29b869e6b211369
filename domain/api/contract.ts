// The one contract of every cloud function's actions: the input schema (checked at the function
// boundary before anything is read or written), the staff roles that may call it (none: any
// signed-in user), and the view a successful call returns. The functions' router implements it
// (cloudfunctions/lib/infra/router.ts) and the app's client calls it (src/services/cloud.ts),
// both typed from this one object; the app imports it as a type only, so zod stays out of the
// mini-program bundle.
//
// payNotify (cloudPay's callback) and timer (timer triggers) take events from WeChat, not
// actions, and are not part of it.
import type { z } from 'zod';
import type { Campaign } from '../campaigns/types';
import type { Address, StaffRole, StockLog, Refund } from '../model';
import {
  adminInputs,
  cartInputs,
  catalogInputs,
  assistInputs,
  blindboxInputs,
  presaleInputs,
  couponInputs,
  groupInputs,
  noticeInputs,
  orderInputs,
  shareInputs,
  userInputs,
} from './inputs';
import type { DistributionSettings } from '../distribution';
import type {
  AdminCampaignView,
  AdminGroupView,
  AssistView,
  PresaleView,
  BlindBoxView,
  DrawProofView,
  MyBoxView,
  AdminBlindBoxView,
  CompensationView,
  GroupSummaryView,
  GroupView,
  AdminDistributorView,
  ChannelCodeView,
  CommissionView,
  InviteeView,
  LedgerEntryView,
  NoticeTemplateView,
  OutboxMessageView,
  PosterView,
  PromoteSummaryView,
  ShareCodeView,
  WithdrawalView,
  DashboardView,
  AdminProductRow,
  AdminProductView,
  AdminOrderListView,
  AdminOrderView,
  AdminSkuListView,
  AdminSkuView,
  StaffMeView,
  StaffView,
  StockLedgerView,
  CartAddLinesView,
  CartCountView,
  CartView,
  CategoryPageView,
  CouponTemplateView,
  CouponView,
  CreatedOrderView,
  EntryView,
  HomeView,
  LaunchView,
  MeView,
  OrderDetailView,
  OrderListView,
  PaymentView,
  ProductDetailView,
  QuoteView,
  SearchView,
  ShipmentView,
} from './views';

export interface ActionSpec<Input extends z.ZodTypeAny = z.ZodTypeAny, Output = unknown> {
  input: Input;
  /** Only staff with one of these roles may call it. */
  staff?: readonly StaffRole[];
  /** Type only: what a successful call returns (never set at run time). */
  output: Output;
}

/** Declares an action returning `Output`: returns<QuoteView>()(schema). */
function returns<Output>() {
  return <Input extends z.ZodTypeAny>(
    input: Input,
    staff?: readonly StaffRole[],
  ): ActionSpec<Input, Output> =>
    ({ input, ...(staff ? { staff } : {}) }) as ActionSpec<Input, Output>;
}

const ALL_STAFF = ['owner', 'operator', 'warehouse'] as const;
const MANAGERS = ['owner', 'operator'] as const;
const OWNER = ['owner'] as const;

export const API = {
  user: {
    launch: returns<LaunchView>()(userInputs.launch),
    login: returns<EntryView>()(userInputs.login),
    me: returns<MeView>()(userInputs.me),
    removeAddress: returns<Address[]>()(userInputs.removeAddress),
  },
  catalog: {
    home: returns<HomeView>()(catalogInputs.home),
    category: returns<CategoryPageView>()(catalogInputs.category),
    product: returns<ProductDetailView>()(catalogInputs.product),
    search: returns<SearchView>()(catalogInputs.search),
  },
  cart: {
    list: returns<CartView>()(cartInputs.list),
    add: returns<CartCountView>()(cartInputs.add),
    addLines: returns<CartAddLinesView>()(cartInputs.addLines),
    setQty: returns<CartView>()(cartInputs.setQty),
    remove: returns<CartView>()(cartInputs.remove),
  },
  order: {
    quote: returns<QuoteView>()(orderInputs.quote),
    create: returns<CreatedOrderView>()(orderInputs.create),
    pay: returns<{ order: OrderDetailView; payment: PaymentView }>()(orderInputs.pay),
    cancel: returns<OrderDetailView>()(orderInputs.cancel),
    confirmReceipt: returns<OrderDetailView>()(orderInputs.confirmReceipt),
    list: returns<OrderListView>()(orderInputs.list),
    detail: returns<OrderDetailView>()(orderInputs.detail),
    requestAfterSale: returns<OrderDetailView>()(orderInputs.requestAfterSale),
  },
  coupon: {
    center: returns<CouponTemplateView[]>()(couponInputs.center),
    claim: returns<CouponView>()(couponInputs.claim),
    mine: returns<CouponView[]>()(couponInputs.mine),
  },
  notice: {
    templates: returns<Record<string, string>>()(noticeInputs.templates),
    subscribe: returns<Record<string, number>>()(noticeInputs.subscribe),
    optIns: returns<Record<string, number>>()(noticeInputs.optIns),
    remind: returns<{ reminding: true }>()(noticeInputs.remind),
  },
  blindbox: {
    detail: returns<BlindBoxView>()(blindboxInputs.detail),
    verify: returns<DrawProofView>()(blindboxInputs.verify),
    mine: returns<MyBoxView[]>()(blindboxInputs.mine),
    remove: returns<MyBoxView>()(blindboxInputs.remove),
    open: returns<MyBoxView>()(blindboxInputs.open),
  },
  presale: {
    detail: returns<PresaleView>()(presaleInputs.detail),
    cancelDeposit: returns<PresaleView>()(presaleInputs.cancelDeposit),
  },
  assist: {
    start: returns<AssistView>()(assistInputs.start),
    detail: returns<AssistView>()(assistInputs.detail),
    help: returns<AssistView>()(assistInputs.help),
  },
  group: {
    detail: returns<GroupView>()(groupInputs.detail),
    mine: returns<{ items: GroupSummaryView[]; nextCursor: number | null }>()(groupInputs.mine),
    pick: returns<{ groupId: string | null }>()(groupInputs.pick),
  },
  share: {
    code: returns<ShareCodeView>()(shareInputs.code),
    poster: returns<PosterView>()(shareInputs.poster),
    summary: returns<PromoteSummaryView>()(shareInputs.summary),
    invitees: returns<{ items: InviteeView[]; nextCursor: number | null }>()(shareInputs.invitees),
    commissions: returns<{ items: CommissionView[]; nextCursor: number | null }>()(
      shareInputs.commissions,
    ),
    withdrawals: returns<WithdrawalView[]>()(shareInputs.withdrawals),
    withdraw: returns<WithdrawalView>()(shareInputs.withdraw),
    apply: returns<PromoteSummaryView>()(shareInputs.apply),
  },
  admin: {
    ship: returns<ShipmentView>()(adminInputs.ship, ALL_STAFF),
    shippingUploads: returns<ShipmentView[]>()(adminInputs.shippingUploads, ALL_STAFF),
    bulkShip: returns<{
      results: { row: number; orderId: string; ok: boolean; message: string }[];
    }>()(adminInputs.bulkShip, ALL_STAFF),
    orders: returns<AdminOrderListView>()(adminInputs.orders, ALL_STAFF),
    order: returns<AdminOrderView>()(adminInputs.order, ALL_STAFF),
    afterSales: returns<OrderDetailView[]>()(adminInputs.afterSales, MANAGERS),
    rejectAfterSale: returns<OrderDetailView>()(adminInputs.rejectAfterSale, MANAGERS),
    refund: returns<Refund>()(adminInputs.refund, MANAGERS),
    whoami: returns<StaffMeView>()(adminInputs.whoami, ALL_STAFF),
    skus: returns<AdminSkuListView>()(adminInputs.skus, ALL_STAFF),
    adjustStock: returns<StockLog>()(adminInputs.adjustStock, ALL_STAFF),
    setStock: returns<StockLog>()(adminInputs.setStock, ALL_STAFF),
    bulkStock: returns<{ applied: StockLog[] }>()(adminInputs.bulkStock, ALL_STAFF),
    stockLedger: returns<StockLedgerView>()(adminInputs.stockLedger, ALL_STAFF),
    setLowStockThreshold: returns<AdminSkuView>()(adminInputs.setLowStockThreshold, ALL_STAFF),
    confirmSignin: returns<{ confirmed: true }>()(adminInputs.confirmSignin, ALL_STAFF),
    revokeSessions: returns<{ revoked: true }>()(adminInputs.revokeSessions, ALL_STAFF),
    dashboard: returns<DashboardView>()(adminInputs.dashboard, MANAGERS),
    campaigns: returns<AdminCampaignView[]>()(adminInputs.campaigns, MANAGERS),
    setCampaignStatus: returns<AdminCampaignView>()(adminInputs.setCampaignStatus, MANAGERS),
    products: returns<AdminProductRow[]>()(adminInputs.products, MANAGERS),
    product: returns<AdminProductView>()(adminInputs.product, MANAGERS),
    saveProduct: returns<AdminProductView>()(adminInputs.saveProduct, MANAGERS),
    setProductOnSale: returns<AdminProductView>()(adminInputs.setProductOnSale, MANAGERS),
    uploadImage: returns<{ fileID: string }>()(adminInputs.uploadImage, MANAGERS),
    staffList: returns<StaffView[]>()(adminInputs.staffList, OWNER),
    saveStaff: returns<StaffView[]>()(adminInputs.saveStaff, OWNER),
    removeStaff: returns<StaffView[]>()(adminInputs.removeStaff, OWNER),
    saveCampaign: returns<Campaign>()(adminInputs.saveCampaign, MANAGERS),
    distributionSettings: returns<DistributionSettings>()(
      adminInputs.distributionSettings,
      MANAGERS,
    ),
    saveDistributionSettings: returns<DistributionSettings>()(
      adminInputs.saveDistributionSettings,
      MANAGERS,
    ),
    distributors: returns<{ items: AdminDistributorView[]; nextCursor: number | null }>()(
      adminInputs.distributors,
      MANAGERS,
    ),
    setDistributorStatus: returns<AdminDistributorView>()(
      adminInputs.setDistributorStatus,
      MANAGERS,
    ),
    commissions: returns<{ items: CommissionView[]; nextCursor: number | null }>()(
      adminInputs.commissions,
      MANAGERS,
    ),
    commissionLedger: returns<LedgerEntryView[]>()(adminInputs.commissionLedger, MANAGERS),
    withdrawals: returns<WithdrawalView[]>()(adminInputs.withdrawals, MANAGERS),
    markWithdrawalPaid: returns<WithdrawalView>()(adminInputs.markWithdrawalPaid, MANAGERS),
    rejectWithdrawal: returns<WithdrawalView>()(adminInputs.rejectWithdrawal, MANAGERS),
    noticeTemplates: returns<NoticeTemplateView[]>()(adminInputs.noticeTemplates, MANAGERS),
    saveNoticeTemplate: returns<NoticeTemplateView[]>()(adminInputs.saveNoticeTemplate, MANAGERS),
    outbox: returns<OutboxMessageView[]>()(adminInputs.outbox, MANAGERS),
    resendNotice: returns<OutboxMessageView>()(adminInputs.resendNotice, MANAGERS),
    pushNotice: returns<{ recipients: number; queued: number }>()(adminInputs.pushNotice, MANAGERS),
    channelCodes: returns<ChannelCodeView[]>()(adminInputs.channelCodes, MANAGERS),
    groups: returns<{ items: GroupSummaryView[]; nextCursor: number | null }>()(
      adminInputs.groups,
      MANAGERS,
    ),
    groupDetail: returns<AdminGroupView>()(adminInputs.groupDetail, MANAGERS),
    closeGroup: returns<AdminGroupView>()(adminInputs.closeGroup, MANAGERS),
    blindBoxes: returns<AdminBlindBoxView[]>()(adminInputs.blindBoxes, MANAGERS),
    cancelPresale: returns<{ deposits: number; compensated: number }>()(
      adminInputs.cancelPresale,
      MANAGERS,
    ),
    compensations: returns<CompensationView[]>()(adminInputs.compensations, MANAGERS),
    markCompensationPaid: returns<CompensationView>()(adminInputs.markCompensationPaid, MANAGERS),
    saveChannelCode: returns<ChannelCodeView>()(adminInputs.saveChannelCode, MANAGERS),
  },
} as const;

export type Api = typeof API;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type SpecOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends ActionSpec
  ? Api[F][A]
  : never;
/** What the caller sends (defaults not yet applied). */
export type InputOf<F extends FunctionName, A extends ActionName<F>> = z.input<
  SpecOf<F, A>['input']
>;
/** What the action receives (validated, defaults applied). */
export type ParsedInputOf<F extends FunctionName, A extends ActionName<F>> = z.output<
  SpecOf<F, A>['input']
>;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = SpecOf<F, A>['output'];
