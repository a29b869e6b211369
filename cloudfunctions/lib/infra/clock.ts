// The one source of "now" for cloud functions, in epoch milliseconds.
//
// In production this is Date.now(). The local cloud lets tests move time forward by setting
// CLOUD_CLOCK_OFFSET_MS in the functions' environment; nothing else differs. Read time only
// through this function and pass `now` into domain code.
export function now(): number {
  return Date.now() + (Number(process.env.CLOUD_CLOCK_OFFSET_MS) || 0);
}
