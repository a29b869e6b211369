// Staff's products through the real SDK: a picture uploaded to cloud storage, a new product with
// its SKUs (their stock opening the ledger) that the shop then sells, an edit that keeps stock and
// SKUs, forms the shared schema refuses, and taking a product off sale.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { callAction, expectOk } from '../support/shop';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';

it('a product made in the admin, with an uploaded picture, is sold by the shop', async () => {
  const { fileID } = await expectOk(cloud, OWNER, 'admin', 'uploadImage', {
    contentType: 'image/svg+xml',
    base64: Buffer.from(svg).toString('base64'),
  });
  expect(fileID).toMatch(/^cloud:\/\/local\./);
  const served = await cloud.request('POST', '/_emulator/storage/temp-urls', {
    fileList: [fileID],
  });
  expect(await (await fetch(served.body.fileList[0].tempFileURL)).text()).toBe(svg);

  const saved = await expectOk(cloud, OWNER, 'admin', 'saveProduct', {
    product: {
      title: '手冲咖啡滤杯',
      subtitle: '陶瓷 1-2 人份',
      categoryId: SEED.categories[0]._id,
      images: [fileID],
      specs: [{ name: '颜色', values: ['白', '黑'] }],
      onSale: true,
      skus: [
        { specValues: ['白'], priceFen: 6900, originalPriceFen: 8900, stock: 12 },
        { specValues: ['黑'], priceFen: 7900, stock: 3 },
      ],
    },
  });
  expect(saved).toMatchObject({ title: '手冲咖啡滤杯', priceFen: 6900, onSale: true });
  expect(saved.skus.map((s: any) => s.stock)).toEqual([12, 3]);

  const page = await expectOk(cloud, 'a-shopper', 'catalog', 'product', { productId: saved.id });
  expect(page.images).toEqual([fileID]);
  expect(page.skus.map((s: any) => s.priceFen)).toEqual([6900, 7900]);
  const ledger = await expectOk(cloud, OWNER, 'admin', 'stockLedger', { skuId: saved.skus[0].id });
  expect(ledger.entries).toEqual([expect.objectContaining({ kind: 'OPENING', delta: 12 })]);

  // An edit changes prices and keeps stock and SKUs; a SKU cannot be dropped.
  const edited = await expectOk(cloud, OWNER, 'admin', 'saveProduct', {
    product: {
      ...saved,
      skus: saved.skus.map((s: any) => ({
        id: s.id,
        specValues: s.specValues,
        priceFen: s.priceFen - 1000,
      })),
    },
  });
  expect(edited.priceFen).toBe(5900);
  expect(edited.skus.map((s: any) => s.stock)).toEqual([12, 3]);
  expect(
    await callAction(cloud, OWNER, 'admin', 'saveProduct', {
      product: { ...saved, skus: [{ id: saved.skus[0].id, specValues: ['白'], priceFen: 100 }] },
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });

  // Off sale: the shop no longer sells it.
  await expectOk(cloud, OWNER, 'admin', 'setProductOnSale', { productId: saved.id, onSale: false });
  expect(
    await callAction(cloud, 'a-shopper', 'catalog', 'product', { productId: saved.id }),
  ).toMatchObject({
    ok: false,
    code: 'PRODUCT_UNAVAILABLE',
  });
});

it('the form rules refuse a broken product with words for staff, and nothing is written', async () => {
  const base = {
    title: '坏商品',
    categoryId: SEED.categories[0]._id,
    images: ['https://example.com/a.png'],
    specs: [{ name: '颜色', values: ['白'] }],
    onSale: true,
    skus: [{ specValues: ['白'], priceFen: 100 }],
  };
  const cases: [object, string][] = [
    [{ ...base, images: ['/assets/local.png'] }, '图片须是云存储文件或 https 地址'],
    [
      {
        ...base,
        skus: [
          { specValues: ['白'], priceFen: 100 },
          { specValues: ['白'], priceFen: 200 },
        ],
      },
      '规格组合「白」重复了',
    ],
    [{ ...base, skus: [{ specValues: ['红'], priceFen: 100 }] }, '第 1 个 SKU 的规格不在规格值里'],
    [
      { ...base, skus: [{ specValues: ['白'], priceFen: 100, originalPriceFen: 50 }] },
      '第 1 个 SKU 的划线价低于售价',
    ],
    [{ ...base, categoryId: 'no-such-category' }, '分类不存在'],
  ];
  const before = (await expectOk(cloud, OWNER, 'admin', 'products', {})).length;
  for (const [product, message] of cases)
    expect(await callAction(cloud, OWNER, 'admin', 'saveProduct', { product })).toMatchObject({
      ok: false,
      message,
    });
  expect((await expectOk(cloud, OWNER, 'admin', 'products', {})).length).toBe(before);
  expect(
    await callAction(cloud, OWNER, 'admin', 'uploadImage', {
      contentType: 'text/html',
      base64: 'PGgxPg==',
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});
