// What the group pages show: the tiers with the one reached marked, members (paid and holding a
// seat), what the next tier needs, and the rules, stated before anyone pays or shares.
import type { AdminGroupView, GroupSummaryView, GroupView } from '../../../domain/api/views';
import {
  joinable,
  nextTier,
  tierReached,
  tiersText,
  type Group,
  type GroupStatus,
} from '../../../domain/groups';
import type { Order, User } from '../../../domain/model';
import { fen, formatYuan } from '../../../domain/money';
import { STATUS_TEXT } from '../../../domain/order-status';

export const GROUP_STATUS_TEXT: Record<GroupStatus, string> = {
  PENDING: '待团长付款',
  OPEN: '拼团中',
  SUCCEEDED: '拼团成功',
  FAILED: '拼团失败',
  CANCELLED: '未开团',
};

/** The rules every group page states up front (RULES.md "Tiered group buying"). */
export function groupRules(group: Pick<Group, 'tiers' | 'lifetimeMs'>): string[] {
  const first = group.tiers[0];
  const hours = Math.round(group.lifetimeMs / 3_600_000);
  return [
    `开团、参团都先按第一档 ${formatYuan(first.priceFen)} 付款，10 分钟内未付款名额自动释放`,
    `团长付款后开始计时 ${hours} 小时（不超过活动结束时间），人满最高档立即成团`,
    '结束时按达到的最高档价格成团，每人退还差价，原路退回，无需申请',
    `不足 ${first.size} 人拼团失败，全额原路退款`,
    '每人每团限参一次，所有人价格相同、商品相同；成团前订单不发货',
  ];
}

const nicknameOf = (users: Map<string, User>, openid: string) =>
  users.get(openid)?.nickname || '微信用户';

export function groupView(group: Group, users: User[], openid: string, at: number): GroupView {
  const byId = new Map(users.map((u) => [u._id, u]));
  const reached = tierReached(group.tiers, group.paidCount);
  const next =
    group.status === 'OPEN' || group.status === 'PENDING'
      ? nextTier(group.tiers, group.paidCount)
      : null;
  const mine = group.members.find((m) => m.openid === openid);
  return {
    id: group._id,
    campaignId: group.campaignId,
    productId: group.productId,
    skuId: group.skuId,
    title: group.title,
    image: group.image,
    status: group.status,
    statusText: GROUP_STATUS_TEXT[group.status],
    tiers: group.tiers.map((t) => ({
      size: t.size,
      priceFen: t.priceFen,
      reached: group.paidCount >= t.size,
      current: (group.finalTier ?? reached)?.size === t.size,
    })),
    paidCount: group.paidCount,
    seatCount: group.seatCount,
    maxSize: group.maxSize,
    next: next
      ? { size: next.size, priceFen: next.priceFen, missing: next.size - group.paidCount }
      : null,
    currentPriceFen: (group.finalTier ?? reached ?? group.tiers[0]).priceFen,
    deadline: group.deadline ?? null,
    members: group.members.map((m) => {
      const nickname = nicknameOf(byId, m.openid);
      return {
        nickname,
        initial: [...nickname][0] ?? '微',
        leader: m.openid === group.leaderId,
        paid: m.state === 'PAID',
        me: m.openid === openid,
      };
    }),
    me: mine
      ? { orderId: mine.orderId, paid: mine.state === 'PAID', refundFen: mine.refundFen ?? null }
      : null,
    joinable: !mine && joinable(group, at),
    finalTier: group.finalTier ?? null,
    rules: groupRules(group),
  };
}

export function groupSummary(group: Group, users: User[]): GroupSummaryView {
  const byId = new Map(users.map((u) => [u._id, u]));
  return {
    id: group._id,
    title: group.title,
    image: group.image,
    status: group.status,
    statusText: GROUP_STATUS_TEXT[group.status],
    paidCount: group.paidCount,
    maxSize: group.maxSize,
    tiersText: tiersText(group.tiers),
    deadline: group.deadline ?? null,
    createdAt: group.createdAt,
    leader: nicknameOf(byId, group.leaderId),
  };
}

export function adminGroupView(
  group: Group,
  users: User[],
  orders: Order[],
  at: number,
): AdminGroupView {
  const byUser = new Map(users.map((u) => [u._id, u]));
  const byOrder = new Map(orders.map((o) => [o._id, o]));
  return {
    ...groupView(group, users, '', at),
    memberOrders: group.members.map((m) => {
      const order = byOrder.get(m.orderId);
      return {
        orderId: m.orderId,
        nickname: nicknameOf(byUser, m.openid),
        state: m.state,
        orderStatus: order ? STATUS_TEXT[order.status] : '—',
        paidFen: order?.payment?.paidFen ?? fen(0),
        refundedFen: order?.refundedFen ?? fen(0),
        settled: !!m.settled,
      };
    }),
    unsettledCount: group.unsettledCount ?? 0,
    closeRequested: !!group.closeRequested,
  };
}
