// Tiered group buying in real Chromium over the H5 build: A opens a group from the product page
// (发起拼团, paying the first tier's ¥29.90) and copies the group's link; B, C, D and E open it,
// join (参团) and pay the same, which reaches the second tier (5 people ¥24.90); the clock passes
// the deadline; the group succeeds at 5 and everyone sees ¥5.00 refunded; staff see it on the
// admin's 拼团 page.
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS } from '../../emulator/seed/catalog';
import { SEED_CAMPAIGN_IDS } from '../../emulator/seed/campaigns';
import { fillAddress, launchBrowser, pageAs } from '../support/browser';
import { readDoc } from '../support/shop';

let cloud: LocalCloud;
let browser: Browser;
const PRODUCT = 'p-mixed-nuts';
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

/** Fills the address, submits, pays in the sandbox; lands on the group's page. */
async function payAtCheckout(page: Page): Promise<void> {
  await page.locator('.checkout-group').waitFor();
  await page.locator('.address-form').waitFor();
  await fillAddress(page);
  await expectText(page, '.checkout-total-amount', '¥37.90'); // ¥29.90 and ¥8.00 shipping
  await page.locator('.checkout-submit').click();
  await page.getByText('确认支付', { exact: true }).click();
  await page.locator('.group-page').last().waitFor({ timeout: 15_000 });
}

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor();
}

it('A opens a group and shares it; friends join until the second tier; after the deadline everyone gets the difference back', async () => {
  const a = await pageAs(browser, 'e2e-group-a');
  await a.page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=${PRODUCT}`);
  await expectText(a.page, '.group-entry-tiers', '3人 ¥29.90 · 5人 ¥24.90 · 10人 ¥19.90');
  await a.page.locator('.group-open').click();
  await payAtCheckout(a.page);
  await expectText(a.page, '.group-headline', '再邀 2 人，每件降到 ¥29.90');
  await expectText(a.page, '.group-rules', '不足 3 人拼团失败，全额原路退款');
  await a.page.locator('.group-share').click();
  await a.page.getByText('链接已复制').waitFor();
  const link = (await a.page.evaluate('navigator.clipboard.readText()')) as string;
  expect(link).toMatch(/#\/packages\/group\/index\?id=g-[A-Z0-9]+&ref=/);

  const friends = ['e2e-group-b', 'e2e-group-c', 'e2e-group-d', 'e2e-group-e'];
  const pages = [a];
  for (const friend of friends) {
    const f = await pageAs(browser, friend);
    await f.page.goto(link);
    await f.page.locator('.group-join', { hasText: '¥29.90 参团' }).click();
    await payAtCheckout(f.page);
    pages.push(f);
  }
  const last = pages[pages.length - 1].page;
  await expectText(last, '.group-headline', '再邀 5 人，每件降到 ¥19.90');
  await expect(last.locator('.group-tier.current').last().textContent()).resolves.toContain(
    '5人团',
  );
  expect(await last.locator('.group-page').last().locator('.group-member').count()).toBe(8);
  // Every friend was brought by A (the link carried A's ref).
  expect((await readDoc(cloud, 'users', friends[0])).binding.inviterId).toBe('e2e-group-a');

  // The deadline passes: the group succeeds at 5, and everyone is refunded ¥5.00.
  await cloud.advanceClock(24 * HOUR + 60_000);
  await cloud.advanceClock(60_000);
  for (const p of pages) {
    await p.page.reload();
    await expectText(p.page, '.group-headline', '拼团成功：5 人成团，每件 ¥24.90');
    await expectText(p.page, '.group-refund', '已退还 ¥5.00');
  }
  await pages[1].page.locator('.group-my-order').last().click();
  await expectText(pages[1].page, '.order-group', '拼团成功');
  await expectText(pages[1].page, '.order-banner-note', '已退款 ¥5.00');

  // Staff see the group, its members and their refunds.
  const staff = await pageAs(browser, DEMO_USERS.staff, true);
  await staff.page.goto(`${cloud.webUrl}/#/packages/admin/groups/index`);
  await staff.page.locator('.admin-group-tab-SUCCEEDED').click();
  await staff.page.locator('.admin-group', { hasText: '5/10 人' }).click();
  await expectText(staff.page, '.admin-group-member', '已退 ¥5.00');
  await expect(staff.page.locator('.admin-group-member').count()).resolves.toBe(5);
  expect([...pages.flatMap((p) => p.errors), ...staff.errors]).toEqual([]);
  expect(SEED_CAMPAIGN_IDS.group).toBe('cmp-group');
});
