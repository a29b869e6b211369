// WeChat Pay and timer triggers speak China Standard Time (UTC+8, no daylight saving).
const CST_OFFSET_MS = 8 * 3600 * 1000;

function parts(ms: number) {
  const d = new Date(ms + CST_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    date: `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`,
    time: `${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`,
    d,
    p,
  };
}

/** `yyyyMMddHHmmss` in UTC+8, as in pay notices' timeEnd. */
export function compactCst(ms: number): string {
  const { date, time } = parts(ms);
  return date + time;
}

/** `yyyy-MM-dd HH:mm:ss` in UTC+8, as in refund notices' successTime. */
export function readableCst(ms: number): string {
  const { d, p } = parts(ms);
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export { CST_OFFSET_MS };
