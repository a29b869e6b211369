// Tiered group buying (阶梯拼团, RULES.md "Tiered group buying"): a group campaign publishes tiers
// of size and price per SKU (5 people ¥19.9, 10 people ¥14.9, 20 people ¥9.9). A leader opens a
// group by paying the first tier's price, friends join and pay the same; the group closes at its
// deadline or when it reaches the last tier. It then succeeds at the largest tier reached (each
// member refunded the difference to that tier's price) or, below the first tier, fails (everyone
// refunded in full). Pure rules here; the documents' life is in cloudfunctions/lib/groups.
import type { Fen } from './money';
import { fen } from './money';

export interface GroupTier {
  /** Paid members the group needs for this price. */
  size: number;
  priceFen: Fen;
}

/** A SKU's tiers in a group campaign (sizes rising, prices falling). */
export interface SkuTiers {
  skuId: string;
  tiers: GroupTier[];
}

/** How long a seat is held while its member pays. */
export const SEAT_HOLD_MS = 10 * 60 * 1000;
export const DEFAULT_GROUP_HOURS = 24;
/** The largest group a campaign may publish (a group is one document listing its members). */
export const MAX_GROUP_SIZE = 100;
/** Members are reminded this long before the deadline when the next tier is near. */
export const REMIND_BEFORE_MS = 2 * 60 * 60 * 1000;

export type GroupStatus =
  /** The leader's order is not paid yet: nobody else can join. */
  | 'PENDING'
  | 'OPEN'
  | 'SUCCEEDED'
  | 'FAILED'
  /** The leader never paid. */
  | 'CANCELLED';

export interface GroupMember {
  openid: string;
  orderId: string;
  qty: number;
  /** HELD: taken while the member pays (SEAT_HOLD_MS); PAID: counts toward the tiers. */
  state: 'HELD' | 'PAID';
  joinedAt: number;
  paidAt?: number;
  /** The closing's refund to this member was recorded (the refund path takes it from there). */
  settled?: true;
  refundFen?: Fen;
  /** Refund requests WeChat Pay turned down (each retry is a new request). */
  refundAttempts?: number;
}

/** A group (collection groups, id g-<leader's order>). */
export interface Group {
  _id: string;
  campaignId: string;
  productId: string;
  skuId: string;
  title: string;
  image: string;
  leaderId: string;
  tiers: GroupTier[];
  /** The last tier's size: seats never exceed it. */
  maxSize: number;
  status: GroupStatus;
  createdAt: number;
  /** Lifetime from the leader's payment, never past the campaign's end. */
  lifetimeMs: number;
  campaignEndsAt: number;
  openedAt?: number;
  deadline?: number;
  /** Staff asked to close it now (no one may join from then on). */
  closeRequested?: true;
  members: GroupMember[];
  /** HELD + PAID seats; never more than the last tier's size. */
  seatCount: number;
  heldCount: number;
  paidCount: number;
  closedAt?: number;
  /** The tier it succeeded at. */
  finalTier?: GroupTier;
  /** Paid members whose refund is still to be recorded after closing. */
  unsettledCount?: number;
  remindedAt?: number;
}

export const lastTier = (tiers: GroupTier[]): GroupTier => tiers[tiers.length - 1];
export const maxSize = (tiers: GroupTier[]): number => lastTier(tiers).size;

/** The largest tier `paid` members reach, or null below the first. */
export function tierReached(tiers: GroupTier[], paid: number): GroupTier | null {
  let reached: GroupTier | null = null;
  for (const tier of tiers) if (paid >= tier.size) reached = tier;
  return reached;
}

/** The next tier above `count` members, or null at the last. */
export function nextTier(tiers: GroupTier[], count: number): GroupTier | null {
  return tiers.find((t) => t.size > count) ?? null;
}

/**
 * What a paid member gets back when the group closes: the difference to the final tier's price
 * for each unit (everything they paid when it failed). Never more than they paid.
 */
export function memberRefundFen(
  tiers: GroupTier[],
  finalTier: GroupTier | null,
  member: { qty: number; paidFen: Fen },
): Fen {
  if (!finalTier) return member.paidFen;
  const perUnit = Math.max(0, tiers[0].priceFen - finalTier.priceFen);
  return fen(Math.min(member.paidFen, perUnit * member.qty));
}

export function groupDeadline(openedAt: number, lifetimeMs: number, campaignEndsAt: number) {
  return Math.min(openedAt + lifetimeMs, campaignEndsAt);
}

/** Whether one more member can take a seat now. */
export function joinable(group: Group, at: number): boolean {
  return (
    group.status === 'OPEN' &&
    !group.closeRequested &&
    (group.deadline ?? 0) > at &&
    group.seatCount < maxSize(group.tiers)
  );
}

/** Whether the group is due to close: full of paid members, past its deadline, or asked to. */
export function dueToClose(group: Group, at: number): boolean {
  return (
    group.status === 'OPEN' &&
    (group.paidCount >= maxSize(group.tiers) ||
      (group.deadline ?? Infinity) <= at ||
      !!group.closeRequested)
  );
}

/**
 * "Join any open group": the joinable group closest to its next tier (fewest seats missing),
 * then the one ending first; never one the user is already in.
 */
export function pickGroup(groups: Group[], openid: string, at: number): Group | null {
  const missing = (g: Group) => (nextTier(g.tiers, g.seatCount)?.size ?? Infinity) - g.seatCount;
  return (
    groups
      .filter((g) => joinable(g, at) && !g.members.some((m) => m.openid === openid))
      .sort(
        (a, b) => missing(a) - missing(b) || (a.deadline ?? 0) - (b.deadline ?? 0) || cmp(a, b),
      )[0] ?? null
  );
}

const cmp = (a: Group, b: Group) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** Why a set of tiers cannot be published, or null: sizes rising from 2, prices falling. */
export function tiersProblem(tiers: GroupTier[]): string | null {
  if (tiers.length < 1 || tiers.length > 5) return '每个规格设置 1-5 个档位';
  for (let i = 0; i < tiers.length; i++) {
    const { size, priceFen } = tiers[i];
    if (!Number.isInteger(size) || size < 2 || size > MAX_GROUP_SIZE)
      return `成团人数须在 2-${MAX_GROUP_SIZE} 之间`;
    if (!Number.isInteger(priceFen) || priceFen < 1) return '拼团价须大于 0';
    if (i > 0 && size <= tiers[i - 1].size) return '档位人数须逐档增加';
    if (i > 0 && priceFen >= tiers[i - 1].priceFen) return '档位价格须逐档降低';
  }
  return null;
}

/** "5人 ¥19.90 · 10人 ¥14.90": the tiers as staff and shoppers read them. */
export function tiersText(tiers: GroupTier[]): string {
  return tiers.map((t) => `${t.size}人 ¥${(t.priceFen / 100).toFixed(2)}`).join(' · ');
}

/** "5:19.9, 10:14.9" typed by staff into tiers, or null when it does not read. */
export function parseTiers(text: string): GroupTier[] | null {
  const parts = text.split(/[,，;；\s]+/).filter(Boolean);
  const tiers: GroupTier[] = [];
  for (const part of parts) {
    const m = /^(\d+)[:：](\d+(?:\.\d{1,2})?)$/.exec(part);
    if (!m) return null;
    tiers.push({ size: Number(m[1]), priceFen: fen(Math.round(Number(m[2]) * 100)) });
  }
  return tiers.length ? tiers : null;
}
