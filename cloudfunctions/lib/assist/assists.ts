// Friend assists on the server (domain/assist.ts): starting one (once per user, campaign and SKU,
// with the campaign's cuts fixed into it), and a friend's help: their day's limit taken first
// (one conditional update of their day's document, listing the assist), then the help (one
// conditional update of the assist: collecting, before its deadline, a help left, the helper not
// in it), so of any number of helpers at once exactly N help; a help refused after the day's
// unit was taken gives the unit back. The N-th help marks it REACHED and tells the starter.
import { createHash } from 'node:crypto';
import {
  ASSIST_LIFETIME_MS,
  assistCuts,
  chinaDay,
  helpProblem,
  priceAfter,
  type Assist,
} from '../../../domain/assist';
import { assistRule, type AssistRule } from '../../../domain/campaigns/rules';
import type { Campaign } from '../../../domain/campaigns/types';
import type { Product, Sku, User } from '../../../domain/model';
import { fen } from '../../../domain/money';
import type { FixedPrice } from '../../../domain/pricing/quote';
import { AppError } from '../../../domain/result';
import { _, findById, insertOnce, updateWhere } from '../infra/db';
import { enqueue } from '../notices/outbox';
import { activeCampaigns } from '../pricing/facts';

export const assistIdFor = (campaignId: string, skuId: string, openid: string) =>
  'as' + createHash('sha256').update(`${campaignId}:${skuId}:${openid}`).digest('hex').slice(0, 22);

/** The live assist campaign and its rule (refused when it is not running). */
export async function assistCampaign(
  campaignId: string,
  at: number,
): Promise<{ campaign: Campaign; rule: AssistRule }> {
  const campaign = (await activeCampaigns(at)).find((c) => c._id === campaignId);
  const rule = campaign && assistRule(campaign);
  if (!campaign || !rule || campaign.startsAt > at)
    throw new AppError('ASSIST_UNAVAILABLE', '助力活动未开始或已结束');
  return { campaign, rule };
}

export async function startAssist(
  campaignId: string,
  skuId: string,
  openid: string,
  at: number,
): Promise<Assist> {
  const id = assistIdFor(campaignId, skuId, openid);
  const existing = await findById<Assist>('assists', id);
  if (existing) return existing;
  const [{ campaign, rule }, sku] = await Promise.all([
    assistCampaign(campaignId, at),
    findById<Sku>('skus', skuId),
  ]);
  const floorFen = rule.floorFor(skuId);
  const product = sku && (await findById<Product>('products', sku.productId));
  if (!sku || !product || product.status !== 'ON' || floorFen === null)
    throw new AppError('ASSIST_UNAVAILABLE', '该商品不参加助力');
  if (floorFen >= sku.priceFen) throw new AppError('ASSIST_UNAVAILABLE', '该商品不参加助力');
  const assist: Assist = {
    _id: id,
    campaignId,
    productId: product._id,
    skuId,
    title: product.title,
    image: product.images[0] ?? '',
    starterId: openid,
    listFen: sku.priceFen,
    floorFen,
    cuts: assistCuts(sku.priceFen, floorFen, rule.helps, rule.weights),
    helps: [],
    helpCount: 0,
    status: 'ACTIVE',
    createdAt: at,
    expiresAt: Math.min(at + ASSIST_LIFETIME_MS, campaign.endsAt),
  };
  if (await insertOnce('assists', { ...assist })) return assist;
  return (await findById<Assist>('assists', id))!;
}

/** A friend's one tap. Returns the assist after it. */
export async function helpAssist(assistId: string, openid: string, at: number): Promise<Assist> {
  const [assist, helper] = await Promise.all([
    findById<Assist>('assists', assistId),
    findById<User>('users', openid),
  ]);
  if (!assist) throw new AppError('ASSIST_NOT_FOUND');
  // A helper is a real participant: signed in to the shop (RULES.md).
  if (!helper) throw new AppError('NOT_LOGGED_IN');
  if (assist.helps.some((h) => h.openid === openid)) return assist; // a repeated tap
  const { rule } = await assistCampaign(assist.campaignId, at);
  const refuse = (a: Assist) => {
    const problem = helpProblem(
      a,
      { openid, isNewUser: (helper?.paidOrderCount ?? 0) === 0 },
      rule,
      at,
    );
    return problem ? new AppError('ASSIST_REFUSED', problem) : null;
  };
  const before = refuse(assist);
  if (before) throw before;

  const dayId = `${openid}:${chinaDay(at)}`;
  if (!(await takeDailyHelp(dayId, openid, assistId, rule.dailyHelps, at)))
    throw new AppError('ASSIST_REFUSED', `每天最多助力 ${rule.dailyHelps} 次，明天再来吧`);
  const helped = await updateWhere(
    'assists',
    {
      _id: assistId,
      status: 'ACTIVE',
      expiresAt: _.gt(at),
      helpCount: _.lt(assist.cuts.length),
      'helps.openid': _.neq(openid),
    },
    { helps: _.push({ openid, at }), helpCount: _.inc(1) },
  );
  const after = (await findById<Assist>('assists', assistId))!;
  if (!helped) {
    if (after.helps.some((h) => h.openid === openid)) return after;
    await updateWhere(
      'assist_days',
      { _id: dayId, assistIds: assistId },
      { assistIds: _.pull(assistId), count: _.inc(-1) },
    );
    throw refuse(after) ?? new AppError('ASSIST_REFUSED', '已经助力到底价了');
  }
  if (after.helpCount >= after.cuts.length) await markReached(after, at);
  return after;
}

/** One of the helper's daily helps, for this assist (a retry finds it taken). */
async function takeDailyHelp(
  dayId: string,
  openid: string,
  assistId: string,
  limit: number,
  at: number,
): Promise<boolean> {
  if (await insertOnce('assist_days', { _id: dayId, openid, count: 1, assistIds: [assistId], at }))
    return true;
  const taken = await updateWhere(
    'assist_days',
    { _id: dayId, count: _.lt(limit), assistIds: _.neq(assistId) },
    { count: _.inc(1), assistIds: _.push(assistId) },
  );
  if (taken) return true;
  const day = await findById<{ assistIds: string[] }>('assist_days', dayId);
  return !!day?.assistIds.includes(assistId);
}

/**
 * The N-th help: REACHED once, and the starter hears of it. Also run when an assist is read with
 * all its helps but still ACTIVE (a crash came between the last help and this).
 */
export async function markReached(assist: Assist, at: number): Promise<void> {
  const reached = await updateWhere(
    'assists',
    { _id: assist._id, status: 'ACTIVE', helpCount: assist.cuts.length },
    { status: 'REACHED', reachedAt: at },
  );
  if (!reached) return;
  await enqueue(
    'ASSIST_DONE',
    assist._id,
    assist.starterId,
    {
      assistId: assist._id,
      product: assist.title,
      priceFen: fen(priceAfter(assist.listFen, assist.cuts, assist.cuts.length)),
      expiresAt: assist.expiresAt,
    },
    at,
  );
}

/**
 * The price an order of the starter's uses (the quote's `assist`): refused for anyone else, a
 * used or expired assist. The claim on it is taken when the order is placed.
 */
export async function assistPricing(
  assistId: string,
  openid: string,
  at: number,
): Promise<FixedPrice> {
  const assist = await findById<Assist>('assists', assistId);
  if (!assist || assist.starterId !== openid) throw new AppError('ASSIST_NOT_FOUND');
  if (assist.status === 'USED') throw new AppError('ASSIST_UNAVAILABLE', '这个助力已经下过单了');
  if (assist.expiresAt <= at) throw new AppError('ASSIST_UNAVAILABLE', '助力已结束');
  return {
    campaignId: assist.campaignId,
    skuId: assist.skuId,
    priceFen: priceAfter(assist.listFen, assist.cuts, assist.helpCount),
    claims: [{ kind: 'ASSIST_USE', campaignId: assist.campaignId, assistId }],
  };
}
