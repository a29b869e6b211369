// A deposit-inflation pre-sale in real Chromium over the H5 build: A reads the rules (forfeiture
// highlighted) and pays the ¥20.00 定金 worth ¥50.00; A copies the pre-sale's link; B and C open it
// as new users and pay deposits too, which inflates A's credit to ¥70.00; when the final phase
// opens A pays ¥129.00 − ¥70.00 = ¥59.00 (and shipping).
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS } from '../../emulator/seed/catalog';
import { fillAddress, launchBrowser, pageAs } from '../support/browser';
import { expectOk, readDoc } from '../support/shop';

let cloud: LocalCloud;
let browser: Browser;
const DAY = 24 * 60 * 60 * 1000;
const CAMPAIGN = 'cmp-e2e-presale';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, web: true });
  browser = await launchBrowser();
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  await expectOk(cloud, DEMO_USERS.staff, 'admin', 'saveCampaign', {
    campaign: {
      _id: CAMPAIGN,
      kind: 'PRESALE',
      title: '茶具预售',
      label: '预售价',
      startsAt: now - 60_000,
      endsAt: now + 7 * DAY,
      status: 'ACTIVE',
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'PRESALE',
          args: {
            deposits: [{ skuId: 'p-tea-set-1', priceFen: 2000 }],
            creditFen: 5000,
            stepFen: 1000,
            capFen: 8000,
            depositEndsAt: now + 2 * DAY,
            finalStartsAt: now + 3 * DAY,
            finalEndsAt: now + 5 * DAY,
            shipAt: now + 6 * DAY,
          },
        },
      ],
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const text = (page: Page, selector: string, hasText: string) =>
  page.locator(selector, { hasText }).last().waitFor();

async function pay(page: Page, total: string): Promise<void> {
  await fillAddress(page);
  await text(page, '.checkout-total-amount', total);
  await page.locator('.checkout-submit').click();
  await page.getByText('确认支付', { exact: true }).click();
  await page.locator('.order-banner-status').last().waitFor({ timeout: 15_000 });
}

it('A pays a deposit and invites two friends who pay theirs; A pays the final payment less ¥70.00', async () => {
  const shopper = await pageAs(browser, 'e2e-presale-browser');
  await shopper.page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=p-tea-set`);
  await text(shopper.page, '.presale-entry', '付定金 ¥20.00 抵 ¥50.00');
  const a = await pageAs(browser, 'e2e-presale-a');
  await a.page.goto(`${cloud.webUrl}/#/packages/presale/index?campaign=${CAMPAIGN}`);
  await text(a.page, '.presale-forfeit', '逾期未付尾款定金不退');
  await text(a.page, '.presale-rules', '每位好友只为邀请他的人膨胀一次');
  await a.page.locator('.presale-pay-deposit').click();
  await text(a.page, '.checkout-forfeit', '逾期未付定金不退');
  await pay(a.page, '¥20.00');
  await text(a.page, '.order-presale', '预售定金，不单独发货');

  await a.page.goto(`${cloud.webUrl}/#/packages/presale/index?campaign=${CAMPAIGN}`);
  await text(a.page, '.presale-mine', '定金已付');
  await a.page.locator('.presale-share').click();
  await a.page.getByText('链接已复制').waitFor();
  const link = (await a.page.evaluate('navigator.clipboard.readText()')) as string;
  expect(link).toContain(`#/packages/presale/index?campaign=${CAMPAIGN}&ref=`);

  const friends = [];
  for (const friend of ['e2e-presale-b', 'e2e-presale-c']) {
    const f = await pageAs(browser, friend);
    await f.page.goto(link);
    await f.page.locator('.presale-pay-deposit').click();
    await pay(f.page, '¥20.00');
    friends.push(f);
    expect((await readDoc(cloud, 'users', friend)).binding.inviterId).toBe('e2e-presale-a');
  }

  await a.page.reload();
  await text(a.page, '.presale-credit', '已邀请 2 位好友付定金，当前抵 ¥70.00');
  await cloud.advanceClock(3 * DAY);
  await a.page.reload();
  await a.page.locator('.presale-pay-final', { hasText: '付尾款 ¥59.00' }).click();
  await text(a.page, '.checkout-presale', '尾款：¥67.00（本次支付）');
  await pay(a.page, '¥67.00'); // ¥59.00 and ¥8.00 shipping
  await text(a.page, '.order-presale', '预售尾款');
  expect([a, ...friends].flatMap((p) => p.errors)).toEqual([]);
});
