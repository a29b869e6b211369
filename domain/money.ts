// Money is an integer number of fen (分) everywhere; yuan exist only when shown to a person.

declare const fenBrand: unique symbol;
/** An integer amount of fen. Build one with fen(); arithmetic on Fen stays in whole fen. */
export type Fen = number & { readonly [fenBrand]: true };

/** Checks that n is a safe integer and brands it as fen. */
export function fen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`fen must be a whole number, got ${n}`);
  return n as Fen;
}

export const ZERO = 0 as Fen;

export function addFen(...amounts: Fen[]): Fen {
  return fen(amounts.reduce((sum, a) => sum + a, 0));
}

export function mulFen(amount: Fen, qty: number): Fen {
  if (!Number.isSafeInteger(qty))
    throw new RangeError(`quantity must be a whole number, got ${qty}`);
  return fen(amount * qty);
}

/** "¥12.30" style, for the view only. */
export function formatYuan(amount: Fen, symbol = '¥'): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${symbol}${yuan}.${cents}`;
}

/**
 * Splits `total` into parts proportional to `weights` with the largest-remainder method: the
 * parts are whole fen and always sum to exactly `total` (used for refunds, discounts and
 * commissions spread over order lines).
 */
export function splitProportionally(total: Fen, weights: number[]): Fen[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => w < 0 || !Number.isFinite(w)))
    throw new RangeError('weights must be finite and >= 0');
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weightSum === 0) {
    // Nothing to weigh by: spread evenly.
    return splitProportionally(
      total,
      weights.map(() => 1),
    );
  }
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = weights.map((w) => (abs * w) / weightSum);
  const floors = exact.map(Math.floor);
  let left = abs - floors.reduce((s, f) => s + f, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - floors[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors.map((f) => fen(f * sign));
}

/** Yuan as staff type them ("12", "12.5", "12.50") in fen; null when it is not such an amount. */
export function parseYuan(text: string): Fen | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return fen(Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')));
}
