// Commission money under races and crashes, with slow database requests (as on CloudBase) to
// widen every window between two writes: a refund landing while the timer settles, refunds of
// one order at once, a refund WeChat Pay turns down after the balance lost its share, a refund
// whose follow-up a crash lost.
// After each, the balance is what the commissions' states say, and the ledger sums to it.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';
import { DAY, OWNER, distributionScenes, keptAfter } from '../support/distribution';
import { callAction, readDoc, requestId, setFields } from '../support/shop';

let cloud: LocalCloud;
let scene: ReturnType<typeof distributionScenes>;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, env: { CLOUD_DB_LATENCY_MS: '2-40' } });
  scene = distributionScenes(cloud);
});
afterAll(() => cloud.stop());

/** The balance the commissions' states stand for: what settled, less what was taken back. */
async function balanceOwed(sharer: string): Promise<number> {
  const commissions = (
    await run(cloud, 'commissions', ['where', { distributorId: sharer }], ['get'])
  ).data as any[];
  return commissions
    .filter((c) => c.state === 'SETTLED')
    .reduce((s, c) => s + c.settledFen - (c.clawedBackFen ?? 0), 0);
}

async function expectConsistent(sharer: string): Promise<number> {
  const balance = await scene.balance(sharer);
  expect(await scene.ledgerSum(sharer)).toBe(balance);
  expect(await balanceOwed(sharer)).toBe(balance);
  return balance;
}

/** A friend's order, received, its commission frozen until about 30 s from now. */
async function frozenOrder(prefix: string, skuIndex: number, qty = 1) {
  const { sharer, friend } = await scene.pair(prefix);
  const order = await scene.paidOrder(friend, skuIndex, qty);
  await scene.received(order);
  return { sharer, order };
}

it('full refunds landing while the timer settles leave nothing credited', async () => {
  const cases = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => frozenOrder(`race${i}`, i)));
  await cloud.advanceClock(7 * DAY - 30_000);
  // The timer's run (settling all six) and the six full refunds at once.
  await Promise.all([
    cloud.advanceClock(60_000),
    ...cases.map(({ order }) => scene.refund(order._id, order.totalFen)),
  ]);
  await cloud.advanceClock(2 * 60_000);
  for (const { sharer, order } of cases) {
    expect((await readDoc(cloud, 'orders', order._id)).status).toBe('REFUNDED');
    expect(await expectConsistent(sharer)).toBe(0);
  }
});

it('refunds of one settled order at once take back its share once', async () => {
  const { sharer, order } = await frozenOrder('claw', 6, 4);
  await cloud.advanceClock(7 * DAY + 60_000);
  const c = await scene.commissionOf(order._id);
  expect(c.state).toBe('SETTLED');
  const part = Math.floor(c.baseFen / 8);
  await Promise.all(Array.from({ length: 5 }, () => scene.refund(order._id, part)));
  const refunded = (await readDoc(cloud, 'orders', order._id)).refundedFen;
  expect(refunded).toBe(5 * part);
  expect(await expectConsistent(sharer)).toBe(keptAfter(c, refunded));
});

it('a refund WeChat Pay turns down gives the share it took back to the balance', async () => {
  const { sharer, order } = await frozenOrder('refused', 7, 2);
  await cloud.advanceClock(7 * DAY + 60_000);
  const c = await scene.commissionOf(order._id);
  expect(await scene.balance(sharer)).toBe(c.settledFen);
  await cloud.request('POST', '/_emulator/pay/failures', { api: 'refund', mode: 'FAIL', times: 1 });
  const reply = await callAction(cloud, OWNER, 'admin', 'refund', {
    orderId: order._id,
    amountFen: Math.floor(c.baseFen / 2),
    reason: '部分退款',
    requestId: requestId('refund'),
  });
  await cloud.request('DELETE', '/_emulator/pay/failures');
  expect(reply.ok).toBe(false);
  expect((await readDoc(cloud, 'orders', order._id)).refundedFen).toBe(0);
  expect(await expectConsistent(sharer)).toBe(c.settledFen);
});

it('a refund whose follow-up a crash lost is followed by the timer', async () => {
  const { sharer, order } = await frozenOrder('lost', 8, 2);
  await cloud.advanceClock(7 * DAY + 60_000);
  const c = await scene.commissionOf(order._id);
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  // The refund's transaction wrote the order (with its mark that the commission must follow);
  // the call died before following it.
  const refunded = Math.floor(c.baseFen / 3);
  await setFields(cloud, 'orders', order._id, { refundedFen: refunded, commissionOwedAt: now });
  await cloud.advanceClock(2 * 60_000);
  expect(await expectConsistent(sharer)).toBe(keptAfter(c, refunded));
  expect((await readDoc(cloud, 'orders', order._id)).commissionOwedAt).toBeUndefined();
});
