// Browser journey for the campaign engine: a new user buys the new-user item from the home
// page's new-user zone at the new-user price, then sees the regular price on the next order.
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
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

async function fillAddress(page: Page) {
  await page.locator('.address-name input').fill('林小姐');
  await page.locator('.address-phone input').fill('13800001234');
  await page.locator('.address-region input').fill('浙江省 杭州市 西湖区');
  await page.locator('.address-detail input').fill('文三路 100 号');
}

const rows = (page: Page) => page.locator('.breakdown-row').allTextContents();

it('a new user buys the new-user item at the new-user price, then sees the regular price next time', async () => {
  const { page, errors } = await newPhonePage(browser);
  await page.goto(`${cloud.webUrl}/#/pages/home/index`);
  const card = page.locator('.slot-NEW_USER .product-card', { hasText: '软芒果干' });
  await card.waitFor();
  await expect(card.locator('.product-card-promo').textContent()).resolves.toContain('新人价');
  await card.click();

  await page.locator('.sku-price.promo').waitFor();
  await expect(page.locator('.sku-price.promo').textContent()).resolves.toMatch(
    /新人价.*¥1\.00.*每人限 1 件/,
  );
  // One price on the page: the chosen SKU's campaign price (the header and the picker agree).
  await expect(page.locator('.product-detail .price').count()).resolves.toBe(1);
  await page.locator('.product-buy').click();

  await page.locator('.address-form').waitFor();
  await expect(rows(page)).resolves.toContainEqual(expect.stringMatching(/^新人价-¥14\.90$/));
  await fillAddress(page);
  const firstTotal = await page.locator('.checkout-total-amount').textContent();
  await page.locator('.checkout-submit').click();
  await page.getByText('确认支付', { exact: true }).click();
  await page.locator('.order-banner-status', { hasText: '待发货' }).waitFor({ timeout: 15_000 });
  await expect(page.locator('.breakdown-total').textContent()).resolves.toBe(firstTotal);

  // The next order of the same item: no longer a new user, so the regular price.
  await page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=p-dried-mango`);
  await page.locator('.product-title').waitFor();
  // The page refreshes its prices when shown again: the new-user price goes away.
  await page.locator('.sku-price.promo').waitFor({ state: 'detached' });
  await page.locator('.product-buy').click();
  await page.locator('.checkout-total-amount').waitFor();
  const breakdown = await rows(page);
  expect(breakdown.some((r) => r.startsWith('新人价'))).toBe(false);
  expect(breakdown).toContainEqual('商品金额¥15.90');
  // The new-user home zone is gone too.
  await page.goto(`${cloud.webUrl}/#/pages/home/index`);
  await page.locator('.product-card').first().waitFor();
  // The tab page refreshes its campaign slots when shown again: the zone goes away.
  await page.locator('.slot-NEW_USER').waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});
