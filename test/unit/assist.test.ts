// Friend assist's rules (domain/assist.ts), over random prices, floors, helps and schedules: the
// cuts always sum exactly to price − floor, the N-th help reaches the floor, the price never goes
// below it and only ever falls; who may help.
import fc from 'fast-check';
import { assistCuts, cutsText, helpProblem, priceAfter } from '../../domain/assist';
import { fen } from '../../domain/money';

it('cuts sum exactly to price − floor; the N-th help reaches the floor, never below', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 1_000_000 }),
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.integer({ min: 1, max: 50 }),
      fc.option(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 50 })),
      (list, floorRaw, helps, weights) => {
        const listFen = fen(list);
        const floorFen = fen(Math.min(floorRaw, list - 1));
        const cuts = assistCuts(listFen, floorFen, helps, weights ?? []);
        expect(cuts).toHaveLength(helps);
        expect(cuts.reduce((s, c) => s + c, 0)).toBe(listFen - floorFen);
        expect(cuts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
        expect(priceAfter(listFen, cuts, helps)).toBe(floorFen);
        expect(priceAfter(listFen, cuts, helps + 3)).toBe(floorFen);
        for (let k = 1; k <= helps; k++) {
          expect(priceAfter(listFen, cuts, k)).toBeLessThanOrEqual(
            priceAfter(listFen, cuts, k - 1),
          );
          expect(priceAfter(listFen, cuts, k)).toBeGreaterThanOrEqual(floorFen);
        }
      },
    ),
  );
});

it('listed weights shape the steps; equal steps otherwise', () => {
  expect(assistCuts(fen(15900), fen(9900), 3, [3, 2, 1])).toEqual([3000, 2000, 1000]);
  expect(assistCuts(fen(10000), fen(0), 3)).toEqual([3334, 3333, 3333]);
  expect(cutsText([fen(1000), fen(1000)])).toBe('每位好友减 ¥10.00');
  expect(cutsText([fen(3000), fen(1000)])).toBe('第1位减 ¥30.00，第2位减 ¥10.00');
});

it('who may help: not the starter, once, while collecting and before the deadline, new users if asked', () => {
  const assist = {
    starterId: 's',
    status: 'ACTIVE' as const,
    expiresAt: 1000,
    helps: [{ openid: 'a', at: 1 }],
    helpCount: 1,
    cuts: [fen(1), fen(1)],
  };
  const anyone = { newHelpersOnly: false };
  const helper = (openid: string, isNewUser = true) => ({ openid, isNewUser });
  expect(helpProblem(assist, helper('b'), anyone, 10)).toBeNull();
  expect(helpProblem(assist, helper('s'), anyone, 10)).toBe('不能为自己助力');
  expect(helpProblem(assist, helper('a'), anyone, 10)).toBe('你已经助力过了');
  expect(helpProblem(assist, helper('b'), anyone, 1000)).toBe('助力已结束');
  expect(helpProblem({ ...assist, helpCount: 2 }, helper('b'), anyone, 10)).toBe(
    '已经助力到底价了',
  );
  expect(helpProblem(assist, helper('b', false), { newHelpersOnly: true }, 10)).toBe(
    '本活动仅限新用户助力',
  );
});
