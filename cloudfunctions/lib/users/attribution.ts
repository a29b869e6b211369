// Attribution at entry: a share link's ref or a QR code's scene is resolved to the sharer (and
// the code's channel and page), every such entry is kept as a touch, and the binding the rules
// decide (domain/attribution.ts) is written as one conditional update, so of many touches at
// once exactly one binds.
import { createHash } from 'node:crypto';
import {
  activeInviter,
  CHAIN_LIMIT,
  decideBinding,
  type BindDecision,
} from '../../../domain/attribution';
import type { AttributionSettings } from '../../../domain/attribution';
import type { Entry, ShareCode, Touch, User } from '../../../domain/model';
import { pathWith, SHARE_PAGES } from '../../../domain/share';
import { db } from '../infra/cloud';
import { _, findById, findByIds, updateWhere } from '../infra/db';
import { distributionSettings } from '../distribution/settings';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A user's short code for share links: derived from the OPENID (so it never needs a write to
 * exist) without revealing it. 11 base-62 characters from SHA-256: collisions are out of reach.
 */
export function refCodeFor(openid: string): string {
  let n = BigInt('0x' + createHash('sha256').update(`ref:${openid}`).digest('hex').slice(0, 16));
  let code = '';
  for (let i = 0; i < 11; i++) {
    code += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return code;
}

/** Where an entry came from, resolved: who shared it, through which channel, to which page. */
export interface EntrySource {
  via: 'ref' | 'scene';
  inviter: User | null;
  channel?: string;
  /** The page a QR code stands for, when it is not the home page it opens. */
  landing?: string;
  settings: AttributionSettings;
}

/**
 * Resolves a ref or a scene (null for an organic entry, or a scene that is not a share code).
 * Reads at most 3 documents.
 */
export async function resolveSource(
  entry: { ref?: string; scene?: string },
  /** The binding windows (the launch takes them from the home snapshot it reads anyway). */
  windows: () => Promise<AttributionSettings> = distributionSettings,
): Promise<EntrySource | null> {
  if (entry.scene) {
    const [code, settings] = await Promise.all([
      findById<ShareCode>('share_codes', entry.scene),
      windows(),
    ]);
    if (!code) return null; // not one of the shop's share codes (e.g. a staff sign-in code)
    const inviter = code.sharerId ? await findById<User>('users', code.sharerId) : null;
    const landing = code.page !== SHARE_PAGES.home ? pathWith(code.page, code.params) : undefined;
    return {
      via: 'scene',
      inviter,
      settings,
      ...(code.channel ? { channel: code.channel } : {}),
      ...(landing ? { landing } : {}),
    };
  }
  if (entry.ref) {
    const [found, settings] = await Promise.all([
      db.collection('users').where({ refCode: entry.ref }).limit(1).get(),
      windows(),
    ]);
    return { via: 'ref', inviter: (found.data[0] as User) ?? null, settings };
  }
  return null;
}

/**
 * Who brought `from`'s inviter, and so on upwards, as the bindings are now (one read per step;
 * chains are short). Stops at `stopAt` (a cycle would close there) or at the limit.
 */
async function chainAbove(from: User, at: number, stopAt: string): Promise<string[]> {
  const chain: string[] = [];
  let next = activeInviter(from.binding, at);
  while (next && chain.length < CHAIN_LIMIT) {
    chain.push(next);
    if (next === stopAt) break;
    const user = await findById<User>('users', next);
    next = user ? activeInviter(user.binding, at) : null;
  }
  return chain;
}

/** The binding decision for this user (existing: their document; null: being created). */
export async function bindingFor(
  openid: string,
  existing: User | null,
  source: EntrySource,
  at: number,
): Promise<BindDecision> {
  const party = (u: User) => ({
    openid: u._id,
    isNew: u.paidOrderCount === 0,
    binding: u.binding ?? null,
  });
  const user = existing ? party(existing) : { openid, isNew: true, binding: null };
  const inviter = source.inviter;
  // Only a user someone may have been brought by can close a cycle: a brand-new one cannot.
  const inviterChain = inviter && existing ? await chainAbove(inviter, at, openid) : [];
  return decideBinding({
    user,
    inviter: inviter ? party(inviter) : null,
    inviterChain,
    via: source.via,
    channel: source.channel,
    at,
    settings: source.settings,
  });
}

/**
 * Binds an existing user as decided, if nothing changed since the read: still new, and bound as
 * then (unbound, or by the same binding). Concurrent touches: exactly one of them binds. Two
 * users binding to each other at the same moment could still close a cycle that neither read
 * saw, so the binding is written marked unchecked, the chain followed again, and the binding
 * undone if it closes one (the timer checks those a crash left marked).
 */
export async function bindExisting(existing: User, decision: BindDecision): Promise<boolean> {
  if (!decision.bind) return false;
  const seen = existing.binding?.boundAt;
  const updated = await updateWhere(
    'users',
    {
      _id: existing._id,
      paidOrderCount: 0,
      'binding.boundAt': seen === undefined ? _.exists(false) : seen,
    },
    { binding: { ...decision.binding, unchecked: true }, ...previousBinding(existing) },
  );
  if (updated !== 1) return false;
  return checkBinding({
    ...existing,
    binding: { ...decision.binding, unchecked: true },
    ...previousBinding(existing),
  });
}

/** The binding a new one replaces (a lapsed one), kept until the check to be put back. */
const previousBinding = (user: User) => (user.binding ? { replacedBinding: user.binding } : {});

/**
 * Follows the chain above a user's unchecked binding: if it comes back to them, the binding is
 * undone (the one it replaced put back); otherwise it is marked checked. True when it stands.
 */
export async function checkBinding(user: User): Promise<boolean> {
  const binding = user.binding;
  if (!binding?.unchecked) return !!binding;
  const inviter = await findById<User>('users', binding.inviterId);
  const chain = inviter ? await chainAbove(inviter, binding.boundAt, user._id) : [];
  const mine = { _id: user._id, 'binding.boundAt': binding.boundAt, 'binding.unchecked': true };
  if (chain.includes(user._id) && (await latestInCycle(user, [binding.inviterId, ...chain]))) {
    await updateWhere('users', mine, {
      binding: user.replacedBinding ?? _.remove(),
      replacedBinding: _.remove(),
    });
    return false;
  }
  await updateWhere('users', mine, {
    'binding.unchecked': _.remove(),
    replacedBinding: _.remove(),
  });
  return true;
}

/**
 * Whether this user's binding is the one to undo in the cycle it closes (`cycle`: its inviter and
 * the chain above, back to this user): the latest made (ties:
 * the larger OPENID). Two users binding to each other at once then keep one of the two bindings:
 * the other's check undoes the later one (the timer's, if that call died).
 */
async function latestInCycle(user: User, cycle: string[]): Promise<boolean> {
  const others = await findByIds<User>(
    'users',
    cycle.filter((id) => id !== user._id),
  );
  // Someone in it was unbound meanwhile (their own check undid theirs): no cycle any more.
  if (others.some((o) => !o.binding)) return false;
  const key = (u: User) => [u.binding?.boundAt ?? 0, u._id] as const;
  const [at, id] = key(user);
  return others.every((o) => {
    const [oAt, oId] = key(o);
    return at > oAt || (at === oAt && id > oId);
  });
}

/** Users whose binding a crash left before its check, for the timer. */
export const UNCHECKED_BINDINGS = (at: number) => ({
  'binding.unchecked': true,
  'binding.boundAt': _.lte(at - 60_000),
});

/** Keeps the touch (every entry through a share link or a code). */
export async function recordTouch(
  openid: string,
  entry: Entry,
  source: EntrySource,
  firstVisit: boolean,
  decision: BindDecision,
): Promise<void> {
  const touch: Omit<Touch, '_id'> = {
    openid,
    ...entry,
    via: source.via,
    ...(source.inviter ? { sharerId: source.inviter._id } : {}),
    ...(source.channel ? { channel: source.channel } : {}),
    firstVisit,
    binds: decision.bind,
  };
  await db.collection('touches').add({ data: touch });
}
