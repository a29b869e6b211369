// The rule registry's contracts: argument schemas derived from each rule's specs validate stored
// campaigns (the demo's pass; bad ones fail with the path of what is wrong); rules describe what
// they do so no code outside the registry asks for a rule code; a rule's payment plan reaches the
// quote only when well formed; every cancel reason has words for the shopper.
import fs from 'node:fs';
import path from 'node:path';
import { argsSchema, type ArgSpecs } from '../../domain/campaigns/args';
import {
  ACTIONS,
  CONDITIONS,
  featuredPrices,
  referencedIds,
  sharedLimitUnits,
  userConditionsPass,
} from '../../domain/campaigns/rules';
import { checkCampaign } from '../../domain/campaigns/schema';
import type { Campaign, PricingFacts } from '../../domain/campaigns/types';
import { fen } from '../../domain/money';
import { CANCEL_REASONS, cancelText } from '../../domain/order-cancel';
import { quote } from '../../domain/pricing/quote';
import { seedCampaigns } from '../../emulator/seed/campaigns';
import { SEED } from '../../emulator/seed/catalog';

const NOW = Date.UTC(2026, 10, 24);
const campaigns = seedCampaigns(NOW);
const flash = campaigns.find((c) => c._id === 'cmp-flash')!;

function facts(isNewUser: boolean): PricingFacts {
  return {
    now: NOW,
    user: {
      openid: 'u',
      isNewUser,
      paidOrderCount: isNewUser ? 0 : 3,
      paidTotalFen: fen(isNewUser ? 0 : 60_000),
      purchasedProductIds: [],
    },
    allowances: {},
    coupons: [],
  };
}

describe('campaign validation', () => {
  it('accepts every demo campaign', () => {
    for (const c of campaigns)
      expect({ id: c._id, check: checkCampaign(c) }).toMatchObject({ check: { ok: true } });
  });

  it('refuses unknown rules and bad arguments, naming where', () => {
    const bad = (patch: Partial<Campaign>) => checkCampaign({ ...flash, ...patch });
    expect(bad({ conditions: [{ code: 'LUCKY_DRAW', args: {} }] })).toEqual({
      ok: false,
      problems: ['conditions.0.code: 未知的条件：LUCKY_DRAW'],
    });
    const negative = bad({
      actions: [{ code: 'SPECIAL_PRICE', args: { prices: [{ skuId: 's', priceFen: -1 }] } }],
    });
    expect(negative.ok).toBe(false);
    expect(!negative.ok && negative.problems[0]).toMatch(
      /^actions\.0\.args\.prices\.0\.priceFen: /,
    );
    expect(bad({ conditions: [{ code: 'QUOTA', args: { units: 1.5 } }] }).ok).toBe(false);
    expect(bad({ conditions: [{ code: 'QUOTA', args: { units: 5, extra: 1 } }] }).ok).toBe(false);
    expect(
      bad({
        conditions: [{ code: 'PER_USER_LIMIT', args: { units: 1, per: 'household' } }],
      }).ok,
    ).toBe(false);
    expect(bad({ endsAt: flash.startsAt }).ok).toBe(false);
    expect(bad({ actions: [] }).ok).toBe(false);
    const duplicate = bad({
      actions: [
        {
          code: 'SPECIAL_PRICE',
          args: {
            prices: [
              { skuId: 's', priceFen: 1 },
              { skuId: 's', priceFen: 2 },
            ],
          },
        },
      ],
    });
    expect(duplicate).toMatchObject({ ok: false, problems: [expect.stringContaining('同一规格')] });
  });

  it('derives each rule’s schema from its argument specs', () => {
    for (const rule of [...Object.values(CONDITIONS), ...Object.values(ACTIONS)]) {
      const schema = argsSchema(rule.args);
      // An empty object passes exactly when every argument is optional.
      const allOptional = Object.values(rule.args as ArgSpecs).every(
        (s) => s.type === 'productIds' && s.optional,
      );
      expect({ code: rule.code, ok: schema.safeParse({}).success }).toEqual({
        code: rule.code,
        ok: allOptional,
      });
      expect(schema.safeParse({ unexpected: 1 }).success).toBe(false);
    }
  });
});

describe('rules describe what they do', () => {
  it('featured prices, the shared quota and user conditions come from the rules', () => {
    expect([...featuredPrices(flash).entries()]).toEqual(
      (flash.actions[0].args.prices as { skuId: string; priceFen: number }[]).map((p) => [
        p.skuId,
        p.priceFen,
      ]),
    );
    expect(sharedLimitUnits(flash)).toBe(100);
    const newUser = campaigns.find((c) => c._id === 'cmp-new-user')!;
    expect(sharedLimitUnits(newUser)).toBeNull();
    expect(userConditionsPass(newUser, facts(true))).toBe(true);
    expect(userConditionsPass(newUser, facts(false))).toBe(false);
  });

  it('names the products and SKUs a campaign refers to', () => {
    expect(referencedIds(flash).skuIds).toEqual([...featuredPrices(flash).keys()]);
    const fullReturn = campaigns.find((c) => c._id === 'cmp-full-return')!;
    expect(referencedIds(fullReturn).productIds.length).toBeGreaterThan(0);
  });

  it('no code outside the rule registry tests a rule code', () => {
    const root = path.resolve(__dirname, '../..');
    const codes = [...Object.keys(CONDITIONS), ...Object.keys(ACTIONS)];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !file.endsWith(path.join('campaigns', 'rules.ts'))) {
          const text = fs.readFileSync(file, 'utf8');
          for (const code of codes)
            if (new RegExp(`code\\s*[!=]==?\\s*'${code}'|'${code}'\\s*[!=]==?`).test(text))
              offenders.push(`${path.relative(root, file)}: ${code}`);
        }
      }
    };
    for (const dir of ['domain', 'cloudfunctions', 'src']) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});

describe('payment plan', () => {
  const product = SEED.products.find((p) => p.status === 'ON')!;
  const sku = SEED.skus.find((s) => s.productId === product._id)!;
  const lines = [{ product, sku, qty: 1 }];
  const base = { ...flash, _id: 'plan', conditions: [], priority: 0 };

  it('is everything now for an ordinary order', () => {
    const q = quote(lines, { facts: facts(false), campaigns: [] });
    expect(q.plan).toEqual([{ code: 'FULL', label: '全款', amountFen: q.totalFen, dueNow: true }]);
  });

  it('comes from a used campaign whose rule splits the payment, when well formed', () => {
    // A rule as a pre-sale would add it: the order pays what it costs now, the rest later.
    ACTIONS.TEST_LATER = {
      code: 'TEST_LATER',
      label: '尾款',
      description: 'test only',
      args: { laterFen: { type: 'fen', label: '尾款' } },
      layer: 'payment',
      paymentPlan: (args: { laterFen: number }, totalFen: number, now: number) => [
        { code: 'DEPOSIT', label: '定金', amountFen: fen(totalFen), dueNow: true },
        {
          code: 'FINAL',
          label: '尾款',
          amountFen: fen(args.laterFen),
          dueNow: false,
          opensAt: now + 1000,
        },
      ],
    };
    const malformed = { ...ACTIONS.TEST_LATER, paymentPlan: () => [] };
    try {
      const campaign = {
        ...base,
        actions: [
          { code: 'SPECIAL_PRICE', args: { prices: [{ skuId: sku._id, priceFen: 100 }] } },
          { code: 'TEST_LATER', args: { laterFen: 5000 } },
        ],
      };
      const q = quote(lines, { facts: facts(false), campaigns: [campaign] });
      expect(q.plan.map((s) => [s.code, s.amountFen, s.dueNow])).toEqual([
        ['DEPOSIT', q.totalFen, true],
        ['FINAL', 5000, false],
      ]);
      ACTIONS.TEST_LATER = malformed;
      expect(quote(lines, { facts: facts(false), campaigns: [campaign] }).plan[0].code).toBe(
        'FULL',
      );
    } finally {
      delete ACTIONS.TEST_LATER;
    }
  });
});

it('every cancel reason has words for the shopper', () => {
  for (const [reason, { text }] of Object.entries(CANCEL_REASONS)) {
    expect(text.length).toBeGreaterThan(4);
    expect(cancelText(reason)).toBe(text);
  }
  expect(cancelText('SOMETHING_OLD')).toBe('订单已取消');
});
