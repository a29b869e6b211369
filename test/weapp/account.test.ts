/** @jest-environment jsdom */
// The mini-program build, the regular buyer's own pages: 我的 (tier, paid orders), the order
// list, a finished order (再次购买, 申请售后), the coupon center and my coupons, each showing what
// the cloud holds for them.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { formatYuan, type Fen } from '../../domain/money';
import {
  answers,
  cloudCalls,
  cloudData,
  lastNavigation,
  loadPage,
  postToEmulator,
  renderedText,
  startWeapp,
  tap,
  waitForText,
  waitUntil,
  wxCalls,
} from '../support/weapp-harness';
import { AFTER_SALE_REASONS } from '../../domain/after-sale';

let cloud: LocalCloud;
const BUYER = DEMO_USERS.regular;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await startWeapp({ cloudUrl: cloud.url, openid: BUYER });
});
afterAll(async () => {
  await cloud?.stop();
});

it('我的 shows the buyer, their tier, paid orders and total from the cloud', async () => {
  const me = await cloudData(cloud.url, BUYER, 'user', 'me');
  const page = loadPage('pages/me/index');
  await waitForText(page, me.nickname);
  const text = renderedText(page);
  expect(text).toContain(`已购 ${me.paidOrderCount} 单`);
  expect(text).toContain(formatYuan(me.paidTotalFen as Fen));
  expect(text).toContain(me.tier.name);

  // Pull-down refresh: the page asks the cloud again and ends the refresh animation.
  const before = cloudCalls.filter((c) => c.data.action === 'me').length;
  page.instance.onPullDownRefresh();
  await waitUntil(
    'a fresh me call',
    () => cloudCalls.filter((c) => c.data.action === 'me').length > before,
  );
  await waitUntil('the refresh to end', () => wxCalls.some((c) => c.api === 'stopPullDownRefresh'));
});

it('the order list shows every order of the buyer, paid ones with 实付', async () => {
  const list = await cloudData(cloud.url, BUYER, 'order', 'list');
  expect(list.orders.length).toBeGreaterThan(0);
  const page = loadPage('packages/orders/list/index');
  await waitForText(page, list.orders[0].lines[0].title);
  const text = renderedText(page);
  for (const order of list.orders) {
    expect(text).toContain(`实付 ${formatYuan(order.totalFen)}`);
    for (const line of order.lines) expect(text).toContain(line.title);
  }
  const statuses = page.querySelectorAll('.order-status').map((n) => String(n.dom.textContent));
  expect(statuses).toEqual(list.orders.map((o: { statusText: string }) => o.statusText));
});

it('a paid order offers 再次购买 and 申请售后; asking records the reason', async () => {
  const sku = SEED.skus.find((s) => s.productId === 'p-longjing' && s.stock > 0)!;
  const placed = await cloudData(cloud.url, BUYER, 'order', 'create', {
    lines: { source: 'buyNow', skuId: sku._id, qty: 2 },
    requestId: `weapp-account-${Date.now()}`,
    address: {
      name: '王芳',
      phone: '13800000000',
      region: '浙江省 杭州市',
      detail: '文一西路 88 号',
    },
  });
  await postToEmulator(cloud.url, '/_emulator/pay/confirm', { outTradeNo: placed.order.id });
  const first = placed.order;
  const page = loadPage('packages/orders/detail/index', { id: first.id });
  await waitForText(page, '再次购买');
  expect(renderedText(page)).toContain('申请售后');
  for (const line of first.lines) expect(renderedText(page)).toContain(line.title);

  answers.actionSheetIndex = 1;
  tap(page, '.order-after-sale-ask');
  await waitForText(page, `售后处理中（${AFTER_SALE_REASONS[1]}）`);
  const detail = await cloudData(cloud.url, BUYER, 'order', 'detail', { orderId: first.id });
  expect(detail.afterSale).toMatchObject({ status: 'REQUESTED', reason: AFTER_SALE_REASONS[1] });

  // 再次购买 puts the order's lines in the cart and opens it.
  tap(page, '.order-buy-again');
  await waitUntil('the cart to open', () => !!lastNavigation('pages/cart/index'));
  const cart = await cloudData(cloud.url, BUYER, 'cart', 'list');
  for (const line of detail.lineDetails)
    expect(cart.lines.find((l: { skuId: string }) => l.skuId === line.skuId)?.qty).toBe(line.qty);
  expect(cloudCalls.some((c) => c.name === 'cart' && c.data.action === 'addLines')).toBe(true);
});

it('the coupon center shows what the shop offers; my coupons shows a claimed one', async () => {
  const templates = await cloudData(cloud.url, BUYER, 'coupon', 'center');
  expect(templates.length).toBeGreaterThan(0);
  const center = loadPage('packages/coupons/center/index');
  await waitForText(center, templates[0].title);
  for (const t of templates) expect(renderedText(center)).toContain(t.title);

  const claimed = await cloudData(cloud.url, BUYER, 'coupon', 'claim', {
    templateId: templates[0].id,
  });
  const mine = loadPage('packages/coupons/mine/index');
  await waitForText(mine, claimed.title);
  expect(renderedText(mine)).toContain('未使用');
});
