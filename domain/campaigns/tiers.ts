// Member tiers by growth: the total a user has paid. Tier discounts are campaign rules
// (TIER_DISCOUNT) so a merchant can change them; the ladder itself is here.
import type { Fen } from '../money';

export interface Tier {
  code: 'normal' | 'silver' | 'gold' | 'diamond';
  name: string;
  minGrowthFen: number;
}

export const TIERS: Tier[] = [
  { code: 'normal', name: '普通会员', minGrowthFen: 0 },
  { code: 'silver', name: '银卡会员', minGrowthFen: 50_000 },
  { code: 'gold', name: '金卡会员', minGrowthFen: 200_000 },
  { code: 'diamond', name: '钻石会员', minGrowthFen: 500_000 },
];

export type TierCode = Tier['code'];

export function tierOf(growthFen: Fen | number): Tier {
  return [...TIERS].reverse().find((t) => growthFen >= t.minGrowthFen) ?? TIERS[0];
}

export function tierRank(code: TierCode): number {
  return TIERS.findIndex((t) => t.code === code);
}

/** The current tier, the next one and how much more growth it needs. */
export function tierProgress(growthFen: Fen | number): {
  tier: Tier;
  next: Tier | null;
  toNextFen: number;
  ratio: number;
} {
  const tier = tierOf(growthFen);
  const next = TIERS[tierRank(tier.code) + 1] ?? null;
  if (!next) return { tier, next, toNextFen: 0, ratio: 1 };
  const span = next.minGrowthFen - tier.minGrowthFen;
  return {
    tier,
    next,
    toNextFen: next.minGrowthFen - growthFen,
    ratio: (growthFen - tier.minGrowthFen) / span,
  };
}
