import fc from 'fast-check';
import {
  addFen,
  fen,
  formatYuan,
  mulFen,
  parseYuan,
  splitProportionally,
} from '../../domain/money';

describe('money in fen', () => {
  it('refuses fractions of a fen', () => {
    expect(() => fen(9.9)).toThrow(RangeError);
    expect(() => mulFen(fen(100), 1.5)).toThrow(RangeError);
    expect(addFen(fen(990), fen(10))).toBe(1000);
  });

  it('formats yuan for the view', () => {
    expect(formatYuan(fen(990))).toBe('¥9.90');
    expect(formatYuan(fen(5))).toBe('¥0.05');
    expect(formatYuan(fen(123456))).toBe('¥1234.56');
    expect(formatYuan(fen(-1500))).toBe('-¥15.00');
    expect(formatYuan(fen(0), '')).toBe('0.00');
  });

  it('splits proportionally into parts that sum exactly to the whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = splitProportionally(fen(total), weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          for (const p of parts) expect(Number.isInteger(p)).toBe(true);
          // Each part is within one fen of its exact share.
          const sum = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => {
            const exact = sum === 0 ? total / weights.length : (total * weights[i]) / sum;
            expect(Math.abs(p - exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('gives the leftover fen to the largest remainders first', () => {
    expect(splitProportionally(fen(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitProportionally(fen(10), [0, 0])).toEqual([5, 5]);
  });
});

it('reads yuan as staff type them, exactly, and refuses anything else', () => {
  expect(['12', '12.5', '12.50', '0.01', ' 3 '].map(parseYuan)).toEqual([1200, 1250, 1250, 1, 300]);
  for (const bad of ['', '-1', '1.234', 'abc', '1e3', '1,000', '.5'])
    expect(parseYuan(bad)).toBeNull();
});
