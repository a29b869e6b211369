// Turns a map of actions into a cloud function's main(): the event is { action, ...input }.
// Each action declares its input schema (checked before anything is read or written) and, for
// staff actions, the roles allowed. Identity comes from the cloud context, never the event.
// Results are { ok: true, data } or { ok: false, code, message } with a Chinese message.
import type { ZodType, ZodTypeDef } from 'zod';
import { ZodError } from 'zod';
import { AppError, err, ok, type Result } from '../../../domain/result';
import type { Staff, StaffRole } from '../../../domain/model';
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

export interface Action<In, Out> {
  input: ZodType<In, ZodTypeDef, unknown>;
  /** Only staff with one of these roles may call it. */
  staff?: StaffRole[];
  run(input: In, ctx: Context): Promise<Out>;
}

export function action<In, Out>(definition: Action<In, Out>): Action<any, Out> {
  return definition;
}

export function createHandler(actions: Record<string, Action<any, unknown>>) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    const { action: name, ...raw } = (event && typeof event === 'object' ? event : {}) as Record<
      string,
      unknown
    >;
    const definition =
      typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name)
        ? actions[name]
        : null;
    if (!definition) return err('UNKNOWN_ACTION', `不支持的操作：${String(name)}`);
    try {
      // The mini-program adds userInfo to every event; identity is read from the context instead.
      delete raw.userInfo;
      const parsed = definition.input.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      const { OPENID, UNIONID } = cloud.getWXContext();
      if (!OPENID) return err('NOT_LOGGED_IN');
      let staff: Staff | null = null;
      if (definition.staff) {
        staff = await findById<Staff>('staff', OPENID);
        if (!staff || !definition.staff.includes(staff.role)) return err('FORBIDDEN');
      }
      const data = await definition.run(parsed.data, {
        openid: OPENID,
        unionid: UNIONID,
        now: now(),
        staff,
      });
      return ok(data);
    } catch (e) {
      if (e instanceof AppError) return err(e.code, e.message, e.details);
      if (e instanceof ZodError) return invalidInput(e);
      console.error(`action ${String(name)} failed`, e);
      return err('INTERNAL');
    }
  };
}

function invalidInput(error: ZodError) {
  const fields = error.issues.map((i) => i.path.join('.') || '(event)');
  return err(
    'INVALID_INPUT',
    `请求参数有误：${[...new Set(fields)].join('、')}`,
    error.issues.map((i) => ({ path: i.path, message: i.message })),
  );
}
