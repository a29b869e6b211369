// presale: a deposit-inflation pre-sale's page (its rules and the caller's deposit, credit and
// final payment) and cancelling one's deposit in the deposit phase (refunded in full; the friend
// step it gave its inviter is taken back). Paying the deposit and the final payment are orders
// (order.create with `presale`).
import type { Product, Sku } from '../../domain/model';
import { depositIdFor, phaseAt, type Deposit } from '../../domain/presale';
import { AppError } from '../../domain/result';
import { findById } from '../lib/infra/db';
import { createHandler } from '../lib/infra/router';
import { refundOrder } from '../lib/payments/refund-order';
import { creditOf, presaleCampaign } from '../lib/presale/pricing';
import { presaleView } from '../lib/presale/views';

async function detail(campaignId: string, openid: string, at: number) {
  const [{ campaign, rule }, deposit] = await Promise.all([
    presaleCampaign(campaignId, at),
    findById<Deposit>('deposits', depositIdFor(campaignId, openid)),
  ]);
  const skuId = deposit?.skuId ?? rule.skuIds[0];
  const sku = await findById<Sku>('skus', skuId);
  const [product, credit] = await Promise.all([
    sku ? findById<Product>('products', sku.productId) : null,
    creditOf(campaignId, openid, rule.terms(skuId)!),
  ]);
  if (!sku || !product) throw new AppError('PRODUCT_UNAVAILABLE');
  return presaleView(campaign, rule, sku, product, deposit, credit.friends, at);
}

export const main = createHandler('presale', {
  detail: ({ campaignId }, ctx) => detail(campaignId, ctx.openid, ctx.now),

  async cancelDeposit({ campaignId }, ctx) {
    const [{ campaign, rule }, deposit] = await Promise.all([
      presaleCampaign(campaignId, ctx.now),
      findById<Deposit>('deposits', depositIdFor(campaignId, ctx.openid)),
    ]);
    if (!deposit || deposit.state !== 'PAID') throw new AppError('DEPOSIT_NOT_FOUND');
    if (phaseAt(rule.terms(deposit.skuId)!, campaign.startsAt, ctx.now) !== 'DEPOSIT')
      throw new AppError('PRESALE_UNAVAILABLE', '付定金阶段已结束，定金不能取消');
    await refundOrder(
      {
        orderId: deposit.orderId,
        amountFen: deposit.depositFen,
        reason: '买家取消预售定金',
        requestId: `deposit-cancel-${deposit.orderId}`,
      },
      ctx,
    );
    return detail(campaignId, ctx.openid, ctx.now);
  },
});
