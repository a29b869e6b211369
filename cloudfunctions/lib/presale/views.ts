// What a pre-sale's page shows, before anyone pays: the 定金 and what it is worth, the inflation
// per friend and its cap, both phases, the ship date and, highlighted, the forfeiture; then the
// buyer's own deposit, credit and final payment.
import type { PresaleOfferView, PresaleView } from '../../../domain/api/views';
import { presaleRule, type PresaleRule } from '../../../domain/campaigns/rules';
import type { Campaign } from '../../../domain/campaigns/types';
import type { Product, Sku } from '../../../domain/model';
import { formatYuan } from '../../../domain/money';
import {
  creditWith,
  finalDueFen,
  friendsToCap,
  phaseAt,
  type Deposit,
  type DepositState,
} from '../../../domain/presale';

const china = (at: number) =>
  new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const STATE_TEXT: Record<DepositState, string> = {
  HELD: '定金待支付',
  PAID: '定金已付',
  FINAL_HELD: '尾款待支付',
  FINAL_PAID: '尾款已付',
  REFUNDED: '定金已退',
  FORFEITED: '定金已扣除（未按时付尾款）',
  COMPENSATING: '商家取消预售，退款中',
  COMPENSATED: '商家取消预售：定金已退，另付等额补偿',
};

export function presaleView(
  campaign: Campaign,
  rule: PresaleRule,
  sku: Sku,
  product: Product,
  deposit: Deposit | null,
  friends: number,
  at: number,
): PresaleView {
  const terms = rule.terms(sku._id)!;
  const phase = phaseAt(terms, campaign.startsAt, at);
  const creditFen = creditWith(terms, friends);
  const live = deposit && deposit.state !== 'REFUNDED' ? deposit : null;
  return {
    campaignId: campaign._id,
    title: product.title,
    image: product.images[0] ?? '',
    productId: product._id,
    skuId: sku._id,
    priceFen: sku.priceFen,
    depositFen: terms.depositFen,
    creditFen: terms.creditFen,
    stepFen: terms.stepFen,
    capFen: terms.capFen,
    friendsToCap: friendsToCap(terms),
    phase,
    startsAt: campaign.startsAt,
    depositEndsAt: terms.depositEndsAt,
    finalStartsAt: terms.finalStartsAt,
    finalEndsAt: terms.finalEndsAt,
    shipAt: terms.shipAt,
    forfeitRule: `付定金后须在 ${china(terms.finalStartsAt)} 至 ${china(terms.finalEndsAt)} 之间付尾款，逾期未付尾款定金不退`,
    rules: [
      `定金 ${formatYuan(terms.depositFen)}，付尾款时抵 ${formatYuan(terms.creditFen)}`,
      `你邀请的好友每有一位付定金，再膨胀 ${formatYuan(terms.stepFen)}，最多抵 ${formatYuan(terms.capFen)}（${friendsToCap(terms)} 位好友封顶）；每位好友只为邀请他的人膨胀一次`,
      `付定金：${china(campaign.startsAt)} 至 ${china(terms.depositEndsAt)}；这段时间内可取消并全额退回定金`,
      `尾款 = 售价 − 抵扣金额（最低 0 元），${china(terms.finalStartsAt)} 至 ${china(terms.finalEndsAt)} 支付`,
      `预计 ${china(terms.shipAt)} 起发货`,
      '如商家取消预售，定金全额退回，并另付等额补偿（民法典第 587 条）',
    ],
    mine: live
      ? {
          state: live.state,
          stateText: STATE_TEXT[live.state],
          friends,
          creditFen,
          finalDueFen: finalDueFen(sku.priceFen, creditFen),
          orderId: live.orderId,
          finalOrderId: live.finalOrderId ?? null,
          canCancel: live.state === 'PAID' && phase === 'DEPOSIT',
          canPayFinal: live.state === 'PAID' && phase === 'FINAL',
        }
      : null,
    canPayDeposit: !live && phase === 'DEPOSIT',
  };
}

/** The pre-sale taking deposits for one of these SKUs now, if any (its product page entry). */
export function presaleOffer(
  skus: Sku[],
  campaigns: Campaign[],
  at: number,
): PresaleOfferView | undefined {
  for (const c of campaigns) {
    const rule = presaleRule(c);
    if (!rule || c.status !== 'ACTIVE') continue;
    const skuIds = skus.map((s) => s._id).filter((id) => rule.skuIds.includes(id));
    const terms = skuIds.length ? rule.terms(skuIds[0]) : null;
    if (!terms || phaseAt(terms, c.startsAt, at) !== 'DEPOSIT') continue;
    return {
      campaignId: c._id,
      label: c.label,
      skuIds,
      depositFen: terms.depositFen,
      creditFen: terms.creditFen,
      capFen: terms.capFen,
    };
  }
  return undefined;
}
