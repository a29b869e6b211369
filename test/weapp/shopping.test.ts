/** @jest-environment jsdom */
// The mini-program build, shopping: category → product → cart → checkout (address from WeChat's
// address book) → pay (wx.requestPayment answered as WeChat does: the sandbox really takes the
// payment) → order detail, paid. Every page shows the cloud's data.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED } from '../../emulator/seed/catalog';
import { formatYuan } from '../../domain/money';
import {
  answers,
  cloudCalls,
  cloudData,
  pageDataIncludes,
  lastNavigation,
  loadPage,
  renderedText,
  startWeapp,
  tap,
  waitForText,
  waitUntil,
  wxCalls,
} from '../support/weapp-harness';

let cloud: LocalCloud;
const BUYER = 'weapp-shopper';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await startWeapp({ cloudUrl: cloud.url, openid: BUYER });
});
afterAll(async () => {
  await cloud?.stop();
});

it("the category page lists the categories and the chosen one's products from the cloud", async () => {
  const view = await cloudData(cloud.url, BUYER, 'catalog', 'category');
  const page = loadPage('pages/category/index');
  await waitForText(page, view.products[0].title);
  const text = renderedText(page);
  for (const category of SEED.categories) expect(text).toContain(category.name);
  for (const p of view.products) expect(text).toContain(p.title);
  const others = SEED.products.filter((p) => p.categoryId !== view.categoryId);
  for (const p of others) expect(text).not.toContain(p.title);
});

// A listed product without campaign prices; the page starts on its first SKU in stock.
const product = SEED.products.find((p) => p.status === 'ON' && p._id === 'p-longjing')!;
const sku = SEED.skus.find((s) => s.productId === product._id && s.stock > 0)!;

it('a shopper adds a product to the cart, pays at checkout and sees the order paid', async () => {
  const detail = loadPage('packages/product/detail/index', { id: product._id });
  await waitForText(detail, product.title);
  tap(detail, '.product-add');
  await waitUntil('the cart add', () =>
    cloudCalls.some((c) => c.name === 'cart' && c.data.action === 'add' && c.status === 200),
  );

  const cart = loadPage('pages/cart/index');
  await waitForText(cart, product.title);
  expect(renderedText(cart)).toContain(formatYuan(sku.priceFen));
  tap(cart, '.cart-checkout');
  await waitUntil('the checkout to open', () => !!lastNavigation('packages/checkout/index'));
  const query = lastNavigation('packages/checkout/index');
  expect(query).toMatchObject({ source: 'cart' });

  const checkout = loadPage('packages/checkout/index', query!);
  await waitForText(checkout, product.title);
  // The address comes from WeChat's own address book (wx.chooseAddress).
  tap(checkout, '.address-book-wechat');
  await waitUntil('the address to fill the form', () =>
    pageDataIncludes(checkout, answers.address.userName),
  );
  const total = checkout.querySelector('.checkout-total-amount')!.dom.textContent;
  tap(checkout, '.checkout-submit');
  await waitUntil('the payment sheet', () => wxCalls.some((c) => c.api === 'requestPayment'));
  await waitUntil('the order page', () => !!lastNavigation('packages/orders/detail/index'));
  // Right after paying, WeChat's subscription dialog asks for the order notices (their template
  // ids came with the launch), and the accepted opt-ins are counted by the cloud.
  const asked = wxCalls.find((c) => c.api === 'requestSubscribeMessage');
  expect(asked?.options.tmplIds).toEqual([
    'local-order_paid',
    'local-order_shipped',
    'local-refund_done',
  ]);
  await waitUntil('the opt-ins counted', () =>
    cloudCalls.some((c) => c.data.action === 'subscribe' && c.status === 200),
  );
  expect(await cloudData(cloud.url, BUYER, 'notice', 'optIns')).toMatchObject({
    'local-order_shipped': 1,
    'local-refund_done': 1,
  });

  const orderId = lastNavigation('packages/orders/detail/index')!.id;
  const order = loadPage('packages/orders/detail/index', { id: orderId });
  await waitForText(order, '待发货');
  const text = renderedText(order);
  expect(text).toContain(product.title);
  expect(text).toContain(`${answers.address.userName} ${answers.address.telNumber}`);
  expect(text).toContain(total);
  expect(text).toContain('实付');
});
