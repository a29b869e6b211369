// The in-memory state of one database, made durable by a write-ahead log.
//
// Documents are immutable once stored: every write stores a new object, so a reader can hand
// out the stored object without copying. Each change gets a commit sequence number; while
// transactions are open, replaced versions are kept so a transaction reads the database as it
// was when it started (snapshot isolation).
import { SecondaryIndex, type IndexSpec } from './indexes';
import { WriteAheadLog, type LogOp } from './wal';
import type { Doc } from './values';

export interface Entry {
  doc: Doc;
  /** Commit sequence that wrote this version. */
  seq: number;
  /** Insertion order, kept across replacements: the natural order of a collection. */
  ord: number;
}

export class Collection {
  readonly entries = new Map<string, Entry>();
  readonly indexes: SecondaryIndex[] = [];
  private nextOrd = 0;

  constructor(readonly name: string) {}

  addIndex(spec: IndexSpec): void {
    const name = spec.fields.join('_');
    if (this.indexes.some((ix) => ix.name === name)) return;
    const index = new SecondaryIndex(spec);
    for (const entry of this.entries.values()) index.add(entry.doc);
    this.indexes.push(index);
  }

  put(doc: Doc, seq: number): void {
    const old = this.entries.get(doc._id);
    if (old) for (const ix of this.indexes) ix.remove(old.doc);
    this.entries.set(doc._id, { doc, seq, ord: old ? old.ord : this.nextOrd++ });
    for (const ix of this.indexes) ix.add(doc);
  }

  delete(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    for (const ix of this.indexes) ix.remove(old.doc);
    this.entries.delete(id);
  }
}

/** One change to apply atomically with others. `doc: null` deletes. */
export interface Write {
  coll: string;
  id: string;
  doc: Doc | null;
}

interface Version {
  seq: number;
  doc: Doc | null;
}

export class Store {
  readonly collections = new Map<string, Collection>();
  private seq = 0;
  private readonly wal: WriteAheadLog;
  /** Sequence numbers of open transactions' snapshots. */
  private readonly openSnapshots = new Map<string, number>();
  /** Older versions of keys changed while transactions were open. */
  private readonly history = new Map<string, Version[]>();
  /** Sequence of the last change to keys deleted while transactions were open. */
  private readonly deletedAt = new Map<string, number>();
  private readonly compactAtBytes: number;

  constructor(dir: string, options: { compactAtBytes?: number } = {}) {
    this.wal = new WriteAheadLog(dir);
    this.compactAtBytes = options.compactAtBytes ?? 64 * 1024 * 1024;
    const state = this.wal.load();
    for (const [name, docs] of state.collections) {
      const coll = this.ensureCollection(name);
      for (const doc of docs) coll.put(doc, 0);
    }
    for (const record of state.records) this.applyOps(record.ops, record.s);
    this.seq = state.seq;
    if (this.wal.sizeBytes > this.compactAtBytes / 4) this.compact();
  }

  get commitSeq(): number {
    return this.seq;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collection(name: string): Collection | undefined {
    return this.collections.get(name);
  }

  createCollection(name: string): void {
    this.commit([{ c: name, create: true }]);
  }

  /** Declares an index (from code, not persisted: the declaration list is the source of truth). */
  declareIndex(collection: string, spec: IndexSpec): void {
    this.collections.get(collection)?.addIndex(spec);
  }

  /** Applies writes atomically: one log line, then memory. Throws before changing anything. */
  write(writes: Write[]): number {
    if (writes.length === 0) return this.seq;
    const ops: LogOp[] = [];
    for (const w of writes) {
      const last = ops[ops.length - 1];
      if (w.doc) {
        if (last && last.c === w.coll && 'put' in last) last.put.push(w.doc);
        else ops.push({ c: w.coll, put: [w.doc] });
      } else if (last && last.c === w.coll && 'del' in last) last.del.push(w.id);
      else ops.push({ c: w.coll, del: [w.id] });
    }
    return this.commit(ops);
  }

  /** The version of a document visible to a snapshot taken at `atSeq` (latest if omitted). */
  read(coll: string, id: string, atSeq?: number): Doc | null {
    const current = this.collections.get(coll)?.entries.get(id) ?? null;
    if (atSeq === undefined) return current?.doc ?? null;
    const key = coll + '\u0000' + id;
    const changedAt = current ? current.seq : (this.deletedAt.get(key) ?? 0);
    if (changedAt <= atSeq) return current?.doc ?? null;
    const versions = this.history.get(key) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i].seq <= atSeq) return versions[i].doc;
    }
    return null;
  }

  /** Sequence of the last committed change to a document (0 if never changed). */
  lastChange(coll: string, id: string): number {
    const current = this.collections.get(coll)?.entries.get(id);
    if (current) return current.seq;
    return this.deletedAt.get(coll + '\u0000' + id) ?? 0;
  }

  openSnapshot(txnId: string): number {
    this.openSnapshots.set(txnId, this.seq);
    return this.seq;
  }

  closeSnapshot(txnId: string): void {
    this.openSnapshots.delete(txnId);
    if (this.openSnapshots.size === 0) {
      this.history.clear();
      this.deletedAt.clear();
    } else if (this.history.size > 10_000) {
      this.pruneHistory(Math.min(...this.openSnapshots.values()));
    }
  }

  /** Drops versions no open snapshot (all at or after `oldest`) can still see. */
  private pruneHistory(oldest: number): void {
    for (const [key, versions] of this.history) {
      let keepFrom = 0;
      for (let i = 0; i < versions.length; i++) if (versions[i].seq <= oldest) keepFrom = i;
      if (keepFrom > 0) versions.splice(0, keepFrom);
      const [coll, id] = key.split('\u0000');
      if (versions.length === 1 && this.lastChange(coll, id) <= oldest) this.history.delete(key);
    }
  }

  compact(): void {
    const colls: [string, Iterable<Doc>][] = [];
    for (const [name, coll] of this.collections) {
      colls.push([
        name,
        [...coll.entries.values()].sort((a, b) => a.ord - b.ord).map((e) => e.doc),
      ]);
    }
    this.wal.compact(this.seq, colls);
  }

  close(): void {
    this.wal.close();
  }

  private commit(ops: LogOp[]): number {
    const seq = this.seq + 1;
    this.wal.append({ s: seq, ops }); // durable before it is visible or acknowledged
    this.applyOps(ops, seq);
    this.seq = seq;
    if (this.wal.sizeBytes > this.compactAtBytes) this.compact();
    return seq;
  }

  private applyOps(ops: LogOp[], seq: number): void {
    const keepHistory = this.openSnapshots.size > 0;
    for (const op of ops) {
      if ('create' in op) {
        this.ensureCollection(op.c);
        continue;
      }
      const coll = this.ensureCollection(op.c);
      if ('put' in op) {
        for (const doc of op.put) {
          if (keepHistory) this.remember(coll, doc._id);
          coll.put(doc, seq);
        }
      } else {
        for (const id of op.del) {
          if (keepHistory) this.remember(coll, id);
          coll.delete(id);
          if (keepHistory) this.deletedAt.set(op.c + '\u0000' + id, seq);
        }
      }
    }
  }

  /** Keeps the version about to be replaced, for snapshots older than the change. */
  private remember(coll: Collection, id: string): void {
    const key = coll.name + '\u0000' + id;
    const current = coll.entries.get(id);
    const version: Version = current
      ? { seq: current.seq, doc: current.doc }
      : { seq: this.deletedAt.get(key) ?? 0, doc: null };
    const versions = this.history.get(key);
    if (!versions) this.history.set(key, [version]);
    else if (versions[versions.length - 1].seq !== version.seq) versions.push(version);
  }

  private ensureCollection(name: string): Collection {
    let coll = this.collections.get(name);
    if (!coll) this.collections.set(name, (coll = new Collection(name)));
    return coll;
  }
}
