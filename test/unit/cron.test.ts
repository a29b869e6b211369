import { lastFireBetween, nextFire, parseCron } from '../../emulator/timers/cron';

// 2026-11-23 00:00:00 in UTC+8 is 2026-11-22T16:00:00Z (a Monday in China).
const cst = (iso: string) => Date.parse(iso + '+08:00');

describe('CloudBase cron (7 fields, UTC+8)', () => {
  it('every minute at second 0', () => {
    const s = parseCron('0 * * * * * *');
    expect(nextFire(s, cst('2026-11-23T10:15:30'))).toBe(cst('2026-11-23T10:16:00'));
    expect(nextFire(s, cst('2026-11-23T10:16:00'))).toBe(cst('2026-11-23T10:17:00'));
  });

  it('steps, ranges and lists', () => {
    expect(nextFire(parseCron('*/15 * * * * * *'), cst('2026-11-23T10:00:16'))).toBe(
      cst('2026-11-23T10:00:30'),
    );
    expect(nextFire(parseCron('0 0 9-11 * * * *'), cst('2026-11-23T11:30:00'))).toBe(
      cst('2026-11-24T09:00:00'),
    );
    expect(nextFire(parseCron('0 30 8,20 * * * *'), cst('2026-11-23T09:00:00'))).toBe(
      cst('2026-11-23T20:30:00'),
    );
  });

  it('runs in China time: 02:00 daily is 18:00 UTC the day before', () => {
    const next = nextFire(parseCron('0 0 2 * * * *'), Date.parse('2026-11-23T12:00:00Z'));
    expect(new Date(next!).toISOString()).toBe('2026-11-23T18:00:00.000Z');
  });

  it('weekday 0 and SUN are Sunday; month names work', () => {
    // 2026-11-29 is a Sunday.
    expect(nextFire(parseCron('0 0 9 * * 0 *'), cst('2026-11-23T00:00:00'))).toBe(
      cst('2026-11-29T09:00:00'),
    );
    expect(nextFire(parseCron('0 0 9 * * SUN *'), cst('2026-11-23T00:00:00'))).toBe(
      cst('2026-11-29T09:00:00'),
    );
    expect(nextFire(parseCron('0 0 0 1 JAN * *'), cst('2026-11-23T00:00:00'))).toBe(
      cst('2027-01-01T00:00:00'),
    );
  });

  it('day and weekday both restricted: either matches', () => {
    // The 1st of the month or a Friday: the next is Friday 2026-11-27.
    expect(nextFire(parseCron('0 0 0 1 * FRI *'), cst('2026-11-23T00:00:00'))).toBe(
      cst('2026-11-27T00:00:00'),
    );
  });

  it('year field ends the schedule', () => {
    expect(nextFire(parseCron('0 0 0 1 1 * 2026'), cst('2026-11-23T00:00:00'))).toBeNull();
  });

  it('rejects malformed expressions', () => {
    expect(() => parseCron('0 * * * *')).toThrow(/7 fields/);
    expect(() => parseCron('61 * * * * * *')).toThrow(/out of range/);
    expect(() => parseCron('*/0 * * * * * *')).toThrow(/step/);
    expect(() => parseCron('0 * * * * FUNDAY *')).toThrow(/bad weekday/);
  });

  it('lastFireBetween gives the latest due time, or null', () => {
    const s = parseCron('0 * * * * * *');
    expect(lastFireBetween(s, cst('2026-11-23T10:00:30'), cst('2026-11-23T10:05:10'))).toBe(
      cst('2026-11-23T10:05:00'),
    );
    expect(lastFireBetween(s, cst('2026-11-23T10:00:01'), cst('2026-11-23T10:00:59'))).toBeNull();
  });
});
