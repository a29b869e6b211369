// Conversions between the SDK's wire format (canonical EJSON strings in MongoDB operator form)
// and the plain JavaScript values the executor stores and matches against.
import { EJSON, BSONRegExp } from 'bson';

export type Doc = Record<string, any> & { _id: string };

/** Parses an EJSON string from the wire (or the log) into plain JS values. */
export function parseEJSON(text: string): any {
  return toNative(EJSON.parse(text, { relaxed: true }));
}

/** Serializes a stored value the way CloudBase replies: canonical EJSON. */
export function toWire(value: unknown): string {
  return EJSON.stringify(value as any, { relaxed: false });
}

/** Serializes a stored value compactly for the on-disk log (relaxed EJSON keeps Dates typed). */
export function toDisk(value: unknown): string {
  return EJSON.stringify(value as any, { relaxed: true });
}

/** Replaces BSON wrapper classes with the JS values mingo understands. */
export function toNative(value: any): any {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof RegExp) return value;
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((f) => 'imsu'.includes(f)).join('');
    return new RegExp(value.pattern, flags);
  }
  const bsontype = (value as { _bsontype?: string })._bsontype;
  if (bsontype === 'Int32' || bsontype === 'Double') return value.valueOf();
  if (bsontype === 'Long') return value.toNumber();
  if (bsontype === 'ObjectId' || bsontype === 'ObjectID') return value.toHexString();
  if (bsontype === 'Decimal128') return Number(value.toString());
  if (Array.isArray(value)) return value.map(toNative);
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) out[key] = toNative(value[key]);
  return out;
}

/**
 * Resolves `db.serverDate()` placeholders (`{$tcb_server_date: {offset}}`) to dates on the
 * emulator's clock, anywhere in a query, update or document.
 */
export function resolveServerDates(value: any, now: number): any {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now));
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const offset = Number(value.$tcb_server_date?.offset) || 0;
    return new Date(now + offset);
  }
  const out: Record<string, any> = {};
  for (const key of keys) out[key] = resolveServerDates(value[key], now);
  return out;
}

/** True when a parsed value still contains a server-date placeholder (so it must not be cached). */
export function hasServerDate(text: string | undefined): boolean {
  return !!text && text.includes('$tcb_server_date');
}
