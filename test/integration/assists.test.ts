// Friend assists through the real SDK: the cuts are fixed and published before starting; friends
// help once each, never their own, at most K a day, only new users when the campaign says so;
// 200 helpers at once on an assist of 5 helps → exactly 5 and the floor price; the starter buys
// once at the price reached (the quote and the order agree), a cancelled order gives the assist
// back; the starter hears when the floor is reached; after 24 hours nobody helps or buys.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { cmd, run } from '../support/db-probe';
import { DAY, OWNER } from '../support/distribution';
import { buyNow, callAction, expectOk, paySandbox, readDoc } from '../support/shop';

let cloud: LocalCloud;
const SKU = 'p-longjing-2'; // ¥398.00
const LIST = 39800;
const SHIPPING = 0; // above the free-shipping threshold at every price here

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

let campaigns = 0;
async function assistCampaign(args: {
  floorFen: number;
  helps: number;
  weights?: number[];
  dailyHelps?: number;
  newHelpersOnly?: 'yes' | 'no';
}): Promise<string> {
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  const id = `cmp-assist-${campaigns++}`;
  await expectOk(cloud, OWNER, 'admin', 'saveCampaign', {
    campaign: {
      _id: id,
      kind: 'ASSIST',
      title: '助力测试',
      label: '助力价',
      startsAt: now - DAY,
      endsAt: now + 30 * DAY,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'ASSIST',
          args: {
            floors: [{ skuId: SKU, priceFen: args.floorFen }],
            helps: args.helps,
            ...(args.weights ? { weights: args.weights } : {}),
            dailyHelps: args.dailyHelps ?? 3,
            newHelpersOnly: args.newHelpersOnly ?? 'no',
          },
        },
      ],
    },
  });
  return id;
}

const start = (openid: string, campaignId: string) =>
  expectOk(cloud, openid, 'assist', 'start', { campaignId, skuId: SKU });
/** A friend opening the shop (signed in) and helping. */
const help = async (openid: string, assistId: string) => {
  await expectOk(cloud, openid, 'user', 'launch', {});
  return callAction(cloud, openid, 'assist', 'help', { assistId });
};

it('the schedule is published before starting and fixed: equal steps, or listed weights, summing exactly', async () => {
  const equal = await assistCampaign({ floorFen: 30800, helps: 3 });
  const product = await expectOk(cloud, 'as1-starter', 'catalog', 'product', {
    productId: 'p-longjing',
  });
  expect(product.assist).toMatchObject({ campaignId: equal, helps: 3 });
  expect(product.assist.skus.find((s: any) => s.skuId === SKU).cuts).toEqual([3000, 3000, 3000]);
  const listed = await assistCampaign({ floorFen: 33800, helps: 3, weights: [3, 2, 1] });
  const assist = await start('as1-starter', listed);
  expect(assist.cuts.map((c: any) => c.cutFen)).toEqual([3000, 2000, 1000]);
  expect(assist).toMatchObject({ currentFen: LIST, floorFen: 33800, helpCount: 0 });
  expect(assist.rules[0]).toContain('共需 3 位好友助力');
  // Starting again is the same assist.
  expect((await start('as1-starter', listed)).id).toBe(assist.id);
  // A schedule of the wrong length, or a floor of zero, is refused when saved.
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  const bad = await callAction(cloud, OWNER, 'admin', 'saveCampaign', {
    campaign: {
      _id: 'cmp-assist-bad',
      kind: 'ASSIST',
      title: '坏的',
      label: '助力价',
      startsAt: now,
      endsAt: now + DAY,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'ASSIST',
          args: {
            floors: [{ skuId: SKU, priceFen: 9900 }],
            helps: 3,
            weights: [1, 1],
            dailyHelps: 3,
            newHelpersOnly: 'no',
          },
        },
      ],
    },
  });
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});

it('friends help once each, never their own; the starter buys once at the price reached', async () => {
  const campaignId = await assistCampaign({ floorFen: 30800, helps: 3 });
  const assist = await start('as2-starter', campaignId);
  expect(await help('as2-starter', assist.id)).toMatchObject({ ok: false, code: 'ASSIST_REFUSED' });
  // Someone who never signed in to the shop cannot help.
  expect(
    await callAction(cloud, 'as2-stranger', 'assist', 'help', { assistId: assist.id }),
  ).toMatchObject({ ok: false, code: 'NOT_LOGGED_IN' });
  const first = await help('as2-a', assist.id);
  expect(first.ok && first.data.currentFen).toBe(LIST - 3000);
  // A second tap by the same friend changes nothing.
  expect((await help('as2-a', assist.id)).ok && true).toBe(true);
  expect((await readDoc(cloud, 'assists', assist.id)).helpCount).toBe(1);
  // Someone else's assist cannot be bought with.
  const stranger = await buyNow(cloud, 'as2-a', SKU, 1, { assist: { assistId: assist.id } });
  expect(stranger).toMatchObject({ ok: false, code: 'ASSIST_NOT_FOUND' });

  const quote = await expectOk(cloud, 'as2-starter', 'order', 'quote', {
    lines: { source: 'buyNow', skuId: SKU, qty: 1 },
    assist: { assistId: assist.id },
  });
  expect(quote.totalFen).toBe(LIST - 3000 + SHIPPING);
  const order = await buyNow(cloud, 'as2-starter', SKU, 1, {
    assist: { assistId: assist.id },
    expectedTotalFen: quote.totalFen,
  });
  if (!order.ok) throw new Error(order.message);
  // Held by this unpaid order: a second order cannot use it.
  const second = await buyNow(cloud, 'as2-starter', SKU, 1, { assist: { assistId: assist.id } });
  expect(second).toMatchObject({ ok: false, code: 'ASSIST_UNAVAILABLE' });
  // Cancelled: the assist comes back; paid: it is used.
  await expectOk(cloud, 'as2-starter', 'order', 'cancel', { orderId: order.data.order.id });
  const again = await buyNow(cloud, 'as2-starter', SKU, 1, { assist: { assistId: assist.id } });
  if (!again.ok) throw new Error(again.message);
  await paySandbox(cloud, again.data.order.id);
  expect((await readDoc(cloud, 'assists', assist.id)).status).toBe('USED');
  const after = await buyNow(cloud, 'as2-starter', SKU, 1, { assist: { assistId: assist.id } });
  expect(after).toMatchObject({ ok: false, code: 'ASSIST_UNAVAILABLE' });
  // Nobody helps a used assist.
  expect(await help('as2-b', assist.id)).toMatchObject({ ok: false, code: 'ASSIST_REFUSED' });
});

it('200 helpers at once on an assist of 5 helps: exactly 5 help, the floor is reached, the starter hears once', async () => {
  const campaignId = await assistCampaign({ floorFen: 29800, helps: 5 });
  const assist = await start('as3-starter', campaignId);
  const replies = await Promise.all(
    Array.from({ length: 200 }, (_, i) => help(`as3-helper-${i}`, assist.id)),
  );
  expect(replies.filter((r) => r.ok)).toHaveLength(5);
  const doc = await readDoc(cloud, 'assists', assist.id);
  expect(doc).toMatchObject({ helpCount: 5, status: 'REACHED' });
  expect(new Set(doc.helps.map((h: any) => h.openid)).size).toBe(5);
  // Refused helpers' daily helps were given back (or never taken): only the 5 used one today.
  const days = (
    await run(
      cloud,
      'assist_days',
      [
        'where',
        { count: cmd('gt', [0]), openid: cmd('in', [replies.map((_r, i) => `as3-helper-${i}`)]) },
      ],
      ['count'],
    )
  ).total;
  expect(days).toBe(5);
  const view = await expectOk(cloud, 'as3-starter', 'assist', 'detail', { assistId: assist.id });
  expect(view).toMatchObject({ currentFen: 29800, canBuy: true });
  const notices = (await run(cloud, 'outbox', ['where', { kind: 'ASSIST_DONE' }], ['get'])).data;
  expect(notices.filter((n: any) => n.event.assistId === assist.id)).toHaveLength(1);
});

it('a helper helps at most K assists a day; new users only when the campaign says so', async () => {
  const campaignId = await assistCampaign({ floorFen: 30800, helps: 3, dailyHelps: 2 });
  const assists = await Promise.all(['as4-a', 'as4-b', 'as4-c'].map((s) => start(s, campaignId)));
  expect((await help('as4-helper', assists[0].id)).ok).toBe(true);
  expect((await help('as4-helper', assists[1].id)).ok).toBe(true);
  const third = await help('as4-helper', assists[2].id);
  expect(third).toMatchObject({ ok: false, code: 'ASSIST_REFUSED' });
  expect((third as any).message).toContain('每天最多助力 2 次');
  // The next day (China time) counts anew.
  await cloud.advanceClock(DAY);
  const next = await start('as4-d', campaignId);
  expect((await help('as4-helper', next.id)).ok).toBe(true);

  const newOnly = await assistCampaign({ floorFen: 30800, helps: 3, newHelpersOnly: 'yes' });
  const assist = await start('as4-starter', newOnly);
  const refused = await help('demo-regular', assist.id);
  expect(refused).toMatchObject({ ok: false, code: 'ASSIST_REFUSED' });
  expect((refused as any).message).toContain('仅限新用户');
  expect((await help('as4-newcomer', assist.id)).ok).toBe(true);
});

it('after 24 hours nobody helps and the starter cannot buy', async () => {
  const campaignId = await assistCampaign({ floorFen: 30800, helps: 3 });
  const assist = await start('as5-starter', campaignId);
  await cloud.advanceClock(DAY + 60_000);
  expect(await help('as5-a', assist.id)).toMatchObject({ ok: false, code: 'ASSIST_REFUSED' });
  const late = await buyNow(cloud, 'as5-starter', SKU, 1, { assist: { assistId: assist.id } });
  expect(late).toMatchObject({ ok: false, code: 'ASSIST_UNAVAILABLE' });
});

it('an assist a crash left ACTIVE with all its helps is marked reached when read, and its starter told once', async () => {
  const campaignId = await assistCampaign({ floorFen: 30800, helps: 1 });
  const assist = await start('as6-starter', campaignId);
  // The last help was written; the call died before marking the floor reached.
  await run(
    cloud,
    'assists',
    ['doc', assist.id],
    ['update', { data: { helpCount: 1, helps: [{ openid: 'as6-helper', at: 0 }] } }],
  );
  const view = await expectOk(cloud, 'as6-starter', 'assist', 'detail', { assistId: assist.id });
  expect(view).toMatchObject({ status: 'REACHED', currentFen: 30800 });
  await expectOk(cloud, 'as6-starter', 'assist', 'detail', { assistId: assist.id });
  const notices = (await run(cloud, 'outbox', ['where', { kind: 'ASSIST_DONE' }], ['get'])).data;
  expect(notices.filter((n: any) => n.event.assistId === assist.id)).toHaveLength(1);
});
