// Users: created at the first sign-in (with the new-user coupon pack), keyed by OPENID.
import type { MeView, UserView } from '../../../domain/api/views';
import { signupCoupons } from '../../../domain/campaigns/signup';
import type { Campaign, Coupon } from '../../../domain/campaigns/types';
import { tierProgress } from '../../../domain/campaigns/tiers';
import type { Entry, Staff, User } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { db } from '../infra/cloud';
import { _, findById, insertOnce, isDuplicate, updateWhere } from '../infra/db';
import { buyerFacts } from '../pricing/facts';
import { bindExisting, bindingFor, recordTouch, refCodeFor, type EntrySource } from './attribution';

/** A returning user's last visit is recorded at most this often (one write saved per launch). */
const SEEN_EVERY_MS = 10 * 60_000;

export function userView(user: User): UserView {
  const progress = tierProgress(user.paidTotalFen);
  return {
    openid: user._id,
    nickname: user.nickname,
    isNewUser: user.paidOrderCount === 0,
    refCode: user.refCode ?? refCodeFor(user._id),
    paidOrderCount: user.paidOrderCount,
    paidTotalFen: user.paidTotalFen,
    ...(user.address ? { address: user.address } : {}),
    tier: {
      code: progress.tier.code,
      name: progress.tier.name,
      nextName: progress.next?.name ?? null,
      toNextFen: progress.toNextFen,
      ratio: progress.ratio,
    },
  };
}

export function meView(user: User, staff: Staff | null, couponCount: number): MeView {
  return { ...userView(user), staffRole: staff?.role ?? null, couponCount };
}

/**
 * Signs a user in: a returning user's visit is recorded; a new one is created with the new-user
 * coupon pack from `signupCampaigns` (issued once: coupon ids are fixed per campaign and user, and
 * the user is created after them, so a crash in between issues nothing twice). Every entry
 * through a share or a QR code (`source`, resolved) is kept as a touch, and binds the user to the
 * sharer when the attribution rules say so: a new user's binding is part of their creation, an
 * existing user's one conditional update.
 */
export async function signIn(
  openid: string,
  unionid: string | undefined,
  entry: Entry,
  existing: User | null,
  signupCampaigns: () => Promise<Campaign[]>,
  source: EntrySource | null = null,
): Promise<User> {
  const decision = source ? await bindingFor(openid, existing, source, entry.at) : null;
  const touch =
    source && decision
      ? recordTouch(openid, entry, source, !existing, decision)
      : Promise.resolve();
  if (existing) {
    const fields: Record<string, unknown> = {};
    if (!existing.refCode) fields.refCode = refCodeFor(openid);
    if (entry.at - existing.lastSeenAt >= SEEN_EVERY_MS) fields.lastSeenAt = entry.at;
    if (unionid && existing.unionid !== unionid) fields.unionid = unionid;
    // A user created before packs existed (or by an import) gets theirs while still new.
    if (existing.paidOrderCount === 0 && !existing.signupPackIssued) {
      await issueCoupons(
        signupCoupons(await signupCampaigns(), buyerFacts(openid, existing, entry.at)),
      );
      fields.signupPackIssued = true;
    }
    const [, bound] = await Promise.all([
      touch,
      decision?.bind ? bindExisting(existing, decision) : false,
      Object.keys(fields).length ? updateWhere('users', { _id: openid }, fields) : null,
    ]);
    const binding = bound && decision?.bind ? { binding: decision.binding } : {};
    return { ...existing, ...fields, ...binding } as User;
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
    signupPackIssued: true,
    refCode: refCodeFor(openid),
    ...(decision?.bind ? { binding: decision.binding } : {}),
    ...(source?.channel ? { channel: source.channel } : {}),
  };
  const pack = signupCoupons(await signupCampaigns(), buyerFacts(openid, null, entry.at));
  await Promise.all([touch, issueCoupons(pack)]);
  if (await insertOnce('users', user as unknown as { _id: string })) return user;
  return (await findById<User>('users', openid))!; // a concurrent first sign-in made it
}

/** Inserts coupons in one request; if some exist already (a repeat), the rest one by one. */
async function issueCoupons(coupons: Coupon[]): Promise<void> {
  if (coupons.length === 0) return;
  try {
    await db.collection('coupons').add({ data: coupons });
  } catch (e) {
    if (!isDuplicate(e)) throw e;
    for (const c of coupons) await insertOnce('coupons', c as unknown as { _id: string });
  }
}

export async function unusedCouponCount(openid: string, now: number): Promise<number> {
  const { total } = await db
    .collection('coupons')
    .where({ openid, status: 'UNUSED', validUntil: _.gt(now) })
    .count();
  return total;
}
