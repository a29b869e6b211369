// Applying CloudBase update data (MongoDB update operators) to a stored document.
import { update } from 'mingo';
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
    // The query is only needed to resolve positional `field.$` paths; compiling it costs time.
    const condition = usesPositional(data) ? criteria : {};
    changed = update(next, normalize(data), [], condition, { cloneMode: 'deep' });
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
