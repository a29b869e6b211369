/** @jest-environment jsdom */
// The mini-program build: a shopper who closes WeChat's payment sheet keeps an unpaid order,
// and its page says so (待付款, 应付, 去支付).
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED } from '../../emulator/seed/catalog';
import {
  answers,
  cloudData,
  lastNavigation,
  loadPage,
  pageDataIncludes,
  renderedText,
  startWeapp,
  tap,
  waitForText,
  waitUntil,
  wxCalls,
} from '../support/weapp-harness';

let cloud: LocalCloud;
const BUYER = 'weapp-cancelling-buyer';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await startWeapp({ cloudUrl: cloud.url, openid: BUYER });
});
afterAll(async () => {
  await cloud?.stop();
});

it('closing the payment sheet leaves the order unpaid, and its page offers to pay', async () => {
  const sku = SEED.skus.find((s) => s.productId === 'p-longjing' && s.stock > 0)!;
  const checkout = loadPage('packages/checkout/index', {
    source: 'buyNow',
    skuId: sku._id,
    qty: '1',
  });
  await waitForText(checkout, '提交订单');
  tap(checkout, '.address-book-wechat');
  await waitUntil('the address', () => pageDataIncludes(checkout, answers.address.userName));
  answers.payment = 'cancel';
  tap(checkout, '.checkout-submit');
  await waitUntil('the payment sheet', () => wxCalls.some((c) => c.api === 'requestPayment'));
  await waitUntil('the order page', () => !!lastNavigation('packages/orders/detail/index'));

  const orderId = lastNavigation('packages/orders/detail/index')!.id;
  const order = loadPage('packages/orders/detail/index', { id: orderId });
  await waitForText(order, '待付款');
  expect(renderedText(order)).toContain('去支付');
  expect(renderedText(order)).toContain('应付');
  const detail = await cloudData(cloud.url, BUYER, 'order', 'detail', { orderId });
  expect(detail).toMatchObject({ status: 'UNPAID', canPay: true });
});
