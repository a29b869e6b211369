// Stock changes, each one conditional atomic update on the SKU document.
//
// Ordering holds stock for the order inside the SKU document itself (stock -= qty and a hold
// {orderId, qty} pushed in the same write), so the record of who holds what can never drift
// from the count. Releasing or consuming matches the hold, so repeating either does nothing.
import { _, updateWhere } from './db';

/** Takes `qty` from stock for an order; false when there is not enough. */
export async function holdStock(
  skuId: string,
  orderId: string,
  qty: number,
  at: number,
): Promise<boolean> {
  const updated = await updateWhere(
    'skus',
    { _id: skuId, stock: _.gte(qty), 'holds.orderId': _.neq(orderId) },
    { stock: _.inc(-qty), holds: _.push({ orderId, qty, at }) },
  );
  return updated === 1;
}

/** Returns an order's held stock (cancelled or abandoned order). Safe to repeat. */
export async function releaseHold(skuId: string, orderId: string, qty: number): Promise<boolean> {
  const updated = await updateWhere(
    'skus',
    { _id: skuId, 'holds.orderId': orderId },
    { stock: _.inc(qty), holds: _.pull({ orderId }) },
  );
  return updated === 1;
}

/** Turns an order's hold into a sale (the order was paid). Safe to repeat. */
export async function consumeHold(skuId: string, orderId: string, qty: number): Promise<boolean> {
  const updated = await updateWhere(
    'skus',
    { _id: skuId, 'holds.orderId': orderId },
    { sold: _.inc(qty), holds: _.pull({ orderId }) },
  );
  return updated === 1;
}
