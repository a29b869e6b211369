// Group-buying figures for `npm run bench` (also `npx tsx scripts/bench.ts groups`), a local cloud
// of its own each, through the gateway:
//   - 500 joiners at once for a group whose last tier is 20 (19 free seats): seats taken, oversold
//     (must be 0), seconds; then all of them pay and the group closes at the last tier;
//   - 1,000 groups past their deadline (each with its paying leader only, so each fails and is
//     refunded in full) closed by the timer: seconds of the first run, runs needed, and refunds
//     sent per order (must be exactly 1 each).
import { startLocalCloud, type LocalCloud } from '../emulator/launcher';
import { DEMO_USERS } from '../emulator/seed/catalog';
import { cmd, run } from '../test/support/db-probe';
import { buyNow, expectOk, paySandbox } from '../test/support/shop';

const SKU = 'p-mixed-nuts-2';
const DAY = 24 * 60 * 60 * 1000;

async function groupCampaign(cloud: LocalCloud, id: string, tiers: [number, number][]) {
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  await expectOk(cloud, DEMO_USERS.staff, 'admin', 'saveCampaign', {
    campaign: {
      _id: id,
      kind: 'GROUP_BUY',
      title: '拼团压测',
      label: '拼团价',
      startsAt: now - DAY,
      endsAt: now + 30 * DAY,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'GROUP_BUY',
          args: {
            tiers: [{ skuId: SKU, tiers: tiers.map(([size, priceFen]) => ({ size, priceFen })) }],
            hours: 24,
          },
        },
      ],
    },
  });
}

async function openGroup(cloud: LocalCloud, campaignId: string, leader: string): Promise<string> {
  const placed = await buyNow(cloud, leader, SKU, 1, { group: { campaignId } });
  if (!placed.ok) throw new Error(`${placed.code} ${placed.message}`);
  await paySandbox(cloud, placed.data.order.id);
  return placed.data.order.group.id;
}

async function joiners(): Promise<void> {
  const cloud = await startLocalCloud({ seed: true });
  try {
    await groupCampaign(cloud, 'cmp-bench-500', [
      [5, 3000],
      [20, 2000],
    ]);
    const groupId = await openGroup(cloud, 'cmp-bench-500', 'bench-leader');
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        buyNow(cloud, `bench-joiner-${i}`, SKU, 1, {
          group: { campaignId: 'cmp-bench-500', groupId },
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const placed = replies.filter((r) => r.ok) as { data: { order: { id: string } } }[];
    await Promise.all(placed.map((r) => paySandbox(cloud, r.data.order.id)));
    const group = (await run(cloud, 'groups', ['doc', groupId], ['get'])).data;
    console.log(
      `  500 joiners at once for 19 free seats: ${placed.length} seats, ${Math.max(0, placed.length - 19)} oversold, ${seconds.toFixed(2)} s; after paying: ${group.status}, ${group.paidCount} paid`,
    );
  } finally {
    await cloud.stop();
  }
}

async function closings(groups: number): Promise<void> {
  const cloud = await startLocalCloud({ seed: true });
  try {
    await run(cloud, 'skus', ['doc', SKU], ['update', { data: { stock: groups + 10 } }]);
    await groupCampaign(cloud, 'cmp-bench-close', [
      [2, 3000],
      [5, 2000],
    ]);
    const leaders = Array.from({ length: groups }, (_, i) => `bench-leader-${i}`);
    for (let i = 0; i < leaders.length; i += 50)
      await Promise.all(
        leaders.slice(i, i + 50).map((l) => openGroup(cloud, 'cmp-bench-close', l)),
      );
    const started = performance.now();
    await cloud.advanceClock(DAY + 60_000);
    const firstRun = (performance.now() - started) / 1000;
    let runs = 1;
    for (;;) {
      const open = await run(cloud, 'groups', ['where', { status: 'OPEN' }], ['count']);
      const unsettled = await run(
        cloud,
        'groups',
        ['where', { status: 'FAILED', unsettledCount: cmd('gt', [0]) }],
        ['count'],
      );
      if ((open.total === 0 && unsettled.total === 0) || runs >= 20) break;
      runs++;
      await cloud.advanceClock(60_000);
    }
    const seconds = (performance.now() - started) / 1000;
    const refunds = (await cloud.request('GET', '/_emulator/pay/refunds')).body as {
      outTradeNo: string;
    }[];
    const perOrder = new Map<string, number>();
    for (const r of refunds) perOrder.set(r.outTradeNo, (perOrder.get(r.outTradeNo) ?? 0) + 1);
    const twice = [...perOrder.values()].filter((n) => n > 1).length;
    console.log(
      `  ${groups.toLocaleString()} groups past their deadline closed by the timer: first run ${firstRun.toFixed(1)} s, all closed and refunded in ${seconds.toFixed(1)} s (${runs} run${runs > 1 ? 's' : ''}); ${perOrder.size} orders refunded, ${twice} more than once`,
    );
  } finally {
    await cloud.stop();
  }
}

export async function groupFigures(): Promise<void> {
  console.log('\ngroup buying (local cloud, through the gateway)');
  await joiners();
  await closings(1000);
}
