// Conformance: db.runTransaction / startTransaction through the real SDK: commit, rollback,
// snapshot reads, and conflict detection that makes the SDK retry under concurrency.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud();
});
afterAll(() => cloud.stop());

const balance = async (id: string) =>
  (await run(cloud, 'accounts', ['doc', id], ['get'])).data.balance;

it('a transaction commits all its writes', async () => {
  await run(cloud, 'accounts', [
    'add',
    {
      data: [
        { _id: 'alice', balance: 100 },
        { _id: 'bob', balance: 0 },
      ],
    },
  ]);
  const result = await cloud.call('txn', { op: 'transfer', from: 'alice', to: 'bob', amount: 30 });
  expect(result).toEqual({ committed: true, result: { from: 70, to: 30 } });
  expect([await balance('alice'), await balance('bob')]).toEqual([70, 30]);
});

it('rollback(reason) rejects with the reason and leaves nothing written', async () => {
  const result = await cloud.call('txn', { op: 'transfer', from: 'bob', to: 'alice', amount: 500 });
  expect(result).toEqual({ committed: false, error: { code: 'INSUFFICIENT_FUNDS' } });
  expect([await balance('alice'), await balance('bob')]).toEqual([70, 30]);

  await run(cloud, 'counters', ['doc', 'rb'], ['set', { data: { n: 1 } }]);
  const rolled = await cloud.call('txn', {
    op: 'rollbackWith',
    id: 'rb',
    reason: 'changed my mind',
  });
  expect(rolled).toEqual({ rejected: true, reason: 'changed my mind' });
  expect((await run(cloud, 'counters', ['doc', 'rb'], ['get'])).data.n).toBe(1);
});

it('concurrent read-modify-write increments all land: conflicts are detected and retried', async () => {
  await run(cloud, 'counters', ['doc', 'hits'], ['set', { data: { n: 0 } }]);
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      cloud.call('txn', { op: 'increment', id: 'hits', pauseMs: 5 }),
    ),
  );
  expect((await run(cloud, 'counters', ['doc', 'hits'], ['get'])).data.n).toBe(20);
  // Every increment saw a distinct value, and some had to retry after a conflict.
  expect(new Set(results.map((r) => r.value)).size).toBe(20);
  expect(results.some((r) => r.attempts > 1)).toBe(true);
});

it('reads inside a transaction see its snapshot, not later commits', async () => {
  await run(cloud, 'counters', ['doc', 'snap'], ['set', { data: { n: 1 } }]);
  const reading = cloud.call('txn', { op: 'snapshot', id: 'snap', pauseMs: 200 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await run(cloud, 'counters', ['doc', 'snap'], ['update', { data: { n: 2 } }]);
  const { first, second } = await reading;
  expect(first.n).toBe(1);
  expect(second.n).toBe(1);
  expect((await run(cloud, 'counters', ['doc', 'snap'], ['get'])).data.n).toBe(2);
});

it('a transaction on a missing collection fails with -502005', async () => {
  const result = await cloud.call('txn', {
    op: 'writeOutsideCollection',
    collection: 'no_such_collection',
  });
  expect(result.ok).toBe(false);
  expect(result.error.errCode).toBe(-502005);
});
