// Care-leaver rules (rules.md, "Care leavers"): pure, no database. Every test name starts with
// the rule id it pins.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../src/domain/calendar.js';
import {
  careLeaverStatusOn,
  daysLookedAfterSince14,
  daysLookedAfterSince16,
  pathwayPlanRequired,
  pathwayPlanReviewDue,
  type CareLeaverCategory,
  type CareLeaverInput,
  type PathwayPlanReviewInput,
} from '../src/domain/care-leavers.js';
import type { PeriodOfCareFact } from '../src/domain/child-in-care.js';
import type { MeetingFact } from '../src/domain/child-protection.js';
import type { DueDate } from '../src/domain/due-dates.js';
import type { CareLeaverRecordFact, LegalStatusFact } from '../src/domain/facts.js';
import { defaultPolicy } from '../src/domain/policy.js';
import type { RuleId } from '../src/domain/rules.js';
import { calendar } from './support/calendar.js';

let ids = 0;
function period(startDate: string, endDate: string | null): PeriodOfCareFact {
  return { id: `p${++ids}`, startDate, endDate, episodes: [] };
}
function legal(code: string, startDate: string, endDate: string | null): LegalStatusFact {
  return { id: `l${++ids}`, code, startDate, endDate };
}

// Born 15 June 2008: 14 on 2022-06-15, 16 on 2024-06-15, 18 on 2026-06-15, 21 on 2029-06-15.
const dob = '2008-06-15';
const twentyFirst = '2029-06-15';
// Born 29 February 2008: 14 on 2022-02-28, 16 on 2024-02-29, 18 on 2026-02-28, 21 on 2029-02-28.
const leapDob = '2008-02-29';

interface Case {
  name: string;
  input: Omit<CareLeaverInput, 'legalStatuses' | 'dateOfBirth'> & {
    dateOfBirth?: string | null;
    legalStatuses?: LegalStatusFact[];
  };
  category: CareLeaverCategory;
  supportUntil?: string | null;
  ruleIds: RuleId[];
  /** Days looked after since the 14th birthday, as known on asOf (when given, checked too). */
  since14?: number;
}

const eligible: RuleId[] = ['CL-ELIGIBLE', 'CL-SUPPORT-21'];
const relevant: RuleId[] = ['CL-RELEVANT', 'CL-SUPPORT-21'];
const formerRelevant: RuleId[] = ['CL-FORMER-RELEVANT', 'CL-SUPPORT-21'];
const qualifying: RuleId[] = ['CL-QUALIFYING', 'CL-SUPPORT-21'];

// 2024-04-01 .. 2024-06-30 inclusive is 30 + 31 + 30 = 91 days; 16 of them from the 16th birthday.
const spanning16 = period('2024-04-01', null);

const cases: Case[] = [
  {
    name: 'CL-ELIGIBLE: 13 weeks spanning the 16th birthday, still looked after',
    input: { periods: [spanning16], asOf: '2024-06-30' },
    category: 'ELIGIBLE',
    supportUntil: twentyFirst,
    ruleIds: eligible,
    since14: 91,
  },
  {
    name: 'CL-ELIGIBLE: one day short (90 days) is not eligible yet',
    input: { periods: [spanning16], asOf: '2024-06-29' },
    category: 'NONE',
    supportUntil: null,
    ruleIds: [],
    since14: 90,
  },
  {
    name: 'CL-ELIGIBLE: exactly 91 days, all after 16, counts asOf itself',
    input: { periods: [period('2024-07-01', null)], asOf: addDays('2024-07-01', 90) },
    category: 'ELIGIBLE',
    ruleIds: eligible,
    since14: 91,
  },
  {
    name: 'CL-ELIGIBLE: exactly 90 days, all after 16, is not',
    input: { periods: [period('2024-07-01', null)], asOf: addDays('2024-07-01', 89) },
    category: 'NONE',
    ruleIds: [],
    since14: 90,
  },
  {
    name: 'CL-ELIGIBLE: all 151 days between 14 and 16, none after 16 → NONE (not looked after after 16)',
    input: { periods: [period('2023-01-01', '2023-06-01')], asOf: '2024-08-01' },
    category: 'NONE',
    ruleIds: [],
    since14: 151,
  },
  {
    name: 'CL-ELIGIBLE: 151 days between 14 and 16 plus one day after 16 made the child eligible (validator 1001 case "::1") → relevant now',
    input: { periods: [period('2023-01-01', '2023-06-01'), period('2024-07-01', '2024-07-02')], asOf: '2024-08-01' },
    category: 'RELEVANT',
    ruleIds: relevant,
    since14: 152,
  },
  {
    name: 'CL-ELIGIBLE: days before the 14th birthday do not count (78 + 10 = 88)',
    // 2022-03-01 .. 2022-08-31: only 2022-06-15 .. 2022-08-31 (16 + 31 + 31 = 78) is after 14.
    input: { periods: [period('2022-03-01', '2022-09-01'), period('2024-07-01', null)], asOf: '2024-07-10' },
    category: 'NONE',
    ruleIds: [],
    since14: 88,
  },
  {
    name: 'CL-ELIGIBLE: days before the 14th birthday do not count, 78 + 13 = 91 is eligible',
    input: { periods: [period('2022-03-01', '2022-09-01'), period('2024-07-01', null)], asOf: '2024-07-13' },
    category: 'ELIGIBLE',
    ruleIds: eligible,
    since14: 91,
  },
  {
    name: 'CL-ELIGIBLE: short breaks (V3) do not count',
    input: {
      periods: [spanning16],
      legalStatuses: [legal('V3', '2024-04-01', '2024-04-11'), legal('C2', '2024-04-11', null)],
      asOf: '2024-06-30',
    },
    category: 'NONE',
    ruleIds: [],
    since14: 81,
  },
  {
    name: 'CL-ELIGIBLE: the same period under a care order counts',
    input: { periods: [spanning16], legalStatuses: [legal('C2', '2024-04-01', null)], asOf: '2024-06-30' },
    category: 'ELIGIBLE',
    ruleIds: eligible,
    since14: 91,
  },
  {
    name: 'CL-ELIGIBLE: V4 short breaks inside a period are cut out, the rest counts',
    input: {
      periods: [period('2024-04-01', null)],
      legalStatuses: [legal('V2', '2024-04-01', null), legal('v4', '2024-05-01', '2024-05-06')],
      asOf: '2024-07-05',
    },
    // 2024-04-01 .. 2024-07-05 is 96 days, 5 of them (1–5 May) under V4 (latest to start wins).
    category: 'ELIGIBLE',
    ruleIds: eligible,
    since14: 91,
  },
  {
    name: 'CL-ELIGIBLE: days after 16 all on short breaks → no counted day after 16',
    input: {
      periods: [period('2023-01-01', '2023-06-01'), period('2024-07-01', null)],
      legalStatuses: [legal('C2', '2023-01-01', '2023-06-01'), legal('V3', '2024-07-01', null)],
      asOf: '2024-08-01',
    },
    category: 'NONE',
    ruleIds: [],
    since14: 151,
  },
  {
    name: 'CL-ELIGIBLE: two separate periods add up (60 + 31 = 91)',
    // 2023-01-01 .. 2023-03-01 is 31 + 28 + 1 = 60 days.
    input: { periods: [period('2023-01-01', '2023-03-02'), period('2024-07-01', null)], asOf: '2024-07-31' },
    category: 'ELIGIBLE',
    ruleIds: eligible,
    since14: 91,
  },
  {
    name: 'CL-ELIGIBLE: two separate periods, one day short (60 + 30 = 90)',
    input: { periods: [period('2023-01-01', '2023-03-02'), period('2024-07-01', null)], asOf: '2024-07-30' },
    category: 'NONE',
    ruleIds: [],
    since14: 90,
  },
  {
    name: 'CL-ELIGIBLE: asOf before a period started ignores it',
    input: { periods: [period('2024-07-01', null)], asOf: '2024-06-30' },
    category: 'NONE',
    ruleIds: [],
    since14: 0,
  },
  {
    name: 'CL-ELIGIBLE: an end date after asOf is not yet known (still looked after, not relevant)',
    input: { periods: [period('2024-04-01', '2024-12-01')], asOf: '2024-06-30' },
    category: 'ELIGIBLE',
    ruleIds: eligible,
    since14: 91,
  },
  {
    name: 'CL-ELIGIBLE: under 16 is never eligible, however long in care',
    input: { periods: [period('2020-01-01', null)], asOf: '2024-06-14' },
    category: 'NONE',
    ruleIds: [],
    since14: 731,
  },
  {
    name: 'CL-ELIGIBLE: no date of birth → NONE',
    input: { dateOfBirth: null, periods: [period('2020-01-01', null)], asOf: '2025-01-01' },
    category: 'NONE',
    supportUntil: null,
    ruleIds: [],
  },
  {
    name: 'CL-RELEVANT: left care at 17 after being eligible',
    // 2025-01-01 .. 2025-04-30: 120 days at 16.
    input: { periods: [period('2025-01-01', '2025-05-01')], asOf: '2025-08-01' },
    category: 'RELEVANT',
    supportUntil: twentyFirst,
    ruleIds: relevant,
    since14: 120,
  },
  {
    name: 'CL-RELEVANT: a period of exactly 91 days, closed, was eligible on its last day',
    input: { periods: [period('2024-07-01', addDays('2024-07-01', 91))], asOf: '2025-01-01' },
    category: 'RELEVANT',
    ruleIds: relevant,
    since14: 91,
  },
  {
    name: 'CL-QUALIFYING: a closed period of 90 days after 16 was never eligible',
    input: { periods: [period('2024-07-01', addDays('2024-07-01', 90))], asOf: '2025-01-01' },
    category: 'QUALIFYING',
    ruleIds: qualifying,
    since14: 90,
  },
  {
    name: 'CL-FORMER-RELEVANT: aged 19, relevant at 18 (left care at 16 after being eligible)',
    input: { periods: [period('2025-01-01', '2025-05-01')], asOf: '2027-08-01' },
    category: 'FORMER_RELEVANT',
    supportUntil: twentyFirst,
    ruleIds: formerRelevant,
    since14: 120,
  },
  {
    name: 'CL-FORMER-RELEVANT: aged 19, eligible the day before the 18th birthday, left care at 18',
    input: { periods: [period('2025-01-01', null)], asOf: '2027-08-01' },
    category: 'FORMER_RELEVANT',
    supportUntil: twentyFirst,
    ruleIds: ['CL-LEAVE-18', 'CL-FORMER-RELEVANT', 'CL-SUPPORT-21'],
  },
  {
    name: 'CL-FORMER-RELEVANT: the day before the 21st birthday still applies',
    input: { periods: [period('2025-01-01', '2025-05-01')], asOf: '2029-06-14' },
    category: 'FORMER_RELEVANT',
    ruleIds: formerRelevant,
  },
  {
    name: 'CL-FORMER-RELEVANT: from the 21st birthday the category is NONE (support to 25 only on request)',
    input: { periods: [period('2025-01-01', '2025-05-01')], asOf: twentyFirst },
    category: 'NONE',
    supportUntil: null,
    ruleIds: [],
  },
  {
    name: 'CL-FORMER-RELEVANT: aged 23, NONE',
    input: { periods: [period('2025-01-01', null)], asOf: '2031-08-01' },
    category: 'NONE',
    supportUntil: null,
    ruleIds: [],
  },
  {
    name: 'CL-QUALIFYING: looked after 30 days after 16, then left',
    input: { periods: [period('2024-09-01', '2024-10-01')], asOf: '2025-01-01' },
    category: 'QUALIFYING',
    supportUntil: twentyFirst,
    ruleIds: qualifying,
    since14: 30,
  },
  {
    name: 'CL-QUALIFYING: still looked after (30 days, not eligible) is not a care leaver yet',
    input: { periods: [period('2024-09-01', null)], asOf: '2024-09-30' },
    category: 'NONE',
    ruleIds: [],
    since14: 30,
  },
  {
    name: 'CL-QUALIFYING: short breaks after 16 are still "looked after" for s.24',
    input: {
      periods: [period('2024-09-01', '2024-09-05')],
      legalStatuses: [legal('V3', '2024-09-01', '2024-09-05')],
      asOf: '2025-01-01',
    },
    category: 'QUALIFYING',
    ruleIds: qualifying,
    since14: 0,
  },
  {
    name: 'CL-QUALIFYING: aged 20, looked after briefly at 17',
    input: { periods: [period('2025-09-01', '2025-10-01')], asOf: '2028-09-01' },
    category: 'QUALIFYING',
    supportUntil: twentyFirst,
    ruleIds: qualifying,
  },
  {
    name: 'CL-QUALIFYING: aged 21 → NONE',
    input: { periods: [period('2025-09-01', '2025-10-01')], asOf: '2029-09-01' },
    category: 'NONE',
    supportUntil: null,
    ruleIds: [],
  },
  {
    name: 'CL-QUALIFYING: special guardianship order made while looked after (flag), aged 17',
    input: { periods: [period('2019-01-01', '2020-01-01')], specialGuardianshipOrderMadeWhileLookedAfter: true, asOf: '2025-08-01' },
    category: 'QUALIFYING',
    supportUntil: twentyFirst,
    ruleIds: qualifying,
  },
  {
    name: 'CL-QUALIFYING: special guardianship order flag, aged 15 → NONE',
    input: { periods: [period('2019-01-01', '2020-01-01')], specialGuardianshipOrderMadeWhileLookedAfter: true, asOf: '2024-06-14' },
    category: 'NONE',
    ruleIds: [],
  },
  {
    name: 'CL-QUALIFYING: special guardianship order flag, aged 21 → NONE',
    input: { periods: [], specialGuardianshipOrderMadeWhileLookedAfter: true, asOf: twentyFirst },
    category: 'NONE',
    ruleIds: [],
  },
  {
    name: 'CL-QUALIFYING: the flag does not demote an eligible child',
    input: { periods: [spanning16], specialGuardianshipOrderMadeWhileLookedAfter: true, asOf: '2024-06-30' },
    category: 'ELIGIBLE',
    ruleIds: eligible,
  },
  {
    name: 'CL-LEAVE-18: an open period stops counting at the 18th birthday (75 days, not 123) → qualifying',
    // 2026-04-01 .. 2026-06-14 is 30 + 31 + 14 = 75 days; to 2026-08-01 it would be 123.
    input: { periods: [period('2026-04-01', null)], asOf: '2026-08-01' },
    category: 'QUALIFYING',
    supportUntil: twentyFirst,
    ruleIds: ['CL-LEAVE-18', 'CL-QUALIFYING', 'CL-SUPPORT-21'],
    since14: 75,
  },
  {
    name: 'CL-LEAVE-18: 91 days by the day before the 18th birthday → former relevant',
    // 2026-03-16 .. 2026-06-14 is 16 + 30 + 31 + 14 = 91 days.
    input: { periods: [period('2026-03-16', null)], asOf: '2026-08-01' },
    category: 'FORMER_RELEVANT',
    ruleIds: ['CL-LEAVE-18', 'CL-FORMER-RELEVANT', 'CL-SUPPORT-21'],
    since14: 91,
  },
  {
    name: 'CL-LEAVE-18: a recorded end date after the 18th birthday counts no further',
    input: { periods: [period('2026-04-01', '2026-12-01')], asOf: '2027-01-01' },
    category: 'QUALIFYING',
    ruleIds: ['CL-LEAVE-18', 'CL-QUALIFYING', 'CL-SUPPORT-21'],
    since14: 75,
  },
  {
    name: 'CL-LEAVE-18: on the 18th birthday an open period no longer makes the young person eligible',
    input: { periods: [period('2025-01-01', null)], asOf: '2026-06-15' },
    category: 'FORMER_RELEVANT',
    ruleIds: ['CL-LEAVE-18', 'CL-FORMER-RELEVANT', 'CL-SUPPORT-21'],
  },
  {
    name: 'CL-ELIGIBLE: the day before the 18th birthday an open period is still eligible',
    input: { periods: [period('2025-01-01', null)], asOf: '2026-06-14' },
    category: 'ELIGIBLE',
    ruleIds: eligible,
  },
  // Leap-year birthday (29 February 2008): the 14th birthday is 28 Feb 2022, the 16th 29 Feb 2024.
  {
    name: 'CL-ELIGIBLE: born 29 Feb, 14th birthday on 28 Feb counts (91 days) and one day on the 16th birthday (29 Feb 2024) → relevant',
    // 2022-02-28 .. 2022-05-29 is 1 + 31 + 30 + 29 = 91 days (2022-02-27 is before 14).
    input: {
      dateOfBirth: leapDob,
      periods: [period('2022-02-27', '2022-05-30'), period('2024-02-29', '2024-03-01')],
      asOf: '2024-03-10',
    },
    category: 'RELEVANT',
    supportUntil: '2029-02-28',
    ruleIds: relevant,
    since14: 92,
  },
  {
    name: 'CL-ELIGIBLE: born 29 Feb, leaving care the day before the 16th birthday has no day after 16',
    input: {
      dateOfBirth: leapDob,
      periods: [period('2022-02-27', '2022-05-30'), period('2024-02-20', '2024-02-29')],
      asOf: '2024-03-10',
    },
    category: 'NONE',
    ruleIds: [],
    since14: 100,
  },
  {
    name: 'CL-LEAVE-18: born 29 Feb, care ends on 28 Feb 2026 (the 18th birthday)',
    input: { dateOfBirth: leapDob, periods: [period('2025-01-01', null)], asOf: '2026-02-28' },
    category: 'FORMER_RELEVANT',
    supportUntil: '2029-02-28',
    ruleIds: ['CL-LEAVE-18', 'CL-FORMER-RELEVANT', 'CL-SUPPORT-21'],
  },
  {
    name: 'CL-ELIGIBLE: born 29 Feb, still eligible on 27 Feb 2026',
    input: { dateOfBirth: leapDob, periods: [period('2025-01-01', null)], asOf: '2026-02-27' },
    category: 'ELIGIBLE',
    supportUntil: '2029-02-28',
    ruleIds: eligible,
  },
  {
    name: 'CL-SUPPORT-21: born 29 Feb, former relevant until 27 Feb 2029, NONE on 28 Feb 2029',
    input: { dateOfBirth: leapDob, periods: [period('2025-01-01', null)], asOf: '2029-02-28' },
    category: 'NONE',
    supportUntil: null,
    ruleIds: [],
  },
];

function inputOf(c: Case): CareLeaverInput {
  return {
    ...c.input,
    dateOfBirth: c.input.dateOfBirth === undefined ? dob : c.input.dateOfBirth,
    legalStatuses: c.input.legalStatuses ?? [],
  };
}

describe('careLeaverStatusOn', () => {
  it.each(cases)('$name', (c) => {
    const input = inputOf(c);
    const status = careLeaverStatusOn(input);
    expect(status.category).toBe(c.category);
    expect(status.ruleIds).toEqual(c.ruleIds);
    if (c.supportUntil !== undefined) expect(status.supportUntil).toBe(c.supportUntil);
    if (c.category === 'NONE') expect(status.supportUntil).toBeNull();
    else expect(status.supportUntil).toBe(addYears(input.dateOfBirth!, 21));
    if (c.since14 !== undefined) {
      expect(daysLookedAfterSince14({ ...input, dateOfBirth: input.dateOfBirth! })).toBe(c.since14);
    }
  });

  it('CL-ELIGIBLE: the 16th-birthday count is its own number (days on or after the 16th birthday)', () => {
    const input = { dateOfBirth: dob, periods: [spanning16], legalStatuses: [], asOf: '2024-06-30' };
    expect(daysLookedAfterSince16(input)).toBe(16);
    expect(daysLookedAfterSince16({ ...input, asOf: '2024-06-14' })).toBe(0);
    expect(daysLookedAfterSince16({ ...input, asOf: '2024-06-15' })).toBe(1);
  });

  it('CL-ELIGIBLE: overlapping periods in an extract never count a day twice', () => {
    const input = {
      dateOfBirth: dob,
      periods: [period('2024-04-01', '2024-05-01'), period('2024-04-15', '2024-05-15')],
      legalStatuses: [],
      asOf: '2024-12-01',
    };
    expect(daysLookedAfterSince14(input)).toBe(44);
  });

  it('CL-ELIGIBLE: rejects a date that is not ISO', () => {
    expect(() => careLeaverStatusOn({ dateOfBirth: dob, periods: [], legalStatuses: [], asOf: '2024-13-01' })).toThrow(RangeError);
  });
});

describe('pathwayPlanRequired', () => {
  it('CL-PATHWAY: from the 16th birthday, not the day before', () => {
    expect(pathwayPlanRequired(dob, '2024-06-14')).toBe(false);
    expect(pathwayPlanRequired(dob, '2024-06-15')).toBe(true);
    expect(pathwayPlanRequired(dob, '2025-06-15')).toBe(true);
  });

  it('CL-PATHWAY: born 29 Feb, required from 29 Feb 2024', () => {
    expect(pathwayPlanRequired(leapDob, '2024-02-28')).toBe(false);
    expect(pathwayPlanRequired(leapDob, '2024-02-29')).toBe(true);
  });

  it('CL-PATHWAY: no date of birth → not required', () => {
    expect(pathwayPlanRequired(null, '2024-06-15')).toBe(false);
  });
});

describe('properties', () => {
  const offset = (from: string, min: number, max: number) => fc.integer({ min, max }).map((n) => addDays(from, n));
  const births = offset('2000-01-01', 0, 365 * 12);
  const codes = fc.constantFrom('C2', 'V2', 'V3', 'V4', 'E1');

  it('CL-ELIGIBLE: adding a period entirely before the 14th birthday never changes the answer', () => {
    const scenario = births.chain((born) => {
      const fourteenth = addYears(born, 14);
      const day = (min: number, max: number) => offset(fourteenth, min, max);
      const span = fc.record({
        start: day(-400, 365 * 4 + 100),
        length: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
      });
      return fc.record({
        born: fc.constant(born),
        periods: fc.array(span, { maxLength: 3 }),
        statuses: fc.array(fc.record({ code: codes, span }), { maxLength: 3 }),
        sgo: fc.boolean(),
        asOf: day(-200, 365 * 8),
        // The extra period: ends on or before the 14th birthday.
        extraEndsBefore: fc.integer({ min: 0, max: 2000 }),
        extraLength: fc.integer({ min: 1, max: 2000 }),
        extraCode: fc.option(codes, { nil: null }),
      });
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const toEnd = (start: string, length: number | null) => (length === null ? null : addDays(start, length));
        const periods = s.periods.map((p) => period(p.start, toEnd(p.start, p.length)));
        const legalStatuses = s.statuses.map((st) => legal(st.code, st.span.start, toEnd(st.span.start, st.span.length)));
        const input: CareLeaverInput = {
          dateOfBirth: s.born,
          periods,
          legalStatuses,
          specialGuardianshipOrderMadeWhileLookedAfter: s.sgo,
          asOf: s.asOf,
        };
        const extraEnd = addDays(addYears(s.born, 14), -s.extraEndsBefore);
        const extraStart = addDays(extraEnd, -s.extraLength);
        const extra = period(extraStart, extraEnd);
        const withExtra: CareLeaverInput = {
          ...input,
          periods: [...periods, extra],
          legalStatuses: s.extraCode === null ? legalStatuses : [...legalStatuses, legal(s.extraCode, extraStart, extraEnd)],
        };
        expect(careLeaverStatusOn(withExtra)).toEqual(careLeaverStatusOn(input));
      }),
      { numRuns: 300 },
    );
  });
});

// CL-PATHWAY-REVIEW: born 15 June 2008 (16 on 2024-06-15, 18 on 2026-06-15, 21 on 2029-06-15).
describe('pathwayPlanReviewDue', () => {
      const review = (date: string, kind: MeetingFact['kind'] = 'PATHWAY_PLAN_REVIEW'): MeetingFact => ({ id: `m-${date}-${kind}`, kind, subjectId: null, date });
  const record = (pathwayPlanReviewDate: string | null): CareLeaverRecordFact => ({
    id: 'cl-1',
    eligibility: 'Eligible',
    pathwayPlanReviewDate,
    personalAdviser: null,
    teamId: null,
    teamName: null,
  });
  const due = (over: Partial<PathwayPlanReviewInput>): DueDate | null =>
    pathwayPlanReviewDue({
      dateOfBirth: dob,
      periods: [period('2024-04-01', null)],
      legalStatuses: [],
      careLeaverRecords: [],
      meetings: [],
      reviewsKnown: true,
      calendar,
      policy: defaultPolicy,
      asOf: '2024-07-01',
      ...over,
    });
  const brief = (d: DueDate | null) => (d === null ? null : `${d.ruleId} ${d.dueOn}${d.overdue ? ' overdue' : ''}${d.completionKnown ? '' : ' unknown'}`);

  const cases: { name: string; input: Partial<PathwayPlanReviewInput>; expected: string | null }[] = [
    { name: 'CL-PATHWAY-REVIEW: eligible, looked after on the 16th birthday → 6 months from it', input: {}, expected: 'CL-PATHWAY-REVIEW 2024-12-15' },
    { name: 'CL-PATHWAY-REVIEW: overdue once due with no review held', input: { asOf: '2024-12-16' }, expected: 'CL-PATHWAY-REVIEW 2024-12-15 overdue' },
    {
      name: 'CL-PATHWAY-REVIEW: looked after from after 16 and not yet eligible (CL-PATHWAY) → 6 months from the start of care',
      input: { periods: [period('2024-09-10', null)], asOf: '2024-10-01' },
      expected: 'CL-PATHWAY-REVIEW 2025-03-10',
    },
    {
      name: 'CL-PATHWAY-REVIEW: a review held late: the chain continues from the date it happened',
      input: { meetings: [review('2024-12-20')], asOf: '2025-01-05' },
      expected: 'CL-PATHWAY-REVIEW 2025-06-20',
    },
    {
      name: 'CL-PATHWAY-REVIEW: the held review date on ssd_care_leavers counts when it is the latest',
      input: { meetings: [review('2024-12-20')], careLeaverRecords: [record('2025-02-01')], asOf: '2025-02-05' },
      expected: 'CL-PATHWAY-REVIEW 2025-08-01',
    },
    {
      name: 'CL-PATHWAY-REVIEW: 6 months clamp to the month end (31 Aug 2024 → 28 Feb 2025)',
      input: { meetings: [review('2024-08-31')], asOf: '2024-09-02' },
      expected: 'CL-PATHWAY-REVIEW 2025-02-28',
    },
    {
      name: 'CL-PATHWAY-REVIEW: reviews after asOf and other meeting kinds are ignored',
      input: { meetings: [review('2024-08-01', 'PEP_REVIEW'), review('2024-09-01')], asOf: '2024-08-15' },
      expected: 'CL-PATHWAY-REVIEW 2024-12-15',
    },
    {
      name: 'CL-PATHWAY-REVIEW: a review before the duty began does not pull the chain earlier',
      input: { meetings: [review('2024-05-01')], asOf: '2024-07-01' },
      expected: 'CL-PATHWAY-REVIEW 2024-12-15',
    },
    {
      name: 'CL-PATHWAY-REVIEW: relevant (left care at 16, was eligible) → from the last review',
      input: { periods: [period('2024-04-01', '2025-01-01')], meetings: [review('2024-12-01')], asOf: '2025-03-01' },
      expected: 'CL-PATHWAY-REVIEW 2025-06-01',
    },
    {
      name: 'CL-PATHWAY-REVIEW: former relevant (left care at 18) → from the last review, until 21',
      input: { periods: [period('2024-04-01', '2026-06-15')], meetings: [review('2026-09-01')], asOf: '2027-01-10' },
      expected: 'CL-PATHWAY-REVIEW 2027-03-01',
    },
    {
      name: 'CL-PATHWAY-REVIEW: no PATHWAY_PLAN_REVIEW rows and no held date → completion unknown, never overdue',
      input: { reviewsKnown: false, asOf: '2025-01-10' },
      expected: 'CL-PATHWAY-REVIEW 2024-12-15 unknown',
    },
    {
      name: 'CL-PATHWAY-REVIEW: a held date on ssd_care_leavers makes completion known without meetings',
      input: { reviewsKnown: false, careLeaverRecords: [record('2024-07-01')], asOf: '2025-01-10' },
      expected: 'CL-PATHWAY-REVIEW 2025-01-01 overdue',
    },
    { name: 'CL-PATHWAY-REVIEW: qualifying care leaver (not eligible) → none', input: { periods: [period('2024-07-01', '2024-08-01')], asOf: '2024-10-01' }, expected: null },
    { name: 'CL-PATHWAY-REVIEW: under 16 → none', input: { asOf: '2024-06-14' }, expected: null },
    { name: 'CL-PATHWAY-REVIEW: from the 21st birthday → none', input: { periods: [period('2024-04-01', '2026-06-15')], asOf: twentyFirst }, expected: null },
    { name: 'CL-PATHWAY-REVIEW: no date of birth → none', input: { dateOfBirth: null }, expected: null },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(brief(due(input))).toBe(expected);
  });

  it('CL-PATHWAY-REVIEW: kind PATHWAY_PLAN_REVIEW, statutory, the care-leaver record as subject', () => {
    expect(due({ careLeaverRecords: [record(null)] })).toMatchObject({
      kind: 'PATHWAY_PLAN_REVIEW',
      ruleId: 'CL-PATHWAY-REVIEW',
      basis: 'STATUTORY',
      subjectId: 'cl-1',
      completionKnown: true,
    });
  });
});
