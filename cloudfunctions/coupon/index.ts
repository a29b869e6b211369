// coupon: the coupon center (templates a user can claim now), claiming one, and my coupons.
//
// A claim is limited twice, both atomically, the buyer's own limit first: (1) the buyer's slot,
// by inserting the coupon under an id made of template, user and a slot number up to the
// per-user limit (an id that exists cannot be inserted), as CLAIMING; (2) then one unit of the
// template's shared quota, held under that coupon's id; (3) the coupon becomes UNUSED and the
// unit used. A buyer at their limit never holds a quota unit, so many claims of one buyer at once
// cannot make the center look sold out to others. If the quota is gone the slot is given back.
// The timer settles what a crashed claim left half done.
import { newCoupon } from '../../domain/campaigns/coupons';
import type { Coupon, CouponTemplate } from '../../domain/campaigns/types';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { _, findById, findByIds, findWhere, insertOnce, updateWhere } from '../lib/infra/db';
import { consumeUnits, holdUnits } from '../lib/infra/holds';
import { createHandler, type Context } from '../lib/infra/router';
import { couponView, templateView } from '../lib/views/coupon-views';
import { couponQuotaKey, couponSlotIds } from '../lib/coupons/slots';

async function claim(tpl: CouponTemplate, ctx: Context): Promise<Coupon> {
  const key = couponQuotaKey(tpl._id);
  const slots = couponSlotIds(tpl, ctx.openid);
  for (let attempt = 0; attempt < tpl.perUserLimit + 2; attempt++) {
    const [mine, quota] = await Promise.all([
      findByIds<Coupon>('coupons', slots),
      findById<{ remaining: number }>('allowances', key),
    ]);
    const slot = slots.find((id) => !mine.some((c) => c._id === id));
    if (!slot) throw new AppError('COUPON_LIMIT', `每人限领 ${tpl.perUserLimit} 张`);
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
    // 1. The buyer's slot (a concurrent claim of theirs may take it first: try the next one).
    if (
      !(await insertOnce('coupons', { ...coupon, status: 'CLAIMING' } as unknown as {
        _id: string;
      }))
    )
      continue;
    // 2. A unit of the shared quota (its document is created full the first time).
    if (!quota)
      await insertOnce('allowances', {
        _id: key,
        kind: 'couponQuota',
        shared: true,
        remaining: tpl.totalQuota,
        used: 0,
        holds: [],
      });
    if (!(await holdUnits('allowances', key, 'remaining', slot, 1, ctx.now))) {
      await db.collection('coupons').where({ _id: slot, status: 'CLAIMING' }).remove();
      throw new AppError('COUPON_SOLD_OUT');
    }
    // 3. Usable, and the unit used.
    await updateWhere('coupons', { _id: slot, status: 'CLAIMING' }, { status: 'UNUSED' });
    await consumeUnits('allowances', key, slot, 1, 'used');
    return coupon;
  }
  throw new AppError('COUPON_LIMIT', `每人限领 ${tpl.perUserLimit} 张`);
}

export const main = createHandler('coupon', {
  async center(_input, ctx) {
    const templates = (
      await findWhere<CouponTemplate>('coupon_templates', { status: 'ACTIVE' }, 50)
    ).filter((t) => t.claimFrom <= ctx.now && ctx.now < t.claimUntil);
    const [quotas, mine] = await Promise.all([
      findByIds<{ _id: string; remaining: number }>(
        'allowances',
        templates.map((t) => couponQuotaKey(t._id)),
      ),
      findByIds<Coupon>(
        'coupons',
        templates.flatMap((t) => couponSlotIds(t, ctx.openid)),
      ),
    ]);
    return templates.map((t) =>
      templateView(
        t,
        quotas.find((q) => q._id === couponQuotaKey(t._id))?.remaining ?? t.totalQuota,
        mine.filter((c) => c.templateId === t._id && c.status !== 'CLAIMING').length,
      ),
    );
  },

  async claim({ templateId }, ctx) {
    const tpl = await findById<CouponTemplate>('coupon_templates', templateId);
    if (!tpl || tpl.status !== 'ACTIVE' || ctx.now < tpl.claimFrom || ctx.now >= tpl.claimUntil)
      throw new AppError('COUPON_NOT_CLAIMABLE');
    return couponView(await claim(tpl, ctx), ctx.now);
  },

  async mine({ status }, ctx) {
    const all = await findWhere<Coupon>(
      'coupons',
      { openid: ctx.openid, status: _.in(['UNUSED', 'HELD', 'USED']) },
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
});
