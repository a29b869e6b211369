// Money paths where an answer is late or lost: a submit repeated after paying, refunds whose
// request failed or whose answer was lost, and the timer settling them.
import { eventually, startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';
import { ADDRESS, callAction, expectOk, paySandbox, readDoc, requestId } from '../support/shop';

let cloud: LocalCloud;
const SKU = 'p-tieguanyin-1';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());
afterEach(() => cloud.request('DELETE', '/_emulator/pay/failures'));

async function place(openid: string, id = requestId(openid)) {
  const input = {
    lines: { source: 'buyNow', skuId: SKU, qty: 1 },
    requestId: id,
    address: ADDRESS,
    coupon: 'none',
  };
  return { input, order: (await expectOk(cloud, openid, 'order', 'create', input)).order };
}

it('a submit repeated after paying, before the notice arrives, never cancels the order', async () => {
  const { input, order } = await place('paid-then-retry');
  const paid = await cloud.request('POST', '/_emulator/pay/confirm', {
    outTradeNo: order.id,
    notify: false,
  });
  expect(paid.status).toBe(200);
  const again = await expectOk(cloud, 'paid-then-retry', 'order', 'create', input);
  expect(again.order.id).toBe(order.id);
  expect(again.payment).toBeNull();
  expect((await readDoc(cloud, 'orders', order.id)).status).toBe('UNPAID');
  await cloud.request('POST', '/_emulator/pay/deliver', { outTradeNo: order.id });
  expect((await readDoc(cloud, 'orders', order.id)).status).toBe('PAID');
  expect(
    (await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${order.id}`)).body,
  ).toEqual([]);
});

it('the buyer cannot cancel an order they just paid', async () => {
  const { order } = await place('paid-then-cancel');
  await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: order.id, notify: false });
  expect(
    await callAction(cloud, 'paid-then-cancel', 'order', 'cancel', { orderId: order.id }),
  ).toMatchObject({ ok: false, code: 'ORDER_STATE' });
  await cloud.request('POST', '/_emulator/pay/deliver', { outTradeNo: order.id });
  expect((await readDoc(cloud, 'orders', order.id)).status).toBe('PAID');
});

it('a refund WeChat Pay refuses is undone: nothing refunded, the order back as it was', async () => {
  const { order } = await place('refused-refund');
  await paySandbox(cloud, order.id);
  await cloud.request('POST', '/_emulator/pay/failures', {
    api: 'refund',
    mode: 'FAIL',
    errCodeDes: '余额不足',
    times: 1,
  });
  const reply = await callAction(cloud, 'demo-staff', 'admin', 'refund', {
    orderId: order.id,
    amountFen: order.totalFen,
    reason: '退货',
    requestId: requestId(),
  });
  expect(reply).toMatchObject({
    ok: false,
    code: 'REFUND_FAILED',
    message: expect.stringContaining('余额不足'),
  });
  expect(await readDoc(cloud, 'orders', order.id)).toMatchObject({
    status: 'PAID',
    refundedFen: 0,
  });
});

it('a refund whose answer was lost stays pending and the timer settles it once', async () => {
  const { order } = await place('lost-refund');
  await paySandbox(cloud, order.id);
  await cloud.request('POST', '/_emulator/pay/failures', {
    api: 'refund',
    mode: 'ERROR_AFTER',
    times: 1,
  });
  const reply = await callAction(cloud, 'demo-staff', 'admin', 'refund', {
    orderId: order.id,
    amountFen: order.totalFen,
    reason: '退货',
    requestId: requestId(),
  });
  expect(reply).toMatchObject({ ok: false, code: 'REFUND_FAILED' });
  // The money went back, but we did not hear so: nothing is undone.
  expect(await readDoc(cloud, 'orders', order.id)).toMatchObject({
    status: 'REFUNDING',
    refundedFen: order.totalFen,
  });
  await cloud.advanceClock(3 * 60_000);
  await eventually(async () => (await readDoc(cloud, 'orders', order.id)).status === 'REFUNDED');
  const refunds = (await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${order.id}`))
    .body;
  expect(refunds).toHaveLength(1);
  expect(refunds[0].refundFee).toBe(order.totalFen);
});

it('a refund request that never reached WeChat Pay is sent again by the timer', async () => {
  const { order } = await place('unsent-refund');
  await paySandbox(cloud, order.id);
  await cloud.request('POST', '/_emulator/pay/failures', {
    api: 'refund',
    mode: 'ERROR',
    times: 1,
  });
  expect(
    (
      await callAction(cloud, 'demo-staff', 'admin', 'refund', {
        orderId: order.id,
        amountFen: 500,
        reason: '补差价',
        requestId: requestId(),
      })
    ).ok,
  ).toBe(false);
  expect(
    (await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${order.id}`)).body,
  ).toEqual([]);
  await cloud.advanceClock(3 * 60_000); // finds WeChat Pay never heard of it: sends it again
  const refunds = (await cloud.request('GET', `/_emulator/pay/refunds?outTradeNo=${order.id}`))
    .body;
  expect(refunds.map((r: any) => r.refundFee)).toEqual([500]);
  await cloud.advanceClock(3 * 60_000); // sees it done (if the notice has not already)
  await eventually(
    async () =>
      (await run(cloud, 'refunds', ['where', { orderId: order.id, status: 'SUCCESS' }], ['count']))
        .total === 1,
  );
  expect(await readDoc(cloud, 'orders', order.id)).toMatchObject({
    status: 'PAID',
    refundedFen: 500,
  });
});

it('a payment that fails to start on the first try (no answer) leaves the order payable', async () => {
  await cloud.request('POST', '/_emulator/pay/failures', {
    api: 'unifiedOrder',
    mode: 'ERROR',
    times: 1,
  });
  const { order } = await place('slow-pay-start');
  expect((await readDoc(cloud, 'orders', order.id)).status).toBe('UNPAID');
  const retry = await expectOk(cloud, 'slow-pay-start', 'order', 'pay', { orderId: order.id });
  expect(retry.payment.package).toMatch(/^prepay_id=/);
});

it('an order a crash left REFUNDING after its full refund was given back goes back to where it was', async () => {
  const placed = await callAction(cloud, 'recovery-refunding', 'order', 'create', {
    lines: { source: 'buyNow', skuId: SKU, qty: 1 },
    requestId: requestId('refunding'),
    address: ADDRESS,
  });
  if (!placed.ok) throw new Error(placed.message);
  const orderId = placed.data.order.id;
  await paySandbox(cloud, orderId);
  const paid = await readDoc(cloud, 'orders', orderId);
  // The full refund was recorded (REFUNDING), refused and given back; the call died before it
  // put the order back.
  await run(
    cloud,
    'orders',
    ['doc', orderId],
    [
      'update',
      {
        data: {
          status: 'REFUNDING',
          refundedFen: 0,
          history: [
            ...paid.history,
            { from: 'PAID', to: 'REFUNDING', at: paid.createdAt, by: 'staff' },
          ],
        },
      },
    ],
  );
  await cloud.advanceClock(60_000);
  expect((await readDoc(cloud, 'orders', orderId)).status).toBe('PAID');
});
