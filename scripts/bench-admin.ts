// The admin's figures for `npm run bench` (also `npx tsx scripts/bench.ts admin`): order search
// over 100,000 orders and the SKU list's low-stock filter over 10,000 SKUs, through the gateway,
// p50 and p95. A local cloud of its own, filled through the database probe in batches.
import { startLocalCloud, type LocalCloud } from '../emulator/launcher';
import type { Order, Sku } from '../domain/model';

const ORDERS = 100_000;
const SKUS = 10_000;
const BATCH = 1_000;
const RUNS = 40;
const STAFF = 'bench-owner';
const STATUSES = ['PAID', 'SHIPPED', 'COMPLETED', 'UNPAID', 'CANCELLED', 'REFUNDED'] as const;
const DAY = 86_400_000;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((p / 100) * values.length))
  ];

function order(i: number, now: number): Partial<Order> & { _id: string } {
  const createdAt = now - (i % 90) * DAY - i * 1000;
  return {
    _id: `OB${String(i).padStart(22, '0')}`,
    openid: `buyer-${i % 5000}`,
    requestId: `bench-${i}`,
    status: STATUSES[i % STATUSES.length],
    source: 'cart',
    lines: [],
    totalFen: 1000 + (i % 500) * 100,
    address: {
      name: '张三',
      phone: `139${String(i % 100_000).padStart(8, '0')}`,
      region: '浙江省 杭州市',
      detail: '文三路 1 号',
    },
    createdAt,
    history: [],
  } as unknown as Partial<Order> & { _id: string };
}

function sku(i: number): Partial<Sku> & { _id: string } {
  return {
    _id: `sku-bench-${i}`,
    productId: `prod-bench-${Math.floor(i / 4)}`,
    specValues: [`规格${i % 4}`],
    priceFen: 1990,
    stock: i % 50,
    sold: 0,
    holds: i % 7 === 0 ? [{ orderId: `o-${i}`, qty: 1, at: 0 }] : [],
  } as unknown as Partial<Sku> & { _id: string };
}

/** Inserts `total` documents made by `docs(i)`, 1,000 per request (the benchmarks' seeding). */
export async function fill(
  cloud: LocalCloud,
  collection: string,
  docs: (n: number) => object,
  total: number,
) {
  for (let start = 0; start < total; start += BATCH) {
    const data = Array.from({ length: Math.min(BATCH, total - start) }, (_, k) => docs(start + k));
    await cloud.call('dbProbe', { steps: [{ collection, calls: [['add', { data }]] }] });
  }
}

async function timed(cloud: LocalCloud, input: object): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const reply = (await cloud.call('admin', input, { openid: STAFF })) as { ok: boolean };
    times.push(performance.now() - started);
    if (!reply.ok) throw new Error(`admin call failed: ${JSON.stringify(reply)}`);
  }
  return times;
}

export async function adminFigures(): Promise<void> {
  const cloud = await startLocalCloud();
  try {
    const now = Date.now();
    await cloud.call('dbProbe', {
      steps: [
        {
          collection: 'staff',
          calls: [['add', { data: { _id: STAFF, role: 'owner', name: 'bench' } }]],
        },
      ],
    });
    const filling = performance.now();
    await fill(cloud, 'orders', (i) => order(i, now), ORDERS);
    await fill(cloud, 'skus', sku, SKUS);
    console.log(
      `\nadmin figures (${ORDERS.toLocaleString()} orders and ${SKUS.toLocaleString()} SKUs loaded in ${((performance.now() - filling) / 1000).toFixed(1)} s; ${RUNS} calls each through the gateway)`,
    );
    const cases: [string, object][] = [
      ['order search by number', { action: 'orders', keyword: order(4242, now)._id }],
      ['order search by phone', { action: 'orders', keyword: '13900004242' }],
      ['orders by status (待发货), newest 20', { action: 'orders', status: 'PAID' }],
      [
        'orders by status and 7 days',
        { action: 'orders', status: 'SHIPPED', from: now - 7 * DAY, to: now },
      ],
      ['SKU list, low stock only', { action: 'skus', lowOnly: true }],
      ['SKU list, first page', { action: 'skus' }],
    ];
    for (const [name, input] of cases) {
      const times = await timed(cloud, input);
      console.log(
        `  ${name.padEnd(38)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`,
      );
    }
  } finally {
    await cloud.stop();
  }
}
