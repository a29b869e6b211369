// Secondary indexes: equality lookups on declared fields without scanning a collection.
//
// An index maps the encoded value(s) of its fields to the ids of the documents holding them.
// Documents with an array (or an object path through an array) in an indexed field cannot be
// keyed exactly under MongoDB's "array contains" equality, so they are kept in a side set that
// every lookup returns as candidates too; the query matcher then filters them precisely.
import type { Doc } from './values';

export interface IndexSpec {
  /** Field paths (dotted), all compared by equality. */
  fields: string[];
  /** Reject a write that would give two documents the same key (CloudBase unique index). */
  unique?: boolean;
}

const UNINDEXABLE = Symbol('unindexable');

export class SecondaryIndex {
  private readonly keys = new Map<string, Set<string>>();
  private readonly arrayDocs = new Set<string>();

  constructor(readonly spec: IndexSpec) {}

  get name(): string {
    return this.spec.fields.join('_');
  }

  add(doc: Doc): void {
    const key = this.keyOf(doc);
    if (key === UNINDEXABLE) {
      this.arrayDocs.add(doc._id);
      return;
    }
    let ids = this.keys.get(key);
    if (!ids) this.keys.set(key, (ids = new Set()));
    ids.add(doc._id);
  }

  remove(doc: Doc): void {
    const key = this.keyOf(doc);
    if (key === UNINDEXABLE) {
      this.arrayDocs.delete(doc._id);
      return;
    }
    const ids = this.keys.get(key);
    if (!ids) return;
    ids.delete(doc._id);
    if (ids.size === 0) this.keys.delete(key);
  }

  /** Ids that may match `fields = values` (exact for keyed documents, plus array documents). */
  lookup(values: unknown[]): string[] {
    const key = values.map(encodeValue).join('\u0001');
    const ids = this.keys.get(key);
    const out = ids ? [...ids] : [];
    for (const id of this.arrayDocs) out.push(id);
    return out;
  }

  /** For unique indexes: the id of another document already holding this document's key. */
  conflictFor(doc: Doc): string | null {
    if (!this.spec.unique) return null;
    const key = this.keyOf(doc);
    if (key === UNINDEXABLE) return null;
    const ids = this.keys.get(key);
    if (!ids) return null;
    for (const id of ids) if (id !== doc._id) return id;
    return null;
  }

  keyString(doc: Doc): string | null {
    const key = this.keyOf(doc);
    return key === UNINDEXABLE ? null : key;
  }

  private keyOf(doc: Doc): string | typeof UNINDEXABLE {
    const parts: string[] = [];
    for (const field of this.spec.fields) {
      const value = readIndexedPath(doc, field);
      if (value === UNINDEXABLE) return UNINDEXABLE;
      parts.push(encodeValue(value));
    }
    return parts.join('\u0001');
  }
}

/** True for values an index can key exactly (what the planner may look up). */
export function isIndexableValue(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  );
}

function readIndexedPath(doc: any, path: string): unknown | typeof UNINDEXABLE {
  let cur = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) return UNINDEXABLE;
    if (cur === null || typeof cur !== 'object' || cur instanceof Date) return undefined;
    cur = cur[part];
  }
  if (Array.isArray(cur)) return UNINDEXABLE;
  if (cur !== null && typeof cur === 'object' && !(cur instanceof Date)) return UNINDEXABLE;
  return cur;
}

// Equality in MongoDB treats a missing field like null; numbers compare by value.
function encodeValue(value: unknown): string {
  if (value === undefined || value === null) return '0';
  if (value instanceof Date) return 'd' + value.getTime();
  return (typeof value)[0] + String(value);
}
