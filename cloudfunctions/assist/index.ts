// assist: friend assists (好友助力). Starting one, its page, and a friend's one-tap help. Buying at
// the price reached is an order (order.create with `assist`): the assist is a claim of it.
import type { Assist } from '../../domain/assist';
import type { User } from '../../domain/model';
import { AppError } from '../../domain/result';
import { findById, findByIds } from '../lib/infra/db';
import { createHandler } from '../lib/infra/router';
import { helpAssist, markReached, startAssist } from '../lib/assist/assists';
import { assistView } from '../lib/assist/views';
import { assistRule } from '../../domain/campaigns/rules';
import { activeCampaigns } from '../lib/pricing/facts';

async function view(assist: Assist, openid: string, at: number) {
  const [campaigns, users] = await Promise.all([
    activeCampaigns(at),
    findByIds<User>('users', [assist.starterId, openid, ...assist.helps.map((h) => h.openid)]),
  ]);
  const campaign = campaigns.find((c) => c._id === assist.campaignId);
  const rule = campaign ? assistRule(campaign) : null;
  if (!rule) throw new AppError('ASSIST_UNAVAILABLE', '助力活动已结束');
  return assistView(assist, rule, users, users.find((u) => u._id === openid) ?? null, openid, at);
}

export const main = createHandler('assist', {
  async start({ campaignId, skuId }, ctx) {
    return view(await startAssist(campaignId, skuId, ctx.openid, ctx.now), ctx.openid, ctx.now);
  },

  async detail({ assistId }, ctx) {
    const assist = await findById<Assist>('assists', assistId);
    if (!assist) throw new AppError('ASSIST_NOT_FOUND');
    if (assist.status === 'ACTIVE' && assist.helpCount >= assist.cuts.length) {
      await markReached(assist, ctx.now);
      return view({ ...assist, status: 'REACHED' }, ctx.openid, ctx.now);
    }
    return view(assist, ctx.openid, ctx.now);
  },

  async help({ assistId }, ctx) {
    return view(await helpAssist(assistId, ctx.openid, ctx.now), ctx.openid, ctx.now);
  },
});
