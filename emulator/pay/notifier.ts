// Delivers pay and refund notices to the callback function named in the request, retrying with
// back-off until it answers {errcode: 0}, as WeChat Pay does (it gives up after 15 notices).
// Pending notices are stored, so a restarted emulator resumes delivering them.
//
// Each delivery is an invocation of its own, with its own database request count (never the
// count of whatever caused it: a refund requested inside a function is not that function's cost).
import { newId } from '../database/executor';
import type { Store } from '../database/store';
import type { FunctionHost } from '../runtime/function-host';
import { RequestCounter } from '../runtime/request-counter';
import { Table } from '../state/table';

export interface Notice {
  _id: string;
  kind: 'pay' | 'refund';
  functionName: string;
  event: Record<string, unknown>;
  attempts: number;
  acknowledged: boolean;
  lastError?: string;
  createdAt: number;
  /** Not sent yet (a test holds it back to open the paid-but-not-notified window). */
  heldBack?: boolean;
}

export interface NotifierOptions {
  /** Delay before the first retry; doubles per attempt up to maxDelayMs. */
  retryBaseMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  now: () => number;
}

export class Notifier {
  private readonly notices: Table<Notice>;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    store: Store,
    private readonly functions: FunctionHost,
    private readonly options: NotifierOptions,
  ) {
    this.notices = new Table(store, 'pay_notices');
  }

  /**
   * Stores a notice and makes the first delivery attempt (unless `deliver` is false: held back).
   * That attempt's database requests are counted in `counter` (for the pay confirmation to report).
   */
  async send(
    kind: Notice['kind'],
    functionName: string,
    event: Record<string, unknown>,
    deliver = true,
    counter = new RequestCounter(),
  ): Promise<Notice> {
    const notice = this.notices.put({
      _id: newId(),
      kind,
      functionName,
      event,
      attempts: 0,
      acknowledged: false,
      createdAt: this.options.now(),
      ...(deliver ? {} : { heldBack: true }),
    });
    return deliver ? this.attempt(notice._id, counter) : notice;
  }

  /** Delivers the held-back notices matching the filter (a slow notice finally arriving). */
  async deliverHeld(match: (n: Notice) => boolean): Promise<Notice[]> {
    const out: Notice[] = [];
    for (const n of this.notices.where((x) => !!x.heldBack && match(x))) {
      this.notices.put({ ...n, heldBack: false });
      out.push(await this.attempt(n._id));
    }
    return out;
  }

  /** Picks up notices a previous run left unacknowledged. */
  resume(): void {
    for (const n of this.notices.where(
      (x) => !x.acknowledged && !x.heldBack && x.attempts < this.options.maxAttempts,
    )) {
      this.schedule(n._id, 0);
    }
  }

  list(filter: { kind?: string; functionName?: string } = {}): Notice[] {
    return this.notices.where(
      (n) =>
        (!filter.kind || n.kind === filter.kind) &&
        (!filter.functionName || n.functionName === filter.functionName),
    );
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async attempt(id: string, counter = new RequestCounter()): Promise<Notice> {
    const notice = this.notices.get(id)!;
    let acknowledged = false;
    let lastError: string | undefined;
    try {
      const reply = (await this.functions.invoke(
        notice.functionName,
        notice.event,
        { source: 'wx_paycallback' },
        counter,
      )) as any;
      acknowledged = !!reply && reply.errcode === 0;
      if (!acknowledged) lastError = `callback answered ${JSON.stringify(reply ?? null)}`;
    } catch (e) {
      lastError = (e as Error).message;
    }
    const current = this.notices.get(id)!;
    const next = this.notices.put({
      ...current,
      attempts: current.attempts + 1,
      acknowledged,
      lastError,
    });
    if (!acknowledged && next.attempts < this.options.maxAttempts) {
      const delay = Math.min(
        this.options.retryBaseMs * 2 ** (next.attempts - 1),
        this.options.maxDelayMs,
      );
      this.schedule(id, delay);
    }
    return next;
  }

  private schedule(id: string, delay: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) void this.attempt(id);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }
}
