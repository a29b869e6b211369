// Reading a pasted stock CSV: every row checked, errors by line, nothing sent unless all pass.
import { parseStockCsv } from '../../domain/stock-csv';

it('reads adjustments and counts, skipping a header and blank lines', () => {
  const text =
    'skuId,mode,amount,reason\np-a-1,入库,20,到货\n\np-b-2,盘点,7\np-c-1,ADJUST,-3,报损\n';
  expect(parseStockCsv(text)).toEqual({
    rows: [
      { skuId: 'p-a-1', mode: 'ADJUST', amount: 20, reason: '到货' },
      { skuId: 'p-b-2', mode: 'SET', amount: 7, reason: '盘点' },
      { skuId: 'p-c-1', mode: 'ADJUST', amount: -3, reason: '报损' },
    ],
    errors: [],
  });
});

it('names every bad line by its number', () => {
  const text =
    'p-a-1,入库,20,到货\np-b-2,借出,3,x\np-c-1,盘点,-1,盘点\np-d-1,调整,1.5,x\n,调整,1,x';
  expect(parseStockCsv(text).errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
  expect(parseStockCsv(text).rows).toHaveLength(1);
});
