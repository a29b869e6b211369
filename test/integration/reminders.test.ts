// Reminders people ask for (issue 11): 提醒我 on an upcoming flash sale sends one message when the
// clock reaches its start; 到货提醒 on a sold-out SKU sends one when staff restock it; neither
// repeats; reminders for what is already on sale or in stock are refused.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED, SPECIAL } from '../../emulator/seed/catalog';
import { SEED_CAMPAIGN_IDS } from '../../emulator/seed/campaigns';
import { callAction, expectOk, readDoc, requestId } from '../support/shop';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;
const API = 'subscribeMessage.send';
const MINUTE = 60_000;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

const sends = async (touser: string): Promise<any[]> =>
  (await cloud.request('GET', `/_emulator/openapi/calls?api=${API}&touser=${touser}`)).body;

async function optIn(openid: string, kind: string) {
  const ids = await expectOk(cloud, openid, 'notice', 'templates', { kinds: [kind] });
  await expectOk(cloud, openid, 'notice', 'subscribe', {
    reportId: requestId('r'),
    answers: { [ids[kind]]: 'accept' },
  });
}

it('提醒我: one message when the flash sale starts, opening the product', async () => {
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  const flash = await readDoc(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash);
  const upcoming = {
    ...flash,
    _id: 'cmp-flash-next',
    startsAt: now + 60 * MINUTE,
    endsAt: now + 120 * MINUTE,
  };
  await expectOk(cloud, OWNER, 'admin', 'saveCampaign', { campaign: upcoming });
  const productId = SEED.skus.find((s) => JSON.stringify(flash.actions).includes(s._id))!.productId;

  await optIn('remind-a', 'FLASH_SALE_STARTING');
  const input = { kind: 'FLASH_SALE_STARTING', campaignId: upcoming._id, productId };
  await expectOk(cloud, 'remind-a', 'notice', 'remind', input);
  await expectOk(cloud, 'remind-a', 'notice', 'remind', input); // asked twice: one reminder
  await cloud.advanceClock(30 * MINUTE);
  expect(await sends('remind-a')).toEqual([]);
  await cloud.advanceClock(31 * MINUTE);
  const [sent] = await sends('remind-a');
  expect(sent.data).toMatchObject({ page: `packages/product/detail/index?id=${productId}` });
  expect(sent.data.data.thing2.value).toBe(upcoming.title.slice(0, 20));
  await cloud.advanceClock(10 * MINUTE);
  expect(await sends('remind-a')).toHaveLength(1);
  // Once started it cannot be asked for.
  const late = await callAction(cloud, 'remind-b', 'notice', 'remind', input);
  expect(late).toMatchObject({ ok: false, code: 'ORDER_STATE' });
});

it('到货提醒: one message when staff restock the sold-out SKU', async () => {
  const skuId = SPECIAL.soldOutSkuId;
  await optIn('remind-c', 'BACK_IN_STOCK');
  await expectOk(cloud, 'remind-c', 'notice', 'remind', { kind: 'BACK_IN_STOCK', skuId });
  await cloud.advanceClock(2 * MINUTE);
  expect(await sends('remind-c')).toEqual([]);
  await expectOk(cloud, OWNER, 'admin', 'adjustStock', {
    skuId,
    delta: 5,
    reason: '补货',
    requestId: requestId('stock'),
  });
  await cloud.advanceClock(MINUTE);
  const [sent] = await sends('remind-c');
  expect(sent.data.template_id).toBe('local-back_in_stock');
  await expectOk(cloud, OWNER, 'admin', 'adjustStock', {
    skuId,
    delta: 5,
    reason: '补货',
    requestId: requestId('stock'),
  });
  await cloud.advanceClock(2 * MINUTE);
  expect(await sends('remind-c')).toHaveLength(1);
  const inStock = await callAction(cloud, 'remind-d', 'notice', 'remind', {
    kind: 'BACK_IN_STOCK',
    skuId,
  });
  expect(inStock).toMatchObject({ ok: false, code: 'ORDER_STATE' });
});
