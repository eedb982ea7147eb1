// Child in need and assessment (rules.md, "Child in need (CiN) and assessment"): each case is
// named by the rule it checks. The working-day calendar is the shipped bank-holiday list.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../src/domain/calendar.js';
import {
  childInNeedSchedule,
  nextCinPlanReview,
  teamManagerChairRequired,
  type AssessmentFact,
  type CinPlanMeetingFact,
} from '../src/domain/child-in-need.js';
import { earliest, type DueDate } from '../src/domain/due-dates.js';
import type { ChildInNeedPlanFact } from '../src/domain/facts.js';
import { defaultPolicy, type Policy } from '../src/domain/policy.js';

const lines = readFileSync('src/domain/bank-holidays-england-and-wales.csv', 'utf8').trim().split(/\r?\n/);
expect(lines[0]).toBe('date');
const calendar = new WorkingDayCalendar({ holidays: lines.slice(1), firstYear: 2000, lastYear: 2028 });

function withRules(rules: Partial<Policy['rules']>, monthsAs: Policy['monthsAs'] = 'CALENDAR'): Policy {
  return { ...defaultPolicy, monthsAs, rules: { ...defaultPolicy.rules, ...rules } };
}

const assessment = (referralDate: string | null, startDate: string, authorisedDate: string | null = null): AssessmentFact => ({
  id: 'A1',
  referralId: referralDate ? 'R1' : null,
  referralDate,
  startDate,
  authorisedDate,
});
const plan = (startDate: string, endDate: string | null = null): ChildInNeedPlanFact => ({ id: 'P1', startDate, endDate });
const review = (date: string, subjectId: string | null = 'P1'): CinPlanMeetingFact => ({ id: `M-${date}`, subjectId, date });

type Expected = Pick<DueDate, 'ruleId' | 'dueOn' | 'overdue' | 'completionKnown' | 'subjectId'>;
const due = (ruleId: Expected['ruleId'], dueOn: string, subjectId: string, overdue = false, completionKnown = true): Expected => ({
  ruleId,
  dueOn,
  overdue,
  completionKnown,
  subjectId,
});

interface Case {
  name: string;
  asOf: string;
  assessments?: AssessmentFact[];
  plans?: ChildInNeedPlanFact[];
  reviewMeetings?: CinPlanMeetingFact[];
  reviewsKnown?: boolean;
  policy?: Policy;
  expected: Expected[];
}

const cases: Case[] = [
  // Easter 2024: Good Friday 29 Mar, Easter Monday 1 Apr, early May bank holiday 6 May.
  {
    name: 'CIN-ASSESSMENT: 45 working days over Easter 2024 (referral Mon 4 Mar → Thu 9 May); local 35 days → 8 Apr',
    asOf: '2024-03-10',
    assessments: [assessment('2024-03-04', '2024-03-06')],
    expected: [due('CIN-ASSESSMENT-LOCAL', '2024-04-08', 'A1'), due('CIN-ASSESSMENT', '2024-05-09', 'A1')],
  },
  // Christmas 2023: 25, 26 Dec and 1 Jan skipped.
  {
    name: 'CIN-ASSESSMENT: 45 working days over Christmas 2023 (referral Fri 1 Dec → Wed 7 Feb 2024), overdue after',
    asOf: '2024-02-08',
    assessments: [assessment('2023-12-01', '2023-12-04')],
    expected: [due('CIN-ASSESSMENT-LOCAL', '2024-01-05', 'A1', true), due('CIN-ASSESSMENT', '2024-02-07', 'A1', true)],
  },
  {
    name: 'CIN-ASSESSMENT: counted from the assessment start when no referral date is held',
    asOf: '2023-12-01',
    assessments: [assessment(null, '2023-12-01')],
    expected: [due('CIN-ASSESSMENT-LOCAL', '2024-01-05', 'A1'), due('CIN-ASSESSMENT', '2024-02-07', 'A1')],
  },
  {
    name: 'CIN-ASSESSMENT: authorised on or before asOf → nothing',
    asOf: '2024-04-01',
    assessments: [assessment('2024-03-04', '2024-03-06', '2024-04-01')],
    expected: [],
  },
  {
    name: 'CIN-ASSESSMENT: authorised after asOf is not yet known → still due',
    asOf: '2024-03-31',
    assessments: [assessment('2024-03-04', '2024-03-06', '2024-04-01')],
    expected: [due('CIN-ASSESSMENT-LOCAL', '2024-04-08', 'A1'), due('CIN-ASSESSMENT', '2024-05-09', 'A1')],
  },
  {
    name: 'CIN-ASSESSMENT: asOf before the assessment started → nothing',
    asOf: '2024-03-05',
    assessments: [assessment('2024-03-04', '2024-03-06')],
    expected: [],
  },
  {
    name: 'CIN-ASSESSMENT-LOCAL: switched off by policy → only the statutory date',
    asOf: '2024-03-10',
    assessments: [assessment('2024-03-04', '2024-03-06')],
    policy: withRules({ 'CIN-ASSESSMENT-LOCAL': { applies: false, within: { amount: 35, unit: 'CALENDAR_DAYS' } } }),
    expected: [due('CIN-ASSESSMENT', '2024-05-09', 'A1')],
  },
  {
    name: 'CIN-ASSESSMENT-LOCAL: figure from policy, 10 working days over Easter (Fri 22 Mar → Tue 9 Apr)',
    asOf: '2024-03-25',
    assessments: [assessment('2024-03-22', '2024-03-25')],
    policy: withRules({ 'CIN-ASSESSMENT-LOCAL': { applies: true, within: { amount: 10, unit: 'WORKING_DAYS' } } }),
    // Fri 22 Mar: 25–28 Mar (4), Good Friday and Easter Monday skipped, 2–5 Apr (8), 8–9 Apr (10); 45 working days also skip 6 May and 27 May.
    expected: [due('CIN-ASSESSMENT-LOCAL', '2024-04-09', 'A1'), due('CIN-ASSESSMENT', '2024-05-30', 'A1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-1: first review 4 weeks after the plan start',
    asOf: '2024-01-20',
    plans: [plan('2024-01-10')],
    expected: [due('CIN-PLAN-REVIEW-1', '2024-02-07', 'P1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-1: not held by asOf → overdue',
    asOf: '2024-02-08',
    plans: [plan('2024-01-10')],
    reviewMeetings: [review('2024-02-09'), review('2024-01-20', 'P2'), review('2024-01-09')],
    expected: [due('CIN-PLAN-REVIEW-1', '2024-02-07', 'P1', true)],
  },
  {
    name: 'CIN-PLAN-REVIEW-N: 3 months from a late first review (held 20 Feb, due 7 Feb) → 20 May',
    asOf: '2024-03-01',
    plans: [plan('2024-01-10')],
    reviewMeetings: [review('2024-02-20')],
    expected: [due('CIN-PLAN-REVIEW-N', '2024-05-20', 'P1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-N: the chain continues from the actual date of the latest review',
    asOf: '2024-07-01',
    plans: [plan('2024-01-10')],
    reviewMeetings: [review('2024-06-03'), review('2024-02-20')],
    expected: [due('CIN-PLAN-REVIEW-N', '2024-09-03', 'P1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-N: month-end clamp, 31 May + 3 months = 31 Aug',
    asOf: '2024-06-01',
    plans: [plan('2024-04-01')],
    reviewMeetings: [review('2024-05-31')],
    expected: [due('CIN-PLAN-REVIEW-N', '2024-08-31', 'P1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-N: month-end clamp, 30 Nov 2023 + 3 months = 29 Feb 2024 (leap year)',
    asOf: '2023-12-01',
    plans: [plan('2023-11-01')],
    reviewMeetings: [review('2023-11-30')],
    expected: [due('CIN-PLAN-REVIEW-N', '2024-02-29', 'P1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-N: month-end clamp, 30 Nov 2024 + 3 months = 28 Feb 2025',
    asOf: '2024-12-01',
    plans: [plan('2024-11-01')],
    reviewMeetings: [review('2024-11-30')],
    expected: [due('CIN-PLAN-REVIEW-N', '2025-02-28', 'P1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-N: monthsAs DAYS_91_183 counts 3 months as 91 days',
    asOf: '2024-06-01',
    plans: [plan('2024-04-01')],
    reviewMeetings: [review('2024-05-31')],
    policy: withRules({}, 'DAYS_91_183'),
    expected: [due('CIN-PLAN-REVIEW-N', '2024-08-30', 'P1')],
  },
  {
    name: 'CIN-PLAN-REVIEW-1: unknown reviews → completionKnown false and never overdue',
    asOf: '2024-06-01',
    plans: [plan('2024-01-10')],
    reviewsKnown: false,
    expected: [due('CIN-PLAN-REVIEW-1', '2024-02-07', 'P1', false, false)],
  },
  {
    name: 'CIN-PLAN-REVIEW-1: switched off by policy → nothing before the first review',
    asOf: '2024-01-20',
    plans: [plan('2024-01-10')],
    policy: withRules({ 'CIN-PLAN-REVIEW-1': { applies: false, within: { amount: 4, unit: 'WEEKS' } } }),
    expected: [],
  },
  {
    name: 'CIN-PLAN-REVIEW-N: switched off by policy → nothing after a review',
    asOf: '2024-03-01',
    plans: [plan('2024-01-10')],
    reviewMeetings: [review('2024-02-20')],
    policy: withRules({ 'CIN-PLAN-REVIEW-N': { applies: false, within: { amount: 3, unit: 'MONTHS' } } }),
    expected: [],
  },
  {
    name: 'CIN-PLAN-REVIEW-1: ended plan → nothing',
    asOf: '2024-03-01',
    plans: [plan('2024-01-10', '2024-03-01')],
    expected: [],
  },
  {
    name: 'CIN-PLAN-REVIEW-1: an end after asOf is not yet known → still due',
    asOf: '2024-02-29',
    plans: [plan('2024-01-10', '2024-03-01')],
    expected: [due('CIN-PLAN-REVIEW-1', '2024-02-07', 'P1', true)],
  },
  {
    name: 'CIN-PLAN-REVIEW-1: asOf before the plan started → nothing',
    asOf: '2024-01-09',
    plans: [plan('2024-01-10')],
    expected: [],
  },
];

describe('childInNeedSchedule', () => {
  it.each(cases)('$name', (c) => {
    const schedule = childInNeedSchedule({
      assessments: c.assessments ?? [],
      plans: c.plans ?? [],
      reviewMeetings: c.reviewMeetings ?? [],
      reviewsKnown: c.reviewsKnown ?? true,
      calendar,
      policy: c.policy ?? defaultPolicy,
      asOf: c.asOf,
    });
    expect(schedule.map(({ ruleId, dueOn, overdue, completionKnown, subjectId }) => ({ ruleId, dueOn, overdue, completionKnown, subjectId }))).toEqual(
      c.expected,
    );
  });

  it('CIN-ASSESSMENT-LOCAL: competing, both stay with their basis and the earlier is `earliest`', () => {
    const schedule = childInNeedSchedule({
      assessments: [assessment('2024-03-04', '2024-03-06')],
      plans: [plan('2024-01-10')],
      reviewMeetings: [review('2024-02-20')],
      reviewsKnown: true,
      calendar,
      policy: defaultPolicy,
      asOf: '2024-03-10',
    });
    const assessmentDates = schedule.filter((d) => d.kind === 'ASSESSMENT_COMPLETION');
    expect(assessmentDates.map((d) => [d.ruleId, d.basis])).toEqual([
      ['CIN-ASSESSMENT-LOCAL', 'LOCAL'],
      ['CIN-ASSESSMENT', 'STATUTORY'],
    ]);
    expect(earliest(assessmentDates)).toMatchObject({ ruleId: 'CIN-ASSESSMENT-LOCAL', dueOn: '2024-04-08' });
    expect(nextCinPlanReview(schedule, 'P1')).toMatchObject({ ruleId: 'CIN-PLAN-REVIEW-N', dueOn: '2024-05-20', basis: 'LOCAL' });
    expect(nextCinPlanReview(schedule, 'P2')).toBeNull();
    expect(schedule.map((d) => d.dueOn)).toEqual(['2024-04-08', '2024-05-09', '2024-05-20']);
  });
});

describe('teamManagerChairRequired', () => {
  it.each([
    { name: 'CIN-PLAN-TM-CHAIR: false at exactly 6 months', p: plan('2024-01-15'), asOf: '2024-07-15', expected: false },
    { name: 'CIN-PLAN-TM-CHAIR: true the day after 6 months', p: plan('2024-01-15'), asOf: '2024-07-16', expected: true },
    { name: 'CIN-PLAN-TM-CHAIR: month-end start, 31 Aug + 6 months = 29 Feb → false', p: plan('2023-08-31'), asOf: '2024-02-29', expected: false },
    { name: 'CIN-PLAN-TM-CHAIR: month-end start, true on 1 Mar', p: plan('2023-08-31'), asOf: '2024-03-01', expected: true },
    { name: 'CIN-PLAN-TM-CHAIR: ended plan → false', p: plan('2023-01-15', '2024-07-16'), asOf: '2024-07-16', expected: false },
    { name: 'CIN-PLAN-TM-CHAIR: asOf before the start → false', p: plan('2024-01-15'), asOf: '2024-01-14', expected: false },
  ])('$name', ({ p, asOf, expected }) => {
    expect(teamManagerChairRequired(p, asOf, defaultPolicy)).toBe(expected);
  });

  it('CIN-PLAN-TM-CHAIR: switched off by policy → false; figure from policy', () => {
    const off = withRules({ 'CIN-PLAN-TM-CHAIR': { applies: false, after: { amount: 6, unit: 'MONTHS' } } });
    expect(teamManagerChairRequired(plan('2020-01-15'), '2024-07-16', off)).toBe(false);
    const three = withRules({ 'CIN-PLAN-TM-CHAIR': { applies: true, after: { amount: 3, unit: 'MONTHS' } } });
    expect(teamManagerChairRequired(plan('2024-01-15'), '2024-04-15', three)).toBe(false);
    expect(teamManagerChairRequired(plan('2024-01-15'), '2024-04-16', three)).toBe(true);
  });
});
