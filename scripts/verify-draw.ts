// Re-runs a blind-box draw from its public record, away from the shop:
//   npx tsx scripts/verify-draw.ts record.json
// where record.json is what blindbox.verify returns (or the draws document): the commitment,
// the revealed seed, the order id, the odds and the item (and the items skipped for stock).
// Prints the checks and exits 1 when the draw does not verify.
import fs from 'node:fs';
import { commitmentOf, draw, verifyDraw } from '../domain/blindbox-draw';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/verify-draw.ts record.json');
  process.exit(2);
}
const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
const record = raw.data ?? raw;
const orderId = record.orderId ?? record._id;
const seedOk = commitmentOf(record.seed) === record.commitment;
const { point, order } = draw(record.seed, orderId, record.odds);
const ok = verifyDraw({ ...record, orderId, skipped: record.skipped ?? [] });
console.log(`order ${orderId}`);
console.log(`  seed matches the commitment: ${seedOk ? 'yes' : 'NO'}`);
console.log(
  `  draw point ${point} of ${record.odds.reduce((s: number, o: { weight: number }) => s + o.weight, 0)}; tries ${order.join(' > ')}`,
);
console.log(
  `  drawn ${record.skuId}${record.skipped?.length ? ` (skipped for stock: ${record.skipped.join(', ')})` : ''}: ${ok ? 'VERIFIED' : 'DOES NOT VERIFY'}`,
);
process.exit(ok ? 0 : 1);
