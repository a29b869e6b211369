// Deposit inflation's rules (domain/presale.ts), over random terms and friend counts: the credit
// never passes the cap and never falls below the base; the final payment is never below zero;
// exactly friendsToCap friends reach the cap; the 20% 定金 limit and the phases' order.
import fc from 'fast-check';
import {
  creditWith,
  finalDueFen,
  friendsToCap,
  phaseAt,
  termsProblem,
  type PresaleTerms,
} from '../../domain/presale';
import { fen } from '../../domain/money';

const DAY = 86_400_000;
const terms = (t: Partial<PresaleTerms> = {}): PresaleTerms => ({
  depositFen: fen(2000),
  creditFen: fen(5000),
  stepFen: fen(1000),
  capFen: fen(8000),
  depositEndsAt: 2 * DAY,
  finalStartsAt: 3 * DAY,
  finalEndsAt: 5 * DAY,
  shipAt: 6 * DAY,
  ...t,
});

it('the credit stays between the base and the cap; the final payment never below zero', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 1, max: 1_000_000 }),
      (credit, step, extra, friends, price) => {
        const t = { creditFen: fen(credit), stepFen: fen(step), capFen: fen(credit + extra) };
        const c = creditWith(t, friends);
        expect(c).toBeGreaterThanOrEqual(credit);
        expect(c).toBeLessThanOrEqual(credit + extra);
        const due = finalDueFen(fen(price), c);
        expect(due).toBeGreaterThanOrEqual(0);
        expect(due).toBe(Math.max(0, price - c));
        // Exactly friendsToCap friends reach the cap (when a step can).
        if (step > 0) {
          const n = friendsToCap(t);
          expect(creditWith(t, n)).toBe(credit + extra);
          if (n > 0) expect(creditWith(t, n - 1)).toBeLessThan(credit + extra);
        }
      },
    ),
  );
});

it('a 定金 above 20% of the price is not a 定金 (Civil Code 586); phases in order', () => {
  expect(termsProblem(terms({ depositFen: fen(2580) }), fen(12900), 0, 7 * DAY)).toBeNull();
  expect(termsProblem(terms({ depositFen: fen(2581) }), fen(12900), 0, 7 * DAY)).toContain('20%');
  expect(termsProblem(terms({ creditFen: fen(1000) }), fen(12900), 0, 7 * DAY)).toContain('抵扣');
  expect(termsProblem(terms({ finalStartsAt: DAY }), fen(12900), 0, 7 * DAY)).toContain('之前');
  expect(termsProblem(terms({ finalEndsAt: 8 * DAY }), fen(12900), 0, 7 * DAY)).toContain('结束');
  expect([0, DAY, 2.5 * DAY, 4 * DAY, 5 * DAY].map((at) => phaseAt(terms(), 1, at))).toEqual([
    'BEFORE',
    'DEPOSIT',
    'BETWEEN',
    'FINAL',
    'AFTER',
  ]);
});
