// admin: staff-only actions (roles from the staff collection, as the API contract says): ship an
// order (and upload the shipment to WeChat; list the uploads WeChat has not accepted), refund it fully or partly, adjust stock with a reason (logged), save a campaign.
import type { Campaign } from '../../domain/campaigns/types';
import { referencedIds } from '../../domain/campaigns/rules';
import type { Order, Sku, StockLog } from '../../domain/model';
import { AppError } from '../../domain/result';
import { expressCompany } from '../../domain/shipping';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, findById, findByIds, findWhere } from '../lib/infra/db';
import { createHandler } from '../lib/infra/router';
import { afterSaleQueue, rejectAfterSale } from '../lib/order/after-sale';
import { pendingUpload, uploadShipment } from '../lib/order/shipping-upload';
import { transition } from '../lib/order/transition';
import { orderDetail } from '../lib/views/order-views';
import { refundOrder } from './refund';

export const main = createHandler('admin', {
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

  async adjustStock({ skuId, delta, reason, requestId }, ctx): Promise<StockLog> {
    const logId = `adjust-${skuId}-${requestId}`;
    // One transaction: the stock change and its log entry, once per request id.
    return db.runTransaction(async (t: any) => {
      const logged = await t.collection('stock_logs').doc(logId).get();
      if (logged?.data) return logged.data as StockLog;
      const sku = (await t.collection('skus').doc(skuId).get())?.data as Sku | null;
      if (!sku) throw new AppError('SKU_NOT_FOUND');
      const stockAfter = sku.stock + delta;
      if (stockAfter < 0)
        throw new AppError('OUT_OF_STOCK', `库存只有 ${sku.stock}，不能减少 ${-delta}`);
      await t
        .collection('skus')
        .doc(skuId)
        .update({ data: { stock: stockAfter } });
      const log: StockLog = {
        _id: logId,
        skuId,
        delta,
        stockAfter,
        reason,
        by: ctx.openid,
        at: ctx.now,
      };
      const { _id, ...fields } = log;
      await t.collection('stock_logs').doc(_id).set({ data: fields });
      return log;
    }, 10);
  },

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
});
