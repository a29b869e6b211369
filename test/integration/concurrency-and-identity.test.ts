// Conformance: atomic conditional updates under concurrency, and caller identity that stays
// with each invocation even when many run at once.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { cmd, run } from '../support/db-probe';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud();
});
afterAll(() => cloud.stop());

it('100 concurrent conditional decrements on stock 10 give exactly 10 successes', async () => {
  await run(cloud, 'items', ['doc', 'hot'], ['set', { data: { sku: 'hot', stock: 10 } }]);
  const results = await Promise.all(
    Array.from({ length: 100 }, () =>
      run(
        cloud,
        'items',
        ['where', { _id: 'hot', stock: cmd('gte', [1]) }],
        ['update', { data: { stock: cmd('inc', [-1]) } }],
      ),
    ),
  );
  const updated = results.map((r) => r.stats.updated);
  expect(updated.filter((n) => n === 1)).toHaveLength(10);
  expect(updated.filter((n) => n === 0)).toHaveLength(90);
  expect((await run(cloud, 'items', ['doc', 'hot'], ['get'])).data.stock).toBe(0);
});

it('each concurrent invocation sees its own OPENID and UNIONID', async () => {
  const users = Array.from({ length: 40 }, (_, i) => `user-${i}`);
  const results = await Promise.all(
    users.map((openid, i) =>
      cloud.call(
        'whoami',
        { delayMs: (i * 7) % 30 },
        { openid, unionid: i % 2 ? `union-${i}` : undefined },
      ),
    ),
  );
  results.forEach((r, i) => {
    expect(r.before.OPENID).toBe(users[i]);
    expect(r.after.OPENID).toBe(users[i]);
    expect(r.after.UNIONID).toBe(i % 2 ? `union-${i}` : undefined);
    expect(r.after).toMatchObject({ APPID: expect.any(String), ENV: 'local', SOURCE: 'wx_client' });
  });
});

it('the payload cannot set the identity; no header means no OPENID', async () => {
  const anonymous = await cloud.call('whoami', { OPENID: 'forged', WX_OPENID: 'forged' });
  expect(anonymous.after.OPENID).toBeUndefined();
});

it('a function called from a function runs as the same user', async () => {
  const result = await cloud.call('whoami', { callFunction: 'whoami' }, { openid: 'caller-1' });
  expect(result.callee.errMsg).toBe('callFunction:ok');
  expect(result.callee.result.after.OPENID).toBe('caller-1');
  expect(result.callee.result.after.SOURCE).toBe('wx_client,scf');
});
