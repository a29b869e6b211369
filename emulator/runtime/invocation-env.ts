// Per-invocation environment variables.
//
// wx-server-sdk's getWXContext() reads the caller's identity from process.env (WX_OPENID,
// WX_UNIONID, ...), never from the event. Production runs one invocation per container at a time;
// here many run at once in one process, so process.env is replaced by a view that, inside an
// invocation, shows that invocation's own variables over the real ones.
import { AsyncLocalStorage } from 'node:async_hooks';

type Vars = Record<string, string | undefined>;

const storage = new AsyncLocalStorage<Vars>();
let installed = false;

export function installInvocationEnv(): void {
  if (installed) return;
  installed = true;
  const real = process.env;
  const own = (vars: Vars | undefined, key: string | symbol) =>
    vars !== undefined &&
    typeof key === 'string' &&
    Object.prototype.hasOwnProperty.call(vars, key);
  process.env = new Proxy(real, {
    get(target, key) {
      const vars = storage.getStore();
      return own(vars, key) ? vars![key as string] : Reflect.get(target, key);
    },
    set(target, key, value) {
      const vars = storage.getStore();
      if (vars && typeof key === 'string') vars[key] = String(value);
      else Reflect.set(target, key, value);
      return true;
    },
    has(target, key) {
      const vars = storage.getStore();
      return own(vars, key) ? vars![key as string] !== undefined : Reflect.has(target, key);
    },
    deleteProperty(target, key) {
      const vars = storage.getStore();
      if (vars && typeof key === 'string') vars[key] = undefined;
      else Reflect.deleteProperty(target, key);
      return true;
    },
    ownKeys(target) {
      const vars = storage.getStore();
      const keys = new Set(Reflect.ownKeys(target));
      for (const [k, v] of Object.entries(vars ?? {})) {
        if (v === undefined) keys.delete(k);
        else keys.add(k);
      }
      return [...keys];
    },
    getOwnPropertyDescriptor(target, key) {
      const vars = storage.getStore();
      if (own(vars, key)) {
        const value = vars![key as string];
        return value === undefined
          ? undefined
          : { value, writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** Runs `fn` with `vars` layered over process.env (undefined hides a variable). */
export function withInvocationEnv<T>(vars: Vars, fn: () => T): T {
  return storage.run({ ...vars }, fn);
}

/** The variables of the invocation this code runs in, if any. */
export function currentInvocationEnv(): Vars | undefined {
  return storage.getStore();
}
