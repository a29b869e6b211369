// Subscription messages in real Chromium over the H5 build (issue 11): a shopper taps 到货提醒 on
// a sold-out product, accepts the browser's stand-in for WeChat's subscription dialog, staff
// restock it, the clock moves, and the openapi recorder shows exactly one message, opening the
// product.
import type { Browser } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SPECIAL } from '../../emulator/seed/catalog';
import { launchBrowser, newPhonePage } from '../support/browser';
import { SEED_CAMPAIGN_IDS } from '../../emulator/seed/campaigns';
import { expectOk, readDoc, requestId } from '../support/shop';

let cloud: LocalCloud;
let browser: Browser;
const SHOPPER = 'e2e-reminded';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

it('到货提醒: accepted in the dialog, one message once staff restock', async () => {
  const skuId = SPECIAL.lowStockSkuId; // the single-SKU product, emptied here
  const productId = skuId.replace(/-\d+$/, '');
  const count = (n: number) =>
    expectOk(cloud, DEMO_USERS.staff, 'admin', 'setStock', {
      skuId,
      count: n,
      reason: '盘点',
      requestId: requestId('stock'),
    });
  await count(0);

  const { page, errors } = await newPhonePage(browser);
  await page.addInitScript(`localStorage.setItem('demo-openid', ${JSON.stringify(SHOPPER)})`);
  await page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=${productId}`);
  await page.locator('.product-remind').click();
  await page.getByText('允许', { exact: true }).click();
  await page.getByText('到货后通知你').waitFor();

  const sends = async () =>
    (
      await cloud.request(
        'GET',
        `/_emulator/openapi/calls?api=subscribeMessage.send&touser=${SHOPPER}`,
      )
    ).body as any[];
  await cloud.advanceClock(2 * 60_000);
  expect(await sends()).toEqual([]);
  await count(5);
  await cloud.advanceClock(60_000);
  await cloud.advanceClock(60_000);
  const sent = await sends();
  expect(sent).toHaveLength(1);
  expect(sent[0].data).toMatchObject({
    template_id: 'local-back_in_stock',
    page: `packages/product/detail/index?id=${productId}`,
  });
  expect(errors).toEqual([]);
});

it('staff see the templates and the sent message on 通知, and set a template id', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(
    `localStorage.setItem('demo-openid', ${JSON.stringify(DEMO_USERS.staff)})`,
  );
  await page.goto(`${cloud.webUrl}/#/packages/admin/notices/index`);
  const card = page.locator('.admin-notice-ORDER_PAID');
  await card.waitFor();
  await card.locator('.admin-notice-id input').fill('TmplPaid001');
  await card.locator('.admin-notice-save').click();
  await page.getByText('已保存').waitFor();
  const launch = await expectOk(cloud, 'e2e-after-save', 'user', 'launch', {});
  expect(launch.noticeTemplates.ORDER_PAID).toBe('TmplPaid001');
  await page.locator('.admin-outbox-SENT').click();
  await page.locator('.admin-outbox-message', { hasText: SHOPPER }).waitFor();
  expect(errors).toEqual([]);
});

it('提醒我: a shopper asks on the home page, the clock reaches the sale, one message opens the product', async () => {
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  const flash = await readDoc(cloud, 'campaigns', SEED_CAMPAIGN_IDS.flash);
  const upcoming = {
    ...flash,
    _id: 'cmp-flash-soon',
    title: '明日秒杀',
    startsAt: now + 60 * 60_000,
    endsAt: now + 120 * 60_000,
  };
  await expectOk(cloud, DEMO_USERS.staff, 'admin', 'saveCampaign', { campaign: upcoming });

  const shopper = 'e2e-flash-reminded';
  const { page, errors } = await newPhonePage(browser);
  await page.addInitScript(`localStorage.setItem('demo-openid', ${JSON.stringify(shopper)})`);
  await page.goto(`${cloud.webUrl}/#/pages/home/index`);
  const slot = page.locator('.campaign-slot', { hasText: '明日秒杀' });
  await slot.locator('.campaign-slot-remind').click();
  await page.getByText('允许', { exact: true }).click();
  await page.getByText('开始时提醒你').waitFor();
  const home = await expectOk(cloud, shopper, 'catalog', 'home', {});
  const productId = home.slots.find((x: any) => x.campaignId === upcoming._id).products[0].id;

  const sends = async () =>
    (
      await cloud.request(
        'GET',
        `/_emulator/openapi/calls?api=subscribeMessage.send&touser=${shopper}`,
      )
    ).body as any[];
  await cloud.advanceClock(30 * 60_000);
  expect(await sends()).toEqual([]);
  await cloud.advanceClock(31 * 60_000);
  const sent = await sends();
  expect(sent).toHaveLength(1);
  expect(sent[0].data.template_id).toBe('local-flash_sale_starting');
  expect(sent[0].data.page).toBe(`packages/product/detail/index?id=${productId}`);
  expect(errors).toEqual([]);
});
