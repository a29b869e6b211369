// CloudBase timer trigger cron expressions: seven fields, "second minute hour day month weekday
// year", evaluated in UTC+8 (the documented trigger time zone). Weekday 0 (or SUN) is Sunday.
// Each field takes `*`, numbers, names (JAN-DEC, SUN-SAT), ranges `a-b`, lists `a,b` and steps
// `*/n`, `a/n`, `a-b/n`. When both day and weekday are restricted, either may match (as in cron).
import { CST_OFFSET_MS } from '../runtime/time-format';

const FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
    base: 1,
  },
  {
    name: 'weekday',
    min: 0,
    max: 6,
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
    base: 0,
  },
  { name: 'year', min: 1970, max: 2099 },
] as const;

export interface CronSchedule {
  sets: Set<number>[];
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 7)
    throw new Error(
      `cron "${expression}" must have 7 fields (second minute hour day month weekday year)`,
    );
  const sets = parts.map((part, i) => parseField(part, FIELDS[i]));
  return { sets, dayRestricted: parts[3] !== '*', weekdayRestricted: parts[5] !== '*' };
}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const out = new Set<number>();
  const value = (token: string): number => {
    const upper = token.toUpperCase();
    if ('names' in field) {
      const index = (field.names as readonly string[]).indexOf(upper);
      if (index !== -1) return index + field.base;
    }
    if (!/^\d+$/.test(token)) throw new Error(`bad ${field.name} value "${token}"`);
    return Number(token);
  };
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad ${field.name} step "${item}"`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [field.min, field.max];
    else if (range.includes('-')) [from, to] = range.split('-').map(value) as [number, number];
    else [from, to] = [value(range), stepText === undefined ? value(range) : field.max];
    if (from < field.min || to > field.max || from > to)
      throw new Error(`${field.name} "${item}" out of range ${field.min}-${field.max}`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/** The first fire time strictly after `afterMs` (epoch ms, whole seconds), or null before 2100. */
export function nextFire(schedule: CronSchedule, afterMs: number): number | null {
  const [seconds, minutes, hours, days, months, weekdays, years] = schedule.sets;
  // Work in a shifted epoch where UTC getters read China Standard Time.
  let t = Math.floor((afterMs + CST_OFFSET_MS) / 1000) * 1000 + 1000;
  for (let guard = 0; guard < 100_000; guard++) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    if (year > 2099) return null;
    if (!years.has(year)) {
      t = Date.UTC(year + 1, 0, 1);
      continue;
    }
    if (!months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(year, d.getUTCMonth() + 1, 1);
      continue;
    }
    if (!dayMatches(schedule, days, weekdays, d)) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!hours.has(d.getUTCHours())) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!minutes.has(d.getUTCMinutes())) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes() + 1);
      continue;
    }
    if (!seconds.has(d.getUTCSeconds())) {
      t += 1000;
      continue;
    }
    return t - CST_OFFSET_MS;
  }
  return null;
}

function dayMatches(s: CronSchedule, days: Set<number>, weekdays: Set<number>, d: Date): boolean {
  const dayOk = days.has(d.getUTCDate());
  const weekdayOk = weekdays.has(d.getUTCDay());
  if (s.dayRestricted && s.weekdayRestricted) return dayOk || weekdayOk;
  return dayOk && weekdayOk;
}

/** The latest fire time in (fromMs, toMs], or null when none is due. */
export function lastFireBetween(
  schedule: CronSchedule,
  fromMs: number,
  toMs: number,
): number | null {
  let due = nextFire(schedule, fromMs);
  if (due === null || due > toMs) return null;
  for (let i = 0; i < 10_000; i++) {
    const next = nextFire(schedule, due);
    if (next === null || next > toMs) return due;
    due = next;
  }
  return due;
}
