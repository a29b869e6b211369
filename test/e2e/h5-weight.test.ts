// The browser build's weight budget: the first load of the home page at most 150 KB of gzipped
// JavaScript, each further page at most 20 KB more (sizes are deterministic for a build, so this
// is a budget, not a timing). `npm run bench` prints the same figures.
import type { Browser } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { launchBrowser } from '../support/browser';
import { measureH5Weight } from '../support/h5-weight';

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

it('the first load is at most 150 KB of gzipped JavaScript, each further page at most 20 KB', async () => {
  const product = SEED.products.find((p) => p.status === 'ON')!;
  const sku = SEED.skus.find((s) => s.productId === product._id && s.stock > 0)!;
  const weights = await measureH5Weight(browser, cloud.webUrl!, {
    openid: DEMO_USERS.regular,
    productId: product._id,
    skuId: sku._id,
    orderId: 'ODEMO001',
  });
  const [first, ...rest] = weights;
  expect(first.gzipBytes).toBeGreaterThan(0);
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const over = [
    ...(first.gzipBytes > 150 * 1024 ? [`${first.name}: ${kb(first.gzipBytes)} KB > 150`] : []),
    ...rest
      .filter((w) => w.gzipBytes > 20 * 1024)
      .map((w) => `${w.name}: ${kb(w.gzipBytes)} KB > 20`),
  ];
  expect(over).toEqual([]);
});
