// Request-count probe: makes `reads` database reads (one after another, or all at once), then
// may call another function through cloud.callFunction, then may throw. Tests compare the
// X-Cloud-Db-Requests the gateway reports with exactly these requests.
import sdk from 'wx-server-sdk';

// The SDK itself (not the shop's lib), so the probe's requests are only the ones below.
sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });
const db: any = sdk.database();

interface Event {
  reads?: number;
  parallel?: boolean;
  call?: { name: string; data?: Record<string, unknown> };
  throw?: string;
}

export async function main(event: Event) {
  const read = () => db.collection('counters').where({ _id: 'reads' }).get();
  const reads = event.reads ?? 0;
  if (event.parallel) await Promise.all(Array.from({ length: reads }, read));
  else for (let i = 0; i < reads; i++) await read();
  const called: any = event.call
    ? await sdk.callFunction({ name: event.call.name, data: event.call.data ?? {} })
    : undefined;
  if (event.throw) throw new Error(event.throw);
  return { reads, callee: called?.result ?? null };
}
