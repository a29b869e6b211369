// The outbox and its sender through the real SDK, with the openapi recorder (issue 11, second
// part): order events write one message each; a buyer with an opt-in gets one send with the right
// page, one without gets none (SKIPPED); 43101 zeroes the count; a passing error is retried with
// the opt-in given back; a permanent one is not retried; a sender killed mid-batch and restarted
// sends nothing twice.
import { startLocalCloud, tempDataDir, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { run } from '../support/db-probe';
import { buyNow, callAction, expectOk, paySandbox, readDoc, requestId } from '../support/shop';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;
const API = 'subscribeMessage.send';
const PAID = 'local-order_paid';
const SHIPPED = 'local-order_shipped';
const sku = SEED.skus.find(
  (s) => s.stock >= 50 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
)!;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud?.stop());
afterEach(() => cloud.request('DELETE', '/_emulator/openapi/failures'));

async function sends(c: LocalCloud, touser: string): Promise<any[]> {
  return (await c.request('GET', `/_emulator/openapi/calls?api=${API}&touser=${touser}`)).body;
}

async function optIn(c: LocalCloud, openid: string, templates: string[], times = 1) {
  for (let i = 0; i < times; i++)
    await expectOk(c, openid, 'notice', 'subscribe', {
      reportId: requestId('r'),
      answers: Object.fromEntries(templates.map((t) => [t, 'accept'])),
    });
}

async function paidOrder(c: LocalCloud, buyer: string): Promise<string> {
  await expectOk(c, buyer, 'user', 'launch', {});
  const placed = await buyNow(c, buyer, sku._id);
  if (!placed.ok) throw new Error(placed.message);
  await paySandbox(c, placed.data.order.id);
  return placed.data.order.id;
}

it('paid and shipped: one message each for a buyer who opted in, with its page; none without', async () => {
  await optIn(cloud, 'notice-a', [PAID, SHIPPED]);
  const orderId = await paidOrder(cloud, 'notice-a');
  const silent = await paidOrder(cloud, 'notice-b');
  await cloud.advanceClock(60_000);
  const [paid] = await sends(cloud, 'notice-a');
  expect(paid.data).toMatchObject({
    template_id: PAID,
    page: `packages/orders/detail/index?id=${orderId}`,
  });
  expect(paid.data.data.character_string1.value).toBe(orderId);
  expect((await readDoc(cloud, 'outbox', `ORDER_PAID:${orderId}`)).state).toBe('SENT');
  expect((await readDoc(cloud, 'optins', `notice-a:${PAID}`)).count).toBe(0);
  expect(await sends(cloud, 'notice-b')).toEqual([]);
  expect(await readDoc(cloud, 'outbox', `ORDER_PAID:${silent}`)).toMatchObject({
    state: 'SKIPPED',
    error: 'NO_OPTIN',
  });

  await expectOk(cloud, OWNER, 'admin', 'ship', {
    orderId,
    company: '顺丰',
    trackingNo: 'SF77665544',
  });
  const all = await sends(cloud, 'notice-a');
  expect(all.map((s) => s.data.template_id)).toEqual([PAID, SHIPPED]);
  expect(all[1].data.data.character_string4.value).toBe('SF77665544');
  // Timers running on send nothing again.
  await cloud.advanceClock(10 * 60_000);
  expect(await sends(cloud, 'notice-a')).toHaveLength(2);
});

it('43101 zeroes the count and is not retried; a busy WeChat is retried with the opt-in given back', async () => {
  await optIn(cloud, 'notice-c', [PAID], 3);
  await cloud.request('POST', '/_emulator/openapi/failures', {
    api: API,
    errCode: 43101,
    touser: 'notice-c',
    times: 1,
  });
  const first = await paidOrder(cloud, 'notice-c');
  await cloud.advanceClock(60_000);
  expect(await readDoc(cloud, 'outbox', `ORDER_PAID:${first}`)).toMatchObject({ state: 'FAILED' });
  expect((await readDoc(cloud, 'optins', `notice-c:${PAID}`)).count).toBe(0);
  await cloud.advanceClock(10 * 60_000);
  expect(await sends(cloud, 'notice-c')).toHaveLength(1); // the failed call, not retried

  await optIn(cloud, 'notice-d', [PAID]);
  await cloud.request('POST', '/_emulator/openapi/failures', {
    api: API,
    errCode: -1,
    touser: 'notice-d',
    times: 1,
  });
  const second = await paidOrder(cloud, 'notice-d');
  await cloud.advanceClock(60_000);
  expect(await readDoc(cloud, 'outbox', `ORDER_PAID:${second}`)).toMatchObject({
    state: 'QUEUED',
    attempts: 1,
  });
  expect((await readDoc(cloud, 'optins', `notice-d:${PAID}`)).count).toBe(1);
  await cloud.advanceClock(2 * 60_000);
  expect(await readDoc(cloud, 'outbox', `ORDER_PAID:${second}`)).toMatchObject({ state: 'SENT' });
  const calls = await sends(cloud, 'notice-d');
  expect(calls.map((c) => c.errCode)).toEqual([-1, 0]);
  expect((await readDoc(cloud, 'optins', `notice-d:${PAID}`)).count).toBe(0);
});

it('a permanent error (47003) fails the message without retrying it', async () => {
  await optIn(cloud, 'notice-e', [PAID]);
  await cloud.request('POST', '/_emulator/openapi/failures', {
    api: API,
    errCode: 47003,
    touser: 'notice-e',
    times: 5,
  });
  const orderId = await paidOrder(cloud, 'notice-e');
  await cloud.advanceClock(60_000);
  await cloud.advanceClock(30 * 60_000);
  expect(await readDoc(cloud, 'outbox', `ORDER_PAID:${orderId}`)).toMatchObject({
    state: 'FAILED',
  });
  expect(await sends(cloud, 'notice-e')).toHaveLength(1);
});

it('a sender killed mid-batch and restarted sends nothing twice', async () => {
  const dataDir = tempDataDir();
  const first = await startLocalCloud({ dataDir, env: { CLOUD_DB_LATENCY_MS: '30' } });
  const users = Array.from({ length: 300 }, (_, i) => `batch-${i}`);
  const { now } = (await first.request('GET', '/_emulator/clock')).body;
  await run(first, 'optins', [
    'add',
    {
      data: users.map((u) => ({
        _id: `${u}:${PAID}`,
        openid: u,
        templateId: PAID,
        count: 1,
        reportIds: [],
        updatedAt: now,
      })),
    },
  ]);
  await run(first, 'outbox', [
    'add',
    {
      data: users.map((u) => ({
        _id: `ORDER_PAID:${u}`,
        kind: 'ORDER_PAID',
        openid: u,
        event: { orderId: u, goods: '测试', more: 0, totalFen: 100, at: now },
        state: 'QUEUED',
        attempts: 0,
        nextAt: now,
        createdAt: now,
      })),
    },
  ]);
  // The timer starts sending; the process dies while it is at it.
  void first.advanceClock(60_000).catch(() => undefined);
  let sentBefore = 0;
  for (let i = 0; i < 1000 && sentBefore < 20; i++) {
    await new Promise((r) => setTimeout(r, 10));
    sentBefore = (await first.request('GET', `/_emulator/openapi/calls?api=${API}`)).body.length;
  }
  await first.kill();
  expect(sentBefore).toBeGreaterThanOrEqual(20);
  expect(sentBefore).toBeLessThan(300); // killed mid-batch
  const second = await startLocalCloud({ dataDir });
  try {
    await second.advanceClock(10 * 60_000);
    await second.advanceClock(60_000);
    const calls = (await second.request('GET', `/_emulator/openapi/calls?api=${API}`))
      .body as any[];
    const perUser = new Map<string, number>();
    for (const c of calls) perUser.set(c.data.touser, (perUser.get(c.data.touser) ?? 0) + 1);
    expect([...perUser.values()].filter((n) => n > 1)).toEqual([]);
    const states = (await run(second, 'outbox', ['limit', 1000], ['get'])).data.map(
      (m: any) => m.state,
    );
    expect(states.filter((s: string) => !['SENT', 'UNCONFIRMED'].includes(s))).toEqual([]);
    expect(calls.length).toBeGreaterThanOrEqual(states.filter((s: string) => s === 'SENT').length);
  } finally {
    await second.stop();
  }
});

it('staff see the templates with their opt-ins, set a template id, list the outbox and resend a failed message', async () => {
  const OWNER_ = DEMO_USERS.staff;
  const templates = await expectOk(cloud, OWNER_, 'admin', 'noticeTemplates', {});
  const paid = templates.find((t: any) => t.kind === 'ORDER_PAID');
  expect(paid).toMatchObject({ templateId: PAID, planned: false });
  expect(paid.optIns).toBeGreaterThanOrEqual(0);
  // Every kind is used by a tool now: none is planned.
  expect(templates.find((t: any) => t.kind === 'BLIND_BOX_RESULT')).toMatchObject({
    planned: false,
  });
  expect(templates.some((t: any) => t.planned)).toBe(false);

  const failed = await expectOk(cloud, OWNER_, 'admin', 'outbox', { state: 'FAILED' });
  expect(failed.length).toBeGreaterThan(0);
  const target = failed.find((m: any) => m.openid === 'notice-e');
  await optIn(cloud, 'notice-e', [PAID]);
  const resent = await expectOk(cloud, OWNER_, 'admin', 'resendNotice', { id: target.id });
  expect(resent.state).toBe('SENT');
  expect((await sends(cloud, 'notice-e')).map((c) => c.errCode)).toEqual([47003, 0]);
  const again = await callAction(cloud, OWNER_, 'admin', 'resendNotice', { id: target.id });
  expect(again).toMatchObject({ ok: false, code: 'ORDER_STATE' });

  // A real template id: the launch hands it to the app at once, and queued messages use it.
  const saved = await expectOk(cloud, OWNER_, 'admin', 'saveNoticeTemplate', {
    kind: 'ORDER_SHIPPED',
    templateId: 'Tmpl-Shipped-001',
    keys: { company: 'thing5' },
  });
  expect(saved.find((t: any) => t.kind === 'ORDER_SHIPPED')).toMatchObject({
    templateId: 'Tmpl-Shipped-001',
  });
  const launch = await expectOk(cloud, 'notice-f', 'user', 'launch', {});
  expect(launch.noticeTemplates.ORDER_SHIPPED).toBe('Tmpl-Shipped-001');
  const bad = await callAction(cloud, OWNER_, 'admin', 'saveNoticeTemplate', {
    kind: 'ORDER_SHIPPED',
    templateId: 'x',
    keys: { colour: 'thing9' },
  });
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});

it('a push to the users holding an opt-in: previewed, sent once per user, also when retried', async () => {
  const STOCK = 'local-back_in_stock';
  for (const u of ['push-1', 'push-2', 'push-3']) await optIn(cloud, u, [STOCK]);
  const notice = { kind: 'BACK_IN_STOCK', skuId: sku._id };
  const preview = await expectOk(cloud, DEMO_USERS.staff, 'admin', 'pushNotice', { notice });
  expect(preview).toEqual({ recipients: 3, queued: 0 });
  const id = requestId('push');
  const sent = await expectOk(cloud, DEMO_USERS.staff, 'admin', 'pushNotice', {
    notice,
    send: true,
    requestId: id,
  });
  expect(sent).toEqual({ recipients: 3, queued: 3 });
  const retried = await expectOk(cloud, DEMO_USERS.staff, 'admin', 'pushNotice', {
    notice,
    send: true,
    requestId: id,
  });
  expect(retried.queued).toBe(0);
  await cloud.advanceClock(60_000);
  for (const u of ['push-1', 'push-2', 'push-3']) {
    const got = await sends(cloud, u);
    expect(got).toHaveLength(1);
    expect(got[0].data.template_id).toBe(STOCK);
  }
  // Their opt-ins are used: a preview now finds no one.
  expect(await expectOk(cloud, DEMO_USERS.staff, 'admin', 'pushNotice', { notice })).toEqual({
    recipients: 0,
    queued: 0,
  });
});

it('a shipment whose call died before writing its notice gets it from the timer, once', async () => {
  // (A test above set the shipped template's id on the admin.)
  const { ORDER_SHIPPED: shippedId } = await expectOk(cloud, 'notice-g', 'notice', 'templates', {
    kinds: ['ORDER_SHIPPED'],
  });
  await optIn(cloud, 'notice-g', [shippedId]);
  const orderId = await paidOrder(cloud, 'notice-g');
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  // What the shipping write leaves if the call dies right after it.
  await run(
    cloud,
    'orders',
    ['doc', orderId],
    [
      'update',
      {
        data: {
          status: 'SHIPPED',
          shipping: { company: '顺丰速运', trackingNo: 'SF10001', at: now, by: 'x' },
          noticeOwed: 'ORDER_SHIPPED',
        },
      },
    ],
  );
  await cloud.advanceClock(2 * 60_000);
  await cloud.advanceClock(2 * 60_000);
  const shipped = (await sends(cloud, 'notice-g')).filter((c) => c.data.template_id === shippedId);
  expect(shipped).toHaveLength(1);
  expect((await readDoc(cloud, 'orders', orderId)).noticeOwed).toBeUndefined();
});

it('five messages at once for a user holding two opt-ins: exactly two are sent', async () => {
  const user = 'notice-h';
  await optIn(cloud, user, [PAID], 2);
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  const ids = Array.from({ length: 5 }, (_, i) => `ORDER_PAID:h-${i}`);
  await run(cloud, 'outbox', [
    'add',
    {
      data: ids.map((id, i) => ({
        _id: id,
        kind: 'ORDER_PAID',
        openid: user,
        event: { orderId: `OH${i}`, goods: '测试', more: 0, totalFen: 100, at: now },
        state: 'FAILED',
        attempts: 1,
        nextAt: now,
        createdAt: now,
      })),
    },
  ]);
  const replies = await Promise.all(
    ids.map((id) => expectOk(cloud, DEMO_USERS.staff, 'admin', 'resendNotice', { id })),
  );
  expect(replies.filter((r) => r.state === 'SENT')).toHaveLength(2);
  expect(replies.filter((r) => r.state === 'SKIPPED')).toHaveLength(3);
  expect(await sends(cloud, user)).toHaveLength(2);
  expect((await readDoc(cloud, 'optins', `${user}:${PAID}`)).count).toBe(0);
});
