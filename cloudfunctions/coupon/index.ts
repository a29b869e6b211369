// coupon: the coupon center (templates a user can claim now), claiming one, and my coupons.
//
// A claim is limited twice, both atomically: per user by the coupon's id (template, user and a
// slot number up to the per-user limit: inserting an id that exists fails), and in total by the
// template's quota allowance, held under a token of this call while the coupon is written (the
// coupon records the token); the timer settles holds a crashed call left behind.
import { randomUUID } from 'node:crypto';
import { couponInputs } from '../../domain/api/inputs';
import { newCoupon } from '../../domain/campaigns/coupons';
import type { Coupon, CouponTemplate } from '../../domain/campaigns/types';
import { AppError } from '../../domain/result';
import { couponView, templateView } from '../lib/views/coupon-views';
import { _, findById, findByIds, findWhere, insertOnce } from '../lib/infra/db';
import { consumeUnits, holdUnits, releaseUnits } from '../lib/infra/holds';
import { action, createHandler, type Context } from '../lib/infra/router';

export const quotaKey = (templateId: string) => `tplquota:${templateId}`;
const slotIds = (tpl: CouponTemplate, openid: string) =>
  Array.from({ length: tpl.perUserLimit }, (_, i) => `tpl:${tpl._id}:${openid}:${i + 1}`);

async function claim(tpl: CouponTemplate, ctx: Context): Promise<Coupon> {
  const key = quotaKey(tpl._id);
  await insertOnce('allowances', {
    _id: key,
    kind: 'couponQuota',
    remaining: tpl.totalQuota,
    used: 0,
    holds: [],
  });
  for (let attempt = 0; attempt < tpl.perUserLimit + 2; attempt++) {
    const taken = new Set(
      (await findByIds<Coupon>('coupons', slotIds(tpl, ctx.openid))).map((c) => c._id),
    );
    const slot = slotIds(tpl, ctx.openid).find((id) => !taken.has(id));
    if (!slot) throw new AppError('COUPON_LIMIT', `每人限领 ${tpl.perUserLimit} 张`);
    // This call's own hold: another claim racing for the same slot holds under its own token.
    const token = `${slot}#${randomUUID()}`;
    if (!(await holdUnits('allowances', key, 'remaining', token, 1, ctx.now)))
      throw new AppError('COUPON_SOLD_OUT');
    const coupon = newCoupon(
      {
        id: slot,
        openid: ctx.openid,
        title: tpl.title,
        discount: tpl.discount,
        thresholdFen: tpl.thresholdFen,
        productIds: tpl.productIds,
        validDays: tpl.validDays,
        source: 'CENTER',
        templateId: tpl._id,
      },
      ctx.now,
    );
    if (
      await insertOnce('coupons', { ...coupon, claimToken: token } as unknown as { _id: string })
    ) {
      await consumeUnits('allowances', key, token, 1, 'used');
      return coupon;
    }
    // A concurrent claim of ours filled this slot first: give our unit back and try the next.
    await releaseUnits('allowances', key, 'remaining', token, 1);
  }
  throw new AppError('COUPON_LIMIT', `每人限领 ${tpl.perUserLimit} 张`);
}

export const main = createHandler({
  center: action({
    input: couponInputs.center,
    async run(_input, ctx) {
      const templates = (
        await findWhere<CouponTemplate>('coupon_templates', { status: 'ACTIVE' }, 50)
      ).filter((t) => t.claimFrom <= ctx.now && ctx.now < t.claimUntil);
      const quotas = await findByIds<{ _id: string; remaining: number }>(
        'allowances',
        templates.map((t) => quotaKey(t._id)),
      );
      const mine = await findByIds<Coupon>(
        'coupons',
        templates.flatMap((t) => slotIds(t, ctx.openid)),
      );
      return templates.map((t) =>
        templateView(
          t,
          quotas.find((q) => q._id === quotaKey(t._id))?.remaining ?? t.totalQuota,
          mine.filter((c) => c.templateId === t._id).length,
        ),
      );
    },
  }),

  claim: action({
    input: couponInputs.claim,
    async run({ templateId }, ctx) {
      const tpl = await findById<CouponTemplate>('coupon_templates', templateId);
      if (!tpl || tpl.status !== 'ACTIVE' || ctx.now < tpl.claimFrom || ctx.now >= tpl.claimUntil)
        throw new AppError('COUPON_NOT_CLAIMABLE');
      return couponView(await claim(tpl, ctx), ctx.now);
    },
  }),

  mine: action({
    input: couponInputs.mine,
    async run({ status }, ctx) {
      const all = await findWhere<Coupon>(
        'coupons',
        { openid: ctx.openid, status: _.neq('WITHDRAWN') },
        200,
      );
      const expired = (c: Coupon) => c.status === 'UNUSED' && c.validUntil <= ctx.now;
      const pick = {
        UNUSED: (c: Coupon) => (c.status === 'UNUSED' || c.status === 'HELD') && !expired(c),
        USED: (c: Coupon) => c.status === 'USED',
        EXPIRED: expired,
      }[status];
      return all
        .filter(pick)
        .sort((a, b) => a.validUntil - b.validUntil)
        .map((c) => couponView(c, ctx.now));
    },
  }),
});
