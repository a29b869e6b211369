// Deposit-inflation pre-sales (定金膨胀, RULES.md "Deposit inflation"): in the deposit phase a buyer
// pays a 定金 (at most 20% of the price: Civil Code 586) worth a larger credit against the final
// payment; each friend they brought who pays a deposit in the same pre-sale raises the credit by
// a step, up to a cap. In the final-payment phase they pay max(0, price − credit); a deposit whose
// final payment is not made in time is forfeited. If the shop cancels the pre-sale, every deposit
// comes back plus the same again as compensation (Civil Code 587). Pure rules here; documents in
// cloudfunctions/lib/presale.
import { fen, type Fen } from './money';

/** Civil Code 586: a 定金 above 20% of the price is not a 定金. */
export const MAX_DEPOSIT_PCT = 20;

export interface PresaleTerms {
  depositFen: Fen;
  /** What a paid deposit is worth against the final payment, before friends. */
  creditFen: Fen;
  /** Added per friend who pays a deposit too, up to the cap. */
  stepFen: Fen;
  capFen: Fen;
  /** Deposit phase: the campaign's start until depositEndsAt; final phase: finalStartsAt..finalEndsAt. */
  depositEndsAt: number;
  finalStartsAt: number;
  finalEndsAt: number;
  shipAt: number;
}

export type PresalePhase = 'BEFORE' | 'DEPOSIT' | 'BETWEEN' | 'FINAL' | 'AFTER';

export function phaseAt(terms: PresaleTerms, startsAt: number, at: number): PresalePhase {
  if (at < startsAt) return 'BEFORE';
  if (at < terms.depositEndsAt) return 'DEPOSIT';
  if (at < terms.finalStartsAt) return 'BETWEEN';
  if (at < terms.finalEndsAt) return 'FINAL';
  return 'AFTER';
}

/** How many friends raise the credit before it reaches the cap. */
export function friendsToCap(terms: Pick<PresaleTerms, 'creditFen' | 'stepFen' | 'capFen'>) {
  if (terms.stepFen <= 0) return 0;
  return Math.max(0, Math.ceil((terms.capFen - terms.creditFen) / terms.stepFen));
}

/** The credit with `friends` friends' deposits: never above the cap. */
export function creditWith(
  terms: Pick<PresaleTerms, 'creditFen' | 'stepFen' | 'capFen'>,
  friends: number,
): Fen {
  return fen(Math.min(terms.capFen, terms.creditFen + terms.stepFen * Math.max(0, friends)));
}

/** The final payment for one unit: the price less the credit, never below zero. */
export function finalDueFen(priceFen: Fen, creditFen: Fen): Fen {
  return fen(Math.max(0, priceFen - creditFen));
}

/** Why terms cannot be published for a SKU of this price, or null. */
export function termsProblem(
  terms: PresaleTerms,
  priceFen: Fen,
  startsAt: number,
  endsAt: number,
): string | null {
  if (terms.depositFen < 1) return '定金须大于 0';
  if (terms.depositFen * 100 > priceFen * MAX_DEPOSIT_PCT)
    return `定金不能超过售价的 ${MAX_DEPOSIT_PCT}%（民法典第 586 条）：最多 ¥${(Math.floor((priceFen * MAX_DEPOSIT_PCT) / 100) / 100).toFixed(2)}`;
  if (terms.creditFen < terms.depositFen) return '抵扣金额不能少于定金';
  if (terms.capFen < terms.creditFen) return '膨胀上限不能少于抵扣金额';
  if (terms.capFen > priceFen) return '膨胀上限不能超过售价';
  if (!(startsAt < terms.depositEndsAt && terms.depositEndsAt <= terms.finalStartsAt))
    return '付定金阶段须在付尾款阶段之前';
  if (!(terms.finalStartsAt < terms.finalEndsAt && terms.finalEndsAt <= endsAt))
    return '付尾款阶段须在活动结束前';
  if (terms.shipAt < terms.finalStartsAt) return '发货时间不能早于付尾款开始';
  return null;
}

export type DepositState =
  /** Its order is not paid yet. */
  | 'HELD'
  | 'PAID'
  /** The final payment's order holds it (unpaid). */
  | 'FINAL_HELD'
  | 'FINAL_PAID'
  /** Cancelled by the buyer in the deposit phase: refunded. */
  | 'REFUNDED'
  /** No final payment in time. */
  | 'FORFEITED'
  /** The shop cancelled the pre-sale: being refunded (the timer finishes it after a crash). */
  | 'COMPENSATING'
  /** The shop cancelled the pre-sale: refunded, plus compensation. */
  | 'COMPENSATED';

/** A buyer's deposit in a pre-sale (collection deposits, id dp-<campaign>-<hash of openid>). */
export interface Deposit {
  _id: string;
  campaignId: string;
  openid: string;
  skuId: string;
  productId: string;
  depositFen: Fen;
  state: DepositState;
  orderId: string;
  /** The inviter this deposit raised the credit of (their binding when it was paid). */
  countedFor?: string;
  finalOrderId?: string;
  /** The final-payment window (copied from the terms: the timer's reminders and forfeiture). */
  finalStartsAt: number;
  finalEndsAt: number;
  createdAt: number;
  paidAt?: number;
  openNoticed?: true;
  closingNoticed?: true;
}

/** A compensation the shop owes a buyer after cancelling its pre-sale (collection compensations). */
export interface Compensation {
  _id: string;
  openid: string;
  campaignId: string;
  depositId: string;
  amountFen: Fen;
  state: 'OWED' | 'PAID';
  createdAt: number;
  paidAt?: number;
  paidBy?: string;
  note?: string;
}

export const depositIdFor = (campaignId: string, openid: string) => `dp-${campaignId}-${openid}`;
export const friendsIdFor = (campaignId: string, inviterId: string) =>
  `pf-${campaignId}-${inviterId}`;

/**
 * Whether an order takes stock: a pre-sale's deposit does not (the goods are stocked for the
 * deposits and taken by the final payment's order).
 */
export const takesStock = (order: { presale?: { step: 'DEPOSIT' | 'FINAL' } }) =>
  order.presale?.step !== 'DEPOSIT';
