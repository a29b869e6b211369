// Bulk stock changes as CSV (pasted or uploaded by staff): one row per SKU,
//   skuId,mode,amount,reason        e.g.  p-longjing-1,入库,20,到货
// where mode is 调整 / ADJUST (add amount, negative to take away) or 盘点 / SET (the counted
// figure in hand). A header row and blank lines are skipped. Every row is checked; the rows are
// sent only when all parse (the server checks them again against the stock, all or nothing).

export interface StockCsvRow {
  skuId: string;
  mode: 'ADJUST' | 'SET';
  amount: number;
  reason: string;
}

export interface StockCsvResult {
  rows: StockCsvRow[];
  /** 1-based line numbers of the text, with what is wrong. */
  errors: { row: number; message: string }[];
}

const MODES: Record<string, 'ADJUST' | 'SET'> = {
  ADJUST: 'ADJUST',
  调整: 'ADJUST',
  入库: 'ADJUST',
  SET: 'SET',
  盘点: 'SET',
};

export function parseStockCsv(text: string): StockCsvResult {
  const rows: StockCsvRow[] = [];
  const errors: { row: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const row = i + 1;
    if (!line.trim()) return;
    const cells = line.split(/[,，\t]/).map((c) => c.trim());
    if (row === 1 && /sku/i.test(cells[0]) && !/\d/.test(cells[2] ?? '')) return; // header
    const [skuId, modeText, amountText, ...reasonParts] = cells;
    const reason = reasonParts.join(' ').trim() || (modeText === '盘点' ? '盘点' : modeText);
    const mode = MODES[(modeText ?? '').toUpperCase()] ?? MODES[modeText ?? ''];
    const amount = Number(amountText);
    if (!skuId) return void errors.push({ row, message: '缺少规格编号' });
    if (!mode)
      return void errors.push({
        row,
        message: `方式应为 调整 或 盘点，而不是「${modeText ?? ''}」`,
      });
    if (!amountText || !Number.isInteger(amount))
      return void errors.push({ row, message: `数量应为整数，而不是「${amountText ?? ''}」` });
    if (mode === 'SET' && amount < 0)
      return void errors.push({ row, message: '盘点数量不能为负数' });
    if (mode === 'ADJUST' && amount === 0)
      return void errors.push({ row, message: '调整数量不能为 0' });
    if (!reason) return void errors.push({ row, message: '缺少原因' });
    rows.push({ skuId, mode, amount, reason: reason.slice(0, 100) });
  });
  return { rows, errors };
}
