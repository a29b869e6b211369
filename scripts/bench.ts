// `npm run bench`: prints the shop's figures (no assertions, no thresholds):
//   - weapp main package and total size (WeChat's limit is 2 MB per package; target < 1,000 KB)
//   - home page time to first product in headless Chromium, over H5 on the local cloud
//   - cloud calls per screen in the H5 app
//   - order placement through the gateway: orders per second and p95 latency
// The local cloud's own figures are `npm run bench:cloud`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../emulator/launcher';
import { SEED } from '../emulator/seed/catalog';
import { launchBrowser, newPhonePage } from '../test/support/browser';
import { buildCloud } from './build-cloud';
import { appIsStale, buildApp } from './build-app';

const root = path.resolve(__dirname, '..');
const SUBPACKAGE_ROOTS = [
  'packages/product',
  'packages/checkout',
  'packages/orders',
  'packages/coupons',
];

function sizeOf(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((p / 100) * values.length))
  ];

function packageSizes(): void {
  const dist = path.join(root, 'dist/weapp');
  const total = sizeOf(dist);
  const subpackages = SUBPACKAGE_ROOTS.map((p) => ({ root: p, bytes: sizeOf(path.join(dist, p)) }));
  const main = total - subpackages.reduce((s, p) => s + p.bytes, 0);
  console.log(`weapp main package: ${kb(main)} (target < 1,000 KB), total: ${kb(total)}`);
  for (const p of subpackages) console.log(`  subpackage ${p.root}: ${kb(p.bytes)}`);
}

async function browserFigures(cloud: LocalCloud): Promise<void> {
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { page } = await newPhonePage(browser);
      const started = Date.now();
      await page.goto(`${cloud.webUrl}/#/pages/home/index`);
      await page.locator('.product-card').first().waitFor();
      times.push(Date.now() - started);
      await page.context().close();
    }
    console.log(
      `home page, navigation to first product visible (8 cold page loads): p50 ${percentile(times, 50)} ms, max ${Math.max(...times)} ms`,
    );

    // Calls per screen: count gateway calls made after each navigation settles.
    const { page } = await newPhonePage(browser);
    const calls: string[] = [];
    page.on('request', (r) => {
      const match = /\/functions\/(\w+)$/.exec(new URL(r.url()).pathname);
      if (match) calls.push(`${match[1]}.${JSON.parse(r.postData() ?? '{}').action}`);
    });
    const product = SEED.products.find((p) => p.status === 'ON')!;
    const sku = SEED.skus.find((s) => s.productId === product._id && s.stock > 0)!;
    const screens: [string, string, string][] = [
      ['home (first launch)', '#/pages/home/index', '.product-card'],
      ['category', '#/pages/category/index', '.category-product'],
      ['product detail', `#/packages/product/detail/index?id=${product._id}`, '.product-title'],
      ['cart', '#/pages/cart/index', '.state-empty, .cart-line'],
      [
        'checkout',
        `#/packages/checkout/index?source=buyNow&skuId=${sku._id}&qty=1`,
        '.checkout-total-amount',
      ],
      ['order list', '#/packages/orders/list/index', '.state-empty, .order-card'],
    ];
    for (const [name, route, ready] of screens) {
      calls.length = 0;
      await page.goto(`${cloud.webUrl}/${route}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      console.log(`  calls on ${name}: ${calls.length} (${calls.join(', ')})`);
    }
  } finally {
    await browser.close();
  }
}

async function orderThroughput(cloud: LocalCloud): Promise<void> {
  const sku = SEED.skus.find(
    (s) => SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
  )!;
  await cloud.call('dbProbe', {
    steps: [
      {
        collection: 'skus',
        calls: [
          ['doc', sku._id],
          ['update', { data: { stock: 1_000_000 } }],
        ],
      },
    ],
  });
  const address = {
    name: '压测',
    phone: '13800000000',
    region: '浙江省 杭州市',
    detail: '测试路 1 号',
  };
  const total = 600;
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const worker = async (w: number) => {
    while (next < total) {
      const i = next++;
      const started = performance.now();
      const reply = await cloud.call(
        'order',
        {
          action: 'create',
          lines: { source: 'buyNow', skuId: sku._id, qty: 1 },
          requestId: `bench-${w}-${i}-${Date.now()}`,
          address,
        },
        { openid: `bench-buyer-${i % 200}` },
      );
      latencies.push(performance.now() - started);
      if (!reply.ok) failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 50 }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `order placement through the gateway, 50 concurrent buyers, ${total} orders: ${(total / seconds).toFixed(0)} orders/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, failed ${failed}`,
  );
}

async function main(): Promise<void> {
  await buildCloud();
  if (appIsStale('weapp')) buildApp('weapp');
  if (appIsStale('h5')) buildApp('h5');
  console.log(`node ${process.version}, ${os.cpus().length} cores\n`);
  packageSizes();
  const cloud = await startLocalCloud({ seed: true, web: true });
  try {
    await browserFigures(cloud);
    await orderThroughput(cloud);
  } finally {
    await cloud.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
