// The storefront's server side as a shopper meets it in the first five minutes: each test here
// failed before its fix (see issue 8): the demo regular buyer's orders exist, an unpaid order for
// the same lines is offered instead of a second one, a line above stock stays in the quote with
// what fixing it needs, errors speak to people, an address over a limit is refused with a
// message, the cart shows campaign prices, 再次购买, after-sale requests, the address book.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED, SPECIAL } from '../../emulator/seed/catalog';
import { seedCampaigns } from '../../emulator/seed/campaigns';
import {
  ADDRESS,
  buyNow,
  callAction,
  expectOk,
  paySandbox,
  readDoc,
  requestId,
} from '../support/shop';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;
const onSale = SEED.skus.filter(
  (s) => s.stock >= 20 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

it("the demo regular buyer's paid orders on 我的 are orders the order list shows", async () => {
  const me = await expectOk(cloud, DEMO_USERS.regular, 'user', 'me');
  const list = await expectOk(cloud, DEMO_USERS.regular, 'order', 'list', {});
  expect(me.paidOrderCount).toBeGreaterThan(0);
  expect(list.orders).toHaveLength(me.paidOrderCount);
  expect(list.orders.reduce((sum: number, o: any) => sum + o.totalFen, 0)).toBe(me.paidTotalFen);
  expect(me.tier.name).toContain('银卡');
  // They are finished orders, and the timer leaves them (and the totals) alone.
  await cloud.advanceClock(2 * 60_000);
  expect(await expectOk(cloud, DEMO_USERS.regular, 'user', 'me')).toMatchObject({
    paidOrderCount: me.paidOrderCount,
    paidTotalFen: me.paidTotalFen,
  });
});

it('the order list pages through every order, newest first', async () => {
  const buyer = 'paging-buyer';
  const ids: string[] = [];
  for (let i = 0; i < 23; i++) {
    const reply = (await buyNow(cloud, buyer, onSale[i % 5]._id, 1)) as any;
    ids.push(reply.data.order.id);
    await cloud.advanceClock(1000);
  }
  const first = await expectOk(cloud, buyer, 'order', 'list', {});
  expect(first.orders).toHaveLength(20);
  const second = await expectOk(cloud, buyer, 'order', 'list', { cursor: first.nextCursor });
  expect(second.nextCursor).toBeNull();
  const seen = [...first.orders, ...second.orders].map((o: any) => o.id);
  expect(seen).toEqual([...ids].reverse());
});

it('a second submit for the same lines after a reload is offered the unpaid order', async () => {
  const buyer = 'reload-buyer';
  const mango = 'p-dried-mango-1';
  const lines = { source: 'buyNow', skuId: mango, qty: 1 };
  const first = await buyNow(cloud, buyer, mango, 1);
  expect(first.ok).toBe(true);
  const order = (first as any).data.order;
  // The page reloads (a new request id); the quote now names the unpaid order.
  const quote = await expectOk(cloud, buyer, 'order', 'quote', { lines });
  expect(quote.pendingOrder).toEqual({
    id: order.id,
    totalFen: order.totalFen,
    expiresAt: order.expiresAt,
  });
  // Other lines are not that order.
  const other = await expectOk(cloud, buyer, 'order', 'quote', {
    lines: { source: 'buyNow', skuId: mango, qty: 2 },
  });
  expect(other.pendingOrder).toBeUndefined();
  // Once paid, nothing is pending.
  await paySandbox(cloud, order.id);
  expect((await expectOk(cloud, buyer, 'order', 'quote', { lines })).pendingOrder).toBeUndefined();
});

it('a line above stock stays in the quote, marked, with the stock to lower it to', async () => {
  const low = SEED.skus.find((s) => s._id === SPECIAL.lowStockSkuId)!;
  const product = SEED.products.find((p) => p._id === low.productId)!;
  const quote = await expectOk(cloud, 'stock-buyer', 'order', 'quote', {
    lines: { source: 'buyNow', skuId: low._id, qty: low.stock + 2 },
  });
  expect(quote.problems).toEqual([
    expect.objectContaining({
      skuId: low._id,
      code: 'OUT_OF_STOCK',
      title: product.title,
      image: product.images[0],
      qty: low.stock + 2,
      stock: low.stock,
    }),
  ]);
});

it('bad input is answered in words for people, never with field names', async () => {
  const reply = await callAction(cloud, 'words-buyer', 'order', 'quote', {
    lines: { source: 'buyNow', skuId: onSale[0]._id, qty: 0 },
  });
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(reply.ok === false && reply.message).toBe('数量至少为 1');
  expect(reply.ok === false && reply.details).toEqual([
    expect.objectContaining({ path: ['lines', 'qty'] }),
  ]);
});

it('an address over a limit is refused with a message and nothing is ordered', async () => {
  const detail = '文三路'.repeat(41); // 123 characters
  const reply = await buyNow(cloud, 'long-address-buyer', onSale[0]._id, 1, {
    address: { ...ADDRESS, detail },
  });
  expect(reply).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    message: '详细地址最多 120 个字',
  });
  const list = await expectOk(cloud, 'long-address-buyer', 'order', 'list', {});
  expect(list.orders).toHaveLength(0);
});

it("the cart shows the shopper's campaign price on a line", async () => {
  const buyer = 'cart-promo-buyer';
  const newUser = seedCampaigns(Date.now()).find((c) => c.kind === 'NEW_USER')!;
  const price = (newUser.actions[0].args as any).prices[0];
  await expectOk(cloud, buyer, 'user', 'launch', {});
  await expectOk(cloud, buyer, 'cart', 'add', { skuId: price.skuId, qty: 1 });
  const cart = await expectOk(cloud, buyer, 'cart', 'list');
  const line = cart.lines.find((l: any) => l.skuId === price.skuId);
  expect(line.promo).toEqual({ label: newUser.label, amountFen: price.priceFen });
  expect(line.unitPriceFen).toBeGreaterThan(price.priceFen);
});

it('再次购买 puts a finished order back in the cart, naming what cannot be bought', async () => {
  const buyer = 'again-buyer';
  const soldOut = SEED.skus.find((s) => s._id === SPECIAL.soldOutSkuId)!;
  const added = await expectOk(cloud, buyer, 'cart', 'addLines', {
    lines: [
      { skuId: onSale[0]._id, qty: 2 },
      { skuId: onSale[1]._id, qty: 1 },
      { skuId: soldOut._id, qty: 1 },
    ],
  });
  expect(added.count).toBe(3);
  expect(added.skipped).toEqual([expect.objectContaining({ skuId: soldOut._id })]);
  const cart = await expectOk(cloud, buyer, 'cart', 'list');
  expect(cart.lines.map((l: any) => [l.skuId, l.qty]).sort()).toEqual(
    [
      [onSale[0]._id, 2],
      [onSale[1]._id, 1],
    ].sort(),
  );
});

describe('after-sale requests', () => {
  async function paidOrder(buyer: string, skuIndex: number) {
    const reply = (await buyNow(cloud, buyer, onSale[skuIndex]._id, 1)) as any;
    await paySandbox(cloud, reply.data.order.id);
    return reply.data.order as { id: string; totalFen: number };
  }

  it('a buyer asks once with a reason; staff see it in the queue and a refund answers it', async () => {
    const order = await paidOrder('after-sale-buyer', 2);
    const before = await expectOk(cloud, 'after-sale-buyer', 'order', 'detail', {
      orderId: order.id,
    });
    expect(before.canRequestAfterSale).toBe(true);
    const ask = { orderId: order.id, reason: '少件/漏发', detail: '少了一包' };
    const [a, b] = await Promise.all([
      expectOk(cloud, 'after-sale-buyer', 'order', 'requestAfterSale', ask),
      expectOk(cloud, 'after-sale-buyer', 'order', 'requestAfterSale', ask),
    ]);
    expect(a.afterSale).toMatchObject({ status: 'REQUESTED', reason: '少件/漏发' });
    expect(b.afterSale).toEqual(a.afterSale);
    expect(a.canRequestAfterSale).toBe(false);
    // Someone else's order does not exist for them.
    expect(await callAction(cloud, 'intruder', 'order', 'requestAfterSale', ask)).toMatchObject({
      ok: false,
      code: 'ORDER_NOT_FOUND',
    });

    const queue = await expectOk(cloud, OWNER, 'admin', 'afterSales', {});
    expect(queue.filter((o: any) => o.id === order.id)).toHaveLength(1);
    await expectOk(cloud, OWNER, 'admin', 'refund', {
      orderId: order.id,
      amountFen: 100,
      reason: '少件退款',
      requestId: requestId(),
    });
    const after = await expectOk(cloud, 'after-sale-buyer', 'order', 'detail', {
      orderId: order.id,
    });
    expect(after.afterSale).toMatchObject({ status: 'REFUNDED', statusText: '售后已退款' });
    const open = await expectOk(cloud, OWNER, 'admin', 'afterSales', {});
    expect(open.some((o: any) => o.id === order.id)).toBe(false);
  });

  it('staff turn one down with a note; unpaid orders and bad reasons cannot ask', async () => {
    const order = await paidOrder('rejected-buyer', 3);
    await expectOk(cloud, 'rejected-buyer', 'order', 'requestAfterSale', {
      orderId: order.id,
      reason: '不想要了',
    });
    const rejected = await expectOk(cloud, OWNER, 'admin', 'rejectAfterSale', {
      orderId: order.id,
      note: '商品已拆封',
    });
    expect(rejected.afterSale).toMatchObject({ status: 'REJECTED', note: '商品已拆封' });
    expect(await callAction(cloud, 'rejected-buyer', 'admin', 'afterSales', {})).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });

    const unpaid = (await buyNow(cloud, 'rejected-buyer', onSale[4]._id, 1)) as any;
    expect(
      await callAction(cloud, 'rejected-buyer', 'order', 'requestAfterSale', {
        orderId: unpaid.data.order.id,
        reason: '不想要了',
      }),
    ).toMatchObject({ ok: false, code: 'ORDER_STATE' });
    expect(
      await callAction(cloud, 'rejected-buyer', 'order', 'requestAfterSale', {
        orderId: order.id,
        reason: 'because',
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请选择售后原因' });
  });
});

it('the address book keeps used addresses, the latest first, and can forget one', async () => {
  const buyer = 'book-buyer';
  const home = ADDRESS;
  const office = { ...ADDRESS, detail: '学院路 20 号 5 楼' };
  await expectOk(cloud, buyer, 'user', 'launch', {});
  await buyNow(cloud, buyer, onSale[0]._id, 1, { address: home });
  await buyNow(cloud, buyer, onSale[1]._id, 1, { address: office });
  await buyNow(cloud, buyer, onSale[2]._id, 1, { address: home });
  const quote = await expectOk(cloud, buyer, 'order', 'quote', {
    lines: { source: 'buyNow', skuId: onSale[0]._id, qty: 1 },
  });
  expect(quote.addresses).toEqual([home, office]);
  expect(quote.defaultAddress).toEqual(home);
  expect(await expectOk(cloud, buyer, 'user', 'removeAddress', { address: home })).toEqual([
    office,
  ]);
  expect(await readDoc(cloud, 'users', buyer)).toMatchObject({
    address: office,
    addresses: [office],
  });
});
