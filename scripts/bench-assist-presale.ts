// Friend-assist and pre-sale figures for `npm run bench` (also `npx tsx scripts/bench.ts
// assist-presale`), a local cloud of its own, through the gateway:
//   - 200 helpers at once on one assist of 5 helps: helps recorded (must be 5), seconds;
//   - 100 invited friends paying deposits at once for one inviter whose credit caps after 3:
//     friends counted (must be 3), the credit (must be the cap), seconds.
import { startLocalCloud, type LocalCloud } from '../emulator/launcher';
import { DEMO_USERS } from '../emulator/seed/catalog';
import { run } from '../test/support/db-probe';
import { buyNow, callAction, expectOk, paySandbox } from '../test/support/shop';

const DAY = 24 * 60 * 60 * 1000;

async function saveCampaign(cloud: LocalCloud, campaign: object): Promise<void> {
  await expectOk(cloud, DEMO_USERS.staff, 'admin', 'saveCampaign', { campaign });
}

async function helpers(cloud: LocalCloud, now: number): Promise<void> {
  await saveCampaign(cloud, {
    _id: 'cmp-bench-assist',
    kind: 'ASSIST',
    title: '助力压测',
    label: '助力价',
    startsAt: now - DAY,
    endsAt: now + 30 * DAY,
    status: 'ACTIVE',
    priority: 0,
    conditions: [],
    actions: [
      {
        code: 'ASSIST',
        args: {
          floors: [{ skuId: 'p-longjing-2', priceFen: 29800 }],
          helps: 5,
          dailyHelps: 3,
          newHelpersOnly: 'no',
        },
      },
    ],
  });
  const assist = await expectOk(cloud, 'bench-starter', 'assist', 'start', {
    campaignId: 'cmp-bench-assist',
    skuId: 'p-longjing-2',
  });
  // Helpers are signed-in users of the shop.
  for (let i = 0; i < 200; i += 50)
    await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        expectOk(cloud, `bench-helper-${i + k}`, 'user', 'launch', {}),
      ),
    );
  const started = performance.now();
  const replies = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      callAction(cloud, `bench-helper-${i}`, 'assist', 'help', { assistId: assist.id }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const doc = (await run(cloud, 'assists', ['doc', assist.id], ['get'])).data;
  console.log(
    `  200 helpers at once on an assist of 5 helps: ${replies.filter((r) => r.ok).length} helped, ${doc.helpCount} recorded, ${doc.status}, ${seconds.toFixed(2)} s`,
  );
}

async function deposits(cloud: LocalCloud, now: number): Promise<void> {
  await saveCampaign(cloud, {
    _id: 'cmp-bench-presale',
    kind: 'PRESALE',
    title: '预售压测',
    label: '预售价',
    startsAt: now - 60_000,
    endsAt: now + 7 * DAY,
    status: 'ACTIVE',
    priority: 0,
    conditions: [],
    actions: [
      {
        code: 'PRESALE',
        args: {
          deposits: [{ skuId: 'p-tea-set-1', priceFen: 2000 }],
          creditFen: 5000,
          stepFen: 1000,
          capFen: 8000,
          depositEndsAt: now + 2 * DAY,
          finalStartsAt: now + 3 * DAY,
          finalEndsAt: now + 5 * DAY,
          shipAt: now + 6 * DAY,
        },
      },
    ],
  });
  const { user } = await expectOk(cloud, 'bench-inviter', 'user', 'launch', {});
  const friends = Array.from({ length: 100 }, (_, i) => `bench-depositor-${i}`);
  for (let i = 0; i < friends.length; i += 25)
    await Promise.all(
      friends
        .slice(i, i + 25)
        .map((f) => expectOk(cloud, f, 'user', 'launch', { ref: user.refCode })),
    );
  const started = performance.now();
  await Promise.all(
    friends.map(async (f) => {
      const placed = await buyNow(cloud, f, 'p-tea-set-1', 1, {
        presale: { campaignId: 'cmp-bench-presale', step: 'DEPOSIT' },
      });
      if (placed.ok) await paySandbox(cloud, placed.data.order.id);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const list = (
    await run(cloud, 'presale_friends', ['doc', 'pf-cmp-bench-presale-bench-inviter'], ['get'])
  ).data;
  const paid = (
    await run(
      cloud,
      'deposits',
      ['where', { campaignId: 'cmp-bench-presale', state: 'PAID' }],
      ['count'],
    )
  ).total;
  console.log(
    `  100 invited friends' deposits at once for one inviter (cap after 3): ${paid} deposits paid, ${list.friends.length} friends counted, ${seconds.toFixed(2)} s`,
  );
}

export async function assistPresaleFigures(): Promise<void> {
  console.log('\nfriend assists and pre-sales (local cloud, through the gateway)');
  const cloud = await startLocalCloud({ seed: true });
  try {
    const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
    await helpers(cloud, now);
    await deposits(cloud, now);
  } finally {
    await cloud.stop();
  }
}
