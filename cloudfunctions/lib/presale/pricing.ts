// A pre-sale's prices (domain/presale.ts), read from its documents: the deposit (only in the
// deposit phase; nothing ships with it, so no shipping fee; its plan shows the final payment to
// come) and the final payment (only in the final phase, for a buyer whose deposit is paid: the
// price less the credit their friends inflated, never below zero).
import { presaleRule, type PresaleRule } from '../../../domain/campaigns/rules';
import type { Campaign } from '../../../domain/campaigns/types';
import type { Sku } from '../../../domain/model';
import { formatYuan, type Fen } from '../../../domain/money';
import type { FixedPrice, PaymentStep } from '../../../domain/pricing/quote';
import {
  creditWith,
  depositIdFor,
  finalDueFen,
  friendsIdFor,
  friendsToCap,
  phaseAt,
  type Deposit,
  type PresaleTerms,
} from '../../../domain/presale';
import { AppError } from '../../../domain/result';
import { findById } from '../infra/db';
import { activeCampaigns } from '../pricing/facts';

export async function presaleCampaign(
  campaignId: string,
  at: number,
): Promise<{ campaign: Campaign; rule: PresaleRule }> {
  const campaign = (await activeCampaigns(at)).find((c) => c._id === campaignId);
  const rule = campaign && presaleRule(campaign);
  if (!campaign || !rule) throw new AppError('PRESALE_UNAVAILABLE', '预售已结束');
  return { campaign, rule };
}

/** The credit a buyer's deposit is worth now: the base, and a step per friend, capped. */
export async function creditOf(campaignId: string, openid: string, terms: PresaleTerms) {
  const friends = await findById<{ friends: string[] }>(
    'presale_friends',
    friendsIdFor(campaignId, openid),
  );
  const count = friends?.friends.length ?? 0;
  return { friends: count, creditFen: creditWith(terms, count) };
}

const finalStep = (terms: PresaleTerms, amountFen: Fen, dueNow: boolean): PaymentStep => ({
  code: 'FINAL',
  label: '尾款',
  amountFen,
  dueNow,
  opensAt: terms.finalStartsAt,
  closesAt: terms.finalEndsAt,
});

export async function presalePricing(
  input: { campaignId: string; step: 'DEPOSIT' | 'FINAL' },
  openid: string,
  at: number,
  skuId: string,
): Promise<FixedPrice> {
  const depositId = depositIdFor(input.campaignId, openid);
  const [{ campaign, rule }, deposit] = await Promise.all([
    presaleCampaign(input.campaignId, at),
    findById<Deposit>('deposits', depositId),
  ]);
  const phase = (terms: PresaleTerms) => phaseAt(terms, campaign.startsAt, at);
  if (input.step === 'DEPOSIT') {
    const terms = rule.terms(skuId);
    if (!terms) throw new AppError('PRESALE_UNAVAILABLE', '该规格不参加预售');
    if (phase(terms) !== 'DEPOSIT') throw new AppError('PRESALE_UNAVAILABLE', '现在不是付定金时间');
    if (deposit && deposit.state !== 'REFUNDED' && deposit.orderId)
      throw new AppError('PRESALE_UNAVAILABLE', '你已经付过这个预售的定金');
    const sku = await findById<Sku>('skus', skuId);
    if (!sku) throw new AppError('SKU_NOT_FOUND');
    return {
      campaignId: campaign._id,
      skuId,
      priceFen: terms.depositFen,
      noShipping: true,
      payBy: terms.depositEndsAt,
      claims: [
        {
          kind: 'DEPOSIT',
          campaignId: campaign._id,
          depositId,
          skuId,
          productId: sku.productId,
          depositFen: terms.depositFen,
          finalStartsAt: terms.finalStartsAt,
          finalEndsAt: terms.finalEndsAt,
          maxFriends: friendsToCap(terms),
        },
      ],
      plan: [
        { code: 'DEPOSIT', label: '定金', amountFen: terms.depositFen, dueNow: true },
        finalStep(terms, finalDueFen(sku.priceFen, terms.creditFen), false),
      ],
    };
  }
  if (!deposit || !['PAID', 'FINAL_HELD'].includes(deposit.state))
    throw new AppError('DEPOSIT_NOT_FOUND');
  const terms = rule.terms(deposit.skuId)!;
  if (phase(terms) !== 'FINAL')
    throw new AppError(
      'PRESALE_UNAVAILABLE',
      `尾款时间：${new Date(terms.finalStartsAt).toLocaleString('zh-CN')} 起`,
    );
  const [sku, { creditFen }] = await Promise.all([
    findById<Sku>('skus', deposit.skuId),
    creditOf(campaign._id, openid, terms),
  ]);
  if (!sku) throw new AppError('SKU_NOT_FOUND');
  const due = finalDueFen(sku.priceFen, creditFen);
  return {
    campaignId: campaign._id,
    skuId: deposit.skuId,
    priceFen: due,
    payBy: terms.finalEndsAt,
    claims: [{ kind: 'FINAL_PAYMENT', campaignId: campaign._id, depositId }],
    plan: [
      {
        code: 'DEPOSIT',
        label: `定金（已付 ${formatYuan(deposit.depositFen)}，抵 ${formatYuan(creditFen)}）`,
        amountFen: deposit.depositFen,
        dueNow: false,
      },
      finalStep(terms, due, true),
    ],
  };
}
