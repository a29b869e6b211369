// What an assist's page shows: the price, the floor, every help's fixed cut and who gave it, the
// price reached, the deadline, and the rules, all before anyone starts or helps.
import type { AssistOfferView, AssistView } from '../../../domain/api/views';
import { assistCuts, cutsText, helpProblem, priceAfter, type Assist } from '../../../domain/assist';
import { assistRule, type AssistRule } from '../../../domain/campaigns/rules';
import type { Campaign, PricingFacts } from '../../../domain/campaigns/types';
import type { Sku, User } from '../../../domain/model';
import { formatYuan } from '../../../domain/money';

const STATUS_TEXT = { ACTIVE: '助力中', REACHED: '已到底价', USED: '已购买' } as const;

export function assistRules(assist: Pick<Assist, 'cuts' | 'floorFen'>, rule: AssistRule): string[] {
  return [
    `共需 ${assist.cuts.length} 位好友助力，${cutsText(assist.cuts)}，全部助力后到底价 ${formatYuan(assist.floorFen)}`,
    '减价金额固定，不随机；发起后 24 小时内有效',
    '发起人可随时按当前价购买一次；助力满员后按底价购买',
    `每位好友对同一助力只能助力一次，每天最多助力 ${rule.dailyHelps} 次；不能为自己助力${rule.newHelpersOnly ? '；仅限新用户助力' : ''}`,
    '助力不需要分享到朋友圈，也没有分享奖励',
  ];
}

export function assistView(
  assist: Assist,
  rule: AssistRule,
  users: User[],
  caller: User | null,
  openid: string,
  at: number,
): AssistView {
  const names = new Map(users.map((u) => [u._id, u.nickname || '微信用户']));
  const expired = assist.expiresAt <= at;
  const starter = assist.starterId === openid;
  return {
    id: assist._id,
    campaignId: assist.campaignId,
    productId: assist.productId,
    skuId: assist.skuId,
    title: assist.title,
    image: assist.image,
    status: assist.status,
    statusText: expired && assist.status !== 'USED' ? '已结束' : STATUS_TEXT[assist.status],
    listFen: assist.listFen,
    floorFen: assist.floorFen,
    currentFen: priceAfter(assist.listFen, assist.cuts, assist.helpCount),
    cuts: assist.cuts.map((cutFen, i) => ({
      cutFen,
      helper: assist.helps[i] ? (names.get(assist.helps[i].openid) ?? '微信用户') : null,
    })),
    helpCount: assist.helpCount,
    expiresAt: assist.expiresAt,
    starter: names.get(assist.starterId) ?? '微信用户',
    me: { starter, helped: assist.helps.some((h) => h.openid === openid) },
    helpProblem: helpProblem(
      assist,
      { openid, isNewUser: (caller?.paidOrderCount ?? 0) === 0 },
      rule,
      at,
    ),
    canBuy: starter && assist.status !== 'USED' && !assist.orderId && !expired,
    orderId: assist.orderId ?? null,
    rules: assistRules(assist, rule),
  };
}

/** The friend-assist campaign on this product for its product page, if one runs. */
export function assistOffer(
  skus: Sku[],
  campaigns: Campaign[],
  facts: PricingFacts,
): AssistOfferView | undefined {
  for (const c of campaigns) {
    const rule = assistRule(c);
    if (!rule || c.status !== 'ACTIVE' || c.startsAt > facts.now || facts.now >= c.endsAt) continue;
    const offered = skus.flatMap((s) => {
      const floorFen = rule.floorFor(s._id);
      if (floorFen === null || floorFen >= s.priceFen) return [];
      const cuts = assistCuts(s.priceFen, floorFen, rule.helps, rule.weights);
      return [{ skuId: s._id, listFen: s.priceFen, floorFen, cuts }];
    });
    if (offered.length)
      return {
        campaignId: c._id,
        label: c.label,
        helps: rule.helps,
        dailyHelps: rule.dailyHelps,
        newHelpersOnly: rule.newHelpersOnly,
        skus: offered,
      };
  }
  return undefined;
}
