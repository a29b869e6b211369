// A delivery address's rules, one place for the app's form and the server's schema: the same
// limits and the same words, so an address over a limit is refused with a message (never cut).
import type { Address } from './model';

export const ADDRESS_LIMITS = { name: 20, region: 60, detail: 120 } as const;

/** Addresses a buyer's address book keeps (the latest used first). */
export const ADDRESS_BOOK_SIZE = 10;

export const ADDRESS_MESSAGES = {
  name: '请填写收货人',
  nameTooLong: `收货人姓名最多 ${ADDRESS_LIMITS.name} 个字`,
  phone: '请填写 11 位手机号',
  region: '请填写所在地区',
  regionTooLong: `所在地区最多 ${ADDRESS_LIMITS.region} 个字`,
  detail: '请填写详细地址',
  detailTooLong: `详细地址最多 ${ADDRESS_LIMITS.detail} 个字`,
} as const;

/** What is wrong with an address, in words for the shopper; null when it is fine. */
export function addressProblem(a: Address): string | null {
  const m = ADDRESS_MESSAGES;
  if (!a.name.trim()) return m.name;
  if (a.name.trim().length > ADDRESS_LIMITS.name) return m.nameTooLong;
  if (!/^1\d{10}$/.test(a.phone)) return m.phone;
  if (a.region.trim().length < 2) return m.region;
  if (a.region.trim().length > ADDRESS_LIMITS.region) return m.regionTooLong;
  if (a.detail.trim().length < 2) return m.detail;
  if (a.detail.trim().length > ADDRESS_LIMITS.detail) return m.detailTooLong;
  return null;
}
