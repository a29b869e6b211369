// A blind box in real Chromium over the H5 build: the buyer sees every item, its value and their
// probability, the rules; an under-8 answer is refused; they buy, pay, see the box open in my
// boxes, and the verify page recomputes the draw on the device: ✓. A forged seed shows ✗.
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS } from '../../emulator/seed/catalog';
import { fillAddress, launchBrowser, pageAs } from '../support/browser';
import { run } from '../support/db-probe';
import { expectOk, readDoc } from '../support/shop';

let cloud: LocalCloud;
let browser: Browser;
const DAY = 24 * 60 * 60 * 1000;
const CAMPAIGN = 'cmp-e2e-box';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, web: true });
  browser = await launchBrowser();
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  await expectOk(cloud, DEMO_USERS.staff, 'admin', 'saveCampaign', {
    campaign: {
      _id: CAMPAIGN,
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
            box: [{ skuId: 'p-egg-roll-1', priceFen: 2890 }],
            pool: [
              { skuId: 'p-cashew-2', valueFen: 6990, weight: 3, stock: 10 },
              { skuId: 'p-mixed-nuts-2', valueFen: 14900, weight: 1, stock: 5, top: true },
            ],
            guaranteeAfter: 0,
            dailyCap: 0,
            tuned: 'no',
            fission: 'no',
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

it('sees the odds, buys a box, opens it, and verifies the draw on the device', async () => {
  const { page, errors } = await pageAs(browser, 'e2e-box-buyer');
  await page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=p-egg-roll`);
  await text(page, '.blindbox-entry', '幸运盲盒 · ¥28.90');
  await page.goto(`${cloud.webUrl}/#/packages/blindbox/index?campaign=${CAMPAIGN}`);
  await text(page, '.blindbox-item', '75.00%');
  await text(page, '.blindbox-item', '25.00%');
  await text(page, '.blindbox-rules', '任何人可复算验证');
  await page.locator('.age-UNDER_8').click();
  await page.locator('.blindbox-buy').click();
  await page.getByText('按规定，盲盒不向 8 岁以下的未成年人出售').waitFor();
  await page.locator('.age-ADULT').click();
  await page.locator('.blindbox-buy').click();
  await page.locator('.checkout-box').waitFor();
  await fillAddress(page);
  await text(page, '.checkout-total-amount', '¥36.90'); // ¥28.90 and ¥8.00 shipping
  await page.locator('.checkout-submit').click();
  await page.getByText('确认支付', { exact: true }).click();
  await page.locator('.blindbox-result').last().waitFor({ timeout: 15_000 });
  const [order] = (await run(cloud, 'orders', ['where', { openid: 'e2e-box-buyer' }], ['get']))
    .data as any[];
  const drawn = order.blindBox.result.skuId;
  await text(page, '.blindbox-result', drawn === 'p-cashew-2' ? '炭烧腰果' : '每日坚果');
  await page.locator('.blindbox-verify-link').last().click();
  await text(page, '.blindbox-verdict', '✓ 本机复算结果一致');
  await text(page, '.blindbox-proof', order.blindBox.commitment);
  // A forged record does not verify on the device either.
  await run(cloud, 'draws', ['doc', order._id], ['update', { data: { seed: 'forged' } }]);
  await page.reload();
  await text(page, '.blindbox-verdict', '✗ 复算结果不一致');
  expect((await readDoc(cloud, 'orders', order._id)).lines[0].skuId).toBe(drawn);
  expect(errors).toEqual([]);
});
