// Units held for an order inside the document that counts them, in one conditional write:
// `field -= qty` and `holds += {orderId, qty}` together, so the record of who holds what never
// drifts from the count. Releasing or consuming matches the order's hold, so repeating either
// changes nothing. Used for SKU stock and for campaign allowances (quotas, per-user limits).
import { db } from './cloud';
import { _, updateWhere } from './db';

/** Takes `qty` units for `orderId`; false when there are not enough (or it already holds some). */
export async function holdUnits(
  collection: string,
  id: string,
  field: string,
  orderId: string,
  qty: number,
  at: number,
): Promise<boolean> {
  const updated = await updateWhere(
    collection,
    { _id: id, [field]: _.gte(qty), 'holds.orderId': _.neq(orderId) },
    { [field]: _.inc(-qty), holds: _.push({ orderId, qty, at }) },
  );
  return updated === 1;
}

/** Whether `orderId` holds units in the document (a retried hold counts as done). */
export async function holdsUnits(
  collection: string,
  id: string,
  orderId: string,
): Promise<boolean> {
  const { total } = await db
    .collection(collection)
    .where({ _id: id, 'holds.orderId': orderId })
    .count();
  return total > 0;
}

/** Gives the order's held units back. Safe to repeat. */
export async function releaseUnits(
  collection: string,
  id: string,
  field: string,
  orderId: string,
  qty: number,
): Promise<boolean> {
  return (
    (await updateWhere(
      collection,
      { _id: id, 'holds.orderId': orderId },
      { [field]: _.inc(qty), holds: _.pull({ orderId }) },
    )) === 1
  );
}

/** Turns the order's hold into a use (the order was paid), counting it in `usedField`. Safe to repeat. */
export async function consumeUnits(
  collection: string,
  id: string,
  orderId: string,
  qty: number,
  usedField: string,
): Promise<boolean> {
  return (
    (await updateWhere(
      collection,
      { _id: id, 'holds.orderId': orderId },
      { [usedField]: _.inc(qty), holds: _.pull({ orderId }) },
    )) === 1
  );
}
