// The admin's cloud calls (the admin function's actions), kept in the subpackage so the main
// package does not carry them. Typed by the API contract like every call; in a desktop browser
// signed in by QR they go over the staff session (session.ts).
import type { ActionName, InputOf } from '@domain/api/contract';
import { adminCall } from './session';

type In<A extends ActionName<'admin'>> = InputOf<'admin', A>;

export const adminApi = {
  whoami: () => adminCall('whoami', {}),
  skus: (input: In<'skus'>) => adminCall('skus', input),
  stockLedger: (skuId: string) => adminCall('stockLedger', { skuId }),
  adjustStock: (input: In<'adjustStock'>) => adminCall('adjustStock', input),
  setStock: (input: In<'setStock'>) => adminCall('setStock', input),
  bulkStock: (input: In<'bulkStock'>) => adminCall('bulkStock', input),
  setLowStockThreshold: (skuId: string, threshold: number) =>
    adminCall('setLowStockThreshold', { skuId, threshold }),
  orders: (input: In<'orders'>) => adminCall('orders', input),
  order: (orderId: string) => adminCall('order', { orderId }),
  ship: (input: In<'ship'>) => adminCall('ship', input),
  bulkShip: (input: In<'bulkShip'>) => adminCall('bulkShip', input),
  refund: (input: In<'refund'>) => adminCall('refund', input),
  afterSales: () => adminCall('afterSales', {}),
  rejectAfterSale: (orderId: string, note: string) =>
    adminCall('rejectAfterSale', { orderId, note }),
  dashboard: (days: number) => adminCall('dashboard', { days }),
  campaigns: () => adminCall('campaigns', {}),
  setCampaignStatus: (campaignId: string, status: 'ACTIVE' | 'PAUSED') =>
    adminCall('setCampaignStatus', { campaignId, status }),
  saveCampaign: (campaign: In<'saveCampaign'>['campaign']) =>
    adminCall('saveCampaign', { campaign }),
  products: (input: In<'products'>) => adminCall('products', input),
  product: (productId: string) => adminCall('product', { productId }),
  saveProduct: (input: In<'saveProduct'>) => adminCall('saveProduct', input),
  setProductOnSale: (productId: string, onSale: boolean) =>
    adminCall('setProductOnSale', { productId, onSale }),
  uploadImage: (input: In<'uploadImage'>) => adminCall('uploadImage', input),
  staffList: () => adminCall('staffList', {}),
  saveStaff: (input: In<'saveStaff'>) => adminCall('saveStaff', input),
  removeStaff: (openid: string) => adminCall('removeStaff', { openid }),
  distributionSettings: () => adminCall('distributionSettings', {}),
  saveDistributionSettings: (settings: In<'saveDistributionSettings'>['settings']) =>
    adminCall('saveDistributionSettings', { settings }),
  distributors: (input: In<'distributors'>) => adminCall('distributors', input),
  setDistributorStatus: (openid: string, status: 'ACTIVE' | 'DISABLED') =>
    adminCall('setDistributorStatus', { openid, status }),
  commissions: (input: In<'commissions'>) => adminCall('commissions', input),
  commissionLedger: (distributorId: string) => adminCall('commissionLedger', { distributorId }),
  withdrawals: (status: 'REQUESTED' | 'PAID' | 'REJECTED') => adminCall('withdrawals', { status }),
  markWithdrawalPaid: (id: string, note: string) => adminCall('markWithdrawalPaid', { id, note }),
  rejectWithdrawal: (id: string, note: string) => adminCall('rejectWithdrawal', { id, note }),
  channelCodes: () => adminCall('channelCodes', {}),
  noticeTemplates: () => adminCall('noticeTemplates', {}),
  saveNoticeTemplate: (kind: string, templateId: string) =>
    adminCall('saveNoticeTemplate', { kind, templateId }),
  outbox: (state?: In<'outbox'>['state']) => adminCall('outbox', state ? { state } : {}),
  resendNotice: (id: string) => adminCall('resendNotice', { id }),
  pushNotice: (input: In<'pushNotice'>) => adminCall('pushNotice', input),
  saveChannelCode: (channel: string, name: string) =>
    adminCall('saveChannelCode', { channel, name }),
  groups: (input: In<'groups'>) => adminCall('groups', input),
  groupDetail: (groupId: string) => adminCall('groupDetail', { groupId }),
  closeGroup: (groupId: string) => adminCall('closeGroup', { groupId }),
  cancelPresale: (campaignId: string) => adminCall('cancelPresale', { campaignId }),
  blindBoxes: () => adminCall('blindBoxes', {}),
  compensations: (state: 'OWED' | 'PAID') => adminCall('compensations', { state }),
  markCompensationPaid: (id: string, note: string) =>
    adminCall('markCompensationPaid', { id, note }),
};

export const newRequestId = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

export const confirmSignin = (code: string) => adminCall('confirmSignin', { code });
