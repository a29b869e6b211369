// Distribution commission, one level (RULES.md "Distribution commission"): a distributor earns on
// the paid orders of users bound to them (domain/attribution.ts), a rate per product (10%-50%,
// the shop's default otherwise) of what was paid for the goods: after every discount, without
// shipping. Never on one's own orders, never on the orders of users one's invitees brought, never
// for a fee. A commission is PENDING once the order is paid, FROZEN from the buyer's receipt until
// the after-sale window ends (and no after-sale case is open), then SETTLED: it joins the
// distributor's withdrawable balance. Refunds void it in proportion (refunds count against the
// goods first); a full refund voids it all (VOID).
import { DEFAULT_ATTRIBUTION, type AttributionSettings, DAY_MS } from './attribution';
import { fen, splitProportionally, type Fen } from './money';

export const RATE_LIMITS = { minPct: 10, maxPct: 50 } as const;

export interface DistributionSettings extends AttributionSettings {
  /** Who may earn: every user, or only applicants staff approved. */
  mode: 'everyone' | 'approved';
  /** The rate for products without their own, in percent. */
  defaultRatePct: number;
  /** Per product rates in percent (10-50). */
  productRates: Record<string, number>;
  /** Days after receipt a commission stays frozen (the after-sale window). */
  freezeDays: number;
  /** The smallest withdrawal, in fen. */
  minWithdrawFen: number;
}

export const DEFAULT_DISTRIBUTION: DistributionSettings = {
  ...DEFAULT_ATTRIBUTION,
  mode: 'everyone',
  defaultRatePct: 10,
  productRates: {},
  freezeDays: 7,
  minWithdrawFen: 1000,
};

export type CommissionState = 'PENDING' | 'FROZEN' | 'SETTLED' | 'VOID';

export const COMMISSION_STATE_TEXT: Record<CommissionState, string> = {
  PENDING: '待收货',
  FROZEN: '冻结中',
  SETTLED: '已结算',
  VOID: '已失效',
};

export type DistributorStatus = 'APPLIED' | 'ACTIVE' | 'DISABLED';

export const DISTRIBUTOR_STATUS_TEXT: Record<DistributorStatus, string> = {
  APPLIED: '待审核',
  ACTIVE: '已通过',
  DISABLED: '已停用',
};

/** May this distributor earn now? (In 'everyone' mode anyone not disabled by staff.) */
export function mayEarn(
  settings: Pick<DistributionSettings, 'mode'>,
  status: DistributorStatus | null,
): boolean {
  if (status === 'DISABLED') return false;
  return settings.mode === 'everyone' || status === 'ACTIVE';
}

export function rateFor(settings: DistributionSettings, productId: string): number {
  return settings.productRates[productId] ?? settings.defaultRatePct;
}

export interface CommissionLine {
  skuId: string;
  productId: string;
  title: string;
  /** What was paid for this line's goods (its share of the order's goods total). */
  baseFen: Fen;
  ratePct: number;
  amountFen: Fen;
}

/**
 * Commission per line of a paid order: the goods total (total paid less shipping) is spread over
 * the lines by their amounts, exactly to the fen, and each line earns its rate of its share,
 * rounded down (the shop never pays a fraction it did not earn). The commission is their sum.
 */
export function commissionLines(
  order: {
    lines: { skuId: string; productId: string; title: string; amountFen: Fen }[];
    totalFen: Fen;
    shippingFen: Fen;
  },
  rate: (productId: string) => number,
): CommissionLine[] {
  const goods = fen(Math.max(0, order.totalFen - order.shippingFen));
  const bases = splitProportionally(
    goods,
    order.lines.map((l) => l.amountFen),
  );
  return order.lines.map((line, i) => {
    const ratePct = rate(line.productId);
    return {
      skuId: line.skuId,
      productId: line.productId,
      title: line.title,
      baseFen: bases[i],
      ratePct,
      amountFen: fen(Math.floor((bases[i] * ratePct) / 100)),
    };
  });
}

/**
 * How much of a commission a refund takes back: the refunded share of the goods (refunds count
 * against the goods first, shipping last), rounded up so the part kept is never more than the
 * goods kept earn. A refund of all the goods voids everything.
 */
export function voidedFen(amountFen: Fen, baseFen: Fen, refundedFen: Fen): Fen {
  if (baseFen <= 0 || amountFen <= 0) return fen(0);
  const refundedGoods = Math.min(refundedFen, baseFen);
  return fen(Math.ceil((amountFen * refundedGoods) / baseFen));
}

/** When a received order's commission may settle. */
export function frozenUntil(
  receivedAt: number,
  settings: Pick<DistributionSettings, 'freezeDays'>,
) {
  return receivedAt + settings.freezeDays * DAY_MS;
}
