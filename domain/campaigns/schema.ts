// Validating a campaign document: its own fields, and each rule's arguments against the schema
// that rule's argument specs give (rules.ts). Campaigns are validated when staff save them, and
// again when read for pricing, where one that fails is skipped (and logged) instead of failing
// every quote.
import { z } from 'zod';
import { ACTIONS, CONDITIONS, ruleArgsSchema, type ActionRule, type ConditionRule } from './rules';
import type { Campaign } from './types';

const KINDS = [
  'NEW_USER',
  'FLASH_SALE',
  'TRIAL',
  'MEMBER',
  'REPEAT_DISCOUNT',
  'ORDER_DISCOUNT',
  'FULL_RETURN',
  'SIGNUP_PACK',
  'GROUP_BUY',
  'ASSIST',
  'PRESALE',
  'BLIND_BOX',
] as const;

function ruleRef(registry: Record<string, ConditionRule | ActionRule>, what: string) {
  return z
    .object({ code: z.string(), args: z.record(z.unknown()).default({}) })
    .strict()
    .superRefine((ref, ctx) => {
      const rule = Object.prototype.hasOwnProperty.call(registry, ref.code)
        ? registry[ref.code]
        : undefined;
      if (!rule) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: `未知的${what}：${ref.code}` });
        return;
      }
      const parsed = ruleArgsSchema(rule).safeParse(ref.args);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({ ...issue, path: ['args', ...issue.path] } as z.IssueData);
      else {
        const problem = (rule as ActionRule).check?.(parsed.data);
        if (problem) ctx.addIssue({ code: 'custom', path: ['args'], message: problem });
      }
    });
}

export const campaignSchema = z
  .object({
    _id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    kind: z.enum(KINDS),
    title: z.string().trim().min(1).max(30),
    label: z.string().trim().min(1).max(12),
    startsAt: z.number().int().min(0),
    endsAt: z.number().int().min(0),
    status: z.enum(['ACTIVE', 'PAUSED']),
    priority: z.number().int().min(-100).max(100),
    conditions: z.array(ruleRef(CONDITIONS, '条件')).max(20),
    actions: z.array(ruleRef(ACTIONS, '优惠')).min(1).max(20),
  })
  .strict()
  .refine((c) => c.endsAt > c.startsAt, { path: ['endsAt'], message: '结束时间须晚于开始时间' });

export type CampaignCheck = { ok: true; campaign: Campaign } | { ok: false; problems: string[] };

/** Checks a campaign document; problems are "path: message" lines for people and logs. */
export function checkCampaign(doc: unknown): CampaignCheck {
  const parsed = campaignSchema.safeParse(doc);
  if (parsed.success) return { ok: true, campaign: parsed.data as Campaign };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(campaign)'}: ${i.message}`),
  };
}
