// Staff actions and input checking: only listed staff (by role) reach them, refunds never pass
// what was paid, stock adjustments are logged, and malformed input writes nothing anywhere.
import { startLocalCloud, eventually, type LocalCloud } from '../../emulator/launcher';
import { SEED } from '../../emulator/seed/catalog';
import {
  ADDRESS,
  buyNow,
  callAction,
  dump,
  expectOk,
  paySandbox,
  readDoc,
  requestId,
} from '../support/shop';
import { run } from '../support/db-probe';

let cloud: LocalCloud;
const OWNER = 'demo-staff';
const onSale = SEED.skus.filter(
  (s) => s.stock >= 20 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await run(cloud, 'staff', [
    'add',
    { data: [{ _id: 'warehouse-1', role: 'warehouse', name: '仓库小王' }] },
  ]);
});
afterAll(() => cloud.stop());

async function paidOrder(
  buyer: string,
  skuIndex: number,
  qty = 1,
): Promise<{ id: string; totalFen: number }> {
  const reply = (await buyNow(cloud, buyer, onSale[skuIndex]._id, qty)) as any;
  await paySandbox(cloud, reply.data.order.id);
  return { id: reply.data.order.id, totalFen: reply.data.order.totalFen };
}

it('non-staff and the wrong role are refused; nothing changes', async () => {
  const order = await paidOrder('plain-buyer', 0);
  const refundInput = { orderId: order.id, amountFen: 100, reason: '测试', requestId: requestId() };
  expect(
    await callAction(cloud, 'plain-buyer', 'admin', 'ship', {
      orderId: order.id,
      company: '顺丰',
      trackingNo: 'SF100200',
    }),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '没有权限执行此操作' });
  expect(await callAction(cloud, 'plain-buyer', 'admin', 'refund', refundInput)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(
    await callAction(cloud, 'plain-buyer', 'admin', 'adjustStock', {
      skuId: onSale[0]._id,
      delta: 5,
      reason: '盘点',
      requestId: requestId(),
    }),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await callAction(cloud, 'warehouse-1', 'admin', 'refund', refundInput)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await callAction(cloud, undefined, 'admin', 'refund', refundInput)).toMatchObject({
    ok: false,
    code: 'NOT_LOGGED_IN',
  });
  expect(await readDoc(cloud, 'orders', order.id)).toMatchObject({
    status: 'PAID',
    refundedFen: 0,
  });
});

it('staff ship a paid order; the buyer confirms receipt', async () => {
  const order = await paidOrder('ship-buyer', 1);
  const shipped = await expectOk(cloud, 'warehouse-1', 'admin', 'ship', {
    orderId: order.id,
    company: '顺丰',
    trackingNo: 'SF1234567',
  });
  expect(shipped).toMatchObject({
    status: 'SHIPPED',
    shipping: { company: '顺丰速运', trackingNo: 'SF1234567' },
  });
  expect(
    await callAction(cloud, 'warehouse-1', 'admin', 'ship', {
      orderId: order.id,
      company: '顺丰',
      trackingNo: 'SF1234567',
    }),
  ).toMatchObject({ ok: false, code: 'ORDER_STATE' });
  expect(
    (await expectOk(cloud, 'ship-buyer', 'order', 'confirmReceipt', { orderId: order.id })).status,
  ).toBe('COMPLETED');
});

it('partial refunds never exceed what was paid, even sent at once; the last one completes the refund', async () => {
  const order = await paidOrder('refund-buyer', 2, 3);
  const third = Math.floor(order.totalFen / 3);
  const first = await expectOk(cloud, OWNER, 'admin', 'refund', {
    orderId: order.id,
    amountFen: third,
    reason: '少发一件',
    requestId: requestId(),
  });
  expect(first).toMatchObject({ status: 'PENDING', amountFen: third, full: false });
  expect(
    await callAction(cloud, OWNER, 'admin', 'refund', {
      orderId: order.id,
      amountFen: order.totalFen,
      reason: '超额',
      requestId: requestId(),
    }),
  ).toMatchObject({ ok: false, code: 'REFUND_EXCEEDS' });

  const rest = order.totalFen - third;
  // Each of these is just over half of what is left: only one can fit.
  const racing = await Promise.all(
    [1, 2, 3].map(() =>
      callAction(cloud, OWNER, 'admin', 'refund', {
        orderId: order.id,
        amountFen: Math.floor(rest / 2) + 1,
        reason: '并发',
        requestId: requestId(),
      }),
    ),
  );
  expect(racing.filter((r) => r.ok)).toHaveLength(1);
  for (const r of racing.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'REFUND_EXCEEDS' });
  const afterRace = await readDoc(cloud, 'orders', order.id);
  expect(afterRace.refundedFen).toBe(third + Math.floor(rest / 2) + 1);
  expect(afterRace.status).toBe('PAID');

  const left = order.totalFen - afterRace.refundedFen;
  const last = await expectOk(cloud, OWNER, 'admin', 'refund', {
    orderId: order.id,
    amountFen: left,
    reason: '全部退完',
    requestId: requestId(),
  });
  expect(last.full).toBe(true);
  await eventually(async () => (await readDoc(cloud, 'orders', order.id)).status === 'REFUNDED');
  const { body: refunds } = await cloud.request(
    'GET',
    `/_emulator/pay/refunds?outTradeNo=${order.id}`,
  );
  expect(refunds.reduce((sum: number, r: any) => sum + r.refundFee, 0)).toBe(order.totalFen);
  await eventually(
    async () =>
      (await run(cloud, 'refunds', ['where', { orderId: order.id, status: 'SUCCESS' }], ['count']))
        .total === 3,
  );
});

it('a retried refund request refunds once', async () => {
  const order = await paidOrder('retry-buyer', 3);
  const input = { orderId: order.id, amountFen: 50, reason: '补偿', requestId: requestId() };
  const [a, b] = await Promise.all([
    callAction(cloud, OWNER, 'admin', 'refund', input),
    callAction(cloud, OWNER, 'admin', 'refund', input),
  ]);
  expect(a.ok && b.ok).toBe(true);
  expect((a as any).data._id).toBe((b as any).data._id);
  expect((await readDoc(cloud, 'orders', order.id)).refundedFen).toBe(50);
  const { body: refunds } = await cloud.request(
    'GET',
    `/_emulator/pay/refunds?outTradeNo=${order.id}`,
  );
  expect(refunds).toHaveLength(1);
});

it('stock adjustments are conditional, logged with who and why, and once per request', async () => {
  const sku = onSale[4];
  const before = (await readDoc(cloud, 'skus', sku._id)).stock;
  const input = { skuId: sku._id, delta: 7, reason: '到货入库', requestId: requestId() };
  const log = await expectOk(cloud, 'warehouse-1', 'admin', 'adjustStock', input);
  await expectOk(cloud, 'warehouse-1', 'admin', 'adjustStock', input);
  expect(log).toMatchObject({
    skuId: sku._id,
    kind: 'ADJUST',
    delta: 7,
    reason: '到货入库',
    by: 'warehouse-1',
    at: expect.any(Number),
  });
  expect((await readDoc(cloud, 'skus', sku._id)).stock).toBe(before + 7);
  expect(
    await callAction(cloud, OWNER, 'admin', 'adjustStock', {
      skuId: sku._id,
      delta: -(before + 8),
      reason: '报损',
      requestId: requestId(),
    }),
  ).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' });
  expect((await readDoc(cloud, 'skus', sku._id)).stock).toBe(before + 7);
});

// Every action that takes input (user.me, cart.list and coupon.center take none).
it('malformed input to every action gets INVALID_INPUT and writes nothing', async () => {
  const order = await paidOrder('malformed-buyer', 5);
  const collections = [
    'users',
    'cart_items',
    'orders',
    'skus',
    'products',
    'refunds',
    'stock_logs',
    'touches',
    'coupons',
    'allowances',
    'campaigns',
    'coupon_templates',
  ];
  const before = await dump(cloud, collections);
  const bad: [string, string, string, object][] = [
    ['malformed-buyer', 'user', 'launch', { scene: 'x'.repeat(33) }],
    ['malformed-buyer', 'user', 'login', { ref: 'x'.repeat(33) }],
    ['malformed-buyer', 'catalog', 'home', { cursor: -1 }],
    ['malformed-buyer', 'catalog', 'category', { categoryId: 42 }],
    ['malformed-buyer', 'catalog', 'product', {}],
    ['malformed-buyer', 'catalog', 'search', { keyword: '' }],
    ['malformed-buyer', 'cart', 'add', { skuId: onSale[0]._id, qty: 0 }],
    ['malformed-buyer', 'cart', 'add', { skuId: onSale[0]._id, qty: 1.5 }],
    ['malformed-buyer', 'cart', 'setQty', { skuId: onSale[0]._id, qty: '2' }],
    ['malformed-buyer', 'cart', 'remove', { skuIds: [] }],
    ['malformed-buyer', 'order', 'quote', { lines: { source: 'elsewhere' } }],
    [
      'malformed-buyer',
      'order',
      'create',
      {
        lines: { source: 'buyNow', skuId: onSale[0]._id, qty: 1 },
        requestId: 'short',
        address: ADDRESS,
      },
    ],
    [
      'malformed-buyer',
      'order',
      'create',
      {
        lines: { source: 'buyNow', skuId: onSale[0]._id, qty: 1 },
        requestId: requestId(),
        address: { ...ADDRESS, phone: '123' },
      },
    ],
    ['malformed-buyer', 'order', 'pay', { orderId: '' }],
    ['malformed-buyer', 'order', 'cancel', {}],
    ['malformed-buyer', 'order', 'confirmReceipt', { orderId: null }],
    ['malformed-buyer', 'order', 'list', { status: 'LOST' }],
    ['malformed-buyer', 'order', 'detail', { orderId: ['x'] }],
    ['malformed-buyer', 'coupon', 'claim', {}],
    ['malformed-buyer', 'coupon', 'claim', { templateId: 42 }],
    ['malformed-buyer', 'coupon', 'mine', { status: 'LOST' }],
    [OWNER, 'admin', 'ship', { orderId: order.id, company: '', trackingNo: 'SF1' }],
    [OWNER, 'admin', 'saveCampaign', { campaign: { _id: 'x' } }],
    [
      OWNER,
      'admin',
      'refund',
      { orderId: order.id, amountFen: 9.5, reason: '退款', requestId: requestId() },
    ],
    [
      OWNER,
      'admin',
      'refund',
      { orderId: order.id, amountFen: -100, reason: '退款', requestId: requestId() },
    ],
    [
      OWNER,
      'admin',
      'adjustStock',
      { skuId: onSale[0]._id, delta: 0, reason: '盘点', requestId: requestId() },
    ],
    [
      OWNER,
      'admin',
      'adjustStock',
      { skuId: onSale[0]._id, delta: 5, reason: '', requestId: requestId() },
    ],
  ];
  for (const [who, fn, action, input] of bad) {
    const reply = await callAction(cloud, who, fn, action, input);
    expect({ fn, action, reply }).toMatchObject({
      fn,
      action,
      reply: { ok: false, code: 'INVALID_INPUT', message: expect.any(String) },
    });
    // The message is for people: no field names (they stay in the details and the log).
    expect(reply.ok === false && reply.message).toMatch(/^[^A-Za-z]+$/);
  }
  expect(await dump(cloud, collections)).toEqual(before);
});
