// Reminders people ask for (reminders, id `<kind>:<target>:<openid>`): 提醒我 on an upcoming
// flash sale, 到货提醒 on a sold-out SKU. Asking is free (the opt-in comes from the same tap's
// subscription request); the timer fires each once, when the sale starts or the SKU has stock
// again (however it came back: a restock, a count, a cancelled order), by a conditional
// WAITING → DONE update and one outbox message with an id from the reminder.
import type { Campaign } from '../../../domain/campaigns/types';
import type { Product, Sku } from '../../../domain/model';
import { AppError } from '../../../domain/result';
import { findById, insertOnce, updateWhere } from '../infra/db';
import { enqueue } from './outbox';

export interface Reminder {
  _id: string;
  kind: 'FLASH_SALE_STARTING' | 'BACK_IN_STOCK';
  openid: string;
  state: 'WAITING' | 'DONE';
  /** Flash sale: when it starts (the timer fires at or after it). */
  dueAt?: number;
  campaignId?: string;
  productId: string;
  skuId?: string;
  createdAt: number;
}

export async function remindFlashSale(
  openid: string,
  campaignId: string,
  productId: string,
  at: number,
): Promise<Reminder> {
  const [campaign, product] = await Promise.all([
    findById<Campaign>('campaigns', campaignId),
    findById<Product>('products', productId),
  ]);
  if (!campaign || campaign.kind !== 'FLASH_SALE' || !product)
    throw new AppError('NOT_FOUND', '活动不存在');
  if (campaign.startsAt <= at) throw new AppError('ORDER_STATE', '秒杀已经开始了');
  const reminder: Reminder = {
    _id: `FLASH_SALE_STARTING:${campaignId}:${productId}:${openid}`,
    kind: 'FLASH_SALE_STARTING',
    openid,
    state: 'WAITING',
    dueAt: campaign.startsAt,
    campaignId,
    productId,
    createdAt: at,
  };
  await insertOnce('reminders', { ...reminder });
  return reminder;
}

export async function remindBackInStock(openid: string, skuId: string, at: number) {
  const sku = await findById<Sku>('skus', skuId);
  if (!sku) throw new AppError('SKU_NOT_FOUND');
  if (sku.stock > 0) throw new AppError('ORDER_STATE', '这个规格有货，可以直接购买');
  const reminder: Reminder = {
    _id: `BACK_IN_STOCK:${skuId}:${openid}`,
    kind: 'BACK_IN_STOCK',
    openid,
    state: 'WAITING',
    productId: sku.productId,
    skuId,
    createdAt: at,
  };
  // Asking again after one was sent asks anew.
  if (!(await insertOnce('reminders', { ...reminder })))
    await updateWhere(
      'reminders',
      { _id: reminder._id, state: 'DONE' },
      { state: 'WAITING', createdAt: at },
    );
  return reminder;
}

/**
 * The timer's step for a due flash-sale reminder. The message is written first (its id comes from
 * the reminder, so a repeat writes nothing), then the reminder is marked done: a crash between
 * the two sends it once all the same.
 */
export async function fireFlashReminder(r: Reminder, at: number): Promise<boolean> {
  const [campaign, product] = await Promise.all([
    findById<Campaign>('campaigns', r.campaignId!),
    findById<Product>('products', r.productId),
  ]);
  if (campaign && product)
    await enqueue(
      'FLASH_SALE_STARTING',
      `${r.campaignId}:${r.productId}:${r.openid}`,
      r.openid,
      {
        productId: r.productId,
        product: product.title,
        campaign: campaign.title,
        startAt: campaign.startsAt,
      },
      at,
    );
  return (
    (await updateWhere('reminders', { _id: r._id, state: 'WAITING' }, { state: 'DONE' })) === 1
  );
}

/** The timer's step for a back-in-stock reminder: it fires once its SKU has stock again. */
export async function fireStockReminder(r: Reminder, at: number): Promise<boolean> {
  const sku = await findById<Sku>('skus', r.skuId!);
  const product = sku ? await findById<Product>('products', sku.productId) : null;
  if (!sku || sku.stock <= 0 || !product || product.status !== 'ON') return false;
  await enqueue(
    'BACK_IN_STOCK',
    `${r.skuId}:${r.openid}:${r.createdAt}`,
    r.openid,
    { productId: product._id, product: product.title, spec: sku.specValues.join(' '), at },
    at,
  );
  return (
    (await updateWhere('reminders', { _id: r._id, state: 'WAITING' }, { state: 'DONE' })) === 1
  );
}
