// Fires timer triggers from each function's config.json on the emulator's clock: a real-time
// tick catches schedules as time passes, and moving the clock forward fires whatever became due
// (waiting for those invocations). A trigger due several times within one jump fires once, with
// the latest due time, so a long jump does not replay thousands of runs.
import type { FunctionHost } from '../runtime/function-host';
import type { Clock } from '../runtime/clock';
import { lastFireBetween, parseCron, type CronSchedule } from './cron';

interface Trigger {
  functionName: string;
  name: string;
  schedule: CronSchedule;
  config: string;
  checkedUntil: number;
}

export interface Firing {
  functionName: string;
  trigger: string;
  time: string;
  ok: boolean;
  error?: string;
}

export class TimerScheduler {
  private triggers: Trigger[] = [];
  private interval: NodeJS.Timeout | null = null;
  readonly history: Firing[] = [];

  constructor(
    private readonly functions: FunctionHost,
    private readonly clock: Clock,
  ) {}

  start(tickMs = 1000): void {
    this.reload();
    this.interval = setInterval(() => void this.fireDue(this.clock.now()), tickMs);
    this.interval.unref();
  }

  /** Reads triggers from the functions' config.json files. */
  reload(): void {
    const now = this.clock.now();
    this.triggers = [];
    for (const functionName of this.functions.names()) {
      for (const t of this.functions.config(functionName).triggers ?? []) {
        if (t.type !== 'timer') continue;
        this.triggers.push({
          functionName,
          name: t.name,
          config: t.config,
          schedule: parseCron(t.config),
          checkedUntil: now,
        });
      }
    }
  }

  list(): { functionName: string; name: string; config: string }[] {
    return this.triggers.map(({ functionName, name, config }) => ({ functionName, name, config }));
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }

  /** Fires every trigger due up to `to` and waits for the invocations. */
  async fireDue(to: number): Promise<Firing[]> {
    const runs: Promise<Firing>[] = [];
    for (const trigger of this.triggers) {
      const from = trigger.checkedUntil;
      if (to <= from) continue;
      trigger.checkedUntil = to; // claimed before awaiting, so a tick and a jump never both fire it
      const due = lastFireBetween(trigger.schedule, from, to);
      if (due !== null) runs.push(this.fire(trigger, due));
    }
    return Promise.all(runs);
  }

  private async fire(trigger: Trigger, due: number): Promise<Firing> {
    const time = new Date(due).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const event = { Type: 'Timer', TriggerName: trigger.name, Time: time, Message: '' };
    const firing: Firing = {
      functionName: trigger.functionName,
      trigger: trigger.name,
      time,
      ok: true,
    };
    try {
      await this.functions.invoke(trigger.functionName, event, {});
    } catch (e) {
      firing.ok = false;
      firing.error = (e as Error).message;
      console.error(
        `[cloud] timer ${trigger.functionName}/${trigger.name} failed: ${firing.error}`,
      );
    }
    this.history.push(firing);
    if (this.history.length > 1000) this.history.shift();
    return firing;
  }
}
