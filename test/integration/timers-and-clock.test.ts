// Timer triggers from config.json fire when the emulator's clock moves, and functions see the
// moved time through the cloud lib's clock and db.serverDate().
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud();
});
afterAll(() => cloud.stop());

it('functions see the moved clock', async () => {
  const before = (await cloud.call('echo', {})).now;
  await cloud.advanceClock(3 * 3600_000);
  const after = (await cloud.call('echo', {})).now;
  expect(after - before).toBeGreaterThanOrEqual(3 * 3600_000);
  expect(after - before).toBeLessThan(3 * 3600_000 + 5_000);
});

it('moving the clock fires due triggers, with the moved time in the event', async () => {
  const ticksBefore = (await run(cloud, 'ticks', ['count'])).total;
  const { now, fired } = await cloud.advanceClock(5 * 60_000);
  // The shop's timer fires as well; the probe's fires exactly once for the jump.
  expect(fired.filter((f) => f.functionName === 'tick')).toEqual([
    {
      functionName: 'tick',
      trigger: 'everyMinute',
      time: expect.stringMatching(/:00Z$/),
      ok: true,
    },
  ]);
  const ticks = (await run(cloud, 'ticks', ['orderBy', 'seenAt', 'desc'], ['get'])).data;
  expect(ticks.length).toBe(ticksBefore + 1);
  const [latest] = ticks;
  expect(latest.event).toMatchObject({ Type: 'Timer', TriggerName: 'everyMinute', Message: '' });
  const due = Date.parse(latest.event.Time);
  expect(due).toBeLessThanOrEqual(now);
  expect(now - due).toBeLessThan(60_000);
  expect(latest.seenAt).toBeGreaterThanOrEqual(due);
  expect(Math.abs(Date.parse(latest.serverAt.$date) - latest.seenAt)).toBeLessThan(1000);
});

it('a jump shorter than the schedule fires nothing', async () => {
  const clock = (await cloud.request('GET', '/_emulator/clock')).body;
  // Land just after a whole minute, then move 30 seconds: no minute boundary is crossed.
  const toNextMinute = 60_000 - (clock.now % 60_000) + 100;
  await cloud.advanceClock(toNextMinute);
  const { fired } = await cloud.advanceClock(30_000);
  expect(fired.filter((f) => f.functionName === 'tick')).toEqual([]);
});

it('the clock only moves forward', async () => {
  expect((await cloud.request('POST', '/_emulator/clock/advance', { ms: -1 })).status).toBe(400);
});
