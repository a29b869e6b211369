// Pricing an order: server prices from stored SKUs, line by line, plus shipping.
// The order path uses this quote and nothing else to decide what the buyer pays.
// (Campaigns will add named adjustments to lines and to the order; the shape is ready for them.)
import { ZERO, addFen, fen, mulFen, type Fen } from '../money';
import type { Adjustment, OrderLine, Product, Sku } from '../model';

export interface QuoteInputLine {
  product: Product;
  sku: Sku;
  qty: number;
}

/** A priced line: what an order stores for it. */
export type QuotedLine = OrderLine;

export interface Quote {
  lines: QuotedLine[];
  goodsFen: Fen;
  discountFen: Fen;
  shippingFen: Fen;
  totalFen: Fen;
  adjustments: Adjustment[];
}

/** Flat-rate shipping, free from a goods amount. */
export const SHIPPING_RULE = { feeFen: fen(800), freeFromFen: fen(9900) };

export function specText(product: Pick<Product, 'specs'>, sku: Pick<Sku, 'specValues'>): string {
  return product.specs
    .map((_, i) => sku.specValues[i])
    .filter(Boolean)
    .join(' / ');
}

export function quote(input: QuoteInputLine[]): Quote {
  const lines = input.map(({ product, sku, qty }): QuotedLine => {
    const adjustments: Adjustment[] = [];
    const listFen = mulFen(sku.priceFen, qty);
    return {
      skuId: sku._id,
      productId: product._id,
      title: product.title,
      specText: specText(product, sku),
      image: product.images[0] ?? '',
      qty,
      unitPriceFen: sku.priceFen,
      amountFen: fen(Math.max(0, listFen + sumAdjustments(adjustments))),
      adjustments,
    };
  });
  const adjustments: Adjustment[] = [];
  const goodsFen = addFen(...lines.map((l) => mulFen(l.unitPriceFen, l.qty)));
  const payableGoodsFen = fen(
    Math.max(0, addFen(...lines.map((l) => l.amountFen)) + sumAdjustments(adjustments)),
  );
  const shippingFen =
    lines.length === 0 || payableGoodsFen >= SHIPPING_RULE.freeFromFen
      ? ZERO
      : SHIPPING_RULE.feeFen;
  return {
    lines,
    goodsFen,
    discountFen: fen(goodsFen - payableGoodsFen),
    shippingFen,
    totalFen: addFen(payableGoodsFen, shippingFen),
    adjustments,
  };
}

function sumAdjustments(adjustments: Adjustment[]): number {
  return adjustments.reduce((sum, a) => sum + a.amountFen, 0);
}
