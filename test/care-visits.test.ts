// Social worker visits (rules.md, "Child in care"; reg 28): each case names the rule id it checks.
// Dates are worked by hand: 1 week = 7 days, 6 weeks = 42 days, months clamp to the month end.

import { describe, expect, it } from 'vitest';
import { careVisitsDue, type CareVisitFact, type CareVisitsInput } from '../src/domain/care-visits.js';
import type { PeriodOfCareFact } from '../src/domain/child-in-care.js';
import type { DueDate } from '../src/domain/due-dates.js';
import type { CareReviewFact, LegalStatusFact, PlacementFact } from '../src/domain/facts.js';
import { defaultPolicy, type Policy } from '../src/domain/policy.js';
import { calendar } from './support/calendar.js';


// Looked after from Mon 8 Jan 2024.
const period = (over: Partial<PeriodOfCareFact> = {}): PeriodOfCareFact => ({ id: 'poc-1', startDate: '2024-01-08', endDate: null, episodes: [], ...over });
const placement = (placementType: string, startDate = '2024-01-08', endDate: string | null = null): PlacementFact => ({
  id: `pl-${startDate}`,
  periodId: 'poc-1',
  startDate,
  endDate,
  placementType,
});
const status = (code: string, startDate = '2024-01-08', endDate: string | null = null): LegalStatusFact => ({ id: `ls-${code}-${startDate}`, code, startDate, endDate });
const review = (heldOn: string): CareReviewFact => ({ id: `r-${heldOn}`, periodId: 'poc-1', dueDate: null, heldOn, cancelled: false });
const visit = (date: string, periodId: string | null = 'poc-1'): CareVisitFact => ({ id: `v-${date}-${periodId}`, periodId, date });

const withReadings = (readings: Partial<Policy['readings']>): Policy => ({ ...defaultPolicy, readings: { ...defaultPolicy.readings, ...readings } });
const childAgrees = withReadings({ 'CIC-VISIT-LONG-TERM-FOSTER': { childAgrees: true } });
const atHome = (over: Partial<Policy['rules']['CIC-VISIT-AT-HOME']>): Policy => ({
  ...defaultPolicy,
  rules: { ...defaultPolicy.rules, 'CIC-VISIT-AT-HOME': { ...defaultPolicy.rules['CIC-VISIT-AT-HOME'], ...over } },
});

// A foster placement that is not long-term (U6) under a full care order, unless a case says otherwise.
function visitsDue(over: Partial<CareVisitsInput>): DueDate[] {
  return careVisitsDue({
    period: period(),
    placements: [placement('U6')],
    legalStatuses: [status('C2')],
    reviews: [],
    visits: [],
    calendar,
    policy: defaultPolicy,
    asOf: '2024-01-10',
    ...over,
  });
}

const brief = (d: DueDate) => `${d.ruleId} ${d.dueOn}${d.overdue ? ' overdue' : ''}`;

// Placed with a parent (P1), and a long-term foster placement (U4) that started a year before.
const home = [placement('P1')];
const longTerm = { period: period({ startDate: '2023-01-09' }), placements: [placement('U4', '2023-01-09')] };

describe('careVisitsDue', () => {
  const cases: { name: string; input: Partial<CareVisitsInput>; expected: string[] }[] = [
    { name: 'CIC-VISIT-FIRST: within 1 week of the placement (Mon 8 Jan 2024 → Mon 15 Jan)', input: {}, expected: ['CIC-VISIT-FIRST 2024-01-15'] },
    { name: 'CIC-VISIT-FIRST: overdue the day after, with no visit', input: { asOf: '2024-01-16' }, expected: ['CIC-VISIT-FIRST 2024-01-15 overdue'] },
    {
      name: 'CIC-VISIT-FIRST: with no placement recorded, the period start stands for it',
      input: { placements: [] },
      expected: ['CIC-VISIT-FIRST 2024-01-15'],
    },
    {
      name: 'CIC-VISIT-YEAR-1: 6 weeks after the first visit (12 Jan → 23 Feb 2024)',
      input: { visits: [visit('2024-01-12')], asOf: '2024-01-20' },
      expected: ['CIC-VISIT-YEAR-1 2024-02-23'],
    },
    {
      name: 'CIC-VISIT-YEAR-1: a visit held late (1 Mar, due 23 Feb): the chain continues from it (→ 12 Apr)',
      input: { visits: [visit('2024-01-12'), visit('2024-03-01')], asOf: '2024-03-05' },
      expected: ['CIC-VISIT-YEAR-1 2024-04-12'],
    },
    {
      name: 'CIC-VISIT-YEAR-1: visits after asOf, of another period, or before the placement are ignored; one without a period counts',
      input: {
        visits: [visit('2024-01-05'), visit('2024-01-12', null), visit('2024-01-19', 'poc-2'), visit('2024-02-01')],
        asOf: '2024-01-25',
      },
      expected: ['CIC-VISIT-YEAR-1 2024-02-23'],
    },
    {
      name: 'CIC-VISIT-FIRST: a placement change (Mon 4 Mar) restarts the chain; earlier visits do not count',
      input: { placements: [placement('U6', '2024-01-08', '2024-03-04'), placement('U6', '2024-03-04')], visits: [visit('2024-01-12'), visit('2024-02-20')], asOf: '2024-03-06' },
      expected: ['CIC-VISIT-FIRST 2024-03-11'],
    },
    {
      name: 'CIC-VISIT-YEAR-1: a visit on the new placement’s first day is its first visit (4 Mar → 15 Apr)',
      input: { placements: [placement('U6', '2024-01-08', '2024-03-04'), placement('U6', '2024-03-04')], visits: [visit('2024-03-04')], asOf: '2024-03-06' },
      expected: ['CIC-VISIT-YEAR-1 2024-04-15'],
    },
    {
      name: 'CIC-VISIT-YEAR-1: a visit the day before the placement’s first anniversary still starts a 6-week interval (8 Jan → 19 Feb)',
      input: { ...longTerm, visits: [visit('2024-01-08')], asOf: '2024-01-10' },
      expected: ['CIC-VISIT-YEAR-1 2024-02-19'],
    },
    {
      name: 'CIC-VISIT-LATER: after the first year, long-term fostering (U4, intended to last until 18) → 3 months (9 Jan → 9 Apr)',
      input: { ...longTerm, visits: [visit('2024-01-09')], asOf: '2024-01-10' },
      expected: ['CIC-VISIT-LATER 2024-04-09'],
    },
    {
      name: 'CIC-VISIT-LATER: after the first year, any other placement (U6) → 6 weeks (9 Jan → 20 Feb)',
      input: { period: period({ startDate: '2023-01-09' }), placements: [placement('U6', '2023-01-09')], visits: [visit('2024-01-09')], asOf: '2024-01-10' },
      expected: ['CIC-VISIT-LATER 2024-02-20'],
    },
    {
      name: 'CIC-VISIT-LATER: 3 months clamp to the month end (U1, 30 Nov 2023 → 29 Feb 2024)',
      input: { period: period({ startDate: '2022-08-31' }), placements: [placement('U1', '2022-08-31')], visits: [visit('2023-11-30')], asOf: '2023-12-05' },
      expected: ['CIC-VISIT-LATER 2024-02-29'],
    },
    {
      name: 'CIC-VISIT-LONG-TERM-FOSTER: stable a year and the child agrees (policy reading) → 6 months (9 Jan → 9 Jul)',
      input: { ...longTerm, policy: childAgrees, visits: [visit('2024-01-09')], asOf: '2024-01-10' },
      expected: ['CIC-VISIT-LONG-TERM-FOSTER 2024-07-09'],
    },
    {
      name: 'CIC-VISIT-LONG-TERM-FOSTER: not in the first year of the placement, even when the child agrees',
      input: { ...longTerm, policy: childAgrees, visits: [visit('2024-01-08')], asOf: '2024-01-10' },
      expected: ['CIC-VISIT-YEAR-1 2024-02-19'],
    },
    {
      name: 'CIC-VISIT-WITH-PARENT: P1 under S.20 (read as before the parent’s assessment is complete): within 1 week',
      input: { placements: home, legalStatuses: [status('V2')] },
      expected: ['CIC-VISIT-WITH-PARENT 2024-01-15'],
    },
    {
      name: 'CIC-VISIT-WITH-PARENT: weekly until the first review is held (12 Jan → 19 Jan)',
      input: { placements: home, legalStatuses: [status('V2')], visits: [visit('2024-01-12')], asOf: '2024-01-14' },
      expected: ['CIC-VISIT-WITH-PARENT 2024-01-19'],
    },
    {
      name: 'CIC-VISIT-WITH-PARENT: a visit before the first review (held 1 Feb) keeps the weekly interval (30 Jan → 6 Feb)',
      input: { placements: home, legalStatuses: [status('V2')], reviews: [review('2024-02-01')], visits: [visit('2024-01-30')], asOf: '2024-02-03' },
      expected: ['CIC-VISIT-WITH-PARENT 2024-02-06'],
    },
    {
      name: 'CIC-VISIT-WITH-PARENT: after the first review, 6 weeks (2 Feb → 15 Mar)',
      input: { placements: home, legalStatuses: [status('V2')], reviews: [review('2024-02-01')], visits: [visit('2024-02-02')], asOf: '2024-02-03' },
      expected: ['CIC-VISIT-WITH-PARENT 2024-03-15'],
    },
    {
      name: 'CIC-VISIT-ICO-AT-HOME: interim care order and living with a parent, weekly before the first review; CIC-VISIT-AT-HOME competes (same day: statutory first)',
      input: { placements: home, legalStatuses: [status('C1')], visits: [visit('2024-01-12')], asOf: '2024-01-14' },
      expected: ['CIC-VISIT-ICO-AT-HOME 2024-01-19', 'CIC-VISIT-AT-HOME 2024-01-19'],
    },
    {
      name: 'CIC-VISIT-ICO-AT-HOME: 4 weeks after the first review (6 Feb → 5 Mar); CIC-VISIT-AT-HOME still weekly and earlier (→ 13 Feb)',
      input: { placements: home, legalStatuses: [status('C1')], reviews: [review('2024-02-05')], visits: [visit('2024-01-12'), visit('2024-02-06')], asOf: '2024-02-08' },
      expected: ['CIC-VISIT-AT-HOME 2024-02-13', 'CIC-VISIT-ICO-AT-HOME 2024-03-05'],
    },
    {
      name: 'CIC-VISIT-AT-HOME: overdue while the statutory visit is not yet due (visit 6 Feb; asOf 14 Feb)',
      input: { placements: home, legalStatuses: [status('C1')], reviews: [review('2024-02-05')], visits: [visit('2024-02-06')], asOf: '2024-02-14' },
      expected: ['CIC-VISIT-AT-HOME 2024-02-13 overdue', 'CIC-VISIT-ICO-AT-HOME 2024-03-05'],
    },
    {
      name: 'CIC-VISIT-AT-HOME: the policy figure (every 2 weeks: 12 Jan → 26 Jan)',
      input: { placements: home, legalStatuses: [status('C1')], visits: [visit('2024-01-12')], asOf: '2024-01-14', policy: atHome({ every: { amount: 2, unit: 'WEEKS' } }) },
      expected: ['CIC-VISIT-ICO-AT-HOME 2024-01-19', 'CIC-VISIT-AT-HOME 2024-01-26'],
    },
    {
      name: 'CIC-VISIT-AT-HOME: switched off, only the statutory visit stays',
      input: { placements: home, legalStatuses: [status('C1')], visits: [visit('2024-01-12')], asOf: '2024-01-14', policy: atHome({ applies: false }) },
      expected: ['CIC-VISIT-ICO-AT-HOME 2024-01-19'],
    },
    {
      name: 'CIC-VISIT-AT-HOME: not for a child placed with a parent under S.20 (not S.31)',
      input: { placements: home, legalStatuses: [status('V2')], asOf: '2024-01-10' },
      expected: ['CIC-VISIT-WITH-PARENT 2024-01-15'],
    },
    {
      name: 'CIC-VISIT-CARE-ORDER-AT-HOME: a care order (Fri 1 Mar) for a child at home under an ICO: within 1 week of the order, earlier visits aside',
      input: { placements: home, legalStatuses: [status('C1', '2024-01-08', '2024-03-01'), status('C2', '2024-03-01')], visits: [visit('2024-02-26')], asOf: '2024-03-04' },
      expected: ['CIC-VISIT-CARE-ORDER-AT-HOME 2024-03-08', 'CIC-VISIT-AT-HOME 2024-03-08'],
    },
    {
      name: 'CIC-VISIT-CARE-ORDER-AT-HOME: then 6 weeks (5 Mar → 16 Apr); CIC-VISIT-AT-HOME weekly (→ 12 Mar)',
      input: { placements: home, legalStatuses: [status('C1', '2024-01-08', '2024-03-01'), status('C2', '2024-03-01')], visits: [visit('2024-03-05')], asOf: '2024-03-06' },
      expected: ['CIC-VISIT-AT-HOME 2024-03-12', 'CIC-VISIT-CARE-ORDER-AT-HOME 2024-04-16'],
    },
    {
      name: 'CIC-VISIT-CARE-ORDER-AT-HOME: moving home (Mon 4 Mar) under an earlier care order starts the chain at the move',
      input: { placements: [placement('U6', '2024-01-08', '2024-03-04'), placement('P1', '2024-03-04')], visits: [visit('2024-02-20')], asOf: '2024-03-05' },
      expected: ['CIC-VISIT-CARE-ORDER-AT-HOME 2024-03-11', 'CIC-VISIT-AT-HOME 2024-03-11'],
    },
    {
      name: 'CIC-VISIT-ICO-AT-HOME: temporary connected-person approval (U3, first 16 weeks), weekly before the first review',
      input: { placements: [placement('U3')], legalStatuses: [status('V2')], visits: [visit('2024-01-12')], asOf: '2024-01-14' },
      expected: ['CIC-VISIT-ICO-AT-HOME 2024-01-19'],
    },
    {
      name: 'CIC-VISIT-ICO-AT-HOME: temporary approval, 4 weeks after the first review (20 Apr → 18 May), the day before the 16 weeks end',
      input: { placements: [placement('U3')], legalStatuses: [status('V2')], reviews: [review('2024-02-05')], visits: [visit('2024-04-20')], asOf: '2024-04-28' },
      expected: ['CIC-VISIT-ICO-AT-HOME 2024-05-18'],
    },
    {
      name: 'CIC-VISIT-YEAR-1: 16 weeks after a U3 placement started (Mon 29 Apr) it is read as fully approved (20 Apr → 1 Jun)',
      input: { placements: [placement('U3')], legalStatuses: [status('V2')], reviews: [review('2024-02-05')], visits: [visit('2024-04-20')], asOf: '2024-04-29' },
      expected: ['CIC-VISIT-YEAR-1 2024-06-01'],
    },
    {
      name: 'CIC-VISIT-FIRST: a U3 placement is ordinary fostering when the authority reads no type as temporary approval',
      input: { placements: [placement('U3')], policy: withReadings({ 'CIC-VISIT-ICO-AT-HOME': { temporaryApprovalPlacementTypes: [], temporaryApprovalFor: { amount: 16, unit: 'WEEKS' } } }) },
      expected: ['CIC-VISIT-FIRST 2024-01-15'],
    },
    { name: 'CIC-SHORT-BREAK-REVIEW: short breaks (V3): reg 28(2) intervals do not apply → []', input: { legalStatuses: [status('V3')], asOf: '2024-02-01' }, expected: [] },
    { name: 'CIC-SHORT-BREAK-REVIEW: short breaks (V4) at home too → []', input: { placements: home, legalStatuses: [status('V4')], asOf: '2024-02-01' }, expected: [] },
    {
      name: 'CIC-SHORT-BREAK-REVIEW: only the status in force on asOf counts (V3 ended → CIC-VISIT-FIRST again due)',
      input: { legalStatuses: [status('V3', '2024-01-08', '2024-01-09'), status('C2', '2024-01-09')], asOf: '2024-01-16' },
      expected: ['CIC-VISIT-FIRST 2024-01-15 overdue'],
    },
    { name: 'CIC-VISIT-FIRST: period ended on or before asOf → []', input: { period: period({ endDate: '2024-01-12' }), asOf: '2024-01-20' }, expected: [] },
    { name: 'CIC-VISIT-FIRST: asOf before the period start → []', input: { asOf: '2024-01-07' }, expected: [] },
    {
      name: 'CIC-VISIT-FIRST: an end date after asOf is not yet known (still looked after); a placement starting after asOf is ignored',
      input: { period: period({ endDate: '2024-03-01' }), placements: [placement('U6'), placement('P1', '2024-01-20')], asOf: '2024-01-10' },
      expected: ['CIC-VISIT-FIRST 2024-01-15'],
    },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(visitsDue(input).map(brief)).toEqual(expected);
  });

  it('CIC-VISIT-ICO-AT-HOME / CIC-VISIT-AT-HOME: kind CIC_VISIT, the period as subject, each rule’s basis', () => {
    const due = visitsDue({ placements: home, legalStatuses: [status('C1')] });
    expect(due.map((d) => [d.kind, d.ruleId, d.basis, d.subjectId, d.completionKnown])).toEqual([
      ['CIC_VISIT', 'CIC-VISIT-ICO-AT-HOME', 'STATUTORY', 'poc-1', true],
      ['CIC_VISIT', 'CIC-VISIT-AT-HOME', 'LOCAL', 'poc-1', true],
    ]);
  });
});
