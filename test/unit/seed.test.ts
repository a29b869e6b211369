// The demo shop's seed data: ids, references, SKU/spec consistency, prices, stock cases, pictures.
import { DEMO_USERS, SEED, SEED_TIME, SPECIAL } from '../../emulator/seed/catalog';
import { renderProductImage } from '../../emulator/seed/images';
import { demoSeed, demoSeedFiles } from '../../emulator/config';
import { fileIdFor } from '../../emulator/storage/file-storage';
import type { Product, Sku } from '../../domain/model';

const skusOf = (product: Product): Sku[] => SEED.skus.filter((s) => s.productId === product._id);

/** All spec value combinations of a product, first dimension outermost. */
const combinations = (product: Product): string[][] =>
  product.specs.reduce<string[][]>(
    (combos, dim) => combos.flatMap((combo) => dim.values.map((value) => [...combo, value])),
    [[]],
  );

const isMoney = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

it('has enough categories and products', () => {
  expect(SEED.categories.length).toBeGreaterThanOrEqual(6);
  expect(SEED.products.length).toBeGreaterThanOrEqual(36);
  for (const category of SEED.categories) {
    expect(SEED.products.some((p) => p.categoryId === category._id)).toBe(true);
  }
});

it('uses unique ids in every collection', () => {
  for (const docs of [SEED.categories, SEED.products, SEED.skus, SEED.users, SEED.staff]) {
    const ids = docs.map((d) => d._id);
    expect(new Set(ids).size).toBe(ids.length);
  }
});

it('uses readable ids', () => {
  for (const c of SEED.categories) expect(c._id).toMatch(/^c-[a-z0-9-]+$/);
  for (const p of SEED.products) {
    expect(p._id).toMatch(/^p-[a-z0-9-]+$/);
    skusOf(p).forEach((sku, i) => expect(sku._id).toBe(`${p._id}-${i + 1}`));
  }
});

it('puts every product in an existing category and every SKU under an existing product', () => {
  const categoryIds = new Set(SEED.categories.map((c) => c._id));
  const productIds = new Set(SEED.products.map((p) => p._id));
  for (const p of SEED.products) expect(categoryIds.has(p.categoryId)).toBe(true);
  for (const s of SEED.skus) expect(productIds.has(s.productId)).toBe(true);
});

it('has exactly one SKU per spec combination, with values in dimension order', () => {
  for (const p of SEED.products) {
    expect(p.specs.length).toBeGreaterThanOrEqual(1);
    expect(p.specs.length).toBeLessThanOrEqual(2);
    for (const dim of p.specs) {
      expect(dim.values.length).toBeGreaterThan(0);
      expect(new Set(dim.values).size).toBe(dim.values.length);
    }
    const skus = skusOf(p);
    const expected = combinations(p).map((c) => JSON.stringify(c));
    const actual = skus.map((s) => JSON.stringify(s.specValues));
    expect(actual.sort()).toEqual(expected.sort());
    for (const s of skus) {
      expect(s.specValues).toHaveLength(p.specs.length);
      s.specValues.forEach((value, i) => expect(p.specs[i].values).toContain(value));
    }
  }
});

it('lists each product at its cheapest SKU price, with that SKU’s original price', () => {
  for (const p of SEED.products) {
    const skus = skusOf(p);
    const min = Math.min(...skus.map((s) => s.priceFen));
    expect(p.priceFen).toBe(min);
    const cheapest = skus.find((s) => s.priceFen === min)!;
    expect(p.originalPriceFen).toBe(cheapest.originalPriceFen);
  }
});

it('keeps money in non-negative whole fen, original prices above prices', () => {
  const amounts: unknown[] = [];
  for (const p of SEED.products) amounts.push(p.priceFen, p.originalPriceFen ?? 0);
  for (const s of SEED.skus) amounts.push(s.priceFen, s.originalPriceFen ?? 0);
  for (const u of SEED.users) amounts.push(u.paidTotalFen);
  for (const n of amounts) expect(isMoney(n)).toBe(true);
  for (const x of [...SEED.products, ...SEED.skus]) {
    expect(x.priceFen).toBeGreaterThan(0);
    if (x.originalPriceFen !== undefined) expect(x.originalPriceFen).toBeGreaterThan(x.priceFen);
  }
});

it('has plausible stock, sales and no holds', () => {
  const special = new Set<string>([SPECIAL.soldOutSkuId, SPECIAL.lowStockSkuId]);
  for (const s of SEED.skus) {
    expect(Number.isSafeInteger(s.stock)).toBe(true);
    expect(Number.isSafeInteger(s.sold) && s.sold >= 0).toBe(true);
    expect(s.holds).toEqual([]);
    if (!special.has(s._id)) {
      expect(s.stock).toBeGreaterThanOrEqual(5);
      expect(s.stock).toBeLessThanOrEqual(300);
    }
  }
  for (const p of SEED.products) {
    expect(Number.isSafeInteger(p.sales) && p.sales >= 0).toBe(true);
    expect(p.createdAt).toBeLessThanOrEqual(SEED_TIME);
  }
});

it('hides exactly one product and gives the rest distinct feed positions', () => {
  expect(SEED.products.filter((p) => p.status === 'OFF')).toHaveLength(1);
  expect(SEED.products.filter((p) => p.status === 'ON')).toHaveLength(SEED.products.length - 1);
  const sorts = SEED.products.map((p) => p.sort);
  expect(new Set(sorts).size).toBe(sorts.length);
});

it('gives products Chinese text, search keywords and 2-3 pictures', () => {
  const chinese = /[\u4e00-\u9fff]/;
  for (const p of SEED.products) {
    expect(p.title).toMatch(chinese);
    expect(p.subtitle).toMatch(chinese);
    expect(p.description).toMatch(chinese);
    expect(p.keywords.length).toBeGreaterThan(0);
    expect(p.images.length).toBeGreaterThanOrEqual(2);
    expect(p.images.length).toBeLessThanOrEqual(3);
    p.images.forEach((id, k) =>
      expect(id).toBe(fileIdFor('local', `products/${p._id}-${k + 1}.svg`)),
    );
  }
});

it('every picture in the demo data is a cloud file id or an https URL, and its file is seeded', () => {
  const files = demoSeedFiles();
  const pictures: string[] = [];
  const collect = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) collect(v, k);
    else if (typeof value === 'string' && /image|picture|cover|icon/i.test(key))
      pictures.push(value);
  };
  collect(demoSeed(SEED_TIME));
  expect(pictures.length).toBeGreaterThan(SEED.products.length);
  for (const picture of pictures) expect(picture).toMatch(/^(cloud:\/\/|https:\/\/)/);
  const prefix = fileIdFor('local', '');
  for (const id of pictures.filter((p) => p.startsWith('cloud://')))
    expect(files[id.slice(prefix.length)]?.toString()).toMatch(/^<svg/);
});

it('sets up the described stock situations', () => {
  const partly = SEED.products.find((p) => p._id === SPECIAL.partlySoldOutProductId)!;
  expect(partly).toBeDefined();
  expect(partly.status).toBe('ON');
  const skus = skusOf(partly);
  expect(skus.length).toBeGreaterThan(1);
  expect(skus.filter((s) => s.stock === 0).map((s) => s._id)).toEqual([SPECIAL.soldOutSkuId]);
  expect(skus.filter((s) => s.stock > 0)).toHaveLength(skus.length - 1);

  const low = SEED.skus.find((s) => s._id === SPECIAL.lowStockSkuId)!;
  expect(low.stock).toBe(3);
  expect(SEED.skus.filter((s) => s.productId === low.productId)).toHaveLength(1);

  // No other SKU is sold out, so these are the only edge cases a demo runs into.
  expect(SEED.skus.filter((s) => s.stock === 0).map((s) => s._id)).toEqual([SPECIAL.soldOutSkuId]);
});

it('seeds the demo users and the owner', () => {
  const byId = new Map(SEED.users.map((u) => [u._id, u]));
  const newUser = byId.get(DEMO_USERS.newUser)!;
  expect(newUser).toMatchObject({ nickname: '新朋友小林', paidOrderCount: 0, paidTotalFen: 0 });
  expect(newUser.firstEntry).toEqual({ at: SEED_TIME });
  const regular = byId.get(DEMO_USERS.regular)!;
  expect(regular).toMatchObject({ nickname: '老顾客阿芳', paidOrderCount: 5, paidTotalFen: 68600 });
  expect(regular.address?.region).toBe('浙江省 杭州市 西湖区');
  expect(byId.get(DEMO_USERS.staff)).toMatchObject({ nickname: '店长老周', paidOrderCount: 0 });
  expect(SEED.staff).toEqual([{ _id: DEMO_USERS.staff, role: 'owner', name: '店长老周' }]);
});

describe('renderProductImage', () => {
  const fileNames = SEED.products.flatMap((p) => p.images.map((u) => u.split('/').pop()!));

  it('draws every product picture as a small self-contained SVG', () => {
    for (const name of fileNames) {
      const svg = renderProductImage(name);
      expect(svg).not.toBeNull();
      expect(svg!.startsWith('<svg')).toBe(true);
      expect(svg!.endsWith('</svg>')).toBe(true);
      expect(svg).toContain('viewBox="0 0 750 750"');
      expect(Buffer.byteLength(svg!)).toBeLessThan(4096);
      // Only the SVG namespace may appear as a URL: no external images or fonts.
      expect(svg!.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|<image|@font/);
    }
  });

  it('shows the title and escapes text', () => {
    const p = SEED.products[0];
    expect(renderProductImage(`${p._id}-1.svg`)).toContain(p.title);
    for (const name of fileNames) {
      const text = renderProductImage(name)!.match(/>([^<]*)</g) ?? [];
      for (const t of text) expect(t).not.toMatch(/&(?!#\d+;|amp;|lt;|gt;|quot;|apos;)/);
    }
  });

  it('draws different pictures for different images', () => {
    expect(new Set(fileNames.map(renderProductImage)).size).toBe(fileNames.length);
  });

  it('returns null for unknown names', () => {
    expect(renderProductImage('p-unknown-1.svg')).toBeNull();
    expect(renderProductImage(`${SEED.products[0]._id}-9.svg`)).toBeNull();
    expect(renderProductImage('')).toBeNull();
  });
});
