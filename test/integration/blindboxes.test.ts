// Blind boxes through the real SDK: the buyer sees every item, its value and their probability
// before paying (summing to 100%); under 8 is refused; the odds and a commitment to the seed are
// fixed into the order; after payment the draw takes a pool unit and turns the line into the
// item, and its public record verifies; 1,000 buyers at once for a pool of 100 units: no pool
// item oversold, no empty box, every draw verifiable; the guarantee and the daily cap.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';
import { DAY, OWNER } from '../support/distribution';
import { buyNow, callAction, expectOk, paySandbox, readDoc } from '../support/shop';

let cloud: LocalCloud;
const BOX = 'p-egg-roll-1'; // sold as the box, ¥28.90
const POOL = [
  { skuId: 'p-cashew-2', valueFen: 6990, weight: 50, stock: 50 },
  { skuId: 'p-beef-jerky-2', valueFen: 8900, weight: 30, stock: 30 },
  { skuId: 'p-mixed-nuts-2', valueFen: 14900, weight: 20, stock: 20, top: true },
];

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

let campaigns = 0;
async function boxCampaign(
  args: Partial<{
    guaranteeAfter: number;
    dailyCap: number;
    pool: typeof POOL;
    fission: 'yes' | 'no';
  }> = {},
) {
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  const id = `cmp-box-${campaigns++}`;
  await expectOk(cloud, OWNER, 'admin', 'saveCampaign', {
    campaign: {
      _id: id,
      kind: 'BLIND_BOX',
      title: '零食盲盒',
      label: '盲盒价',
      startsAt: now - DAY,
      endsAt: now + 30 * DAY,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'BLIND_BOX',
          args: {
            box: [{ skuId: BOX, priceFen: 2890 }],
            pool: args.pool ?? POOL,
            guaranteeAfter: args.guaranteeAfter ?? 0,
            dailyCap: args.dailyCap ?? 0,
            tuned: 'no',
            fission: args.fission ?? 'no',
          },
        },
      ],
    },
  });
  return id;
}

const buyBox = (openid: string, campaignId: string, age = 'ADULT') =>
  buyNow(cloud, openid, BOX, 1, { box: { campaignId, age } });

it('the odds before paying, the age question, the draw and its public proof', async () => {
  const campaignId = await boxCampaign();
  const page = await expectOk(cloud, 'bb-1', 'blindbox', 'detail', { campaignId });
  expect(page.items.map((i: any) => [i.skuId, i.ppm])).toEqual([
    ['p-cashew-2', 500_000],
    ['p-beef-jerky-2', 300_000],
    ['p-mixed-nuts-2', 200_000],
  ]);
  expect(page.rules.join()).toContain('任何人可复算验证');
  expect(await buyBox('bb-1', campaignId, 'UNDER_8')).toMatchObject({
    ok: false,
    code: 'AGE_REFUSED',
  });
  const placed = await buyBox('bb-1', campaignId, 'MINOR_WITH_GUARDIAN');
  if (!placed.ok) throw new Error(placed.message);
  const unpaid = await readDoc(cloud, 'orders', placed.data.order.id);
  expect(unpaid.blindBox.commitment).toMatch(/^[0-9a-f]{64}$/);
  expect(unpaid.blindBox.result).toBeUndefined();
  expect(unpaid.totalFen).toBe(2890 + 800);
  await paySandbox(cloud, placed.data.order.id);
  const paid = await readDoc(cloud, 'orders', placed.data.order.id);
  expect(POOL.map((p) => p.skuId)).toContain(paid.blindBox.result.skuId);
  expect(paid.lines[0].skuId).toBe(paid.blindBox.result.skuId);
  const proof = await expectOk(cloud, 'someone-else', 'blindbox', 'verify', {
    orderId: placed.data.order.id,
  });
  expect(proof).toMatchObject({ verified: true, commitment: unpaid.blindBox.commitment });
  // A changed seed does not verify: the check is real.
  await run(
    cloud,
    'draws',
    ['doc', placed.data.order.id],
    ['update', { data: { seed: 'forged' } }],
  );
  expect(
    (await expectOk(cloud, 'x', 'blindbox', 'verify', { orderId: placed.data.order.id })).verified,
  ).toBe(false);
});

it('1,000 buyers at once for a pool of 100 units: none oversold, no empty box, every draw verifies', async () => {
  const campaignId = await boxCampaign();
  const replies = await Promise.all(
    Array.from({ length: 1000 }, (_, i) => buyBox(`bb-rush-${i}`, campaignId)),
  );
  const placed = replies.filter((r) => r.ok) as any[];
  expect(placed.length).toBeLessThanOrEqual(100);
  expect(placed.length).toBeGreaterThan(0);
  await Promise.all(placed.map((r) => paySandbox(cloud, r.data.order.id)));
  const orders = await Promise.all(placed.map((r) => readDoc(cloud, 'orders', r.data.order.id)));
  const drawn = new Map<string, number>();
  for (const o of orders) {
    expect(o.blindBox.result).toBeDefined();
    drawn.set(o.blindBox.result.skuId, (drawn.get(o.blindBox.result.skuId) ?? 0) + 1);
  }
  for (const item of POOL) expect(drawn.get(item.skuId) ?? 0).toBeLessThanOrEqual(item.stock);
  const proofs = await Promise.all(
    placed.map((r) =>
      expectOk(cloud, 'verifier', 'blindbox', 'verify', { orderId: r.data.order.id }),
    ),
  );
  expect(proofs.every((p) => p.verified)).toBe(true);
});

it('the guarantee gives the top item after N boxes without one; the daily cap holds', async () => {
  const campaignId = await boxCampaign({
    guaranteeAfter: 2,
    dailyCap: 3,
    pool: [
      { skuId: 'p-cashew-2', valueFen: 6990, weight: 100_000, stock: 50 },
      { skuId: 'p-mixed-nuts-2', valueFen: 14900, weight: 1, stock: 5, top: true },
    ],
  });
  const bought = [];
  for (let i = 0; i < 2; i++) {
    const placed = await buyBox('bb-lucky', campaignId);
    if (!placed.ok) throw new Error(placed.message);
    await paySandbox(cloud, placed.data.order.id);
    bought.push(await readDoc(cloud, 'orders', placed.data.order.id));
  }
  const tops = bought.filter((o) => o.blindBox.result.skuId === 'p-mixed-nuts-2').length;
  const page = await expectOk(cloud, 'bb-lucky', 'blindbox', 'detail', { campaignId });
  if (tops === 0) {
    expect(page.guaranteeDue).toBe(true);
    expect(page.items.find((i: any) => i.top).ppm).toBe(1_000_000);
    const third = await buyBox('bb-lucky', campaignId);
    if (!third.ok) throw new Error(third.message);
    await paySandbox(cloud, third.data.order.id);
    expect((await readDoc(cloud, 'orders', third.data.order.id)).blindBox.result.skuId).toBe(
      'p-mixed-nuts-2',
    );
  }
  const capped = await buyBox('bb-lucky', campaignId);
  expect(capped.ok).toBe(tops !== 0);
  if (tops === 0) expect(capped).toMatchObject({ ok: false });
});

it('fission: an option comes off only for an invited friend who bought a box; opening draws among the rest', async () => {
  const campaignId = await boxCampaign({ fission: 'yes' });
  const { user } = await expectOk(cloud, 'bb-fission-a', 'user', 'launch', {});
  await expectOk(cloud, 'bb-fission-b', 'user', 'launch', { ref: user.refCode });
  const mine = await buyBox('bb-fission-a', campaignId);
  if (!mine.ok) throw new Error(mine.message);
  await paySandbox(cloud, mine.data.order.id);
  const orderId = mine.data.order.id;
  // Paid, not opened: no result yet; no friend bought a box, so nothing can be removed.
  let [box] = await expectOk(cloud, 'bb-fission-a', 'blindbox', 'mine', {});
  expect(box).toMatchObject({ orderId, canOpen: true, removalsLeft: 0, result: null });
  const early = await callAction(cloud, 'bb-fission-a', 'blindbox', 'remove', {
    orderId,
    skuId: 'p-cashew-2',
  });
  expect(early).toMatchObject({ ok: false, code: 'ORDER_STATE' });
  // B (brought by A) only placing a box earns nothing; paying for it earns one removal.
  const friendBox = await buyBox('bb-fission-b', campaignId);
  if (!friendBox.ok) throw new Error(friendBox.message);
  [box] = await expectOk(cloud, 'bb-fission-a', 'blindbox', 'mine', {});
  expect(box.removalsLeft).toBe(0);
  await paySandbox(cloud, friendBox.data.order.id);
  [box] = await expectOk(cloud, 'bb-fission-a', 'blindbox', 'mine', {});
  expect(box).toMatchObject({ friends: 1, removalsLeft: 1 });
  const removed = await expectOk(cloud, 'bb-fission-a', 'blindbox', 'remove', {
    orderId,
    skuId: 'p-cashew-2',
  });
  expect(removed.options.find((o: any) => o.skuId === 'p-cashew-2')).toMatchObject({
    removed: true,
    ppm: 0,
  });
  expect(removed.options.filter((o: any) => !o.removed).map((o: any) => o.ppm)).toEqual([
    600_000, 400_000,
  ]);
  const second = await callAction(cloud, 'bb-fission-a', 'blindbox', 'remove', {
    orderId,
    skuId: 'p-beef-jerky-2',
  });
  expect(second).toMatchObject({ ok: false });
  const opened = await expectOk(cloud, 'bb-fission-a', 'blindbox', 'open', { orderId });
  expect(['p-beef-jerky-2', 'p-mixed-nuts-2']).toContain(opened.result.skuId);
  const proof = await expectOk(cloud, 'anyone', 'blindbox', 'verify', { orderId });
  expect(proof.verified).toBe(true);
  expect(proof.odds.map((o: any) => o.skuId)).not.toContain('p-cashew-2');
  // Staff see the pool, the odds per segment and the draw.
  const admin = await expectOk(cloud, OWNER, 'admin', 'blindBoxes', {});
  const mineAdmin = admin.find((b: any) => b.campaignId === campaignId);
  expect(mineAdmin.draws.map((d: any) => d.orderId)).toContain(orderId);
  expect(mineAdmin.oddsBySegment).toHaveLength(4);
});
