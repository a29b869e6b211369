// A buyer's boxes (my boxes) and the fission box's two steps: removing an option (one per invited
// friend who bought a box, never the last option; one conditional update of the order that also
// checks the count), and opening it (the same audited draw, among what is left).
import type { MyBoxView } from '../../../domain/api/views';
import { oddsAfterRemoval, probabilitiesPpm, removalsAllowed } from '../../../domain/blindbox';
import type { Order, Product, Sku } from '../../../domain/model';
import { STATUS_TEXT } from '../../../domain/order-status';
import { AppError } from '../../../domain/result';
import { db } from '../infra/cloud';
import { _, findById, findByIds, updateWhere } from '../infra/db';
import { drawBox, fissionKey } from './draw';

async function friendsOf(campaignId: string, openid: string): Promise<number> {
  const doc = await findById<{ friends: string[] }>('allowances', fissionKey(campaignId, openid));
  return doc?.friends.length ?? 0;
}

async function titles(skuIds: string[]): Promise<Map<string, string>> {
  const skus = await findByIds<Sku>('skus', skuIds);
  const products = await findByIds<Product>(
    'products',
    skus.map((s) => s.productId),
  );
  return new Map(
    skus.map((s) => [s._id, products.find((p) => p._id === s.productId)?.title ?? s._id]),
  );
}

function boxView(order: Order, friends: number, names: Map<string, string>): MyBoxView {
  const box = order.blindBox!;
  const removed = box.removed ?? [];
  const odds = oddsAfterRemoval(box.odds, removed);
  const ppm = new Map(probabilitiesPpm(odds).map((p) => [p.skuId, p.ppm]));
  const paid = ['PAID', 'SHIPPED', 'COMPLETED'].includes(order.status);
  const allowed = removalsAllowed(friends, box.odds.length);
  return {
    orderId: order._id,
    campaignId: box.campaignId,
    status: order.status,
    statusText: STATUS_TEXT[order.status],
    fission: !!box.fission,
    options: box.odds.map((o) => ({
      skuId: o.skuId,
      title: names.get(o.skuId) ?? o.skuId,
      removed: removed.includes(o.skuId),
      ppm: ppm.get(o.skuId) ?? 0,
    })),
    friends,
    removalsLeft: box.fission && !box.result ? Math.max(0, allowed - removed.length) : 0,
    canOpen: !!box.fission && paid && !box.result,
    commitment: box.commitment,
    result: box.result
      ? { skuId: box.result.skuId, title: names.get(box.result.skuId) ?? box.result.skuId }
      : null,
    createdAt: order.createdAt,
  };
}

export async function myBoxes(openid: string): Promise<MyBoxView[]> {
  const { data } = await db
    .collection('orders')
    .where({
      openid,
      blindBox: _.exists(true),
      status: _.in(['UNPAID', 'PAID', 'SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED']),
    })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get();
  const orders = data as Order[];
  const campaignIds = [...new Set(orders.map((o) => o.blindBox!.campaignId))];
  const [friendCounts, names] = await Promise.all([
    Promise.all(campaignIds.map((c) => friendsOf(c, openid))),
    titles([...new Set(orders.flatMap((o) => o.blindBox!.odds.map((x) => x.skuId)))]),
  ]);
  const friendsBy = new Map(campaignIds.map((c, i) => [c, friendCounts[i]]));
  return orders.map((o) => boxView(o, friendsBy.get(o.blindBox!.campaignId) ?? 0, names));
}

async function ownBox(orderId: string, openid: string): Promise<Order> {
  const order = await findById<Order>('orders', orderId);
  if (!order || order.openid !== openid || !order.blindBox) throw new AppError('ORDER_NOT_FOUND');
  return order;
}

/** Removes one option from a fission box (before opening). */
export async function removeOption(orderId: string, skuId: string, openid: string) {
  const order = await ownBox(orderId, openid);
  const box = order.blindBox!;
  if (!box.fission || box.result) throw new AppError('ORDER_STATE', '这个盲盒不能去掉选项');
  if (!box.odds.some((o) => o.skuId === skuId)) throw new AppError('INVALID_INPUT', '没有这个选项');
  const friends = await friendsOf(box.campaignId, openid);
  const allowed = removalsAllowed(friends, box.odds.length);
  if ((box.removed ?? []).length >= allowed)
    throw new AppError('ORDER_STATE', '每邀请 1 位好友买盲盒，才能去掉 1 个选项');
  // The count in the same write: fewer than allowed removed so far, this one not yet.
  await updateWhere(
    'orders',
    {
      _id: orderId,
      'blindBox.result': _.exists(false),
      'blindBox.removed': _.neq(skuId),
      [`blindBox.removed.${allowed - 1}`]: _.exists(false),
    },
    { 'blindBox.removed': _.push(skuId) },
  );
  const after = await ownBox(orderId, openid);
  return boxView(after, friends, await titles(box.odds.map((o) => o.skuId)));
}

/** Opens a paid fission box: the audited draw among the options left. */
export async function openBox(orderId: string, openid: string, at: number) {
  const order = await ownBox(orderId, openid);
  if (!['PAID', 'SHIPPED', 'COMPLETED'].includes(order.status))
    throw new AppError('ORDER_STATE', '付款后才能开箱');
  await drawBox(order, at);
  const after = await ownBox(orderId, openid);
  return boxView(
    after,
    await friendsOf(order.blindBox!.campaignId, openid),
    await titles(order.blindBox!.odds.map((o) => o.skuId)),
  );
}
