// Staff's campaigns through the real SDK: live figures from paid orders (orders, units at the
// campaign's price, revenue, quota left), pausing (pricing and the home page stop using it at
// once) and resuming, and an invalid stored campaign shown with its problems.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS } from '../../emulator/seed/catalog';
import { SEED_CAMPAIGN_IDS } from '../../emulator/seed/campaigns';
import { buyNow, callAction, expectOk, paySandbox } from '../support/shop';
import { run } from '../support/db-probe';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;
const FLASH_SKU = 'p-navel-orange-1';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

const flash = async () =>
  (await expectOk(cloud, OWNER, 'admin', 'campaigns', {})).find(
    (c: any) => c.campaign._id === SEED_CAMPAIGN_IDS.flash,
  );

it('a campaign shows its live figures from paid orders', async () => {
  const before = await flash();
  expect(before).toMatchObject({ live: true, valid: true, orders: 0, units: 0 });
  const reply = (await buyNow(cloud, 'flash-fan', FLASH_SKU, 2)) as any;
  await paySandbox(cloud, reply.data.order.id);
  const after = await flash();
  expect(after).toMatchObject({ orders: 1, units: 2, revenueFen: 2 * 1990, quotaLeft: 98 });
});

it('pausing stops pricing and the home page at once; resuming brings it back', async () => {
  await expectOk(cloud, OWNER, 'admin', 'setCampaignStatus', {
    campaignId: SEED_CAMPAIGN_IDS.flash,
    status: 'PAUSED',
  });
  expect(await flash()).toMatchObject({ live: false });
  const product = await expectOk(cloud, 'paused-shopper', 'catalog', 'product', {
    productId: 'p-navel-orange',
  });
  expect(product.skus.find((s: any) => s.id === FLASH_SKU).promo).toBeUndefined();
  const home = await expectOk(cloud, 'paused-shopper', 'catalog', 'home', {});
  expect(home.slots.some((s: any) => s.kind === 'FLASH_SALE')).toBe(false);

  await expectOk(cloud, OWNER, 'admin', 'setCampaignStatus', {
    campaignId: SEED_CAMPAIGN_IDS.flash,
    status: 'ACTIVE',
  });
  const again = await expectOk(cloud, 'paused-shopper', 'catalog', 'product', {
    productId: 'p-navel-orange',
  });
  expect(again.skus.find((s: any) => s.id === FLASH_SKU).promo).toMatchObject({ label: '秒杀价' });
});

it('an invalid stored campaign is listed with its problems, not live', async () => {
  await run(cloud, 'campaigns', [
    'add',
    {
      data: {
        _id: 'broken-one',
        kind: 'FLASH_SALE',
        title: '坏活动',
        label: '坏',
        startsAt: 0,
        endsAt: 9e15,
        status: 'ACTIVE',
        priority: 0,
        conditions: [{ code: 'NO_SUCH_RULE', args: {} }],
        actions: [{ code: 'FREE_SHIPPING', args: {} }],
      },
    },
  ]);
  const broken = (await expectOk(cloud, OWNER, 'admin', 'campaigns', {})).find(
    (c: any) => c.campaign._id === 'broken-one',
  );
  expect(broken).toMatchObject({ valid: false, live: false });
  expect(broken.problems.join()).toContain('NO_SUCH_RULE');
  expect(await callAction(cloud, 'warehouse-z', 'admin', 'campaigns', {})).toMatchObject({
    ok: false,
  });
});
