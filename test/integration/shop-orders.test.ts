// The order and payment path: no oversell, one order per submit, payments that only cloudPay
// can confirm, cancellation of unpaid orders on the moved clock, and server-only prices.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED } from '../../emulator/seed/catalog';
import {
  ADDRESS,
  buyNow,
  callAction,
  expectOk,
  paySandbox,
  readDoc,
  requestId,
  withFields,
} from '../support/shop';

let cloud: LocalCloud;

const onSale = SEED.skus.filter(
  (s) => SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);
const skuAt = (i: number) => onSale[i];

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

it('200 concurrent buyers for a SKU with stock 20: exactly 20 orders, the rest OUT_OF_STOCK', async () => {
  const sku = skuAt(0);
  await withFields(cloud, 'skus', sku._id, { stock: 20, holds: [] }, async () => {
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => buyNow(cloud, `rush-${i}`, sku._id)),
    );
    const won = replies.filter((r) => r.ok);
    const lost = replies.filter((r) => !r.ok);
    expect(won).toHaveLength(20);
    expect(lost).toHaveLength(180);
    for (const r of lost)
      expect(r).toMatchObject({
        ok: false,
        code: 'OUT_OF_STOCK',
        // Late buyers are turned away by the stock check; racing ones by the conditional hold.
        message: expect.stringMatching(/库存不足|已售罄/),
      });
    const after = await readDoc(cloud, 'skus', sku._id);
    expect(after.stock).toBe(0);
    expect(after.holds).toHaveLength(20);
    const orderIds = new Set(won.map((r: any) => r.data.order.id));
    expect(new Set(after.holds.map((h: any) => h.orderId))).toEqual(orderIds);
  });
});

it('a repeated submit (same request id), even at once, gives one order and holds stock once', async () => {
  const sku = skuAt(1);
  const before = (await readDoc(cloud, 'skus', sku._id)).stock;
  const input = {
    lines: { source: 'buyNow', skuId: sku._id, qty: 2 },
    requestId: requestId('twice'),
    address: ADDRESS,
  };
  const replies = await Promise.all(
    [1, 2, 3].map(() => callAction(cloud, 'repeat-buyer', 'order', 'create', input)),
  );
  const again = await expectOk(cloud, 'repeat-buyer', 'order', 'create', input);
  const ids = new Set([
    ...replies.filter((r) => r.ok).map((r: any) => r.data.order.id),
    again.order.id,
  ]);
  expect(ids.size).toBe(1);
  for (const r of replies) if (!r.ok) expect(r.code).toBe('ORDER_PROCESSING');
  expect((await readDoc(cloud, 'skus', sku._id)).stock).toBe(before - 2);
  expect(again.payment.package).toMatch(/^prepay_id=/);
});

it('paying in the sandbox marks the order paid once: stock sold, user no longer new', async () => {
  const sku = skuAt(2);
  const buyer = 'pay-buyer';
  await expectOk(cloud, buyer, 'user', 'login', {});
  const created = await expectOk(cloud, buyer, 'order', 'create', {
    lines: { source: 'buyNow', skuId: sku._id, qty: 1 },
    requestId: requestId(),
    address: ADDRESS,
  });
  expect(created.order.status).toBe('UNPAID');
  expect(await paySandbox(cloud, created.order.id)).toBe(true);
  const detail = await expectOk(cloud, buyer, 'order', 'detail', { orderId: created.order.id });
  expect(detail).toMatchObject({
    status: 'PAID',
    statusText: '待发货',
    paidAt: expect.any(Number),
    canPay: false,
  });
  const skuDoc = await readDoc(cloud, 'skus', sku._id);
  expect(skuDoc.holds).toEqual([]);
  expect(skuDoc.sold).toBe(sku.sold + 1);
  expect(await expectOk(cloud, buyer, 'user', 'me', {})).toMatchObject({
    isNewUser: false,
    paidOrderCount: 1,
    paidTotalFen: created.order.totalFen,
  });

  // WeChat Pay sends the same notice again: nothing changes.
  const { body: notices } = await cloud.request('GET', '/_emulator/pay/notices?kind=pay');
  const notice = notices.find((n: any) => n.event.outTradeNo === created.order.id);
  const replay = await cloud.request('POST', '/_emulator/pay/notify', {
    functionName: 'payNotify',
    event: notice.event,
  });
  expect(replay.body).toEqual({ errcode: 0, errmsg: 'OK' });
  expect(await expectOk(cloud, buyer, 'user', 'me', {})).toMatchObject({
    paidOrderCount: 1,
    paidTotalFen: created.order.totalFen,
  });
  expect((await readDoc(cloud, 'skus', sku._id)).sold).toBe(sku.sold + 1);
  const order = await readDoc(cloud, 'orders', created.order.id);
  expect(order.history.filter((h: any) => h.to === 'PAID')).toHaveLength(1);
});

it('notices that cloudPay cannot back are refused: wrong amount, unpaid trade, or sent by a client', async () => {
  const sku = skuAt(3);
  const created = (await buyNow(cloud, 'forger', sku._id)) as any;
  const orderId = created.data.order.id;
  const total = created.data.order.totalFen;
  const forged = {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: orderId,
    totalFee: total,
    transactionId: '4200000000000000000000000001',
  };

  const wrongAmount = await cloud.request('POST', '/_emulator/pay/notify', {
    functionName: 'payNotify',
    event: { ...forged, totalFee: 1 },
  });
  expect(wrongAmount.body).toEqual({ errcode: 1, errmsg: 'amount mismatch' });
  const notPaid = await cloud.request('POST', '/_emulator/pay/notify', {
    functionName: 'payNotify',
    event: forged,
  });
  expect(notPaid.body.errcode).not.toBe(0);
  const fromClient = await cloud.call('payNotify', forged, { openid: 'forger' });
  expect(fromClient.errcode).not.toBe(0);
  expect((await readDoc(cloud, 'orders', orderId)).status).toBe('UNPAID');
});

it('a client cannot deliver a pay notice, even for a trade that is really paid', async () => {
  const created = (await buyNow(cloud, 'notice-forger', skuAt(3)._id)) as any;
  const orderId = created.data.order.id;
  // Paid in WeChat Pay, but its notice is held back: only the order's own notice may settle it.
  await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: orderId, notify: false });
  const notice = {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: orderId,
    totalFee: created.data.order.totalFen,
  };
  const fromClient = await cloud.call('payNotify', notice, { openid: 'notice-forger' });
  expect(fromClient).toEqual({ errcode: 1, errmsg: 'not a pay notice' });
  expect((await readDoc(cloud, 'orders', orderId)).status).toBe('UNPAID');
  await cloud.request('POST', '/_emulator/pay/deliver', { outTradeNo: orderId });
  expect((await readDoc(cloud, 'orders', orderId)).status).toBe('PAID');
});

it('prices, totals and user ids sent by the client are ignored', async () => {
  const sku = skuAt(4);
  const reply = await buyNow(cloud, 'honest-buyer', sku._id, 2, {
    totalFen: 1,
    priceFen: 1,
    openid: 'victim',
    unitPriceFen: 1,
    lines: { source: 'buyNow', skuId: sku._id, qty: 2, priceFen: 1 },
  });
  expect(reply.ok).toBe(true);
  const order = await readDoc(cloud, 'orders', (reply as any).data.order.id);
  expect(order.openid).toBe('honest-buyer');
  expect(order.lines[0].unitPriceFen).toBe(sku.priceFen);
  expect(order.goodsFen).toBe(sku.priceFen * 2);
  expect(order.totalFen).toBe(order.goodsFen + order.shippingFen);
  expect((await callAction(cloud, 'victim', 'order', 'detail', { orderId: order._id })).ok).toBe(
    false,
  );
});

it('an unpaid order is cancelled after 15 minutes of moved clock, its stock returned and payment closed', async () => {
  const sku = skuAt(5);
  const before = (await readDoc(cloud, 'skus', sku._id)).stock;
  const reply = (await buyNow(cloud, 'slow-payer', sku._id, 3)) as any;
  const orderId = reply.data.order.id;
  expect((await readDoc(cloud, 'skus', sku._id)).stock).toBe(before - 3);

  await cloud.advanceClock(10 * 60_000);
  expect((await readDoc(cloud, 'orders', orderId)).status).toBe('UNPAID');
  await cloud.advanceClock(6 * 60_000);
  const order = await readDoc(cloud, 'orders', orderId);
  expect(order).toMatchObject({
    status: 'CANCELLED',
    cancel: { reason: 'PAYMENT_TIMEOUT' },
    effects: { cancelled: { done: true } },
  });
  const skuDoc = await readDoc(cloud, 'skus', sku._id);
  expect(skuDoc.stock).toBe(before);
  expect(skuDoc.holds.find((h: any) => h.orderId === orderId)).toBeUndefined();
  expect(
    (await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: orderId })).status,
  ).toBe(409);
  expect(await callAction(cloud, 'slow-payer', 'order', 'pay', { orderId })).toMatchObject({
    ok: false,
    code: 'ORDER_STATE',
  });
});

it('the buyer can cancel an unpaid order; stock comes back once', async () => {
  const sku = skuAt(6);
  const before = (await readDoc(cloud, 'skus', sku._id)).stock;
  const orderId = ((await buyNow(cloud, 'canceller', sku._id, 2)) as any).data.order.id;
  const cancels = await Promise.all(
    [1, 2].map(() => callAction(cloud, 'canceller', 'order', 'cancel', { orderId })),
  );
  expect(cancels.filter((r) => r.ok)).toHaveLength(1);
  expect((await readDoc(cloud, 'skus', sku._id)).stock).toBe(before);
});

it('orders from the cart empty those cart lines; the list shows the buyer their own orders', async () => {
  const buyer = 'cart-orderer';
  await expectOk(cloud, buyer, 'cart', 'add', { skuId: skuAt(7)._id, qty: 1 });
  await expectOk(cloud, buyer, 'cart', 'add', { skuId: skuAt(8)._id, qty: 2 });
  const quote = await expectOk(cloud, buyer, 'order', 'quote', { lines: { source: 'cart' } });
  expect(quote.lines).toHaveLength(2);
  expect(quote.totalFen).toBe(quote.goodsFen + quote.shippingFen - quote.discountFen);
  const created = await expectOk(cloud, buyer, 'order', 'create', {
    lines: { source: 'cart' },
    requestId: requestId(),
    address: ADDRESS,
  });
  expect(created.order.totalFen).toBe(quote.totalFen);
  expect((await expectOk(cloud, buyer, 'cart', 'list', {})).lines).toEqual([]);
  const list = await expectOk(cloud, buyer, 'order', 'list', {});
  expect(list.orders.map((o: any) => o.id)).toEqual([created.order.id]);
  expect((await expectOk(cloud, buyer, 'order', 'list', { status: 'PAID' })).orders).toEqual([]);
  expect(
    await callAction(cloud, buyer, 'order', 'create', {
      lines: { source: 'cart' },
      requestId: requestId(),
      address: ADDRESS,
    }),
  ).toMatchObject({ ok: false, code: 'CART_EMPTY' });
});
