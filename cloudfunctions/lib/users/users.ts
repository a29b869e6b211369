// Users: created on first login, keyed by OPENID.
import type { UserView } from '../../../domain/api/views';
import { tierProgress } from '../../../domain/campaigns/tiers';
import type { Entry, Staff, User } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { db } from '../infra/cloud';
import { _, findById, insertOnce, updateWhere } from '../infra/db';
import { activeCampaigns, pricingFacts } from '../pricing/facts';
import { signupCoupons } from '../../../domain/campaigns/signup';

export function userView(user: User, staff: Staff | null, couponCount: number): UserView {
  const progress = tierProgress(user.paidTotalFen);
  return {
    openid: user._id,
    nickname: user.nickname,
    isNewUser: user.paidOrderCount === 0,
    paidOrderCount: user.paidOrderCount,
    paidTotalFen: user.paidTotalFen,
    staffRole: staff?.role ?? null,
    address: user.address,
    tier: {
      code: progress.tier.code,
      name: progress.tier.name,
      nextName: progress.next?.name ?? null,
      toNextFen: progress.toNextFen,
      ratio: progress.ratio,
    },
    couponCount,
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

/**
 * Issues the new-user coupon pack once: while the user is new and the pack is not marked issued.
 * Coupon ids are fixed per campaign and user, so a repeat (or a crash before the mark) issues
 * nothing twice.
 */
export async function issueSignupPack(user: User, now: number): Promise<void> {
  if (user.paidOrderCount > 0 || user.signupPackIssued) return;
  const campaigns = await activeCampaigns(now);
  const facts = await pricingFacts(user._id, now, campaigns, []);
  for (const coupon of signupCoupons(campaigns, facts))
    await insertOnce('coupons', coupon as unknown as { _id: string });
  await updateWhere('users', { _id: user._id }, { signupPackIssued: true });
}

export async function unusedCouponCount(openid: string, now: number): Promise<number> {
  const { total } = await db
    .collection('coupons')
    .where({ openid, status: 'UNUSED', validUntil: _.gt(now) })
    .count();
  return total;
}
