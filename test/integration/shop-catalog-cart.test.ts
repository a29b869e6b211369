// The storefront's read side and cart through the real functions: one call per screen, server
// prices and stock, and a cart that refuses what cannot be bought.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED, SPECIAL } from '../../emulator/seed/catalog';
import { callAction, expectOk } from '../support/shop';

let cloud: LocalCloud;
const buyer = 'catalog-buyer';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await expectOk(cloud, buyer, 'user', 'login', {});
});
afterAll(() => cloud.stop());

it('login creates a new user once; the me page reports staff roles', async () => {
  const first = await expectOk(cloud, 'fresh-user', 'user', 'login', {
    ref: 'AB12',
    scene: 'store-12',
  });
  expect(first.user).toMatchObject({ openid: 'fresh-user', isNewUser: true, paidOrderCount: 0 });
  const again = await expectOk(cloud, 'fresh-user', 'user', 'login', {});
  expect(again.user.nickname).toBe(first.user.nickname);
  expect(await expectOk(cloud, 'fresh-user', 'user', 'me', {})).toMatchObject({
    staffRole: null,
    couponCount: 2, // the new-user pack
  });
  expect((await expectOk(cloud, 'demo-staff', 'user', 'me', {})).staffRole).toBe('owner');
  expect((await expectOk(cloud, 'demo-regular', 'user', 'me', {})).isNewUser).toBe(false);
});

it('launch: one call signs a newcomer in and brings the home page and the cart badge', async () => {
  const first = await expectOk(cloud, 'launcher', 'user', 'launch', { scene: 'store-12' });
  expect(first.user).toMatchObject({ openid: 'launcher', isNewUser: true });
  expect(first.cartCount).toBe(0);
  expect(first.home.feed).toHaveLength(20);
  expect(first.home.slots.map((s: any) => s.kind)).toContain('NEW_USER');
  await expectOk(cloud, 'launcher', 'cart', 'add', { skuId: SEED.skus[0]._id, qty: 2 });
  const again = await expectOk(cloud, 'launcher', 'user', 'launch', {});
  expect(again.cartCount).toBe(2);
  expect(again.user.nickname).toBe(first.user.nickname);
  // A returning buyer (has paid before) sees no new-user zone.
  const regular = await expectOk(cloud, 'demo-regular', 'user', 'launch', {});
  expect(regular.home.slots.map((s: any) => s.kind)).not.toContain('NEW_USER');
});

it('home: categories and a paged feed of products on sale', async () => {
  const home = await expectOk(cloud, buyer, 'catalog', 'home', {});
  expect(home.categories.map((c: any) => c.id)).toEqual(SEED.categories.map((c) => c._id));
  expect(home.feed).toHaveLength(20);
  expect(home.nextCursor).toBe(20);
  const onSale = SEED.products.filter((p) => p.status === 'ON').length;
  let seen = home.feed.length;
  for (let cursor = home.nextCursor; cursor !== null;) {
    const page = await expectOk(cloud, buyer, 'catalog', 'home', { cursor });
    seen += page.feed.length;
    cursor = page.nextCursor;
  }
  expect(seen).toBe(onSale);
  const card = home.feed[0];
  expect(card).toMatchObject({
    id: expect.any(String),
    title: expect.any(String),
    priceFen: expect.any(Number),
    soldOut: false,
  });
});

it('product detail lists every SKU with its stock; hidden products are refused', async () => {
  const detail = await expectOk(cloud, buyer, 'catalog', 'product', {
    productId: SPECIAL.partlySoldOutProductId,
  });
  const seeded = SEED.skus.filter((s) => s.productId === SPECIAL.partlySoldOutProductId);
  expect(detail.skus).toHaveLength(seeded.length);
  expect(detail.skus.find((s: any) => s.id === SPECIAL.soldOutSkuId).stock).toBe(0);
  const hidden = SEED.products.find((p) => p.status === 'OFF')!;
  expect(
    await callAction(cloud, buyer, 'catalog', 'product', { productId: hidden._id }),
  ).toMatchObject({ ok: false, code: 'PRODUCT_UNAVAILABLE' });
  expect(await callAction(cloud, buyer, 'catalog', 'product', { productId: 'nope' })).toMatchObject(
    { ok: false, code: 'NOT_FOUND' },
  );
});

it('category and search', async () => {
  const category = await expectOk(cloud, buyer, 'catalog', 'category', {
    categoryId: SEED.categories[1]._id,
  });
  expect(category.products.length).toBeGreaterThan(0);
  expect(
    category.products.every(
      (p: any) => SEED.products.find((s) => s._id === p.id)!.categoryId === SEED.categories[1]._id,
    ),
  ).toBe(true);
  const someProduct = SEED.products.find((p) => p.status === 'ON' && p.keywords.length > 0)!;
  const byKeyword = await expectOk(cloud, buyer, 'catalog', 'search', {
    keyword: someProduct.keywords[0],
  });
  expect(byKeyword.products.map((p: any) => p.id)).toContain(someProduct._id);
  const byTitle = await expectOk(cloud, buyer, 'catalog', 'search', {
    keyword: someProduct.title.slice(0, 2),
  });
  expect(byTitle.products.map((p: any) => p.id)).toContain(someProduct._id);
  expect((await expectOk(cloud, buyer, 'catalog', 'search', { keyword: '.*' })).products).toEqual(
    [],
  );
});

describe('cart', () => {
  const sku = SEED.skus.find(
    (s) => s.stock >= 50 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
  )!;

  it('add, add again, change quantity, remove: listed with current prices', async () => {
    expect(await expectOk(cloud, buyer, 'cart', 'add', { skuId: sku._id, qty: 2 })).toEqual({
      count: 2,
    });
    expect(await expectOk(cloud, buyer, 'cart', 'add', { skuId: sku._id, qty: 1 })).toEqual({
      count: 3,
    });
    const cart = await expectOk(cloud, buyer, 'cart', 'list', {});
    expect(cart.lines).toEqual([
      expect.objectContaining({
        skuId: sku._id,
        qty: 3,
        unitPriceFen: sku.priceFen,
        available: true,
      }),
    ]);
    expect(cart.count).toBe(3);
    expect(
      (await expectOk(cloud, buyer, 'cart', 'setQty', { skuId: sku._id, qty: 5 })).lines[0].qty,
    ).toBe(5);
    expect((await expectOk(cloud, buyer, 'cart', 'remove', { skuIds: [sku._id] })).lines).toEqual(
      [],
    );
  });

  it('concurrent adds of the same SKU make one line with the summed quantity', async () => {
    await Promise.all(
      Array.from({ length: 5 }, () =>
        expectOk(cloud, 'cart-racer', 'cart', 'add', { skuId: sku._id, qty: 1 }),
      ),
    );
    expect((await expectOk(cloud, 'cart-racer', 'cart', 'list', {})).lines).toEqual([
      expect.objectContaining({ skuId: sku._id, qty: 5 }),
    ]);
  });

  it('refuses sold-out SKUs, more than the stock, and more than 99 of a line', async () => {
    expect(
      await callAction(cloud, buyer, 'cart', 'add', { skuId: SPECIAL.soldOutSkuId, qty: 1 }),
    ).toMatchObject({ ok: false, code: 'OUT_OF_STOCK', message: '已售罄' });
    expect(
      await callAction(cloud, buyer, 'cart', 'add', { skuId: SPECIAL.lowStockSkuId, qty: 4 }),
    ).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' });
    expect(
      await callAction(cloud, buyer, 'cart', 'add', { skuId: sku._id, qty: 100 }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await expectOk(cloud, buyer, 'cart', 'list', {})).lines).toEqual([]);
  });

  it('the cart belongs to the caller', async () => {
    await expectOk(cloud, 'owner-a', 'cart', 'add', { skuId: sku._id, qty: 1 });
    expect((await expectOk(cloud, 'owner-b', 'cart', 'list', {})).lines).toEqual([]);
  });
});

it('calls without a user are refused', async () => {
  expect(await cloud.call('cart', { action: 'list' })).toMatchObject({
    ok: false,
    code: 'NOT_LOGGED_IN',
  });
  expect(await cloud.call('cart', { action: 'steal' }, { openid: buyer })).toMatchObject({
    ok: false,
    code: 'UNKNOWN_ACTION',
  });
});
