// An authority's policy: which local rules apply and their figures (rules.md: local rules are
// defaults an authority can change without a code change). Statutory rules are not here:
// they cannot be switched off. Defaults are the seed authorities' values (000, 002).

import { z } from 'zod';

const period = z.object({
  amount: z.number().int().min(0).max(366),
  unit: z.enum(['CALENDAR_DAYS', 'WORKING_DAYS', 'WEEKS', 'MONTHS']),
});
export type PolicyPeriod = z.infer<typeof period>;

const localRule = <T extends z.ZodRawShape>(figures: T) => z.object({ applies: z.boolean(), ...figures }).strict();

export const policySchema = z
  .object({
    /** rules.md conventions: Mosaic counts 3 and 6 months as 91 and 183 days. */
    monthsAs: z.enum(['CALENDAR', 'DAYS_91_183']),
    /** Extra local non-working days, `mm-dd` every year or `yyyy-mm-dd` once (e.g. 27–31 December). */
    localNonWorkingDays: z.array(z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/)),
    rules: z
      .object({
        'CP-S47': localRule({ within: period }),
        'CP-DUAL-NO-CONFERENCE': localRule({}),
        'CIN-ASSESSMENT-LOCAL': localRule({ within: period }),
        'CIN-PLAN-REVIEW-1': localRule({ within: period }),
        'CIN-PLAN-REVIEW-N': localRule({ within: period }),
        'CIN-PLAN-TM-CHAIR': localRule({ after: period }),
        'CIC-VISIT-AT-HOME': localRule({ every: period }),
        'CIC-HEALTH-LOCAL': localRule({ every: period }),
        /** Source 000 names only the ICO; applying DS-ICO to a full care order is Carebridge's reading. */
        'DS-ICO': localRule({ includesCareOrder: z.boolean() }),
      })
      .strict(),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;

export const defaultPolicy: Policy = {
  monthsAs: 'CALENDAR',
  localNonWorkingDays: [],
  rules: {
    'CP-S47': { applies: true, within: { amount: 10, unit: 'CALENDAR_DAYS' } },
    'CP-DUAL-NO-CONFERENCE': { applies: true },
    'CIN-ASSESSMENT-LOCAL': { applies: true, within: { amount: 35, unit: 'CALENDAR_DAYS' } },
    'CIN-PLAN-REVIEW-1': { applies: true, within: { amount: 4, unit: 'WEEKS' } },
    'CIN-PLAN-REVIEW-N': { applies: true, within: { amount: 3, unit: 'MONTHS' } },
    'CIN-PLAN-TM-CHAIR': { applies: true, after: { amount: 6, unit: 'MONTHS' } },
    'CIC-VISIT-AT-HOME': { applies: true, every: { amount: 1, unit: 'WEEKS' } },
    'CIC-HEALTH-LOCAL': { applies: true, every: { amount: 6, unit: 'MONTHS' } },
    'DS-ICO': { applies: true, includesCareOrder: true },
  },
};

/** Reads a policy file's JSON over the defaults (a file may set only what differs); problems as `path: message`. */
export function parsePolicy(json: unknown): { policy: Policy } | { problems: string[] } {
  const input = (json ?? {}) as Partial<Policy>;
  const merged = {
    ...defaultPolicy,
    ...input,
    rules: { ...defaultPolicy.rules, ...(input.rules ?? {}) },
  };
  const parsed = policySchema.safeParse(merged);
  if (parsed.success) return { policy: parsed.data };
  return { problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(policy)'}: ${issue.message}`) };
}
