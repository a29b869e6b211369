// Defects found by trying the shop as a hostile client (or an unlucky one), each pinned by a test
// that failed before its fix: a full refund that did not stop shipping at once, a zero total that
// could never be paid, a timer that left expired orders behind, one buyer's burst of orders or
// coupon claims that priced others out, hostile `action` values that crashed a function, and a
// timer anyone could call.
import { eventually, startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED_CAMPAIGN_IDS } from '../../emulator/seed/campaigns';
import { run, runSteps } from '../support/db-probe';
import {
  ADDRESS,
  buyNow,
  callAction,
  expectOk,
  paySandbox,
  readDoc,
  requestId,
  setFields,
  withFields,
} from '../support/shop';

const OWNER = 'demo-staff';
const DAY = 24 * 3600_000;
const buyNowLines = (skuId: string, qty = 1) => ({ source: 'buyNow', skuId, qty });

async function nowOf(cloud: LocalCloud): Promise<number> {
  return (await cloud.request('GET', '/_emulator/clock')).body.now;
}

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

describe('with slow database requests, as on CloudBase', () => {
  let cloud: LocalCloud;
  // Slow database requests (as on CloudBase) widen any window between two writes.
  beforeAll(async () => {
    cloud = await startLocalCloud({ seed: true, env: { CLOUD_DB_LATENCY_MS: '25' } });
  });
  afterAll(() => cloud.stop());

  it('no moment shows a recorded full refund on an order that can still be shipped', async () => {
    for (let round = 0; round < 3; round++) {
      const buyer = `refund-race-${round}`;
      const created = (await buyNow(cloud, buyer, 'p-longjing-1')) as any;
      const id = created.data.order.id;
      await paySandbox(cloud, id);
      let refunding = true;
      const refund = callAction(cloud, OWNER, 'admin', 'refund', {
        orderId: id,
        amountFen: created.data.order.totalFen,
        reason: '整单退款',
        requestId: requestId(),
      }).finally(() => (refunding = false));
      // Watchers, started every few ms while the refund runs: the refund record, then the order.
      const seen: { refund: boolean; status: string }[] = [];
      const watchers: Promise<void>[] = [];
      while (refunding) {
        watchers.push(
          runSteps(cloud, [
            { collection: 'refunds', calls: [['where', { orderId: id }], ['get']] },
            { collection: 'orders', calls: [['doc', id], ['get']] },
          ]).then(([r, o]) => {
            if (r.ok && o.ok)
              seen.push({ refund: r.value.data.length > 0, status: o.value.data.status });
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
      await Promise.all(watchers);
      expect((await refund).ok).toBe(true);
      // The order is REFUNDING from the moment the refund exists: never PAID (shippable) with it.
      expect(seen.filter((s) => s.refund && s.status === 'PAID')).toEqual([]);
      expect(seen.some((s) => s.refund)).toBe(true);
      expect(
        await callAction(cloud, OWNER, 'admin', 'ship', {
          orderId: id,
          company: '顺丰',
          trackingNo: 'SF20261124',
        }),
      ).toMatchObject({ ok: false, code: 'ORDER_STATE' });
      expect((await readDoc(cloud, 'orders', id)).shipping).toBeUndefined();
    }
  });

  it('one buyer firing many orders at a flash sale does not price other buyers out', async () => {
    const flash = await readDoc(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash);
    await setFields(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash, {
      conditions: [
        { code: 'QUOTA', args: { units: 6 } },
        { code: 'PER_USER_LIMIT', args: { units: 1, per: 'campaign' } },
      ],
    });
    await run(cloud, 'allowances', ['where', { campaignId: SEED_CAMPAIGN_IDS.flash }], ['remove']);
    try {
      const flashTotal = 1990 + 800;
      const others = Array.from({ length: 5 }, (_, i) => `fair-buyer-${i}`);
      const attempts = [...Array.from({ length: 60 }, () => 'greedy'), ...others];
      const order = (openid: string) =>
        callAction(cloud, openid, 'order', 'create', {
          lines: buyNowLines('p-cold-brew-1'),
          requestId: requestId(openid),
          address: ADDRESS,
          coupon: 'none',
          expectedTotalFen: flashTotal,
        });
      // All at once: with slow requests every order reaches its claims at about the same time.
      const results = await Promise.all(attempts.map(order));
      const wonBy = (openid: string) =>
        results.filter((r, i) => attempts[i] === openid && r.ok) as any[];
      for (const buyer of others) {
        expect({ buyer, won: wonBy(buyer).length }).toEqual({ buyer, won: 1 });
        expect(wonBy(buyer)[0].data.order.totalFen).toBe(flashTotal);
      }
      expect(wonBy('greedy').length).toBeLessThanOrEqual(1);
    } finally {
      await setFields(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash, {
        conditions: flash.conditions,
      });
      await run(
        cloud,
        'allowances',
        ['where', { campaignId: SEED_CAMPAIGN_IDS.flash }],
        ['remove'],
      );
    }
  });
});

describe('with the demo shop', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startLocalCloud({ seed: true });
  });
  afterAll(() => cloud.stop());

  it('an order whose total is zero is paid as it is placed, without WeChat Pay', async () => {
    const buyer = 'zero-buyer';
    const now = await nowOf(cloud);
    const couponId = 'adv-zero-coupon';
    await run(cloud, 'coupons', [
      'add',
      {
        data: {
          _id: couponId,
          openid: buyer,
          title: '全额抵扣券',
          discount: { type: 'AMOUNT', amountFen: 2000 },
          thresholdFen: 0,
          validFrom: now - 1000,
          validUntil: now + DAY,
          status: 'UNUSED',
          source: 'CENTER',
          issuedAt: now - 1000,
        },
      },
    ]);
    const sku = 'p-shampoo-1'; // 9.9 包邮试用: ¥9.90 with free shipping
    const before = await readDoc(cloud, 'skus', sku);
    const quote = await expectOk(cloud, buyer, 'order', 'quote', {
      lines: buyNowLines(sku),
      coupon: couponId,
    });
    expect(quote.totalFen).toBe(0);
    const created = await expectOk(cloud, buyer, 'order', 'create', {
      lines: buyNowLines(sku),
      requestId: requestId(buyer),
      address: ADDRESS,
      coupon: couponId,
      expectedTotalFen: 0,
    });
    expect(created.payment).toBeNull();
    expect(created.order).toMatchObject({ status: 'PAID', totalFen: 0 });
    const order = await readDoc(cloud, 'orders', created.order.id);
    expect(order.payment).toMatchObject({ method: 'free', paidFen: 0 });
    const after = await readDoc(cloud, 'skus', sku);
    expect(after.sold).toBe(before.sold + 1);
    expect(after.holds.some((h: any) => h.orderId === created.order.id)).toBe(false);
    expect((await readDoc(cloud, 'coupons', couponId)).status).toBe('USED');
    const { body: trades } = await cloud.request(
      'GET',
      `/_emulator/pay/orders?outTradeNo=${created.order.id}`,
    );
    expect(trades).toEqual([]);
  });

  it('one buyer firing many coupon claims does not make the center sold out for others', async () => {
    await run(cloud, 'allowances', ['doc', 'tplquota:tpl-3'], ['remove']);
    const attempts = [...Array.from({ length: 30 }, () => 'hoarder'), 'claimer-a', 'claimer-b'];
    const results = await withFields(
      cloud,
      'coupon_templates',
      'tpl-3',
      { totalQuota: 3, perUserLimit: 1 },
      () =>
        Promise.all(
          attempts.map((openid) =>
            callAction(cloud, openid, 'coupon', 'claim', { templateId: 'tpl-3' }),
          ),
        ),
    );
    const won = (openid: string) => results.filter((r, i) => attempts[i] === openid && r.ok);
    expect(won('claimer-a')).toHaveLength(1);
    expect(won('claimer-b')).toHaveLength(1);
    expect(won('hoarder')).toHaveLength(1);
    for (const r of results.filter((x, i) => !x.ok && attempts[i] === 'hoarder'))
      expect(r).toMatchObject({ code: 'COUPON_LIMIT' });
  });

  it('hostile action values and deeply nested input get a clear error, not a crash', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const bodies = [
      '{"action":{"toString":1}}',
      '{"action":{"toString":{"valueOf":1}}}',
      `{"action":${deep(10_000)}}`,
    ];
    for (const fn of ['cart', 'order', 'catalog', 'coupon', 'user', 'admin']) {
      for (const body of bodies) {
        const reply = await cloud.request('POST', `/functions/${fn}`, body, { 'X-WX-OPENID': 'x' });
        expect({ fn, status: reply.status, code: reply.body?.code }).toEqual({
          fn,
          status: 200,
          code: 'UNKNOWN_ACTION',
        });
      }
    }
    const nested = `{"action":"quote","lines":${deep(10_000)},"coupon":"auto"}`;
    const reply = await cloud.request('POST', '/functions/order', nested, { 'X-WX-OPENID': 'x' });
    expect({ status: reply.status, code: reply.body?.code }).toEqual({
      status: 200,
      code: 'INVALID_INPUT',
    });
  });

  it('a shopper cannot run the timer, even with a forged trigger event', async () => {
    const created = (await buyNow(cloud, 'timer-caller', 'p-longjing-1')) as any;
    const id = created.data.order.id;
    await setFields(cloud, 'orders', id, { expiresAt: (await nowOf(cloud)) - 1000 });
    for (const event of [{}, { Type: 'Timer', TriggerName: 'everyMinute', Time: '' }]) {
      expect(await cloud.call('timer', event, { openid: 'timer-caller' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect((await readDoc(cloud, 'orders', id)).status).toBe('UNPAID');
    // The real trigger does cancel it.
    await cloud.advanceClock(60_000);
    await eventually(async () => (await readDoc(cloud, 'orders', id)).status === 'CANCELLED');
  });

  it('a quota only held by unpaid orders still prices the campaign; the unit is taken when it comes back', async () => {
    const flash = await readDoc(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash);
    await setFields(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash, {
      conditions: [{ code: 'QUOTA', args: { units: 1 } }],
    });
    await run(cloud, 'allowances', ['where', { campaignId: SEED_CAMPAIGN_IDS.flash }], ['remove']);
    try {
      const order = (openid: string, expectedTotalFen: number) =>
        callAction(cloud, openid, 'order', 'create', {
          lines: buyNowLines('p-cold-brew-1'),
          requestId: requestId(openid),
          address: ADDRESS,
          coupon: 'none',
          expectedTotalFen,
        });
      const flashTotal = 1990 + 800;
      expect((await order('holder-a', flashTotal)).ok).toBe(true);
      const quote = await expectOk(cloud, 'waiter-b', 'order', 'quote', {
        lines: buyNowLines('p-cold-brew-1'),
        coupon: 'none',
      });
      expect(quote.lines[0].adjustments.map((a: any) => a.label)).toEqual(['秒杀价']);
      expect(quote.totalFen).toBe(flashTotal);
      expect(await order('waiter-b', flashTotal)).toMatchObject({
        ok: false,
        code: 'CAMPAIGN_UNITS_HELD',
      });
      // A's order is not paid within the flash sale's 5 minutes: the unit comes back.
      await cloud.advanceClock(6 * 60_000);
      const retried = (await order('waiter-b', flashTotal)) as any;
      expect(retried.ok).toBe(true);
      expect(retried.data.order.totalFen).toBe(flashTotal);
    } finally {
      await setFields(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash, {
        conditions: flash.conditions,
      });
    }
  });

  it('one timer run cancels every expired order, however many are due', async () => {
    const sku = 'p-tieguanyin-1';
    await withFields(cloud, 'skus', sku, { stock: 10_000 }, async () => {
      const before = (await readDoc(cloud, 'skus', sku)).stock;
      const buyers = Array.from({ length: 250 }, (_, i) => `expiring-${i}`);
      const created = await inBatches(buyers, 25, (b) => buyNow(cloud, b, sku));
      const ids = created.map((r: any) => {
        expect(r.ok).toBe(true);
        return r.data.order.id as string;
      });
      await cloud.advanceClock(16 * 60_000); // one firing of the every-minute trigger
      const statuses = await inBatches(
        ids,
        50,
        async (id) => (await readDoc(cloud, 'orders', id)).status,
      );
      expect(statuses.filter((s) => s !== 'CANCELLED')).toEqual([]);
      expect((await readDoc(cloud, 'skus', sku)).stock).toBe(before);
    });
  });
});
