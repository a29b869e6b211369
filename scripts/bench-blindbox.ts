// Blind-box figures for `npm run bench` (also `npx tsx scripts/bench.ts blindbox`):
//   - the pure draw: draws per second of domain/blindbox-draw.ts (a 20-item pool);
//   - the drain: 1,000 buyers at once for a pool of 100 units, through the gateway on a local
//     cloud of its own, then all placed boxes paid: boxes sold, units oversold (must be 0), empty
//     boxes (must be 0), seconds.
import { startLocalCloud } from '../emulator/launcher';
import { DEMO_USERS } from '../emulator/seed/catalog';
import { draw } from '../domain/blindbox-draw';
import { run } from '../test/support/db-probe';
import { buyNow, expectOk, paySandbox } from '../test/support/shop';

const DAY = 24 * 60 * 60 * 1000;
const POOL = [
  { skuId: 'p-cashew-2', valueFen: 6990, weight: 50, stock: 50 },
  { skuId: 'p-beef-jerky-2', valueFen: 8900, weight: 30, stock: 30 },
  { skuId: 'p-mixed-nuts-2', valueFen: 14900, weight: 20, stock: 20, top: true },
];

function drawsPerSecond(): number {
  const odds = Array.from({ length: 20 }, (_, i) => ({ skuId: `sku-${i}`, weight: i + 1 }));
  const N = 200_000;
  const started = performance.now();
  for (let i = 0; i < N; i++) draw(`seed-${i}`, 'O-bench', odds);
  return N / ((performance.now() - started) / 1000);
}

export async function blindBoxFigures(): Promise<void> {
  console.log('\nblind boxes');
  console.log(
    `  the draw function: ${Math.round(drawsPerSecond()).toLocaleString()} draws/s (20 items)`,
  );
  const cloud = await startLocalCloud({ seed: true });
  try {
    const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
    await expectOk(cloud, DEMO_USERS.staff, 'admin', 'saveCampaign', {
      campaign: {
        _id: 'cmp-bench-box',
        kind: 'BLIND_BOX',
        title: '盲盒压测',
        label: '盲盒价',
        startsAt: now - DAY,
        endsAt: now + 30 * DAY,
        status: 'ACTIVE',
        priority: 0,
        conditions: [],
        actions: [
          {
            code: 'BLIND_BOX',
            args: {
              box: [{ skuId: 'p-egg-roll-1', priceFen: 2890 }],
              pool: POOL,
              guaranteeAfter: 0,
              dailyCap: 0,
              tuned: 'no',
              fission: 'no',
            },
          },
        ],
      },
    });
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        buyNow(cloud, `bench-box-${i}`, 'p-egg-roll-1', 1, {
          box: { campaignId: 'cmp-bench-box', age: 'ADULT' },
        }),
      ),
    );
    const placed = replies.filter((r) => r.ok) as { data: { order: { id: string } } }[];
    await Promise.all(placed.map((r) => paySandbox(cloud, r.data.order.id)));
    const seconds = (performance.now() - started) / 1000;
    const draws = (
      await run(
        cloud,
        'draws',
        ['where', { campaignId: 'cmp-bench-box' }],
        ['limit', 1000],
        ['get'],
      )
    ).data as { skuId: string }[];
    const oversold = POOL.reduce(
      (s, p) => s + Math.max(0, draws.filter((d) => d.skuId === p.skuId).length - p.stock),
      0,
    );
    console.log(
      `  1,000 buyers at once for a pool of 100 units: ${placed.length} boxes sold and paid, ${draws.length} drawn, ${oversold} oversold, ${placed.length - draws.length} empty, ${seconds.toFixed(1)} s`,
    );
  } finally {
    await cloud.stop();
  }
}
