// The demo shop's campaigns and coupon-center templates, built from the rule registry
// (domain/campaigns/rules.ts). Times are relative to when the demo data is loaded, so a fresh
// start always has a flash sale on.
import type { Campaign, CouponTemplate } from '../../domain/campaigns/types';
import { fen } from '../../domain/money';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const FOREVER = Date.UTC(2099, 0, 1);

export const SEED_CAMPAIGN_IDS = {
  newUser: 'cmp-new-user',
  flash: 'cmp-flash',
  trial: 'cmp-trial',
  member: 'cmp-member',
  repeat: 'cmp-repeat',
  fullReturn: 'cmp-full-return',
  signupPack: 'cmp-signup-pack',
  orderDiscount: 'cmp-199-minus-20',
  group: 'cmp-group',
  assist: 'cmp-assist',
} as const;

export function seedCampaigns(now: number): Campaign[] {
  const always = { startsAt: now - DAY, endsAt: FOREVER, status: 'ACTIVE' as const };
  return [
    {
      _id: SEED_CAMPAIGN_IDS.newUser,
      kind: 'NEW_USER',
      title: '新人专享',
      label: '新人价',
      ...always,
      priority: 30,
      conditions: [
        { code: 'NEW_USER', args: {} },
        { code: 'PER_USER_LIMIT', args: { units: 1, per: 'campaign' } },
      ],
      actions: [
        {
          code: 'SPECIAL_PRICE',
          args: {
            prices: [
              { skuId: 'p-dried-mango-1', priceFen: 100 },
              { skuId: 'p-drip-coffee-1', priceFen: 990 },
            ],
          },
        },
      ],
    },
    {
      _id: SEED_CAMPAIGN_IDS.flash,
      kind: 'FLASH_SALE',
      title: '限时秒杀',
      label: '秒杀价',
      startsAt: now - HOUR,
      endsAt: now + 2 * DAY,
      status: 'ACTIVE',
      priority: 20,
      conditions: [
        { code: 'QUOTA', args: { units: 100 } },
        { code: 'PER_USER_LIMIT', args: { units: 2, per: 'campaign' } },
      ],
      actions: [
        {
          code: 'SPECIAL_PRICE',
          args: {
            prices: [
              { skuId: 'p-navel-orange-1', priceFen: 1990 },
              { skuId: 'p-cold-brew-1', priceFen: 1990 },
            ],
          },
        },
        { code: 'PAY_WITHIN', args: { minutes: 5 } },
      ],
    },
    {
      _id: SEED_CAMPAIGN_IDS.trial,
      kind: 'TRIAL',
      title: '9.9 包邮试用',
      label: '9.9试用',
      ...always,
      priority: 10,
      conditions: [{ code: 'PER_USER_LIMIT', args: { units: 1, per: 'product' } }],
      actions: [
        {
          code: 'SPECIAL_PRICE',
          args: {
            prices: [
              { skuId: 'p-shampoo-1', priceFen: 990 },
              { skuId: 'p-hand-cream-1', priceFen: 990 },
            ],
          },
        },
        { code: 'FREE_SHIPPING', args: {} },
      ],
    },
    {
      _id: SEED_CAMPAIGN_IDS.member,
      kind: 'MEMBER',
      title: '会员折扣',
      label: '会员折扣',
      ...always,
      priority: 0,
      conditions: [],
      actions: [{ code: 'TIER_DISCOUNT', args: { rates: { silver: 98, gold: 95, diamond: 90 } } }],
    },
    {
      _id: SEED_CAMPAIGN_IDS.repeat,
      kind: 'REPEAT_DISCOUNT',
      title: '复购 8 折',
      label: '复购8折',
      ...always,
      priority: 0,
      conditions: [{ code: 'REPEAT_PURCHASE', args: {} }],
      actions: [
        {
          code: 'PERCENT_OFF_LINES',
          args: {
            percentOff: 20,
            productIds: [
              'p-drip-coffee',
              'p-cold-brew',
              'p-mixed-nuts',
              'p-toothpaste',
              'p-laundry',
              'p-rice',
            ],
          },
        },
      ],
    },
    {
      _id: SEED_CAMPAIGN_IDS.fullReturn,
      kind: 'FULL_RETURN',
      title: '消费全返',
      label: '全返',
      ...always,
      priority: 0,
      conditions: [],
      actions: [{ code: 'RETURN_COUPON', args: { productIds: ['p-seaweed'], validDays: 30 } }],
    },
    {
      _id: SEED_CAMPAIGN_IDS.signupPack,
      kind: 'SIGNUP_PACK',
      title: '新人券包',
      label: '新人券包',
      ...always,
      priority: 0,
      conditions: [{ code: 'NEW_USER', args: {} }],
      actions: [
        {
          code: 'SIGNUP_COUPONS',
          args: {
            coupons: [
              { title: '新人无门槛券', amountFen: 500, thresholdFen: 0, validDays: 7 },
              { title: '新人满99减20', amountFen: 2000, thresholdFen: 9900, validDays: 30 },
            ],
          },
        },
      ],
    },
    {
      _id: SEED_CAMPAIGN_IDS.orderDiscount,
      kind: 'ORDER_DISCOUNT',
      title: '满199减20',
      label: '满199减20',
      ...always,
      priority: 0,
      conditions: [{ code: 'MIN_SPEND', args: { amountFen: 19900 } }],
      actions: [{ code: 'AMOUNT_OFF_ORDER', args: { amountFen: 2000 } }],
    },
    {
      _id: SEED_CAMPAIGN_IDS.group,
      kind: 'GROUP_BUY',
      title: '每日坚果阶梯拼团',
      label: '拼团价',
      ...always,
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'GROUP_BUY',
          args: {
            tiers: [
              {
                skuId: 'p-mixed-nuts-1',
                tiers: [
                  { size: 3, priceFen: 2990 },
                  { size: 5, priceFen: 2490 },
                  { size: 10, priceFen: 1990 },
                ],
              },
            ],
            hours: 24,
          },
        },
      ],
    },
    {
      _id: SEED_CAMPAIGN_IDS.assist,
      kind: 'ASSIST',
      title: '挂耳咖啡好友助力',
      label: '助力价',
      ...always,
      priority: 0,
      conditions: [],
      actions: [
        {
          code: 'ASSIST',
          args: {
            floors: [{ skuId: 'p-drip-coffee-2', priceFen: 6900 }],
            helps: 3,
            dailyHelps: 3,
            newHelpersOnly: 'no',
          },
        },
      ],
    },
  ];
}

export function seedCouponTemplates(now: number): CouponTemplate[] {
  const open = { claimFrom: now - DAY, claimUntil: FOREVER, status: 'ACTIVE' as const };
  return [
    {
      _id: 'tpl-99-10',
      title: '满99减10',
      discount: { type: 'AMOUNT', amountFen: fen(1000) },
      thresholdFen: fen(9900),
      validDays: 30,
      totalQuota: 1000,
      perUserLimit: 1,
      ...open,
    },
    {
      _id: 'tpl-199-30',
      title: '满199减30',
      discount: { type: 'AMOUNT', amountFen: fen(3000) },
      thresholdFen: fen(19900),
      validDays: 30,
      totalQuota: 200,
      perUserLimit: 1,
      ...open,
    },
    {
      _id: 'tpl-3',
      title: '无门槛3元',
      discount: { type: 'AMOUNT', amountFen: fen(300) },
      thresholdFen: fen(0),
      validDays: 7,
      totalQuota: 100,
      perUserLimit: 2,
      ...open,
    },
  ];
}
