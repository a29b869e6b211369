// share: the sharer's side of attribution and distribution. QR codes for what they share (made
// once, reused), a product poster's contents, and 我的推广: whom they brought, the commissions
// those orders earned, withdrawals. Who is calling comes from the cloud context only.
import { mayEarn } from '../../domain/distribution';
import type { Assist } from '../../domain/assist';
import { tiersText, type Group } from '../../domain/groups';
import type { Commission, Distributor, Product, Sku, User, Withdrawal } from '../../domain/model';
import { fen } from '../../domain/money';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { _, findById, findByIds, findWhere, insertOnce, updateWhere } from '../lib/infra/db';
import { settings as deployment } from '../lib/infra/settings';
import { createHandler, type Context } from '../lib/infra/router';
import { newAccount } from '../lib/distribution/account';
import { commissionFigures, invitedFigures, ordersByInvitee } from '../lib/distribution/figures';
import { distributionSettings } from '../lib/distribution/settings';
import { requestWithdrawal } from '../lib/distribution/withdrawals';
import { codeImage, ensureCode, fileUrl, userCode } from '../lib/share/codes';
import { refCodeFor } from '../lib/users/attribution';
import { commissionView, withdrawalView } from '../lib/views/distribution-views';

const PAGE = 20;

async function summary(ctx: Context) {
  // Every read at once: settings, the account, whom they brought, commissions and withdrawals.
  const [settings, account, invited, figures] = await Promise.all([
    distributionSettings(),
    findById<Distributor>('distributors', ctx.openid),
    invitedFigures(ctx.openid),
    commissionFigures(ctx.openid),
  ]);
  const commission = { ...figures, balanceFen: account?.balanceFen ?? fen(0) };
  return {
    refCode: refCodeFor(ctx.openid),
    mode: settings.mode,
    status: account?.status ?? null,
    mayEarn: mayEarn(settings, account?.status ?? null),
    defaultRatePct: settings.defaultRatePct,
    freezeDays: settings.freezeDays,
    minWithdrawFen: fen(settings.minWithdrawFen),
    invited,
    commission,
  };
}

export const main = createHandler('share', {
  async code({ target }, ctx) {
    // Codes cost WeChat calls: only for things that exist (a made-up id would make a new one).
    if (target.kind === 'product') {
      const product = await findById<Product>('products', target.id);
      if (!product || product.status !== 'ON') throw new AppError('PRODUCT_UNAVAILABLE');
    }
    if (target.kind === 'group') {
      const group = await findById<Group>('groups', target.id);
      if (!group || group.status !== 'OPEN') throw new AppError('GROUP_UNAVAILABLE');
    }
    if (target.kind === 'assist') {
      const assist = await findById<Assist>('assists', target.id);
      if (!assist || assist.status !== 'ACTIVE' || assist.expiresAt <= ctx.now)
        throw new AppError('ASSIST_UNAVAILABLE', '助力已结束');
    }
    const code = await ensureCode(userCode(target, ctx.openid, ctx.now));
    const fileId = await codeImage(code, ctx.now);
    return { scene: code._id, fileId, url: await fileUrl(fileId) };
  },

  // A product's poster, or a group's (its tiers, and a code that opens the group).
  async poster({ productId, groupId }, ctx) {
    const group = groupId ? await findById<Group>('groups', groupId) : null;
    if (groupId && (!group || group.status !== 'OPEN')) throw new AppError('GROUP_UNAVAILABLE');
    const id = group?.productId ?? productId!;
    const [product, skus, user] = await Promise.all([
      findById<Product>('products', id),
      findWhere<Sku>('skus', { productId: id }),
      findById<User>('users', ctx.openid),
    ]);
    if (!product || product.status !== 'ON') throw new AppError('PRODUCT_UNAVAILABLE');
    const target = group
      ? ({ kind: 'group', id: group._id } as const)
      : ({ kind: 'product', id } as const);
    const code = await ensureCode(userCode(target, ctx.openid, ctx.now));
    const fileId = await codeImage(code, ctx.now);
    const [imageUrl, codeUrl] = await Promise.all([
      product.images[0]?.startsWith('cloud://')
        ? fileUrl(product.images[0])
        : (product.images[0] ?? ''),
      fileUrl(fileId),
    ]);
    const priceFen = group
      ? group.tiers[group.tiers.length - 1].priceFen
      : fen(Math.min(...skus.map((s) => s.priceFen), product.priceFen));
    return {
      title: product.title,
      priceFen,
      ...(group ? { badge: `阶梯拼团 · ${tiersText(group.tiers)}` } : {}),
      imageUrl,
      code: { scene: code._id, fileId, url: codeUrl },
      shopName: deployment.shopName,
      sharerName: user?.nickname ?? '',
    };
  },

  summary: (_input, ctx) => summary(ctx),

  async invitees({ cursor }, ctx) {
    const { data } = await db
      .collection('users')
      .where({ 'binding.inviterId': ctx.openid })
      .orderBy('binding.boundAt', 'desc')
      .skip(cursor)
      .limit(PAGE + 1)
      .field({ nickname: true, binding: true })
      .get();
    const users = (data as User[]).slice(0, PAGE);
    const orders = await ordersByInvitee(
      ctx.openid,
      users.map((u) => u._id),
    );
    return {
      items: users.map((u) => ({
        nickname: u.nickname,
        boundAt: u.binding!.boundAt,
        orders: orders.get(u._id)?.orders ?? 0,
        paidFen: fen(orders.get(u._id)?.paidFen ?? 0),
      })),
      nextCursor: data.length > PAGE ? cursor + PAGE : null,
    };
  },

  async commissions({ state, cursor }, ctx) {
    const { data } = await db
      .collection('commissions')
      .where({ distributorId: ctx.openid, ...(state ? { state } : {}) })
      .orderBy('createdAt', 'desc')
      .skip(cursor)
      .limit(PAGE + 1)
      .get();
    const items = (data as Commission[]).slice(0, PAGE);
    const buyers = await findByIds<User>(
      'users',
      items.map((c) => c.buyerId),
    );
    const name = new Map(buyers.map((u) => [u._id, u.nickname]));
    return {
      items: items.map((c) => commissionView(c, name.get(c.buyerId) ?? '')),
      nextCursor: data.length > PAGE ? cursor + PAGE : null,
    };
  },

  async withdrawals(_input, ctx) {
    const { data } = await db
      .collection('withdrawals')
      .where({ distributorId: ctx.openid })
      .orderBy('requestedAt', 'desc')
      .limit(50)
      .get();
    return (data as Withdrawal[]).map((w) => withdrawalView(w));
  },

  async withdraw({ amountFen, requestId }, ctx) {
    return withdrawalView(await requestWithdrawal(ctx.openid, amountFen, requestId, ctx.now));
  },

  // Becoming a distributor is free and, when the shop approves them, a request staff answer.
  async apply(_input, ctx) {
    const settings = await distributionSettings();
    if (settings.mode === 'approved') {
      await insertOnce('distributors', { ...newAccount(ctx.openid, ctx.now) });
      await updateWhere(
        'distributors',
        { _id: ctx.openid, status: _.exists(false) },
        { status: 'APPLIED', appliedAt: ctx.now },
      );
    }
    return summary(ctx);
  },
});
