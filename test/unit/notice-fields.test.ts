// Subscription-message values (domain/notices): every kind's fields, filled from any event, pass
// WeChat's rule for their type (a value that does not makes WeChat refuse the send with 47003);
// long text is cut with an ellipsis at 20 characters; times are China time.
import fc from 'fast-check';
import {
  cut,
  fieldType,
  fieldValue,
  FIELD_TYPES,
  isValidValue,
  timeValue,
} from '../../domain/notices/fields';
import { NOTICE_KINDS, noticeData, noticePage } from '../../domain/notices/kinds';
import { fen } from '../../domain/money';

it('the type of a field is its key without the number', () => {
  expect(fieldType('thing12')).toBe('thing');
  expect(fieldType('character_string3')).toBe('character_string');
  expect(() => fieldType('colour1')).toThrow();
});

it('long text is cut to 20 characters with an ellipsis; times are China time', () => {
  const title = '云南高山普洱熟茶饼 357g 2019 年头春古树料珍藏版';
  expect(cut(title, 20)).toHaveLength(20);
  expect(cut(title, 20).endsWith('…')).toBe(true);
  expect(cut('短标题', 20)).toBe('短标题');
  // 2026-11-25 00:30 UTC is 08:30 in China.
  expect(timeValue(Date.UTC(2026, 10, 25, 0, 30))).toBe('2026年11月25日 08:30');
  expect(fieldValue('phrase', '已发货 ok')).toBe('已发货');
  expect(fieldValue('character_string', 'O12AB 中文')).toBe('O12AB');
});

it('an order paid notice: its fields under the template keys, the order page', () => {
  const event = {
    orderId: 'O0123456789ABCDEF01234567',
    goods: '明前龙井 特级 100g',
    more: 2,
    totalFen: fen(16800),
    at: Date.UTC(2026, 10, 25, 2, 0),
  };
  expect(noticeData('ORDER_PAID', event)).toEqual({
    character_string1: { value: 'O0123456789ABCDEF01234567' },
    thing2: { value: '明前龙井 特级 100g等3件' },
    amount3: { value: '¥168.00' },
    time4: { value: '2026年11月25日 10:00' },
  });
  expect(noticePage('ORDER_PAID', event)).toBe(
    'packages/orders/detail/index?id=O0123456789ABCDEF01234567',
  );
  // A template that numbers its fields differently: the keys come from settings.
  expect(Object.keys(noticeData('ORDER_PAID', event, { goods: 'thing7' }))).toContain('thing7');
});

const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80, unit: 'grapheme' }));

it('over random events, every value of every kind passes its type rule', () => {
  const at = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
  const money = fc.integer({ min: 0, max: 99_999_999 }).map(fen);
  const events = {
    ORDER_PAID: fc.record({ orderId: text, goods: text, more: fc.nat(20), totalFen: money, at }),
    ORDER_SHIPPED: fc.record({
      orderId: text,
      goods: text,
      more: fc.nat(20),
      company: text,
      trackingNo: text,
      at,
    }),
    REFUND_DONE: fc.record({ orderId: text, goods: text, more: fc.nat(20), amountFen: money, at }),
    FLASH_SALE_STARTING: fc.record({ productId: text, product: text, campaign: text, startAt: at }),
    BACK_IN_STOCK: fc.record({ productId: text, product: text, spec: text, at }),
  };
  for (const [name, arbitrary] of Object.entries(events)) {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<any>, (event) => {
        const data = noticeData(name as keyof typeof NOTICE_KINDS, event);
        expect(Object.keys(data)).toHaveLength(
          NOTICE_KINDS[name as keyof typeof NOTICE_KINDS].fields.length,
        );
        for (const [key, { value }] of Object.entries(data))
          expect({ key, value, ok: isValidValue(fieldType(key), value) }).toMatchObject({
            ok: true,
          });
      }),
      { numRuns: 200 },
    );
  }
});

it('fieldValue always passes its own type, whatever it is given', () => {
  const made = FIELD_TYPES.filter((t) => !['time', 'date', 'amount'].includes(t));
  fc.assert(
    fc.property(fc.constantFrom(...made), text, (type, raw) => {
      expect({ type, raw, ok: isValidValue(type, fieldValue(type, raw)) }).toMatchObject({
        ok: true,
      });
    }),
    { numRuns: 2000 },
  );
});
