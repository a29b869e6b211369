// Durability: what the cloud acknowledged survives a restart and a kill -9 in the middle of a
// write load, and a request's writes are all there or none.
import { startLocalCloud, tempDataDir, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';

async function allIds(cloud: LocalCloud, collection: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let skip = 0; ; skip += 1000) {
    const page = await run(
      cloud,
      collection,
      ['orderBy', '_id', 'asc'],
      ['skip', skip],
      ['limit', 1000],
      ['field', { _id: true }],
      ['get'],
    );
    for (const d of page.data) ids.add(d._id);
    if (page.data.length < 1000) return ids;
  }
}

it('data, created collections and indexes survive a restart', async () => {
  const dataDir = tempDataDir();
  const first = await startLocalCloud({ dataDir });
  await run(first, undefined, ['createCollection', 'made_at_runtime']);
  await run(first, 'made_at_runtime', ['add', { data: { _id: 'a', n: 1 } }]);
  await run(first, 'items', [
    'add',
    {
      data: [
        { _id: 'i1', sku: 'x', at: { $date: 1000 } },
        { _id: 'i2', sku: 'y' },
      ],
    },
  ]);
  await run(first, 'items', ['doc', 'i2'], ['remove']);
  await run(first, 'uniq', ['add', { data: { code: 'K' } }]);
  await first.stop();

  const second = await startLocalCloud({ dataDir });
  try {
    expect((await run(second, 'made_at_runtime', ['doc', 'a'], ['get'])).data).toEqual({
      _id: 'a',
      n: 1,
    });
    expect((await run(second, 'items', ['where', { sku: 'x' }], ['get'])).data).toEqual([
      { _id: 'i1', sku: 'x', at: { $date: new Date(1000).toISOString() } },
    ]);
    expect((await run(second, 'items', ['count'])).total).toBe(1);
    // The unique index is back too: the reloaded document still holds its key.
    await expect(run(second, 'uniq', ['add', { data: { code: 'K' } }])).rejects.toThrow(
      /duplicate key/,
    );
  } finally {
    await second.stop();
  }
});

it('kill -9 during a write load loses nothing acknowledged and corrupts nothing', async () => {
  const dataDir = tempDataDir();
  const first = await startLocalCloud({ dataDir });
  const acknowledged: string[] = [];
  const batches: string[][] = [];
  let stop = false;
  let n = 0;

  // Eight writers: single documents and 50-document batches, as fast as the cloud answers.
  const writer = async (w: number) => {
    while (!stop) {
      const i = n++;
      const batch =
        i % 5 === 0 ? Array.from({ length: 50 }, (_, k) => `b${w}-${i}-${k}`) : [`d${w}-${i}`];
      try {
        await run(first, 'writes', ['add', { data: batch.map((_id) => ({ _id, i })) }]);
        acknowledged.push(...batch);
      } catch {
        // In flight when the process died: never acknowledged.
      }
      if (batch.length > 1) batches.push(batch);
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  while (acknowledged.length < 1500) await new Promise((resolve) => setTimeout(resolve, 10));
  await first.kill();
  stop = true;
  await Promise.all(writers);

  const second = await startLocalCloud({ dataDir });
  try {
    const stored = await allIds(second, 'writes');
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    for (const batch of batches) {
      const present = batch.filter((id) => stored.has(id)).length;
      expect([0, batch.length]).toContain(present);
    }
    // And the database takes writes again.
    await run(second, 'writes', ['add', { data: { _id: 'after-crash' } }]);
    expect((await allIds(second, 'writes')).has('after-crash')).toBe(true);
  } finally {
    await second.stop();
  }
});
