// The order's extension points through the real functions: campaigns are validated when staff
// save them and skipped (not fatal) when a stored one is broken; lifecycle effects run once
// however often they are re-run, and an interrupted run is finished by the timer; a full refund
// runs the refunded effects (the coupon comes back, full-return rewards are withdrawn); a
// cancelled order tells the shopper why.
import { startLocalCloud, eventually, type LocalCloud } from '../../emulator/launcher';
import { seedCampaigns } from '../../emulator/seed/campaigns';
import {
  callAction,
  expectOk,
  paySandbox,
  readDoc,
  requestId,
  setFields,
  ADDRESS,
} from '../support/shop';
import { run } from '../support/db-probe';

let cloud: LocalCloud;
const OWNER = 'demo-staff';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

const buyNowLines = (skuId: string, qty = 1) => ({ source: 'buyNow', skuId, qty });

async function nowOf(): Promise<number> {
  return (await cloud.request('GET', '/_emulator/clock')).body.now;
}

/** Places a buy-now order as quoted (coupon choice as given) and returns the created view. */
async function order(openid: string, skuId: string, coupon = 'auto', qty = 1) {
  const quote = await expectOk(cloud, openid, 'order', 'quote', {
    lines: buyNowLines(skuId, qty),
    coupon,
  });
  return expectOk(cloud, openid, 'order', 'create', {
    lines: buyNowLines(skuId, qty),
    requestId: requestId(openid),
    address: ADDRESS,
    coupon: quote.couponId ?? 'none',
    expectedTotalFen: quote.totalFen,
  });
}

describe('campaigns are checked', () => {
  // The campaign the first test saves is gone after these tests, whatever happened.
  afterAll(() => run(cloud, 'campaigns', ['doc', 'cmp-weekend'], ['remove']));
  const campaign = (now: number) => ({
    ...seedCampaigns(now).find((c) => c._id === 'cmp-flash')!,
    _id: 'cmp-weekend',
    title: '周末秒杀',
    actions: [
      { code: 'SPECIAL_PRICE', args: { prices: [{ skuId: 'p-longjing-1', priceFen: 9900 }] } },
    ],
  });

  it('staff save a valid campaign; it prices at once and shows on the home page', async () => {
    const saved = await expectOk(cloud, OWNER, 'admin', 'saveCampaign', {
      campaign: campaign(await nowOf()),
    });
    expect(saved._id).toBe('cmp-weekend');
    const home = await expectOk(cloud, 'weekend-buyer', 'catalog', 'home', {});
    const slot = home.slots.find((s: any) => s.campaignId === 'cmp-weekend');
    expect(slot.products.map((p: any) => p.promo.priceFen)).toEqual([9900]);
    const quote = await expectOk(cloud, 'weekend-buyer', 'order', 'quote', {
      lines: buyNowLines('p-longjing-1'),
      coupon: 'none',
    });
    expect(quote.lines[0].amountFen).toBe(9900);
  });

  it('refuses a campaign with bad rules, unknown products or the wrong role, writing nothing', async () => {
    const now = await nowOf();
    const bad = { ...campaign(now), _id: 'cmp-bad' };
    const replies = [
      await callAction(cloud, OWNER, 'admin', 'saveCampaign', {
        campaign: { ...bad, conditions: [{ code: 'QUOTA', args: { units: -1 } }] },
      }),
      await callAction(cloud, OWNER, 'admin', 'saveCampaign', {
        campaign: { ...bad, actions: [{ code: 'FREE_LUNCH', args: {} }] },
      }),
      await callAction(cloud, OWNER, 'admin', 'saveCampaign', {
        campaign: {
          ...bad,
          actions: [
            { code: 'SPECIAL_PRICE', args: { prices: [{ skuId: 'no-such-sku', priceFen: 1 }] } },
          ],
        },
      }),
      await callAction(cloud, 'plain-buyer', 'admin', 'saveCampaign', { campaign: bad }),
    ];
    expect(replies.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'INVALID_INPUT',
      'INVALID_INPUT',
      'CAMPAIGN_INVALID',
      'FORBIDDEN',
    ]);
    expect(await readDoc(cloud, 'campaigns', 'cmp-bad')).toBeNull();
  });

  it('a broken campaign in the database is skipped, never failing every quote', async () => {
    const now = await nowOf();
    await run(cloud, 'campaigns', [
      'add',
      {
        data: {
          ...campaign(now),
          _id: 'cmp-broken',
          actions: [{ code: 'SPECIAL_PRICE', args: { prices: 'all of them at 1 fen' } }],
        },
      },
    ]);
    try {
      const quote = await expectOk(cloud, 'broken-buyer', 'order', 'quote', {
        lines: buyNowLines('p-longjing-1'),
        coupon: 'none',
      });
      expect(quote.lines[0].amountFen).toBe(9900); // the valid weekend campaign still prices
      await expectOk(cloud, 'broken-buyer', 'catalog', 'product', { productId: 'p-longjing' });
    } finally {
      await run(cloud, 'campaigns', ['doc', 'cmp-broken'], ['remove']);
    }
  });
});

describe('lifecycle effects', () => {
  it('re-running the paid effects changes nothing', async () => {
    const buyer = 'rerun-buyer';
    await expectOk(cloud, buyer, 'user', 'login', {});
    const created = await order(buyer, 'p-seaweed-1'); // a full-return product, with the ¥5 pack coupon
    const id = created.order.id;
    await paySandbox(cloud, id);
    const snapshot = async () => ({
      user: await readDoc(cloud, 'users', buyer),
      sku: (await readDoc(cloud, 'skus', 'p-seaweed-1')).sold,
      rewards: (await run(cloud, 'coupons', ['where', { sourceOrderId: id }], ['count'])).total,
      order: (await readDoc(cloud, 'orders', id)).effects,
    });
    const before = await snapshot();
    expect(before.order.paid).toEqual({ ran: expect.any(Array), done: true });
    expect(before.rewards).toBe(1);
    // As if every marker had been lost: the timer runs the whole list again.
    await setFields(cloud, 'orders', id, { effects: { paid: { ran: [], done: false } } });
    await cloud.advanceClock(2 * 60_000);
    await eventually(async () => (await readDoc(cloud, 'orders', id)).effects.paid?.done);
    expect(await snapshot()).toEqual(before);
    // A replayed notice finishes nothing twice either.
    const notice = (
      await cloud.request('GET', `/_emulator/pay/notices?functionName=payNotify`)
    ).body.find((n: any) => n.event.outTradeNo === id);
    await cloud.request('POST', '/_emulator/pay/notify', {
      functionName: 'payNotify',
      event: notice.event,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('an interrupted payment is finished by the timer, once', async () => {
    const buyer = 'crash-buyer';
    await expectOk(cloud, buyer, 'user', 'login', {});
    const created = await order(buyer, 'p-longjing-1', 'none');
    const id = created.order.id;
    const stockHeld = await readDoc(cloud, 'skus', 'p-longjing-1');
    expect(stockHeld.holds.some((h: any) => h.orderId === id)).toBe(true);
    // Paid, but the run died right after marking the order paid: no effects ran.
    await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: id, notify: false });
    await setFields(cloud, 'orders', id, {
      status: 'PAID',
      payment: { paidAt: await nowOf(), paidFen: created.order.totalFen },
    });
    await cloud.advanceClock(2 * 60_000);
    await eventually(async () => (await readDoc(cloud, 'orders', id)).effects?.paid?.done);
    const user = await readDoc(cloud, 'users', buyer);
    expect(user).toMatchObject({ paidOrderCount: 1, paidTotalFen: created.order.totalFen });
    const sku = await readDoc(cloud, 'skus', 'p-longjing-1');
    expect(sku.holds.some((h: any) => h.orderId === id)).toBe(false);
    expect(sku.sold).toBe(stockHeld.sold + 1);
    // The notice arrives late: counted once still.
    await cloud.request('POST', '/_emulator/pay/deliver', { outTradeNo: id });
    expect(await readDoc(cloud, 'users', buyer)).toMatchObject({ paidOrderCount: 1 });
    expect((await readDoc(cloud, 'skus', 'p-longjing-1')).sold).toBe(stockHeld.sold + 1);
  });

  it('a full refund gives the used coupon back and withdraws the full-return reward', async () => {
    const buyer = 'refund-effects';
    await expectOk(cloud, buyer, 'user', 'login', {});
    const created = await order(buyer, 'p-seaweed-1');
    const id = created.order.id;
    const couponId = created.order.adjustments.find((a: any) => a.couponId)?.couponId;
    expect(couponId).toBeDefined();
    await paySandbox(cloud, id);
    expect((await readDoc(cloud, 'coupons', couponId)).status).toBe('USED');
    await expectOk(cloud, OWNER, 'admin', 'refund', {
      orderId: id,
      amountFen: created.order.totalFen,
      reason: '不想要了',
      requestId: requestId(),
    });
    await eventually(async () => (await readDoc(cloud, 'orders', id)).status === 'REFUNDED');
    expect((await readDoc(cloud, 'coupons', couponId)).status).toBe('UNUSED');
    const rewards = (await run(cloud, 'coupons', ['where', { sourceOrderId: id }], ['get'])).data;
    expect(rewards.map((c: any) => c.status)).toEqual(['WITHDRAWN']);
    expect((await readDoc(cloud, 'orders', id)).effects.refunded).toMatchObject({ done: true });
  });

  it('a cancelled order tells the shopper why', async () => {
    const buyer = 'why-buyer';
    const created = await order(buyer, 'p-longjing-1', 'none');
    await cloud.advanceClock(16 * 60_000);
    const detail = await expectOk(cloud, buyer, 'order', 'detail', { orderId: created.order.id });
    expect(detail).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'PAYMENT_TIMEOUT',
      cancelText: '超时未支付，订单已自动取消',
      canPay: false,
    });
  });
});
