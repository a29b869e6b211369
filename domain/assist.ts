// Friend assist (好友助力, RULES.md "Friend assist"): a user starts an assist on a product and
// friends help with one tap each; every help takes a fixed cut off the price, published before
// anyone starts, and the N-th help reaches the floor exactly (no random cuts: WeChat names random
// 砍价 a violation). The starter buys at the price reached at any time within the assist's 24
// hours, once. Pure rules here; the documents' life is in cloudfunctions/lib/assist.
import { fen, splitProportionally, type Fen } from './money';

export const ASSIST_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const MAX_HELPS = 50;

/**
 * The cuts, in order: (price − floor) spread over the N helps by the campaign's weights (equal
 * steps when none are listed), exactly to the fen, so they always sum to price − floor.
 */
export function assistCuts(listFen: Fen, floorFen: Fen, helps: number, weights: number[] = []) {
  const total = fen(Math.max(0, listFen - floorFen));
  const w = weights.length === helps ? weights : Array.from({ length: helps }, () => 1);
  return splitProportionally(total, w);
}

/** The price after `done` helps (the floor after the last). */
export function priceAfter(listFen: Fen, cuts: Fen[], done: number): Fen {
  const taken = cuts.slice(0, Math.min(done, cuts.length)).reduce((s, c) => s + c, 0);
  return fen(listFen - taken);
}

export type AssistStatus =
  /** Collecting helps (until its deadline or the N-th help). */
  | 'ACTIVE'
  /** All N helps in: the floor price. */
  | 'REACHED'
  /** Bought (an order used it; an unpaid order that is cancelled gives it back). */
  | 'USED';

export interface AssistHelp {
  openid: string;
  at: number;
}

/** An assist (collection assists, id from campaign, SKU and starter: one each). */
export interface Assist {
  _id: string;
  campaignId: string;
  productId: string;
  skuId: string;
  title: string;
  image: string;
  starterId: string;
  listFen: Fen;
  floorFen: Fen;
  cuts: Fen[];
  helps: AssistHelp[];
  helpCount: number;
  status: AssistStatus;
  createdAt: number;
  expiresAt: number;
  /** The order that holds it (unpaid) or used it. */
  orderId?: string;
}

/** Why this user cannot help this assist now, or null (the server checks the same, atomically). */
export function helpProblem(
  assist: Pick<Assist, 'starterId' | 'status' | 'expiresAt' | 'helps' | 'helpCount' | 'cuts'>,
  helper: { openid: string; isNewUser: boolean },
  rules: { newHelpersOnly: boolean },
  at: number,
): string | null {
  if (helper.openid === assist.starterId) return '不能为自己助力';
  if (assist.helps.some((h) => h.openid === helper.openid)) return '你已经助力过了';
  if (assist.status !== 'ACTIVE' || assist.helpCount >= assist.cuts.length)
    return '已经助力到底价了';
  if (assist.expiresAt <= at) return '助力已结束';
  if (rules.newHelpersOnly && !helper.isNewUser) return '本活动仅限新用户助力';
  return null;
}

/** "3 位好友助力，每位减 ¥10.00，底价 ¥69.00": the schedule, as the page shows it before starting. */
export function cutsText(cuts: Fen[]): string {
  const equal = cuts.every((c) => c === cuts[0]);
  return equal
    ? `每位好友减 ¥${(cuts[0] / 100).toFixed(2)}`
    : cuts.map((c, i) => `第${i + 1}位减 ¥${(c / 100).toFixed(2)}`).join('，');
}

/** China-time day (yyyy-mm-dd) of an instant: a helper's daily limit counts by it. */
export function chinaDay(at: number): string {
  return new Date(at + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
