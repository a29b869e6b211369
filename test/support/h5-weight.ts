// What the browser build costs to load, measured in real Chromium: the gzipped JavaScript the
// first load of the home page fetches, then what each further page adds when the shopper moves to
// it inside the app (hash navigation, as the app's own links do). Sizes are gzipped here with
// zlib from the bodies received, so they do not depend on the server compressing.
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { newPhonePage } from './browser';

export interface PageWeight {
  name: string;
  /** Gzipped bytes of JavaScript fetched for this step. */
  gzipBytes: number;
  files: number;
}

/** The pages a shopper visits after home, in order, with what shows once each is ready. */
function pagesAfterHome(productId: string, skuId: string, orderId: string) {
  return [
    { name: 'category', hash: '#/pages/category/index', ready: '.category-product' },
    { name: 'cart', hash: '#/pages/cart/index', ready: '.state-empty, .cart-line' },
    { name: 'me', hash: '#/pages/me/index', ready: '.me-card' },
    {
      name: 'product detail',
      hash: `#/packages/product/detail/index?id=${productId}`,
      ready: '.product-title',
    },
    {
      name: 'checkout',
      hash: `#/packages/checkout/index?source=buyNow&skuId=${skuId}&qty=1`,
      ready: '.checkout-total-amount',
    },
    { name: 'order list', hash: '#/packages/orders/list/index', ready: '.order-card' },
    {
      name: 'order detail',
      hash: `#/packages/orders/detail/index?id=${orderId}`,
      ready: '.order-banner-status',
    },
    { name: 'coupon center', hash: '#/packages/coupons/center/index', ready: '.coupon-card' },
    { name: 'my coupons', hash: '#/packages/coupons/mine/index', ready: '.coupons .tabs' },
  ];
}

export async function measureH5Weight(
  browser: Browser,
  webUrl: string,
  ids: { openid: string; productId: string; skuId: string; orderId: string },
): Promise<PageWeight[]> {
  const { page } = await newPhonePage(browser);
  await page.addInitScript(`localStorage.setItem('demo-openid', ${JSON.stringify(ids.openid)})`);
  let step: { gzipBytes: number; files: number } = { gzipBytes: 0, files: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    const current = step;
    pending.push(
      res.body().then(
        (body) => {
          current.gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
          current.files += 1;
        },
        () => undefined,
      ),
    );
  });
  const settle = async () => {
    await page.waitForLoadState('networkidle');
    await Promise.all(pending.splice(0));
  };
  const weights: PageWeight[] = [];
  await page.goto(`${webUrl}/#/pages/home/index`);
  await page.locator('.product-card').first().waitFor();
  await settle();
  weights.push({ name: 'home (first load)', ...step });
  for (const next of pagesAfterHome(ids.productId, ids.skuId, ids.orderId)) {
    step = { gzipBytes: 0, files: 0 };
    await page.evaluate(`location.hash = ${JSON.stringify(next.hash)}`);
    await page.locator(next.ready).first().waitFor();
    await settle();
    weights.push({ name: next.name, ...step });
  }
  await page.context().close();
  return weights;
}
