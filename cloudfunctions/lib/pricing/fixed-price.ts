// The fixed price an order asks for with a campaign's document (quote's `fixedPrice`): an
// assist's price reached, or a pre-sale's deposit or final payment; worked out by the server from
// its own documents, never from the payload.
import type { FixedPrice } from '../../../domain/pricing/quote';
import type { ErrorCode } from '../../../domain/result';
import { assistPricing } from '../assist/assists';
import { presalePricing } from '../presale/pricing';
import { boxPricing, type AgeAnswer } from '../blindbox/pricing';

export interface FixedPriceInput {
  assist?: { assistId: string };
  presale?: { campaignId: string; step: 'DEPOSIT' | 'FINAL' };
  box?: { campaignId: string; age: AgeAnswer };
  /** The lines asked for (a deposit is for the SKU bought now). */
  lines: { source: string; skuId?: string };
}

export async function fixedPriceOf(
  input: FixedPriceInput,
  openid: string,
  at: number,
): Promise<FixedPrice | undefined> {
  if (input.assist) return assistPricing(input.assist.assistId, openid, at);
  if (input.presale) return presalePricing(input.presale, openid, at, input.lines.skuId ?? '');
  if (input.box) return boxPricing(input.box, openid, at, input.lines.skuId ?? '');
  return undefined;
}

/** The error a fixed price that no longer applies answers with. */
export const fixedPriceError = (input: FixedPriceInput): ErrorCode =>
  input.assist ? 'ASSIST_UNAVAILABLE' : input.box ? 'BLIND_BOX_UNAVAILABLE' : 'PRESALE_UNAVAILABLE';
