// Turns a function's part of the API contract (domain/api/contract.ts) into its main(): the event
// is { action, ...input }. Each action's input is checked by the contract's schema before anything
// is read or written, and staff actions by the contract's roles. Identity comes from the cloud
// context, never the event. Results are { ok: true, data } or { ok: false, code, message } with a
// Chinese message.
import { ZodError } from 'zod';
import {
  API,
  type ActionName,
  type ActionSpec,
  type FunctionName,
  type OutputOf,
  type ParsedInputOf,
} from '../../../domain/api/contract';
import { AppError, ERROR_MESSAGES, err, ok, type Result } from '../../../domain/result';
import type { Staff } from '../../../domain/model';
import { cloud } from './cloud';
import { now } from './clock';
import { findById } from './db';

export interface Context {
  /** The caller's OPENID (always set: actions without a user are refused before they run). */
  openid: string;
  unionid?: string;
  now: number;
  /** The caller's staff record, for actions that declare staff roles. */
  staff: Staff | null;
}

/** The function's actions, each typed by the contract. */
export type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: (input: ParsedInputOf<F, A>, ctx: Context) => Promise<OutputOf<F, A>>;
};

/** Who is calling: the cloud context's user, or (admin over HTTP) a verified staff session. */
export type Identity = { openid?: string; unionid?: string };

/** The caller as WeChat says: the cloud context (never the event). */
const wechatIdentity = (): Identity => {
  const { OPENID, UNIONID } = cloud.getWXContext();
  return { openid: OPENID, unionid: UNIONID };
};

export function createHandler<F extends FunctionName>(
  fn: F,
  handlers: Handlers<F>,
  identify: () => Identity = wechatIdentity,
) {
  const specs = API[fn] as unknown as Record<string, ActionSpec>;
  return async function main(event: unknown): Promise<Result<unknown>> {
    const { action: name, ...raw } = (
      event && typeof event === 'object' && !Array.isArray(event) ? event : {}
    ) as Record<string, unknown>;
    const known = typeof name === 'string' && Object.prototype.hasOwnProperty.call(specs, name);
    if (!known) return err('UNKNOWN_ACTION', `不支持的操作：${describe(name)}`);
    const spec = specs[name as string];
    const run = handlers[name as ActionName<F>] as (
      input: unknown,
      ctx: Context,
    ) => Promise<unknown>;
    try {
      // The mini-program adds userInfo to every event; identity is read from the context instead.
      delete raw.userInfo;
      const parsed = spec.input.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      const { openid: OPENID, unionid: UNIONID } = identify();
      if (!OPENID) return err('NOT_LOGGED_IN');
      let staff: Staff | null = null;
      if (spec.staff) {
        staff = await findById<Staff>('staff', OPENID);
        if (!staff || !spec.staff.includes(staff.role)) return err('FORBIDDEN');
      }
      return ok(await run(parsed.data, { openid: OPENID, unionid: UNIONID, now: now(), staff }));
    } catch (e) {
      if (e instanceof AppError) return err(e.code, e.message, e.details);
      if (e instanceof ZodError) return invalidInput(e);
      console.error(`action ${fn}.${String(name)} failed`, e);
      return err('INTERNAL');
    }
  };
}

/** The action as text for the error: a hostile value (no toString, deeply nested) is only named. */
function describe(name: unknown): string {
  if (typeof name === 'string') return name.slice(0, 40);
  if (name === undefined) return '（未指定）';
  return `（${Array.isArray(name) ? 'array' : typeof name}）`;
}

/**
 * Bad input: the shopper reads a sentence for people (a schema's own Chinese message, or a
 * general one), never field names; the fields go to the log and the details.
 */
function invalidInput(error: ZodError) {
  const fields = [...new Set(error.issues.map((i) => i.path.join('.') || '(event)'))];
  console.warn('invalid input:', fields.join(', '));
  const forPeople = error.issues.map((i) => i.message).find((m) => /[\u4e00-\u9fff]/.test(m));
  return err(
    'INVALID_INPUT',
    forPeople ?? ERROR_MESSAGES.INVALID_INPUT,
    error.issues.map((i) => ({ path: i.path, message: i.message })),
  );
}
