// What a campaign puts on display: the SKUs it prices specially and at what price, so the home
// page can show a new-user zone, a flash-sale slot or trial products with their campaign price.
import { fen, type Fen } from '../money';
import type { Campaign } from './types';

export function specialPrices(campaign: Campaign): Map<string, Fen> {
  const prices = new Map<string, Fen>();
  for (const action of campaign.actions) {
    if (action.code !== 'SPECIAL_PRICE') continue;
    for (const p of action.args.prices as { skuId: string; priceFen: number }[])
      prices.set(p.skuId, fen(p.priceFen));
  }
  return prices;
}

/** The total units a campaign's QUOTA allows, if it has one. */
export function quotaUnits(campaign: Campaign): number | null {
  const quota = campaign.conditions.find((c) => c.code === 'QUOTA');
  return quota ? Number(quota.args.units) : null;
}
