// Sharing, attribution and commission in real Chromium over the H5 build: A copies a product's
// share link; B opens it as a new user and buys; A's 我的推广 shows B and the commission; after
// receipt and the after-sale window (the clock moved) A withdraws; staff mark it paid on the
// admin's 提现 page; A sees it paid. A's poster carries a QR code that brings C to the product
// page, bound to A. A channel code made on the admin page counts the scan.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { DEFAULT_DISTRIBUTION } from '../../domain/distribution';
import { formatYuan } from '../../domain/money';
import { launchBrowser } from '../support/browser';
import { expectOk, readDoc } from '../support/shop';

let cloud: LocalCloud;
let browser: Browser;
const OWNER = DEMO_USERS.staff;
const DAY = 24 * 60 * 60 * 1000;
const A = 'e2e-sharer-a';
const B = 'e2e-friend-b';
const C = 'e2e-friend-c';

const single = SEED.products.find((p) => {
  const skus = SEED.skus.filter((s) => s.productId === p._id);
  return p.status === 'ON' && p.priceFen >= 1500 && skus.every((s) => s.stock >= 20);
})!;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true, web: true });
  browser = await launchBrowser();
  // Withdrawals from ¥1 here, so one order's commission can be withdrawn.
  await expectOk(cloud, OWNER, 'admin', 'saveDistributionSettings', {
    settings: { ...DEFAULT_DISTRIBUTION, minWithdrawFen: 100 },
  });
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

async function contextAs(
  openid: string,
  desktop = false,
): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: desktop ? { width: 1280, height: 800 } : { width: 390, height: 844 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  await page.addInitScript(`localStorage.setItem('demo-openid', ${JSON.stringify(openid)})`);
  return { page, errors, context };
}

it('A shares, B buys through the link, A earns, withdraws after the window, staff pay', async () => {
  const a = await contextAs(A);
  await a.page.goto(`${cloud.webUrl}/#/packages/product/detail/index?id=${single._id}`);
  await a.page.locator('.product-title').waitFor();
  await a.page.locator('.product-share .share-button', { hasText: '分享给好友' }).click();
  await a.page.getByText('链接已复制').waitFor();
  const link = (await a.page.evaluate('navigator.clipboard.readText()')) as string;
  const refCode = (await readDoc(cloud, 'users', A)).refCode;
  expect(link).toBe(
    `${cloud.webUrl}/#/packages/product/detail/index?id=${single._id}&ref=${refCode}`,
  );

  // B: a new user opening the link lands on the product and buys it.
  const b = await contextAs(B);
  await b.page.goto(link);
  await b.page.locator('.product-title', { hasText: single.title }).waitFor();
  await b.page.locator('.product-buy').click();
  await b.page.locator('.address-form').waitFor();
  for (const [field, value] of [
    ['.address-name', '林小姐'],
    ['.address-phone', '13800001234'],
    ['.address-region', '浙江省 杭州市 西湖区'],
    ['.address-detail', '文三路 100 号'],
  ])
    await b.page.locator(`${field} input`).fill(value);
  await b.page.locator('.checkout-submit').click();
  await b.page.getByText('确认支付', { exact: true }).click();
  await b.page.locator('.order-banner-status', { hasText: '待发货' }).waitFor({ timeout: 15_000 });
  expect((await readDoc(cloud, 'users', B)).binding.inviterId).toBe(A);

  // A's 我的推广: B among the friends, the commission waiting for receipt.
  const [summary] = (await expectOk(cloud, B, 'order', 'list', {})).orders;
  const order = await expectOk(cloud, B, 'order', 'detail', { orderId: summary.id });
  const commission = await readDoc(cloud, 'commissions', `cm-${order.id}`);
  expect(commission.amountFen).toBe(Math.floor((order.totalFen - order.shippingFen) / 10));
  await a.page.goto(`${cloud.webUrl}/#/packages/promote/index`);
  await a.page.locator('.promote-invited', { hasText: '已邀请 1 人' }).waitFor();
  await a.page.locator('.promote-tab-friends').click();
  await a.page.locator('.promote-friend', { hasText: `微信用户${B.slice(-4)}` }).waitFor();
  await a.page.locator('.promote-tab-commissions').click();
  const row = a.page.locator('.promote-commission').first();
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain(`+${formatYuan(commission.amountFen)}`);
  await expect(row.textContent()).resolves.toContain('待收货');

  // Shipped, received, and the after-sale window passes.
  await expectOk(cloud, OWNER, 'admin', 'ship', {
    orderId: order.id,
    company: '顺丰',
    trackingNo: 'SF1234567',
  });
  await expectOk(cloud, B, 'order', 'confirmReceipt', { orderId: order.id });
  await cloud.advanceClock(7 * DAY + 60_000);

  // A withdraws the balance.
  await a.page.reload();
  await a.page
    .locator('.promote-balance-value', { hasText: formatYuan(commission.amountFen, '') })
    .waitFor();
  await a.page.locator('.promote-tab-withdrawals').click();
  await a.page.locator('.promote-withdraw-input input').fill(formatYuan(commission.amountFen, ''));
  await a.page.locator('.promote-withdraw-submit').click();
  await a.page.locator('.promote-withdrawal', { hasText: '待打款' }).waitFor();

  // Staff pay it out and mark it on the admin's 提现 page.
  const staff = await contextAs(OWNER, true);
  await staff.page.goto(`${cloud.webUrl}/#/packages/admin/withdrawals/index`);
  const card = staff.page.locator('.admin-withdrawal', {
    hasText: formatYuan(commission.amountFen),
  });
  await card.waitFor();
  await card.locator('.admin-withdrawal-note input').fill('微信转账 20261125');
  await card.locator('.admin-withdrawal-paid').click();
  await staff.page.getByText('已标记打款').waitFor();

  await a.page.reload();
  await a.page.locator('.promote-tab-withdrawals').click();
  await a.page.locator('.promote-withdrawal', { hasText: '已打款' }).waitFor();
  expect([...a.errors, ...b.errors, ...staff.errors]).toEqual([]);
});

it("A's poster carries a code that brings C to the product, bound to A; a channel code counts its scan", async () => {
  const a = await contextAs(A);
  await a.page.goto(`${cloud.webUrl}/#/packages/promote/poster/index?productId=${single._id}`);
  const picture = a.page.locator('.poster-picture img');
  await picture.waitFor();
  const src = (await picture.getAttribute('src'))!;
  expect(src).toMatch(/^data:image\/png;base64,/);
  const png = PNG.sync.read(Buffer.from(src.split(',')[1], 'base64'));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(qr?.data).toMatch(/#\/pages\/home\/index\?scene=s\./);

  // C scans it: the code opens home, the launch goes on to the product page.
  const c = await contextAs(C);
  await c.page.goto(qr!.data);
  await c.page.locator('.product-title', { hasText: single.title }).waitFor();
  expect((await readDoc(cloud, 'users', C)).binding).toMatchObject({ inviterId: A, via: 'scene' });

  // Staff make a channel code; a visitor scanning it shows in its figures.
  const staff = await contextAs(OWNER, true);
  await staff.page.goto(`${cloud.webUrl}/#/packages/admin/channels/index`);
  await staff.page.locator('.admin-channel-id input').fill('parcel');
  await staff.page.locator('.admin-channel-name input').fill('包裹卡');
  await staff.page.locator('.admin-channel-save').click();
  const channelCard = staff.page.locator('.admin-channel-card', { hasText: '包裹卡' });
  await channelCard.waitFor();
  await expect(channelCard.locator('.admin-channel-stats').textContent()).resolves.toContain(
    '扫码 0 次',
  );
  const visitor = await contextAs('e2e-parcel-visitor');
  await visitor.page.goto(`${cloud.webUrl}/#/pages/home/index?scene=ch.parcel`);
  await visitor.page.locator('.product-card').first().waitFor();
  await staff.page.reload();
  await expect(
    staff.page
      .locator('.admin-channel-card', { hasText: '包裹卡' })
      .locator('.admin-channel-stats')
      .textContent(),
  ).resolves.toContain('扫码 1 次 · 新用户 1');
  expect([...a.errors, ...c.errors, ...staff.errors, ...visitor.errors]).toEqual([]);
});

it('staff change the distribution settings on 分销; a rate outside 10%-50% is refused', async () => {
  const staff = await contextAs(OWNER, true);
  await staff.page.goto(`${cloud.webUrl}/#/packages/admin/distribution/index`);
  await staff.page.locator('.admin-dist-settings').waitFor();
  // A is listed among the distributors, with the commission they earned.
  await staff.page
    .locator('.admin-table .admin-row', { hasText: `微信用户${A.slice(-4)}` })
    .waitFor();
  await staff.page.locator('.admin-dist-defaultRatePct input').fill('60');
  await staff.page.locator('.admin-dist-save').click();
  await staff.page.getByText('佣金比例不高于 50%').waitFor();
  expect((await expectOk(cloud, OWNER, 'admin', 'distributionSettings', {})).defaultRatePct).toBe(
    10,
  );
  await staff.page.locator('.admin-dist-defaultRatePct input').fill('15');
  await staff.page.locator('.admin-dist-mode-approved').click();
  await staff.page.locator('.admin-dist-save').click();
  await staff.page.getByText('已保存').waitFor();
  expect(await expectOk(cloud, OWNER, 'admin', 'distributionSettings', {})).toMatchObject({
    mode: 'approved',
    defaultRatePct: 15,
    minWithdrawFen: 100,
  });
  expect(staff.errors).toEqual([]);
});
