// Staff sessions for the admin in a desktop browser, signed in the way mini-program shops do it:
// the browser shows a QR code (wxacode with a one-time code), a staff member scans it with the
// mini-program and confirms (admin.confirmSignin, as their WeChat self), and the browser then
// holds a short-lived session token, HMAC-signed with ADMIN_SESSION_SECRET (the functions'
// environment), sent with every admin call through the HTTP access service (adminHttp).
//
// Codes: admin_signins {status WAITING → CONFIRMED → USED}, each step a conditional update, so
// a code confirms once and makes one session; they expire after two minutes. Sessions:
// admin_sessions {openid, expiresAt, revokedAt?}, checked at every call (revocable), and the
// caller's staff role is checked as for any admin call (a removed member is refused at once).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../domain/result';
import { db } from '../infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../infra/db';

export const SIGNIN_TTL_MS = 2 * 60_000;
export const SESSION_TTL_MS = 8 * 60 * 60_000;

export interface SigninCode {
  _id: string;
  status: 'WAITING' | 'CONFIRMED' | 'USED';
  openid?: string;
  createdAt: number;
  expiresAt: number;
}

export interface StaffSession {
  _id: string;
  openid: string;
  createdAt: number;
  expiresAt: number;
  revokedAt?: number;
}

interface TokenBody {
  sid: string;
  openid: string;
  exp: number;
}

function secret(): string {
  const value = process.env.ADMIN_SESSION_SECRET;
  if (!value || value.length < 16)
    throw new AppError('INTERNAL', '未配置 ADMIN_SESSION_SECRET，电脑端登录不可用');
  return value;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const sign = (payload: string) => createHmac('sha256', secret()).update(payload).digest();

export function signToken(body: TokenBody): string {
  const payload = b64url(JSON.stringify(body));
  return `${payload}.${b64url(sign(payload))}`;
}

/** The token's body when its signature is ours and it has not expired; else null. */
export function readToken(token: string, now: number): TokenBody | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
    return typeof body.sid === 'string' && typeof body.openid === 'string' && body.exp > now
      ? body
      : null;
  } catch {
    return null;
  }
}

/** A new one-time code (16 characters: the QR's scene is `a=<code>`, within WeChat's 32). */
export async function startSignin(now: number): Promise<SigninCode> {
  const code: SigninCode = {
    _id: randomBytes(12).toString('base64url').slice(0, 16),
    status: 'WAITING',
    createdAt: now,
    expiresAt: now + SIGNIN_TTL_MS,
  };
  await insertOnce('admin_signins', { ...code });
  return code;
}

/** The scanning staff member confirms: once, before the code expires. */
export async function confirmSignin(code: string, openid: string, now: number): Promise<void> {
  const confirmed = await updateWhere(
    'admin_signins',
    { _id: code, status: 'WAITING', expiresAt: _.gt(now) },
    { status: 'CONFIRMED', openid },
  );
  if (!confirmed) throw new AppError('SIGNIN_INVALID');
}

/**
 * The browser asks whether its code was confirmed: once it was, the code is used up (a
 * conditional update) and a session made; asking again with a used code is refused.
 */
export async function collectSession(
  code: string,
  now: number,
): Promise<
  { status: 'WAITING' } | { status: 'SIGNED_IN'; token: string; expiresAt: number; openid: string }
> {
  const signin = await findById<SigninCode>('admin_signins', code);
  if (!signin || signin.expiresAt <= now || signin.status === 'USED')
    throw new AppError('SIGNIN_INVALID');
  if (signin.status === 'WAITING') return { status: 'WAITING' };
  const used = await updateWhere(
    'admin_signins',
    { _id: code, status: 'CONFIRMED' },
    { status: 'USED' },
  );
  if (!used) throw new AppError('SIGNIN_INVALID');
  const session: StaffSession = {
    _id: randomBytes(12).toString('base64url'),
    openid: signin.openid!,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
  };
  await insertOnce('admin_sessions', { ...session });
  const token = signToken({ sid: session._id, openid: session.openid, exp: session.expiresAt });
  return { status: 'SIGNED_IN', token, expiresAt: session.expiresAt, openid: session.openid };
}

/** The staff member a valid, unrevoked session token stands for; null otherwise. */
export async function sessionOpenid(token: string, now: number): Promise<string | null> {
  const body = readToken(token, now);
  if (!body) return null;
  const session = await findById<StaffSession>('admin_sessions', body.sid);
  if (!session || session.revokedAt || session.expiresAt <= now || session.openid !== body.openid)
    return null;
  return session.openid;
}

/** Ends sessions: one (signing out), or all of a staff member's. */
export async function revokeSessions(
  where: { sid?: string; openid?: string },
  now: number,
): Promise<void> {
  const match = where.sid ? { _id: where.sid } : { openid: where.openid };
  await db
    .collection('admin_sessions')
    .where({ ...match, revokedAt: _.exists(false) })
    .update({ data: { revokedAt: now } });
}
