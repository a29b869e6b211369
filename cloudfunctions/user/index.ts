// user: the launch (sign in, the home page and the cart badge in one call), sign-in on a later
// entry through a share or a QR code, the "me" page, and the address book.
import type { Address, Entry, Staff, User } from '../../domain/model';
import { AppError } from '../../domain/result';
import { DEFAULT_ATTRIBUTION } from '../../domain/attribution';
import { homeFor, storefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, findById, updateWhere } from '../lib/infra/db';
import { createHandler, type Context } from '../lib/infra/router';
import { activeCampaigns, buyerFacts } from '../lib/pricing/facts';
import { resolveSource } from '../lib/users/attribution';
import { meView, signIn, unusedCouponCount, userView } from '../lib/users/users';

function entryOf(input: { ref?: string; scene?: string; path?: string }, at: number): Entry {
  return {
    at,
    ...(input.ref ? { ref: input.ref } : {}),
    ...(input.scene ? { scene: input.scene } : {}),
    ...(input.path ? { path: input.path } : {}),
  };
}

async function cartCount(openid: string): Promise<number> {
  const { data } = await db
    .collection('cart_items')
    .where({ openid })
    .field({ qty: true })
    .limit(100)
    .get();
  return (data as { qty: number }[]).reduce((n, i) => n + i.qty, 0);
}

export const main = createHandler('user', {
  // Reads the user, the home snapshot and (entering through a share or a code) its sharer
  // together; then signs in (keeping the touch, binding as the rules say), reads the flash-sale
  // quotas and (for a returning user: a new one's cart is empty) the cart badge, together.
  async launch(input, ctx: Context) {
    const reading = storefront(ctx.now);
    const [existing, front, source] = await Promise.all([
      findById<User>('users', ctx.openid),
      reading,
      resolveSource(input, async () => (await reading).attribution ?? DEFAULT_ATTRIBUTION),
    ]);
    const [user, home, count] = await Promise.all([
      signIn(
        ctx.openid,
        ctx.unionid,
        entryOf(input, ctx.now),
        existing,
        async () => front.signupCampaigns,
        source,
      ),
      homeFor(front, buyerFacts(ctx.openid, existing, ctx.now)),
      existing ? cartCount(ctx.openid) : 0,
    ]);
    const landing = source?.landing ? { landing: source.landing } : {};
    return {
      user: userView(user),
      home,
      cartCount: count,
      noticeTemplates: front.noticeTemplates ?? {},
      ...landing,
    };
  },

  // A later entry while the app runs (a share card, a scanned code): the same touch and binding.
  async login(input, ctx) {
    const [existing, source] = await Promise.all([
      findById<User>('users', ctx.openid),
      resolveSource(input),
    ]);
    const user = await signIn(
      ctx.openid,
      ctx.unionid,
      entryOf(input, ctx.now),
      existing,
      () => activeCampaigns(ctx.now),
      source,
    );
    return { user: userView(user), ...(source?.landing ? { landing: source.landing } : {}) };
  },

  async me(_input, ctx) {
    const [user, staff, coupons] = await Promise.all([
      findById<User>('users', ctx.openid),
      findById<Staff>('staff', ctx.openid),
      unusedCouponCount(ctx.openid, ctx.now),
    ]);
    if (!user) throw new AppError('NOT_LOGGED_IN');
    return meView(user, staff, coupons);
  },

  // The address book: the latest used first; removing the default makes the next one default.
  async removeAddress({ address }, ctx) {
    const user = await findById<User>('users', ctx.openid);
    if (!user) throw new AppError('NOT_LOGGED_IN');
    const same = (a: Address) => JSON.stringify(a) === JSON.stringify(address);
    const book = (user.addresses ?? (user.address ? [user.address] : [])).filter((a) => !same(a));
    const isDefault = !!user.address && same(user.address);
    await updateWhere(
      'users',
      { _id: ctx.openid },
      { addresses: book, ...(isDefault ? { address: book[0] ?? _.remove() } : {}) },
    );
    return book;
  },
});
