// Shipping an order uploads the shipment to WeChat (发货信息管理) through the real SDK's openapi,
// recorded by the local cloud; a passing failure is retried by the timer, a refusal is kept for
// staff to see, and an unknown courier ships nothing.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED } from '../../emulator/seed/catalog';
import { ADDRESS, buyNow, callAction, expectOk, paySandbox, readDoc } from '../support/shop';

let cloud: LocalCloud;
const OWNER = 'demo-staff';
const API = 'wxa.sec.order.uploadShippingInfo';
const onSale = SEED.skus.filter(
  (s) => s.stock >= 20 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());
afterEach(() => cloud.request('DELETE', '/_emulator/openapi/failures'));

async function paidOrder(buyer: string, skuIndex: number): Promise<string> {
  const reply = (await buyNow(cloud, buyer, onSale[skuIndex]._id, 1)) as any;
  await paySandbox(cloud, reply.data.order.id);
  return reply.data.order.id;
}

async function uploadsFor(transactionId: string): Promise<any[]> {
  const calls = (await cloud.request('GET', `/_emulator/openapi/calls?api=${API}`)).body as any[];
  return calls.filter((c) => c.data.order_key?.transaction_id === transactionId);
}

const ship = (orderId: string, company = '顺丰') =>
  callAction(cloud, OWNER, 'admin', 'ship', { orderId, company, trackingNo: 'SF100200300' });

it('shipping uploads the shipment with the payment, the courier, the items and the payer', async () => {
  const orderId = await paidOrder('upload-buyer', 0);
  const shipped = await ship(orderId);
  expect(shipped).toMatchObject({
    ok: true,
    data: { status: 'SHIPPED', shippingUpload: { status: 'UPLOADED', attempts: 1 } },
  });
  const order = await readDoc(cloud, 'orders', orderId);
  expect(order.shipping).toMatchObject({ company: '顺丰速运', companyCode: 'SF' });
  const [call] = await uploadsFor(order.payment.transactionId);
  expect(call.errCode).toBe(0);
  expect(call.data).toMatchObject({
    order_key: { order_number_type: 2, transaction_id: order.payment.transactionId },
    logistics_type: 1,
    delivery_mode: 1,
    payer: { openid: 'upload-buyer' },
    shipping_list: [
      {
        tracking_no: 'SF100200300',
        express_company: 'SF',
        item_desc: `${order.lines[0].title}×1`,
        contact: { receiver_contact: `${ADDRESS.phone.slice(0, 3)}****${ADDRESS.phone.slice(-4)}` },
      },
    ],
  });
  // upload_time is the shipping time, in China time.
  expect(new Date(call.data.upload_time).getTime()).toBe(order.shipping.at);
  expect(call.data.upload_time).toMatch(/\+08:00$/);
});

it('a passing failure is retried by the timer until WeChat accepts it; staff see it meanwhile', async () => {
  const orderId = await paidOrder('retry-buyer', 1);
  await cloud.request('POST', '/_emulator/openapi/failures', {
    api: API,
    errCode: 10060001,
    times: 1,
  });
  const shipped = await ship(orderId);
  expect(shipped).toMatchObject({
    ok: true,
    data: { status: 'SHIPPED', shippingUpload: { status: 'PENDING', attempts: 1 } },
  });
  const waiting = await expectOk<any[]>(cloud, OWNER, 'admin', 'shippingUploads');
  expect(waiting.find((o) => o.id === orderId)?.shippingUpload).toMatchObject({
    status: 'PENDING',
    lastError: { code: 10060001 },
  });

  await cloud.advanceClock(2 * 60_000);
  const order = await readDoc(cloud, 'orders', orderId);
  expect(order.shippingUpload).toMatchObject({ status: 'UPLOADED', attempts: 2 });
  expect(order.shippingUpload.lastError).toBeUndefined();
  const calls = await uploadsFor(order.payment.transactionId);
  expect(calls.map((c) => c.errCode)).toEqual([10060001, 0]);
  const after = await expectOk<any[]>(cloud, OWNER, 'admin', 'shippingUploads');
  expect(after.some((o) => o.id === orderId)).toBe(false);
});

it('a refusal is kept as FAILED for staff and not retried', async () => {
  const orderId = await paidOrder('refused-buyer', 2);
  await cloud.request('POST', '/_emulator/openapi/failures', {
    api: API,
    errCode: 10060014,
    times: 1,
  });
  expect(await ship(orderId)).toMatchObject({
    ok: true,
    data: { shippingUpload: { status: 'FAILED', lastError: { code: 10060014 } } },
  });
  await cloud.advanceClock(2 * 60 * 60_000);
  const order = await readDoc(cloud, 'orders', orderId);
  expect(order.shippingUpload.status).toBe('FAILED');
  expect(await uploadsFor(order.payment.transactionId)).toHaveLength(1);
  const listed = await expectOk<any[]>(cloud, OWNER, 'admin', 'shippingUploads');
  expect(listed.find((o) => o.id === orderId)?.shippingUpload.status).toBe('FAILED');
});

it('an unknown courier is refused and nothing ships', async () => {
  const orderId = await paidOrder('courier-buyer', 3);
  expect(await ship(orderId, '神行太保')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  const order = await readDoc(cloud, 'orders', orderId);
  expect(order.status).toBe('PAID');
  expect(order.shippingUpload).toBeUndefined();
  expect(await uploadsFor(order.payment.transactionId)).toHaveLength(0);
});
