// Staff finding and shipping orders through the real SDK: search by order number, the buyer's
// phone, status and a date range (newest first, paged); one order with its history and what can
// still be refunded; shipping many orders from CSV rows, each on its own.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { ADDRESS, buyNow, callAction, expectOk, paySandbox } from '../support/shop';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;
const onSale = SEED.skus.filter(
  (s) => s.stock >= 20 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

async function order(buyer: string, phone: string, pay: boolean) {
  const reply = (await buyNow(cloud, buyer, onSale[0]._id, 1, {
    address: { ...ADDRESS, phone },
  })) as any;
  if (pay) await paySandbox(cloud, reply.data.order.id);
  await cloud.advanceClock(1000);
  return reply.data.order as { id: string; totalFen: number; createdAt: number };
}

it('finds orders by number, phone, status and date range, newest first', async () => {
  const a = await order('search-a', '13900000001', true);
  const b = await order('search-b', '13900000002', false);
  const c = await order('search-c', '13900000001', true);

  const byNumber = await expectOk(cloud, OWNER, 'admin', 'orders', { keyword: a.id.toLowerCase() });
  expect(byNumber.orders.map((o: any) => o.id)).toEqual([a.id]);

  const byPhone = await expectOk(cloud, OWNER, 'admin', 'orders', { keyword: '13900000001' });
  expect(byPhone.orders.map((o: any) => o.id)).toEqual([c.id, a.id]);
  expect(byPhone.orders[0]).toMatchObject({ phone: '13900000001', name: ADDRESS.name });

  const unpaid = await expectOk(cloud, OWNER, 'admin', 'orders', { status: 'UNPAID' });
  expect(unpaid.orders.map((o: any) => o.id)).toContain(b.id);
  expect(unpaid.orders.every((o: any) => o.status === 'UNPAID')).toBe(true);

  const range = await expectOk(cloud, OWNER, 'admin', 'orders', {
    from: b.createdAt,
    to: c.createdAt,
  });
  expect(range.orders.map((o: any) => o.id)).toEqual([b.id]);
});

it('one order shows its history, buyer and what can still be refunded', async () => {
  const paid = await order('detail-buyer', '13900000003', true);
  expect(
    await callAction(cloud, 'not-staff', 'admin', 'order', { orderId: paid.id }),
  ).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  const detail = await expectOk(cloud, OWNER, 'admin', 'order', { orderId: paid.id });
  expect(detail).toMatchObject({ buyer: 'detail-buyer', canShip: true, refundable: paid.totalFen });
  expect(detail.history.map((h: any) => h.to)).toEqual(['CREATING', 'UNPAID', 'PAID']);
});

it('ships many orders from CSV rows, each on its own, naming the rows that failed', async () => {
  const [p1, p2] = [
    await order('bulk-1', '13900000011', true),
    await order('bulk-2', '13900000012', true),
  ];
  const unpaid = await order('bulk-3', '13900000013', false);
  const { results } = await expectOk(cloud, OWNER, 'admin', 'bulkShip', {
    rows: [
      { orderId: p1.id, company: '顺丰', trackingNo: 'SF1000001' },
      { orderId: unpaid.id, company: '顺丰', trackingNo: 'SF1000002' },
      { orderId: p2.id, company: '神行太保', trackingNo: 'SF1000003' },
      { orderId: p2.id, company: '中通', trackingNo: 'ZT1000004' },
    ],
  });
  expect(results.map((r: any) => [r.row, r.ok])).toEqual([
    [1, true],
    [2, false],
    [3, false],
    [4, true],
  ]);
  expect(results[1].message).toContain('待发货');
  const shipped = await expectOk(cloud, OWNER, 'admin', 'orders', { status: 'SHIPPED' });
  expect(shipped.orders.map((o: any) => o.id)).toEqual(expect.arrayContaining([p1.id, p2.id]));
  expect(
    await callAction(cloud, 'a-shopper', 'admin', 'bulkShip', {
      rows: [{ orderId: p1.id, company: '顺丰', trackingNo: 'SF1' }],
    }),
  ).toMatchObject({ ok: false });
});
