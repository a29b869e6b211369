// Commission amounts (domain/distribution.ts), exact to the fen: the goods paid spread over the
// lines sums to the order's goods total, each line earns its rate rounded down, refunds take back
// a share that is never more than the commission and all of it when the goods are all refunded,
// and what is kept never exceeds what the kept goods earn.
import fc from 'fast-check';
import {
  commissionLines,
  mayEarn,
  voidedFen,
  DEFAULT_DISTRIBUTION,
  rateFor,
} from '../../domain/distribution';
import { fen, type Fen } from '../../domain/money';

const line = (productId: string, amountFen: number) => ({
  skuId: `${productId}-1`,
  productId,
  title: productId,
  amountFen: fen(amountFen),
});

it('10% of what was paid for the goods, shipping excluded, per line at its rate', () => {
  const lines = commissionLines(
    { lines: [line('a', 6000), line('b', 4000)], totalFen: fen(9000 + 800), shippingFen: fen(800) },
    (id) => (id === 'a' ? 10 : 25),
  );
  // The ¥10 order discount is spread 60/40 over the lines' bases.
  expect(lines.map((l) => l.baseFen)).toEqual([5400, 3600]);
  expect(lines.map((l) => l.amountFen)).toEqual([540, 900]);
  expect(rateFor({ ...DEFAULT_DISTRIBUTION, productRates: { p: 30 } }, 'p')).toBe(30);
  expect(rateFor(DEFAULT_DISTRIBUTION, 'q')).toBe(10);
});

it('who may earn: everyone but the disabled, or only the approved', () => {
  expect(mayEarn({ mode: 'everyone' }, null)).toBe(true);
  expect(mayEarn({ mode: 'everyone' }, 'DISABLED')).toBe(false);
  expect(mayEarn({ mode: 'approved' }, null)).toBe(false);
  expect(mayEarn({ mode: 'approved' }, 'APPLIED')).toBe(false);
  expect(mayEarn({ mode: 'approved' }, 'ACTIVE')).toBe(true);
});

const order = fc
  .record({
    amounts: fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 8 }),
    discountPct: fc.integer({ min: 0, max: 100 }),
    shipping: fc.constantFrom(0, 800),
    rates: fc.array(fc.integer({ min: 10, max: 50 }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ amounts, discountPct, shipping, rates }) => {
    const lines = amounts.map((a, i) => line(`p${i}`, a));
    const goods = amounts.reduce((s, a) => s + a, 0);
    const total = Math.floor((goods * (100 - discountPct)) / 100) + shipping;
    return { lines, totalFen: fen(total), shippingFen: fen(shipping), rates };
  });

it('over random orders: bases sum to the goods paid, every line earns at most its rate', () => {
  fc.assert(
    fc.property(order, (o) => {
      const lines = commissionLines(o, (id) => o.rates[Number(id.slice(1))]);
      const goods = o.totalFen - o.shippingFen;
      expect(lines.reduce((s, l) => s + l.baseFen, 0)).toBe(goods);
      for (const l of lines) {
        expect(Number.isInteger(l.amountFen)).toBe(true);
        expect(l.amountFen).toBeLessThanOrEqual((l.baseFen * l.ratePct) / 100);
        expect(l.amountFen).toBeGreaterThan((l.baseFen * l.ratePct) / 100 - 1);
      }
    }),
    { numRuns: 500 },
  );
});

it('over random partial refunds: the void is exact, bounded, and complete for a full refund', () => {
  fc.assert(
    fc.property(
      order,
      fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 6 }),
      (o, refunds) => {
        const lines = commissionLines(o, () => 10);
        const amount = fen(lines.reduce((s, l) => s + l.amountFen, 0));
        const base = fen(lines.reduce((s, l) => s + l.baseFen, 0));
        let refunded = 0;
        let last = 0;
        for (const r of refunds) {
          refunded = Math.min(refunded + r, o.totalFen);
          const voided = voidedFen(amount, base, fen(refunded) as Fen);
          expect(Number.isInteger(voided)).toBe(true);
          expect(voided).toBeGreaterThanOrEqual(last); // more refunded, never less taken back
          expect(voided).toBeLessThanOrEqual(amount);
          // What is kept is never more than the kept goods earn at the rate.
          const keptGoods = Math.max(0, base - refunded);
          expect(amount - voided).toBeLessThanOrEqual(Math.floor((keptGoods * 10) / 100) + 1);
          last = voided;
        }
        expect(voidedFen(amount, base, o.totalFen)).toBe(amount);
        expect(voidedFen(amount, base, fen(0))).toBe(0);
      },
    ),
    { numRuns: 500 },
  );
});
