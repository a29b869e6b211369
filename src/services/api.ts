// Named calls for the pages, each a typed call of the API contract (domain/api/contract.ts):
// inputs and results are checked against it at compile time.
import type { InputOf } from '@domain/api/contract';
import type { AfterSaleReason } from '@domain/after-sale';
import type { Address, OrderStatus } from '@domain/model';
import { callCloud } from './cloud';

type Entry = InputOf<'user', 'launch'>;

export const api = {
  launch: (entry: Entry) => callCloud('user', 'launch', entry),
  login: (entry: Entry) => callCloud('user', 'login', entry),
  me: () => callCloud('user', 'me', {}),

  home: (cursor?: number) => callCloud('catalog', 'home', cursor ? { cursor } : {}),
  category: (categoryId?: string) =>
    callCloud('catalog', 'category', categoryId ? { categoryId } : {}),
  product: (productId: string) => callCloud('catalog', 'product', { productId }),
  search: (keyword: string) => callCloud('catalog', 'search', { keyword }),

  cart: () => callCloud('cart', 'list', {}),
  addToCart: (skuId: string, qty: number) => callCloud('cart', 'add', { skuId, qty }),
  addLinesToCart: (lines: { skuId: string; qty: number }[]) =>
    callCloud('cart', 'addLines', { lines }),
  setCartQty: (skuId: string, qty: number) => callCloud('cart', 'setQty', { skuId, qty }),
  removeFromCart: (skuIds: string[]) => callCloud('cart', 'remove', { skuIds }),

  quote: (
    lines: InputOf<'order', 'quote'>['lines'],
    coupon = 'auto',
    special: Pick<InputOf<'order', 'quote'>, 'group' | 'assist' | 'presale' | 'box'> = {},
  ) => callCloud('order', 'quote', { lines, coupon, ...special }),
  createOrder: (input: InputOf<'order', 'create'>) => callCloud('order', 'create', input),
  payOrder: (orderId: string) => callCloud('order', 'pay', { orderId }),
  cancelOrder: (orderId: string) => callCloud('order', 'cancel', { orderId }),
  confirmReceipt: (orderId: string) => callCloud('order', 'confirmReceipt', { orderId }),
  orders: (status?: OrderStatus, cursor?: number) =>
    callCloud('order', 'list', {
      ...(status && status !== 'CREATING' ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  order: (orderId: string) => callCloud('order', 'detail', { orderId }),
  requestAfterSale: (orderId: string, reason: AfterSaleReason, detail = '') =>
    callCloud('order', 'requestAfterSale', { orderId, reason, detail }),
  removeAddress: (address: Address) => callCloud('user', 'removeAddress', { address }),

  shareCode: (target: InputOf<'share', 'code'>['target']) => callCloud('share', 'code', { target }),
  poster: (of: { productId: string } | { groupId: string }) => callCloud('share', 'poster', of),
  promoteSummary: () => callCloud('share', 'summary', {}),
  invitees: (cursor?: number) => callCloud('share', 'invitees', cursor ? { cursor } : {}),
  commissions: (cursor?: number) => callCloud('share', 'commissions', cursor ? { cursor } : {}),
  withdrawals: () => callCloud('share', 'withdrawals', {}),
  withdraw: (amountFen: number, requestId: string) =>
    callCloud('share', 'withdraw', { amountFen, requestId }),
  applyDistributor: () => callCloud('share', 'apply', {}),

  subscribeNotices: (reportId: string, answers: Record<string, string>, always: boolean) =>
    callCloud('notice', 'subscribe', { reportId, answers, always }),
  remind: (input: InputOf<'notice', 'remind'>) => callCloud('notice', 'remind', input),

  startAssist: (campaignId: string, skuId: string) =>
    callCloud('assist', 'start', { campaignId, skuId }),
  assist: (assistId: string) => callCloud('assist', 'detail', { assistId }),
  helpAssist: (assistId: string) => callCloud('assist', 'help', { assistId }),

  blindBox: (campaignId: string) => callCloud('blindbox', 'detail', { campaignId }),
  myBoxes: () => callCloud('blindbox', 'mine', {}),
  removeBoxOption: (orderId: string, skuId: string) =>
    callCloud('blindbox', 'remove', { orderId, skuId }),
  openBox: (orderId: string) => callCloud('blindbox', 'open', { orderId }),
  verifyDraw: (orderId: string) => callCloud('blindbox', 'verify', { orderId }),

  presale: (campaignId: string) => callCloud('presale', 'detail', { campaignId }),
  cancelDeposit: (campaignId: string) => callCloud('presale', 'cancelDeposit', { campaignId }),

  group: (groupId: string) => callCloud('group', 'detail', { groupId }),
  myGroups: (cursor?: number) => callCloud('group', 'mine', cursor ? { cursor } : {}),
  pickGroup: (campaignId: string, skuId: string) =>
    callCloud('group', 'pick', { campaignId, skuId }),

  couponCenter: () => callCloud('coupon', 'center', {}),
  claimCoupon: (templateId: string) => callCloud('coupon', 'claim', { templateId }),
  myCoupons: (status: 'UNUSED' | 'USED' | 'EXPIRED') => callCloud('coupon', 'mine', { status }),
};
