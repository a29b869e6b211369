// Input schemas of every cloud function action: checked at the function boundary, before any
// read or write. Prices, totals and user ids are never inputs: the server computes or knows them.
import { z } from 'zod';
import { ADDRESS_LIMITS, ADDRESS_MESSAGES } from '../address';
import { AFTER_SALE_REASONS } from '../after-sale';
import { campaignSchema } from '../campaigns/schema';
import { RATE_LIMITS } from '../distribution';
import { CHANNEL_MESSAGE, CHANNEL_PATTERN } from '../share';
import { productFormSchema } from '../product-form';

const id = z.string().min(1).max(64);
const qty = z.number().int().min(1, '数量至少为 1').max(99, '一次最多买 99 件');
/** A client-generated id that makes a retried submit return the first result. */
const requestId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

const m = ADDRESS_MESSAGES;
export const address = z.object({
  name: z.string().trim().min(1, m.name).max(ADDRESS_LIMITS.name, m.nameTooLong),
  phone: z.string().regex(/^1\d{10}$/, m.phone),
  region: z.string().trim().min(2, m.region).max(ADDRESS_LIMITS.region, m.regionTooLong),
  detail: z.string().trim().min(2, m.detail).max(ADDRESS_LIMITS.detail, m.detailTooLong),
});

/** Where a visit came from: a sharer's ref, a QR code's scene, the page opened. */
const entry = z.object({
  ref: z.string().max(32).optional(),
  scene: z.string().max(32).optional(),
  path: z.string().max(200).optional(),
});

export const userInputs = {
  launch: entry,
  login: entry,
  me: z.object({}),
  /** Removes an address from the address book. */
  removeAddress: z.object({ address }),
};

export const catalogInputs = {
  home: z.object({ cursor: z.number().int().min(0).max(10_000).optional() }),
  category: z.object({ categoryId: id.optional() }),
  product: z.object({ productId: id }),
  search: z.object({ keyword: z.string().trim().min(1).max(30) }),
};

export const cartInputs = {
  list: z.object({}),
  add: z.object({ skuId: id, qty }),
  /** 再次购买: an order's lines into the cart at once. */
  addLines: z.object({
    lines: z
      .array(z.object({ skuId: id, qty }))
      .min(1)
      .max(50),
  }),
  setQty: z.object({ skuId: id, qty }),
  remove: z.object({ skuIds: z.array(id).min(1).max(100) }),
};

/** What to buy: the cart (all or some SKUs) or one SKU now. */
const lines = z.union([
  z.object({ source: z.literal('cart'), skuIds: z.array(id).min(1).max(100).optional() }),
  z.object({ source: z.literal('buyNow'), skuId: id, qty }),
]);

/** 'auto' (the best usable coupon), 'none', or a coupon id. */
const coupon = z.string().min(1).max(64).default('auto');

/** A group-buying order: joins this group, or opens a new one without a groupId. */
const group = z.object({ campaignId: id, groupId: id.optional() }).strict().optional();

/** An assist's starter buying at the price it reached. */
const assist = z.object({ assistId: id }).strict().optional();

/** A blind box, with the buyer's answer to the age question (under 8: refused). */
const box = z
  .object({
    campaignId: id,
    age: z.enum(['ADULT', 'MINOR_WITH_GUARDIAN', 'UNDER_8'], {
      errorMap: () => ({ message: '请确认年龄' }),
    }),
  })
  .strict()
  .optional();

/** A pre-sale's deposit, or its final payment. */
const presale = z
  .object({ campaignId: id, step: z.enum(['DEPOSIT', 'FINAL']) })
  .strict()
  .optional();

export const orderInputs = {
  quote: z.object({ lines, coupon, group, assist, presale, box }),
  create: z.object({
    lines,
    group,
    assist,
    presale,
    box,
    requestId,
    address,
    remark: z.string().max(100).default(''),
    coupon,
    /** The total the buyer was shown: if the server's differs, nothing is ordered (PRICE_CHANGED). */
    expectedTotalFen: z.number().int().min(0).optional(),
  }),
  pay: z.object({ orderId: id }),
  cancel: z.object({ orderId: id }),
  confirmReceipt: z.object({ orderId: id }),
  list: z.object({
    status: z
      .enum(['UNPAID', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDING', 'REFUNDED'])
      .optional(),
    cursor: z.number().int().min(0).max(10_000).optional(),
  }),
  detail: z.object({ orderId: id }),
  requestAfterSale: z.object({
    orderId: id,
    reason: z.enum(AFTER_SALE_REASONS, {
      errorMap: () => ({ message: '请选择售后原因' }),
    }),
    detail: z.string().trim().max(200, '问题描述最多 200 个字').default(''),
  }),
};

export const couponInputs = {
  center: z.object({}),
  claim: z.object({ templateId: id }),
  mine: z.object({ status: z.enum(['UNUSED', 'USED', 'EXPIRED']).default('UNUSED') }),
};

/** What a share link or a code opens. */
const shareTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('product'), id }),
  z.object({ kind: z.literal('group'), id }),
  z.object({ kind: z.literal('assist'), id }),
  z.object({ kind: z.literal('presale'), id }),
]);

const ratePct = z
  .number()
  .int('佣金比例为整数')
  .min(RATE_LIMITS.minPct, `佣金比例不低于 ${RATE_LIMITS.minPct}%`)
  .max(RATE_LIMITS.maxPct, `佣金比例不高于 ${RATE_LIMITS.maxPct}%`);

export const distributionSettingsSchema = z.object({
  mode: z.enum(['everyone', 'approved']),
  defaultRatePct: ratePct,
  productRates: z
    .record(id, ratePct)
    .refine((r) => Object.keys(r).length <= 500, '最多 500 个商品'),
  freezeDays: z.number().int().min(0).max(60, '冻结期最多 60 天'),
  minWithdrawFen: z.number().int().min(100, '最低提现金额不少于 ¥1.00').max(1_000_000),
  protectDays: z.number().int().min(0).max(365, '保护期最多 365 天'),
  expireDays: z.number().int().min(0).max(3650),
});

const listCursor = z.number().int().min(0).max(100_000).default(0);

export const blindboxInputs = {
  detail: z.object({ campaignId: id }),
  verify: z.object({ orderId: id }),
  mine: z.object({}),
  remove: z.object({ orderId: id, skuId: id }),
  open: z.object({ orderId: id }),
};

export const presaleInputs = {
  detail: z.object({ campaignId: id }),
  cancelDeposit: z.object({ campaignId: id }),
};

export const assistInputs = {
  start: z.object({ campaignId: id, skuId: id }),
  detail: z.object({ assistId: id }),
  help: z.object({ assistId: id }),
};

export const groupInputs = {
  detail: z.object({ groupId: id }),
  mine: z.object({ cursor: listCursor }),
  /** 一键参团: the open group of this campaign and SKU closest to its next tier. */
  pick: z.object({ campaignId: id, skuId: id }),
};

export const shareInputs = {
  /** The caller's QR code for a target (made once, reused). */
  code: z.object({ target: shareTarget }),
  /** What a product's or a group's poster shows: picture, title, price, the caller's code. */
  poster: z
    .object({ productId: id.optional(), groupId: id.optional() })
    .refine((p) => !!p.productId !== !!p.groupId, '请指定商品或拼团'),
  /** 我的推广: the caller's figures as a sharer and distributor. */
  summary: z.object({}),
  invitees: z.object({ cursor: listCursor }),
  commissions: z.object({
    state: z.enum(['PENDING', 'FROZEN', 'SETTLED', 'VOID']).optional(),
    cursor: listCursor,
  }),
  withdrawals: z.object({}),
  withdraw: z.object({
    amountFen: z.number().int().min(1, '请输入提现金额').max(100_000_000),
    requestId,
  }),
  /** Asks to become a distributor (when the shop approves them). */
  apply: z.object({}),
};

const templateId = z.string().min(1).max(64);

export const noticeInputs = {
  /** The template ids of these notice kinds, to ask the user for (at most 3 at once). */
  templates: z.object({ kinds: z.array(z.string().max(40)).min(1).max(3) }),
  /**
   * What wx.requestSubscribeMessage answered after a tap: per template 'accept' (or a newer
   * accept variant), 'reject', 'ban' or 'filter'; `always` when the user ticked 总是保持以上选择.
   * The report id makes a retried report count once.
   */
  subscribe: z.object({
    reportId: requestId,
    answers: z
      .record(templateId, z.string().max(40))
      .refine((a) => Object.keys(a).length >= 1 && Object.keys(a).length <= 3, '一次最多 3 个模板'),
    always: z.boolean().default(false),
  }),
  /** The caller's unused opt-ins per template. */
  optIns: z.object({}),
  /** 提醒我 on an upcoming flash sale, or 到货提醒 on a sold-out SKU. */
  remind: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('FLASH_SALE_STARTING'), campaignId: id, productId: id }),
    z.object({ kind: z.literal('BACK_IN_STOCK'), skuId: id }),
  ]),
};

export const adminInputs = {
  ship: z.object({
    orderId: id,
    company: z.string().trim().min(1).max(20),
    trackingNo: z.string().trim().min(4).max(40),
  }),
  shippingUploads: z.object({}),
  /** Ships many orders (rows from a CSV); each order on its own. */
  bulkShip: z.object({
    rows: z
      .array(
        z.object({
          orderId: id,
          company: z.string().trim().min(1, '请填写快递公司').max(20),
          trackingNo: z.string().trim().min(4, '请填写运单号').max(40),
        }),
      )
      .min(1, '没有要发货的行')
      .max(200, '一次最多 200 行'),
  }),
  /** Orders by number, the buyer's phone, status and a date range (epoch ms), newest first. */
  orders: z.object({
    keyword: z.string().trim().max(40).optional(),
    status: z
      .enum(['UNPAID', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDING', 'REFUNDED'])
      .optional(),
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
    cursor: z.number().int().min(0).max(100_000).default(0),
  }),
  order: z.object({ orderId: id }),
  /** The after-sale queue: open requests first, oldest first. */
  afterSales: z.object({
    status: z.enum(['REQUESTED', 'REFUNDED', 'REJECTED']).default('REQUESTED'),
  }),
  rejectAfterSale: z.object({
    orderId: id,
    note: z.string().trim().min(1, '请填写不通过的原因').max(200),
  }),
  refund: z.object({
    orderId: id,
    amountFen: z.number().int().min(1),
    reason: z.string().trim().min(1).max(100),
    requestId,
  }),
  adjustStock: z.object({
    skuId: id,
    delta: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((n) => n !== 0, '变动数量不能为 0'),
    reason: z.string().trim().min(1).max(100),
    requestId,
  }),
  /** Who is signed in to the admin (any staff role). */
  whoami: z.object({}),
  skus: z.object({
    keyword: z.string().trim().max(30).optional(),
    categoryId: id.optional(),
    lowOnly: z.boolean().default(false),
    cursor: z.number().int().min(0).max(100_000).default(0),
  }),
  /** Set the counted stock in hand (盘点), with a reason. */
  setStock: z.object({
    skuId: id,
    count: z.number().int().min(0, '库存不能为负数').max(1_000_000),
    reason: z.string().trim().min(1, '请填写原因').max(100),
    requestId,
  }),
  /** Many changes at once (a CSV): all applied or none. */
  bulkStock: z.object({
    rows: z
      .array(
        z.object({
          skuId: id,
          mode: z.enum(['ADJUST', 'SET']),
          amount: z.number().int().min(-1_000_000).max(1_000_000),
          reason: z.string().trim().min(1, '请填写原因').max(100),
        }),
      )
      .min(1, '没有要导入的行')
      .max(200, '一次最多导入 200 行'),
    requestId,
  }),
  stockLedger: z.object({ skuId: id }),
  setLowStockThreshold: z.object({ skuId: id, threshold: z.number().int().min(0).max(100_000) }),
  /** A staff member confirms a desktop sign-in by scanning its QR code in the mini-program. */
  confirmSignin: z.object({ code: z.string().trim().min(8).max(32) }),
  /** Ends every desktop session of a staff member (the owner, for anyone; staff, for themselves). */
  revokeSessions: z.object({ openid: z.string().trim().min(1).max(64) }),
  campaigns: z.object({}),
  setCampaignStatus: z.object({ campaignId: id, status: z.enum(['ACTIVE', 'PAUSED']) }),
  dashboard: z.object({ days: z.number().int().min(1).max(90).default(30) }),
  products: z.object({
    keyword: z.string().trim().max(30).optional(),
    categoryId: id.optional(),
  }),
  product: z.object({ productId: id }),
  saveProduct: z.object({ product: productFormSchema }),
  setProductOnSale: z.object({ productId: id, onSale: z.boolean() }),
  /** A picture (base64, at most 2 MB) into cloud storage: PNG, JPG, WebP or SVG. */
  uploadImage: z.object({
    contentType: z.string().max(40),
    base64: z.string().min(1).max(3_000_000),
  }),
  staffList: z.object({}),
  saveStaff: z.object({
    openid: z.string().trim().min(1, '请填写 OPENID').max(64),
    name: z.string().trim().min(1, '请填写姓名').max(20),
    role: z.enum(['owner', 'operator', 'warehouse'], {
      errorMap: () => ({ message: '请选择角色' }),
    }),
  }),
  removeStaff: z.object({ openid: z.string().trim().min(1).max(64) }),
  /** Creates or replaces a campaign; its rules and their arguments are checked first. */
  saveCampaign: z.object({ campaign: campaignSchema }),
  distributionSettings: z.object({}),
  saveDistributionSettings: z.object({ settings: distributionSettingsSchema }),
  distributors: z.object({
    status: z.enum(['APPLIED', 'ACTIVE', 'DISABLED']).optional(),
    cursor: listCursor,
  }),
  setDistributorStatus: z.object({
    openid: z.string().trim().min(1).max(64),
    status: z.enum(['ACTIVE', 'DISABLED']),
  }),
  commissions: z.object({
    state: z.enum(['PENDING', 'FROZEN', 'SETTLED', 'VOID']).optional(),
    distributorId: z.string().trim().max(64).optional(),
    cursor: listCursor,
  }),
  commissionLedger: z.object({ distributorId: z.string().trim().min(1).max(64) }),
  withdrawals: z.object({
    status: z.enum(['REQUESTED', 'PAID', 'REJECTED']).default('REQUESTED'),
  }),
  markWithdrawalPaid: z.object({ id, note: z.string().trim().max(100).default('') }),
  rejectWithdrawal: z.object({
    id,
    note: z.string().trim().min(1, '请填写不通过的原因').max(100),
  }),
  groups: z.object({
    status: z.enum(['PENDING', 'OPEN', 'SUCCEEDED', 'FAILED', 'CANCELLED']).default('OPEN'),
    cursor: listCursor,
  }),
  groupDetail: z.object({ groupId: id }),
  closeGroup: z.object({ groupId: id }),
  cancelPresale: z.object({ campaignId: id }),
  blindBoxes: z.object({}),
  compensations: z.object({ state: z.enum(['OWED', 'PAID']).default('OWED') }),
  markCompensationPaid: z.object({ id, note: z.string().trim().max(100).default('') }),
  noticeTemplates: z.object({}),
  /** The WeChat template a notice kind uses (and field keys where it numbers them differently). */
  saveNoticeTemplate: z.object({
    kind: z.string().min(1).max(40),
    templateId: z.string().trim().min(1, '请填写模板 ID').max(64),
    keys: z
      .record(z.string().max(40), z.string().regex(/^[a-z_]+\d+$/, '字段键如 thing2'))
      .optional(),
  }),
  outbox: z.object({
    state: z.enum(['QUEUED', 'SENDING', 'SENT', 'SKIPPED', 'FAILED', 'UNCONFIRMED']).optional(),
    kind: z.string().max(40).optional(),
  }),
  /** Sends a failed or unconfirmed message again (staff decide; an unconfirmed one may arrive twice). */
  resendNotice: z.object({ id: z.string().min(1).max(120) }),
  /**
   * A push of one service notice to the users holding an unused opt-in for its template: a flash
   * sale starting or a product back in stock (service notices only). `send: false` previews the
   * recipient count; sending needs a request id (a retried push sends nothing twice).
   */
  pushNotice: z.object({
    notice: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('FLASH_SALE_STARTING'), campaignId: id, productId: id }),
      z.object({ kind: z.literal('BACK_IN_STOCK'), skuId: id }),
    ]),
    send: z.boolean().default(false),
    requestId: requestId.optional(),
  }),
  channelCodes: z.object({}),
  /** A channel's QR code (a store counter, a parcel card, an ad), made once. */
  saveChannelCode: z.object({
    channel: z.string().trim().regex(CHANNEL_PATTERN, CHANNEL_MESSAGE),
    name: z.string().trim().min(1, '请填写渠道名称').max(20, '渠道名称最多 20 个字'),
  }),
};

export type LinesInput = z.infer<typeof lines>;
export type AddressInput = z.infer<typeof address>;
