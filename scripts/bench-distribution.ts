// Attribution and commission figures for `npm run bench` (also `npx tsx scripts/bench.ts
// distribution`), each on a local cloud of its own, through the gateway:
//   - binding throughput: new users entering through share links, 50 at a time;
//   - the concurrent first touch: 1,000 first entries at once, from 10 sharers for 100 users;
//     seconds, and bindings (exactly one per user);
//   - commission settlement: 10,000 commissions past their after-sale window settled by the timer
//     (as many runs as it takes): seconds, runs, and whether the ledger sums to the balances.
import { startLocalCloud, type LocalCloud } from '../emulator/launcher';
import { run, type Call } from '../test/support/db-probe';
import { fill } from './bench-admin';

const DAY = 86_400_000;

type Reply = { ok: boolean; data?: any; code?: string };
const call = (cloud: LocalCloud, openid: string, fn: string, action: string, input = {}) =>
  cloud.call(fn, { action, ...input }, { openid }) as Promise<Reply>;

const probe = (cloud: LocalCloud, collection: string, ...calls: Call[]) =>
  run(cloud, collection, ...calls);

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

async function bindingFigures(): Promise<void> {
  const cloud = await startLocalCloud({ seed: true });
  try {
    const sharers = Array.from({ length: 10 }, (_, i) => `bench-sharer-${i}`);
    const refs: string[] = [];
    for (const s of sharers) refs.push((await call(cloud, s, 'user', 'launch')).data.user.refCode);

    const users = Array.from({ length: 2_000 }, (_, i) => `bench-user-${i}`);
    let started = performance.now();
    await inParallel(users, 50, (u) =>
      call(cloud, u, 'user', 'launch', { ref: refs[u.length % 10] }),
    );
    const seconds = (performance.now() - started) / 1000;
    const bound = await probe(
      cloud,
      'users',
      ['where', { 'binding.inviterId': { $in: sharers } }],
      ['count'],
    );
    console.log(
      `  binding throughput: ${users.length} new users through share links, 50 at a time: ${(users.length / seconds).toFixed(0)} launches with a binding/s (${bound.total} bound)`,
    );

    const crowd = Array.from({ length: 100 }, (_, i) => `bench-crowd-${i}`);
    started = performance.now();
    const replies = await Promise.all(
      crowd.flatMap((u) => refs.map((ref) => call(cloud, u, 'user', 'launch', { ref }))),
    );
    const crowdSeconds = (performance.now() - started) / 1000;
    const docs = (
      await probe(
        cloud,
        'users',
        ['where', { _id: { $regex: '^bench-crowd-' } }],
        ['limit', 1000],
        ['get'],
      )
    ).data as any[];
    const bindings = docs.filter((d) => d.binding).length;
    console.log(
      `  concurrent first touch: 1,000 entries at once (10 sharers x 100 new users): ${crowdSeconds.toFixed(1)} s, ${replies.filter((r) => !r.ok).length} failed, ${bindings} bindings for ${docs.length} users`,
    );
  } finally {
    await cloud.stop();
  }
}

async function settlementFigures(): Promise<void> {
  const COMMISSIONS = 10_000;
  const cloud = await startLocalCloud();
  try {
    const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
    const distributors = 100;
    await fill(
      cloud,
      'orders',
      (i) => ({
        _id: `OS${String(i).padStart(22, '0')}`,
        openid: `bench-buyer-${i}`,
        status: 'COMPLETED',
        lines: [],
        totalFen: 10_000,
        shippingFen: 0,
        refundedFen: i % 10 === 0 ? 2_500 : 0,
        createdAt: now - 10 * DAY,
        history: [],
        effects: { paid: { ran: [], done: true }, received: { ran: [], done: true } },
      }),
      COMMISSIONS,
    );
    await fill(
      cloud,
      'commissions',
      (i) => ({
        _id: `cm-OS${String(i).padStart(22, '0')}`,
        distributorId: `bench-dist-${i % distributors}`,
        buyerId: `bench-buyer-${i}`,
        orderId: `OS${String(i).padStart(22, '0')}`,
        state: 'FROZEN',
        lines: [],
        baseFen: 10_000,
        amountFen: 1_000,
        voidedFen: 0,
        freezeDays: 7,
        createdAt: now - 10 * DAY,
        receivedAt: now - 8 * DAY,
        frozenUntil: now - DAY,
      }),
      COMMISSIONS,
    );
    const started = performance.now();
    let runs = 0;
    for (;;) {
      runs++;
      await cloud.advanceClock(60_000);
      const left = await probe(cloud, 'commissions', ['where', { state: 'FROZEN' }], ['count']);
      if (left.total === 0 || runs >= 20) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const settled = (await probe(cloud, 'commissions', ['where', { state: 'SETTLED' }], ['count']))
      .total;
    const accounts = (await probe(cloud, 'distributors', ['limit', 1000], ['get'])).data as any[];
    const balances = accounts.reduce((s, a) => s + a.balanceFen, 0);
    const ledger = (
      await probe(
        cloud,
        'commission_ledger',
        ['aggregate'],
        ['group', { _id: null, sum: { $sum: '$amountFen' }, n: { $sum: 1 } }],
        ['end'],
      )
    ).list[0];
    const expected = COMMISSIONS * 1_000 - (COMMISSIONS / 10) * 250;
    console.log(
      `  commission settlement: ${COMMISSIONS.toLocaleString()} commissions settled by the timer in ${seconds.toFixed(1)} s (${runs} run${runs > 1 ? 's' : ''}); ${settled} settled, balances ¥${(balances / 100).toFixed(2)} (expected ¥${(expected / 100).toFixed(2)}), ledger ${ledger.n} entries summing to ¥${(ledger.sum / 100).toFixed(2)}`,
    );
  } finally {
    await cloud.stop();
  }
}

export async function distributionFigures(): Promise<void> {
  console.log('\nattribution and commission (local cloud, through the gateway)');
  await bindingFigures();
  await settlementFigures();
}
