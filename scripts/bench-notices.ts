// Subscription-message figures for `npm run bench` (also `npx tsx scripts/bench.ts notices`):
// 10,000 queued messages, each for a user holding one opt-in, drained by the timer through the
// openapi recorder: sends per second and duplicates (must be 0). A local cloud of its own.
import { startLocalCloud } from '../emulator/launcher';
import { run } from '../test/support/db-probe';
import { fill } from './bench-admin';

const MESSAGES = 10_000;
const PAID = 'local-order_paid';

export async function noticeFigures(): Promise<void> {
  const cloud = await startLocalCloud();
  try {
    const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
    const user = (i: number) => `bench-notice-${i}`;
    await fill(
      cloud,
      'optins',
      (i) => ({
        _id: `${user(i)}:${PAID}`,
        openid: user(i),
        templateId: PAID,
        count: 1,
        reportIds: [],
        updatedAt: now,
      }),
      MESSAGES,
    );
    await fill(
      cloud,
      'outbox',
      (i) => ({
        _id: `ORDER_PAID:bench-${i}`,
        kind: 'ORDER_PAID',
        openid: user(i),
        event: {
          orderId: `OBENCH${i}`,
          goods: '明前龙井 特级 100g',
          more: 0,
          totalFen: 16800,
          at: now,
        },
        state: 'QUEUED',
        attempts: 0,
        nextAt: now,
        createdAt: now,
      }),
      MESSAGES,
    );
    const started = performance.now();
    let runs = 0;
    for (;;) {
      runs++;
      await cloud.advanceClock(60_000);
      const left = await run(cloud, 'outbox', ['where', { state: 'QUEUED' }], ['count']);
      if (left.total === 0 || runs >= 20) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const calls = (await cloud.request('GET', '/_emulator/openapi/calls?api=subscribeMessage.send'))
      .body as { data: { touser: string } }[];
    const perUser = new Map<string, number>();
    for (const c of calls) perUser.set(c.data.touser, (perUser.get(c.data.touser) ?? 0) + 1);
    const duplicates = [...perUser.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
    console.log(
      `\nsubscription messages: ${MESSAGES.toLocaleString()} queued, drained by the timer in ${seconds.toFixed(1)} s (${runs} run${runs > 1 ? 's' : ''}): ${(calls.length / seconds).toFixed(0)} sends/s, ${calls.length} sent, ${duplicates} duplicates`,
    );
  } finally {
    await cloud.stop();
  }
}
