// Child in care schedule (rules.md, "Child in care (CiC, looked after)"): each case names its rule id.

import { describe, expect, it } from 'vitest';
import type { PeriodOfCareFact } from '../src/domain/child-in-care.js';
import {
  careReviewsWithLateness,
  childInCareSchedule,
  nextCareReviewOf,
  type ChildInCareScheduleInput,
} from '../src/domain/child-in-care-schedule.js';
import type { DueDate } from '../src/domain/due-dates.js';
import type { CarePlanFact, CareReviewFact, HealthCheckFact, LegalStatusFact, PlacementFact } from '../src/domain/facts.js';
import { defaultPolicy, type Policy } from '../src/domain/policy.js';
import { calendar } from './support/calendar.js';


const localHealthOff: Policy = {
  ...defaultPolicy,
  rules: { ...defaultPolicy.rules, 'CIC-HEALTH-LOCAL': { ...defaultPolicy.rules['CIC-HEALTH-LOCAL'], applies: false } },
};

// Looked after from Mon 18 Dec 2023 (rules.md example).
const period = (over: Partial<PeriodOfCareFact> = {}): PeriodOfCareFact => ({ id: 'poc-1', startDate: '2023-12-18', endDate: null, episodes: [], ...over });
const review = (heldOn: string | null, id = `r-${heldOn}`, cancelled = false): CareReviewFact => ({ id, periodId: 'poc-1', dueDate: null, heldOn, cancelled });
const status = (code: string, startDate = '2023-12-18', endDate: string | null = null): LegalStatusFact => ({ id: `ls-${code}-${startDate}`, code, startDate, endDate });
const check = (date: string, type = 'Review Health Assessment'): HealthCheckFact => ({ id: `hc-${date}-${type}`, type, date });
const carePlan = (startDate: string): CarePlanFact => ({ id: `cp-${startDate}`, startDate, endDate: null, permanencePlan: null });
const placement = (startDate: string): PlacementFact => ({ id: `pl-${startDate}`, periodId: 'poc-1', startDate, endDate: null, placementType: 'U1' });

// A care plan on the first day, so cases about other rules need not repeat CIC-CARE-PLAN.
function schedule(over: Partial<ChildInCareScheduleInput>): DueDate[] {
  return childInCareSchedule({
    dateOfBirth: '2015-03-01',
    periods: [period()],
    legalStatuses: [status('C2')],
    reviews: [],
    healthChecks: [],
    carePlans: [carePlan('2023-12-18')],
    placements: [],
    calendar,
    policy: defaultPolicy,
    asOf: '2023-12-20',
    ...over,
  });
}

const brief = (d: DueDate) => `${d.ruleId} ${d.dueOn}${d.overdue ? ' overdue' : ''}`;

describe('childInCareSchedule', () => {
  const cases: { name: string; input: Partial<ChildInCareScheduleInput>; expected: string[] }[] = [
    {
      name: 'CIC-REVIEW-1 / CIC-HEALTH-INITIAL / CIC-CARE-PLAN: looked after Mon 18 Dec 2023 → first review Thu 18 Jan 2024; care plan 10 working days',
      input: { carePlans: [] },
      expected: ['CIC-CARE-PLAN 2024-01-04', 'CIC-HEALTH-INITIAL 2024-01-18', 'CIC-REVIEW-1 2024-01-18'],
    },
    {
      name: 'CIC-REVIEW-1 overdue after the due date, not held',
      input: { asOf: '2024-01-19', healthChecks: [check('2024-01-10', 'Initial Health Assessment')] },
      expected: ['CIC-REVIEW-1 2024-01-18 overdue', 'CIC-HEALTH-REVIEW 2025-01-10', 'CIC-HEALTH-LOCAL 2024-07-10'].sort(byDate),
    },
    {
      name: 'CIC-REVIEW-2: 3 months after a late first review (held Fri 19 Jan 2024)',
      input: { asOf: '2024-02-01', reviews: [review('2024-01-19')], healthChecks: [check('2024-01-10', 'Initial Health Assessment')] },
      expected: ['CIC-HEALTH-LOCAL 2024-07-10', 'CIC-HEALTH-REVIEW 2025-01-10', 'CIC-REVIEW-2 2024-04-19'].sort(byDate),
    },
    {
      name: 'CIC-REVIEW-2: month-end clamp (first held 30 Nov → 28 Feb... 3 months is 29 Feb 2024 in a leap year)',
      input: { periods: [period({ startDate: '2023-11-01' })], carePlans: [carePlan('2023-11-01')], asOf: '2023-12-05', reviews: [review('2023-11-30')], healthChecks: [check('2023-11-20', 'Initial Health Assessment')] },
      expected: ['CIC-REVIEW-2 2024-02-29', 'CIC-HEALTH-LOCAL 2024-05-20', 'CIC-HEALTH-REVIEW 2024-11-20'],
    },
    {
      name: 'CIC-REVIEW-N: 6 months after the previous held review, month-end clamp (31 Aug 2024 → 28 Feb 2025); cancelled and future reviews ignored',
      input: {
        asOf: '2024-09-10',
        reviews: [review('2024-01-18'), review('2024-04-18'), review('2024-08-31'), review('2024-09-05', 'cancelled', true), review('2024-09-20')],
        healthChecks: [check('2024-01-10', 'Initial Health Assessment')],
      },
      expected: ['CIC-HEALTH-LOCAL 2024-07-10 overdue', 'CIC-HEALTH-REVIEW 2025-01-10', 'CIC-REVIEW-N 2025-02-28'],
    },
    {
      name: 'CIC-SHORT-BREAK-REVIEW (V3): first review 3 months after the first break; replaces CIC-REVIEW-1 and drops CIC-HEALTH-*',
      input: { legalStatuses: [status('V3')], carePlans: [], asOf: '2024-01-05', healthChecks: [check('2023-12-20', 'Initial Health Assessment')] },
      expected: ['CIC-CARE-PLAN 2024-01-04 overdue', 'CIC-SHORT-BREAK-REVIEW 2024-03-18'],
    },
    {
      name: 'CIC-SHORT-BREAK-REVIEW (V4): then 6 months after the previous held review (not CIC-REVIEW-2)',
      input: { legalStatuses: [status('V4')], asOf: '2024-04-01', reviews: [review('2024-03-15')] },
      expected: ['CIC-SHORT-BREAK-REVIEW 2024-09-15'],
    },
    {
      name: 'CIC-SHORT-BREAK-REVIEW: only the status in force on asOf counts (V3 ended → CIC-REVIEW-2 and health again)',
      input: { legalStatuses: [status('V3', '2023-12-18', '2024-02-01'), status('C2', '2024-02-01')], asOf: '2024-02-05', reviews: [review('2024-01-18')] },
      expected: ['CIC-HEALTH-INITIAL 2024-01-18 overdue', 'CIC-REVIEW-2 2024-04-18'],
    },
    {
      name: 'CIC-CARE-PLAN: within 10 working days of the first placement (Wed 3 Jan 2024 → Wed 17 Jan 2024)',
      input: { periods: [period({ startDate: '2024-01-02' })], carePlans: [], placements: [placement('2024-01-05'), placement('2024-01-03')], asOf: '2024-01-04' },
      expected: ['CIC-CARE-PLAN 2024-01-17', 'CIC-HEALTH-INITIAL 2024-01-30', 'CIC-REVIEW-1 2024-01-30'],
    },
    {
      name: 'CIC-CARE-PLAN: a plan started on or before asOf closes it; one starting after asOf does not',
      input: { periods: [period({ startDate: '2024-01-02' })], carePlans: [carePlan('2024-01-20')], placements: [placement('2024-01-03')], asOf: '2024-01-18' },
      expected: ['CIC-CARE-PLAN 2024-01-17 overdue', 'CIC-HEALTH-INITIAL 2024-01-30', 'CIC-REVIEW-1 2024-01-30'],
    },
    {
      name: 'CIC-CARE-PLAN: a care plan made before the first placement counts',
      input: { periods: [period({ startDate: '2024-01-02' })], carePlans: [carePlan('2023-12-28')], placements: [placement('2024-01-03')], asOf: '2024-01-18' },
      expected: ['CIC-HEALTH-INITIAL 2024-01-30', 'CIC-REVIEW-1 2024-01-30'],
    },
    {
      name: 'CIC-HEALTH-INITIAL: by the first review when it is held earlier than 20 working days; dental/optical checks do not count',
      input: {
        asOf: '2024-01-15',
        reviews: [review('2024-01-10')],
        healthChecks: [check('2024-01-05', 'Dental check'), check('2024-01-08', 'Optical health assessment'), check('2024-01-09', 'Immunisations')],
      },
      expected: ['CIC-HEALTH-INITIAL 2024-01-10 overdue', 'CIC-REVIEW-2 2024-04-10'],
    },
    {
      name: 'CIC-HEALTH-INITIAL: an assessment before the period started does not count',
      input: { healthChecks: [check('2023-06-01', 'Initial Health Assessment')] },
      expected: ['CIC-HEALTH-INITIAL 2024-01-18', 'CIC-REVIEW-1 2024-01-18'],
    },
    {
      name: 'CIC-HEALTH-REVIEW under 5 on the last assessment: 6 months; CIC-HEALTH-LOCAL competes (both stay, statutory first)',
      input: { dateOfBirth: '2021-03-01', asOf: '2024-01-15', healthChecks: [check('2023-12-20', 'Initial Health Assessment'), check('2024-01-10')] },
      expected: ['CIC-REVIEW-1 2024-01-18', 'CIC-HEALTH-REVIEW 2024-07-10', 'CIC-HEALTH-LOCAL 2024-07-10'],
    },
    {
      name: 'CIC-HEALTH-REVIEW from age 5 (5th birthday on the assessment date): 12 months; CIC-HEALTH-LOCAL 6 months is earlier',
      input: { dateOfBirth: '2019-01-10', asOf: '2024-01-15', healthChecks: [check('2024-01-10', 'Initial Health Assessment')] },
      expected: ['CIC-REVIEW-1 2024-01-18', 'CIC-HEALTH-LOCAL 2024-07-10', 'CIC-HEALTH-REVIEW 2025-01-10'],
    },
    {
      name: 'CIC-HEALTH-REVIEW: 4 the day before the 5th birthday → 6 months; CIC-HEALTH-LOCAL switched off',
      input: { dateOfBirth: '2019-01-11', policy: localHealthOff, asOf: '2024-01-15', healthChecks: [check('2024-01-10', 'Initial Health Assessment')] },
      expected: ['CIC-REVIEW-1 2024-01-18', 'CIC-HEALTH-REVIEW 2024-07-10'],
    },
    {
      name: 'CIC-REVIEW-2 with monthsAs DAYS_91_183: 91 days after the first review; 6 months = 183 days, 12 months stay calendar',
      input: { policy: { ...defaultPolicy, monthsAs: 'DAYS_91_183' }, asOf: '2024-02-01', reviews: [review('2024-01-18')], healthChecks: [check('2024-01-10', 'Initial Health Assessment')] },
      expected: ['CIC-HEALTH-LOCAL 2024-07-11', 'CIC-HEALTH-REVIEW 2025-01-10', 'CIC-REVIEW-2 2024-04-18'].sort(byDate),
    },
    { name: 'not looked after on asOf (period ended) → []', input: { periods: [period({ endDate: '2024-01-01' })], asOf: '2024-02-01' }, expected: [] },
    { name: 'asOf before the period start → []', input: { asOf: '2023-12-17' }, expected: [] },
    {
      name: 'an end date after asOf is not yet known: still looked after',
      input: { periods: [period({ endDate: '2024-06-01' })], asOf: '2024-01-02' },
      expected: ['CIC-HEALTH-INITIAL 2024-01-18', 'CIC-REVIEW-1 2024-01-18'],
    },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(schedule(input).map(brief)).toEqual(expected);
  });

  it('stamps kind, basis and the period as subject', () => {
    const dates = schedule({ carePlans: [], asOf: '2024-01-15', healthChecks: [check('2024-01-10', 'Initial Health Assessment')] });
    expect(dates.map((d) => [d.ruleId, d.kind, d.basis, d.subjectId])).toEqual([
      ['CIC-CARE-PLAN', 'CIC_CARE_PLAN', 'STATUTORY', 'poc-1'],
      ['CIC-REVIEW-1', 'CIC_REVIEW', 'STATUTORY', 'poc-1'],
      ['CIC-HEALTH-LOCAL', 'CIC_HEALTH_ASSESSMENT', 'LOCAL', 'poc-1'],
      ['CIC-HEALTH-REVIEW', 'CIC_HEALTH_ASSESSMENT', 'STATUTORY', 'poc-1'],
    ]);
  });

  it('nextCareReviewOf: the period next review, null for another period', () => {
    const dates = schedule({ carePlans: [] });
    expect(nextCareReviewOf(dates, 'poc-1')).toMatchObject({ ruleId: 'CIC-REVIEW-1', dueOn: '2024-01-18' });
    expect(nextCareReviewOf(dates, 'poc-2')).toBeNull();
  });
});

describe('careReviewsWithLateness', () => {
  const lateness = (reviews: CareReviewFact[], legalStatuses: LegalStatusFact[] = [status('C2')], asOf = '2025-06-01') =>
    Object.fromEntries(careReviewsWithLateness({ period: period(), periods: [period()], reviews, legalStatuses, calendar, policy: defaultPolicy, asOf }));

  it('CIC-REVIEW-1/2/N: first late by one day; the chain continues from the reviews actually held', () => {
    expect(
      lateness([
        review('2024-10-20', 'third'), // due 6 months after the second held (2024-10-19): late
        review('2024-01-19', 'first'), // due 2024-01-18: late by one day
        review('2024-02-01', 'cancelled', true),
        review('2024-04-19', 'second'), // due 3 months after the first held: on time
        review(null, 'not-held'),
        review('2025-07-01', 'after-asOf'),
      ]),
    ).toEqual({ first: true, second: false, third: true });
  });

  it('CIC-REVIEW-1 held on its due date is not late', () => {
    expect(lateness([review('2024-01-18', 'first')])).toEqual({ first: false });
  });

  it('CIC-SHORT-BREAK-REVIEW: 3 months after the first break, then 6 months', () => {
    expect(lateness([review('2024-03-18', 'a'), review('2024-09-19', 'b')], [status('V4')])).toEqual({ a: false, b: true });
  });
});

// Reg 48: a series of pre-planned short breaks is one arrangement, each break a period of care of
// its own. Breaks of one week from Mon 8 Jan 2024 and Mon 5 Feb 2024 under V3.
describe('CIC-SHORT-BREAK-REVIEW: a series of short breaks', () => {
  const firstBreak = period({ id: 'break-1', startDate: '2024-01-08', endDate: '2024-01-12' });
  const secondBreak = period({ id: 'break-2', startDate: '2024-02-05', endDate: null });
  const breakReview = (periodId: string, heldOn: string): CareReviewFact => ({ id: `r-${heldOn}`, periodId, dueDate: null, heldOn, cancelled: false });
  const seriesSchedule = (over: Partial<ChildInCareScheduleInput>) =>
    schedule({ periods: [firstBreak, secondBreak], legalStatuses: [status('V3', '2024-01-08')], asOf: '2024-02-06', ...over })
      .filter((d) => d.kind === 'CIC_REVIEW')
      .map(brief);

  it('two breaks a month apart: the first review is due 3 months after the FIRST break (8 Apr 2024), not the second (5 May)', () => {
    expect(seriesSchedule({})).toEqual(['CIC-SHORT-BREAK-REVIEW 2024-04-08']);
  });

  it('a review held during an earlier break of the series: the next is 6 months after it', () => {
    expect(seriesSchedule({ reviews: [breakReview('break-1', '2024-01-10')] })).toEqual(['CIC-SHORT-BREAK-REVIEW 2024-07-10']);
  });

  it('a legal status other than V3/V4 between the breaks ends the series: counted from the later break', () => {
    const statuses = [status('V3', '2024-01-08', '2024-01-12'), status('V2', '2024-01-20', '2024-01-25'), status('V3', '2024-02-05')];
    expect(seriesSchedule({ legalStatuses: statuses })).toEqual(['CIC-SHORT-BREAK-REVIEW 2024-05-05']);
  });

  it('a period that began under another legal status is not part of the series', () => {
    const statuses = [status('C2', '2024-01-08', '2024-01-12'), status('V3', '2024-02-05')];
    expect(seriesSchedule({ legalStatuses: statuses })).toEqual(['CIC-SHORT-BREAK-REVIEW 2024-05-05']);
  });

  it('lateness: a first review held in the second break on 20 Apr 2024 was late (due 8 Apr from the first break)', () => {
    const held = breakReview('break-2', '2024-04-20');
    const late = careReviewsWithLateness({
      period: secondBreak,
      periods: [firstBreak, secondBreak],
      reviews: [held],
      legalStatuses: [status('V3', '2024-01-08')],
      calendar,
      policy: defaultPolicy,
      asOf: '2024-06-01',
    });
    expect(Object.fromEntries(late)).toEqual({ [held.id]: true });
  });
});

function byDate(a: string, b: string): number {
  return a.split(' ')[1]!.localeCompare(b.split(' ')[1]!);
}
