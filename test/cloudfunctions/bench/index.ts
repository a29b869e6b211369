// Benchmark probe: seeds documents and times database operations inside a function, so the
// figures measure the SDK + local database without the HTTP hop.
import { db } from '../../../cloudfunctions/lib/infra/cloud';
const _ = db.command;

type Event =
  | { op: 'seed'; from: number; count: number }
  | { op: 'decrements'; id: string; times: number }
  | { op: 'query'; field: string; values: unknown[] }
  | { op: 'setStock'; id: string; stock: number };

export async function main(event: Event) {
  switch (event.op) {
    case 'seed': {
      const docs = [];
      for (let i = event.from; i < event.from + event.count; i++)
        docs.push({ _id: `p${i}`, sku: `sku-${i}`, stock: 100, price: i % 1000 });
      await db.collection('bench').add({ data: docs });
      return { seeded: docs.length };
    }
    case 'setStock':
      await db
        .collection('bench')
        .doc(event.id)
        .set({ data: { sku: 'hot', stock: event.stock } });
      return { ok: true };
    case 'decrements': {
      let succeeded = 0;
      const started = performance.now();
      for (let i = 0; i < event.times; i++) {
        const r = await db
          .collection('bench')
          .where({ _id: event.id, stock: _.gte(1) })
          .update({ data: { stock: _.inc(-1) } });
        succeeded += r.stats.updated;
      }
      return { succeeded, ms: performance.now() - started };
    }
    case 'query': {
      const times: number[] = [];
      let found = 0;
      for (const value of event.values) {
        const started = performance.now();
        const r = await db
          .collection('bench')
          .where({ [event.field]: value })
          .get();
        times.push(performance.now() - started);
        found += r.data.length;
      }
      return { times, found };
    }
  }
}
