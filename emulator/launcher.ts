// Launcher: runs the local cloud as a child process (the same `node dist/emulator/cli.js`
// that `npm run cloud` starts) on a free port with its own data directory, and talks to it
// over HTTP like a client would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface CallOptions {
  openid?: string;
  unionid?: string;
}

export interface LocalCloud {
  url: string;
  /** The H5 shop's address, when started with `web: true`. */
  webUrl?: string;
  dataDir: string;
  /** Raw gateway call: status, parsed body and response headers (e.g. X-Cloud-Db-Requests). */
  request(
    method: string,
    urlPath: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** Calls a cloud function as a user and returns its result (throws on a non-200 reply). */
  call<T = any>(name: string, event?: unknown, options?: CallOptions): Promise<T>;
  advanceClock(ms: number): Promise<{ now: number; fired: any[] }>;
  /** Stops gracefully. */
  stop(): Promise<void>;
  /** Kills the process with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  output(): string;
}

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** Load the demo shop (emulator/seed) into the empty database. */
  seed?: boolean;
  /** Also serve the H5 shop (dist/h5) on a free port: runs dist/emulator/shop.js. */
  web?: boolean;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-'));
}

export async function startLocalCloud(options: StartOptions = {}): Promise<LocalCloud> {
  const dataDir = options.dataDir ?? tempDataDir();
  const entry = options.web ? 'dist/emulator/shop.js' : 'dist/emulator/cli.js';
  const child = spawn(process.execPath, [path.join(ROOT, entry)], {
    cwd: ROOT,
    env: {
      ...process.env,
      CLOUD_PORT: '0',
      WEB_PORT: '0',
      CLOUD_DATA_DIR: dataDir,
      CLOUD_FUNCTION_DIRS: 'dist/test-cloudfunctions:dist/cloudfunctions',
      CLOUD_PAY_RETRY_MS: '50',
      CLOUD_SEED: options.seed ? 'demo' : 'none',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await waitFor(child, () => output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  const webUrl = options.web
    ? await waitFor(child, () => output, /Shop ready at (http:\/\/127\.0\.0\.1:\d+)/)
    : undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const request: LocalCloud['request'] = async (method, urlPath, body, headers = {}) => {
    const res = await fetch(url + urlPath, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };

  return {
    url,
    webUrl,
    dataDir,
    request,
    async call(name, event = {}, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.openid) headers['X-WX-OPENID'] = opts.openid;
      if (opts.unionid) headers['X-WX-UNIONID'] = opts.unionid;
      const { status, body } = await request('POST', `/functions/${name}`, event, headers);
      if (status !== 200) throw new Error(`${name} answered ${status}: ${JSON.stringify(body)}`);
      return body;
    },
    async advanceClock(ms) {
      const { status, body } = await request('POST', '/_emulator/clock/advance', { ms });
      if (status !== 200) throw new Error(`advance answered ${status}`);
      return body;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    output: () => output,
  };
}

function waitFor(child: ChildProcess, output: () => string, line: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`local cloud did not start:\n${output()}`)),
      20_000,
    );
    const check = () => {
      const match = line.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    check();
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited with ${code}:\n${output()}`));
    });
  });
}

/** Polls until `probe` returns a truthy value (no fixed sleeps in tests). */
export async function eventually<T>(
  probe: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
