// Conformance probe: runs a list of wx-server-sdk database call chains described in JSON and
// returns each result (or the SDK's error) so tests can check shapes and semantics exactly.
//
// A step is { collection?, calls: [[method, ...args], ...] }: the calls are chained on
// db.collection(collection) (or on db itself without a collection). Arguments may contain
//   {$cmd: 'gte', args: [...], chain?: [[method, ...args]]}  -> db.command.gte(...).method(...)
//   {$cmd: 'aggregate.sum', args: [...]}                     -> db.command.aggregate.sum(...)
//   {$serverDate: {offset}}  {$regexp: {regexp, options}}    {$date: epochMs}
// Dates in results come back as {$date: iso} so tests can tell them from strings.
import sdk from 'wx-server-sdk';

// The SDK with its default settings (the shop's lib/cloud.ts changes throwOnNotFound).
sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });
const db: any = sdk.database();
const _ = db.command;

type Call = [string, ...unknown[]];

function decode(value: any): any {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  if ('$cmd' in value) {
    const path: string[] = String(value.$cmd).split('.');
    let owner: any = _;
    for (const part of path.slice(0, -1)) owner = owner[part];
    let cmd = owner[path[path.length - 1]](...(value.args ?? []).map(decode));
    for (const [method, ...args] of (value.chain ?? []) as Call[])
      cmd = cmd[method](...args.map(decode));
    return cmd;
  }
  if ('$serverDate' in value) return db.serverDate(value.$serverDate);
  if ('$regexp' in value) return db.RegExp(value.$regexp);
  if ('$date' in value) return new Date(value.$date);
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(value)) out[k] = decode(v);
  return out;
}

function encode(value: any): any {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(value)) out[k] = encode(v);
  return out;
}

export async function main(event: { steps: { collection?: string; calls: Call[] }[] }) {
  const results = [];
  for (const step of event.steps) {
    try {
      let target: any = step.collection === undefined ? db : db.collection(step.collection);
      for (const [method, ...args] of step.calls) target = target[method](...args.map(decode));
      results.push({ ok: true, value: encode(await target) });
    } catch (e: any) {
      results.push({ ok: false, error: { errCode: e?.errCode, errMsg: e?.errMsg ?? e?.message } });
    }
  }
  return results;
}
