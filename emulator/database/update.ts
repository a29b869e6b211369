// Applying CloudBase update data (MongoDB update operators) to a stored document.
import { Query, update } from 'mingo';
import { requestFailed } from './errors';
import { toDisk, type Doc } from './values';

/** Returns the updated copy, or the same object when nothing changed. Never mutates `doc`. */
export function applyUpdate(
  doc: Doc,
  data: Record<string, any>,
  criteria: Record<string, any>,
): Doc {
  const next = structuredClone(doc);
  let changed: string[];
  try {
    // Positional `field.$` paths are resolved here, to the first element the query matched (as
    // MongoDB does): mingo refuses two of them on the same array ("would create a conflict").
    const modifier = usesPositional(data)
      ? resolvePositional(normalize(data), criteria, doc)
      : normalize(data);
    changed = update(next, modifier, [], {}, { cloneMode: 'deep' });
  } catch (e) {
    throw requestFailed(`[InvalidParameter] ${(e as Error).message}`);
  }
  return changed.length ? next : doc;
}

/** A replacement (`set`): the new document keeps the old `_id`. */
export function replaceDocument(id: string, data: Record<string, any>): Doc {
  if (hasOperatorKey(data))
    throw requestFailed('[InvalidParameter] replacement document cannot contain update operators');
  return { ...structuredClone(data), _id: id };
}

/** Documents created by an upsert take the equality fields of the query they matched. */
export function seedFromQuery(id: string, criteria: Record<string, any>): Doc {
  const doc: Record<string, any> = {};
  for (const [key, value] of Object.entries(criteria)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (value === null || typeof value !== 'object' || value instanceof Date) doc[key] = value;
  }
  return { ...doc, _id: id };
}

function usesPositional(data: Record<string, any>): boolean {
  return Object.values(data).some(
    (fields) =>
      fields &&
      typeof fields === 'object' &&
      Object.keys(fields).some((path) => /\.\$(\.|$)/.test(path)),
  );
}

/**
 * Rewrites `arr.$.x` to `arr.<i>.x`, i being the first element of `arr` the query's conditions on
 * it match (`arr: {$elemMatch}` or `arr.field` conditions). No such element: MongoDB's error.
 */
function resolvePositional(
  modifier: Record<string, any>,
  criteria: Record<string, any>,
  doc: Doc,
): Record<string, any> {
  const resolved: Record<string, any> = {};
  for (const [op, fields] of Object.entries(modifier)) {
    if (!fields || typeof fields !== 'object') {
      resolved[op] = fields;
      continue;
    }
    resolved[op] = Object.fromEntries(
      Object.entries(fields).map(([path, value]) => {
        const m = /^(.*?)\.\$(\.|$)/.exec(path);
        if (!m) return [path, value];
        const index = matchedIndex(m[1], criteria, doc);
        return [path.replace(`${m[1]}.$`, `${m[1]}.${index}`), value];
      }),
    );
  }
  return resolved;
}

function matchedIndex(array: string, criteria: Record<string, any>, doc: Doc): number {
  const conditions = flattenAnd(criteria);
  const elementQuery: Record<string, any> = {};
  for (const [key, cond] of Object.entries(conditions)) {
    if (key === array && cond && typeof cond === 'object' && '$elemMatch' in cond)
      Object.assign(elementQuery, cond.$elemMatch);
    else if (key.startsWith(`${array}.`)) elementQuery[key.slice(array.length + 1)] = cond;
  }
  const items = array.split('.').reduce<any>((v, k) => v?.[k], doc);
  const query = new Query(elementQuery);
  const index = Array.isArray(items) ? items.findIndex((item) => query.test(item)) : -1;
  if (index < 0)
    throw new Error('The positional operator did not find the match needed from the query.');
  return index;
}

/** The query's conditions as one object (top-level `$and` lists merged in). */
function flattenAnd(criteria: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(value)) Object.assign(out, ...value.map(flattenAnd));
    else out[key] = value;
  }
  return out;
}

function hasOperatorKey(data: Record<string, any>): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'));
}

function normalize(data: Record<string, any>): Record<string, any> {
  const modifier: Record<string, any> = hasOperatorKey(data) ? { ...data } : { $set: data };
  // mingo keeps duplicates of `$addToSet: {$each}` when it creates the array; MongoDB does not.
  if (modifier.$addToSet) {
    const addToSet: Record<string, any> = {};
    for (const [field, value] of Object.entries(modifier.$addToSet as Record<string, any>)) {
      if (value && typeof value === 'object' && Array.isArray(value.$each)) {
        const seen = new Set<string>();
        addToSet[field] = {
          ...value,
          $each: value.$each.filter((v: unknown) => !seen.has(toDisk(v)) && seen.add(toDisk(v))),
        };
      } else addToSet[field] = value;
    }
    modifier.$addToSet = addToSet;
  }
  return modifier;
}
