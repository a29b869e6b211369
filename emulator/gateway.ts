// The local cloud's HTTP face, on 127.0.0.1 only.
//
//   POST /functions/<name>    body: the event (JSON object); reply: the function's return value.
//                             Identity: X-WX-OPENID (and optional X-WX-UNIONID) headers.
//                             X-Cloud-Db-Requests: the database requests the call made.
//   /_storage/<bucket>/...    cloud storage's files (emulator/storage/storage-http.ts).
//   /http/<path>              the HTTP access service (emulator/http-access.ts).
//   /_emulator/...            controls for tests, the H5 client and developers (see README).
import http from 'node:http';
import type { Cloud } from './cloud';
import { PayError } from './pay/sandbox';
import { RequestCounter } from './runtime/request-counter';
import { handleStorageHttp } from './storage/storage-http';
import { handleHttpAccess } from './http-access';

export const DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024;

/** How many database requests (round trips on CloudBase) a function call or a pay notice made. */
export const DB_REQUESTS_HEADER = 'X-Cloud-Db-Requests';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Handler = (
  req: http.IncomingMessage,
  body: any,
  url: URL,
  res: http.ServerResponse,
) => Promise<unknown>;

export function createGateway(cloud: Cloud, maxBodyBytes = DEFAULT_MAX_BODY_BYTES): http.Server {
  return http.createServer(gatewayHandler(cloud, maxBodyBytes));
}

/** The gateway's request handler, for servers that mount it (the shop's web server does). */
export function gatewayHandler(
  cloud: Cloud,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  const routes: Record<string, Handler> = {
    'GET /_emulator/health': async () => ({
      ok: true,
      functions: cloud.functions.names(),
      triggers: cloud.scheduler.list(),
      now: cloud.clock.now(),
    }),
    'GET /_emulator/clock': async () => ({
      now: cloud.clock.now(),
      offsetMs: cloud.clock.offsetMs,
    }),
    'POST /_emulator/clock/advance': async (_req, body) => {
      const ms = Number(body?.ms);
      if (!Number.isFinite(ms) || ms < 0)
        throw new HttpError(400, 'INVALID_INPUT', 'ms must be a number >= 0');
      return cloud.advanceClock(ms);
    },
    'POST /_emulator/pay/confirm': async (_req, body, _url, res) => {
      const prepayId =
        body?.prepayId ??
        (typeof body?.package === 'string' ? body.package.replace(/^prepay_id=/, '') : undefined);
      if (!body?.outTradeNo && !prepayId)
        throw new HttpError(400, 'INVALID_INPUT', 'give outTradeNo, prepayId or package');
      try {
        const confirmed = await cloud.pay.confirm({
          outTradeNo: body.outTradeNo,
          prepayId,
          notify: body.notify,
        });
        // What the pay notice's first delivery cost, as a function call reports its own.
        res.setHeader(DB_REQUESTS_HEADER, String(confirmed.dbRequests));
        return confirmed;
      } catch (e) {
        if (e instanceof PayError) throw new HttpError(e.status, 'PAY_ERROR', e.message);
        throw e;
      }
    },
    // Delivers a notice through the pay channel, as WeChat Pay would (a resend, or a tampered one).
    'POST /_emulator/pay/notify': async (_req, body, _url, res) => {
      if (
        typeof body?.functionName !== 'string' ||
        !body?.event ||
        typeof body.event !== 'object'
      ) {
        throw new HttpError(400, 'INVALID_INPUT', 'give functionName and event');
      }
      if (!cloud.functions.has(body.functionName))
        throw new HttpError(404, 'FUNCTION_NOT_FOUND', `no function ${body.functionName}`);
      const counter = new RequestCounter();
      const reply = await cloud.functions.invoke(
        body.functionName,
        body.event,
        { source: 'wx_paycallback' },
        counter,
      );
      res.setHeader(DB_REQUESTS_HEADER, String(counter.count));
      return reply;
    },
    'POST /_emulator/pay/deliver': async (_req, body) => {
      const outTradeNo = body?.outTradeNo;
      return cloud.notifier.deliverHeld((n) => !outTradeNo || n.event.outTradeNo === outTradeNo);
    },
    'POST /_emulator/pay/failures': async (_req, body) => {
      if (
        typeof body?.api !== 'string' ||
        !['FAIL', 'ERROR', 'ERROR_AFTER', 'CLOSE_LATER'].includes(body?.mode)
      ) {
        throw new HttpError(
          400,
          'INVALID_INPUT',
          'give api (e.g. "refund") and mode FAIL | ERROR | ERROR_AFTER | CLOSE_LATER',
        );
      }
      cloud.pay.failNext({
        api: body.api,
        mode: body.mode,
        errCodeDes: body.errCodeDes,
        times: body.times,
      });
      return { ok: true };
    },
    'DELETE /_emulator/pay/failures': async () => {
      cloud.pay.clearFailures();
      return { ok: true };
    },
    'GET /_emulator/pay/orders': async (_req, _body, url) => {
      const outTradeNo = url.searchParams.get('outTradeNo');
      return cloud.pay.orders.where((o) => !outTradeNo || o.outTradeNo === outTradeNo);
    },
    'GET /_emulator/pay/refunds': async (_req, _body, url) => {
      const outTradeNo = url.searchParams.get('outTradeNo');
      return cloud.pay.refunds.where((r) => !outTradeNo || r.outTradeNo === outTradeNo);
    },
    'GET /_emulator/pay/notices': async (_req, _body, url) =>
      cloud.notifier.list({
        kind: url.searchParams.get('kind') ?? undefined,
        functionName: url.searchParams.get('functionName') ?? undefined,
      }),
    'GET /_emulator/openapi/calls': async (_req, _body, url) =>
      cloud.openapi.list({
        api: url.searchParams.get('api') ?? undefined,
        touser: url.searchParams.get('touser') ?? undefined,
      }),
    'POST /_emulator/openapi/failures': async (_req, body) => {
      if (typeof body?.api !== 'string' || !Number.isInteger(body?.errCode)) {
        throw new HttpError(
          400,
          'INVALID_INPUT',
          'give api (e.g. "subscribeMessage.send") and an integer errCode',
        );
      }
      cloud.openapi.fail({
        api: body.api,
        errCode: body.errCode,
        errMsg: body.errMsg,
        touser: body.touser,
        times: body.times,
      });
      return { ok: true };
    },
    'DELETE /_emulator/openapi/failures': async () => {
      cloud.openapi.clearFailures();
      return { ok: true };
    },
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Content-Type, Authorization, X-WX-OPENID, X-WX-UNIONID',
    );
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, PUT, POST, DELETE, OPTIONS');
    // The H5 client (another origin in development) may read the request count too.
    res.setHeader('Access-Control-Expose-Headers', DB_REQUESTS_HEADER);
    if (req.method === 'OPTIONS') return send(res, 204, undefined);
    try {
      if (await handleStorageHttp(cloud.storage, req, res, url, maxBodyBytes)) return;
      if (await handleHttpAccess(cloud, req, res, url, maxBodyBytes)) return;
      const body = await readJson(req, maxBodyBytes);
      const fn = /^\/functions\/([^/]+)$/.exec(url.pathname);
      if (fn && req.method === 'POST')
        return send(res, 200, await invokeFunction(cloud, functionName(fn[1]), body, req, res));
      const route = routes[`${req.method} ${url.pathname}`];
      if (!route) throw new HttpError(404, 'NOT_FOUND', `no route ${req.method} ${url.pathname}`);
      send(res, 200, await route(req, body, url, res));
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.status, { error: e.code, message: e.message });
      const message = e instanceof Error ? e.message : String(e);
      send(res, 500, { error: 'INTERNAL', message });
    }
  };
}

/** The function name in a /functions/<name> path; one that does not decode names no function. */
function functionName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpError(404, 'FUNCTION_NOT_FOUND', `cloud function "${encoded}" does not exist`);
  }
}

async function invokeFunction(
  cloud: Cloud,
  name: string,
  event: unknown,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<unknown> {
  if (!cloud.functions.has(name))
    throw new HttpError(404, 'FUNCTION_NOT_FOUND', `cloud function "${name}" does not exist`);
  if (event === undefined) event = {};
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new HttpError(400, 'INVALID_EVENT', 'the request body must be a JSON object (the event)');
  }
  const header = (h: string) => {
    const v = req.headers[h];
    return typeof v === 'string' && v ? v : undefined;
  };
  const counter = new RequestCounter();
  try {
    return await cloud.functions.invoke(
      name,
      event,
      {
        openid: header('x-wx-openid'),
        unionid: header('x-wx-unionid'),
        source: 'wx_client',
        clientIp: req.socket.remoteAddress,
      },
      counter,
    );
  } catch (e) {
    const message = describeThrown(e);
    // Production answers the caller with errCode -504002 "functions execute fail".
    console.error(`[cloud] function ${name} threw: ${e instanceof Error ? e.stack : message}`);
    throw new HttpError(500, 'FUNCTION_ERROR', message);
  } finally {
    // Requests made before a throw count too; requests a function leaves running after it
    // returns (not awaited) are not in the count: the reply has gone by then.
    res.setHeader(DB_REQUESTS_HEADER, String(counter.count));
  }
}

/** A thrown value as text: an Error's message, or the JSON of anything else thrown. */
function describeThrown(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      return reject(new HttpError(400, 'BODY_TOO_LARGE', `request body over ${limit} bytes`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(400, 'BODY_TOO_LARGE', `request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      if (size === 0) return resolve(undefined);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        reject(new HttpError(400, 'INVALID_JSON', `malformed JSON body: ${(e as Error).message}`));
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  if (value === undefined && status === 204) {
    res.writeHead(204).end();
    return;
  }
  const body = JSON.stringify(value === undefined ? null : value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
