// A blind box's seed and draw (domain/blindbox-draw.ts). The seed is made when the order is
// placed and kept where only the server reads it (draw_seeds); the order keeps its commitment.
// After payment (a paid effect) the draw's order of items is computed, and the first item with a
// unit left is taken by one conditional update that also records the order (a re-run finds its
// own unit); the order's line becomes that item, the seed is revealed with the result, the draw
// is logged and the buyer's guarantee count moves. The pool unit held at placement means an item
// always has a unit: no empty box.
import { randomBytes } from 'node:crypto';
import { commitmentOf, draw } from '../../../domain/blindbox-draw';
import { oddsAfterRemoval } from '../../../domain/blindbox';
import type { Order, Product, Sku } from '../../../domain/model';
import { specText } from '../../../domain/pricing/quote';
import { _, findById, findByIds, insertOnce, updateWhere } from '../infra/db';
import { enqueue } from '../notices/outbox';
import { countKey, itemKey } from './pricing';
import { blindBoxRule } from '../../../domain/campaigns/rules';
import { checkCampaign } from '../../../domain/campaigns/schema';

/** The seed of an order's box (made once; a repeated submit finds it), and its commitment. */
export async function boxCommitment(orderId: string): Promise<string> {
  const seed = randomBytes(32).toString('hex');
  if (await insertOnce('draw_seeds', { _id: orderId, seed })) return commitmentOf(seed);
  const stored = await findById<{ seed: string }>('draw_seeds', orderId);
  return commitmentOf(stored!.seed);
}

/** Takes one unit of a pool item for this order (true also when this order took it before). */
async function takeItem(campaignId: string, skuId: string, stock: number, orderId: string) {
  const key = itemKey(campaignId, skuId);
  if (
    stock > 0 &&
    (await insertOnce('allowances', {
      _id: key,
      kind: 'blindbox-item',
      remaining: stock - 1,
      takenBy: [orderId],
    }))
  )
    return true;
  if (
    await updateWhere(
      'allowances',
      { _id: key, remaining: _.gte(1), takenBy: _.neq(orderId) },
      { remaining: _.inc(-1), takenBy: _.push(orderId) },
    )
  )
    return true;
  const doc = await findById<{ takenBy: string[] }>('allowances', key);
  return !!doc?.takenBy.includes(orderId);
}

/**
 * The paid effect: a box is drawn now, a fission box waits for its buyer to open it. Either way
 * the buyer counts once as a friend of whoever brought them (their inviter's removals).
 */
export async function boxPaid(order: Order, at: number): Promise<void> {
  const box = order.blindBox;
  if (!box) return;
  if (order.inviterId && order.inviterId !== order.openid)
    await countFission(box.campaignId, order.inviterId, order.openid);
  if (!box.fission) await drawBox(order, at);
}

export const fissionKey = (campaignId: string, inviterId: string) =>
  `bbfriends:${campaignId}:${inviterId}`;

/** Friends an inviter brought who bought a box in this campaign (each once). */
async function countFission(campaignId: string, inviterId: string, friend: string) {
  const key = fissionKey(campaignId, inviterId);
  if (await insertOnce('allowances', { _id: key, kind: 'blindbox-friends', friends: [friend] }))
    return;
  await updateWhere(
    'allowances',
    { _id: key, friends: _.neq(friend) },
    { friends: _.push(friend) },
  );
}

export async function drawBox(order: Order, at: number): Promise<void> {
  const box = order.blindBox;
  if (!box || box.result) return;
  const odds = oddsAfterRemoval(box.odds, box.removed ?? []);
  // The campaign as stored (it may have ended or been paused since the box was bought).
  const [seedDoc, stored] = await Promise.all([
    findById<{ seed: string }>('draw_seeds', order._id),
    findById<unknown>('campaigns', box.campaignId),
  ]);
  const check = checkCampaign(stored);
  if (!check.ok || !seedDoc) throw new Error(`blind box ${order._id}: campaign or seed missing`);
  const campaign = check.campaign;
  const rule = blindBoxRule(campaign)!;
  const { order: tries } = draw(seedDoc.seed, order._id, odds);
  const skipped: string[] = [];
  let skuId: string | null = null;
  for (const candidate of tries) {
    if (await takeItem(campaign._id, candidate, rule.stock[candidate] ?? 0, order._id)) {
      skuId = candidate;
      break;
    }
    skipped.push(candidate);
  }
  if (!skuId) throw new Error(`blind box ${order._id}: no pool item left`);
  const sku = await findById<Sku>('skus', skuId);
  const product = sku && (await findById<Product>('products', sku.productId));
  const result = { skuId, seed: seedDoc.seed, skipped, at };
  await insertOnce('draws', {
    _id: order._id,
    campaignId: campaign._id,
    openid: order.openid,
    commitment: box.commitment,
    odds,
    removed: box.removed ?? [],
    ...result,
  });
  const [line] = order.lines;
  const item = {
    ...line,
    skuId,
    productId: sku?.productId ?? line.productId,
    title: product?.title ?? skuId,
    specText: product && sku ? specText(product, sku) : '',
    image: product?.images[0] ?? line.image,
  };
  const recorded = await updateWhere(
    'orders',
    { _id: order._id, 'blindBox.result': _.exists(false) },
    { 'blindBox.result': result, lines: [item, ...order.lines.slice(1)] },
  );
  // Counted once: by the run that recorded the result.
  const top = rule.pool.find((i) => i.skuId === skuId)?.top;
  if (recorded && rule.guaranteeAfter > 0) await updateCount(campaign._id, order.openid, !!top);
  await enqueue(
    'BLIND_BOX_RESULT',
    order._id,
    order.openid,
    { orderId: order._id, item: item.title, at },
    at,
  );
}

/** Boxes since the buyer's last top-grade item (the guarantee counts them). */
async function updateCount(campaignId: string, openid: string, top: boolean): Promise<void> {
  const key = countKey(campaignId, openid);
  if (
    !(await insertOnce('allowances', { _id: key, kind: 'blindbox-count', sinceTop: top ? 0 : 1 }))
  )
    await updateWhere('allowances', { _id: key }, { sinceTop: top ? 0 : _.inc(1) });
}

/** Reads several draws' records (the public verify page). */
export const drawRecords = (orderIds: string[]) => findByIds('draws', orderIds);
