// Whether a SKU can be bought in a quantity: checked when quoting, adding to the cart and
// ordering. (Stock is only taken by a conditional update; this check is for the shopper.)
import type { Product, Sku } from './model';
import type { ErrorCode } from './result';

export const MAX_QTY_PER_LINE = 99;

export interface Problem {
  code: ErrorCode;
  message: string;
}

export function lineProblem(product: Product | null, sku: Sku | null, qty: number): Problem | null {
  if (!sku || !product) return { code: 'SKU_NOT_FOUND', message: '商品规格不存在' };
  if (product.status !== 'ON') return { code: 'PRODUCT_UNAVAILABLE', message: '商品已下架' };
  if (qty > MAX_QTY_PER_LINE)
    return { code: 'QUANTITY_LIMIT', message: `每件最多购买 ${MAX_QTY_PER_LINE} 个` };
  if (sku.stock <= 0) return { code: 'OUT_OF_STOCK', message: '已售罄' };
  if (sku.stock < qty) return { code: 'OUT_OF_STOCK', message: `库存仅剩 ${sku.stock} 件` };
  return null;
}
