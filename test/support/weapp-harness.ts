// Loads the real WeChat build (dist/weapp) into miniprogram-simulate under jest's jsdom
// environment, with wx.cloud.callFunction going to a running local cloud over HTTP.
//
// miniprogram-simulate only knows custom components (`Component()`), while a Taro build is a
// whole mini-program: an App, Pages, a webpack runtime that hangs off the `wx` object and calls
// into wx.* APIs. The shim below supplies just enough of WeChat's page framework and `wx` for
// Taro's runtime to start the app and mount pages; everything else (React, Taro's DOM, the
// base.wxml templates, the app's own code) is the built output, unchanged.
//
// Use from a test file whose environment is jsdom (`/** @jest-environment jsdom */`):
//   await startWeapp({ cloudUrl: cloud.url });
//   const page = loadPage('pages/home/index');
//   await waitForText(page, '明前西湖龙井');
import http from 'node:http';
import path from 'node:path';

/** A rendered component as miniprogram-simulate returns it (the part these tests use). */
export interface PageComponent {
  /** The rendered jsdom element. */
  dom: any;
  /** The component instance (its data, setData, methods). */
  instance: any;
  querySelector(selector: string): PageComponent | undefined;
  querySelectorAll(selector: string): PageComponent[];
  /** Dispatches a WeChat event ('tap'...) on this node, as a user's touch would. */
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void;
  toJSON(): unknown;
  attach(parent: unknown): void;
  detach(): void;
}

// Required rather than imported: miniprogram-simulate's typings pull in WeChat's global
// declarations (miniprogram-api-typings: `require`, `wx`...), which would replace Node's types
// for the whole project. Requiring it also defines the global Component() and a canned `wx`.
const simulate: {
  load(componentPath: string, options?: { rootPath?: string }): string;
  render(id: string): PageComponent;
} =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('miniprogram-simulate');

export const DIST_WEAPP = path.resolve(__dirname, '../../dist/weapp');

/** The identity the simulated WeChat client calls the cloud as (X-WX-OPENID). */
export const TEST_OPENID = 'weapp-smoke-user';

/** One wx.cloud.callFunction that reached the gateway, for assertions and failure messages. */
export interface CloudCall {
  name: string;
  data: Record<string, unknown>;
  status: number;
}

/** Every wx.cloud.callFunction of this test file, in order. */
export const cloudCalls: CloudCall[] = [];
/** Every wx.* stub call (setNavigationBarTitle, showToast...) with its options, in order. */
export const wxCalls: { api: string; options: any }[] = [];

/**
 * How the simulated WeChat answers what the shopper would decide: wx.requestPayment ('pay':
 * the payment really happens in the local cloud's pay sandbox, then success; 'cancel': the
 * shopper closes the sheet), wx.showModal (confirm or cancel), wx.showActionSheet (the item
 * tapped) and wx.chooseAddress (the address picked in WeChat's address book).
 */
export const answers = {
  payment: 'pay' as 'pay' | 'cancel',
  /** wx.requestSubscribeMessage: the answer given for every template asked for. */
  subscribe: 'accept' as 'accept' | 'reject',
  modalConfirm: false,
  actionSheetIndex: 0,
  address: {
    userName: '张三',
    telNumber: '13912345678',
    provinceName: '广东省',
    cityName: '广州市',
    countyName: '天河区',
    streetName: '',
    detailInfo: '体育西路 1 号',
    detailInfoNew: '体育西路 1 号',
    postalCode: '510000',
    nationalCode: '440106',
    errMsg: 'chooseAddress:ok',
  },
};

/** The query of the last navigation (navigateTo / redirectTo / switchTab) to `route`. */
export function lastNavigation(route: string): Record<string, string> | undefined {
  const call = [...wxCalls]
    .reverse()
    .find(
      (c) =>
        ['navigateTo', 'redirectTo', 'switchTab'].includes(c.api) &&
        String(c.options.url).replace(/^\//, '').split('?')[0] === route,
    );
  if (!call) return undefined;
  const query = String(call.options.url).split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(query));
}

/**
 * Calls a cloud function action as `openid` over the gateway, outside the app (for what a test
 * expects; jsdom has no fetch). Not recorded in cloudCalls. Fails unless the result is ok.
 */
export async function cloudData<T = any>(
  cloudUrl: string,
  openid: string,
  name: string,
  action: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  const { result } = await invokeFunction(cloudUrl, openid, name, { action, ...input }, false);
  const reply = result as { ok: boolean; data?: T; code?: string };
  if (!reply?.ok) throw new Error(`${name}.${action} failed: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

/**
 * Whether the page's data (Taro's node tree, which WeChat renders) holds `text` anywhere, also in
 * what the DOM here does not show, such as an input field's value.
 */
export function pageDataIncludes(page: PageComponent, text: string): boolean {
  return JSON.stringify(page.instance?.data ?? {}).includes(text);
}

/** Taps the first node matching `selector` (as a shopper's finger would). */
export function tap(page: PageComponent, selector: string): void {
  const node = page.querySelector(selector);
  if (!node)
    throw new Error(
      `tap: nothing matches ${selector}. The page shows: ${renderedText(page).slice(0, 400)}`,
    );
  node.dispatchEvent('tap');
}

/** Waits until `check` passes (polling), e.g. for a cloud call or a wx call to have happened. */
export async function waitUntil(
  what: string,
  check: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type AnyFn = (...args: any[]) => any;
// The jsdom window is the global object in a jsdom test; the project's tsconfig has no DOM types.
const g = globalThis as any;

let started = false;
/** The object the app passed to App(): Taro's app config, with onLaunch/onShow. */
let appInstance: any = null;
/** Page instances in the order they were loaded: what getCurrentPages() reports. */
const pageStack: any[] = [];
/** The route and query of the page simulate is about to load (Page() reads it). */
let pending: { route: string; query: Record<string, string> } | null = null;
const loadedRoutes = new Set<string>();

/**
 * Installs the shim, requires dist/weapp/app.js and runs its onLaunch (which inits the cloud,
 * signs the test user in and loads the cart, as on a phone). Call once per test file.
 */
export interface EntryOptions {
  path: string;
  query: Record<string, string>;
  scene: number;
}

export async function startWeapp(options: {
  cloudUrl: string;
  openid?: string;
  /** How WeChat opened the app (default: the home page from the recent list, scene 1001). */
  launch?: EntryOptions;
}): Promise<void> {
  if (started) throw new Error('startWeapp: already started in this test file');
  started = true;
  installWx(options.cloudUrl, options.openid ?? TEST_OPENID);
  installPageFramework();

  // app.js requires common.js, vendors.js, taro.js and runtime.js, registers the webpack chunk
  // loader on wx.webpackJsonp (the page chunks push themselves there later) and calls App().
  // A plain require: the built file is loaded by path at run time, as WeChat would run it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST_WEAPP, 'app.js'));
  if (!appInstance) throw new Error('dist/weapp/app.js did not call App()');
  // WeChat launches the app on its first page; Taro mounts React and runs useLaunch here.
  const launch = {
    ...(options.launch ?? { path: 'pages/home/index', query: {}, scene: 1001 }),
    referrerInfo: {},
  };
  appInstance.onLaunch?.(launch);
  appInstance.onShow?.(launch);
}

/** The app comes to the foreground again (a share card or a code opened while it ran). */
export function showApp(entry: EntryOptions): void {
  appInstance.onShow?.({ ...entry, referrerInfo: {} });
}

/**
 * Loads and mounts a page from dist/weapp, e.g. `loadPage('packages/product/detail/index',
 * { id: 'p-longjing' })`: runs onLoad(query) and onShow on attach and onReady when ready, as
 * WeChat does when it opens the page.
 *
 * Each path can be loaded once per test file: the page's webpack chunk only runs on the first
 * require, so a second load would find no Page() call.
 */
export function loadPage(pagePath: string, query: Record<string, string> = {}): PageComponent {
  if (!started) throw new Error('loadPage: call startWeapp first');
  const route = pagePath.replace(/^\/+/, '');
  if (loadedRoutes.has(route)) {
    throw new Error(`loadPage: ${route} was already loaded in this test file (load it once)`);
  }
  loadedRoutes.add(route);
  pending = { route, query };
  try {
    // rootPath lets the page's `<import src="../../base.wxml"/>` and its `comp` custom component
    // (Taro's recursive template for deep trees) resolve against the build's root.
    const id = simulate.load(path.join(DIST_WEAPP, route), { rootPath: DIST_WEAPP });
    const page = simulate.render(id);
    // Attaching runs the `attached` lifetime (onLoad, onShow), then `ready` (onReady).
    page.attach(g.document.createElement('parent-wrapper'));
    return page;
  } finally {
    pending = null;
  }
}

/** The text the page shows now (the rendered DOM's text content). */
export function renderedText(page: PageComponent): string {
  return String(page.dom?.textContent ?? '');
}

/**
 * Waits until the page shows `text`, polling the rendered DOM (rendering follows cloud replies,
 * so a fixed sleep would flake). Fails with what the page showed and the cloud calls made.
 */
export async function waitForText(
  page: PageComponent,
  text: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!renderedText(page).includes(text)) {
    if (Date.now() > deadline) {
      throw new Error(
        `the page did not show ${JSON.stringify(text)} within ${timeoutMs} ms.\n` +
          `It shows: ${JSON.stringify(renderedText(page).slice(0, 800))}\n` +
          `Cloud calls: ${JSON.stringify(cloudCalls.map((c) => [c.name, c.data.action, c.status]))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------------------------------------
// The page framework: App, getApp, getCurrentPages, Page.

function installPageFramework(): void {
  // app.js calls App(config) once; Taro's runtime reads it back through getApp().
  g.App = (config: any) => {
    appInstance = config;
  };
  g.getApp = () => appInstance;
  // Taro's weapp runtime asks for the current page in some paths (e.g. transferring data to
  // a page-level component); the loaded pages, last one on top, stand in for the page stack.
  g.getCurrentPages = () => [...pageStack];
  // miniprogram-simulate has no Page(): turn the page's options into a Component whose
  // methods are the page's functions (Taro's lifecycles and `eh`, the event handler every
  // template binds), and whose lifetimes call the page lifecycles in WeChat's order.
  g.Page = (options: Record<string, unknown>) => {
    if (!pending) throw new Error('Page() called outside loadPage()');
    const { route, query } = pending;
    const methods: Record<string, AnyFn> = {};
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) {
      if (key === 'data') continue;
      if (typeof value === 'function') methods[key] = value as AnyFn;
      else fields[key] = value;
    }
    g.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          // What WeChat puts on a page instance: Taro builds its router (useRouter) from these.
          Object.assign(this, fields, { route, __route__: route, options: query });
          pageStack.push(this);
          this.onLoad?.({ ...query });
          this.onShow?.();
        },
        ready(this: any) {
          this.onReady?.();
        },
        detached(this: any) {
          this.onUnload?.();
          pageStack.splice(pageStack.indexOf(this), 1);
        },
      },
    });
  };
}

// ---------------------------------------------------------------------------------------------
// wx: the cloud client and the APIs the app touches.

function installWx(cloudUrl: string, openid: string): void {
  // miniprogram-simulate already put a `wx` with canned APIs on the global; add to it rather
  // than replace it. This has to happen before app.js loads: Taro copies wx.cloud and wraps
  // the wx.* functions it finds when its taro.js module first runs.
  const wx = (g.wx ??= {});
  wx.cloud = {
    // The app calls wx.cloud.init({ traceUser }) on launch; there is nothing to connect to.
    init: (options?: unknown) => void wxCalls.push({ api: 'cloud.init', options }),
    callFunction: (options: {
      name: string;
      data?: Record<string, unknown>;
      success?: AnyFn;
      fail?: AnyFn;
      complete?: AnyFn;
    }) => {
      const call = invokeFunction(cloudUrl, openid, options.name, options.data ?? {});
      // wx APIs answer through callbacks when given them, else through a promise.
      if (!options.success && !options.fail && !options.complete) return call;
      call.then(options.success, options.fail).finally(options.complete);
    },
  };
  // UI calls the app makes: record them (tests may assert on them) and succeed, as WeChat
  // would, in both the callback and the promise style Taro uses.
  wx.requestPayment = (options: any = {}) => {
    wxCalls.push({ api: 'requestPayment', options });
    const answer = payInSandbox(cloudUrl, options.package).then(() => {
      if (answers.payment === 'cancel') throw { errMsg: 'requestPayment:fail cancel' };
      return { errMsg: 'requestPayment:ok' };
    });
    if (!options.success && !options.fail && !options.complete) return answer;
    answer.then(options.success, options.fail).finally(options.complete);
  };
  wx.chooseAddress = (options: any = {}) => {
    wxCalls.push({ api: 'chooseAddress', options });
    const res = { ...answers.address };
    if (!options.success && !options.fail && !options.complete) return Promise.resolve(res);
    queueMicrotask(() => (options.success?.(res), options.complete?.(res)));
  };
  wx.requestSubscribeMessage = (options: any = {}) => {
    wxCalls.push({ api: 'requestSubscribeMessage', options });
    const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of options.tmplIds ?? []) res[id] = answers.subscribe;
    if (!options.success && !options.fail && !options.complete) return Promise.resolve(res);
    queueMicrotask(() => (options.success?.(res), options.complete?.(res)));
  };
  wx.showActionSheet = (options: any = {}) => {
    wxCalls.push({ api: 'showActionSheet', options });
    const res = { tapIndex: answers.actionSheetIndex, errMsg: 'showActionSheet:ok' };
    if (!options.success && !options.fail && !options.complete) return Promise.resolve(res);
    queueMicrotask(() => (options.success?.(res), options.complete?.(res)));
  };
  for (const api of [
    'setNavigationBarTitle',
    'showToast',
    'hideToast',
    'showModal',
    'showLoading',
    'hideLoading',
    'setTabBarBadge',
    'removeTabBarBadge',
    'stopPullDownRefresh',
    'navigateTo',
    'redirectTo',
    'switchTab',
    'navigateBack',
  ]) {
    wx[api] = (options: any = {}) => {
      wxCalls.push({ api, options });
      const res = { errMsg: `${api}:ok` };
      if (api === 'showModal')
        Object.assign(res, { confirm: answers.modalConfirm, cancel: !answers.modalConfirm });
      if (options.success || options.fail || options.complete) {
        queueMicrotask(() => (options.success?.(res), options.complete?.(res)));
        return undefined;
      }
      return Promise.resolve(res);
    };
  }
  // Read by Taro's runtime on start (pixel ratio for rpx, platform); a fixed phone.
  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 12',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 844,
    statusBarHeight: 47,
    platform: 'devtools',
    system: 'iOS 16',
    version: '8.0.40',
    SDKVersion: '3.0.0',
    language: 'zh_CN',
  };
  wx.getSystemInfoSync = () => systemInfo;
  wx.getWindowInfo = () => systemInfo;
}

/**
 * What paying in WeChat does to the shop: the pay sandbox takes the payment (and sends the pay
 * notice to the callback function) unless the shopper cancels the payment sheet.
 */
function payInSandbox(cloudUrl: string, pkg: string): Promise<void> {
  if (answers.payment === 'cancel') return Promise.resolve();
  return postToEmulator(cloudUrl, '/_emulator/pay/confirm', { package: pkg });
}

/** POSTs JSON to the local cloud (e.g. its HTTP access routes) and returns the JSON answer. */
export function postJson(cloudUrl: string, urlPath: string, value: object): Promise<any> {
  const body = JSON.stringify(value);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${cloudUrl}${urlPath}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text ? JSON.parse(text) : undefined));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs to one of the local cloud's /_emulator controls (e.g. the pay sandbox's confirm). */
export function postToEmulator(cloudUrl: string, urlPath: string, value: object): Promise<void> {
  const body = JSON.stringify(value);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${cloudUrl}${urlPath}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`${urlPath}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * wx.cloud.callFunction against the local cloud: POST the event to the gateway as the test
 * user and resolve `{ result }` like the real client. Node's http module rather than fetch,
 * because the jsdom environment does not expose Node's fetch.
 */
function invokeFunction(
  cloudUrl: string,
  openid: string,
  name: string,
  data: Record<string, unknown>,
  record = true,
): Promise<{ result: unknown; errMsg: string }> {
  const body = JSON.stringify({ ...data });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${cloudUrl}/functions/${encodeURIComponent(name)}`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-WX-OPENID': openid,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (record) cloudCalls.push({ name, data, status });
          if (status !== 200) {
            reject(new Error(`cloud.callFunction:fail ${name} answered ${status}: ${text}`));
            return;
          }
          try {
            resolve({
              result: text ? JSON.parse(text) : undefined,
              errMsg: 'cloud.callFunction:ok',
            });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', (e) => {
      cloudCalls.push({ name, data, status: 0 });
      reject(new Error(`cloud.callFunction:fail ${e.message}`));
    });
    req.end(body);
  });
}
