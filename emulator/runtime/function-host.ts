// Loads built cloud functions (dist/cloudfunctions/<name>/index.js) and invokes them the way
// CloudBase does: main(event, context), with the caller's identity in the environment that
// cloud.getWXContext() reads. Each function gets its own wx-server-sdk module instance, as each
// has its own container in production (so one function's cloud.init() does not leak into another).
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { withInvocationEnv } from './invocation-env';
import { RequestCounter, withRequestCounter } from './request-counter';

export interface Caller {
  openid?: string;
  unionid?: string;
  /** getWXContext().SOURCE, e.g. 'wx_client' for a mini-program call. */
  source?: string;
  clientIp?: string;
}

export interface TriggerConfig {
  name: string;
  type: string;
  config: string;
}

export interface FunctionConfig {
  triggers?: TriggerConfig[];
  timeout?: number;
  /**
   * The path the HTTP access service routes to this function (configured in the CloudBase
   * console in production; here read from config.json as `httpAccess.path`).
   */
  httpAccess?: { path: string };
}

interface Loaded {
  main: (event: unknown, context: unknown) => unknown;
}

const NAME = /^[A-Za-z0-9_-]{1,60}$/;
const CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6';

export class FunctionHost {
  private readonly loaded = new Map<string, Loaded>();
  private readonly located = new Map<string, string>();
  private readonly configs = new Map<string, FunctionConfig>();

  constructor(
    private readonly dirs: string[],
    private readonly settings: {
      appid: string;
      envId: string;
      /** Environment variables every function sees (what the console sets per function). */
      variables?: Record<string, string>;
    },
  ) {}

  /** Every function found in the function directories (first directory wins on a clash). */
  names(): string[] {
    const names = new Set<string>();
    for (const dir of this.dirs) {
      if (!fs.existsSync(dir)) continue;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (
          entry.isDirectory() &&
          NAME.test(entry.name) &&
          fs.existsSync(path.join(dir, entry.name, 'index.js'))
        ) {
          names.add(entry.name);
        }
      }
    }
    return [...names].sort();
  }

  has(name: string): boolean {
    return this.locate(name) !== null;
  }

  config(name: string): FunctionConfig {
    const cached = this.configs.get(name);
    if (cached) return cached;
    const dir = this.locate(name);
    const file = dir && path.join(dir, 'config.json');
    const config =
      file && fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig)
        : {};
    if (dir) this.configs.set(name, config);
    return config;
  }

  /**
   * Runs a function; rejects with the function's own error if it throws. Its database requests
   * are added to `counter`: a fresh one by default, the caller's for a function-to-function call.
   */
  async invoke(
    name: string,
    event: unknown,
    caller: Caller = {},
    counter: RequestCounter = new RequestCounter(),
  ): Promise<unknown> {
    const fn = this.load(name);
    const requestId = randomUUID();
    const env = {
      ...this.settings.variables,
      WX_CONTEXT_KEYS: CONTEXT_KEYS,
      WX_APPID: this.settings.appid,
      WX_OPENID: caller.openid,
      WX_UNIONID: caller.unionid,
      WX_CLIENTIP: caller.clientIp,
      TCB_SOURCE: caller.source,
      SCF_FUNCTIONNAME: name,
    };
    const timeoutSeconds = this.config(name).timeout ?? 3;
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutSeconds * 1000,
      request_id: requestId,
      environ: '',
      function_version: '$LATEST',
      function_name: name,
      namespace: this.settings.envId,
    };
    return withRequestCounter(counter, () =>
      withInvocationEnv(env, () => Promise.resolve().then(() => fn.main(event, context))),
    );
  }

  /** The function the HTTP access service routes `urlPath` to (its path is a prefix), if any. */
  httpRoute(urlPath: string): { name: string; base: string } | null {
    for (const name of this.names()) {
      const base = this.config(name).httpAccess?.path?.replace(/\/+$/, '');
      if (base && (urlPath === base || urlPath.startsWith(`${base}/`))) return { name, base };
    }
    return null;
  }

  /** The directory of a function; found once, like a deployed function's code. */
  private locate(name: string): string | null {
    if (!NAME.test(name)) return null;
    const known = this.located.get(name);
    if (known) return known;
    for (const dir of this.dirs) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(path.join(candidate, 'index.js'))) {
        this.located.set(name, candidate);
        return candidate;
      }
    }
    return null;
  }

  private load(name: string): Loaded {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    const dir = this.locate(name);
    if (!dir) throw new Error(`function ${name} not found`);
    // A fresh wx-server-sdk for this function; the patched layers below it are shared.
    delete require.cache[require.resolve('wx-server-sdk')];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading a built function by path
    const mod = require(path.resolve(dir, 'index.js'));
    const main = mod.main ?? mod.default?.main;
    if (typeof main !== 'function') throw new Error(`function ${name} does not export main`);
    const loaded = { main };
    this.loaded.set(name, loaded);
    return loaded;
  }
}
