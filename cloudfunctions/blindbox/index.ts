// blindbox: a blind box's page for this buyer (every item that can come out, its value and the
// probability this buyer's box has, after tuning and stock, and the rules) and the public proof
// of any draw (its record: commitment, revealed seed, odds, result; and whether it verifies).
import { probabilitiesPpm, SEGMENT_TEXT } from '../../domain/blindbox';
import { verifyDraw } from '../../domain/blindbox-draw';
import type { Product, Sku } from '../../domain/model';
import { AppError } from '../../domain/result';
import { findById, findByIds } from '../lib/infra/db';
import { createHandler } from '../lib/infra/router';
import { boxCampaign, buyerOdds } from '../lib/blindbox/pricing';
import { myBoxes, openBox, removeOption } from '../lib/blindbox/boxes';

interface DrawRecord {
  _id: string;
  campaignId: string;
  commitment: string;
  seed: string;
  odds: { skuId: string; weight: number }[];
  skuId: string;
  skipped: string[];
  at: number;
}

export const main = createHandler('blindbox', {
  async detail({ campaignId }, ctx) {
    const { campaign, rule } = await boxCampaign(campaignId, ctx.now);
    const [{ odds, segment, guaranteeDue, left }, skus] = await Promise.all([
      buyerOdds(campaign, rule, ctx.openid, ctx.now),
      findByIds<Sku>('skus', [rule.boxSkuId, ...rule.pool.map((i) => i.skuId)]),
    ]);
    const products = await findByIds<Product>(
      'products',
      skus.map((s) => s.productId),
    );
    const titleOf = (skuId: string) => {
      const sku = skus.find((s) => s._id === skuId);
      return products.find((p) => p._id === sku?.productId)?.title ?? skuId;
    };
    const ppm = new Map(probabilitiesPpm(odds).map((p) => [p.skuId, p.ppm]));
    return {
      campaignId,
      title: campaign.title,
      boxSkuId: rule.boxSkuId,
      boxFen: rule.boxFen,
      items: rule.pool.map((i) => ({
        skuId: i.skuId,
        title: titleOf(i.skuId),
        valueFen: i.valueFen,
        top: !!i.top,
        left: left[i.skuId] ?? 0,
        ppm: ppm.get(i.skuId) ?? 0,
      })),
      segmentText: rule.tuned ? SEGMENT_TEXT[segment] : '标准概率',
      guaranteeDue,
      soldOut: odds.length === 0,
      fission: rule.fission,
      rules: [
        '付款前展示的概率即本次抽取使用的概率，下单时写入订单',
        '付款后由服务器抽取：订单保存种子的哈希承诺，开箱后公开种子，任何人可复算验证',
        `每件奖池商品价值不低于盒价 ¥${(rule.boxFen / 100).toFixed(2)}，不会空盒；抽到的商品缺货时按固定顺序顺延到下一件`,
        ...(rule.guaranteeAfter > 0
          ? [`保底：连续 ${rule.guaranteeAfter} 盒未出大奖，下一盒必出大奖`]
          : []),
        ...(rule.dailyCap > 0 ? [`每人每天限购 ${rule.dailyCap} 盒`] : []),
        ...(rule.fission
          ? [
              `裂变盲盒：你邀请的好友每买 1 盒，你可去掉 1 个不想要的选项（共 ${rule.pool.length} 个选项，最多去掉 ${rule.pool.length - 1} 个），再自己开箱`,
            ]
          : []),
        '未满 8 岁不可购买；8 至 18 岁须经监护人同意',
      ],
    };
  },

  mine: (_input, ctx) => myBoxes(ctx.openid),
  remove: ({ orderId, skuId }, ctx) => removeOption(orderId, skuId, ctx.openid),
  open: ({ orderId }, ctx) => openBox(orderId, ctx.openid, ctx.now),

  /** Anyone may verify any draw: the record has no personal data. */
  async verify({ orderId }) {
    const record = await findById<DrawRecord>('draws', orderId);
    if (!record) throw new AppError('NOT_FOUND', '没有这个抽取记录');
    return {
      orderId,
      commitment: record.commitment,
      seed: record.seed,
      odds: record.odds,
      skuId: record.skuId,
      skipped: record.skipped,
      at: record.at,
      verified: verifyDraw({ ...record, orderId }),
    };
  },
});
