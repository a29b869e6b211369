// The database collections the shop uses and the indexes each needs.
//
// This list is the single source of truth: the local cloud creates these collections and
// indexes on start, and dist/cloudfunctions/collections.json (written by the build) is what to
// create in the CloudBase console before deploying. Queries by `_id` need no index; every field
// a function queries by equality on a collection that grows is indexed here.
export interface CollectionSpec {
  name: string;
  indexes?: { fields: string[]; unique?: boolean }[];
}

export const COLLECTIONS: CollectionSpec[] = [
  { name: 'categories' },
  { name: 'products', indexes: [{ fields: ['status'] }, { fields: ['categoryId', 'status'] }] },
  { name: 'skus', indexes: [{ fields: ['productId'] }] },
  {
    name: 'users',
    indexes: [
      { fields: ['refCode'] },
      { fields: ['binding.inviterId'] },
      { fields: ['channel'] },
      { fields: ['binding.unchecked'] },
    ],
  },
  /** Entries through share links and codes (attribution; channel figures). */
  {
    name: 'touches',
    indexes: [{ fields: ['openid'] }, { fields: ['sharerId'] }, { fields: ['channel'] }],
  },
  /** QR codes' scenes and what they stand for (lib/share/codes.ts). */
  { name: 'share_codes', indexes: [{ fields: ['channel'] }] },
  /** Reminders people asked for: 提醒我, 到货提醒 (lib/notices/reminders.ts). */
  { name: 'reminders', indexes: [{ fields: ['kind', 'state'] }, { fields: ['openid'] }] },
  /** Subscription messages to send (lib/notices/outbox.ts, sender.ts). */
  { name: 'outbox', indexes: [{ fields: ['state'] }, { fields: ['openid'] }] },
  /** Subscription-message opt-ins per user and template (lib/notices/optins.ts). */
  { name: 'optins', indexes: [{ fields: ['openid'] }, { fields: ['templateId'] }] },
  /** Shop-wide settings staff change (distribution and attribution). */
  { name: 'shop_settings' },
  /** Distribution: accounts, commissions, the balance's ledger, withdrawals (lib/distribution). */
  { name: 'distributors', indexes: [{ fields: ['status'] }] },
  {
    name: 'commissions',
    indexes: [{ fields: ['distributorId'] }, { fields: ['state'] }],
  },
  { name: 'commission_ledger', indexes: [{ fields: ['distributorId'] }] },
  {
    name: 'withdrawals',
    indexes: [{ fields: ['distributorId'] }, { fields: ['status'] }],
  },
  { name: 'staff' },
  /** Desktop sign-in codes and staff sessions (lib/users/staff-sessions.ts). */
  { name: 'admin_signins' },
  { name: 'admin_sessions', indexes: [{ fields: ['openid'] }] },
  { name: 'cart_items', indexes: [{ fields: ['openid'] }] },
  {
    name: 'orders',
    indexes: [
      { fields: ['openid'] },
      { fields: ['status'] },
      { fields: ['shippingUpload.status'] },
      { fields: ['afterSale.status'] },
      { fields: ['address.phone'] },
      { fields: ['inviterId'] },
      { fields: ['channel'] },
      { fields: ['commissionOwedAt'] },
    ],
  },
  { name: 'refunds', indexes: [{ fields: ['orderId'] }, { fields: ['status'] }] },
  { name: 'stock_logs', indexes: [{ fields: ['skuId'] }] },
  /** The home page as one document, rebuilt by the timer (lib/catalog/storefront.ts). */
  { name: 'storefront' },
  { name: 'campaigns', indexes: [{ fields: ['status'] }] },
  /** Campaign quotas and per-user limits: remaining units, with the holds of unpaid orders. */
  { name: 'allowances', indexes: [{ fields: ['kind'] }] },
  {
    name: 'coupons',
    indexes: [{ fields: ['openid'] }, { fields: ['sourceOrderId'] }, { fields: ['status'] }],
  },
  { name: 'coupon_templates', indexes: [{ fields: ['status'] }] },
  /** Group buying: one document per group with its members (lib/groups, claims/group-seat.ts). */
  {
    name: 'groups',
    indexes: [
      { fields: ['status', 'deadline'] },
      { fields: ['members.openid'] },
      { fields: ['campaignId', 'skuId', 'status'] },
    ],
  },
  /** Friend assists (lib/assist), and each helper's helps per day (their limit). */
  { name: 'assists', indexes: [{ fields: ['starterId'] }] },
  { name: 'assist_days' },
  /** Pre-sales: deposits, each inviter's friends who paid one, compensations owed (lib/presale). */
  {
    name: 'deposits',
    indexes: [{ fields: ['state', 'finalEndsAt'] }, { fields: ['campaignId', 'state'] }],
  },
  { name: 'presale_friends' },
  { name: 'compensations', indexes: [{ fields: ['state'] }] },
  /** Blind boxes: each order's seed (server only) and each draw's public record (lib/blindbox). */
  { name: 'draw_seeds' },
  { name: 'draws', indexes: [{ fields: ['campaignId'] }] },
];
