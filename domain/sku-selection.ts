// Choosing a SKU by its spec values: which values can still be picked, and the SKU a full
// choice names. Pure, so the product page and its tests share it.

export interface SelectableSku {
  id: string;
  specValues: string[];
  stock: number;
}

/** One entry per spec dimension; null where nothing is chosen yet. */
export type Selection = (string | null)[];

export function chosenSku<T extends SelectableSku>(skus: T[], selection: Selection): T | null {
  if (selection.some((v) => v === null)) return null;
  return skus.find((s) => s.specValues.every((v, i) => v === selection[i])) ?? null;
}

/**
 * 'available': some in-stock SKU has this value with the other choices;
 * 'soldOut': such SKUs exist but none has stock; 'none': no SKU combines them.
 */
export function valueState(
  skus: SelectableSku[],
  selection: Selection,
  dimension: number,
  value: string,
): 'available' | 'soldOut' | 'none' {
  const matching = skus.filter(
    (s) =>
      s.specValues[dimension] === value &&
      s.specValues.every((v, i) => i === dimension || selection[i] === null || selection[i] === v),
  );
  if (matching.length === 0) return 'none';
  return matching.some((s) => s.stock > 0) ? 'available' : 'soldOut';
}

/** The first choice to offer: the first in-stock SKU's values (or nothing chosen). */
export function initialSelection(skus: SelectableSku[], dimensions: number): Selection {
  // A product with one SKU, sold out, shows it chosen (its 到货提醒 needs a SKU).
  const first = skus.find((s) => s.stock > 0) ?? (skus.length === 1 ? skus[0] : undefined);
  return first ? [...first.specValues] : Array.from({ length: dimensions }, () => null);
}
