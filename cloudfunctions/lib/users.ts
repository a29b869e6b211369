// Users: created on first login, keyed by OPENID.
import type { UserView } from '../../domain/api/views';
import type { Entry, Staff, User } from '../../domain/model';
import { fen } from '../../domain/money';
import { db } from './cloud';
import { findById, insertOnce, updateWhere } from './db';

export function userView(user: User, staff: Staff | null): UserView {
  return {
    openid: user._id,
    nickname: user.nickname,
    isNewUser: user.paidOrderCount === 0,
    paidOrderCount: user.paidOrderCount,
    paidTotalFen: user.paidTotalFen,
    staffRole: staff?.role ?? null,
    address: user.address,
  };
}

/** The user, created on first sight (a concurrent first login creates it only once). */
export async function ensureUser(
  openid: string,
  unionid: string | undefined,
  entry: Entry,
): Promise<User> {
  const existing = await findById<User>('users', openid);
  if (existing) {
    const fields: Record<string, unknown> = { lastSeenAt: entry.at };
    if (unionid && existing.unionid !== unionid) fields.unionid = unionid;
    await updateWhere('users', { _id: openid }, fields);
    return { ...existing, ...fields } as User;
  }
  const user: User = {
    _id: openid,
    ...(unionid ? { unionid } : {}),
    nickname: `微信用户${openid.slice(-4)}`,
    createdAt: entry.at,
    lastSeenAt: entry.at,
    firstEntry: entry,
    paidOrderCount: 0,
    paidTotalFen: fen(0),
  };
  if (await insertOnce('users', user as unknown as { _id: string })) return user;
  return (await findById<User>('users', openid))!;
}

export async function recordTouch(openid: string, entry: Entry): Promise<void> {
  await db.collection('touches').add({ data: { openid, ...entry } });
}
