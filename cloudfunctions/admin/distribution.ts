// Staff's side of distribution: the settings (who may earn, rates, freeze, minimum withdrawal,
// binding windows), distributors (approve, disable), every commission, a distributor's ledger,
// the withdrawal queue (mark paid after paying out, or turn down), and channel codes with where
// their users came from and what they bought.
import type { AdminDistributorView, ChannelCodeView } from '../../domain/api/views';
import {
  DISTRIBUTOR_STATUS_TEXT,
  type DistributionSettings,
  type DistributorStatus,
} from '../../domain/distribution';
import type {
  Commission,
  Distributor,
  LedgerEntry,
  ShareCode,
  User,
  Withdrawal,
} from '../../domain/model';
import { fen } from '../../domain/money';
import { PAID_STATUSES } from '../../domain/order-status';
import { AppError } from '../../domain/result';
import { channelScene, SHARE_PAGES } from '../../domain/share';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, aggregateRows, findById, findByIds, insertOnce, updateWhere } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';
import { newAccount } from '../lib/distribution/account';
import { DISTRIBUTION_SETTINGS_ID, distributionSettings } from '../lib/distribution/settings';
import { markWithdrawalPaid, rejectWithdrawal } from '../lib/distribution/withdrawals';
import { codeImage, ensureCode, fileUrl } from '../lib/share/codes';
import { commissionView, ledgerViews, withdrawalView } from '../lib/views/distribution-views';

const $ = db.command.aggregate;
const PAGE = 20;

export async function saveDistributionSettings(
  settings: DistributionSettings,
  ctx: Context,
): Promise<DistributionSettings> {
  await db
    .collection('shop_settings')
    .doc(DISTRIBUTION_SETTINGS_ID)
    .set({ data: { ...settings, updatedAt: ctx.now, updatedBy: ctx.openid } });
  // The home snapshot carries the binding windows to the launch: rebuild it now.
  await buildStorefront(ctx.now);
  return distributionSettings();
}

async function distributorViews(accounts: Distributor[]): Promise<AdminDistributorView[]> {
  const ids = accounts.map((a) => a._id);
  if (ids.length === 0) return [];
  const [users, invited, earned] = await Promise.all([
    findByIds<User>('users', ids),
    db
      .collection('users')
      .aggregate()
      .match({ 'binding.inviterId': _.in(ids) })
      .group({ _id: '$binding.inviterId', n: $.sum(1) })
      .end(),
    db
      .collection('commissions')
      .aggregate()
      .match({ distributorId: _.in(ids), state: _.neq('VOID') })
      .group({ _id: '$distributorId', net: $.sum($.subtract(['$amountFen', '$voidedFen'])) })
      .end(),
  ]);
  const name = new Map(users.map((u) => [u._id, u.nickname]));
  const invitedBy = new Map(
    aggregateRows<{ _id: string; n: number }>(invited).map((r) => [r._id, r.n]),
  );
  const earnedBy = new Map(
    aggregateRows<{ _id: string; net: number }>(earned).map((r) => [r._id, r.net]),
  );
  return accounts.map((a) => ({
    openid: a._id,
    nickname: name.get(a._id) ?? '',
    status: a.status ?? null,
    statusText: a.status ? DISTRIBUTOR_STATUS_TEXT[a.status] : '未申请',
    ...(a.appliedAt ? { appliedAt: a.appliedAt } : {}),
    invited: invitedBy.get(a._id) ?? 0,
    balanceFen: a.balanceFen,
    earnedFen: fen(earnedBy.get(a._id) ?? 0),
  }));
}

export async function listDistributors(input: {
  status?: DistributorStatus;
  cursor: number;
}): Promise<{ items: AdminDistributorView[]; nextCursor: number | null }> {
  const { data } = await db
    .collection('distributors')
    .where(input.status ? { status: input.status } : {})
    .orderBy('createdAt', 'desc')
    .skip(input.cursor)
    .limit(PAGE + 1)
    .get();
  const items = await distributorViews((data as Distributor[]).slice(0, PAGE));
  return { items, nextCursor: data.length > PAGE ? input.cursor + PAGE : null };
}

export async function setDistributorStatus(
  input: { openid: string; status: 'ACTIVE' | 'DISABLED' },
  ctx: Context,
): Promise<AdminDistributorView> {
  const user = await findById<User>('users', input.openid);
  if (!user) throw new AppError('NOT_FOUND', '用户不存在');
  await insertOnce('distributors', { ...newAccount(input.openid, ctx.now) });
  await updateWhere(
    'distributors',
    { _id: input.openid },
    { status: input.status, reviewedAt: ctx.now, reviewedBy: ctx.openid },
  );
  const account = (await findById<Distributor>('distributors', input.openid))!;
  return (await distributorViews([account]))[0];
}

export async function listCommissions(input: {
  state?: Commission['state'];
  distributorId?: string;
  cursor: number;
}) {
  const { data } = await db
    .collection('commissions')
    .where({
      ...(input.state ? { state: input.state } : {}),
      ...(input.distributorId ? { distributorId: input.distributorId } : {}),
    })
    .orderBy('createdAt', 'desc')
    .skip(input.cursor)
    .limit(PAGE + 1)
    .get();
  const items = (data as Commission[]).slice(0, PAGE);
  const users = await findByIds<User>(
    'users',
    items.map((c) => c.buyerId),
  );
  const name = new Map(users.map((u) => [u._id, u.nickname]));
  return {
    items: items.map((c) => commissionView(c, name.get(c.buyerId) ?? '', true)),
    nextCursor: data.length > PAGE ? input.cursor + PAGE : null,
  };
}

export async function commissionLedger(distributorId: string) {
  const { data } = await db
    .collection('commission_ledger')
    .where({ distributorId })
    .orderBy('at', 'asc')
    .limit(1000)
    .get();
  return ledgerViews(data as LedgerEntry[]);
}

export async function listWithdrawals(status: 'REQUESTED' | 'PAID' | 'REJECTED') {
  const { data } = await db
    .collection('withdrawals')
    .where({ status })
    .orderBy('requestedAt', status === 'REQUESTED' ? 'asc' : 'desc')
    .limit(100)
    .get();
  const items = data as Withdrawal[];
  const users = await findByIds<User>(
    'users',
    items.map((w) => w.distributorId),
  );
  const name = new Map(users.map((u) => [u._id, u.nickname]));
  return items.map((w) => withdrawalView(w, name.get(w.distributorId) ?? ''));
}

export async function handleWithdrawal(
  input: { id: string; note: string },
  paid: boolean,
  ctx: Context,
) {
  const w = paid
    ? await markWithdrawalPaid(input.id, ctx.openid, input.note, ctx.now)
    : await rejectWithdrawal(input.id, ctx.openid, input.note, ctx.now);
  const user = await findById<User>('users', w.distributorId);
  return withdrawalView(w, user?.nickname ?? '');
}

async function channelView(code: ShareCode): Promise<ChannelCodeView> {
  const channel = code.channel!;
  const [scans, newUsers, orders, url] = await Promise.all([
    db.collection('touches').where({ channel }).count(),
    db.collection('users').where({ channel }).count(),
    db
      .collection('orders')
      .aggregate()
      .match({ channel, status: _.in([...PAID_STATUSES, 'REFUNDING', 'REFUNDED']) })
      .group({ _id: null, n: $.sum(1), paid: $.sum('$totalFen') })
      .end(),
    code.fileId ? fileUrl(code.fileId) : Promise.resolve(''),
  ]);
  const row = aggregateRows<{ n: number; paid: number }>(orders)[0];
  return {
    scene: code._id,
    channel,
    name: code.name ?? channel,
    url,
    fileId: code.fileId ?? '',
    scans: scans.total,
    newUsers: newUsers.total,
    orders: row?.n ?? 0,
    paidFen: fen(row?.paid ?? 0),
    createdAt: code.createdAt,
  };
}

export async function listChannelCodes(): Promise<ChannelCodeView[]> {
  const { data } = await db
    .collection('share_codes')
    .where({ channel: _.exists(true) })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get();
  return Promise.all((data as ShareCode[]).map(channelView));
}

/** A channel code (the home page, tagged with the channel), made once; renaming keeps the code. */
export async function saveChannelCode(
  input: { channel: string; name: string },
  ctx: Context,
): Promise<ChannelCodeView> {
  const scene = channelScene(input.channel);
  const code = await ensureCode({
    _id: scene,
    page: SHARE_PAGES.home,
    params: {},
    channel: input.channel,
    name: input.name,
    createdAt: ctx.now,
    createdBy: ctx.openid,
  });
  if (code.name !== input.name)
    await updateWhere('share_codes', { _id: scene }, { name: input.name });
  const fileId = await codeImage(code, ctx.now);
  return channelView({ ...code, name: input.name, fileId });
}
