// The admin function's actions (its main is index.ts; over HTTP, adminHttp runs the same ones):
// staff-only actions (roles from the staff collection, as the API contract says): stock
// (list, changes, bulk, ledger), staff and roles, ship an order (and upload the shipment to
// WeChat; list the uploads WeChat has not accepted), refund it fully or partly, adjust stock with a reason (logged), save a campaign.
import type { Campaign } from '../../domain/campaigns/types';
import { referencedIds } from '../../domain/campaigns/rules';
import type { Order } from '../../domain/model';
import { AppError } from '../../domain/result';
import { expressCompany } from '../../domain/shipping';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, findById, findByIds, findWhere, updateWhere } from '../lib/infra/db';
import type { Handlers } from '../lib/infra/router';
import { afterSaleQueue, rejectAfterSale } from '../lib/order/after-sale';
import { pendingUpload, uploadShipment } from '../lib/order/shipping-upload';
import { transition } from '../lib/order/transition';
import { orderDetail } from '../lib/views/order-views';
import { confirmSignin, revokeSessions } from '../lib/users/staff-sessions';
import { refundOrder } from './refund';
import { listStaff, removeStaff, saveStaff, whoami } from './staff';
import { bulkChange, changeStock, listSkus, stockLedger } from './stock';

export const adminHandlers: Handlers<'admin'> = {
  // Ships a paid order and uploads the shipment to WeChat (see lib/order/shipping-upload.ts).
  async ship({ orderId, company, trackingNo }, ctx) {
    const express = expressCompany(company);
    if (!express) throw new AppError('INVALID_INPUT', `不支持的快递公司：${company}`);
    const order = await findById<Order>('orders', orderId);
    if (!order) throw new AppError('ORDER_NOT_FOUND');
    if (order.status !== 'PAID') throw new AppError('ORDER_STATE', '只有待发货的订单可以发货');
    const shipping = {
      company: express.name,
      companyCode: express.code,
      trackingNo,
      at: ctx.now,
      by: ctx.openid,
    };
    const shippingUpload = pendingUpload(order, ctx.now);
    // Conditional on PAID: an order whose full refund was recorded meanwhile is REFUNDING.
    if (!(await transition(order, 'ship', ctx.openid, ctx.now, { shipping, shippingUpload })))
      throw new AppError('ORDER_STATE', '订单状态已变化（可能正在退款），未发货');
    const shipped: Order = { ...order, status: 'SHIPPED', shipping, shippingUpload };
    const upload = await uploadShipment(shipped, ctx.now);
    return { ...orderDetail(shipped, ctx.now), shippingUpload: upload };
  },

  // Shipments WeChat has not accepted yet (retrying) or refused (FAILED): for staff to see.
  async shippingUploads(_input, ctx) {
    const orders = await findWhere<Order>('orders', {
      'shippingUpload.status': _.in(['PENDING', 'FAILED']),
    });
    return orders.map((o) => ({ ...orderDetail(o, ctx.now), shippingUpload: o.shippingUpload! }));
  },

  refund: refundOrder,

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
      findByIds<{ _id: string }>('skus', skuIds),
    ]);
    const missing = [
      ...productIds.filter((id) => !products.some((p) => p._id === id)),
      ...skuIds.filter((id) => !skus.some((s) => s._id === id)),
    ];
    if (missing.length)
      throw new AppError('CAMPAIGN_INVALID', `活动设置有误：商品不存在（${missing.join('、')}）`);
    const { _id, ...fields } = saved;
    await db.collection('campaigns').doc(_id).set({ data: fields });
    await buildStorefront(ctx.now);
    return saved;
  },
};
