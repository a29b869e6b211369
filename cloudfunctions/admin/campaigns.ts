// Staff's campaigns: every campaign (also paused and invalid ones: staff must see what pricing
// skips) with its live figures, computed in the database: paid orders that used it, units at its
// prices, revenue of those lines, and what is left of its quota; pausing and resuming.
import type { AdminCampaignView } from '../../domain/api/views';
import { sharedLimitKey } from '../../domain/campaigns/rules';
import { checkCampaign } from '../../domain/campaigns/schema';
import type { Campaign, CampaignStatus } from '../../domain/campaigns/types';
import { fen } from '../../domain/money';
import { PAID_STATUSES } from '../../domain/order-status';
import { AppError } from '../../domain/result';
import { buildStorefront } from '../lib/catalog/storefront';
import { db } from '../lib/infra/cloud';
import { _, aggregateRows, findByIds, updateWhere } from '../lib/infra/db';

export async function listCampaigns(now: number): Promise<AdminCampaignView[]> {
  const $ = db.command.aggregate;
  const [{ data }, figures] = await Promise.all([
    db.collection('campaigns').limit(200).get(),
    db
      .collection('orders')
      .aggregate()
      .match({ status: _.in([...PAID_STATUSES, 'REFUNDING', 'REFUNDED']) })
      .unwind('$lines')
      .unwind('$lines.adjustments')
      .match({ 'lines.adjustments.campaignId': _.exists(true) })
      .group({
        _id: '$lines.adjustments.campaignId',
        orders: $.addToSet('$_id'),
        units: $.sum('$lines.qty'),
        revenue: $.sum('$lines.amountFen'),
      })
      .end(),
  ]);
  const campaigns = data as Campaign[];
  const quotaKeys = campaigns.map((c) => safeQuotaKey(c)).filter((k): k is string => !!k);
  const quotas = await findByIds<{ _id: string; remaining: number }>('allowances', quotaKeys);
  const rows = aggregateRows<{ _id: string; orders: string[]; units: number; revenue: number }>(
    figures,
  );
  return campaigns
    .map((c) => {
      const row = rows.find((r) => r._id === c._id);
      const key = safeQuotaKey(c);
      const quota = key ? quotas.find((q) => q._id === key) : undefined;
      const check = checkCampaign(c);
      return {
        campaign: c,
        valid: check.ok,
        problems: check.ok ? [] : check.problems,
        live: c.status === 'ACTIVE' && c.startsAt <= now && now < c.endsAt && check.ok,
        orders: row?.orders.length ?? 0,
        units: row?.units ?? 0,
        revenueFen: fen(row?.revenue ?? 0),
        ...(key ? { quotaLeft: quota?.remaining ?? null } : {}),
      };
    })
    .sort((a, b) => Number(b.live) - Number(a.live) || b.campaign.priority - a.campaign.priority);
}

/** A campaign's quota key, or none (also for a stored campaign too broken to read its rules). */
function safeQuotaKey(c: Campaign): string | null {
  try {
    return sharedLimitKey(c);
  } catch {
    return null;
  }
}

export async function setCampaignStatus(campaignId: string, status: CampaignStatus, now: number) {
  const updated = await updateWhere('campaigns', { _id: campaignId }, { status });
  if (!updated) {
    const { data } = await db.collection('campaigns').where({ _id: campaignId }).get();
    if (!data.length) throw new AppError('NOT_FOUND', '活动不存在');
  }
  await buildStorefront(now);
  return (await listCampaigns(now)).find((c) => c.campaign._id === campaignId)!;
}
