// The staff admin in real Chromium over the H5 build, as the demo owner (the browser's demo
// identity): on a desktop (1280x800) the side menu and a sortable stock table, a SKU's stock
// adjusted with a reason and its ledger, a CSV import refused whole for one bad line and then
// applied; on a phone the same work from 我的 → 店铺管理 with cards. A shopper is refused.
import type { Browser, Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED, SPECIAL } from '../../emulator/seed/catalog';
import { launchBrowser, newPhonePage } from '../support/browser';
import { buyNow, expectOk, paySandbox } from '../support/shop';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

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

async function desktopAs(openid: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  await page.addInitScript(`localStorage.setItem('demo-openid', ${JSON.stringify(openid)})`);
  return page;
}

const sku = SEED.skus.find((s) => s._id === 'p-longjing-1')!;

it('on a desktop, a browser signs in by QR: staff confirm in the mini-program, the admin opens', async () => {
  const page = await desktopAs('e2e-desktop-browser'); // no staff identity of its own
  await page.goto(`${cloud.webUrl}/#/packages/admin/index`);
  const qr = page.locator('.signin-qr img');
  await qr.waitFor();
  const src = (await qr.getAttribute('src'))!;
  const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const target = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
  const scene = decodeURIComponent(target.split('scene=')[1]);
  const code = new URLSearchParams(scene).get('a')!;
  // The owner scans it with the mini-program and confirms (as their WeChat self).
  await expectOk(cloud, DEMO_USERS.staff, 'admin', 'confirmSignin', { code });
  await page.locator('.admin-menu-who', { hasText: '店长' }).waitFor();
  await page.locator('.admin-section-link', { hasText: '库存' }).waitFor();
  // Admin calls now go over the session through the HTTP access route.
  const calls: string[] = [];
  page.on('request', (r) => calls.push(new URL(r.url()).pathname));
  await page.locator('.admin-menu-item', { hasText: '库存' }).click();
  await page.locator('.admin-row').first().waitFor();
  expect(calls).toContain('/http/admin-api/call');
  await page.locator('.admin-signout').click();
  await page.locator('.signin-qr img').waitFor();
});
const product = SEED.products.find((p) => p._id === sku.productId)!;

it('on a desktop: the menu, a sortable table, a stock change with its ledger, a CSV import all or nothing', async () => {
  const page = await desktopAs(DEMO_USERS.staff);
  await page.goto(`${cloud.webUrl}/#/packages/admin/stock/index`);
  const menu = page.locator('.admin-menu');
  await menu.waitFor();
  await expect(menu.isVisible()).resolves.toBe(true);
  await expect(menu.textContent()).resolves.toContain('员工与权限');
  const table = page.locator('.admin-stock .admin-table, .admin-table').first();
  await table.locator('.admin-row').first().waitFor();
  await expect(page.locator('.admin-cards').first().isVisible()).resolves.toBe(false);

  // Sort by 在库, ascending: the sold-out SKU (0 in hand) comes first once the low filter is on.
  await page.locator('.admin-low-only').click();
  await page.locator('.admin-td-inHand').first().waitFor();
  await page.locator('.admin-th-inHand').first().click();
  const inHand = (await page.locator('.admin-td-inHand').allTextContents()).map(Number);
  expect(inHand).toEqual([...inHand].sort((a, b) => a - b));
  expect(inHand[0]).toBe(0);
  await page.locator('.admin-th-inHand').first().click();
  const reversed = (await page.locator('.admin-td-inHand').allTextContents()).map(Number);
  expect(reversed).toEqual([...inHand].sort((a, b) => b - a));

  // A SKU: add 20 units as 入库; the figures and the ledger follow.
  await page.goto(`${cloud.webUrl}/#/packages/admin/sku/index?id=${sku._id}`);
  await page.locator('.admin-figure-in-hand').waitFor();
  await page.locator('.admin-amount input').fill('20');
  await page.locator('.admin-stock-submit').click();
  await page.locator('.admin-figure-in-hand', { hasText: `在库 ${sku.stock + 20}` }).waitFor();
  const firstRow = page.locator('.admin-table .admin-row').first();
  await expect(firstRow.textContent()).resolves.toMatch(
    new RegExp(`调整\\+20${sku.stock}${sku.stock + 20}入库${DEMO_USERS.staff}`),
  );

  // A CSV with one bad line changes nothing and names the line; fixed, it is applied.
  await page.goto(`${cloud.webUrl}/#/packages/admin/import/index`);
  const csv = page.locator('.admin-csv textarea');
  await csv.waitFor();
  await csv.fill(`skuId,方式,数量,原因\n${sku._id},入库,5,到货\nno-such-sku,盘点,3,盘点`);
  await page.locator('.admin-import-submit').click();
  await page.getByText('第 3 行：规格 no-such-sku 不存在').waitFor();
  const ledger = await expectOk(cloud, DEMO_USERS.staff, 'admin', 'stockLedger', {
    skuId: sku._id,
  });
  expect(ledger.sku.inHand).toBe(sku.stock + 20);
  // The fixed CSV comes as a file this time.
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.admin-csv-file').click();
  await (
    await chooser
  ).setFiles({
    name: 'stock.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `skuId,方式,数量,原因\n${sku._id},入库,5,到货\n${SPECIAL.lowStockSkuId},盘点,30,盘点`,
    ),
  });
  await page.getByText('2 行可导入').waitFor();
  await page.locator('.admin-import-submit').click();
  await page.getByText('已导入 2 行').waitFor();
  const after = await expectOk(cloud, DEMO_USERS.staff, 'admin', 'stockLedger', { skuId: sku._id });
  expect(after.sku.inHand).toBe(sku.stock + 25);
});

it('on a desktop: find a paid order, ship it (uploaded to WeChat) and refund part of it', async () => {
  const placed = (await buyNow(cloud, 'e2e-admin-buyer', sku._id, 2)) as any;
  const orderId: string = placed.data.order.id;
  await paySandbox(cloud, orderId);
  const page = await desktopAs(DEMO_USERS.staff);
  await page.goto(`${cloud.webUrl}/#/packages/admin/orders/index`);
  await page.locator('.admin-order-search input').fill(orderId);
  await page.locator('.admin-order-search-go').click();
  await page.locator('.admin-td-id', { hasText: orderId }).click();
  await page.locator('.admin-tracking input').fill('SF2026112401');
  await page.locator('.admin-ship').click();
  await page.getByText('顺丰速运 SF2026112401').waitFor();
  await page.getByText('发货信息：已上传微信').waitFor();
  await page.locator('.admin-refund-amount input').fill('1.5');
  await page.locator('.admin-refund-reason input').fill('包装破损补偿');
  await page.locator('.admin-refund').click();
  await page.getByText('已退款 ¥1.50').waitFor();
  const detail = await expectOk(cloud, DEMO_USERS.staff, 'admin', 'order', { orderId });
  expect(detail).toMatchObject({ status: 'SHIPPED', refundedFen: 150 });
});

it('on a desktop: create a product with an uploaded picture; the shop sells it', async () => {
  const page = await desktopAs(DEMO_USERS.staff);
  await page.goto(`${cloud.webUrl}/#/packages/admin/product/index`);
  await page.locator('.admin-product-title input').fill('e2e 手冲滤杯');
  await page.locator('.admin-category').first().click();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.admin-upload').click();
  await (
    await chooser
  ).setFiles({
    name: 'cup.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="red"/></svg>',
    ),
  });
  await page.locator('.admin-image img').waitFor();
  await page.locator('.admin-spec-values input').fill('白,黑');
  const prices = page.locator('.admin-sku-price input');
  // The two values make two SKUs (the form re-renders after the input).
  await prices.nth(1).waitFor();
  await expect(prices.count()).resolves.toBe(2);
  await prices.nth(0).fill('69');
  await prices.nth(1).fill('79.5');
  await page.locator('.admin-sku-stock input').nth(0).fill('10');
  // The preview shows the card as shoppers will see it.
  await expect(page.locator('.admin-preview').textContent()).resolves.toContain('e2e 手冲滤杯');
  await page.locator('.admin-save-product').click();
  await page.locator('.admin-sku-row', { hasText: '库存 10' }).waitFor();
  const saved = (
    await expectOk(cloud, DEMO_USERS.staff, 'admin', 'products', { keyword: 'e2e 手冲滤杯' })
  )[0];
  expect(saved).toMatchObject({ priceFen: 6900, onSale: true });
  const shop = await expectOk(cloud, 'e2e-shopper', 'catalog', 'product', { productId: saved.id });
  expect(shop.images[0]).toMatch(/^cloud:\/\//);
  expect(shop.skus.map((s: any) => s.priceFen)).toEqual([6900, 7950]);
});

it("on a desktop: the overview shows the day's numbers, the 30 days' chart and top products", async () => {
  const placed = (await buyNow(cloud, 'e2e-dashboard-buyer', sku._id, 1)) as any;
  await paySandbox(cloud, placed.data.order.id);
  const numbers = await expectOk(cloud, DEMO_USERS.staff, 'admin', 'dashboard', {});
  expect(numbers.today.orders).toBeGreaterThan(0);
  const page = await desktopAs(DEMO_USERS.staff);
  await page.goto(`${cloud.webUrl}/#/packages/admin/index`);
  const today = page.locator('.admin-figure', { hasText: '今日订单' });
  await today.waitFor();
  await expect(today.locator('.admin-figure-value').textContent()).resolves.toBe(
    String(numbers.today.orders),
  );
  await expect(page.locator('.bar-chart-bar').count()).resolves.toBe(30);
  await expect(page.locator('.admin-top-product').first().textContent()).resolves.toContain(
    numbers.topProducts[0].title,
  );
});

it("on a desktop: a flash sale made from the rules' forms shows on the shop's home page", async () => {
  const target = SEED.skus.find((s) => s._id === 'p-longjing-2')!;
  const page = await desktopAs(DEMO_USERS.staff);
  await page.goto(`${cloud.webUrl}/#/packages/admin/campaign/index`);
  await page.locator('.admin-campaign-title input').waitFor();
  await page.locator('.admin-campaign-title input').fill('e2e 周末秒杀');
  await page.locator('.admin-campaign-label input').fill('周末价');
  await page.locator('.admin-add-QUOTA').click();
  await page.locator('.arg-number input').first().fill('30');
  await page.locator('.admin-add-SPECIAL_PRICE').click();
  await page.locator('.arg-add-sku').click();
  await page.locator('.arg-sku input').fill(target._id);
  await page.locator('.arg-price input').fill('9.9');
  await page.locator('.admin-save-campaign').click();
  const card = page.locator('.admin-campaign-card', { hasText: 'e2e 周末秒杀' });
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain('进行中');

  // The shop: the home page has the new slot, the product its price.
  const shop = await desktopAs('e2e-flash-shopper');
  await shop.goto(`${cloud.webUrl}/#/pages/home/index`);
  const slot = shop.locator('.campaign-slot', { hasText: 'e2e 周末秒杀' });
  await slot.waitFor();
  await expect(slot.textContent()).resolves.toContain('9.90');
  const product = await expectOk(cloud, 'e2e-flash-shopper', 'catalog', 'product', {
    productId: target.productId,
  });
  expect(product.skus.find((s: any) => s.id === target._id).promo).toMatchObject({
    label: '周末价',
    priceFen: 990,
  });
});

it('on a phone: 我的 → 店铺管理, cards, a count (盘点) from the SKU page', async () => {
  const { page } = await newPhonePage(browser);
  await page.addInitScript(
    `localStorage.setItem('demo-openid', ${JSON.stringify(DEMO_USERS.staff)})`,
  );
  await page.goto(`${cloud.webUrl}/#/pages/me/index`);
  await page.locator('.me-admin').click();
  await page.locator('.admin-section-link', { hasText: '库存' }).click();
  await page.locator('.admin-search input').fill(product.title);
  await page.locator('.admin-chip', { hasText: '搜索' }).click();
  const card = page.locator('.admin-sku-card', { hasText: product.title }).first();
  await card.waitFor();
  await expect(page.locator('.admin-table').first().isVisible()).resolves.toBe(false);
  await card.click();
  await page.locator('.admin-mode-set').click();
  await page.locator('.admin-amount input').fill('99');
  await page.locator('.admin-stock-submit').click();
  await page.locator('.admin-figure-in-hand', { hasText: '在库 99' }).waitFor();
  await expect(page.locator('.admin-ledger-card').first().textContent()).resolves.toContain('盘点');
});

it('a shopper is told the admin is for staff, and the cloud refuses them', async () => {
  const { page } = await newPhonePage(browser);
  await page.addInitScript(`localStorage.setItem('demo-openid', 'e2e-nosy-shopper')`);
  await page.goto(`${cloud.webUrl}/#/packages/admin/stock/index`);
  await page.getByText('只有店铺员工可以使用店铺管理').waitFor();
  await expect(page.locator('.admin-row').count()).resolves.toBe(0);
});
