// The on-disk store: log replay, torn tails, damage detection, compaction and snapshot reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../emulator/database/store';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
const put = (store: Store, coll: string, doc: Record<string, any>) =>
  store.write([{ coll, id: doc._id, doc: doc as any }]);

it('replays the log on open, keeping types', () => {
  const dir = tempDir();
  const a = new Store(dir);
  a.createCollection('c');
  put(a, 'c', { _id: '1', at: new Date(5), n: 1.5, nested: { list: [1, 'x'] } });
  put(a, 'c', { _id: '2', n: 2 });
  a.write([{ coll: 'c', id: '2', doc: null }]);
  a.close();
  const b = new Store(dir);
  expect(b.read('c', '1')).toEqual({
    _id: '1',
    at: new Date(5),
    n: 1.5,
    nested: { list: [1, 'x'] },
  });
  expect(b.read('c', '2')).toBeNull();
  expect(b.commitSeq).toBe(4);
});

it('cuts off an unfinished last line and keeps everything before it', () => {
  const dir = tempDir();
  const a = new Store(dir);
  a.createCollection('c');
  put(a, 'c', { _id: '1' });
  a.close();
  fs.appendFileSync(path.join(dir, 'wal.jsonl'), '{"s":3,"ops":[{"c":"c","put":[{"_id":"2"');
  const b = new Store(dir);
  expect(b.read('c', '1')).toEqual({ _id: '1' });
  expect(b.read('c', '2')).toBeNull();
  put(b, 'c', { _id: '3' });
  b.close();
  const c = new Store(dir);
  expect(c.read('c', '3')).toEqual({ _id: '3' });
});

it('refuses to open a log damaged in the middle rather than silently dropping data', () => {
  const dir = tempDir();
  const a = new Store(dir);
  a.createCollection('c');
  put(a, 'c', { _id: '1' });
  put(a, 'c', { _id: '2' });
  a.close();
  const file = path.join(dir, 'wal.jsonl');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines[1] = lines[1].slice(0, 10);
  fs.writeFileSync(file, lines.join('\n'));
  expect(() => new Store(dir)).toThrow(/corrupt log/);
});

it('compaction keeps the data, and a stale log left by a crash mid-compaction is skipped', () => {
  const dir = tempDir();
  const a = new Store(dir);
  a.createCollection('c');
  for (let i = 0; i < 10; i++) put(a, 'c', { _id: String(i), v: i });
  const staleLog = fs.readFileSync(path.join(dir, 'wal.jsonl'));
  put(a, 'c', { _id: '3', v: 'changed' });
  a.compact();
  a.close();
  // Simulate dying after the snapshot rename but before the log was emptied.
  fs.writeFileSync(path.join(dir, 'wal.jsonl'), staleLog);
  const b = new Store(dir);
  expect(b.read('c', '3')).toEqual({ _id: '3', v: 'changed' });
  expect(b.collection('c')!.entries.size).toBe(10);
  put(b, 'c', { _id: 'new' });
  b.close();
  expect(new Store(dir).read('c', 'new')).toEqual({ _id: 'new' });
});

it('a snapshot reader sees the version as of its start while others write', () => {
  const store = new Store(tempDir());
  store.createCollection('c');
  put(store, 'c', { _id: 'a', v: 1 });
  const snap = store.openSnapshot('t1');
  put(store, 'c', { _id: 'a', v: 2 });
  put(store, 'c', { _id: 'b', v: 1 });
  store.write([{ coll: 'c', id: 'a', doc: null }]);
  expect(store.read('c', 'a', snap)).toEqual({ _id: 'a', v: 1 });
  expect(store.read('c', 'b', snap)).toBeNull();
  expect(store.read('c', 'a')).toBeNull();
  expect(store.lastChange('c', 'a')).toBeGreaterThan(snap);
  store.closeSnapshot('t1');
});
