// Collections the conformance probes use (created by the local cloud on start).
import type { CollectionSpec } from '../../cloudfunctions/lib/infra/collections';

export const COLLECTIONS: CollectionSpec[] = [
  { name: 'items', indexes: [{ fields: ['sku'] }, { fields: ['shop', 'status'] }] },
  { name: 'uniq', indexes: [{ fields: ['code'], unique: true }] },
  { name: 'counters' },
  { name: 'accounts' },
  { name: 'pay_events', indexes: [{ fields: ['outTradeNo'] }] },
  { name: 'kv' },
  { name: 'ticks' },
  { name: 'bench', indexes: [{ fields: ['sku'] }] },
  { name: 'writes' },
];
