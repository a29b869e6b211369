// Stored orders as the app sees them.
import type { OrderDetailView, OrderSummaryView } from '../../../domain/api/views';
import { AFTER_SALE_TEXT, canRequestAfterSale } from '../../../domain/after-sale';
import type { Order } from '../../../domain/model';
import { cancelText } from '../../../domain/order-cancel';
import { STATUS_TEXT } from '../../../domain/order-status';

export function orderSummary(order: Order): OrderSummaryView {
  return {
    id: order._id,
    status: order.status,
    statusText: STATUS_TEXT[order.status],
    createdAt: order.createdAt,
    totalFen: order.totalFen,
    itemCount: order.lines.reduce((n, l) => n + l.qty, 0),
    lines: order.lines.map((l) => ({
      title: l.title,
      specText: l.specText,
      image: l.image,
      qty: l.qty,
      amountFen: l.amountFen,
    })),
    ...(order.group ? { group: groupOfOrder(order.group, order.status) } : {}),
    ...(order.presale ? { presale: presaleOfOrder(order.presale) } : {}),
  };
}

const chinaTime = (at: number) =>
  new Date(at + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');

function presaleOfOrder(presale: NonNullable<Order['presale']>) {
  const window =
    presale.finalStartsAt && presale.finalEndsAt
      ? `尾款 ${chinaTime(presale.finalStartsAt)} 至 ${chinaTime(presale.finalEndsAt)}`
      : '';
  const text =
    presale.state === 'FORFEITED'
      ? '定金已扣除：未在尾款期内付尾款'
      : presale.state === 'COMPENSATED'
        ? '商家取消了预售：定金已退回，另付等额补偿'
        : presale.step === 'DEPOSIT'
          ? `预售定金，不单独发货；${window}，逾期未付尾款定金不退`
          : '预售尾款，付款后按预售发货时间发货';
  return { campaignId: presale.campaignId, step: presale.step, text };
}

const GROUP_STATE_TEXT = {
  WAITING: '拼团中，成团后发货',
  SUCCEEDED: '拼团成功',
  FAILED: '拼团未成功，已全额退款',
} as const;

function groupOfOrder(group: NonNullable<Order['group']>, status: Order['status']) {
  // An order that was never paid never counted in its group.
  const text =
    status === 'UNPAID'
      ? '拼团中，付款后占座'
      : status === 'CANCELLED'
        ? '未付款，未参团'
        : GROUP_STATE_TEXT[group.state];
  return { id: group.groupId, state: group.state, text };
}

export function orderDetail(order: Order, now: number): OrderDetailView {
  const unpaid = order.status === 'UNPAID';
  const cancelled = order.status === 'CANCELLED';
  return {
    ...orderSummary(order),
    goodsFen: order.goodsFen,
    discountFen: order.discountFen,
    shippingFen: order.shippingFen,
    adjustments: order.adjustments,
    lineDetails: order.lines,
    address: order.address,
    remark: order.remark,
    expiresAt: order.expiresAt,
    paidAt: order.payment?.paidAt,
    shipping: order.shipping && {
      company: order.shipping.company,
      trackingNo: order.shipping.trackingNo,
      at: order.shipping.at,
    },
    refundedFen: order.refundedFen,
    ...(cancelled && order.cancel
      ? { cancelReason: order.cancel.reason, cancelText: cancelText(order.cancel.reason) }
      : {}),
    plan: order.plan ?? [{ code: 'FULL', label: '全款', amountFen: order.totalFen, dueNow: true }],
    canPay: unpaid && now < order.expiresAt && order.totalFen > 0,
    canCancel: unpaid,
    canRequestAfterSale: canRequestAfterSale(order, now),
    ...(order.afterSale
      ? {
          afterSale: {
            status: order.afterSale.status,
            statusText: AFTER_SALE_TEXT[order.afterSale.status],
            reason: order.afterSale.reason,
            detail: order.afterSale.detail,
            requestedAt: order.afterSale.requestedAt,
            ...(order.afterSale.note ? { note: order.afterSale.note } : {}),
          },
        }
      : {}),
  };
}
