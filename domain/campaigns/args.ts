// The argument types a campaign rule can take. Each rule declares its arguments with these specs;
// from a spec come the TypeScript type the rule's function receives (ArgsOf), the schema that
// validates a stored campaign (argsSchema), and, later, the admin page's form fields.
import { z } from 'zod';
import type { TierCode } from './tiers';
import { tiersProblem, type SkuTiers } from '../groups';

export type ArgSpec =
  | { type: 'int'; label: string; min: number; max?: number }
  | { type: 'fen'; label: string; min?: number }
  | { type: 'percent'; label: string }
  | { type: 'enum'; label: string; values: readonly { value: string; label: string }[] }
  | { type: 'skuPrices'; label: string }
  | { type: 'productIds'; label: string; optional?: boolean }
  | { type: 'tierRates'; label: string }
  | { type: 'couponList'; label: string }
  | { type: 'groupTiers'; label: string }
  | { type: 'intList'; label: string; optional?: boolean }
  /** An instant (epoch ms); staff type it in China time. */
  | { type: 'time'; label: string }
  /** A blind box's pool: SKUs with a value, a weight, the stock set aside, and the top grade. */
  | { type: 'blindPool'; label: string };

export interface BlindPoolRow {
  skuId: string;
  valueFen: number;
  weight: number;
  stock: number;
  top?: boolean;
}

export type ArgSpecs = Record<string, ArgSpec>;

export interface SkuPrice {
  skuId: string;
  priceFen: number;
}

/** One coupon of a new-user pack. */
export interface SignupCouponSpec {
  title: string;
  amountFen: number;
  thresholdFen: number;
  validDays: number;
  productIds?: string[];
}

/** The value an argument of this spec holds. */
export type ArgValue<S extends ArgSpec> = S extends { type: 'int' | 'fen' | 'percent' | 'time' }
  ? number
  : S extends { type: 'enum'; values: readonly { value: infer V }[] }
    ? V
    : S extends { type: 'skuPrices' }
      ? SkuPrice[]
      : S extends { type: 'productIds'; optional: true }
        ? string[] | undefined
        : S extends { type: 'productIds' }
          ? string[]
          : S extends { type: 'tierRates' }
            ? Partial<Record<TierCode, number>>
            : S extends { type: 'couponList' }
              ? SignupCouponSpec[]
              : S extends { type: 'groupTiers' }
                ? SkuTiers[]
                : S extends { type: 'blindPool' }
                  ? BlindPoolRow[]
                  : S extends { type: 'intList'; optional: true }
                    ? number[] | undefined
                    : S extends { type: 'intList' }
                      ? number[]
                      : never;

export type ArgsOf<A extends ArgSpecs> = { [K in keyof A]: ArgValue<A[K]> };

const MAX_FEN = 100_000_000; // ¥1,000,000: far above anything a shop sells, below float trouble
const id = z.string().min(1).max(64);
const fenValue = (min = 0) => z.number().int().min(min).max(MAX_FEN);
const TIER_CODES = ['normal', 'silver', 'gold', 'diamond'] as const;

function schemaOf(spec: ArgSpec): z.ZodTypeAny {
  switch (spec.type) {
    case 'int':
      return z
        .number()
        .int()
        .min(spec.min)
        .max(spec.max ?? 1_000_000);
    case 'fen':
      return fenValue(spec.min);
    case 'percent':
      return z.number().int().min(1).max(100);
    case 'enum':
      return z.enum(spec.values.map((v) => v.value) as [string, ...string[]]);
    case 'skuPrices':
      return z
        .array(z.object({ skuId: id, priceFen: fenValue() }).strict())
        .min(1)
        .max(500)
        .refine((prices) => new Set(prices.map((p) => p.skuId)).size === prices.length, {
          message: '同一规格只能设置一个特价',
        });
    case 'productIds': {
      const ids = z.array(id).max(500);
      return spec.optional ? ids.optional() : ids.min(1);
    }
    case 'tierRates':
      return z
        .record(z.enum(TIER_CODES), z.number().int().min(1).max(100))
        .refine((rates) => Object.keys(rates).length > 0, { message: '至少设置一个等级' });
    case 'couponList':
      return z
        .array(
          z
            .object({
              title: z.string().trim().min(1).max(20),
              amountFen: fenValue(1),
              thresholdFen: fenValue(),
              validDays: z.number().int().min(1).max(365),
              productIds: z.array(id).max(500).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(10);
    case 'time':
      return z.number().int().min(0).max(8_640_000_000_000);
    case 'blindPool':
      return z
        .array(
          z
            .object({
              skuId: id,
              valueFen: fenValue(1),
              weight: z.number().int().min(1).max(1_000_000),
              stock: z.number().int().min(0).max(1_000_000),
              top: z.boolean().optional(),
            })
            .strict(),
        )
        .min(1)
        .max(100)
        .refine((rows) => new Set(rows.map((r) => r.skuId)).size === rows.length, {
          message: '奖池中的规格不能重复',
        });
    case 'intList': {
      const list = z.array(z.number().int().min(1).max(1000)).max(50);
      return spec.optional ? list.optional() : list.min(1);
    }
    case 'groupTiers':
      return z
        .array(
          z
            .object({
              skuId: id,
              tiers: z
                .array(z.object({ size: z.number().int(), priceFen: fenValue(1) }).strict())
                .superRefine((tiers, ctx) => {
                  const problem = tiersProblem(tiers as SkuTiers['tiers']);
                  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
                }),
            })
            .strict(),
        )
        .min(1)
        .max(100)
        .refine((rows) => new Set(rows.map((r) => r.skuId)).size === rows.length, {
          message: '同一规格只能设置一组档位',
        });
  }
}

/** The schema of a rule's arguments, derived from its specs. */
export function argsSchema(specs: ArgSpecs): z.ZodTypeAny {
  return z
    .object(Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, schemaOf(spec)])))
    .strict();
}
