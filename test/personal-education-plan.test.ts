// CIC-PEP (rules.md, "Child in care"): a PEP review every school term, one per term. Default
// terms (policy): autumn 1 Sep–31 Dec, spring 1 Jan–31 Mar, summer 1 Apr–31 Aug. Each case
// names the rule id it checks.

import { describe, expect, it } from 'vitest';
import type { PeriodOfCareFact } from '../src/domain/child-in-care.js';
import type { MeetingFact, MeetingKind } from '../src/domain/child-protection.js';
import type { DueDate } from '../src/domain/due-dates.js';
import { personalEducationPlanReviewDue, schoolTermOn, type PersonalEducationPlanInput } from '../src/domain/personal-education-plan.js';
import { defaultPolicy, parsePolicy, type Policy } from '../src/domain/policy.js';

// Looked after from 1 Jun 2023; born 10 May 2012 (11 then).
const period = (over: Partial<PeriodOfCareFact> = {}): PeriodOfCareFact => ({ id: 'poc-1', startDate: '2023-06-01', endDate: null, episodes: [], ...over });
const pep = (date: string, subjectId: string | null = 'poc-1', kind: MeetingKind = 'PEP_REVIEW'): MeetingFact => ({ id: `m-${date}-${kind}`, kind, subjectId, date });
const pepFrom = (fromAge: number): Policy => ({
  ...defaultPolicy,
  readings: { ...defaultPolicy.readings, 'CIC-PEP': { ...defaultPolicy.readings['CIC-PEP'], fromAge } },
});

function pepDue(over: Partial<PersonalEducationPlanInput>): DueDate | null {
  return personalEducationPlanReviewDue({
    period: period(),
    dateOfBirth: '2012-05-10',
    meetings: [pep('2023-07-01')],
    reviewsKnown: true,
    policy: defaultPolicy,
    asOf: '2023-10-10',
    ...over,
  });
}

const brief = (d: DueDate | null) => (d === null ? null : `${d.ruleId} ${d.dueOn}${d.overdue ? ' overdue' : ''}${d.completionKnown ? '' : ' unknown'}`);

describe('schoolTermOn', () => {
  it.each([
    ['CIC-PEP: 31 Mar is the last day of spring', '2024-03-31', ['09-01', '01-01', '04-01'], { start: '2024-01-01', end: '2024-03-31' }],
    ['CIC-PEP: 1 Apr starts summer, which runs to 31 Aug', '2024-04-01', ['09-01', '01-01', '04-01'], { start: '2024-04-01', end: '2024-08-31' }],
    ['CIC-PEP: 31 Dec is in autumn', '2023-12-31', ['09-01', '01-01', '04-01'], { start: '2023-09-01', end: '2023-12-31' }],
    ['CIC-PEP: an authority’s own term starts; a term can span the new year', '2024-01-05', ['09-05', '01-08', '04-22'], { start: '2023-09-05', end: '2024-01-07' }],
  ] as const)('%s', (_name, on, starts, term) => {
    expect(schoolTermOn(on, starts)).toEqual(term);
  });
});

describe('personalEducationPlanReviewDue', () => {
  const cases: { name: string; input: Partial<PersonalEducationPlanInput>; expected: string | null }[] = [
    { name: 'CIC-PEP: no review yet this term → due by the term’s last day', input: {}, expected: 'CIC-PEP 2023-12-31' },
    { name: 'CIC-PEP: one per term — held this term → due by the end of the next', input: { meetings: [pep('2023-07-01'), pep('2023-10-01')] }, expected: 'CIC-PEP 2024-03-31' },
    { name: 'CIC-PEP: two this term still count as one', input: { meetings: [pep('2023-09-05'), pep('2023-10-01')] }, expected: 'CIC-PEP 2024-03-31' },
    { name: 'CIC-PEP: overdue once the term ended without one', input: { asOf: '2024-01-10' }, expected: 'CIC-PEP 2023-12-31 overdue' },
    { name: 'CIC-PEP: a late review (next term) clears it and counts for the term it is held in', input: { meetings: [pep('2023-07-01'), pep('2024-01-09')], asOf: '2024-01-10' }, expected: 'CIC-PEP 2024-08-31' },
    { name: 'CIC-PEP: a review on the term’s last day counts for that term', input: { meetings: [pep('2023-12-31')], asOf: '2024-01-01' }, expected: 'CIC-PEP 2024-03-31' },
    { name: 'CIC-PEP: a review on the term’s first day counts for the new term', input: { meetings: [pep('2024-01-01')], asOf: '2024-01-01' }, expected: 'CIC-PEP 2024-08-31' },
    {
      name: 'CIC-PEP: the term the child came into care counts (looked after 20 Dec → autumn overdue in January)',
      input: { period: period({ startDate: '2023-12-20' }), meetings: [], asOf: '2024-01-05' },
      expected: 'CIC-PEP 2023-12-31 overdue',
    },
    {
      name: 'CIC-PEP: a term before the child came into care does not count',
      input: { period: period({ startDate: '2024-01-02' }), meetings: [], asOf: '2024-01-05' },
      expected: 'CIC-PEP 2024-03-31',
    },
    {
      name: 'CIC-PEP: other kinds, other periods, reviews before the period and after asOf are ignored (summer left without one)',
      input: {
        meetings: [pep('2023-09-10', 'poc-2'), pep('2023-09-11', 'poc-1', 'CIN_PLAN_REVIEW'), pep('2023-05-01'), pep('2023-11-01')],
        asOf: '2023-10-10',
      },
      expected: 'CIC-PEP 2023-08-31 overdue',
    },
    { name: 'CIC-PEP: a review without a subject counts', input: { meetings: [pep('2023-09-10', null)] }, expected: 'CIC-PEP 2024-03-31' },
    {
      name: 'CIC-PEP: no PEP_REVIEW rows in the extract → this term’s end, completion unknown, never overdue',
      input: { meetings: [], reviewsKnown: false, asOf: '2024-01-10' },
      expected: 'CIC-PEP 2024-03-31 unknown',
    },
    { name: 'CIC-PEP: under 3 → none', input: { dateOfBirth: '2021-02-15', asOf: '2024-02-14' }, expected: null },
    { name: 'CIC-PEP: from the 3rd birthday (15 Feb 2024), that term counts', input: { dateOfBirth: '2021-02-15', meetings: [], asOf: '2024-02-20' }, expected: 'CIC-PEP 2024-03-31' },
    {
      name: 'CIC-PEP: the term of the 3rd birthday ended without a review → overdue',
      input: { dateOfBirth: '2021-02-15', meetings: [], asOf: '2024-04-05' },
      expected: 'CIC-PEP 2024-03-31 overdue',
    },
    {
      name: 'CIC-PEP: the term before the 3rd birthday does not count',
      input: { dateOfBirth: '2021-01-05', meetings: [], asOf: '2024-01-10' },
      expected: 'CIC-PEP 2024-03-31',
    },
    { name: 'CIC-PEP: an authority starting PEPs at 2 (policy)', input: { dateOfBirth: '2021-02-15', policy: pepFrom(2), meetings: [pep('2023-12-01')], asOf: '2024-02-14' }, expected: 'CIC-PEP 2024-03-31' },
    { name: 'CIC-PEP: from the 18th birthday → none (CL-LEAVE-18)', input: { dateOfBirth: '2006-01-20', asOf: '2024-01-20' }, expected: null },
    { name: 'CIC-PEP: no date of birth → taken to apply', input: { dateOfBirth: null }, expected: 'CIC-PEP 2023-12-31' },
    { name: 'CIC-PEP: period ended on or before asOf → none', input: { period: period({ endDate: '2023-10-10' }) }, expected: null },
    { name: 'CIC-PEP: asOf before the period start → none', input: { asOf: '2023-05-31' }, expected: null },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(brief(pepDue(input))).toBe(expected);
  });

  it('CIC-PEP: kind CIC_PEP_REVIEW, statutory, the period as subject; never provisional (terms, not working days)', () => {
    expect(pepDue({})).toEqual({
      kind: 'CIC_PEP_REVIEW',
      dueOn: '2023-12-31',
      ruleId: 'CIC-PEP',
      basis: 'STATUTORY',
      overdue: false,
      completionKnown: true,
      subjectId: 'poc-1',
      provisional: false,
    });
  });

  it('CIC-PEP: an authority sets its term starts in its policy file; impossible days are refused', () => {
    const parsed = parsePolicy({ readings: { 'CIC-PEP': { termStarts: ['09-05', '01-08', '04-22'], fromAge: 3 } } });
    expect('policy' in parsed && brief(pepDue({ policy: parsed.policy, asOf: '2024-01-05' }))).toBe('CIC-PEP 2024-01-07');
    expect(parsePolicy({ readings: { 'CIC-PEP': { termStarts: ['02-29'], fromAge: 3 } } })).toEqual({
      problems: ['readings.CIC-PEP.termStarts.0: not a day of every year (mm-dd)'],
    });
  });
});
