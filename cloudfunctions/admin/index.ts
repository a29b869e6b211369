// admin: staff-only actions (roles from the staff collection, as the API contract says): ship an
// order, refund it fully or partly, adjust stock with a reason (logged), save a campaign.
import type { Campaign } from '../../domain/campaigns/types';
import { referencedIds } from '../../domain/campaigns/rules';
import type { Order, Sku, StockLog } from '../../domain/model';
import { AppError } from '../../domain/result';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { findById, findByIds } from '../lib/infra/db';
import { createHandler } from '../lib/infra/router';
import { transition } from '../lib/order/transition';
import { orderDetail } from '../lib/views/order-views';
import { refundOrder } from './refund';

export const main = createHandler('admin', {
  async ship({ orderId, company, trackingNo }, ctx) {
    const order = await findById<Order>('orders', orderId);
    if (!order) throw new AppError('ORDER_NOT_FOUND');
    if (order.status !== 'PAID') throw new AppError('ORDER_STATE', '只有待发货的订单可以发货');
    const shipping = { company, trackingNo, at: ctx.now, by: ctx.openid };
    // Conditional on PAID: an order whose full refund was recorded meanwhile is REFUNDING.
    if (!(await transition(order, 'ship', ctx.openid, ctx.now, { shipping })))
      throw new AppError('ORDER_STATE', '订单状态已变化（可能正在退款），未发货');
    return orderDetail({ ...order, status: 'SHIPPED', shipping }, ctx.now);
  },

  refund: refundOrder,

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
