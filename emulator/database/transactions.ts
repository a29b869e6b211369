// Multi-document transactions with snapshot isolation and first-committer-wins.
//
// A transaction reads the database as of its start (older versions are kept by the Store while
// it is open) plus its own writes, which are buffered. Commit fails with
// DATABASE_TRANSACTION_CONFLICT when any document it writes was changed by someone else after
// it started: that is the one error the SDK's runTransaction retries. Conflicts are reported at
// commit only, because the SDK does not retry errors raised by a write inside the callback.
import { randomUUID } from 'node:crypto';
import { DbError, collectionNotExist, duplicateKey, transactionConflict } from './errors';
import type { Store, Write } from './store';
import type { Doc } from './values';

/** Transactions left idle this long are aborted (MongoDB's default lifetime is 60 s). */
const IDLE_LIMIT_MS = 60_000;

interface Txn {
  snapshot: number;
  writes: Map<string, Write>;
  lastUsed: number;
}

export type Outcome = 'updated' | 'created' | 'deleted' | 'unchanged';

export class Transactions {
  private readonly open = new Map<string, Txn>();

  constructor(
    private readonly store: Store,
    private readonly checkUnique: (writes: Write[]) => void,
  ) {}

  start(): string {
    this.expireIdle();
    const id = randomUUID();
    this.open.set(id, {
      snapshot: this.store.openSnapshot(id),
      writes: new Map(),
      lastUsed: performance.now(),
    });
    return id;
  }

  read(txnId: string, coll: string, id: string): Doc | null {
    const txn = this.get(txnId);
    this.requireCollection(coll);
    const own = txn.writes.get(key(coll, id));
    if (own) return own.doc;
    return this.store.read(coll, id, txn.snapshot);
  }

  insert(txnId: string, coll: string, doc: Doc): void {
    if (this.read(txnId, coll, doc._id)) throw duplicateKey(coll, '_id_', `{ _id: "${doc._id}" }`);
    this.get(txnId).writes.set(key(coll, doc._id), { coll, id: doc._id, doc });
  }

  /** Buffers `change(current)`; returning null deletes, returning the same object changes nothing. */
  modify(
    txnId: string,
    coll: string,
    id: string,
    change: (current: Doc | null) => Doc | null,
  ): Outcome {
    const current = this.read(txnId, coll, id);
    const next = change(current);
    if (next === current || (next === null && current === null)) return 'unchanged';
    this.get(txnId).writes.set(key(coll, id), { coll, id, doc: next });
    if (next === null) return 'deleted';
    return current ? 'updated' : 'created';
  }

  commit(txnId: string): void {
    const txn = this.get(txnId);
    try {
      const writes = [...txn.writes.values()];
      for (const w of writes) {
        this.requireCollection(w.coll);
        if (this.store.lastChange(w.coll, w.id) > txn.snapshot) throw transactionConflict();
      }
      this.checkUnique(writes);
      this.store.write(writes);
    } finally {
      this.end(txnId);
    }
  }

  abort(txnId: string): void {
    this.get(txnId);
    this.end(txnId);
  }

  private get(txnId: string): Txn {
    const txn = this.open.get(txnId);
    if (!txn) {
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `[FailedOperation] transaction ${txnId} does not exist or has ended`,
      );
    }
    txn.lastUsed = performance.now();
    return txn;
  }

  private end(txnId: string): void {
    this.open.delete(txnId);
    this.store.closeSnapshot(txnId);
  }

  private requireCollection(coll: string): void {
    if (!this.store.hasCollection(coll)) throw collectionNotExist(coll);
  }

  private expireIdle(): void {
    const limit = performance.now() - IDLE_LIMIT_MS;
    for (const [id, txn] of this.open) if (txn.lastUsed < limit) this.end(id);
  }
}

function key(coll: string, id: string): string {
  return coll + '\u0000' + id;
}
