// The admin function's actions (its main is index.ts; over HTTP, adminHttp runs the same ones),
// for staff only (roles from the staff collection, as the API contract says): stock (list,
// changes, bulk, ledger), staff and roles, desktop sign-in, finding orders, shipping (one or
// many; shipments uploaded to WeChat), refunds, the after-sale queue, saving a campaign.
import type { Campaign } from '../../domain/campaigns/types';
import { pricesProblem, referencedIds } from '../../domain/campaigns/rules';
import type { Fen } from '../../domain/money';
import type { Order } from '../../domain/model';
import { AppError } from '../../domain/result';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, findByIds, findWhere, updateWhere } from '../lib/infra/db';
import type { Handlers } from '../lib/infra/router';
import { afterSaleQueue, rejectAfterSale } from '../lib/order/after-sale';
import { orderDetail } from '../lib/views/order-views';
import { confirmSignin, revokeSessions } from '../lib/users/staff-sessions';
import { listCampaigns, setCampaignStatus } from './campaigns';
import { dashboard } from './dashboard';
import {
  listNoticeTemplates,
  listOutbox,
  pushNotice,
  resendNotice,
  saveNoticeTemplate,
} from './notices';
import {
  commissionLedger,
  handleWithdrawal,
  listChannelCodes,
  listCommissions,
  listDistributors,
  listWithdrawals,
  saveChannelCode,
  saveDistributionSettings,
  setDistributorStatus,
} from './distribution';
import { distributionSettings } from '../lib/distribution/settings';
import { adminOrder, searchOrders } from './orders';
import { shipOrder } from './ship';
import { getProduct, listProducts, saveProduct, setProductOnSale, uploadImage } from './products';
import { refundOrder } from '../lib/payments/refund-order';
import { closeGroupNow, groupDetail, listGroups } from './groups';
import { listBlindBoxes } from './blindboxes';
import { cancelPresale, listCompensations, markCompensationPaid } from './presales';
import { listStaff, removeStaff, saveStaff, whoami } from './staff';
import { bulkChange, changeStock, listSkus, stockLedger } from './stock';

export const adminHandlers: Handlers<'admin'> = {
  // Shipping (admin/ship.ts): one order, or many from CSV rows.
  ship: shipOrder,
  async bulkShip({ rows }, ctx) {
    const results = [];
    for (const [i, row] of rows.entries()) {
      try {
        await shipOrder(row, ctx);
        results.push({ row: i + 1, orderId: row.orderId, ok: true, message: '已发货' });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        results.push({ row: i + 1, orderId: row.orderId, ok: false, message: e.message });
      }
    }
    return { results };
  },

  // Shipments WeChat has not accepted yet (retrying) or refused (FAILED): for staff to see.
  async shippingUploads(_input, ctx) {
    const orders = await findWhere<Order>('orders', {
      'shippingUpload.status': _.in(['PENDING', 'FAILED']),
    });
    return orders.map((o) => ({ ...orderDetail(o, ctx.now), shippingUpload: o.shippingUpload! }));
  },

  refund: refundOrder,

  // Finding orders and one order as staff see it (admin/orders.ts).
  orders: (input) => searchOrders(input),
  order: ({ orderId }, ctx) => adminOrder(orderId, ctx.now),

  // The after-sale queue; a refund resolves a request, or staff turn it down with a note.
  afterSales: ({ status }, ctx) => afterSaleQueue(status, ctx.now),
  rejectAfterSale: ({ orderId, note }, ctx) => rejectAfterSale(orderId, note, ctx.now),

  // Stock (admin/stock.ts): the list, changes with their ledger entries, bulk changes, the ledger.
  whoami: async (_input, ctx) => whoami(ctx),
  skus: (input) => listSkus(input),
  adjustStock: ({ skuId, delta, reason, requestId }, ctx) =>
    changeStock(
      { skuId, mode: 'ADJUST', amount: delta, reason },
      `adjust-${skuId}-${requestId}`,
      ctx,
    ),
  setStock: ({ skuId, count, reason, requestId }, ctx) =>
    changeStock({ skuId, mode: 'SET', amount: count, reason }, `set-${skuId}-${requestId}`, ctx),
  bulkStock: ({ rows, requestId }, ctx) => bulkChange(rows, requestId, ctx),
  stockLedger: ({ skuId }) => stockLedger(skuId),
  async setLowStockThreshold({ skuId, threshold }) {
    await updateWhere('skus', { _id: skuId }, { lowStockThreshold: threshold });
    return (await stockLedger(skuId)).sku;
  },

  // Desktop sign-in (lib/users/staff-sessions.ts): confirmed from the mini-program by scanning.
  async confirmSignin({ code }, ctx) {
    await confirmSignin(code, ctx.openid, ctx.now);
    return { confirmed: true as const };
  },
  async revokeSessions({ openid }, ctx) {
    if (openid !== ctx.openid && ctx.staff?.role !== 'owner')
      throw new AppError('FORBIDDEN', '只能退出自己的电脑端登录');
    await revokeSessions({ openid }, ctx.now);
    return { revoked: true as const };
  },

  // Campaigns with their live figures; pause and resume (admin/campaigns.ts).
  campaigns: (_input, ctx) => listCampaigns(ctx.now),
  setCampaignStatus: ({ campaignId, status }, ctx) =>
    setCampaignStatus(campaignId, status, ctx.now),

  // The numbers (admin/dashboard.ts).
  dashboard: ({ days }, ctx) => dashboard(days, ctx.now),

  // Products (admin/products.ts): list, one for the form, save, on/off sale, pictures.
  products: (input) => listProducts(input),
  product: ({ productId }) => getProduct(productId),
  saveProduct: ({ product }, ctx) => saveProduct(product, ctx),
  setProductOnSale: ({ productId, onSale }, ctx) => setProductOnSale(productId, onSale, ctx.now),
  uploadImage: (input, ctx) => uploadImage(input, ctx.now),

  // Staff and roles (owner only; admin/staff.ts).
  staffList: () => listStaff(),
  saveStaff: (input) => saveStaff(input),
  removeStaff: ({ openid }) => removeStaff(openid),

  // The contract's schema has checked every rule and its arguments; here, that the products and
  // SKUs they name exist. Then the home page's snapshot is rebuilt so shoppers see it at once.
  async saveCampaign({ campaign }, ctx) {
    const saved = campaign as Campaign;
    const { productIds, skuIds } = referencedIds(saved);
    const [products, skus] = await Promise.all([
      findByIds<{ _id: string }>('products', productIds),
      findByIds<{ _id: string; priceFen: Fen }>('skus', skuIds),
    ]);
    const missing = [
      ...productIds.filter((id) => !products.some((p) => p._id === id)),
      ...skuIds.filter((id) => !skus.some((s) => s._id === id)),
    ];
    if (missing.length)
      throw new AppError('CAMPAIGN_INVALID', `活动设置有误：商品不存在（${missing.join('、')}）`);
    // Rules checked against the SKUs' prices (a 定金 above 20% of the price is refused).
    const problem = pricesProblem(saved, (id) => skus.find((s) => s._id === id)?.priceFen);
    if (problem) throw new AppError('CAMPAIGN_INVALID', `活动设置有误：${problem}`);
    const { _id, ...fields } = saved;
    await db.collection('campaigns').doc(_id).set({ data: fields });
    await buildStorefront(ctx.now);
    return saved;
  },
  // Distribution (admin/distribution.ts).
  distributionSettings: () => distributionSettings(),
  saveDistributionSettings: ({ settings }, ctx) => saveDistributionSettings(settings, ctx),
  distributors: (input) => listDistributors(input),
  setDistributorStatus,
  commissions: (input) => listCommissions(input),
  commissionLedger: ({ distributorId }) => commissionLedger(distributorId),
  withdrawals: ({ status }) => listWithdrawals(status),
  markWithdrawalPaid: (input, ctx) => handleWithdrawal(input, true, ctx),
  rejectWithdrawal: (input, ctx) => handleWithdrawal(input, false, ctx),
  channelCodes: () => listChannelCodes(),
  saveChannelCode,
  // Group buying (admin/groups.ts).
  groups: (input) => listGroups(input),
  groupDetail: ({ groupId }, ctx) => groupDetail(groupId, ctx),
  closeGroup: ({ groupId }, ctx) => closeGroupNow(groupId, ctx),
  // Blind boxes (admin/blindboxes.ts).
  blindBoxes: (_input, ctx) => listBlindBoxes(ctx),
  // Pre-sales (admin/presales.ts).
  cancelPresale: ({ campaignId }, ctx) => cancelPresale(campaignId, ctx),
  compensations: ({ state }) => listCompensations(state),
  markCompensationPaid: (input, ctx) => markCompensationPaid(input, ctx),
  // Subscription messages (admin/notices.ts).
  noticeTemplates: () => listNoticeTemplates(),
  saveNoticeTemplate,
  outbox: (input) => listOutbox(input),
  resendNotice: ({ id }, ctx) => resendNotice(id, ctx),
  pushNotice,
};
