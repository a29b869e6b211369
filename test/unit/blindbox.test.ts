// The blind-box draw (domain/blindbox.ts): deterministic for a seed and an order; over 100,000
// seeds each item comes out as often as its odds say (chi-square, p = 0.001); the fall-through
// when an item just ran out is fixed; a revealed seed proves the draw and a changed one does not;
// the odds a buyer sees: in-stock items only, tuned by segment, the guarantee's top grade only.
import { fen } from '../../domain/money';
import {
  oddsFor,
  poolProblem,
  probabilitiesPpm,
  segmentOf,
  type BuyerHistory,
  type Odds,
  type PoolItem,
} from '../../domain/blindbox';
import { commitmentOf, draw, verifyDraw } from '../../domain/blindbox-draw';

const ODDS: Odds[] = [
  { skuId: 'a', weight: 1 },
  { skuId: 'b', weight: 2 },
  { skuId: 'c', weight: 3 },
  { skuId: 'd', weight: 4 },
];

it('a seed and an order always draw the same item', () => {
  const first = draw('seed-1', 'O1', ODDS);
  expect(draw('seed-1', 'O1', ODDS)).toEqual(first);
  expect(first.order).toHaveLength(4);
  expect(new Set(first.order).size).toBe(4);
});

it('over 100,000 seeds the frequencies match the odds (chi-square below the p = 0.001 bound)', () => {
  const counts = new Map(ODDS.map((o) => [o.skuId, 0]));
  const N = 100_000;
  for (let i = 0; i < N; i++) {
    const { order } = draw(`seed-${i}`, 'O-chi', ODDS);
    counts.set(order[0], counts.get(order[0])! + 1);
  }
  const total = ODDS.reduce((s, o) => s + o.weight, 0);
  const chi2 = ODDS.reduce((s, o) => {
    const expected = (N * o.weight) / total;
    return s + (counts.get(o.skuId)! - expected) ** 2 / expected;
  }, 0);
  expect(chi2).toBeLessThan(16.27); // 3 degrees of freedom
});

it('a rare item still comes out about as rarely as it should', () => {
  const odds = [
    { skuId: 'rare', weight: 1 },
    { skuId: 'common', weight: 999 },
  ];
  let rare = 0;
  for (let i = 0; i < 100_000; i++) if (draw(`r-${i}`, 'O-rare', odds).order[0] === 'rare') rare++;
  // Expected 100; 3 standard deviations either side.
  expect(rare).toBeGreaterThan(70);
  expect(rare).toBeLessThan(130);
});

it('the revealed seed proves the draw; another seed, item or odds does not', () => {
  const seed = 'a-secret-seed';
  const { order } = draw(seed, 'O9', ODDS);
  const record = { commitment: commitmentOf(seed), seed, orderId: 'O9', odds: ODDS };
  expect(verifyDraw({ ...record, skuId: order[0], skipped: [] })).toBe(true);
  // The drawn item had just run out: the next one in the fixed fall-through order.
  expect(verifyDraw({ ...record, skuId: order[1], skipped: [order[0]] })).toBe(true);
  expect(verifyDraw({ ...record, skuId: order[1], skipped: [] })).toBe(false);
  expect(verifyDraw({ ...record, seed: 'another', skuId: order[0], skipped: [] })).toBe(false);
});

const POOL: PoolItem[] = [
  { skuId: 'cheap', title: '小样', valueFen: fen(6000), weight: 10 },
  { skuId: 'mid', title: '中档', valueFen: fen(9000), weight: 5 },
  { skuId: 'top', title: '大奖', valueFen: fen(29900), weight: 1, top: true },
];
const history = (h: Partial<BuyerHistory> = {}): BuyerHistory => ({
  paidOrderCount: 5,
  paidTotalFen: fen(50_000),
  lastPaidAt: 0,
  bought: {},
  ...h,
});

it("a buyer's odds: in-stock items only, tuned by segment, the guarantee's top grade when due", () => {
  const stock = { cheap: 10, mid: 0, top: 3 };
  const plain = oddsFor(
    POOL,
    stock,
    { history: history(), at: 1, tuned: true, guaranteeDue: false },
    fen(4990),
  );
  expect(plain).toEqual([
    { skuId: 'cheap', weight: 10 },
    { skuId: 'top', weight: 1 },
  ]);
  // A high-value buyer who never bought the top item: its weight doubles.
  const rich = history({ paidTotalFen: fen(300_000) });
  expect(segmentOf(rich, 1)).toBe('HIGH_VALUE');
  expect(
    oddsFor(POOL, stock, { history: rich, at: 1, tuned: true, guaranteeDue: false }, fen(4990)),
  ).toEqual([
    { skuId: 'cheap', weight: 10 },
    { skuId: 'top', weight: 2 },
  ]);
  // Not tuned: the campaign's weights as they are.
  expect(
    oddsFor(POOL, stock, { history: rich, at: 1, tuned: false, guaranteeDue: false }, fen(4990)),
  ).toEqual(plain);
  expect(
    oddsFor(POOL, stock, { history: history(), at: 1, tuned: true, guaranteeDue: true }, fen(4990)),
  ).toEqual([{ skuId: 'top', weight: 1 }]);
  expect(segmentOf(history({ lastPaidAt: 0 }), 100 * 24 * 3_600_000)).toBe('LAPSED');
  expect(segmentOf(history({ paidOrderCount: 1, paidTotalFen: fen(100) }), 1)).toBe(
    'LOW_FREQUENCY',
  );
});

it('probabilities shown sum to exactly 100%; pools below the box price are refused', () => {
  const ppm = probabilitiesPpm([
    { skuId: 'x', weight: 1 },
    { skuId: 'y', weight: 1 },
    { skuId: 'z', weight: 1 },
  ]);
  expect(ppm.reduce((s, p) => s + p.ppm, 0)).toBe(1_000_000);
  expect(poolProblem(POOL, fen(4990))).toBeNull();
  expect(poolProblem(POOL, fen(6500))).toContain('不能低于盲盒售价');
  expect(poolProblem([], fen(100))).toContain('至少');
});
