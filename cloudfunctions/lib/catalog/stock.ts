// SKU stock: held by unpaid orders, returned when they are cancelled, sold when they are paid.
// Every change is one conditional update on the SKU document (see holds.ts).
import { consumeUnits, holdUnits, releaseUnits } from '../infra/holds';

/** Takes `qty` from stock for an order; false when there is not enough. */
export function holdStock(
  skuId: string,
  orderId: string,
  qty: number,
  at: number,
): Promise<boolean> {
  return holdUnits('skus', skuId, 'stock', orderId, qty, at);
}

/** Returns an order's held stock (cancelled or abandoned order). Safe to repeat. */
export function releaseHold(skuId: string, orderId: string, qty: number): Promise<boolean> {
  return releaseUnits('skus', skuId, 'stock', orderId, qty);
}

/** Turns an order's hold into a sale (the order was paid). Safe to repeat. */
export function consumeHold(skuId: string, orderId: string, qty: number): Promise<boolean> {
  return consumeUnits('skus', skuId, orderId, qty, 'sold');
}
