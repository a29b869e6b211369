// Lucky blind boxes (幸运盲盒, RULES.md "Lucky blind box"): the odds a buyer sees are the odds their
// draw uses, fixed into the order when it is placed, and the draw is a pure function anyone can
// re-run: the order stores a commitment (SHA-256) to a server seed made for it; after payment the
// item is drawn from (seed, order id, the fixed odds) and the seed is revealed with the result.
// Pure rules here (no I/O): the odds for a buyer and the pool's checks; the draw and its proof
// are in blindbox-draw.ts (kept apart: it brings the hash, which only the pages that verify need).
import type { Fen } from './money';

export interface PoolItem {
  skuId: string;
  title: string;
  /** What the item is worth: never below the box's price (no empty or worthless box). */
  valueFen: Fen;
  /** Its share before tuning (a positive integer). */
  weight: number;
  /** The top grade the guarantee (保底) gives. */
  top?: boolean;
}

/** An item and its weight for one buyer's box, fixed into the order. */
export interface Odds {
  skuId: string;
  weight: number;
}

/** Buyer segments from their order history (RULES.md), for tuning the pool. */
export type Segment = 'HIGH_VALUE' | 'LOW_FREQUENCY' | 'LAPSED' | 'REGULAR';

export interface BuyerHistory {
  paidOrderCount: number;
  paidTotalFen: Fen;
  /** When they last paid (null: never). */
  lastPaidAt: number | null;
  /** SKUs whose product they bought before (1), or not (0). */
  bought: Record<string, number>;
}

const DAY = 24 * 60 * 60 * 1000;
export const HIGH_VALUE_FEN = 200_000; // ¥2,000 paid in all
export const LAPSED_AFTER_MS = 90 * DAY;

export function segmentOf(h: BuyerHistory, at: number): Segment {
  if (h.lastPaidAt !== null && at - h.lastPaidAt > LAPSED_AFTER_MS) return 'LAPSED';
  if (h.paidTotalFen >= HIGH_VALUE_FEN) return 'HIGH_VALUE';
  if (h.paidOrderCount <= 2) return 'LOW_FREQUENCY';
  return 'REGULAR';
}

export const SEGMENT_TEXT: Record<Segment, string> = {
  HIGH_VALUE: '高价值用户：更可能抽到没买过的好物',
  LOW_FREQUENCY: '新朋友：更可能抽到好复购的单品',
  LAPSED: '老朋友回归：更可能抽到你常买的商品',
  REGULAR: '标准概率',
};

/** How tuning favours an item for a segment: its weight is doubled when this holds. */
function favoured(item: PoolItem, segment: Segment, h: BuyerHistory, boxFen: Fen): boolean {
  const bought = h.bought[item.skuId] ?? 0;
  if (segment === 'HIGH_VALUE') return bought === 0 && item.valueFen >= boxFen * 2;
  if (segment === 'LOW_FREQUENCY') return item.valueFen <= boxFen * 1.5;
  if (segment === 'LAPSED') return bought >= 1;
  return false;
}

/**
 * The odds one buyer's box has: items with stock left, weights tuned to the buyer (doubled for
 * what their segment favours) when the campaign tunes; only top-grade items when the guarantee
 * is due. Sorted by SKU id, so the draw does not depend on the pool's order.
 */
export function oddsFor(
  pool: PoolItem[],
  stockLeft: Record<string, number>,
  buyer: { history: BuyerHistory; at: number; tuned: boolean; guaranteeDue: boolean },
  boxFen: Fen,
): Odds[] {
  const segment = segmentOf(buyer.history, buyer.at);
  const inStock = pool.filter((i) => (stockLeft[i.skuId] ?? 0) > 0);
  const tops = inStock.filter((i) => i.top);
  const eligible = buyer.guaranteeDue && tops.length ? tops : inStock;
  return eligible
    .map((i) => ({
      skuId: i.skuId,
      weight: i.weight * (buyer.tuned && favoured(i, segment, buyer.history, boxFen) ? 2 : 1),
    }))
    .sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
}

/** Probability of each item in parts per million, summing to exactly 1,000,000 (for display). */
export function probabilitiesPpm(odds: Odds[]): { skuId: string; ppm: number }[] {
  const total = odds.reduce((s, o) => s + o.weight, 0);
  if (total <= 0) return [];
  const exact = odds.map((o) => (o.weight * 1_000_000) / total);
  const floors = exact.map(Math.floor);
  let left = 1_000_000 - floors.reduce((s, f) => s + f, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - floors[i] }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    floors[i]++;
  }
  return odds.map((o, i) => ({ skuId: o.skuId, ppm: floors[i] }));
}

/** Why a pool cannot be published for a box of this price, or null. */
export function poolProblem(pool: PoolItem[], boxFen: Fen): string | null {
  if (!pool.length) return '奖池至少要有一件商品';
  if (new Set(pool.map((i) => i.skuId)).size !== pool.length) return '奖池中的规格不能重复';
  const cheap = pool.find((i) => i.valueFen < boxFen);
  if (cheap) return `奖池商品价值不能低于盲盒售价（${cheap.title}）`;
  if (pool.some((i) => !Number.isInteger(i.weight) || i.weight < 1)) return '权重须为正整数';
  return null;
}

/**
 * 盲盒裂变: how many options a buyer may remove with `friends` invited friends' boxes: one per
 * friend, never the last option.
 */
export function removalsAllowed(friends: number, options: number): number {
  return Math.max(0, Math.min(friends, options - 1));
}

/** The odds left after removing options (the draw uses exactly these). */
export const oddsAfterRemoval = (odds: Odds[], removed: string[]) =>
  odds.filter((o) => !removed.includes(o.skuId));
