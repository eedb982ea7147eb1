// An authority's policy: which local rules apply and their figures (rules.md: local rules are
// defaults an authority can change without a code change). Statutory rules are not here:
// they cannot be switched off — only the readings Carebridge takes of a statutory rule where
// the extract cannot say (`readings`). Defaults are the seed authorities' values (000, 002)
// and Carebridge's readings (docs/visits-and-education.md).

import { z } from 'zod';
import { isIsoDate } from './calendar.js';

const period = z.object({
  amount: z.number().int().min(0).max(366),
  unit: z.enum(['CALENDAR_DAYS', 'WORKING_DAYS', 'WEEKS', 'MONTHS']),
});
export type PolicyPeriod = z.infer<typeof period>;

/** A day of the year, `mm-dd`; 29 February is refused because it is not a day every year. */
const dayOfYear = z
  .string()
  .regex(/^\d{2}-\d{2}$/)
  .refine((day) => isIsoDate(`2001-${day}`), 'not a day of every year (mm-dd)');

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
    readings: z
      .object({
        /** The extract does not record the child's agreement to 6-monthly visits: the default reads "not agreed" (the stricter interval). */
        'CIC-VISIT-LONG-TERM-FOSTER': z.object({ childAgrees: z.boolean() }).strict(),
        /**
         * SSDA903 has no code for a reg 24 temporary approval of a connected person: placements of
         * these types are read as temporarily approved for this long from their start.
         */
        'CIC-VISIT-ICO-AT-HOME': z.object({ temporaryApprovalPlacementTypes: z.array(z.string().min(1)), temporaryApprovalFor: period }).strict(),
        /** School terms by their first day (`mm-dd`, each term ends the day before the next starts), and the age a PEP starts at. */
        'CIC-PEP': z
          .object({
            termStarts: z
              .array(dayOfYear)
              .min(1)
              .refine((starts) => new Set(starts).size === starts.length, 'term starts must differ'),
            fromAge: z.number().int().min(0).max(17),
          })
          .strict(),
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
  readings: {
    'CIC-VISIT-LONG-TERM-FOSTER': { childAgrees: false },
    // U3: foster placement with a relative or friend, not long-term; reg 24 approves for up to 16 weeks.
    'CIC-VISIT-ICO-AT-HOME': { temporaryApprovalPlacementTypes: ['U3'], temporaryApprovalFor: { amount: 16, unit: 'WEEKS' } },
    // Autumn 1 Sep–31 Dec, spring 1 Jan–31 Mar, summer 1 Apr–31 Aug (holidays fall in the term they follow).
    'CIC-PEP': { termStarts: ['09-01', '01-01', '04-01'], fromAge: 3 },
  },
};

/** Reads a policy file's JSON over the defaults (a file may set only what differs); problems as `path: message`. */
export function parsePolicy(json: unknown): { policy: Policy } | { problems: string[] } {
  const input = (json ?? {}) as Partial<Policy>;
  const merged = {
    ...defaultPolicy,
    ...input,
    rules: { ...defaultPolicy.rules, ...(input.rules ?? {}) },
    readings: { ...defaultPolicy.readings, ...(input.readings ?? {}) },
  };
  const parsed = policySchema.safeParse(merged);
  if (parsed.success) return { policy: parsed.data };
  return { problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(policy)'}: ${issue.message}`) };
}
