// The local cloud, assembled: database, function host, cloudPay sandbox, openapi recorder, cloud
// storage, timer triggers and the HTTP gateway, all in one process with the real wx-server-sdk.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { DatabaseExecutor, type Latency } from './database/executor';
import { Store } from './database/store';
import type { IndexSpec } from './database/indexes';
import { createGateway } from './gateway';
import { OpenApiRecorder } from './openapi/recorder';
import { Notifier } from './pay/notifier';
import { PaySandbox } from './pay/sandbox';
import { FileStorage } from './storage/file-storage';
import { Clock } from './runtime/clock';
import { FunctionHost } from './runtime/function-host';
import { installInvocationEnv } from './runtime/invocation-env';
import { installSdkHooks } from './sdk/hooks';
import { TimerScheduler, type Firing } from './timers/scheduler';

export interface CloudOptions {
  /** Where the database and the emulator's records live. */
  dataDir: string;
  /** Directories of built functions (each holds <name>/index.js and maybe collections.json). */
  functionDirs: string[];
  /** 0 picks a free port. */
  port: number;
  appid?: string;
  envId?: string;
  /** First pay-notice retry delay; doubles per attempt. */
  payRetryBaseMs?: number;
  payMaxAttempts?: number;
  /** Prefix of the URL a generated wxacode encodes (the H5 shop's page base). */
  qrBaseUrl?: string;
  maxBodyBytes?: number;
  /**
   * Milliseconds every database request waits before it runs (CloudBase's round trip); 0: none.
   * [min, max]: each request's wait drawn from the range.
   */
  dbLatencyMs?: Latency;
  /** Documents to load into collections that are empty on start (demo data). */
  seed?: Record<string, { _id: string }[]>;
  /** ADMIN_SESSION_SECRET for the functions (default: random per start). */
  adminSessionSecret?: string;
  /** Files to put in cloud storage where missing on start (demo pictures), by cloud path. */
  seedFiles?: Record<string, Buffer>;
}

export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
}

export class Cloud {
  readonly clock = new Clock();
  readonly store: Store;
  readonly stateStore: Store;
  readonly database: DatabaseExecutor;
  readonly functions: FunctionHost;
  readonly notifier: Notifier;
  readonly pay: PaySandbox;
  readonly openapi: OpenApiRecorder;
  readonly storage: FileStorage;
  readonly scheduler: TimerScheduler;
  private server: http.Server | null = null;
  url = '';

  /** What a generated wxacode's URL starts with (the H5 shop's address, once it is known). */
  qrBaseUrl: string;

  constructor(readonly options: CloudOptions) {
    this.qrBaseUrl = options.qrBaseUrl ?? 'http://127.0.0.1:8686/#/';
    const appid = options.appid ?? 'wx0000000000000000';
    const envId = options.envId ?? 'local';
    process.env.TCB_ENV = envId;
    process.env.SCF_NAMESPACE = envId;
    installInvocationEnv();

    this.store = new Store(path.join(options.dataDir, 'database'));
    this.stateStore = new Store(path.join(options.dataDir, 'emulator'));
    this.database = new DatabaseExecutor(
      this.store,
      () => this.clock.now(),
      options.dbLatencyMs ?? 0,
    );
    this.functions = new FunctionHost(options.functionDirs, {
      appid,
      envId,
      // The staff session secret (set per function in production); a new one per local cloud.
      variables: {
        ADMIN_SESSION_SECRET: options.adminSessionSecret ?? randomBytes(24).toString('hex'),
      },
    });
    this.notifier = new Notifier(this.stateStore, this.functions, {
      retryBaseMs: options.payRetryBaseMs ?? 1000,
      maxDelayMs: 60_000,
      maxAttempts: options.payMaxAttempts ?? 15,
      now: () => this.clock.now(),
    });
    this.pay = new PaySandbox(this.stateStore, this.notifier, {
      appid,
      now: () => this.clock.now(),
    });
    this.openapi = new OpenApiRecorder(this.stateStore, {
      now: () => this.clock.now(),
      qrBaseUrl: () => this.qrBaseUrl,
    });
    this.storage = new FileStorage(options.dataDir, envId, () => this.url);
    this.scheduler = new TimerScheduler(this.functions, this.clock);
    installSdkHooks({
      database: this.database,
      functions: this.functions,
      openapi: this.openapi,
      pay: this.pay,
      storage: this.storage,
    });
    this.declareCollections();
    if (options.seed) this.loadSeed(options.seed);
    for (const [cloudPath, content] of Object.entries(options.seedFiles ?? {}))
      if (!this.storage.exists(cloudPath)) this.storage.put(cloudPath, content);
  }

  async start(): Promise<string> {
    this.server = createGateway(this, this.options.maxBodyBytes);
    await new Promise<void>((resolve) =>
      this.server!.listen(this.options.port, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.scheduler.start();
    this.notifier.resume();
    return this.url;
  }

  /** Moves the clock forward and runs the timer triggers that became due. */
  async advanceClock(ms: number): Promise<{ now: number; fired: Firing[] }> {
    const now = this.clock.moveForward(ms);
    const fired = await this.scheduler.fireDue(now);
    return { now, fired };
  }

  async close(): Promise<void> {
    this.scheduler.stop();
    this.notifier.close();
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise((resolve) => this.server!.close(resolve));
    }
    this.store.close();
    this.stateStore.close();
  }

  /** Fills empty collections with seed documents, so a first start has a shop to browse. */
  private loadSeed(seed: Record<string, { _id: string }[]>): void {
    for (const [name, docs] of Object.entries(seed)) {
      if (!this.store.hasCollection(name)) this.store.createCollection(name);
      if (this.store.collection(name)!.entries.size > 0) continue;
      this.store.write(docs.map((doc) => ({ coll: name, id: doc._id, doc: structuredClone(doc) })));
    }
  }

  /**
   * Creates the collections the functions declare (collections.json, written by the build from
   * cloudfunctions/lib/collections.ts) and their indexes: the local twin of creating them in the
   * CloudBase console before deploying.
   */
  private declareCollections(): void {
    for (const dir of this.options.functionDirs) {
      const file = path.join(dir, 'collections.json');
      if (!fs.existsSync(file)) continue;
      const specs = JSON.parse(fs.readFileSync(file, 'utf8')) as CollectionSpec[];
      for (const spec of specs) {
        if (!this.store.hasCollection(spec.name)) this.store.createCollection(spec.name);
        for (const index of spec.indexes ?? []) this.store.declareIndex(spec.name, index);
      }
    }
  }
}
