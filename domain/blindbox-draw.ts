// The blind-box draw and its proof (domain/blindbox.ts explains the box): a pure function of the
// server seed, the order id and the odds fixed into the order, that anyone can re-run.
// js-sha256: the same hash in the cloud functions, the browser and the mini-program (the verify
// page recomputes draws on the buyer's own device).
import { sha256 } from 'js-sha256';
import type { Odds } from './blindbox';

export const commitmentOf = (seed: string) => sha256(seed);

/**
 * The draw: a point in [0, total weight) from SHA-256(seed:orderId) (its first 48 bits, far more
 * than any pool's total), then the item whose cumulative weight range holds it. Returns the
 * items in the order the draw tries them: the one drawn, then the next ones (cyclically, by
 * SKU id) for when the drawn one has just run out: a deterministic fall-through, so a box is
 * never empty while the pool has stock.
 */
export function draw(
  seed: string,
  orderId: string,
  odds: Odds[],
): { point: number; order: string[] } {
  const total = odds.reduce((s, o) => s + o.weight, 0);
  if (!odds.length || total <= 0) throw new RangeError('a draw needs at least one item');
  const bytes = sha256.array(`${seed}:${orderId}`);
  // The first 48 bits, as an exact integer (below 2^53).
  const value = bytes.slice(0, 6).reduce((n, b) => n * 256 + b, 0);
  const point = value % total;
  let cumulative = 0;
  let index = 0;
  for (; index < odds.length; index++) {
    cumulative += odds[index].weight;
    if (point < cumulative) break;
  }
  const order = odds.map((_o, k) => odds[(index + k) % odds.length].skuId);
  return { point, order };
}

/** Re-runs a recorded draw: true when the revealed seed matches the commitment and the item. */
export function verifyDraw(record: {
  commitment: string;
  seed: string;
  orderId: string;
  odds: Odds[];
  skuId: string;
  /** Items that had run out when it was drawn (the fall-through skipped them). */
  skipped: string[];
}): boolean {
  if (commitmentOf(record.seed) !== record.commitment) return false;
  const { order } = draw(record.seed, record.orderId, record.odds);
  const expected = order.find((s) => !record.skipped.includes(s));
  return expected === record.skuId;
}
