// The binding rules (domain/attribution.ts): first touch of a new unbound user, no self-binding,
// no cycles, protection and expiry windows; and, over random sequences of touches (each decided
// on the live chain above the inviter, as the cloud function follows it), the invariants: nobody
// is ever bound to themselves, the invitation graph never has a cycle, and a binding is never
// taken over while protected.
import fc from 'fast-check';
import {
  activeInviter,
  CHAIN_LIMIT,
  DAY_MS,
  decideBinding,
  DEFAULT_ATTRIBUTION,
  type Binding,
  type Party,
} from '../../domain/attribution';

const settings = DEFAULT_ATTRIBUTION;
const T0 = 1_700_000_000_000;
const party = (openid: string, binding?: Binding, isNew = true): Party => ({
  openid,
  isNew,
  binding,
});
const base = { via: 'ref' as const, at: T0, settings, inviterChain: [] as string[] };

function bound(inviterId: string, at = T0): Binding {
  const d = decideBinding({ ...base, at, user: party('x'), inviter: party(inviterId) });
  if (!d.bind) throw new Error('expected a binding');
  return d.binding;
}

it('binds a new unbound user to the sharer, with the windows and the channel', () => {
  const d = decideBinding({
    ...base,
    user: party('b'),
    inviter: party('a'),
    via: 'scene',
    channel: 'store-12',
  });
  expect(d).toEqual({
    bind: true,
    binding: {
      inviterId: 'a',
      boundAt: T0,
      protectedUntil: T0 + 30 * DAY_MS,
      expiresAt: T0 + 365 * DAY_MS,
      via: 'scene',
      channel: 'store-12',
    },
  });
  const forever = decideBinding({
    ...base,
    user: party('b'),
    inviter: party('a'),
    settings: { protectDays: 0, expireDays: 0 },
  });
  expect(forever.bind && forever.binding.expiresAt).toBeNull();
});

it('refuses: no inviter, oneself, a cycle, a user who paid, a protected binding, the same inviter', () => {
  expect(decideBinding({ ...base, user: party('b'), inviter: null })).toEqual({
    bind: false,
    why: 'NO_INVITER',
  });
  expect(decideBinding({ ...base, user: party('a'), inviter: party('a') })).toEqual({
    bind: false,
    why: 'SELF',
  });
  // a brought b, b brought c: a cannot be bound to b or to c.
  const b = party('b', bound('a'));
  const c = party('c', bound('b'));
  expect(decideBinding({ ...base, user: party('a'), inviter: b, inviterChain: ['a'] })).toEqual({
    bind: false,
    why: 'CYCLE',
  });
  expect(
    decideBinding({ ...base, user: party('a'), inviter: c, inviterChain: ['b', 'a'] }),
  ).toEqual({ bind: false, why: 'CYCLE' });
  const tooLong = Array.from({ length: CHAIN_LIMIT }, (_, i) => `up${i}`);
  expect(decideBinding({ ...base, user: party('z'), inviter: c, inviterChain: tooLong })).toEqual({
    bind: false,
    why: 'CYCLE',
  });
  expect(
    decideBinding({ ...base, user: party('b', undefined, false), inviter: party('a') }),
  ).toEqual({ bind: false, why: 'NOT_NEW' });
  const protectedUser = party('d', bound('a'));
  expect(
    decideBinding({ ...base, at: T0 + 29 * DAY_MS, user: protectedUser, inviter: party('e') }),
  ).toEqual({ bind: false, why: 'PROTECTED' });
  expect(decideBinding({ ...base, user: protectedUser, inviter: party('a') })).toEqual({
    bind: false,
    why: 'ALREADY_BOUND',
  });
});

it('after protection a new user can be taken over; after expiry the binding names no one', () => {
  const d = party('d', bound('a'));
  const later = decideBinding({ ...base, at: T0 + 30 * DAY_MS, user: d, inviter: party('e') });
  expect(later.bind && later.binding.inviterId).toBe('e');
  expect(activeInviter(d.binding, T0 + 364 * DAY_MS)).toBe('a');
  expect(activeInviter(d.binding, T0 + 365 * DAY_MS)).toBeNull();
});

it('over random touches: never self-bound, never a cycle, never taken over while protected', () => {
  const users = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
  const touch = fc.record({
    user: fc.constantFrom(...users),
    inviter: fc.constantFrom(...users),
    days: fc.integer({ min: 0, max: 40 }),
    pays: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(touch, { maxLength: 60 }), (touches) => {
      const state = new Map<string, { binding?: Binding; isNew: boolean }>(
        users.map((u) => [u, { isNew: true }]),
      );
      let at = T0;
      // The live chain above a user, as the cloud function follows it.
      const chainAbove = (id: string, stopAt: string) => {
        const chain: string[] = [];
        let next = activeInviter(state.get(id)!.binding, at);
        while (next && chain.length < CHAIN_LIMIT) {
          chain.push(next);
          if (next === stopAt) break;
          next = activeInviter(state.get(next)!.binding, at);
        }
        return chain;
      };
      for (const t of touches) {
        at += t.days * DAY_MS;
        const user = state.get(t.user)!;
        const inviter = state.get(t.inviter)!;
        const before = user.binding;
        const d = decideBinding({
          user: party(t.user, user.binding, user.isNew),
          inviter: party(t.inviter, inviter.binding, inviter.isNew),
          inviterChain: chainAbove(t.inviter, t.user),
          via: 'ref',
          at,
          settings,
        });
        if (d.bind) {
          if (before && activeInviter(before, at))
            expect(at).toBeGreaterThanOrEqual(before.protectedUntil);
          user.binding = d.binding;
        }
        if (t.pays) user.isNew = false;
        for (const [id, s] of state) {
          expect(activeInviter(s.binding, at)).not.toBe(id);
          const seen = new Set([id]);
          let next = activeInviter(s.binding, at);
          while (next) {
            expect(seen.has(next)).toBe(false);
            seen.add(next);
            next = activeInviter(state.get(next)!.binding, at);
          }
        }
      }
    }),
    { numRuns: 300 },
  );
});
