// Distribution commission through the real SDK, with the clock moved through its windows: a bound
// buyer's paid order earns the inviter their rate of the goods paid (PENDING), receipt freezes it
// for the after-sale window, the timer settles it into the balance (the ledger sums to it);
// partial refunds take back their share (also after settlement), a full refund voids it, an open
// after-sale case holds it; withdrawals never exceed the balance, even 20 at once; staff pay or
// turn them down; an approved-only shop pays only approved distributors; nobody earns on their
// own orders.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';
import { DAY, ON_SALE as onSale, OWNER, distributionScenes } from '../support/distribution';
import { callAction, expectOk, readDoc, requestId, setFields } from '../support/shop';

let cloud: LocalCloud;
let scene: ReturnType<typeof distributionScenes>;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  scene = distributionScenes(cloud);
});
afterAll(() => cloud.stop());

const pair = (prefix: string) => scene.pair(prefix);
const paidOrder = (buyer: string, skuIndex = 0, qty = 1) => scene.paidOrder(buyer, skuIndex, qty);
const received = (order: any) => scene.received(order);
const commissionOf = (orderId: string) => scene.commissionOf(orderId);
const summary = (openid: string) => scene.summary(openid);
const ledgerSum = (openid: string) => scene.ledgerSum(openid);
const refund = (orderId: string, amountFen: number) => scene.refund(orderId, amountFen);

/** An account with a settled balance, entered as the timer would. */
async function seedBalance(sharer: string, balanceFen: number): Promise<void> {
  await run(cloud, 'distributors', ['add', { data: { _id: sharer, balanceFen, createdAt: 0 } }]);
  await run(cloud, 'commission_ledger', [
    'add',
    {
      data: {
        _id: `seed-${sharer}`,
        distributorId: sharer,
        kind: 'SETTLE',
        amountFen: balanceFen,
        refId: 'seed',
        at: 0,
      },
    },
  ]);
}

it('a paid order earns 10% of the goods paid; receipt freezes it; 7 days later it settles', async () => {
  const { sharer, friend } = await pair('life');
  const order = await paidOrder(friend, 0, 2);
  expect(order.inviterId).toBe(sharer);
  const goods = order.totalFen - order.shippingFen;
  const c = await commissionOf(order._id);
  expect(c).toMatchObject({
    state: 'PENDING',
    distributorId: sharer,
    buyerId: friend,
    baseFen: goods,
    amountFen: Math.floor(goods / 10),
  });
  expect((await summary(sharer)).commission.pendingFen).toBe(c.amountFen);
  expect((await summary(sharer)).invited).toEqual({ users: 1, ordered: 1, paid: 1 });

  await received(order);
  const frozen = await commissionOf(order._id);
  expect(frozen.state).toBe('FROZEN');
  expect(frozen.frozenUntil - frozen.receivedAt).toBe(7 * DAY);
  await cloud.advanceClock(6 * DAY);
  expect((await commissionOf(order._id)).state).toBe('FROZEN');
  await cloud.advanceClock(DAY + 60_000);
  expect(await commissionOf(order._id)).toMatchObject({
    state: 'SETTLED',
    settledFen: c.amountFen,
  });
  const figures = (await summary(sharer)).commission;
  expect(figures).toMatchObject({ pendingFen: 0, frozenFen: 0, balanceFen: c.amountFen });
  expect(await ledgerSum(sharer)).toBe(c.amountFen);
  // The timer running again changes nothing.
  await cloud.advanceClock(5 * 60_000);
  expect((await readDoc(cloud, 'distributors', sharer)).balanceFen).toBe(c.amountFen);
  expect(await ledgerSum(sharer)).toBe(c.amountFen);
});

it('partial refunds take back their share before and after settlement; a full refund voids it', async () => {
  const { sharer, friend } = await pair('refund');
  const order = await paidOrder(friend, 1, 3);
  const c = await commissionOf(order._id);
  const third = Math.floor((order.totalFen - order.shippingFen) / 3);
  await refund(order._id, third);
  const afterFirst = await commissionOf(order._id);
  expect(afterFirst.voidedFen).toBe(Math.ceil((c.amountFen * third) / c.baseFen));
  expect(afterFirst.state).toBe('PENDING');

  await received(order);
  await cloud.advanceClock(7 * DAY + 60_000);
  const settled = await commissionOf(order._id);
  expect(settled.state).toBe('SETTLED');
  expect(settled.settledFen).toBe(c.amountFen - afterFirst.voidedFen);
  // A refund after settlement takes its share back from the balance.
  await refund(order._id, third);
  const voidedNow = Math.ceil((c.amountFen * third * 2) / c.baseFen);
  const account = await readDoc(cloud, 'distributors', sharer);
  expect(account.balanceFen).toBe(c.amountFen - voidedNow);
  expect(await ledgerSum(sharer)).toBe(account.balanceFen);

  // Another order refunded in full before receipt: nothing is earned.
  const second = await paidOrder(friend, 2, 1);
  await refund(second._id, second.totalFen);
  expect(await commissionOf(second._id)).toMatchObject({ state: 'VOID' });
  expect((await summary(sharer)).commission.pendingFen).toBe(0);
});

it('an open after-sale case holds the commission until it is answered', async () => {
  const { sharer, friend } = await pair('aftersale');
  const order = await paidOrder(friend, 3, 1);
  await received(order);
  await expectOk(cloud, friend, 'order', 'requestAfterSale', {
    orderId: order._id,
    reason: '商品质量问题',
  });
  await cloud.advanceClock(8 * DAY);
  expect((await commissionOf(order._id)).state).toBe('FROZEN');
  await expectOk(cloud, OWNER, 'admin', 'rejectAfterSale', {
    orderId: order._id,
    note: '无质量问题',
  });
  await cloud.advanceClock(60_000);
  expect((await commissionOf(order._id)).state).toBe('SETTLED');
  expect((await summary(sharer)).commission.balanceFen).toBeGreaterThan(0);
});

it('a refund still pending holds the settlement until it is decided', async () => {
  const { sharer, friend } = await pair('pending');
  const order = await paidOrder(friend, 7, 2);
  const c = await commissionOf(order._id);
  await received(order);
  await cloud.advanceClock(7 * DAY - 30_000);
  // The refund request gets no answer (it never reached WeChat Pay): PENDING for the timer.
  await cloud.request('POST', '/_emulator/pay/failures', {
    api: 'refund',
    mode: 'ERROR',
    times: 1,
  });
  const half = Math.floor((order.totalFen - order.shippingFen) / 2);
  const reply = await callAction(cloud, OWNER, 'admin', 'refund', {
    orderId: order._id,
    amountFen: half,
    reason: '部分退款',
    requestId: requestId('refund'),
  });
  expect(reply).toMatchObject({ ok: false, code: 'REFUND_FAILED' });
  await cloud.request('DELETE', '/_emulator/pay/failures');
  const [refund] = (await run(cloud, 'refunds', ['where', { orderId: order._id }], ['get'])).data;
  expect(refund.status).toBe('PENDING');
  await cloud.advanceClock(60_000);
  expect((await commissionOf(order._id)).state).toBe('FROZEN');
  await cloud.advanceClock(2 * 60_000); // the timer asks WeChat Pay, sends it again
  await cloud.advanceClock(60_000);
  expect((await readDoc(cloud, 'refunds', refund._id)).status).toBe('SUCCESS');
  const settled = await commissionOf(order._id);
  expect(settled.state).toBe('SETTLED');
  expect(settled.settledFen).toBe(c.amountFen - Math.ceil((c.amountFen * half) / c.baseFen));
  expect((await readDoc(cloud, 'distributors', sharer)).balanceFen).toBe(settled.settledFen);
});

it('20 withdrawals at once never take more than the balance; staff pay one and turn one down', async () => {
  const { sharer } = await pair('withdraw');
  await seedBalance(sharer, 5000);
  const tooSmall = await callAction(cloud, sharer, 'share', 'withdraw', {
    amountFen: 500,
    requestId: requestId('w'),
  });
  expect(tooSmall).toMatchObject({ ok: false, code: 'WITHDRAW_TOO_SMALL' });
  const replies = await Promise.all(
    Array.from({ length: 20 }, () =>
      callAction(cloud, sharer, 'share', 'withdraw', {
        amountFen: 1000,
        requestId: requestId('w'),
      }),
    ),
  );
  expect(replies.filter((r) => r.ok)).toHaveLength(5);
  expect(new Set(replies.filter((r) => !r.ok).map((r: any) => r.code))).toEqual(
    new Set(['WITHDRAW_EXCEEDS']),
  );
  expect((await readDoc(cloud, 'distributors', sharer)).balanceFen).toBe(0);
  expect(await ledgerSum(sharer)).toBe(0);
  const queue = await expectOk(cloud, OWNER, 'admin', 'withdrawals', {});
  const mine = queue.filter((w: any) => w.distributorId === sharer);
  expect(mine).toHaveLength(5);
  await expectOk(cloud, OWNER, 'admin', 'markWithdrawalPaid', { id: mine[0].id, note: '微信转账' });
  const rejected = await expectOk(cloud, OWNER, 'admin', 'rejectWithdrawal', {
    id: mine[1].id,
    note: '账户信息有误',
  });
  expect(rejected.status).toBe('REJECTED');
  // Paid cannot be turned down, turned down cannot be paid.
  expect(
    await callAction(cloud, OWNER, 'admin', 'rejectWithdrawal', { id: mine[0].id, note: 'x' }),
  ).toMatchObject({ ok: false, code: 'ORDER_STATE' });
  expect(
    await callAction(cloud, OWNER, 'admin', 'markWithdrawalPaid', { id: mine[1].id }),
  ).toMatchObject({ ok: false, code: 'ORDER_STATE' });
  const figures = (await summary(sharer)).commission;
  expect(figures).toMatchObject({ balanceFen: 1000, withdrawingFen: 3000, withdrawnFen: 1000 });
  expect(await ledgerSum(sharer)).toBe(1000);
  const ledger = await expectOk(cloud, OWNER, 'admin', 'commissionLedger', {
    distributorId: sharer,
  });
  expect(ledger.at(-1).balanceAfterFen).toBe(1000);
});

it('a shipped order not confirmed is received after 10 days, and its commission settles 7 days later', async () => {
  const { friend } = await pair('auto');
  const order = await paidOrder(friend, 6, 1);
  await expectOk(cloud, OWNER, 'admin', 'ship', {
    orderId: order._id,
    company: '顺丰',
    trackingNo: `SF${order._id.slice(-8)}`,
  });
  await cloud.advanceClock(10 * DAY + 60_000);
  expect((await readDoc(cloud, 'orders', order._id)).status).toBe('COMPLETED');
  expect((await commissionOf(order._id)).state).toBe('FROZEN');
  await cloud.advanceClock(7 * DAY);
  expect((await commissionOf(order._id)).state).toBe('SETTLED');
});

it('staff paying and turning down one withdrawal at once: one of them wins, the balance follows it', async () => {
  const { sharer } = await pair('both');
  await seedBalance(sharer, 4000);
  for (let round = 0; round < 4; round++) {
    const w = await expectOk(cloud, sharer, 'share', 'withdraw', {
      amountFen: 1000,
      requestId: requestId('w'),
    });
    const [paid, rejected] = await Promise.all([
      callAction(cloud, OWNER, 'admin', 'markWithdrawalPaid', { id: w.id }),
      callAction(cloud, OWNER, 'admin', 'rejectWithdrawal', { id: w.id, note: '信息有误' }),
    ]);
    expect([paid.ok, rejected.ok].filter(Boolean)).toHaveLength(1);
  }
  const withdrawals = await expectOk(cloud, sharer, 'share', 'withdrawals', {});
  const rejectedCount = withdrawals.filter((w: any) => w.status === 'REJECTED').length;
  expect(await scene.balance(sharer)).toBe(rejectedCount * 1000);
  expect(await ledgerSum(sharer)).toBe(rejectedCount * 1000);
});

it('a withdrawal retried after hundreds of other movements is still one withdrawal', async () => {
  const { sharer } = await pair('late');
  await seedBalance(sharer, 300_000);
  const first = requestId('w');
  await expectOk(cloud, sharer, 'share', 'withdraw', { amountFen: 1000, requestId: first });
  for (let batch = 0; batch < 44; batch++)
    await Promise.all(
      Array.from({ length: 5 }, () =>
        expectOk(cloud, sharer, 'share', 'withdraw', {
          amountFen: 1000,
          requestId: requestId('w'),
        }),
      ),
    );
  const left = 300_000 - 221 * 1000;
  expect(await scene.balance(sharer)).toBe(left);
  const again = await expectOk(cloud, sharer, 'share', 'withdraw', {
    amountFen: 1000,
    requestId: first,
  });
  expect(again.status).toBe('REQUESTED');
  expect(await scene.balance(sharer)).toBe(left);
  expect(await ledgerSum(sharer)).toBe(left);
});

it('a retried withdrawal request is one withdrawal', async () => {
  const { sharer } = await pair('retry');
  await seedBalance(sharer, 3000);
  const id = requestId('w');
  const replies = await Promise.all(
    Array.from({ length: 5 }, () =>
      callAction(cloud, sharer, 'share', 'withdraw', { amountFen: 1000, requestId: id }),
    ),
  );
  expect(replies.every((r) => r.ok)).toBe(true);
  expect((await readDoc(cloud, 'distributors', sharer)).balanceFen).toBe(2000);
  expect(await expectOk(cloud, sharer, 'share', 'withdrawals', {})).toHaveLength(1);
});

it('in an approved-only shop only approved distributors earn; disabled ones stop earning', async () => {
  const settings = await expectOk(cloud, OWNER, 'admin', 'distributionSettings', {});
  await expectOk(cloud, OWNER, 'admin', 'saveDistributionSettings', {
    settings: { ...settings, mode: 'approved', productRates: { [onSale[4].productId]: 25 } },
  });
  try {
    const { sharer, friend } = await pair('approved');
    const before = await paidOrder(friend, 4, 1);
    expect(await commissionOf(before._id)).toBeNull();
    const applied = await expectOk(cloud, sharer, 'share', 'apply', {});
    expect(applied).toMatchObject({ status: 'APPLIED', mayEarn: false });
    const listed = await expectOk(cloud, OWNER, 'admin', 'distributors', { status: 'APPLIED' });
    expect(listed.items.map((d: any) => d.openid)).toContain(sharer);
    await expectOk(cloud, OWNER, 'admin', 'setDistributorStatus', {
      openid: sharer,
      status: 'ACTIVE',
    });
    const after = await paidOrder(friend, 4, 1);
    const c = await commissionOf(after._id);
    expect(c.lines[0].ratePct).toBe(25);
    expect(c.amountFen).toBe(Math.floor(((after.totalFen - after.shippingFen) * 25) / 100));
    await expectOk(cloud, OWNER, 'admin', 'setDistributorStatus', {
      openid: sharer,
      status: 'DISABLED',
    });
    const disabled = await paidOrder(friend, 4, 1);
    expect(await commissionOf(disabled._id)).toBeNull();
    // A rate outside 10%-50% is refused, and nothing is saved.
    const bad = await callAction(cloud, OWNER, 'admin', 'saveDistributionSettings', {
      settings: { ...settings, defaultRatePct: 60 },
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await expectOk(cloud, OWNER, 'admin', 'distributionSettings', {})).mode).toBe(
      'approved',
    );
  } finally {
    await expectOk(cloud, OWNER, 'admin', 'saveDistributionSettings', { settings });
  }
});

it('nobody earns on their own orders', async () => {
  const { sharer } = await pair('self');
  // Even a binding to oneself written by hand (the rules never make one) earns nothing.
  await setFields(cloud, 'users', sharer, {
    binding: {
      inviterId: sharer,
      boundAt: 0,
      protectedUntil: 0,
      expiresAt: null,
      ancestors: [],
      via: 'ref',
    },
  });
  const order = await paidOrder(sharer, 5, 1);
  expect(order.inviterId).toBe(sharer);
  expect(await commissionOf(order._id)).toBeNull();
});
