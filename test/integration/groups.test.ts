// Tiered group buying through the real SDK, with the clock moved: a leader opens a group by paying
// the first tier's price, friends join the group and pay the same; the group closes at its
// deadline or when its last tier is full, succeeds at the largest tier reached with the
// difference refunded to every member once (the orders then ship), or fails with full refunds.
// Seats are claims: 500 joiners at once for 19 seats take exactly 19; unpaid seats come back
// after 10 minutes; a user joins once; a payment that lands after the group closed is refunded;
// a refund WeChat Pay turns down is made again by the timer.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { cmd, run } from '../support/db-probe';
import { DAY, OWNER } from '../support/distribution';
import { buyNow, callAction, expectOk, paySandbox, readDoc } from '../support/shop';

let cloud: LocalCloud;
const SKU = 'p-mixed-nuts-2'; // ¥149.00, 100 in stock
const SHIPPING = 800; // the group prices are below the free-shipping threshold
const MINUTE = 60_000;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

let campaigns = 0;
/** A group campaign of its own for each test (tiers: size → fen). */
async function groupCampaign(tiers: [number, number][], hours = 24): Promise<string> {
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  const id = `cmp-grp-${campaigns++}`;
  await expectOk(cloud, OWNER, 'admin', 'saveCampaign', {
    campaign: {
      _id: id,
      kind: 'GROUP_BUY',
      title: '拼团测试',
      label: '拼团价',
      startsAt: now - DAY,
      endsAt: now + 30 * DAY,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'GROUP_BUY',
          args: {
            tiers: [{ skuId: SKU, tiers: tiers.map(([size, priceFen]) => ({ size, priceFen })) }],
            hours,
          },
        },
      ],
    },
  });
  return id;
}

/** Places a group order (opening one without groupId); throws if it was refused. */
async function groupOrder(openid: string, campaignId: string, groupId?: string, qty = 1) {
  const reply = await buyNow(cloud, openid, SKU, qty, {
    group: { campaignId, ...(groupId ? { groupId } : {}) },
  });
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`);
  return reply.data.order;
}

async function openGroup(campaignId: string, leader: string): Promise<string> {
  const order = await groupOrder(leader, campaignId);
  await paySandbox(cloud, order.id);
  return order.group.id;
}

async function joinAndPay(campaignId: string, groupId: string, users: string[]) {
  const orders = [];
  for (const u of users) {
    const order = await groupOrder(u, campaignId, groupId);
    await paySandbox(cloud, order.id);
    orders.push(order);
  }
  return orders;
}

const groupOf = (id: string) => readDoc(cloud, 'groups', id);
const refundsOf = async (orderId: string) =>
  (await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${orderId}`)).body as any[];

it('opens at the first tier price; friends pay the same; a group cannot be joined twice', async () => {
  const campaignId = await groupCampaign([
    [2, 3000],
    [4, 2500],
  ]);
  const quote = await expectOk(cloud, 'g1-leader', 'order', 'quote', {
    lines: { source: 'buyNow', skuId: SKU, qty: 1 },
    group: { campaignId },
  });
  expect(quote.totalFen).toBe(3000 + SHIPPING);
  expect(quote.coupons).toEqual([]);
  const leaderOrder = await groupOrder('g1-leader', campaignId);
  expect(leaderOrder.totalFen).toBe(3000 + SHIPPING);
  const groupId = leaderOrder.group.id;
  // Nobody joins before the leader paid.
  expect((await groupOf(groupId)).status).toBe('PENDING');
  const early = await buyNow(cloud, 'g1-early', SKU, 1, { group: { campaignId, groupId } });
  expect(early).toMatchObject({ ok: false, code: 'GROUP_UNAVAILABLE' });
  await paySandbox(cloud, leaderOrder.id);
  const open = await groupOf(groupId);
  expect(open).toMatchObject({ status: 'OPEN', paidCount: 1 });
  expect(open.deadline - open.openedAt).toBe(24 * 60 * MINUTE);

  const [friend] = await joinAndPay(campaignId, groupId, ['g1-friend']);
  expect(friend.totalFen).toBe(3000 + SHIPPING);
  const again = await buyNow(cloud, 'g1-friend', SKU, 1, { group: { campaignId, groupId } });
  expect(again).toMatchObject({ ok: false, code: 'GROUP_UNAVAILABLE' });
  const view = await expectOk(cloud, 'g1-friend', 'group', 'detail', { groupId });
  expect(view).toMatchObject({ paidCount: 2, next: { size: 4, missing: 2 }, joinable: false });
  expect(view.tiers.map((t: any) => t.current)).toEqual([true, false]);
  expect(view.me.paid).toBe(true);
  // Not shippable while the group is open.
  const ship = await callAction(cloud, OWNER, 'admin', 'ship', {
    orderId: friend.id,
    company: '顺丰',
    trackingNo: 'SF10000001',
  });
  expect(ship).toMatchObject({ ok: false, code: 'ORDER_STATE' });
  // A group order comes from buy-now only, and the SKU must be in the campaign.
  const fromCart = await callAction(cloud, 'g1-cart', 'order', 'create', {
    lines: { source: 'cart' },
    group: { campaignId },
    requestId: 'g1-cart-1',
    address: {
      name: '张三',
      phone: '13800000000',
      region: ['浙江省', '杭州市', '西湖区'],
      detail: '文三路 1 号',
    },
  });
  expect(fromCart.ok).toBe(false);
  const otherSku = await buyNow(cloud, 'g1-other', 'p-mixed-nuts-1', 1, { group: { campaignId } });
  expect(otherSku).toMatchObject({ ok: false, code: 'GROUP_UNAVAILABLE' });
  // Another campaign's SKU and price cannot take a seat in this group (same goods, same price).
  const cheap = await buyNow(cloud, 'g1-other', 'p-mixed-nuts-1', 1, {
    group: { campaignId: 'cmp-group', groupId },
  });
  expect(cheap).toMatchObject({ ok: false, code: 'GROUP_UNAVAILABLE' });
  expect((await groupOf(groupId)).seatCount).toBe(2);
});

it('succeeds at the largest tier reached by the deadline: everyone refunded the difference once, then shipped', async () => {
  const campaignId = await groupCampaign([
    [2, 3000],
    [3, 2600],
    [6, 2000],
  ]);
  const groupId = await openGroup(campaignId, 'g2-leader');
  const joined = await joinAndPay(campaignId, groupId, ['g2-a', 'g2-b', 'g2-c']);
  const orders = [(await groupOf(groupId)).members[0].orderId, ...joined.map((o) => o.id)];
  await cloud.advanceClock(24 * 60 * MINUTE + MINUTE);
  const closed = await groupOf(groupId);
  expect(closed).toMatchObject({ status: 'SUCCEEDED', finalTier: { size: 3, priceFen: 2600 } });
  await cloud.advanceClock(MINUTE); // refund notices
  for (const orderId of orders) {
    const order = await readDoc(cloud, 'orders', orderId);
    expect(order.refundedFen).toBe(400);
    expect(order.group.state).toBe('SUCCEEDED');
    expect((await refundsOf(orderId)).map((r) => r.refundFee)).toEqual([400]);
  }
  expect((await groupOf(groupId)).unsettledCount).toBe(0);
  // More timer runs refund nothing more.
  await cloud.advanceClock(5 * MINUTE);
  expect((await refundsOf(orders[1])).length).toBe(1);
  await expectOk(cloud, OWNER, 'admin', 'ship', {
    orderId: orders[1],
    company: '顺丰',
    trackingNo: 'SF10000002',
  });
  const results = (await run(cloud, 'outbox', ['where', { kind: 'GROUP_RESULT' }], ['get']))
    .data as any[];
  expect(results.filter((m) => m.event.groupId === groupId)).toHaveLength(4);
});

it('filling the last tier closes it at once, at the last tier', async () => {
  const campaignId = await groupCampaign([
    [2, 3000],
    [3, 2000],
  ]);
  const groupId = await openGroup(campaignId, 'g3-leader');
  await joinAndPay(campaignId, groupId, ['g3-a', 'g3-b']);
  const group = await groupOf(groupId);
  expect(group).toMatchObject({ status: 'SUCCEEDED', paidCount: 3, unsettledCount: 0 });
  for (const m of group.members) expect(m.refundFen).toBe(1000);
  // Full: nobody else gets in.
  const late = await buyNow(cloud, 'g3-late', SKU, 1, { group: { campaignId, groupId } });
  expect(late).toMatchObject({ ok: false, code: 'GROUP_UNAVAILABLE' });
});

it('below the first tier at the deadline it fails: every member refunded in full', async () => {
  const campaignId = await groupCampaign([
    [3, 3000],
    [5, 2500],
  ]);
  const groupId = await openGroup(campaignId, 'g4-leader');
  const [friend] = await joinAndPay(campaignId, groupId, ['g4-a']);
  await cloud.advanceClock(24 * 60 * MINUTE + MINUTE);
  await cloud.advanceClock(MINUTE);
  expect((await groupOf(groupId)).status).toBe('FAILED');
  const order = await readDoc(cloud, 'orders', friend.id);
  expect(order).toMatchObject({ status: 'REFUNDED', refundedFen: 3000 + SHIPPING });
  expect(order.group.state).toBe('FAILED');
  expect((await refundsOf(friend.id)).map((r) => r.refundFee)).toEqual([3000 + SHIPPING]);
});

it('an unpaid seat comes back after 10 minutes', async () => {
  const campaignId = await groupCampaign([
    [2, 3000],
    [3, 2500],
  ]);
  const groupId = await openGroup(campaignId, 'g5-leader');
  await groupOrder('g5-a', campaignId, groupId);
  await groupOrder('g5-b', campaignId, groupId);
  const full = await buyNow(cloud, 'g5-c', SKU, 1, { group: { campaignId, groupId } });
  expect(full).toMatchObject({ ok: false, code: 'GROUP_UNAVAILABLE' });
  expect((await groupOf(groupId)).seatCount).toBe(3);
  await cloud.advanceClock(11 * MINUTE);
  expect(await groupOf(groupId)).toMatchObject({ seatCount: 1, heldCount: 0, paidCount: 1 });
  await joinAndPay(campaignId, groupId, ['g5-c']);
  expect((await groupOf(groupId)).paidCount).toBe(2);
});

it('500 joiners at once for a group whose last tier is 20: exactly 19 seats, 20 paid', async () => {
  const campaignId = await groupCampaign([
    [5, 3000],
    [20, 2000],
  ]);
  const groupId = await openGroup(campaignId, 'g6-leader');
  const replies = await Promise.all(
    Array.from({ length: 500 }, (_, i) =>
      buyNow(cloud, `g6-${i}`, SKU, 1, { group: { campaignId, groupId } }),
    ),
  );
  const placed = replies.filter((r) => r.ok);
  expect(placed).toHaveLength(19);
  expect(new Set(replies.filter((r) => !r.ok).map((r: any) => r.code))).toEqual(
    new Set(['GROUP_UNAVAILABLE']),
  );
  await Promise.all(placed.map((r: any) => paySandbox(cloud, r.data.order.id)));
  const group = await groupOf(groupId);
  expect(group).toMatchObject({ status: 'SUCCEEDED', paidCount: 20, seatCount: 20 });
  expect(group.members.filter((m: any) => m.refundFen === 1000)).toHaveLength(20);
});

it('a payment that lands after its seat was given up is refunded in full', async () => {
  const campaignId = await groupCampaign([
    [2, 3000],
    [4, 2500],
  ]);
  const groupId = await openGroup(campaignId, 'g7-leader');
  const late = await groupOrder('g7-late', campaignId, groupId);
  // The buyer pays at the last moment, but the notice is slow; closing the payment gets no
  // answer, so the timer's cancel goes ahead and gives the seat back. Then the notice lands.
  await cloud.advanceClock(9 * MINUTE);
  await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: late.id, notify: false });
  await cloud.request('POST', '/_emulator/pay/failures', {
    api: 'closeOrder',
    mode: 'ERROR',
    times: 1,
  });
  await cloud.advanceClock(2 * MINUTE);
  await cloud.request('DELETE', '/_emulator/pay/failures');
  expect((await readDoc(cloud, 'orders', late.id)).status).toBe('CANCELLED');
  await cloud.request('POST', '/_emulator/pay/deliver', { outTradeNo: late.id });
  expect((await refundsOf(late.id)).map((r) => r.refundFee)).toEqual([late.totalFen]);
  expect(await groupOf(groupId)).toMatchObject({ seatCount: 1, paidCount: 1 });
});

it('a refund WeChat Pay turns down at closing is made again by the timer, once', async () => {
  // Groups of earlier tests close first (their refunds must not meet the injected refusal).
  await cloud.advanceClock(25 * 60 * MINUTE);
  const campaignId = await groupCampaign([
    [2, 3000],
    [3, 2500],
    [5, 2000],
  ]);
  const groupId = await openGroup(campaignId, 'g8-leader');
  await joinAndPay(campaignId, groupId, ['g8-a', 'g8-b']);
  await cloud.request('POST', '/_emulator/pay/failures', { api: 'refund', mode: 'FAIL', times: 1 });
  await cloud.advanceClock(24 * 60 * MINUTE + MINUTE);
  await cloud.request('DELETE', '/_emulator/pay/failures');
  // (The closing's refund was turned down; the same run's settling job asked again.)
  await cloud.advanceClock(MINUTE);
  const group = await groupOf(groupId);
  expect(group.unsettledCount).toBe(0);
  // One member's first refund was turned down and made again under a new request.
  expect(group.members.map((m: any) => m.refundAttempts ?? 0).sort()).toEqual([0, 0, 1]);
  for (const m of group.members) {
    expect((await readDoc(cloud, 'orders', m.orderId)).refundedFen).toBe(500);
    expect((await refundsOf(m.orderId)).map((r) => r.refundFee)).toEqual([500]);
  }
});

it('一键参团 picks the open group closest to its next tier; my groups lists mine', async () => {
  const campaignId = await groupCampaign([
    [3, 3000],
    [6, 2500],
  ]);
  const near = await openGroup(campaignId, 'g9-a');
  await joinAndPay(campaignId, near, ['g9-b']);
  const far = await openGroup(campaignId, 'g9-c');
  expect(far).not.toBe(near);
  const picked = await expectOk(cloud, 'g9-d', 'group', 'pick', { campaignId, skuId: SKU });
  expect(picked.groupId).toBe(near);
  const mine = await expectOk(cloud, 'g9-b', 'group', 'mine', {});
  expect(mine.items.map((g: any) => g.id)).toEqual([near]);
  // Staff close a group now: below its first tier it fails.
  const closed = await expectOk(cloud, OWNER, 'admin', 'closeGroup', { groupId: far });
  expect(closed.status).toBe('FAILED');
});

it('2 hours before the deadline, members hear how few the next tier needs; the group has a QR code and a poster while open', async () => {
  const campaignId = await groupCampaign([
    [2, 3000],
    [4, 2500],
  ]);
  const groupId = await openGroup(campaignId, 'g10-leader');
  await joinAndPay(campaignId, groupId, ['g10-a']);
  const code = await expectOk(cloud, 'g10-a', 'share', 'code', {
    target: { kind: 'group', id: groupId },
  });
  expect(code.scene).toMatch(/^s\./);
  const poster = await expectOk(cloud, 'g10-a', 'share', 'poster', { groupId });
  expect(poster).toMatchObject({ priceFen: 2500, badge: '阶梯拼团 · 2人 ¥30.00 · 4人 ¥25.00' });
  expect(poster.code.scene).toBe(code.scene);
  await cloud.advanceClock(22 * 60 * MINUTE + MINUTE);
  const reminders = (
    await run(cloud, 'outbox', ['where', { kind: 'GROUP_CLOSING' }], ['get'])
  ).data.filter((m: any) => m.event.groupId === groupId);
  expect(reminders.map((m: any) => m.openid).sort()).toEqual(['g10-a', 'g10-leader']);
  expect(reminders[0].event).toMatchObject({ missing: 2, nextPriceFen: 2500 });
  // Once only.
  await cloud.advanceClock(MINUTE);
  expect(
    (await run(cloud, 'outbox', ['where', { kind: 'GROUP_CLOSING' }], ['get'])).data.filter(
      (m: any) => m.event.groupId === groupId,
    ),
  ).toHaveLength(2);
  await cloud.advanceClock(2 * 60 * MINUTE);
  expect((await groupOf(groupId)).status).toBe('SUCCEEDED');
  const closed = await callAction(cloud, 'g10-a', 'share', 'code', {
    target: { kind: 'group', id: groupId },
  });
  expect(closed).toMatchObject({ ok: false, code: 'GROUP_UNAVAILABLE' });
});

it('a member refunded in full by staff while the group is open leaves it; the closing refunds them nothing more', async () => {
  await cloud.advanceClock(25 * 60 * MINUTE); // earlier groups close first
  const campaignId = await groupCampaign([
    [2, 3000],
    [3, 2500],
    [5, 2000],
  ]);
  const groupId = await openGroup(campaignId, 'g11-leader');
  const [gone, stays] = await joinAndPay(campaignId, groupId, ['g11-a', 'g11-b']);
  await expectOk(cloud, OWNER, 'admin', 'refund', {
    orderId: gone.id,
    amountFen: gone.totalFen,
    reason: '买家不要了',
    requestId: 'g11-refund',
  });
  await cloud.advanceClock(MINUTE); // the refund notice: the order is REFUNDED
  expect(await groupOf(groupId)).toMatchObject({ paidCount: 2, seatCount: 2 });
  await cloud.advanceClock(24 * 60 * MINUTE);
  await cloud.advanceClock(MINUTE);
  const group = await groupOf(groupId);
  expect(group).toMatchObject({ status: 'SUCCEEDED', finalTier: { size: 2 }, unsettledCount: 0 });
  expect((await refundsOf(gone.id)).map((r) => r.refundFee)).toEqual([gone.totalFen]);
  expect(await refundsOf(stays.id)).toEqual([]);
});

it('a difference refund WeChat Pay accepts and then closes is given back and asked again, once', async () => {
  await cloud.advanceClock(25 * 60 * MINUTE); // earlier groups close first
  const campaignId = await groupCampaign([
    [2, 3000],
    [3, 2500],
    [5, 2000],
  ]);
  const groupId = await openGroup(campaignId, 'g12-leader');
  const joined = await joinAndPay(campaignId, groupId, ['g12-a', 'g12-b']);
  // The next refund is accepted, then closed by WeChat Pay without paying.
  await cloud.request('POST', '/_emulator/pay/failures', {
    api: 'refund',
    mode: 'CLOSE_LATER',
    times: 1,
  });
  await cloud.advanceClock(24 * 60 * MINUTE + MINUTE);
  await cloud.request('DELETE', '/_emulator/pay/failures');
  // The timer's refund check finds it closed: given back, and the member asked again.
  for (let i = 0; i < 5; i++) await cloud.advanceClock(MINUTE);
  const group = await groupOf(groupId);
  expect(group.unsettledCount).toBe(0);
  const orders = [group.members[0].orderId, ...joined.map((o) => o.id)];
  for (const orderId of orders)
    expect((await readDoc(cloud, 'orders', orderId)).refundedFen).toBe(500);
  const refunds = (
    await run(cloud, 'refunds', ['where', { orderId: cmd('in', [orders]) }], ['get'])
  ).data as any[];
  expect(refunds.filter((r) => r.status === 'FAILED')).toHaveLength(1);
  expect(refunds.filter((r) => r.status === 'SUCCESS')).toHaveLength(3);
});
