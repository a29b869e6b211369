// The storefront fixes a shopper sees, in real Chromium over the H5 build: each failed before its
// fix (issue 8). Identities are set in the browser's demo-identity storage, so the cloud calls
// made directly by a test act as the same shopper.
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED, SPECIAL } from '../../emulator/seed/catalog';
import { formatYuan, fen } from '../../domain/money';
import { SHIPPING_RULE } from '../../domain/pricing/quote';
import { launchBrowser, newPhonePage } from '../support/browser';
import { buyNow, expectOk } from '../support/shop';

let cloud: LocalCloud;
let browser: Browser;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

/** A phone page acting as `openid` (the browser build's demo identity). */
async function pageAs(openid: string): Promise<Page> {
  const { page } = await newPhonePage(browser);
  await page.addInitScript(`localStorage.setItem('demo-openid', ${JSON.stringify(openid)})`);
  return page;
}

const onSale = SEED.skus.filter(
  (s) => s.stock >= 20 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);
const product = (skuId: string) =>
  SEED.products.find((p) => p._id === SEED.skus.find((s) => s._id === skuId)!.productId)!;

it('the cart: the checkout bar sits wholly above the tab bar; ticks choose what is checked out', async () => {
  const buyer = 'e2e-cart';
  const a = onSale[0];
  const b = onSale.find((s) => s.productId !== a.productId)!;
  await expectOk(cloud, buyer, 'user', 'launch', {});
  await expectOk(cloud, buyer, 'cart', 'add', { skuId: a._id, qty: 1 });
  await expectOk(cloud, buyer, 'cart', 'add', { skuId: b._id, qty: 1 });
  const page = await pageAs(buyer);
  await page.goto(`${cloud.webUrl}/#/pages/cart/index`);
  await page.locator('.cart-line').nth(1).waitFor();

  const bar = (await page.locator('.cart-bar').boundingBox())!;
  const tabbar = (await page.locator('.taro-tabbar__tabbar').boundingBox())!;
  expect(bar.y + bar.height).toBeLessThanOrEqual(tabbar.y + 1);

  const total = () => page.locator('.cart-total-amount').textContent();
  const both = fen(a.priceFen + b.priceFen);
  await expect(total()).resolves.toBe(formatYuan(both));
  const nudge = page.locator('.cart-shipping-nudge');
  const left = (fenLeft: number) =>
    fenLeft > 0 ? `再买${formatYuan(fen(fenLeft))}包邮` : '已包邮';
  await expect(nudge.textContent()).resolves.toBe(left(SHIPPING_RULE.freeFromFen - both));

  // Untick b: the total, the nudge and the count follow; checkout takes a alone.
  const lineB = page.locator('.cart-line', { hasText: product(b._id).title });
  await lineB.locator('.cart-check').click();
  await expect(total()).resolves.toBe(formatYuan(a.priceFen));
  await expect(nudge.textContent()).resolves.toBe(left(SHIPPING_RULE.freeFromFen - a.priceFen));
  await expect(page.locator('.cart-checkout').textContent()).resolves.toContain('（1）');
  await page.locator('.cart-checkout').click();
  await page.locator('.checkout-total-amount').waitFor();
  const titles = await page.locator('.checkout .order-line-title').allTextContents();
  expect(titles).toEqual([product(a._id).title]);
});

it('checkout above stock keeps the line, marked, and lowering the quantity prices it', async () => {
  const low = SEED.skus.find((s) => s._id === SPECIAL.lowStockSkuId)!;
  const page = await pageAs('e2e-stock');
  await page.goto(
    `${cloud.webUrl}/#/packages/checkout/index?source=buyNow&skuId=${low._id}&qty=${low.stock + 1}`,
  );
  const line = page.locator('.checkout-problem-line');
  await line.waitFor();
  await expect(line.textContent()).resolves.toContain(product(low._id).title);
  await expect(page.locator('.checkout-total-amount').textContent()).resolves.not.toBe('¥0.00');
  await line.locator('.stepper-minus').click();
  await line.waitFor({ state: 'detached' });
  const total = await page.locator('.checkout-total-amount').textContent();
  expect(total).toMatch(/^¥\d+\.\d\d$/);
  expect(total).not.toBe('¥0.00');
});

it('checkout of an empty cart offers 去逛逛, not 重试', async () => {
  const page = await pageAs('e2e-empty');
  await page.goto(`${cloud.webUrl}/#/packages/checkout/index?source=cart`);
  await page.getByText('去逛逛').waitFor();
  await expect(page.getByText('重试').count()).resolves.toBe(0);
});

it('a reload during payment offers the unpaid order instead of a second one', async () => {
  const buyer = 'e2e-pending';
  const sku = onSale[2];
  await expectOk(cloud, buyer, 'user', 'launch', {});
  const placed = (await buyNow(cloud, buyer, sku._id, 1)) as any;
  const page = await pageAs(buyer);
  await page.goto(`${cloud.webUrl}/#/packages/checkout/index?source=buyNow&skuId=${sku._id}&qty=1`);
  await page.getByText('你有待支付订单').first().waitFor();
  await page.getByText('去支付', { exact: true }).click();
  await page.locator('.order-banner-status').waitFor();
  expect(page.url()).toContain(encodeURIComponent(placed.data.order.id));
  const list = await expectOk(cloud, buyer, 'order', 'list', {});
  expect(list.orders).toHaveLength(1);
});

it('the order list says 应付 for unpaid orders and pages past the first 20', async () => {
  const buyer = 'e2e-orders';
  for (let i = 0; i < 22; i++) {
    const reply = (await buyNow(cloud, buyer, onSale[i % 4]._id, 1)) as any;
    expect(reply.ok).toBe(true);
  }
  const page = await pageAs(buyer);
  await page.goto(`${cloud.webUrl}/#/packages/orders/list/index`);
  const cards = page.locator('.order-list .order-card');
  await cards.first().waitFor();
  await expect(cards.count()).resolves.toBe(20);
  await expect(cards.first().locator('.order-card-total').textContent()).resolves.toMatch(/^应付/);
  await page.locator('.order-list-more').click();
  await page.getByText('没有更多了').waitFor();
  await expect(cards.count()).resolves.toBe(22);
});

it('a flash-sale product shows its price, the per-user limit and the countdown', async () => {
  const page = await pageAs('e2e-flash');
  await page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=p-navel-orange`);
  const price = page.locator('.product-detail .sku-price.promo');
  await price.waitFor();
  await expect(price.textContent()).resolves.toMatch(
    /秒杀价.*¥19\.90.*每人限 2 件.*距结束 1天 \d\d:\d\d:\d\d/,
  );
});

it('product pictures are cloud files, shown in the browser through their URLs, one lookup per batch', async () => {
  const page = await pageAs('e2e-pictures');
  const lookups: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/_emulator/storage/temp-urls')) lookups.push(r.postData() ?? '');
  });
  await page.goto(`${cloud.webUrl}/#/pages/home/index`);
  const img = page.locator('.product-card-image img').first();
  await img.waitFor();
  // Loaded: the browser decoded the picture (a string: this file is compiled without DOM types).
  await page.waitForFunction(
    `(() => { const el = document.querySelector('.product-card-image img');` +
      ` return !!el && el.complete && el.naturalWidth > 0; })()`,
  );
  expect(await img.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_storage\//);
  // The home page's pictures were looked up together, not one request each.
  const cards = await page.locator('.product-card').count();
  expect(cards).toBeGreaterThan(3);
  expect(lookups.length).toBeLessThan(cards);
  expect(JSON.parse(lookups[0]).fileList[0]).toMatch(/^cloud:\/\//);
});
