// Friend assist in real Chromium over the H5 build: A reads the schedule on the product page
// (3 friends, ¥20.00 each, floor ¥69.00), starts an assist and copies its link; B, C and D open it
// and help with one tap each (B's second tap changes nothing); A sees the floor reached and buys
// at ¥69.00; a fourth friend can no longer help.
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { fillAddress, launchBrowser, pageAs } from '../support/browser';
import { run } from '../support/db-probe';
import { readDoc } from '../support/shop';

let cloud: LocalCloud;
let browser: Browser;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const text = (page: Page, selector: string, hasText: string) =>
  page.locator(selector, { hasText }).last().waitFor();

it('A starts an assist; three friends help with one tap each; A buys at the floor', async () => {
  const a = await pageAs(browser, 'e2e-assist-a');
  await a.page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=p-drip-coffee`);
  await a.page.locator('.sku-value', { hasText: '30 片装' }).click();
  await text(a.page, '.assist-entry', '3 位好友助力到底价');
  await text(a.page, '.assist-entry', '每位好友减 ¥20.00');
  await text(a.page, '.assist-entry-floor', '底价 ¥69.00');
  await a.page.locator('.assist-start').click();
  await text(a.page, '.assist-current', '当前价 ¥129.00');
  await text(a.page, '.assist-rules', '减价金额固定，不随机');
  await a.page.locator('.assist-share').click();
  await a.page.getByText('链接已复制').waitFor();
  const link = (await a.page.evaluate('navigator.clipboard.readText()')) as string;
  expect(link).toMatch(/#\/packages\/assist\/index\?id=as[0-9a-f]+&ref=/);

  const friends = [];
  for (const [i, friend] of ['e2e-assist-b', 'e2e-assist-c', 'e2e-assist-d'].entries()) {
    const f = await pageAs(browser, friend);
    await f.page.goto(link);
    await f.page.locator('.assist-help', { hasText: '帮 TA 助力' }).last().click();
    await f.page.getByText('助力成功，减了 ¥20.00').waitFor();
    await text(f.page, '.assist-progress', `已有 ${i + 1}/3 位好友助力`);
    friends.push(f);
  }
  // B again: already helped, nothing changes.
  await friends[0].page.reload();
  await text(friends[0].page, '.assist-help', '已助力');
  // A fourth friend: the floor is reached.
  const late = await pageAs(browser, 'e2e-assist-e');
  await late.page.goto(link);
  await text(late.page, '.assist-help-problem', '已经助力到底价了');

  await a.page.reload();
  await text(a.page, '.assist-current', '当前价 ¥69.00');
  await a.page.locator('.assist-buy', { hasText: '以 ¥69.00 购买' }).click();
  await a.page.locator('.checkout-assist').waitFor();
  await fillAddress(a.page);
  await text(a.page, '.checkout-total-amount', '¥77.00'); // ¥69.00 and ¥8.00 shipping
  await a.page.locator('.checkout-submit').click();
  await a.page.getByText('确认支付', { exact: true }).click();
  await a.page.locator('.order-banner-status', { hasText: '待发货' }).waitFor({ timeout: 15_000 });
  const [assist] = (await run(cloud, 'assists', ['where', { starterId: 'e2e-assist-a' }], ['get']))
    .data;
  expect(assist).toMatchObject({ status: 'USED', helpCount: 3 });
  expect((await readDoc(cloud, 'orders', assist.orderId)).totalFen).toBe(7700);
  expect([a, ...friends, late].flatMap((p) => p.errors)).toEqual([]);
});
