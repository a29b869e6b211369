// Who brought whom (RULES.md "Users and attribution"). Every entry through a share link or a QR
// code is a touch; one touch binds a user to an inviter:
//   - the first touch binds a user who is new (never paid) and unbound (the shop's default);
//   - never to oneself, never in a cycle (A brought B: B cannot bind A, nor anyone A brought;
//     the caller follows the inviter's live chain upwards, since bindings above can change);
//   - a binding is protected for `protectDays` (nobody else can take it over), and lapses after
//     `expireDays` (0 = never); a touch after protection, from someone else, of a user who is
//     still new, takes the binding over;
//   - the channel of the user's first touch becomes their channel tag (set when they are created).
// Pure: the cloud functions load the facts and write the decision as one conditional update.

export const DAY_MS = 24 * 60 * 60 * 1000;

/** How far up the invitation chain is followed; a longer chain binds no one (treated as a cycle). */
export const CHAIN_LIMIT = 20;

export interface AttributionSettings {
  protectDays: number;
  /** 0: bindings never lapse. */
  expireDays: number;
}

export const DEFAULT_ATTRIBUTION: AttributionSettings = { protectDays: 30, expireDays: 365 };

export interface Binding {
  inviterId: string;
  boundAt: number;
  protectedUntil: number;
  /** null: never lapses. */
  expiresAt: number | null;
  via: 'ref' | 'scene';
  /** The QR channel the binding touch came through, if any. */
  channel?: string;
  /**
   * Written before the check that it closes no cycle (an existing user's binding): the check
   * removes it, or the timer's if a crash came between.
   */
  unchecked?: true;
}

/** What a binding decision needs to know about a user. */
export interface Party {
  openid: string;
  /** Never paid an order. */
  isNew: boolean;
  binding?: Binding | null;
}

export type BindRefusal =
  | 'NO_INVITER' // an organic entry, or a ref nobody owns
  | 'SELF'
  | 'CYCLE'
  | 'NOT_NEW'
  | 'PROTECTED'
  | 'ALREADY_BOUND'; // to this same inviter

export type BindDecision = { bind: true; binding: Binding } | { bind: false; why: BindRefusal };

/** The inviter a binding names at `at`, or null when there is none or it lapsed. */
export function activeInviter(binding: Binding | null | undefined, at: number): string | null {
  if (!binding) return null;
  if (binding.expiresAt !== null && at >= binding.expiresAt) return null;
  return binding.inviterId;
}

/** Decides whether this touch binds `user` to `inviter` (null: no one shared it). */
export function decideBinding(input: {
  user: Party;
  inviter: Party | null;
  /** Who brought the inviter, who brought them, ... now (live bindings, at most CHAIN_LIMIT). */
  inviterChain: string[];
  via: 'ref' | 'scene';
  channel?: string;
  at: number;
  settings: AttributionSettings;
}): BindDecision {
  const { user, inviter, at, settings } = input;
  if (!inviter) return { bind: false, why: 'NO_INVITER' };
  if (inviter.openid === user.openid) return { bind: false, why: 'SELF' };
  const current = user.binding && activeInviter(user.binding, at) ? user.binding : null;
  if (current?.inviterId === inviter.openid) return { bind: false, why: 'ALREADY_BOUND' };
  if (!user.isNew) return { bind: false, why: 'NOT_NEW' };
  if (current && at < current.protectedUntil) return { bind: false, why: 'PROTECTED' };
  const chain = input.inviterChain;
  if (chain.includes(user.openid) || chain.length >= CHAIN_LIMIT)
    return { bind: false, why: 'CYCLE' };
  return {
    bind: true,
    binding: {
      inviterId: inviter.openid,
      boundAt: at,
      protectedUntil: at + settings.protectDays * DAY_MS,
      expiresAt: settings.expireDays > 0 ? at + settings.expireDays * DAY_MS : null,
      via: input.via,
      ...(input.channel ? { channel: input.channel } : {}),
    },
  };
}
