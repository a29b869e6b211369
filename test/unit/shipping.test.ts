// Shipping rules: naming the courier, the upload's time format and back-off, and the local
// cloud's checks of an upload as WeChat documents them.
import { expressCompany, uploadRetryDelayMs } from '../../domain/shipping';
import { rfc3339China } from '../../cloudfunctions/lib/order/shipping-upload';
import { checkAgainstEarlier, checkShippingInfo } from '../../emulator/openapi/shipping-info';

it('staff may name a courier by code, full name or the start of its name', () => {
  expect(expressCompany('sf')?.code).toBe('SF');
  expect(expressCompany('顺丰')?.code).toBe('SF');
  expect(expressCompany('中通快递')?.code).toBe('ZTO');
  expect(expressCompany('')).toBeUndefined();
  expect(expressCompany('神行太保')).toBeUndefined();
});

it('upload_time is RFC 3339 in China time, the same instant', () => {
  const at = Date.UTC(2026, 10, 24, 16, 30, 5, 120);
  expect(rfc3339China(at)).toBe('2026-11-25T00:30:05.120+08:00');
  expect(new Date(rfc3339China(at)).getTime()).toBe(at);
});

it('retries back off from a minute, doubling, to at most an hour', () => {
  expect([1, 2, 3, 7, 20].map(uploadRetryDelayMs)).toEqual([
    60_000, 120_000, 240_000, 3_600_000, 3_600_000,
  ]);
});

describe('the local cloud checks an upload as WeChat does', () => {
  const valid = () => ({
    order_key: { order_number_type: 2, transaction_id: 'T1' },
    logistics_type: 1,
    delivery_mode: 1,
    shipping_list: [{ tracking_no: 'SF1', express_company: 'SF', item_desc: '挂耳咖啡×1' }],
    upload_time: '2026-11-25T00:30:05.120+08:00',
    payer: { openid: 'u1' },
  });

  it('accepts a complete express shipment', () => {
    expect(checkShippingInfo(valid())).toBeNull();
  });

  it.each([
    ['order_number_type', (d: any) => (d.order_key.order_number_type = 3), 268485194],
    ['transaction_id', (d: any) => delete d.order_key.transaction_id, 268485195],
    ['logistics_type', (d: any) => (d.logistics_type = 9), 10060005],
    ['delivery_mode', (d: any) => (d.delivery_mode = 0), 268485224],
    [
      'two items in one parcel mode',
      (d: any) => d.shipping_list.push(d.shipping_list[0]),
      268485228,
    ],
    ['tracking_no', (d: any) => delete d.shipping_list[0].tracking_no, 268485226],
    ['express_company', (d: any) => delete d.shipping_list[0].express_company, 268485227],
    ['item_desc', (d: any) => (d.shipping_list[0].item_desc = ''), 10060008],
    ['long item_desc', (d: any) => (d.shipping_list[0].item_desc = '咖'.repeat(121)), 10060009],
    ['upload_time', (d: any) => (d.upload_time = '2026-11-25 00:30'), 268485216],
  ])('refuses a bad %s', (_name, spoil, errcode) => {
    const d = valid();
    spoil(d);
    expect(checkShippingInfo(d)?.errcode).toBe(errcode);
  });

  it('the same shipment again is "not updated"; one changed re-upload, then no more', () => {
    const first = valid();
    expect(checkAgainstEarlier(first, [])).toBeNull();
    expect(checkAgainstEarlier(valid(), [first])?.errcode).toBe(10060023);
    const changed = valid();
    changed.shipping_list[0].tracking_no = 'SF2';
    expect(checkAgainstEarlier(changed, [first])).toBeNull();
    const third = valid();
    third.shipping_list[0].tracking_no = 'SF3';
    expect(checkAgainstEarlier(third, [first, changed])?.errcode).toBe(10060003);
    // Another payment's uploads do not count.
    const other = valid();
    other.order_key.transaction_id = 'T2';
    expect(checkAgainstEarlier(other, [first, changed])).toBeNull();
  });
});
