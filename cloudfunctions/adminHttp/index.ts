// adminHttp: the admin for a desktop browser, through CloudBase's HTTP access service (route it
// to this function's path in the console: config.json `httpAccess.path`). Its events are
// API-gateway-shaped ({path, httpMethod, headers, body}) and carry no WeChat identity, so the
// caller is the staff session the request's `Authorization: Bearer <token>` names:
//   POST /signin/start            a one-time code and its QR (wxacode) for the mini-program
//   POST /signin/poll {code}      once a staff member confirmed it: the session token (once)
//   POST /call {action, ...}      an admin action as that staff member (roles checked as usual)
//   POST /signout                 ends this session
// Answers are integrated responses: JSON bodies, CORS for the admin's web origin.
import { AppError, err, type Result } from '../../domain/result';
import { adminHandlers } from '../admin/handlers';
import { cloud } from '../lib/infra/cloud';
import { now } from '../lib/infra/clock';
import { createHandler } from '../lib/infra/router';
import {
  collectSession,
  readToken,
  revokeSessions,
  sessionOpenid,
  startSignin,
} from '../lib/users/staff-sessions';

interface HttpEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

/** The page the QR opens in the mini-program (its scene carries the code). */
const SIGNIN_PAGE = 'packages/admin/signin/index';

function reply(statusCode: number, value: unknown) {
  return {
    statusCode,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Access-Control-Allow-Origin': process.env.ADMIN_WEB_ORIGIN || '*',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    },
    body: JSON.stringify(value),
    isBase64Encoded: false,
  };
}

function bodyOf(event: HttpEvent): Record<string, unknown> {
  try {
    const text = event.isBase64Encoded
      ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
      : (event.body ?? '');
    const value = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

function bearer(event: HttpEvent): string {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}

async function route(event: HttpEvent): Promise<{ status: number; result: Result<unknown> }> {
  const at = now();
  const body = bodyOf(event);
  switch (event.path) {
    case '/signin/start': {
      const code = await startSignin(at);
      const qr = await cloud.openapi.wxacode.getUnlimited({
        scene: `a=${code._id}`,
        page: SIGNIN_PAGE,
        checkPath: false,
      });
      const png = Buffer.from(qr.buffer).toString('base64');
      return {
        status: 200,
        result: {
          ok: true,
          data: { code: code._id, expiresAt: code.expiresAt, qr: `data:image/png;base64,${png}` },
        },
      };
    }
    case '/signin/poll': {
      const data = await collectSession(String(body.code ?? ''), at);
      return { status: 200, result: { ok: true, data } };
    }
    case '/signout': {
      const token = readToken(bearer(event), at);
      if (token) await revokeSessions({ sid: token.sid }, at);
      return { status: 200, result: { ok: true, data: null } };
    }
    case '/call': {
      const openid = await sessionOpenid(bearer(event), at);
      if (!openid) return { status: 401, result: err('SESSION_INVALID') };
      const run = createHandler('admin', adminHandlers, () => ({ openid }));
      return { status: 200, result: await run(body) };
    }
    default:
      return {
        status: 404,
        result: err('UNKNOWN_ACTION', `不支持的地址：${String(event.path).slice(0, 40)}`),
      };
  }
}

export async function main(event: HttpEvent) {
  if (event.httpMethod === 'OPTIONS') return reply(204, null);
  try {
    const { status, result } = await route(event);
    return reply(status, result);
  } catch (e) {
    if (e instanceof AppError)
      return reply(e.code === 'SIGNIN_INVALID' ? 410 : 400, err(e.code, e.message));
    console.error('adminHttp failed', e);
    return reply(500, err('INTERNAL'));
  }
}
