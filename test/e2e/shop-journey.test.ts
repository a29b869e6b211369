// Browser journeys over the H5 build and the local cloud, in real Chromium: a new user buys
// something with the sandbox payment; a sold-out spec cannot be bought.
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED, SPECIAL } from '../../emulator/seed/catalog';
import { launchBrowser, newPhonePage } from '../support/browser';

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

const product = SEED.products.find((p) => p._id === SPECIAL.partlySoldOutProductId)!;

async function fill(page: Page, selector: string, value: string) {
  await page.locator(`${selector} input`).fill(value);
}

it('a new user browses, picks a spec, adds to cart, checks out, pays in the sandbox and sees the order paid', async () => {
  const { page, errors } = await newPhonePage(browser);
  await page.goto(`${cloud.webUrl}/#/pages/home/index`);
  const firstCard = page.locator('.product-card').first();
  await firstCard.waitFor();
  await expect(page.locator('.product-card').count()).resolves.toBeGreaterThan(3);

  // Open a product with two spec dimensions and choose a combination that is in stock.
  await page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=${product._id}`);
  await page.locator('.product-title').waitFor();
  const [flavor, size] = product.specs;
  await page.locator('.sku-value', { hasText: flavor.values[2] }).click();
  await page.locator('.sku-value', { hasText: size.values[1] }).click();
  await expect(page.locator('.sku-stock').textContent()).resolves.toMatch(/库存 \d+ 件/);
  await page.locator('.product-add').click();
  await page.getByText('已加入购物车').waitFor();

  // The cart lists it at the server's price; check out from there.
  await page.goto(`${cloud.webUrl}/#/pages/cart/index`);
  await page.locator('.cart-line').first().waitFor();
  await expect(page.locator('.cart-line-title').first().textContent()).resolves.toBe(product.title);
  await page.locator('.cart-checkout').click();

  await page.locator('.address-form').waitFor();
  await fill(page, '.address-name', '林小姐');
  await fill(page, '.address-phone', '13800001234');
  await fill(page, '.address-region', '浙江省 杭州市 西湖区');
  await fill(page, '.address-detail', '文三路 100 号');
  const total = await page.locator('.checkout-total-amount').textContent();
  await page.locator('.checkout-submit').click();

  // The sandbox stands in for wx.requestPayment.
  await page.getByText('确认支付', { exact: true }).click();
  await page.locator('.order-banner-status', { hasText: '待发货' }).waitFor({ timeout: 15_000 });
  await expect(page.locator('.breakdown-total').textContent()).resolves.toBe(total);

  // The order list shows it as paid, and the cart is empty now.
  await page.goto(`${cloud.webUrl}/#/packages/orders/list/index`);
  await page.locator('.order-card').first().waitFor();
  await expect(page.locator('.order-status').first().textContent()).resolves.toBe('待发货');
  expect(errors).toEqual([]);
});

it('a sold-out spec cannot be chosen, and cannot be ordered even by URL', async () => {
  const { page, errors } = await newPhonePage(browser);
  await page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=${product._id}`);
  await page.locator('.product-title').waitFor();
  const soldOut = SEED.skus.find((s) => s._id === SPECIAL.soldOutSkuId)!;
  await page.locator('.sku-value', { hasText: soldOut.specValues[0] }).click();
  const soldOutValue = page.locator('.sku-value', { hasText: soldOut.specValues[1] });
  await expect(soldOutValue.getAttribute('class')).resolves.toContain('sold-out');
  await expect(soldOutValue.textContent()).resolves.toContain('售罄');
  await soldOutValue.click();
  await expect(soldOutValue.getAttribute('class')).resolves.not.toContain('selected');

  await page.goto(
    `${cloud.webUrl}/#/packages/checkout/index?source=buyNow&skuId=${soldOut._id}&qty=1`,
  );
  await page.locator('.checkout-problem').waitFor();
  await expect(page.locator('.checkout-problem').textContent()).resolves.toContain('已售罄');
  await expect(page.locator('.checkout-submit').getAttribute('class')).resolves.toContain(
    'disabled',
  );
  expect(errors).toEqual([]);
});
