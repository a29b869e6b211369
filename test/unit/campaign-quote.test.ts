// Property tests of the pricing engine over random carts, campaigns and coupons.
import fc from 'fast-check';
import type { Campaign, Coupon, PricingFacts } from '../../domain/campaigns/types';
import type { Product, Sku } from '../../domain/model';
import { fen } from '../../domain/money';
import { quote, type QuoteInputLine } from '../../domain/pricing/quote';

const product = (id: string): Product => ({
  _id: id,
  categoryId: 'c',
  title: id,
  subtitle: '',
  images: [],
  description: '',
  specs: [],
  priceFen: fen(0),
  tags: [],
  status: 'ON',
  sort: 0,
  sales: 0,
  keywords: [],
  createdAt: 0,
});

const SKUS = Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}`);
const productOf = (skuId: string) => `p${Number(skuId.slice(1)) % 6}`;

const lineArb = fc.record({
  sku: fc.constantFrom(...SKUS),
  price: fc.integer({ min: 0, max: 50_000 }),
  qty: fc.integer({ min: 1, max: 20 }),
});
const cartArb = fc.uniqueArray(lineArb, { minLength: 1, maxLength: 12, selector: (l) => l.sku });

const campaignArb = fc.oneof(
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      priority: fc.integer({ min: 0, max: 3 }),
      skus: fc.subarray(SKUS, { minLength: 1 }),
      price: fc.integer({ min: 0, max: 60_000 }),
      perUser: fc.option(fc.integer({ min: 0, max: 5 })),
      quota: fc.option(fc.integer({ min: 0, max: 30 })),
      newUserOnly: fc.boolean(),
      freeShipping: fc.boolean(),
    })
    .map((c): Campaign => ({
      _id: `sp-${c.id}`,
      kind: 'FLASH_SALE',
      title: 't',
      label: '特价',
      startsAt: 0,
      endsAt: 10,
      status: 'ACTIVE',
      priority: c.priority,
      conditions: [
        ...(c.newUserOnly ? [{ code: 'NEW_USER', args: {} }] : []),
        ...(c.perUser !== null
          ? [{ code: 'PER_USER_LIMIT', args: { units: c.perUser, per: 'campaign' } }]
          : []),
        ...(c.quota !== null ? [{ code: 'QUOTA', args: { units: c.quota } }] : []),
      ],
      actions: [
        {
          code: 'SPECIAL_PRICE',
          args: { prices: c.skus.map((skuId) => ({ skuId, priceFen: c.price })) },
        },
        ...(c.freeShipping ? [{ code: 'FREE_SHIPPING', args: {} }] : []),
      ],
    })),
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      rate: fc.integer({ min: 50, max: 99 }),
    })
    .map((c): Campaign => ({
      _id: `tier-${c.id}`,
      kind: 'MEMBER',
      title: 't',
      label: '会员',
      startsAt: 0,
      endsAt: 10,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'TIER_DISCOUNT',
          args: { rates: { silver: c.rate, gold: c.rate - 5, diamond: c.rate - 10 } },
        },
      ],
    })),
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      off: fc.integer({ min: 1, max: 90 }),
      repeat: fc.boolean(),
    })
    .map((c): Campaign => ({
      _id: `pct-${c.id}`,
      kind: 'REPEAT_DISCOUNT',
      title: 't',
      label: '折扣',
      startsAt: 0,
      endsAt: 10,
      status: 'ACTIVE',
      priority: 0,
      conditions: c.repeat ? [{ code: 'REPEAT_PURCHASE', args: {} }] : [],
      actions: [{ code: 'PERCENT_OFF_LINES', args: { percentOff: c.off } }],
    })),
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      min: fc.integer({ min: 0, max: 100_000 }),
      off: fc.integer({ min: 1, max: 100_000 }),
    })
    .map((c): Campaign => ({
      _id: `order-${c.id}`,
      kind: 'ORDER_DISCOUNT',
      title: 't',
      label: '满减',
      startsAt: 0,
      endsAt: 10,
      status: 'ACTIVE',
      priority: 0,
      conditions: [{ code: 'MIN_SPEND', args: { amountFen: c.min } }],
      actions: [{ code: 'AMOUNT_OFF_ORDER', args: { amountFen: c.off } }],
    })),
);

const couponArb = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    amount: fc.integer({ min: 1, max: 100_000 }),
    threshold: fc.integer({ min: 0, max: 100_000 }),
    scoped: fc.boolean(),
  })
  .map((c): Coupon => ({
    _id: `c-${c.id}`,
    openid: 'u',
    title: '券',
    discount: { type: 'AMOUNT', amountFen: fen(c.amount) },
    thresholdFen: fen(c.threshold),
    ...(c.scoped ? { productIds: ['p1', 'p2'] } : {}),
    validFrom: 0,
    validUntil: 10,
    status: 'UNUSED',
    source: 'CENTER',
    issuedAt: 0,
  }));

const factsArb = fc.record({
  isNewUser: fc.boolean(),
  growth: fc.integer({ min: 0, max: 800_000 }),
  bought: fc.subarray(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']),
  coupons: fc.uniqueArray(couponArb, { maxLength: 4, selector: (c) => c._id }),
});

function build(cart: { sku: string; price: number; qty: number }[]): QuoteInputLine[] {
  return cart.map((l) => ({
    product: product(productOf(l.sku)),
    sku: {
      _id: l.sku,
      productId: productOf(l.sku),
      specValues: [],
      priceFen: fen(l.price),
      stock: 999,
      sold: 0,
      holds: [],
    } as Sku,
    qty: l.qty,
  }));
}

function factsFrom(f: {
  isNewUser: boolean;
  growth: number;
  bought: string[];
  coupons: Coupon[];
}): PricingFacts {
  return {
    now: 5,
    user: {
      openid: 'u',
      isNewUser: f.isNewUser,
      paidOrderCount: f.isNewUser ? 0 : 1,
      paidTotalFen: fen(f.growth),
      purchasedProductIds: f.bought,
    },
    allowances: {},
    coupons: f.coupons,
  };
}

const uniqueCampaigns = fc.uniqueArray(campaignArb, { maxLength: 6, selector: (c) => c._id });

describe('quote with campaigns', () => {
  it('total = goods - discount + shipping = lines + order adjustments + shipping, never negative', () => {
    fc.assert(
      fc.property(cartArb, uniqueCampaigns, factsArb, (cart, campaigns, f) => {
        const q = quote(build(cart), { facts: factsFrom(f), campaigns });
        const lines = q.lines.reduce((s, l) => s + l.amountFen, 0);
        const orderAdj = q.adjustments.reduce((s, a) => s + a.amountFen, 0);
        expect(q.totalFen).toBe(q.goodsFen - q.discountFen + q.shippingFen);
        expect(q.totalFen).toBe(lines + orderAdj + q.shippingFen);
        expect(q.totalFen).toBeGreaterThanOrEqual(0);
        for (const l of q.lines) {
          expect(l.amountFen).toBeGreaterThanOrEqual(0);
          expect(l.amountFen).toBe(
            l.unitPriceFen * l.qty + l.adjustments.reduce((s, a) => s + a.amountFen, 0),
          );
        }
        for (const a of [...q.adjustments, ...q.lines.flatMap((l) => l.adjustments)])
          expect(a.amountFen).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('does not depend on the order of lines or campaigns', () => {
    /** Any permutation of a list, every order as likely. */
    const permuted = <T>(items: T[]) =>
      fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
    const arb = fc
      .tuple(cartArb, uniqueCampaigns, factsArb)
      .chain(([cart, campaigns, f]) =>
        fc.tuple(
          fc.constant(cart),
          fc.constant(campaigns),
          fc.constant(f),
          permuted(cart),
          permuted(campaigns),
        ),
      );
    fc.assert(
      fc.property(arb, ([cart, campaigns, f, cartOrder, campaignOrder]) => {
        const a = quote(build(cart), { facts: factsFrom(f), campaigns });
        const b = quote(build(cartOrder), { facts: factsFrom(f), campaigns: campaignOrder });
        expect(b.totalFen).toBe(a.totalFen);
        expect(b.discountFen).toBe(a.discountFen);
        const bySku = (q: typeof a) =>
          Object.fromEntries(q.lines.map((l) => [l.skuId, l.amountFen]));
        expect(bySku(b)).toEqual(bySku(a));
        expect(b.claims).toEqual(expect.arrayContaining(a.claims));
      }),
    );
  });

  it('a line has at most one special price, and then no member discount; limits cap the units', () => {
    fc.assert(
      fc.property(cartArb, uniqueCampaigns, factsArb, (cart, campaigns, f) => {
        const q = quote(build(cart), { facts: factsFrom(f), campaigns });
        for (const line of q.lines) expect(line.adjustments.length).toBeLessThanOrEqual(1);
        for (const claim of q.claims) {
          if (claim.kind !== 'ALLOWANCE') continue;
          expect(claim.qty).toBeGreaterThan(0);
          expect(claim.qty).toBeLessThanOrEqual(claim.initial);
        }
        // At most one coupon, and only a usable one.
        expect(q.adjustments.filter((a) => a.code === 'COUPON').length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a limited special price applies to the allowed units only', () => {
    const campaign: Campaign = {
      _id: 'new',
      kind: 'NEW_USER',
      title: '新人',
      label: '新人价',
      startsAt: 0,
      endsAt: 10,
      status: 'ACTIVE',
      priority: 0,
      conditions: [
        { code: 'NEW_USER', args: {} },
        { code: 'PER_USER_LIMIT', args: { units: 1, per: 'campaign' } },
      ],
      actions: [{ code: 'SPECIAL_PRICE', args: { prices: [{ skuId: 's01', priceFen: 100 }] } }],
    };
    const facts = factsFrom({ isNewUser: true, growth: 0, bought: [], coupons: [] });
    const q = quote(build([{ sku: 's01', price: 1000, qty: 3 }]), { facts, campaigns: [campaign] });
    expect(q.lines[0].amountFen).toBe(100 + 2000);
    expect(q.claims).toEqual([
      {
        kind: 'ALLOWANCE',
        key: 'user:new:u',
        qty: 1,
        initial: 1,
        campaignId: 'new',
        newUserOnly: true,
        shared: false,
      },
    ]);
    const used = quote(build([{ sku: 's01', price: 1000, qty: 3 }]), {
      facts: { ...facts, allowances: { 'user:new:u': 0 } },
      campaigns: [campaign],
    });
    expect(used.lines[0].amountFen).toBe(3000);
    const old = quote(build([{ sku: 's01', price: 1000, qty: 1 }]), {
      facts: factsFrom({ isNewUser: false, growth: 0, bought: [], coupons: [] }),
      campaigns: [campaign],
    });
    expect(old.lines[0].adjustments).toEqual([]);
  });

  it('a coupon needs its threshold after special and member prices, and picks the best', () => {
    const coupons: Coupon[] = [
      {
        _id: 'small',
        openid: 'u',
        title: '3元',
        discount: { type: 'AMOUNT', amountFen: fen(300) },
        thresholdFen: fen(0),
        validFrom: 0,
        validUntil: 10,
        status: 'UNUSED',
        source: 'CENTER',
        issuedAt: 0,
      },
      {
        _id: 'big',
        openid: 'u',
        title: '满99减20',
        discount: { type: 'AMOUNT', amountFen: fen(2000) },
        thresholdFen: fen(9900),
        validFrom: 0,
        validUntil: 10,
        status: 'UNUSED',
        source: 'CENTER',
        issuedAt: 0,
      },
    ];
    const member: Campaign = {
      _id: 'm',
      kind: 'MEMBER',
      title: '会员',
      label: '会员',
      startsAt: 0,
      endsAt: 10,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [{ code: 'TIER_DISCOUNT', args: { rates: { silver: 90 } } }],
    };
    const facts = factsFrom({ isNewUser: false, growth: 60_000, bought: [], coupons });
    // ¥100 list, ¥90 after the silver discount: below the ¥99 threshold, so the ¥3 coupon wins.
    const q = quote(build([{ sku: 's01', price: 10_000, qty: 1 }]), { facts, campaigns: [member] });
    expect(q.couponId).toBe('small');
    expect(q.coupons.find((c) => c.id === 'big')?.usable).toBe(false);
    expect(
      quote(build([{ sku: 's01', price: 11_000, qty: 1 }]), { facts, campaigns: [member] })
        .couponId,
    ).toBe('big');
    expect(
      quote(build([{ sku: 's01', price: 10_000, qty: 1 }]), {
        facts,
        campaigns: [member],
        coupon: 'big',
      }).couponProblem,
    ).toBeDefined();
    expect(
      quote(build([{ sku: 's01', price: 10_000, qty: 1 }]), {
        facts,
        campaigns: [member],
        coupon: 'none',
      }).couponId,
    ).toBeNull();
  });

  it("coupons show their face value and this order's saving; auto keeps a mostly wasted coupon", () => {
    const coupon = (id: string, amountFen: number, validUntil = 10): Coupon => ({
      _id: id,
      openid: 'u',
      title: `${amountFen / 100}元`,
      discount: { type: 'AMOUNT', amountFen: fen(amountFen) },
      thresholdFen: fen(0),
      validFrom: 0,
      validUntil,
      status: 'UNUSED',
      source: 'CENTER',
      issuedAt: 0,
    });
    const factsWith = (...coupons: Coupon[]) =>
      factsFrom({ isNewUser: false, growth: 0, bought: [], coupons });
    // A ¥5 coupon on a ¥1 item would take ¥1 and waste ¥4: shown, usable, not chosen for the buyer.
    const cheap = quote(build([{ sku: 's01', price: 100, qty: 1 }]), {
      facts: factsWith(coupon('five', 500)),
      campaigns: [],
    });
    expect(cheap.coupons[0]).toMatchObject({
      id: 'five',
      face: { amountFen: 500 },
      savingFen: 100,
      usable: true,
    });
    expect(cheap.couponId).toBeNull();
    // The buyer may still choose it.
    expect(
      quote(build([{ sku: 's01', price: 100, qty: 1 }]), {
        facts: factsWith(coupon('five', 500)),
        campaigns: [],
        coupon: 'five',
      }).totalFen,
    ).toBe(0 + 800);
    // Two coupons saving the same on a ¥2.50 item: the one wasting less is chosen, whatever the
    // order they come in or which expires first.
    for (const coupons of [
      [coupon('three', 300, 6), coupon('four', 400, 9)],
      [coupon('four', 400, 6), coupon('three', 300, 9)],
    ]) {
      const q = quote(build([{ sku: 's01', price: 250, qty: 1 }]), {
        facts: factsWith(...coupons),
        campaigns: [],
      });
      expect(q.couponId).toBe('three');
    }
  });
});
