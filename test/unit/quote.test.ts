import fc from 'fast-check';
import type { Product, Sku } from '../../domain/model';
import { fen } from '../../domain/money';
import { SHIPPING_RULE, quote, specText } from '../../domain/pricing/quote';
import { lineProblem } from '../../domain/availability';

const product = (id: string, status: Product['status'] = 'ON'): Product => ({
  _id: id,
  categoryId: 'c',
  title: `商品${id}`,
  subtitle: '',
  images: [`/assets/${id}.svg`],
  description: '',
  specs: [{ name: '规格', values: ['小', '大'] }],
  priceFen: fen(100),
  tags: [],
  status,
  sort: 0,
  sales: 0,
  keywords: [],
  createdAt: 0,
});
const sku = (id: string, productId: string, priceFen: number, stock = 10): Sku => ({
  _id: id,
  productId,
  specValues: ['大'],
  priceFen: fen(priceFen),
  stock,
  sold: 0,
  holds: [],
});

const lineArb = fc.record({
  price: fc.integer({ min: 0, max: 1_000_000 }),
  qty: fc.integer({ min: 1, max: 99 }),
});

describe('quote', () => {
  it('prices lines from stored SKUs and adds shipping under the free threshold', () => {
    const q = quote([{ product: product('a'), sku: sku('a-1', 'a', 1990), qty: 2 }]);
    expect(q.lines[0]).toMatchObject({
      skuId: 'a-1',
      unitPriceFen: 1990,
      amountFen: 3980,
      specText: '大',
      image: '/assets/a.svg',
    });
    expect(q).toMatchObject({
      goodsFen: 3980,
      discountFen: 0,
      shippingFen: SHIPPING_RULE.feeFen,
      totalFen: 3980 + SHIPPING_RULE.feeFen,
    });
    expect(quote([{ product: product('a'), sku: sku('a-1', 'a', 9900), qty: 1 }]).shippingFen).toBe(
      0,
    );
  });

  it('total = goods - discount + shipping, never negative, whole fen, and independent of line order', () => {
    // A cart and a random permutation of its lines (every order is as likely).
    const cartAndOrder = fc.array(lineArb, { minLength: 1, maxLength: 30 }).chain((lines) =>
      fc.tuple(
        fc.constant(lines),
        fc.shuffledSubarray(
          lines.map((_, i) => i),
          { minLength: lines.length, maxLength: lines.length },
        ),
      ),
    );
    fc.assert(
      fc.property(cartAndOrder, ([lines, order]) => {
        const input = lines.map((l, i) => ({
          product: product(`p${i}`),
          sku: sku(`s${i}`, `p${i}`, l.price),
          qty: l.qty,
        }));
        const q = quote(input);
        expect(q.totalFen).toBe(q.goodsFen - q.discountFen + q.shippingFen);
        expect(q.totalFen).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(q.totalFen)).toBe(true);
        expect(q.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(q.goodsFen - q.discountFen);
        const again = quote(order.map((i) => input[i]));
        expect([again.goodsFen, again.discountFen, again.shippingFen, again.totalFen]).toEqual([
          q.goodsFen,
          q.discountFen,
          q.shippingFen,
          q.totalFen,
        ]);
        const bySku = (x: typeof q) =>
          Object.fromEntries(x.lines.map((l) => [l.skuId, l.amountFen]));
        expect(bySku(again)).toEqual(bySku(q));
      }),
    );
  });

  it('spec text joins the chosen values', () => {
    expect(
      specText(
        {
          specs: [
            { name: '口味', values: [] },
            { name: '规格', values: [] },
          ],
        },
        { specValues: ['原味', '250g'] },
      ),
    ).toBe('原味 / 250g');
  });
});

describe('availability', () => {
  it('names why a line cannot be bought', () => {
    expect(lineProblem(null, null, 1)?.code).toBe('SKU_NOT_FOUND');
    expect(lineProblem(product('a', 'OFF'), sku('a-1', 'a', 100), 1)?.code).toBe(
      'PRODUCT_UNAVAILABLE',
    );
    expect(lineProblem(product('a'), sku('a-1', 'a', 100, 0), 1)).toEqual({
      code: 'OUT_OF_STOCK',
      message: '已售罄',
    });
    expect(lineProblem(product('a'), sku('a-1', 'a', 100, 2), 3)).toEqual({
      code: 'OUT_OF_STOCK',
      message: '库存仅剩 2 件',
    });
    expect(lineProblem(product('a'), sku('a-1', 'a', 100, 200), 100)?.code).toBe('QUANTITY_LIMIT');
    expect(lineProblem(product('a'), sku('a-1', 'a', 100, 2), 2)).toBeNull();
  });
});
