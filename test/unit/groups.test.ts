// Tiered group buying's rules (domain/groups.ts): the tier a group reaches, each member's refund
// (property: paid minus the final tier's price for every unit, never more than was paid, all of
// it when the group failed), which open group 一键参团 fills, and the tiers staff may publish.
import fc from 'fast-check';
import {
  memberRefundFen,
  nextTier,
  parseTiers,
  pickGroup,
  tierReached,
  tiersProblem,
  type Group,
  type GroupTier,
} from '../../domain/groups';
import { fen } from '../../domain/money';

const TIERS: GroupTier[] = [
  { size: 5, priceFen: fen(1990) },
  { size: 10, priceFen: fen(1490) },
  { size: 20, priceFen: fen(990) },
];

/** Valid tiers: sizes rising from 2, prices falling from a first price. */
const tiersArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5000 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((steps) => {
    let size = 1;
    let price = 5000 * 6;
    return steps.map(([dSize, dPrice]) => {
      size += dSize;
      price -= dPrice;
      return { size, priceFen: fen(Math.max(1, price)) };
    });
  })
  .filter((tiers) => tiersProblem(tiers) === null);

it('the tier reached is the largest whose size the paid members meet', () => {
  expect(tierReached(TIERS, 4)).toBeNull();
  expect(tierReached(TIERS, 5)).toEqual(TIERS[0]);
  expect(tierReached(TIERS, 19)).toEqual(TIERS[1]);
  expect(tierReached(TIERS, 20)).toEqual(TIERS[2]);
  expect(nextTier(TIERS, 7)).toEqual(TIERS[1]);
  expect(nextTier(TIERS, 20)).toBeNull();
});

it('every member is refunded what they paid less the final price, never more than they paid', () => {
  fc.assert(
    fc.property(
      tiersArb,
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 0, max: 1000 }),
      (tiers, paidMembers, qty, shippingFen) => {
        const paidFen = fen(tiers[0].priceFen * qty + shippingFen);
        const final = tierReached(tiers, paidMembers);
        const refund = memberRefundFen(tiers, final, { qty, paidFen });
        expect(refund).toBeGreaterThanOrEqual(0);
        expect(refund).toBeLessThanOrEqual(paidFen);
        if (!final) expect(refund).toBe(paidFen);
        // What the member keeps paying: the final price for each unit, plus the shipping.
        else expect(paidFen - refund).toBe(final.priceFen * qty + shippingFen);
      },
    ),
  );
});

function group(id: string, seatCount: number, deadline: number, members: string[] = []): Group {
  return {
    _id: id,
    campaignId: 'c',
    productId: 'p',
    skuId: 's',
    title: 't',
    image: '',
    leaderId: members[0] ?? 'x',
    tiers: TIERS,
    maxSize: 20,
    status: 'OPEN',
    createdAt: 0,
    lifetimeMs: 1,
    campaignEndsAt: 1e13,
    deadline,
    members: members.map((openid) => ({
      openid,
      orderId: `o-${openid}`,
      qty: 1,
      state: 'PAID' as const,
      joinedAt: 0,
    })),
    seatCount,
    heldCount: 0,
    paidCount: seatCount,
  };
}

it('一键参团 fills the group closest to its next tier, never one the user is in or cannot join', () => {
  const groups = [
    group('a', 2, 1000), // 3 to go for 5
    group('b', 9, 2000), // 1 to go for 10
    group('c', 4, 500, ['me']), // 1 to go, but I am in it
    group('d', 8, 100), // past its deadline at 200
    group('e', 20, 3000), // full
  ];
  expect(pickGroup(groups, 'me', 200)?._id).toBe('b');
  expect(pickGroup([groups[2], groups[3], groups[4]], 'me', 200)).toBeNull();
});

it('tiers staff publish: sizes rising from 2, prices falling; typed as 人数:价格', () => {
  expect(tiersProblem(TIERS)).toBeNull();
  expect(tiersProblem([{ size: 1, priceFen: fen(100) }])).toMatch(/人数/);
  expect(tiersProblem([TIERS[1], TIERS[0]])).toMatch(/增加/);
  expect(
    tiersProblem([
      { size: 5, priceFen: fen(100) },
      { size: 6, priceFen: fen(100) },
    ]),
  ).toMatch(/降低/);
  expect(parseTiers('5:19.9, 10:14.9，20：9.9')).toEqual(TIERS);
  expect(parseTiers('5人19.9')).toBeNull();
});
