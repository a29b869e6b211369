/** @jest-environment jsdom */
// Smoke tests of the real WeChat build: miniprogram-simulate renders the home and product pages
// from dist/weapp, with wx.cloud.callFunction routed to a running local cloud (seeded with the
// demo shop), so what the pages show is the cloud's data.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED } from '../../emulator/seed/catalog';
import { formatYuan, type Fen } from '../../domain/money';
import {
  cloudCalls,
  loadPage,
  renderedText,
  startWeapp,
  waitForText,
  wxCalls,
  type PageComponent,
} from '../support/weapp-harness';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await startWeapp({ cloudUrl: cloud.url });
});
afterAll(async () => {
  await cloud?.stop();
});

/** Listed products in the order the shop lists them (by `sort`). */
const listed = SEED.products.filter((p) => p.status === 'ON').sort((a, b) => a.sort - b.sort);
const unlisted = SEED.products.filter((p) => p.status !== 'ON');

/** The price as the Price component prints it: ¥, yuan, then .cents. */
const priceText = (fen: Fen) => formatYuan(fen);

it('the home page shows the listed products from the cloud, in sort order', async () => {
  const home = loadPage('pages/home/index');
  await waitForText(home, listed[0].title);

  const text = renderedText(home);
  // The feed is in `sort` order: the first few listed titles appear in that order.
  const positions = listed.slice(0, 4).map((p) => text.indexOf(p.title));
  expect(positions.every((at) => at >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Categories come from the cloud too; an unlisted product is not shown.
  for (const category of SEED.categories) expect(text).toContain(category.name);
  for (const product of unlisted) expect(text).not.toContain(product.title);
  // One cloud call at launch brought the user, the home page and the cart badge.
  expect(cloudCalls.map((c) => `${c.name}.${c.data.action}`)).toEqual(['user.launch']);
});

describe('the product page', () => {
  // The product the home page lists first; the page is loaded once for both tests below.
  const product = listed[0];
  const skus = SEED.skus.filter((s) => s.productId === product._id);
  const initial = skus.find((s) => s.stock > 0)!;
  let page: PageComponent;

  beforeAll(async () => {
    page = loadPage('packages/product/detail/index', { id: product._id });
    await waitForText(page, product.title);
  });

  it('shows the title, spec values, price and stock of the product in the URL', async () => {
    const text = renderedText(page);
    expect(text).toContain(product.subtitle);
    for (const dimension of product.specs) {
      expect(text).toContain(dimension.name);
      for (const value of dimension.values) expect(text).toContain(value);
    }
    // The first in-stock SKU is chosen: its price and stock show.
    expect(text).toContain(priceText(initial.priceFen));
    expect(text).toContain(`库存 ${initial.stock} 件`);
    // The values rendered as pickable spec buttons are the first dimension's, then the rest.
    const values = page.querySelectorAll('.sku-value').map((v) => String(v.dom.textContent));
    expect(values).toEqual(product.specs.flatMap((d) => d.values));
    // The page titles itself with the product's name once loaded.
    expect(wxCalls).toContainEqual({
      api: 'setNavigationBarTitle',
      options: expect.objectContaining({ title: product.title }),
    });
  });

  it('tapping another spec value selects that SKU and shows its stock and price', async () => {
    // Another value of the first dimension, keeping the other dimensions' choices.
    const target = skus.find(
      (s) =>
        s.stock > 0 &&
        s.specValues[0] !== initial.specValues[0] &&
        s.specValues.slice(1).every((v, i) => v === initial.specValues[i + 1]),
    )!;
    expect(target).toBeDefined();
    expect(target.stock).not.toBe(initial.stock); // else the stock text could not tell them apart

    const button = page
      .querySelectorAll('.sku-value')
      .find((v) => v.dom.textContent === target.specValues[0])!;
    expect(button.dom.className).not.toContain('selected');
    button.dispatchEvent('tap');

    await waitForText(page, `库存 ${target.stock} 件`);
    expect(renderedText(page)).not.toContain(`库存 ${initial.stock} 件`);
    expect(renderedText(page)).toContain(priceText(target.priceFen));
    const selected = page
      .querySelectorAll('.sku-value')
      .filter((v) => String(v.dom.className).includes('selected'))
      .map((v) => v.dom.textContent);
    expect(selected).toEqual(target.specValues);
  });
});
