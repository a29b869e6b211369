// Deposit-inflation pre-sales through the real SDK, with the clock moved through the phases: a
// 定金 above 20% of the price is refused when saved; a deposit is an order of the deposit alone
// (no shipping, never shipped) whose plan shows the final payment; each friend the buyer brought
// who pays a deposit raises the credit by the step, up to the cap (100 friends at once: exactly
// at the cap); a deposit cancelled in the deposit phase is refunded and takes its step back; the
// final payment is the price less the credit, only in its phase; an unpaid final payment forfeits
// the deposit; a pre-sale staff cancel refunds every deposit and owes the same again.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';
import { DAY, OWNER } from '../support/distribution';
import { buyNow, callAction, expectOk, paySandbox, readDoc } from '../support/shop';

let cloud: LocalCloud;
const SKU = 'p-tea-set-1'; // ¥129.00: a 定金 of at most ¥25.80
const PRICE = 12900;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

const nowOf = async () => (await cloud.request('GET', '/_emulator/clock')).body.now as number;

let campaigns = 0;
/** A pre-sale from now: deposits for 2 days, final payment from day 3 to day 5. */
async function presale(overrides: Record<string, number> = {}): Promise<string> {
  const now = await nowOf();
  const id = `cmp-presale-${campaigns++}`;
  const reply = await callAction(cloud, OWNER, 'admin', 'saveCampaign', {
    campaign: presaleCampaign(id, now, overrides),
  });
  if (!reply.ok) throw new Error(reply.message);
  return id;
}

function presaleCampaign(id: string, now: number, overrides: Record<string, number> = {}) {
  return {
    _id: id,
    kind: 'PRESALE',
    title: '茶具预售',
    label: '预售价',
    startsAt: now - HOUR,
    endsAt: now + 7 * DAY,
    status: 'ACTIVE',
    priority: 0,
    conditions: [],
    actions: [
      {
        code: 'PRESALE',
        args: {
          deposits: [{ skuId: SKU, priceFen: overrides.depositFen ?? 2000 }],
          creditFen: 5000,
          stepFen: 1000,
          capFen: 8000,
          depositEndsAt: now + 2 * DAY,
          finalStartsAt: now + 3 * DAY,
          finalEndsAt: now + 5 * DAY,
          shipAt: now + 6 * DAY,
        },
      },
    ],
  };
}

async function launchVia(openid: string, inviter?: string): Promise<void> {
  const ref = inviter
    ? (await expectOk(cloud, inviter, 'user', 'launch', {})).user.refCode
    : undefined;
  await expectOk(cloud, openid, 'user', 'launch', ref ? { ref } : {});
}

async function payDeposit(openid: string, campaignId: string): Promise<any> {
  const placed = await buyNow(cloud, openid, SKU, 1, {
    presale: { campaignId, step: 'DEPOSIT' },
  });
  if (!placed.ok) throw new Error(`${placed.code} ${placed.message}`);
  await paySandbox(cloud, placed.data.order.id);
  return placed.data.order;
}

const detail = (openid: string, campaignId: string) =>
  expectOk(cloud, openid, 'presale', 'detail', { campaignId });

it('a 定金 above 20% of the price is refused when the pre-sale is saved', async () => {
  const now = await nowOf();
  const reply = await callAction(cloud, OWNER, 'admin', 'saveCampaign', {
    campaign: presaleCampaign('cmp-presale-too-much', now, { depositFen: 2581 }),
  });
  expect(reply).toMatchObject({ ok: false, code: 'CAMPAIGN_INVALID' });
  expect((reply as any).message).toContain('20%');
  expect(await readDoc(cloud, 'campaigns', 'cmp-presale-too-much')).toBeNull();
});

it('deposits, inflation by invited friends, cancelling in the deposit phase, the final payment, forfeiture', async () => {
  const campaignId = await presale();
  await launchVia('ps-a');
  await launchVia('ps-b', 'ps-a');
  await launchVia('ps-c', 'ps-a');
  // The deposit: the 定金 alone, no shipping; the plan shows the final payment to come.
  const quote = await expectOk(cloud, 'ps-a', 'order', 'quote', {
    lines: { source: 'buyNow', skuId: SKU, qty: 1 },
    presale: { campaignId, step: 'DEPOSIT' },
  });
  expect(quote).toMatchObject({ totalFen: 2000, shippingFen: 0 });
  expect(quote.plan.map((s: any) => [s.code, s.amountFen, s.dueNow])).toEqual([
    ['DEPOSIT', 2000, true],
    ['FINAL', PRICE - 5000, false],
  ]);
  const before = await detail('ps-a', campaignId);
  expect(before).toMatchObject({ phase: 'DEPOSIT', canPayDeposit: true, mine: null });
  expect(before.forfeitRule).toContain('逾期未付尾款定金不退');

  const depositA = await payDeposit('ps-a', campaignId);
  expect(depositA.presale.text).toContain('逾期未付尾款定金不退');
  const again = await buyNow(cloud, 'ps-a', SKU, 1, { presale: { campaignId, step: 'DEPOSIT' } });
  expect(again).toMatchObject({ ok: false, code: 'PRESALE_UNAVAILABLE' });
  const ship = await callAction(cloud, OWNER, 'admin', 'ship', {
    orderId: depositA.id,
    company: '顺丰',
    trackingNo: 'SF20000001',
  });
  expect(ship).toMatchObject({ ok: false, code: 'ORDER_STATE' });

  await payDeposit('ps-b', campaignId);
  await payDeposit('ps-c', campaignId);
  expect((await detail('ps-a', campaignId)).mine).toMatchObject({
    friends: 2,
    creditFen: 7000,
    finalDueFen: PRICE - 7000,
  });
  // C cancels in the deposit phase: refunded, and A's credit loses C's step.
  const cancelled = await expectOk(cloud, 'ps-c', 'presale', 'cancelDeposit', { campaignId });
  expect(cancelled.mine).toBeNull();
  await cloud.advanceClock(60_000);
  expect((await detail('ps-a', campaignId)).mine).toMatchObject({ friends: 1, creditFen: 6000 });

  // No final payment before its phase; after the deposit phase, no cancelling either.
  const early = await buyNow(cloud, 'ps-a', SKU, 1, { presale: { campaignId, step: 'FINAL' } });
  expect(early).toMatchObject({ ok: false, code: 'PRESALE_UNAVAILABLE' });
  await cloud.advanceClock(2 * DAY + HOUR);
  expect(await callAction(cloud, 'ps-b', 'presale', 'cancelDeposit', { campaignId })).toMatchObject(
    { ok: false, code: 'PRESALE_UNAVAILABLE' },
  );

  // The final phase opens: both buyers are told; A pays the price less the credit.
  await cloud.advanceClock(DAY);
  const opened = (await run(cloud, 'outbox', ['where', { kind: 'FINAL_PAYMENT_OPEN' }], ['get']))
    .data as any[];
  expect(
    opened
      .filter((m) => m.event.campaignId === campaignId)
      .map((m) => m.openid)
      .sort(),
  ).toEqual(['ps-a', 'ps-b']);
  const finalQuote = await expectOk(cloud, 'ps-a', 'order', 'quote', {
    lines: { source: 'buyNow', skuId: SKU, qty: 1 },
    presale: { campaignId, step: 'FINAL' },
  });
  expect(finalQuote.lines[0].amountFen).toBe(PRICE - 6000);
  expect(finalQuote.plan.find((s: any) => s.dueNow).amountFen).toBe(finalQuote.totalFen);
  const final = await buyNow(cloud, 'ps-a', SKU, 1, { presale: { campaignId, step: 'FINAL' } });
  if (!final.ok) throw new Error(final.message);
  await paySandbox(cloud, final.data.order.id);
  expect((await detail('ps-a', campaignId)).mine.state).toBe('FINAL_PAID');
  // The final payment's order ships.
  await expectOk(cloud, OWNER, 'admin', 'ship', {
    orderId: final.data.order.id,
    company: '顺丰',
    trackingNo: 'SF20000002',
  });

  // B never pays the final payment: forfeited at its end, and B's deposit order says so.
  await cloud.advanceClock(DAY + HOUR); // a day before the end: the closing reminder
  const closing = (
    await run(cloud, 'outbox', ['where', { kind: 'FINAL_PAYMENT_CLOSING' }], ['get'])
  ).data.filter((m: any) => m.event.campaignId === campaignId);
  expect(closing.map((m: any) => m.openid)).toEqual(['ps-b']);
  await cloud.advanceClock(DAY);
  expect((await detail('ps-b', campaignId)).mine.state).toBe('FORFEITED');
  const [bOrder] = (await expectOk(cloud, 'ps-b', 'order', 'list', {})).orders;
  expect(bOrder.presale.text).toBe('定金已扣除：未在尾款期内付尾款');
});

it('100 friends paying deposits at once for one inviter: the credit stops exactly at the cap', async () => {
  const campaignId = await presale();
  await launchVia('ps-inviter');
  await payDeposit('ps-inviter', campaignId);
  const friends = Array.from({ length: 100 }, (_, i) => `ps-friend-${i}`);
  for (const f of friends) await launchVia(f, 'ps-inviter');
  await Promise.all(friends.map((f) => payDeposit(f, campaignId)));
  const list = await readDoc(cloud, 'presale_friends', `pf-${campaignId}-ps-inviter`);
  expect(list.friends).toHaveLength(3);
  expect(new Set(list.friends).size).toBe(3);
  expect((await detail('ps-inviter', campaignId)).mine).toMatchObject({
    creditFen: 8000,
    finalDueFen: PRICE - 8000,
  });
});

it('staff cancel a pre-sale: every deposit comes back, and the same again is owed as compensation', async () => {
  const campaignId = await presale();
  const orders = [await payDeposit('ps-x', campaignId), await payDeposit('ps-y', campaignId)];
  const result = await expectOk(cloud, OWNER, 'admin', 'cancelPresale', { campaignId });
  expect(result).toMatchObject({ deposits: 2, compensated: 2 });
  await cloud.advanceClock(60_000);
  for (const o of orders) {
    expect(await readDoc(cloud, 'orders', o.id)).toMatchObject({
      status: 'REFUNDED',
      refundedFen: 2000,
    });
  }
  const owed = await expectOk(cloud, OWNER, 'admin', 'compensations', {});
  const mine = owed.filter((c: any) => c.campaignId === campaignId);
  expect(mine.map((c: any) => c.amountFen)).toEqual([2000, 2000]);
  const paid = await expectOk(cloud, OWNER, 'admin', 'markCompensationPaid', {
    id: mine[0].id,
    note: '微信转账',
  });
  expect(paid.state).toBe('PAID');
  // Run again (the timer does): nothing is refunded or owed twice.
  await cloud.advanceClock(60_000);
  const refunds = (await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${orders[0].id}`))
    .body as any[];
  expect(refunds).toHaveLength(1);
  const all = (await run(cloud, 'compensations', ['where', { campaignId }], ['count'])).total;
  expect(all).toBe(2);
  // The pre-sale takes no more deposits.
  const late = await buyNow(cloud, 'ps-z', SKU, 1, { presale: { campaignId, step: 'DEPOSIT' } });
  expect(late.ok).toBe(false);
});

it('a deposit still unpaid when staff cancel is refused at payment: refunded, and nothing owed', async () => {
  const campaignId = await presale();
  const placed = await buyNow(cloud, 'ps-late-payer', SKU, 1, {
    presale: { campaignId, step: 'DEPOSIT' },
  });
  if (!placed.ok) throw new Error(placed.message);
  await expectOk(cloud, OWNER, 'admin', 'cancelPresale', { campaignId });
  await paySandbox(cloud, placed.data.order.id);
  expect(await readDoc(cloud, 'orders', placed.data.order.id)).toMatchObject({
    status: 'CANCELLED',
    cancel: { reason: 'PRESALE_CANCELLED' },
  });
  const refunds = (
    await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${placed.data.order.id}`)
  ).body as any[];
  expect(refunds.map((r) => r.refundFee)).toEqual([2000]);
  await cloud.advanceClock(60_000);
  expect((await run(cloud, 'compensations', ['where', { campaignId }], ['count'])).total).toBe(0);
});

it('a deposit placed just before its phase ends must be paid by then', async () => {
  const now = await nowOf();
  const campaign = presaleCampaign('cmp-presale-closing', now);
  (campaign.actions[0].args as any).depositEndsAt = now + 5 * 60_000;
  await expectOk(cloud, OWNER, 'admin', 'saveCampaign', { campaign });
  const placed = await buyNow(cloud, 'ps-just-in-time', SKU, 1, {
    presale: { campaignId: 'cmp-presale-closing', step: 'DEPOSIT' },
  });
  if (!placed.ok) throw new Error(placed.message);
  expect((await readDoc(cloud, 'orders', placed.data.order.id)).expiresAt).toBe(now + 5 * 60_000);
});
