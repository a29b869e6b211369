// Executes the database requests wx-server-sdk sends (`database.*` actions) against a Store,
// replying in the shapes the SDK expects. Each request runs synchronously once it starts, so
// a conditional update matches and writes with no other request in between: the atomicity
// CloudBase gives a single-document (or single-request) write.
import { randomBytes, randomUUID } from 'node:crypto';
import { Aggregator } from 'mingo';
import { candidates, compile, select, type Criteria } from './query';
import { applyUpdate, replaceDocument, seedFromQuery } from './update';
import {
  DbError,
  collectionAlreadyExists,
  collectionNotExist,
  duplicateKey,
  invalidParam,
} from './errors';
import { Transactions } from './transactions';
import { hasServerDate, parseEJSON, resolveServerDates, toWire, type Doc } from './values';
import type { Store, Write } from './store';

type Params = Record<string, any>;
type Reply = Record<string, any>;

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** A fixed round trip in milliseconds, or [min, max] to draw each one from. */
export type Latency = number | [number, number];

function waitFor(latency: Latency): number {
  if (typeof latency === 'number') return latency;
  const [min, max] = latency;
  return min + Math.random() * (max - min);
}

export class DatabaseExecutor {
  readonly transactions: Transactions;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    /**
     * How long each request waits before it runs: CloudBase's round trip, to make it visible. A
     * range draws each request's wait from it, so concurrent calls interleave as on a network.
     */
    private readonly latency: Latency = 0,
  ) {
    this.transactions = new Transactions(store, (writes) => this.checkUnique(writes));
  }

  /**
   * The entry point the SDK hook calls: yields once (as a network hop would), or waits the
   * configured latency, then runs. Concurrent requests wait side by side, as on the network;
   * the request itself still runs synchronously, so conditional updates stay atomic.
   */
  async send(action: string, params: Params = {}): Promise<Reply> {
    const ms = waitFor(this.latency);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    else await new Promise((resolve) => setImmediate(resolve));
    return this.execute(action, params);
  }

  execute(action: string, params: Params = {}): Reply {
    const requestId = randomUUID();
    try {
      return { requestId, ...this.dispatch(action, params) };
    } catch (e) {
      if (e instanceof DbError) return { requestId, code: e.code, message: e.message };
      return { requestId, code: 'DATABASE_REQUEST_FAILED', message: (e as Error).message };
    }
  }

  private dispatch(action: string, p: Params): Reply {
    switch (action) {
      case 'database.addCollection':
        return this.addCollection(p);
      case 'database.getDocument':
        return this.getDocument(p);
      case 'database.calculateDocument':
        return this.count(p);
      case 'database.insertDocument':
        return this.insert(p);
      case 'database.modifyDocument':
        return this.modify(p);
      case 'database.removeDocument':
        return this.remove(p);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(p);
      case 'database.aggregateDocuments':
        return this.aggregate(p);
      case 'database.startTransaction':
        return { transactionId: this.transactions.start() };
      case 'database.commitTransaction':
        this.transactions.commit(p.transactionId);
        return {};
      case 'database.abortTransaction':
        this.transactions.abort(p.transactionId);
        return {};
      default:
        throw invalidParam(`unsupported database action ${action}`);
    }
  }

  private addCollection(p: Params): Reply {
    const name = p.collectionName;
    if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
      throw invalidParam(`invalid collection name ${JSON.stringify(name)}`);
    }
    if (this.store.hasCollection(name)) throw collectionAlreadyExists(name);
    this.store.createCollection(name);
    return {};
  }

  private getDocument(p: Params): Reply {
    if (p.transactionId) {
      const doc = this.transactions.read(p.transactionId, this.collectionName(p), this.docId(p));
      return { data: { list: doc ? [toWire(project(doc, p))] : [] } };
    }
    const coll = this.requireCollection(p);
    const criteria = this.criteria(p);
    const docs = select(candidates(coll, criteria), compile(criteria, cacheKey(p.query)), {
      order: p.order ? parseEJSON(p.order) : undefined,
      offset: Number(p.offset) || 0,
      limit: p.multi === false ? 1 : clampLimit(p.limit),
      projection: p.projection ? parseEJSON(p.projection) : undefined,
    });
    return { data: { list: docs.map(toWire) } };
  }

  private count(p: Params): Reply {
    const coll = this.requireCollection(p);
    const criteria = this.criteria(p);
    const query = compile(criteria, cacheKey(p.query));
    const total = candidates(coll, criteria).filter((d) => query.test(d)).length;
    return { data: { total } };
  }

  private insert(p: Params): Reply {
    const name = this.collectionName(p);
    const raw: unknown[] = Array.isArray(p.data) ? p.data : [p.data];
    const docs = raw.map((item) =>
      this.newDocument(typeof item === 'string' ? parseEJSON(item) : item),
    );
    if (p.transactionId) {
      for (const doc of docs) this.transactions.insert(p.transactionId, name, doc);
      return { data: { insertedIds: docs.map((d) => d._id) } };
    }
    const coll = this.requireCollection(p);
    const ids = new Set<string>();
    for (const doc of docs) {
      if (coll.entries.has(doc._id) || ids.has(doc._id))
        throw duplicateKey(name, '_id_', `{ _id: "${doc._id}" }`);
      ids.add(doc._id);
    }
    const writes = docs.map((doc) => ({ coll: name, id: doc._id, doc }));
    this.checkUnique(writes);
    this.store.write(writes);
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private modify(p: Params): Reply {
    const name = this.collectionName(p);
    const data = this.data(p);
    if (p.transactionId) {
      const id = this.docId(p);
      const updated = this.transactions.modify(p.transactionId, name, id, (current) => {
        if (p.merge === false) return current || p.upsert ? replaceDocument(id, data) : null;
        return current ? applyUpdate(current, data, { _id: id }) : null;
      });
      return {
        data: {
          updated: updated === 'updated' ? 1 : 0,
          upsert_id: updated === 'created' ? id : undefined,
        },
      };
    }
    const coll = this.requireCollection(p);
    const criteria = this.criteria(p);
    const query = compile(criteria, cacheKey(p.query));
    let matched = candidates(coll, criteria).filter((d) => query.test(d));
    if (p.multi === false) matched = matched.slice(0, 1);

    const writes: Write[] = [];
    for (const doc of matched) {
      const next =
        p.merge === false ? replaceDocument(doc._id, data) : applyUpdate(doc, data, criteria);
      // applyUpdate returns the same object when nothing changed; a replacement is compared.
      const changed = p.merge === false ? !sameDocument(next, doc) : next !== doc;
      if (changed) writes.push({ coll: name, id: doc._id, doc: next });
    }
    let upsertId: string | undefined;
    if (matched.length === 0 && p.upsert) {
      const id = typeof criteria._id === 'string' ? criteria._id : newId();
      const seed = seedFromQuery(id, criteria);
      const doc = p.merge === false ? replaceDocument(id, data) : applyUpdate(seed, data, criteria);
      writes.push({ coll: name, id, doc });
      upsertId = id;
    }
    this.checkUnique(writes);
    this.store.write(writes);
    return { data: { updated: upsertId ? 0 : writes.length, upsert_id: upsertId } };
  }

  private remove(p: Params): Reply {
    const name = this.collectionName(p);
    if (p.transactionId) {
      const id = this.docId(p);
      const outcome = this.transactions.modify(p.transactionId, name, id, () => null);
      return { data: { deleted: outcome === 'deleted' ? 1 : 0 } };
    }
    const coll = this.requireCollection(p);
    const criteria = this.criteria(p);
    const query = compile(criteria, cacheKey(p.query));
    let matched = candidates(coll, criteria).filter((d) => query.test(d));
    if (p.multi === false) matched = matched.slice(0, 1);
    this.store.write(matched.map((d) => ({ coll: name, id: d._id, doc: null })));
    return { data: { deleted: matched.length } };
  }

  private modifyAndReturn(p: Params): Reply {
    if (p.transactionId)
      throw invalidParam('updateAndReturn is not supported inside a transaction');
    const name = this.collectionName(p);
    const coll = this.requireCollection(p);
    const criteria = this.criteria(p);
    const query = compile(criteria, cacheKey(p.query));
    const doc = candidates(coll, criteria).find((d) => query.test(d));
    if (!doc) return { data: { updated: 0, doc: null } };
    const next = applyUpdate(doc, this.data(p), criteria);
    const changed = next !== doc;
    if (changed) {
      this.checkUnique([{ coll: name, id: doc._id, doc: next }]);
      this.store.write([{ coll: name, id: doc._id, doc: next }]);
    }
    return { data: { updated: changed ? 1 : 0, doc: toWire(next) } };
  }

  private aggregate(p: Params): Reply {
    const coll = this.requireCollection(p);
    const stages: { stageKey: string; stageValue: string }[] = Array.isArray(p.stages)
      ? p.stages
      : [];
    const pipeline = stages.map((s) => ({
      [s.stageKey]: resolveServerDates(parseEJSON(s.stageValue), this.now()),
    }));
    const first = pipeline[0]?.$match;
    const source = first ? candidates(coll, first) : [...coll.entries.values()].map((e) => e.doc);
    const aggregator = new Aggregator(pipeline, {
      collectionResolver: (name: string) =>
        [...(this.store.collection(name)?.entries.values() ?? [])].map((e) => e.doc),
    });
    let list: any[];
    try {
      list = aggregator.run(source);
    } catch (e) {
      throw new DbError('DATABASE_REQUEST_FAILED', `[InvalidParameter] ${(e as Error).message}`);
    }
    return { data: { list: list.map(toWire) } };
  }

  // --- helpers -------------------------------------------------------------------------------

  private collectionName(p: Params): string {
    if (typeof p.collectionName !== 'string' || !p.collectionName)
      throw invalidParam('collectionName is required');
    return p.collectionName;
  }

  private requireCollection(p: Params) {
    const name = this.collectionName(p);
    const coll = this.store.collection(name);
    if (!coll) throw collectionNotExist(name);
    return coll;
  }

  private criteria(p: Params): Criteria {
    if (p.query === undefined || p.query === '' || p.query === null) return {};
    const parsed = typeof p.query === 'string' ? parseEJSON(p.query) : p.query;
    return resolveServerDates(parsed, this.now());
  }

  private data(p: Params): Record<string, any> {
    const parsed = typeof p.data === 'string' ? parseEJSON(p.data) : p.data;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw invalidParam('data must be an object');
    return resolveServerDates(parsed, this.now());
  }

  private docId(p: Params): string {
    const criteria = this.criteria(p);
    const id = p._id ?? criteria._id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw invalidParam(
        'only single-document operations (doc(id)) are allowed inside a transaction',
      );
    }
    return String(id);
  }

  private newDocument(value: unknown): Doc {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw invalidParam('a document must be an object');
    const { _id, ...fields } = resolveServerDates(value, this.now()) as Record<string, any>;
    return { _id: _id === undefined || _id === null ? newId() : String(_id), ...fields };
  }

  /** Rejects writes that would break a unique index (against stored data and each other). */
  private checkUnique(writes: Write[]): void {
    const claimed = new Map<string, string>();
    for (const w of writes) {
      if (!w.doc) continue;
      const coll = this.store.collection(w.coll);
      if (!coll) continue;
      for (const index of coll.indexes) {
        if (!index.spec.unique) continue;
        const other = index.conflictFor(w.doc);
        const replacedInBatch =
          other !== null && writes.some((x) => x.coll === w.coll && x.id === other);
        const key = index.keyString(w.doc);
        const claimKey = `${w.coll}/${index.name}/${key}`;
        if (
          (other !== null && !replacedInBatch) ||
          (key !== null && claimed.has(claimKey) && claimed.get(claimKey) !== w.id)
        ) {
          throw duplicateKey(w.coll, index.name, key ?? '');
        }
        if (key !== null) claimed.set(claimKey, w.id);
      }
    }
  }
}

/** CloudBase-style id: 32 hex characters, time-ordered prefix. */
export function newId(): string {
  return (
    Math.floor(Date.now() / 1000)
      .toString(16)
      .padStart(8, '0') + randomBytes(12).toString('hex')
  );
}

function clampLimit(limit: unknown): number {
  const n = Number(limit);
  if (!Number.isFinite(n) || n <= 0) return 100;
  return Math.min(Math.floor(n), 1000);
}

function cacheKey(query: unknown): string | undefined {
  return typeof query === 'string' && !hasServerDate(query) ? query : undefined;
}

function project(doc: Doc, p: Params): Doc {
  if (!p.projection) return doc;
  const [projected] = select([doc], compile({}), { projection: parseEJSON(p.projection) });
  return projected;
}

function sameDocument(a: Doc, b: Doc): boolean {
  return toWire(a) === toWire(b);
}
