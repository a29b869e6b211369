// admin: staff-only actions (roles from the staff collection): ship an order, refund it fully
// or partly, adjust stock with a reason (logged).
import { adminInputs } from '../../domain/api/inputs';
import type { Order, Sku, StockLog } from '../../domain/model';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { findById } from '../lib/infra/db';
import { orderDetail } from '../lib/views/order-views';
import { transition } from '../lib/order/transition';
import { action, createHandler } from '../lib/infra/router';
import { refundOrder } from './refund';

export const main = createHandler({
  ship: action({
    input: adminInputs.ship,
    staff: ['owner', 'operator', 'warehouse'],
    async run({ orderId, company, trackingNo }, ctx) {
      const order = await findById<Order>('orders', orderId);
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      if (order.status !== 'PAID') throw new AppError('ORDER_STATE', '只有待发货的订单可以发货');
      const shipping = { company, trackingNo, at: ctx.now, by: ctx.openid };
      if (!(await transition(order, 'ship', ctx.openid, ctx.now, { shipping })))
        throw new AppError('ORDER_STATE');
      return orderDetail({ ...order, status: 'SHIPPED', shipping }, ctx.now);
    },
  }),

  refund: action({ input: adminInputs.refund, staff: ['owner', 'operator'], run: refundOrder }),

  adjustStock: action({
    input: adminInputs.adjustStock,
    staff: ['owner', 'operator', 'warehouse'],
    async run({ skuId, delta, reason, requestId }, ctx): Promise<StockLog> {
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
  }),
});
