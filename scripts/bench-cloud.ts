// `npm run bench:cloud`: prints figures for the local cloud (no assertions, no thresholds).
//   - gateway round trip of a trivial function, p50/p95
//   - conditional updates per second, sequential and 50-way concurrent: inside one function
//     (SDK + database) and one update per gateway call (HTTP + function + SDK + database)
//   - equality query on an indexed field with 100,000 documents, p50 (and an unindexed one)
import { startLocalCloud, type LocalCloud } from '../emulator/launcher';
import { buildCloud } from './build-cloud';
import os from 'node:os';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function roundTrips(cloud: LocalCloud): Promise<void> {
  for (let i = 0; i < 200; i++) await cloud.call('echo', { i });
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) times.push(await timed(() => cloud.call('echo', { i })));
  console.log(
    `gateway round trip, trivial function (2000 calls): p50 ${fmt(percentile(times, 50))}, p95 ${fmt(percentile(times, 95))}`,
  );
}

async function conditionalUpdates(cloud: LocalCloud): Promise<void> {
  await cloud.call('bench', { op: 'setStock', id: 'hot', stock: 1_000_000_000 });
  const sequential = await cloud.call('bench', { op: 'decrements', id: 'hot', times: 5000 });
  console.log(
    `conditional updates, sequential inside a function: ${Math.round((5000 / sequential.ms) * 1000)}/s`,
  );

  const wall = await timed(() =>
    Promise.all(
      Array.from({ length: 50 }, () =>
        cloud.call('bench', { op: 'decrements', id: 'hot', times: 200 }),
      ),
    ),
  );
  console.log(`conditional updates, 50 functions at once: ${Math.round((10_000 / wall) * 1000)}/s`);

  const update = {
    steps: [
      {
        collection: 'bench',
        calls: [
          ['where', { _id: 'hot', stock: { $cmd: 'gte', args: [1] } }],
          ['update', { data: { stock: { $cmd: 'inc', args: [-1] } } }],
        ],
      },
    ],
  };
  const seqWall = await timed(async () => {
    for (let i = 0; i < 2000; i++) await cloud.call('dbProbe', update);
  });
  console.log(
    `conditional updates, one per gateway call, sequential: ${Math.round((2000 / seqWall) * 1000)}/s`,
  );
  let next = 0;
  const worker = async () => {
    while (next++ < 5000) await cloud.call('dbProbe', update);
  };
  const concWall = await timed(() => Promise.all(Array.from({ length: 50 }, worker)));
  console.log(
    `conditional updates, one per gateway call, 50 concurrent callers: ${Math.round((5000 / concWall) * 1000)}/s`,
  );
}

async function indexedQuery(cloud: LocalCloud): Promise<void> {
  const total = 100_000;
  const seedTime = await timed(async () => {
    for (let from = 0; from < total; from += 1000)
      await cloud.call('bench', { op: 'seed', from, count: 1000 });
  });
  console.log(`seeded ${total} documents in ${(seedTime / 1000).toFixed(1)} s`);
  const skus = Array.from({ length: 1000 }, () => `sku-${Math.floor(Math.random() * total)}`);
  const indexed = await cloud.call('bench', { op: 'query', field: 'sku', values: skus });
  console.log(
    `indexed equality query at ${total} documents, inside a function (1000 queries): p50 ${fmt(percentile(indexed.times, 50))}, p95 ${fmt(percentile(indexed.times, 95))}, found ${indexed.found}`,
  );
  const times: number[] = [];
  for (const sku of skus.slice(0, 500)) {
    times.push(
      await timed(() =>
        cloud.call('dbProbe', {
          steps: [{ collection: 'bench', calls: [['where', { sku }], ['get']] }],
        }),
      ),
    );
  }
  console.log(
    `indexed equality query at ${total} documents, through the gateway (500 calls): p50 ${fmt(percentile(times, 50))}`,
  );
  const scan = await cloud.call('bench', {
    op: 'query',
    field: 'price',
    values: Array.from({ length: 20 }, (_, i) => i),
  });
  console.log(
    `for contrast, unindexed equality query (full scan) at ${total} documents: p50 ${fmt(percentile(scan.times, 50))}`,
  );
}

async function main(): Promise<void> {
  await buildCloud();
  const cloud = await startLocalCloud();
  try {
    console.log(`node ${process.version}, ${os.cpus().length} cores\n`);
    await roundTrips(cloud);
    await conditionalUpdates(cloud);
    await indexedQuery(cloud);
  } finally {
    await cloud.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
