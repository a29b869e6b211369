// The campaign engine through the real functions: stacking, new-user prices under concurrency,
// flash-sale quota and per-user limit, coupons used once, full-return coupons, member tiers.
import { eventually, startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED_CAMPAIGN_IDS } from '../../emulator/seed/campaigns';
import { run } from '../support/db-probe';
import {
  ADDRESS,
  callAction,
  expectOk,
  paySandbox,
  readDoc,
  requestId,
  setFields,
  withFields,
} from '../support/shop';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

const buyNowLines = (skuId: string, qty = 1) => ({ source: 'buyNow', skuId, qty });
const quoteFor = (openid: string, skuId: string, qty = 1, coupon = 'auto') =>
  expectOk(cloud, openid, 'order', 'quote', { lines: buyNowLines(skuId, qty), coupon });
/** Orders what the buyer was just quoted, as the app does (the expected total guards the price). */
async function orderAsQuoted(openid: string, skuId: string, qty = 1, coupon = 'auto') {
  const q = await quoteFor(openid, skuId, qty, coupon);
  return callAction(cloud, openid, 'order', 'create', {
    lines: buyNowLines(skuId, qty),
    requestId: requestId(openid),
    address: ADDRESS,
    coupon,
    expectedTotalFen: q.totalFen,
  });
}

describe('stacking', () => {
  it('a new user gets the new-user price on one unit only; the rest of the line is at list price', async () => {
    const q = await quoteFor('stack-new', 'p-dried-mango-1', 3, 'none');
    const [line] = q.lines;
    expect(line.adjustments).toEqual([
      {
        code: 'NEW_USER',
        label: '新人价',
        amountFen: -(1590 - 100),
        campaignId: SEED_CAMPAIGN_IDS.newUser,
      },
    ]);
    expect(line.amountFen).toBe(100 + 2 * 1590);
  });

  it('a member gets the tier discount, but not on top of a special price; a coupon applies after', async () => {
    // demo-regular has paid ¥686: silver (9.8 折), and is not new.
    const member = await quoteFor('demo-regular', 'p-longjing-1', 1, 'none');
    expect(member.lines[0].adjustments).toEqual([
      expect.objectContaining({ label: '银卡会员9.8折', amountFen: -Math.floor(16800 * 0.02) }),
    ]);
    const flash = await quoteFor('demo-regular', 'p-navel-orange-1', 1, 'none');
    expect(flash.lines[0].adjustments).toEqual([
      expect.objectContaining({ label: '秒杀价', amountFen: 1990 - 3990 }),
    ]);

    await expectOk(cloud, 'demo-regular', 'coupon', 'claim', { templateId: 'tpl-99-10' });
    const withCoupon = await quoteFor('demo-regular', 'p-longjing-1', 1);
    const memberPrice = 16800 - Math.floor(16800 * 0.02);
    expect(withCoupon.adjustments).toEqual([
      expect.objectContaining({ code: 'COUPON', amountFen: -1000 }),
    ]);
    expect(withCoupon.totalFen).toBe(memberPrice - 1000 + withCoupon.shippingFen);
    expect(withCoupon.totalFen).toBe(
      withCoupon.goodsFen - withCoupon.discountFen + withCoupon.shippingFen,
    );
  });

  it('a trial is once per user per product and ships free', async () => {
    const first = await quoteFor('trial-user', 'p-shampoo-1', 2, 'none');
    expect(first.lines[0].amountFen).toBe(990 + 5900);
    expect(first.shippingFen).toBe(0);
    const created = await orderAsQuoted('trial-user', 'p-shampoo-1', 1, 'none');
    expect(created.ok).toBe(true);
    await paySandbox(cloud, (created as any).data.order.id);
    const again = await quoteFor('trial-user', 'p-shampoo-1', 1, 'none');
    expect(again.lines[0].adjustments).toEqual([]);
    expect((await quoteFor('trial-user', 'p-hand-cream-1', 1, 'none')).lines[0].amountFen).toBe(
      990,
    );
  });
});

describe('new-user price', () => {
  it('two first orders at once: only one gets the new-user price', async () => {
    const results = await Promise.all(
      [1, 2].map(() => orderAsQuoted('race-new', 'p-dried-mango-1')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'PRICE_CHANGED' });
    const winner = (results.find((r) => r.ok) as any).data.order;
    expect(winner.totalFen).toBe(100 + 800);
  });

  it('a cancelled or expired first order frees it again; paying ends it', async () => {
    const first = (await orderAsQuoted('free-again', 'p-dried-mango-1')) as any;
    expect(first.data.order.lineDetails[0].amountFen).toBe(100);
    expect((await quoteFor('free-again', 'p-dried-mango-1')).lines[0].amountFen).toBe(1590);
    await expectOk(cloud, 'free-again', 'order', 'cancel', { orderId: first.data.order.id });
    expect((await quoteFor('free-again', 'p-dried-mango-1')).lines[0].amountFen).toBe(100);

    const second = (await orderAsQuoted('free-again', 'p-dried-mango-1')) as any;
    await cloud.advanceClock(16 * 60_000);
    expect((await readDoc(cloud, 'orders', second.data.order.id)).status).toBe('CANCELLED');
    expect((await quoteFor('free-again', 'p-dried-mango-1')).lines[0].amountFen).toBe(100);

    const third = (await orderAsQuoted('free-again', 'p-dried-mango-1')) as any;
    await paySandbox(cloud, third.data.order.id);
    expect((await quoteFor('free-again', 'p-dried-mango-1')).lines[0].amountFen).toBe(1590);
  });

  it('a returning buyer pays the regular price for a new-user item; a new user the new-user price', async () => {
    // demo-regular has paid orders but never used the new-user allowance: only the condition
    // on the buyer keeps the price from them.
    // (They are a silver member: at most the member discount, 9.8 折 of ¥15.90.)
    const regular = await quoteFor('demo-regular', 'p-dried-mango-1', 1, 'none');
    expect(regular.lines[0].adjustments.map((a: any) => a.label)).not.toContain('新人价');
    expect(regular.lines[0].amountFen).toBeGreaterThanOrEqual(Math.floor(1590 * 0.98));
    const placed = (await orderAsQuoted('demo-regular', 'p-dried-mango-1', 1, 'none')) as any;
    expect(placed.ok).toBe(true);
    expect(placed.data.order.lineDetails[0].amountFen).toBe(regular.lines[0].amountFen);
    expect(await readDoc(cloud, 'allowances', 'user:cmp-new-user:demo-regular')).toBeNull();
    await expectOk(cloud, 'demo-regular', 'order', 'cancel', { orderId: placed.data.order.id });

    const fresh = await quoteFor('brand-new', 'p-dried-mango-1', 1, 'none');
    expect(fresh.lines[0]).toMatchObject({
      amountFen: 100,
      adjustments: [expect.objectContaining({ label: '新人价' })],
    });
  });

  it('the new-user coupon pack is issued once', async () => {
    await expectOk(cloud, 'pack-user', 'user', 'login', {});
    await expectOk(cloud, 'pack-user', 'user', 'login', {});
    const coupons = await expectOk(cloud, 'pack-user', 'coupon', 'mine', {});
    expect(coupons.map((c: any) => c.title).sort()).toEqual(['新人无门槛券', '新人满99减20']);
    expect((await expectOk(cloud, 'pack-user', 'user', 'me', {})).couponCount).toBe(2);
  });
});

describe('flash sale', () => {
  it('quota 50, 500 concurrent buyers: exactly 50 orders, the per-user limit held, nothing oversold', async () => {
    const conditions = [
      { code: 'QUOTA', args: { units: 50 } },
      { code: 'PER_USER_LIMIT', args: { units: 1, per: 'campaign' } },
    ];
    const removeAllowances = () =>
      run(cloud, 'allowances', ['where', { campaignId: SEED_CAMPAIGN_IDS.flash }], ['remove']);
    try {
      await withFields(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash, { conditions }, async () => {
        await removeAllowances();
        const sku = 'p-cold-brew-1';
        const stockBefore = (await readDoc(cloud, 'skus', sku)).stock;
        // 300 buyers, 200 of them trying twice at once.
        const buyers = Array.from({ length: 300 }, (_, i) => `flash-${i}`);
        const attempts = [...buyers, ...buyers.slice(0, 200)];
        const flashTotal = 1990 + 800;
        const results = await Promise.all(
          attempts.map((openid) =>
            callAction(cloud, openid, 'order', 'create', {
              lines: buyNowLines(sku),
              requestId: requestId(openid),
              address: ADDRESS,
              coupon: 'none',
              expectedTotalFen: flashTotal,
            }),
          ),
        );
        const won = results.filter((r) => r.ok) as any[];
        expect(won).toHaveLength(50);
        for (const r of won) expect(r.data.order.totalFen).toBe(flashTotal);
        // The rest are told the units are held by unpaid orders (they may come back), or that their
        // own limit is used by their other order (it then prices the same total, or is processing).
        for (const r of results.filter((x) => !x.ok))
          expect(['CAMPAIGN_UNITS_HELD', 'PRICE_CHANGED', 'ORDER_PROCESSING']).toContain(
            (r as any).code,
          );
        // Fifty different buyers: nobody got a second flash order.
        expect(new Set(won.map((r) => attempts[results.indexOf(r)])).size).toBe(50);
        const quota = await readDoc(cloud, 'allowances', `quota:${SEED_CAMPAIGN_IDS.flash}`);
        expect(quota.remaining).toBe(0);
        expect(quota.holds).toHaveLength(50);
        expect((await readDoc(cloud, 'skus', sku)).stock).toBe(stockBefore - 50);

        // Unpaid flash orders are released after 5 minutes, quota and stock with them.
        await cloud.advanceClock(6 * 60_000);
        await eventually(
          async () =>
            (await readDoc(cloud, 'allowances', `quota:${SEED_CAMPAIGN_IDS.flash}`)).remaining ===
            50,
        );
        expect((await readDoc(cloud, 'skus', sku)).stock).toBe(stockBefore);
      });
    } finally {
      await removeAllowances(); // the campaign's own quota starts afresh for later tests
    }
  });
});

describe('coupons', () => {
  it('the center limits claims per user and in total', async () => {
    const claims = await withFields(
      cloud,
      'coupon_templates',
      'tpl-199-30',
      { totalQuota: 3 },
      () =>
        Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            callAction(cloud, `claimer-${i}`, 'coupon', 'claim', { templateId: 'tpl-199-30' }),
          ),
        ),
    );
    expect(claims.filter((c) => c.ok)).toHaveLength(3);
    for (const c of claims.filter((x) => !x.ok))
      expect(c).toMatchObject({ code: 'COUPON_SOLD_OUT' });
    const twice = await Promise.all(
      [1, 2, 3].map(() => callAction(cloud, 'greedy', 'coupon', 'claim', { templateId: 'tpl-3' })),
    );
    expect(twice.filter((c) => c.ok)).toHaveLength(2);
    expect(twice.find((c) => !c.ok)).toMatchObject({ code: 'COUPON_LIMIT' });
    const center = await expectOk(cloud, 'greedy', 'coupon', 'center', {});
    expect(center.find((t: any) => t.id === 'tpl-3')).toMatchObject({
      claimedByMe: 2,
      perUserLimit: 2,
    });
  });

  it('a coupon is used by one order at most, even when several orders try it at once', async () => {
    const coupon = await expectOk(cloud, 'coupon-racer', 'coupon', 'claim', {
      templateId: 'tpl-99-10',
    });
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => orderAsQuoted('coupon-racer', 'p-tieguanyin-2', 1, coupon.id)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(['COUPON_UNAVAILABLE', 'PRICE_CHANGED']).toContain((r as any).code);
    const stored = await readDoc(cloud, 'coupons', coupon.id);
    expect(stored).toMatchObject({
      status: 'HELD',
      orderId: (results.find((r) => r.ok) as any).data.order.id,
    });
  });
});

describe('full-amount return', () => {
  it('paying for the designated product issues an equal coupon, withdrawn when the order is refunded', async () => {
    const created = (await orderAsQuoted('returner', 'p-seaweed-1', 1, 'none')) as any;
    const paidForLine = created.data.order.lineDetails[0].amountFen;
    await paySandbox(cloud, created.data.order.id);
    const [coupon] = (await expectOk(cloud, 'returner', 'coupon', 'mine', {})).filter(
      (c: any) => c.source === 'FULL_RETURN',
    );
    expect(coupon).toMatchObject({ amountFen: paidForLine, thresholdFen: 0, status: 'UNUSED' });
    await expectOk(cloud, 'demo-staff', 'admin', 'refund', {
      orderId: created.data.order.id,
      amountFen: created.data.order.totalFen,
      reason: '退货',
      requestId: requestId(),
    });
    expect((await readDoc(cloud, 'coupons', coupon.id)).status).toBe('WITHDRAWN');
    expect(
      (await expectOk(cloud, 'returner', 'coupon', 'mine', {})).filter(
        (c: any) => c.source === 'FULL_RETURN',
      ),
    ).toEqual([]);
  });
});

describe('member tiers', () => {
  it('a payment that crosses the threshold moves the user up, and the next quote has the new discount', async () => {
    await expectOk(cloud, 'climber', 'user', 'login', {});
    await setFields(cloud, 'users', 'climber', {
      paidOrderCount: 1,
      paidTotalFen: 49_000,
      signupPackIssued: true,
    });
    expect((await expectOk(cloud, 'climber', 'user', 'me', {})).tier).toMatchObject({
      code: 'normal',
      nextName: '银卡会员',
      toNextFen: 1000,
    });
    expect((await quoteFor('climber', 'p-longjing-1', 1, 'none')).lines[0].adjustments).toEqual([]);
    const created = (await orderAsQuoted('climber', 'p-tieguanyin-1', 1, 'none')) as any;
    await paySandbox(cloud, created.data.order.id);
    expect((await expectOk(cloud, 'climber', 'user', 'me', {})).tier).toMatchObject({
      code: 'silver',
      name: '银卡会员',
    });
    expect(
      (await quoteFor('climber', 'p-longjing-1', 1, 'none')).lines[0].adjustments[0].label,
    ).toBe('银卡会员9.8折');
  });
});

it('home shows the new-user zone to new users only, and the flash slot with its quota', async () => {
  const fresh = await expectOk(cloud, 'home-new', 'catalog', 'home', {});
  expect(fresh.slots.map((s: any) => s.kind)).toEqual(['NEW_USER', 'FLASH_SALE', 'TRIAL']);
  const newUserCard = fresh.slots[0].products.find((p: any) => p.id === 'p-dried-mango');
  expect(newUserCard.promo).toEqual({ label: '新人价', priceFen: 100 });
  const flash = fresh.slots[1];
  expect(flash).toMatchObject({
    total: expect.any(Number),
    remaining: expect.any(Number),
    endsAt: expect.any(Number),
  });
  const regular = await expectOk(cloud, 'demo-regular', 'catalog', 'home', {});
  expect(regular.slots.map((s: any) => s.kind)).toEqual(['FLASH_SALE', 'TRIAL']);
  const detail = await expectOk(cloud, 'home-new', 'catalog', 'product', {
    productId: 'p-dried-mango',
  });
  expect(detail.skus.find((s: any) => s.id === 'p-dried-mango-1').promo).toMatchObject({
    label: '新人价',
    priceFen: 100,
  });
});

describe('first paid order only', () => {
  it('paying another order first cancels the order holding the new-user price', async () => {
    const a = (await orderAsQuoted('first-only', 'p-dried-mango-1', 1, 'none')) as any;
    const b = (await orderAsQuoted('first-only', 'p-longjing-1', 1, 'none')) as any;
    expect(a.data.order.lineDetails[0].amountFen).toBe(100);
    await paySandbox(cloud, b.data.order.id);
    expect(await readDoc(cloud, 'orders', a.data.order.id)).toMatchObject({
      status: 'CANCELLED',
      cancel: { reason: 'NEW_USER_ENDED' },
    });
    expect(
      (await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: a.data.order.id }))
        .status,
    ).toBe(409);
  });

  it('a new-user order paid after another payment is refunded in full', async () => {
    const a = (await orderAsQuoted('late-first', 'p-dried-mango-1', 1, 'none')) as any;
    const b = (await orderAsQuoted('late-first', 'p-longjing-1', 1, 'none')) as any;
    await cloud.request('POST', '/_emulator/pay/confirm', {
      outTradeNo: a.data.order.id,
      notify: false,
    });
    await paySandbox(cloud, b.data.order.id);
    await cloud.request('POST', '/_emulator/pay/deliver', { outTradeNo: a.data.order.id });
    expect(await readDoc(cloud, 'orders', a.data.order.id)).toMatchObject({
      status: 'CANCELLED',
      cancel: { reason: 'NEW_USER_ENDED' },
    });
    const refunds = (
      await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${a.data.order.id}`)
    ).body;
    expect(refunds.map((r: any) => r.refundFee)).toEqual([a.data.order.totalFen]);
  });
});

describe('full-amount return, edge cases', () => {
  it('a line paid with a return coupon earns no new one', async () => {
    const first = (await orderAsQuoted('return-loop', 'p-seaweed-1', 1, 'none')) as any;
    await paySandbox(cloud, first.data.order.id);
    const [earned] = (await expectOk(cloud, 'return-loop', 'coupon', 'mine', {})).filter(
      (c: any) => c.source === 'FULL_RETURN',
    );
    const second = (await orderAsQuoted('return-loop', 'p-seaweed-1', 1, earned.id)) as any;
    expect(second.ok).toBe(true);
    await paySandbox(cloud, second.data.order.id);
    const returns = (
      await run(
        cloud,
        'coupons',
        ['where', { openid: 'return-loop', source: 'FULL_RETURN' }],
        ['get'],
      )
    ).data;
    expect(returns.map((c: any) => c.status)).toEqual(['USED']);
  });

  it('a return coupon held by an unpaid order is withdrawn when that order lets it go after a refund', async () => {
    const source = (await orderAsQuoted('return-held', 'p-seaweed-1', 1, 'none')) as any;
    await paySandbox(cloud, source.data.order.id);
    const [earned] = (await expectOk(cloud, 'return-held', 'coupon', 'mine', {})).filter(
      (c: any) => c.source === 'FULL_RETURN',
    );
    const holder = (await orderAsQuoted('return-held', 'p-longjing-1', 1, earned.id)) as any;
    expect((await readDoc(cloud, 'coupons', earned.id)).status).toBe('HELD');
    await expectOk(cloud, 'demo-staff', 'admin', 'refund', {
      orderId: source.data.order.id,
      amountFen: source.data.order.totalFen,
      reason: '退货',
      requestId: requestId(),
    });
    await expectOk(cloud, 'return-held', 'order', 'cancel', { orderId: holder.data.order.id });
    expect((await readDoc(cloud, 'coupons', earned.id)).status).toBe('WITHDRAWN');
  });
});

it('the best coupon is the one leaving the least to pay, shipping included', async () => {
  // ¥99.00 of goods ships free; a ¥3 coupon would bring it under ¥99 and add ¥8 shipping.
  await expectOk(cloud, 'ship-aware', 'coupon', 'claim', { templateId: 'tpl-3' });
  await run(
    cloud,
    'users',
    ['doc', 'ship-aware'],
    [
      'set',
      {
        data: {
          nickname: 'x',
          createdAt: 0,
          lastSeenAt: 0,
          firstEntry: { at: 0 },
          paidOrderCount: 1,
          paidTotalFen: 0,
          signupPackIssued: true,
        },
      },
    ],
  );
  await withFields(cloud, 'skus', 'p-egg-roll-1', { priceFen: 9900 }, async () => {
    const q = await quoteFor('ship-aware', 'p-egg-roll-1', 1);
    expect(q.couponId).toBeNull();
    expect(q.totalFen).toBe(9900);
  });
});

it('coupon-center claims racing from the same users: every user gets their limit, none is refused as sold out', async () => {
  const users = Array.from({ length: 30 }, (_, i) => `swarm-${i}`);
  const results = await Promise.all(
    users.flatMap((u) =>
      Array.from({ length: 5 }, () =>
        callAction(cloud, u, 'coupon', 'claim', { templateId: 'tpl-99-10' }),
      ),
    ),
  );
  // tpl-99-10 allows one per user and has plenty left.
  expect(results.filter((r) => r.ok)).toHaveLength(30);
  for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'COUPON_LIMIT' });
  const quota = await readDoc(cloud, 'allowances', 'tplquota:tpl-99-10');
  expect(quota.holds).toEqual([]);
  expect(quota.remaining + quota.used).toBe(1000);
});
