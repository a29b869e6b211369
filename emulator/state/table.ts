// A small typed table over a Store collection, for the emulator's own records (payments,
// notices, openapi calls). These live in a separate store from the shop's database, so cloud
// functions cannot see them.
import type { Store } from '../database/store';
import type { Doc } from '../database/values';

export class Table<T extends Doc> {
  constructor(
    private readonly store: Store,
    private readonly name: string,
  ) {
    if (!store.hasCollection(name)) store.createCollection(name);
  }

  get(id: string): T | null {
    return (this.store.read(this.name, id) as T | null) ?? null;
  }

  put(doc: T): T {
    this.store.write([{ coll: this.name, id: doc._id, doc }]);
    return doc;
  }

  /** Writes `next` only if the stored document is still `expected` (compare-and-set). */
  replace(expected: T, next: T): boolean {
    if (this.get(expected._id) !== expected) return false;
    this.put(next);
    return true;
  }

  all(): T[] {
    return [...(this.store.collection(this.name)?.entries.values() ?? [])]
      .sort((a, b) => a.ord - b.ord)
      .map((e) => e.doc as T);
  }

  where(predicate: (doc: T) => boolean): T[] {
    return this.all().filter(predicate);
  }
}
