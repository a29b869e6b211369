// Times as staff type and read them: China time, minutes, e.g. 2026-11-25 10:00.
const HOUR = 3_600_000;

export const showTime = (at: number) =>
  new Date(at + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

/** NaN when the text does not read as a time. */
export const readTime = (text: string) => Date.parse(`${text.trim().replace(' ', 'T')}:00+08:00`);
