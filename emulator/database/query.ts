// Matching, planning and reading: MongoDB query semantics (via mingo) over a collection,
// using `_id` and declared indexes to avoid scanning when the query allows it.
import { Query, find } from 'mingo';
import { isIndexableValue } from './indexes';
import type { Collection } from './store';
import type { Doc } from './values';

export type Criteria = Record<string, any>;

const compiled = new Map<string, Query>();

/** A compiled matcher; `cacheKey` (the wire string) is given only for time-independent queries. */
export function compile(criteria: Criteria, cacheKey?: string): Query {
  if (cacheKey === undefined) return new Query(criteria);
  let query = compiled.get(cacheKey);
  if (!query) {
    if (compiled.size > 2000) compiled.clear();
    query = new Query(criteria);
    compiled.set(cacheKey, query);
  }
  return query;
}

/**
 * Documents that may match, in natural (insertion) order: an exact `_id`, an `_id` list, or an
 * index whose fields all have equality conditions; otherwise every document.
 */
export function candidates(coll: Collection, criteria: Criteria): Doc[] {
  const equalities = new Map<string, unknown[]>();
  collectEqualities(criteria, equalities);

  const ids = equalities.get('_id');
  if (ids) return byOrder(coll, ids.map(String));

  for (const index of coll.indexes) {
    const fields = index.spec.fields;
    if (!fields.every((f) => equalities.has(f))) continue;
    // Expand `$in` lists into every combination of values (kept small by the callers' queries).
    let combos: unknown[][] = [[]];
    for (const f of fields) {
      const next: unknown[][] = [];
      for (const combo of combos) for (const v of equalities.get(f)!) next.push([...combo, v]);
      combos = next;
      if (combos.length > 1000) break;
    }
    if (combos.length > 1000) continue;
    const found = new Set<string>();
    for (const combo of combos) for (const id of index.lookup(combo)) found.add(id);
    return byOrder(coll, [...found]);
  }
  return [...coll.entries.values()].map((e) => e.doc);
}

function byOrder(coll: Collection, ids: string[]): Doc[] {
  const entries = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const entry = coll.entries.get(id);
    if (entry) entries.push(entry);
  }
  if (entries.length > 1) entries.sort((a, b) => a.ord - b.ord);
  return entries.map((e) => e.doc);
}

/** Gathers `field -> allowed values` from top-level equalities, `$eq`, `$in` and `$and`. */
function collectEqualities(criteria: Criteria, out: Map<string, unknown[]>): void {
  for (const [key, cond] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const part of cond) collectEqualities(part, out);
      continue;
    }
    if (key.startsWith('$')) continue;
    const values = equalityValues(cond);
    if (!values) continue;
    const prior = out.get(key);
    // Two conditions on one field: keep the values both allow.
    out.set(key, prior ? values.filter((v) => prior.some((p) => sameKey(p, v))) : values);
  }
}

function equalityValues(cond: unknown): unknown[] | null {
  if (isIndexableValue(cond)) return [cond];
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond) || cond instanceof RegExp) {
    return null;
  }
  const ops = Object.keys(cond as object);
  if (ops.length !== 1) return null;
  const value = (cond as any)[ops[0]];
  if (ops[0] === '$eq' && isIndexableValue(value)) return [value];
  if (ops[0] === '$in' && Array.isArray(value) && value.every(isIndexableValue)) return value;
  return null;
}

function sameKey(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b || (a == null && b == null);
}

export interface ReadOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Record<string, any>;
}

/** Matching documents with order, offset, limit and projection applied. */
export function select(docs: Doc[], query: Query, options: ReadOptions = {}): Doc[] {
  const matched = docs.filter((d) => query.test(d));
  const hasProjection = options.projection && Object.keys(options.projection).length > 0;
  const hasOrder = options.order && Object.keys(options.order).length > 0;
  if (!hasProjection && !hasOrder) {
    const start = options.offset ?? 0;
    return options.limit === undefined
      ? matched.slice(start)
      : matched.slice(start, start + options.limit);
  }
  let cursor = find(matched, {}, hasProjection ? options.projection : undefined);
  if (hasOrder) cursor = cursor.sort(options.order as any);
  if (options.offset) cursor = cursor.skip(options.offset);
  if (options.limit !== undefined) cursor = cursor.limit(options.limit);
  return cursor.all() as Doc[];
}
