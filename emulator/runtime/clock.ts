// The emulator's clock: real time plus an offset that tests move forward.
//
// Cloud functions read time through cloudfunctions/lib/clock.ts, which adds the offset found in
// the environment variable CLOUD_CLOCK_OFFSET_MS (unset in production). The database uses the
// same clock for db.serverDate(), and timer triggers fire by it.
export const CLOCK_OFFSET_VAR = 'CLOUD_CLOCK_OFFSET_MS';

export class Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** Moves time forward by `ms`; returns the new now. */
  moveForward(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('the clock only moves forward (ms >= 0)');
    this.offset += ms;
    process.env[CLOCK_OFFSET_VAR] = String(this.offset);
    return this.now();
  }
}
