// `npm run bench`: prints the shop's figures (no assertions, no thresholds):
//   - weapp main package and total size (WeChat's limit is 2 MB per package; target < 1,000 KB)
//   - home page time to first product in headless Chromium, over H5 on the local cloud
//   - cloud calls per screen in the H5 app
//   - order placement through the gateway: orders per second and p95 latency
//   - quote time with 20 active campaigns and a 30-line cart (engine alone, and order.quote)
//   - flash-sale drain: 1,000 concurrent buyers for a quota of 100
//   - round trips: database requests per step of a purchase, and its time at 20 ms per request
//   - the browser build's weight: gzipped JavaScript of the first load and of each further page
//   - the admin's search figures, and attribution and commission figures (bench-distribution.ts)
//   - group buying: 500 joiners for 19 seats, 1,000 groups closing (bench-groups.ts)
//   - friend assists and pre-sales: 200 helpers at once, 100 deposits at once (bench-assist-presale.ts)
//   - blind boxes: draws per second, 1,000 buyers for a pool of 100 units (bench-blindbox.ts)
// The local cloud's own figures are `npm run bench:cloud`.
//
// `npx tsx scripts/bench.ts round-trips` prints the round-trips table alone;
// `npx tsx scripts/bench.ts h5-weight` the browser build's weight alone;
// `npx tsx scripts/bench.ts admin` the admin's search figures alone;
// `npx tsx scripts/bench.ts distribution` the attribution and commission figures alone;
// `npx tsx scripts/bench.ts notices` the subscription-message drain alone;
// `npx tsx scripts/bench.ts groups` the group-buying figures alone;
// `npx tsx scripts/bench.ts assist-presale` the friend-assist and pre-sale figures alone;
// `npx tsx scripts/bench.ts blindbox` the blind-box figures alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../emulator/launcher';
import { DEMO_USERS, SEED } from '../emulator/seed/catalog';
import type { Campaign } from '../domain/campaigns/types';
import { fen } from '../domain/money';
import { quote } from '../domain/pricing/quote';
import { launchBrowser, newPhonePage } from '../test/support/browser';
import { measureH5Weight } from '../test/support/h5-weight';
import { adminFigures } from './bench-admin';
import { distributionFigures } from './bench-distribution';
import { assistPresaleFigures } from './bench-assist-presale';
import { blindBoxFigures } from './bench-blindbox';
import { groupFigures } from './bench-groups';
import { noticeFigures } from './bench-notices';
import { buildCloud } from './build-cloud';
import { appIsStale, buildApp } from './build-app';

const root = path.resolve(__dirname, '..');
/** The mini-program's subpackages, as the built app.json lists them. */
function subpackageRoots(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'dist/weapp/app.json'), 'utf8'));
  return (app.subPackages ?? app.subpackages ?? []).map((p: { root: string }) => p.root);
}

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
  const subpackages = subpackageRoots().map((p) => ({
    root: p,
    bytes: sizeOf(path.join(dist, p)),
  }));
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

/** Twenty campaigns of every layer, for the quote benchmark. */
function benchCampaigns(skuIds: string[], productIds: string[]): Campaign[] {
  const base = {
    startsAt: 0,
    endsAt: Date.UTC(2099, 0, 1),
    status: 'ACTIVE' as const,
    priority: 0,
  };
  const out: Campaign[] = [];
  for (let i = 0; i < 8; i++) {
    out.push({
      ...base,
      _id: `bench-special-${i}`,
      kind: 'FLASH_SALE',
      title: '特价',
      label: '特价',
      conditions: [
        { code: 'PER_USER_LIMIT', args: { units: 3, per: 'product' } },
        { code: 'QUOTA', args: { units: 1000 } },
      ],
      actions: [
        {
          code: 'SPECIAL_PRICE',
          args: {
            prices: skuIds.slice(i * 3, i * 3 + 6).map((skuId) => ({ skuId, priceFen: 500 + i })),
          },
        },
      ],
    });
  }
  for (let i = 0; i < 4; i++)
    out.push({
      ...base,
      _id: `bench-member-${i}`,
      kind: 'MEMBER',
      title: '会员',
      label: '会员',
      conditions: [],
      actions: [
        {
          code: 'TIER_DISCOUNT',
          args: { rates: { silver: 98 - i, gold: 95 - i, diamond: 90 - i } },
        },
      ],
    });
  for (let i = 0; i < 4; i++)
    out.push({
      ...base,
      _id: `bench-repeat-${i}`,
      kind: 'REPEAT_DISCOUNT',
      title: '复购',
      label: '复购',
      conditions: [{ code: 'REPEAT_PURCHASE', args: {} }],
      actions: [
        {
          code: 'PERCENT_OFF_LINES',
          args: { percentOff: 10 + i, productIds: productIds.slice(i * 5, i * 5 + 10) },
        },
      ],
    });
  for (let i = 0; i < 2; i++)
    out.push({
      ...base,
      _id: `bench-order-${i}`,
      kind: 'ORDER_DISCOUNT',
      title: '满减',
      label: '满减',
      conditions: [{ code: 'MIN_SPEND', args: { amountFen: 10_000 * (i + 1) } }],
      actions: [{ code: 'AMOUNT_OFF_ORDER', args: { amountFen: 1000 * (i + 1) } }],
    });
  for (let i = 0; i < 2; i++)
    out.push({
      ...base,
      _id: `bench-return-${i}`,
      kind: 'FULL_RETURN',
      title: '全返',
      label: '全返',
      conditions: [],
      actions: [
        { code: 'RETURN_COUPON', args: { productIds: productIds.slice(i, i + 2), validDays: 30 } },
      ],
    });
  return out;
}

async function quoteFigures(cloud: LocalCloud): Promise<void> {
  const onSale = SEED.skus
    .filter((s) => SEED.products.find((p) => p._id === s.productId)!.status === 'ON' && s.stock > 0)
    .slice(0, 30);
  const campaigns = benchCampaigns(
    onSale.map((s) => s._id),
    [...new Set(onSale.map((s) => s.productId))],
  );
  const lines = onSale.map((sku) => ({
    product: SEED.products.find((p) => p._id === sku.productId)!,
    sku,
    qty: 2,
  }));
  const coupons = Array.from({ length: 10 }, (_, i) => ({
    _id: `c${i}`,
    openid: 'u',
    title: '券',
    discount: { type: 'AMOUNT' as const, amountFen: fen(500 * (i + 1)) },
    thresholdFen: fen(10_000 * i),
    validFrom: 0,
    validUntil: Date.UTC(2099, 0, 1),
    status: 'UNUSED' as const,
    source: 'CENTER' as const,
    issuedAt: 0,
  }));
  const facts = {
    now: Date.now(),
    user: {
      openid: 'u',
      isNewUser: false,
      paidOrderCount: 3,
      paidTotalFen: fen(250_000),
      purchasedProductIds: lines.slice(0, 10).map((l) => l.product._id),
    },
    allowances: {},
    coupons,
  };
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    quote(lines, { facts, campaigns });
    times.push(performance.now() - started);
  }
  console.log(
    `quote, engine alone, 20 campaigns, 30-line cart, 10 coupons (2000 runs): p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
  );

  // The same through the gateway: the campaigns stored, 30 lines in a buyer's cart.
  await cloud.call('dbProbe', {
    steps: [{ collection: 'campaigns', calls: [['add', { data: campaigns }]] }],
  });
  for (const l of lines)
    await cloud.call(
      'cart',
      { action: 'add', skuId: l.sku._id, qty: 2 },
      { openid: 'bench-quoter' },
    );
  const calls: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    await cloud.call(
      'order',
      { action: 'quote', lines: { source: 'cart' } },
      { openid: 'bench-quoter' },
    );
    calls.push(performance.now() - started);
  }
  console.log(
    `order.quote through the gateway, ${campaigns.length + 8} active campaigns, 30-line cart (100 calls): p50 ${percentile(calls, 50).toFixed(1)} ms, p95 ${percentile(calls, 95).toFixed(1)} ms`,
  );
  await cloud.call('dbProbe', {
    steps: [
      {
        collection: 'campaigns',
        calls: [['where', { _id: { $regexp: { regexp: '^bench-' } } }], ['remove']],
      },
    ],
  });
}

async function flashDrain(cloud: LocalCloud): Promise<void> {
  const sku = 'p-navel-orange-1';
  const flashId = 'cmp-flash';
  const probe = (steps: unknown[]) => cloud.call('dbProbe', { steps });
  await probe([
    {
      collection: 'campaigns',
      calls: [
        ['doc', flashId],
        [
          'update',
          {
            data: {
              conditions: [
                { code: 'QUOTA', args: { units: 100 } },
                { code: 'PER_USER_LIMIT', args: { units: 1, per: 'campaign' } },
              ],
            },
          },
        ],
      ],
    },
    { collection: 'allowances', calls: [['where', { campaignId: flashId }], ['remove']] },
    {
      collection: 'skus',
      calls: [
        ['doc', sku],
        ['update', { data: { stock: 100_000 } }],
      ],
    },
  ]);
  const address = {
    name: '秒杀',
    phone: '13800000000',
    region: '浙江省 杭州市',
    detail: '测试路 1 号',
  };
  const flashTotal = 1990 + 800;
  const started = performance.now();
  let drainedAt = 0;
  let created = 0;
  await Promise.all(
    Array.from({ length: 1000 }, async (_, i) => {
      const reply = await cloud.call(
        'order',
        {
          action: 'create',
          lines: { source: 'buyNow', skuId: sku, qty: 1 },
          requestId: `flash-drain-${i}`,
          address,
          coupon: 'none',
          expectedTotalFen: flashTotal,
        },
        { openid: `flash-buyer-${i}` },
      );
      if (reply.ok) {
        created++;
        if (created === 100) drainedAt = performance.now();
      }
    }),
  );
  const done = performance.now();
  const [quota] = (
    await probe([
      { collection: 'allowances', calls: [['where', { _id: `quota:${flashId}` }], ['get']] },
    ])
  )[0].value.data;
  console.log(
    `flash-sale drain, 1,000 concurrent buyers for a quota of 100: ${created} orders created, oversold ${Math.max(0, created - 100)} (quota left ${quota.remaining}, held ${quota.holds.length}), quota gone after ${((drainedAt - started) / 1000).toFixed(1)} s, all answered after ${((done - started) / 1000).toFixed(1)} s`,
  );
}

/** What a round-trips step does: cloud function actions, or the sandbox payment of the order. */
type RoundTripCall =
  { fn: string; action: string; input?: (ctx: RoundTripContext) => object } | { payNotice: true };

interface RoundTripContext {
  productId: string;
  skuId: string;
  /** The order the 'order create' step made, for the pay notice. */
  orderId?: string;
  /** The returning buyer's share code (the share link a new user opens). */
  refCode?: string;
}

/**
 * Database requests per step of a visit and a purchase, and the step's gateway time when each
 * request takes 20 ms (CLOUD_DB_LATENCY_MS): on CloudBase each request is a network round trip,
 * so the count, not the local cloud's speed, decides how long a screen waits.
 */
async function roundTrips(): Promise<void> {
  // The steps, in order. `first launch` is what the app calls when it starts; a step of several
  // calls prints their sum and each part (the calls are made one after another here).
  const ROUND_TRIP_STEPS: {
    step: string;
    as: 'newUser' | 'invited' | 'returning';
    calls: RoundTripCall[];
  }[] = [
    // The app's launch: one call brings the user, the home page and the cart badge.
    { step: 'first launch', as: 'newUser', calls: [{ fn: 'user', action: 'launch' }] },
    // The same through a friend's share link: the sharer is read and the user bound to them.
    {
      step: 'first launch through a share link',
      as: 'invited',
      calls: [{ fn: 'user', action: 'launch', input: (c) => ({ ref: c.refCode }) }],
    },
    {
      step: 'launch, returning buyer',
      as: 'returning',
      calls: [{ fn: 'user', action: 'launch' }],
    },
    { step: 'home (shown again)', as: 'returning', calls: [{ fn: 'catalog', action: 'home' }] },
    {
      step: 'product',
      as: 'returning',
      calls: [{ fn: 'catalog', action: 'product', input: (c) => ({ productId: c.productId }) }],
    },
    {
      step: 'cart add',
      as: 'returning',
      calls: [{ fn: 'cart', action: 'add', input: (c) => ({ skuId: c.skuId, qty: 1 }) }],
    },
    {
      step: 'quote',
      as: 'returning',
      calls: [{ fn: 'order', action: 'quote', input: () => ({ lines: { source: 'cart' } }) }],
    },
    {
      step: 'order create',
      as: 'returning',
      calls: [
        {
          fn: 'order',
          action: 'create',
          input: () => ({
            lines: { source: 'cart' },
            requestId: `round-trips-${Date.now()}`,
            address: {
              name: '往返',
              phone: '13800000000',
              region: '浙江省 杭州市',
              detail: '测试路 1 号',
            },
          }),
        },
      ],
    },
    { step: 'pay notice', as: 'returning', calls: [{ payNotice: true }] },
    { step: 'order list', as: 'returning', calls: [{ fn: 'order', action: 'list' }] },
    { step: '我的推广 (figures)', as: 'returning', calls: [{ fn: 'share', action: 'summary' }] },
  ];

  const latencyMs = 20;
  const users = {
    newUser: `round-trips-new-${Date.now()}`,
    invited: `round-trips-invited-${Date.now()}`,
    returning: DEMO_USERS.regular,
  };
  const sku = SEED.skus.find(
    (s) => s.stock > 0 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
  )!;
  const ctx: RoundTripContext = { productId: sku.productId, skuId: sku._id };
  const cloud = await startLocalCloud({
    seed: true,
    env: { CLOUD_DB_LATENCY_MS: String(latencyMs) },
  });
  try {
    // Load every function once first (a cold start is not a round trip): the steps' functions
    // and the pay callback, which refuses a client's call before reading anything.
    const fns = ROUND_TRIP_STEPS.flatMap((s) => s.calls.flatMap((c) => ('fn' in c ? [c.fn] : [])));
    for (const fn of new Set([...fns, 'payNotify']))
      await cloud.request('POST', `/functions/${fn}`, { action: '' });
    // Production's steady state: the timer (every minute) has built the home page's snapshot.
    await cloud.advanceClock(60_000);
    const me = await cloud.request(
      'POST',
      '/functions/user',
      { action: 'me' },
      {
        'X-WX-OPENID': users.returning,
      },
    );
    ctx.refCode = me.body.data.refCode;

    const call = async (c: RoundTripCall, openid: string) => {
      const started = performance.now();
      const { status, body, headers } =
        'payNotice' in c
          ? await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: ctx.orderId })
          : await cloud.request(
              'POST',
              `/functions/${c.fn}`,
              { action: c.action, ...c.input?.(ctx) },
              { 'X-WX-OPENID': openid },
            );
      const ms = performance.now() - started;
      const failed = status !== 200 || ('payNotice' in c ? !body.delivered : !body.ok);
      if (failed) throw new Error(`${callName(c)} answered ${status}: ${JSON.stringify(body)}`);
      if ('fn' in c && c.fn === 'order' && c.action === 'create') ctx.orderId = body.data.order.id;
      return { requests: Number(headers.get('x-cloud-db-requests')), ms };
    };

    console.log(
      `\nround trips (demo seed, CLOUD_DB_LATENCY_MS=${latencyMs}; first launch as a new user, the rest as ${users.returning}):\n`,
    );
    console.log(`| step | requests | ms at ${latencyMs} ms/request |`);
    console.log('| --- | --- | --- |');
    for (const { step, as, calls } of ROUND_TRIP_STEPS) {
      const parts = [];
      for (const c of calls) parts.push(await call(c, users[as]));
      const requests = parts.reduce((sum, p) => sum + p.requests, 0);
      const ms = parts.reduce((sum, p) => sum + p.ms, 0);
      const each = (values: number[]) => (calls.length > 1 ? ` (${values.join(' + ')})` : '');
      const label = calls.length > 1 ? `${step}: ${calls.map(callName).join(' + ')}` : step;
      console.log(
        `| ${label} | ${requests}${each(parts.map((p) => p.requests))} | ${ms.toFixed(0)}${each(parts.map((p) => Math.round(p.ms)))} |`,
      );
    }
  } finally {
    await cloud.stop();
  }
}

function callName(c: RoundTripCall): string {
  return 'payNotice' in c ? 'pay notice' : `${c.fn}.${c.action}`;
}

/** Gzipped JavaScript the browser fetches: the first load, then each page the shopper opens. */
async function h5Weight(cloud: LocalCloud): Promise<void> {
  const product = SEED.products.find((p) => p.status === 'ON')!;
  const sku = SEED.skus.find((s) => s.productId === product._id && s.stock > 0)!;
  const browser = await launchBrowser();
  try {
    const weights = await measureH5Weight(browser, cloud.webUrl!, {
      openid: DEMO_USERS.regular,
      productId: product._id,
      skuId: sku._id,
      orderId: 'ODEMO001',
    });
    console.log(
      '\nbrowser build, gzipped JavaScript fetched (target: first load <= 150 KB, each further page <= 20 KB)',
    );
    for (const [i, w] of weights.entries())
      console.log(
        `  ${i === 0 ? '' : '+ '}${w.name.padEnd(20)} ${(w.gzipBytes / 1024).toFixed(1).padStart(6)} KB in ${w.files} files`,
      );
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  await buildCloud();
  if (process.argv[2] === 'round-trips') return roundTrips();
  if (process.argv[2] === 'admin') return adminFigures();
  if (process.argv[2] === 'distribution') return distributionFigures();
  if (process.argv[2] === 'notices') return noticeFigures();
  if (process.argv[2] === 'groups') return groupFigures();
  if (process.argv[2] === 'assist-presale') return assistPresaleFigures();
  if (process.argv[2] === 'blindbox') return blindBoxFigures();
  if (process.argv[2] === 'h5-weight') {
    if (appIsStale('h5')) buildApp('h5');
    const cloud = await startLocalCloud({ seed: true, web: true });
    try {
      return await h5Weight(cloud);
    } finally {
      await cloud.stop();
    }
  }
  if (appIsStale('weapp')) buildApp('weapp');
  if (appIsStale('h5')) buildApp('h5');
  console.log(`node ${process.version}, ${os.cpus().length} cores\n`);
  packageSizes();
  const cloud = await startLocalCloud({ seed: true, web: true });
  try {
    await browserFigures(cloud);
    await h5Weight(cloud);
    await orderThroughput(cloud);
    await quoteFigures(cloud);
    await flashDrain(cloud);
  } finally {
    await cloud.stop();
  }
  await roundTrips();
  await adminFigures();
  await distributionFigures();
  await noticeFigures();
  await groupFigures();
  await assistPresaleFigures();
  await blindBoxFigures();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
