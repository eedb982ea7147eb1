// Child protection schedule (rules.md, "Child protection (CP)"): each case names its rule id.

import { describe, expect, it } from 'vitest';
import {
  childProtectionSchedule,
  nextReviewOf,
  type ChildProtectionScheduleInput,
  type CpReviewFact,
  type InitialConferenceFact,
  type MeetingFact,
  type S47EnquiryFact,
} from '../src/domain/child-protection.js';
import type { DueDate } from '../src/domain/due-dates.js';
import type { ChildProtectionPlanFact } from '../src/domain/facts.js';
import { defaultPolicy, type Policy } from '../src/domain/policy.js';
import { calendar } from './support/calendar.js';


const s47Off: Policy = { ...defaultPolicy, rules: { ...defaultPolicy.rules, 'CP-S47': { ...defaultPolicy.rules['CP-S47'], applies: false } } };
const days91: Policy = { ...defaultPolicy, monthsAs: 'DAYS_91_183' };

const enquiry = (over: Partial<S47EnquiryFact> = {}): S47EnquiryFact => ({ id: 's47-1', startDate: '2023-05-04', endDate: null, strategyDate: null, ...over });
const plan = (over: Partial<ChildProtectionPlanFact> = {}): ChildProtectionPlanFact => ({
  id: 'cpp-1',
  startDate: '2023-05-26',
  endDate: null,
  initialCategory: 'NEG',
  latestCategory: 'NEG',
  ...over,
});
const icpc = (over: Partial<InitialConferenceFact> = {}): InitialConferenceFact => ({ id: 'icpc-1', s47Id: 's47-1', planId: 'cpp-1', date: '2023-05-26', ...over });
const review = (heldOn: string | null, id = 'r1'): CpReviewFact => ({ id, planId: 'cpp-1', dueDate: null, heldOn });
const coreGroup = (date: string, subjectId = 'cpp-1'): MeetingFact => ({ id: `cg-${date}`, kind: 'CP_CORE_GROUP', subjectId, date });

function schedule(over: Partial<ChildProtectionScheduleInput>): DueDate[] {
  return childProtectionSchedule({
    enquiries: [],
    conferences: [],
    plans: [],
    reviews: [],
    meetings: [],
    coreGroupsKnown: true,
    calendar,
    policy: defaultPolicy,
    asOf: '2023-05-10',
    ...over,
  });
}

type Brief = Pick<DueDate, 'kind' | 'ruleId' | 'dueOn' | 'subjectId' | 'overdue' | 'completionKnown'>;
const brief = (d: DueDate): Brief => ({ kind: d.kind, ruleId: d.ruleId, dueOn: d.dueOn, subjectId: d.subjectId, overdue: d.overdue, completionKnown: d.completionKnown });
const due = (ruleId: DueDate['ruleId'], kind: DueDate['kind'], dueOn: string, subjectId: string, overdue = false, completionKnown = true): Brief => ({
  kind,
  ruleId,
  dueOn,
  subjectId,
  overdue,
  completionKnown,
});

const cases: { name: string; input: Partial<ChildProtectionScheduleInput>; expected: Brief[] }[] = [
  {
    name: 'CP-ICPC: strategy Thu 4 May 2023 → ICPC due Fri 26 May 2023 (8 May bank holiday); CP-S47 10 calendar days from the S.47 start 5 May → 15 May',
    input: { enquiries: [enquiry({ strategyDate: '2023-05-04', startDate: '2023-05-05' })] },
    expected: [due('CP-S47', 'S47_COMPLETION', '2023-05-15', 's47-1'), due('CP-ICPC', 'CP_INITIAL_CONFERENCE', '2023-05-26', 's47-1')],
  },
  {
    name: 'CP-ICPC: no strategy date → from the S.47 start (Thu 4 May 2023 → 26 May)',
    input: { enquiries: [enquiry()], policy: s47Off },
    expected: [due('CP-ICPC', 'CP_INITIAL_CONFERENCE', '2023-05-26', 's47-1')],
  },
  {
    name: 'CP-ICPC: ICPC held → no ICPC due',
    input: { enquiries: [enquiry()], conferences: [icpc({ date: '2023-05-09', planId: null })], policy: s47Off },
    expected: [],
  },
  {
    name: 'CP-ICPC: ICPC dated after asOf is not yet held → still due',
    input: { enquiries: [enquiry()], conferences: [icpc({ date: '2023-05-20', planId: null })], policy: s47Off },
    expected: [due('CP-ICPC', 'CP_INITIAL_CONFERENCE', '2023-05-26', 's47-1')],
  },
  {
    name: 'CP-ICPC: enquiry ended (NFA) before asOf without an ICPC → nothing; CP-S47 completed too',
    input: { enquiries: [enquiry({ endDate: '2023-05-08' })] },
    expected: [],
  },
  {
    name: 'CP-ICPC: enquiry starting after asOf is ignored',
    input: { enquiries: [enquiry({ startDate: '2023-05-11' })] },
    expected: [],
  },
  {
    name: 'CP-ICPC: overdue when due before asOf',
    input: { enquiries: [enquiry()], policy: s47Off, asOf: '2023-05-30' },
    expected: [due('CP-ICPC', 'CP_INITIAL_CONFERENCE', '2023-05-26', 's47-1', true)],
  },
  {
    name: 'CP-S47: 10 calendar days from the start (4 May → 14 May, a Sunday, not moved); overdue after',
    input: { enquiries: [enquiry()], conferences: [icpc({ date: '2023-05-09', planId: null })], asOf: '2023-05-15' },
    expected: [due('CP-S47', 'S47_COMPLETION', '2023-05-14', 's47-1', true)],
  },
  {
    name: 'CP-S47: an end date after asOf is not yet known → still open',
    input: { enquiries: [enquiry({ endDate: '2023-05-12' })], conferences: [icpc({ date: '2023-05-09', planId: null })] },
    expected: [due('CP-S47', 'S47_COMPLETION', '2023-05-14', 's47-1')],
  },
  {
    name: 'CP-S47: switched off by a policy with applies:false',
    input: { enquiries: [enquiry()], conferences: [icpc({ date: '2023-05-09', planId: null })], policy: s47Off },
    expected: [],
  },
  {
    name: 'CP-CORE-GROUP: 10 working days after the ICPC (Fri 26 May 2023 → Mon 12 Jun, 29 May bank holiday); CP-RCPC-1 26 Aug',
    input: { plans: [plan()], conferences: [icpc()], asOf: '2023-06-01' },
    expected: [due('CP-CORE-GROUP', 'CP_CORE_GROUP', '2023-06-12', 'cpp-1'), due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2023-08-26', 'cpp-1')],
  },
  {
    name: 'CP-CORE-GROUP: held → gone',
    input: { plans: [plan()], conferences: [icpc()], meetings: [coreGroup('2023-06-08')], asOf: '2023-06-20' },
    expected: [due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2023-08-26', 'cpp-1')],
  },
  {
    name: "CP-CORE-GROUP: another plan's core group, or one before the ICPC, does not count → overdue",
    input: { plans: [plan()], conferences: [icpc()], meetings: [coreGroup('2023-06-08', 'cpp-2'), coreGroup('2023-05-25')], asOf: '2023-06-20' },
    expected: [due('CP-CORE-GROUP', 'CP_CORE_GROUP', '2023-06-12', 'cpp-1', true), due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2023-08-26', 'cpp-1')],
  },
  {
    name: 'CP-CORE-GROUP: core groups unknown → projected, completionKnown false, never overdue',
    input: { plans: [plan()], conferences: [icpc()], coreGroupsKnown: false, asOf: '2023-06-20' },
    expected: [due('CP-CORE-GROUP', 'CP_CORE_GROUP', '2023-06-12', 'cpp-1', false, false), due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2023-08-26', 'cpp-1')],
  },
  {
    name: 'CP-RCPC-1: 3 months after the ICPC, clamped to the month end (30 Nov 2023 → 29 Feb 2024)',
    input: { plans: [plan({ startDate: '2023-11-30' })], conferences: [icpc({ date: '2023-11-30' })], meetings: [coreGroup('2023-12-07')], asOf: '2023-12-20' },
    expected: [due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2024-02-29', 'cpp-1')],
  },
  {
    name: 'CP-RCPC-1: no ICPC date → from the plan start; overdue once past',
    input: { plans: [plan({ startDate: '2023-01-10' })], meetings: [coreGroup('2023-01-20')], asOf: '2023-04-11' },
    expected: [due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2023-04-10', 'cpp-1', true)],
  },
  {
    name: 'CP-RCPC-1: monthsAs DAYS_91_183 → ICPC 10 Jan 2023 + 91 days = 11 Apr 2023',
    input: { plans: [plan({ startDate: '2023-01-10' })], conferences: [icpc({ date: '2023-01-10' })], meetings: [coreGroup('2023-01-20')], policy: days91, asOf: '2023-02-01' },
    expected: [due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2023-04-11', 'cpp-1')],
  },
  {
    name: 'CP-RCPC-N: 6 months from a review held late (due 10 Apr, held 1 May 2023 → 1 Nov 2023)',
    input: { plans: [plan({ startDate: '2023-01-10' })], conferences: [icpc({ date: '2023-01-10' })], meetings: [coreGroup('2023-01-20')], reviews: [review('2023-05-01')], asOf: '2023-06-01' },
    expected: [due('CP-RCPC-N', 'CP_REVIEW_CONFERENCE', '2023-11-01', 'cpp-1')],
  },
  {
    name: 'CP-RCPC-N: chain continues from the latest held review; a review row not yet held keeps the chain open',
    input: {
      plans: [plan({ startDate: '2023-01-10' })],
      conferences: [icpc({ date: '2023-01-10' })],
      meetings: [coreGroup('2023-01-20')],
      reviews: [review('2023-11-20', 'r2'), review('2023-05-01', 'r1'), review(null, 'r3'), review('2024-06-01', 'r4')],
      asOf: '2024-05-25',
    },
    expected: [due('CP-RCPC-N', 'CP_REVIEW_CONFERENCE', '2024-05-20', 'cpp-1', true)],
  },
  {
    name: 'CP-RCPC-N: monthsAs DAYS_91_183 → held 1 May 2023 + 183 days = 31 Oct 2023',
    input: { plans: [plan({ startDate: '2023-01-10' })], conferences: [icpc({ date: '2023-01-10' })], meetings: [coreGroup('2023-01-20')], reviews: [review('2023-05-01')], policy: days91, asOf: '2023-06-01' },
    expected: [due('CP-RCPC-N', 'CP_REVIEW_CONFERENCE', '2023-10-31', 'cpp-1')],
  },
  {
    name: 'CP-RCPC-1: plan ended on or before asOf → nothing',
    input: { plans: [plan({ endDate: '2023-06-01' })], conferences: [icpc()], asOf: '2023-06-01' },
    expected: [],
  },
  {
    name: 'CP-RCPC-1: plan end after asOf is not yet known → still scheduled',
    input: { plans: [plan({ endDate: '2023-07-01' })], conferences: [icpc()], meetings: [coreGroup('2023-06-08')], asOf: '2023-06-20' },
    expected: [due('CP-RCPC-1', 'CP_REVIEW_CONFERENCE', '2023-08-26', 'cpp-1')],
  },
  {
    name: 'CP-RCPC-1: asOf before the plan started → nothing for it',
    input: { plans: [plan()], conferences: [icpc()], asOf: '2023-05-25' },
    expected: [],
  },
];

describe('childProtectionSchedule', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(schedule(input).map(brief)).toEqual(expected);
  });

  it('CP-ICPC / CP-RCPC-1: basis from the rule catalogue; sorted by due date', () => {
    const result = schedule({ enquiries: [enquiry()], plans: [plan({ id: 'cpp-0', startDate: '2023-02-01' })], asOf: '2023-05-10' });
    expect(result.map((d) => [d.ruleId, d.basis, d.dueOn])).toEqual([
      ['CP-CORE-GROUP', 'STATUTORY', '2023-02-15'],
      ['CP-RCPC-1', 'STATUTORY', '2023-05-01'],
      ['CP-S47', 'LOCAL', '2023-05-14'],
      ['CP-ICPC', 'STATUTORY', '2023-05-26'],
    ]);
  });

  it('CP-RCPC-N: nextReviewOf picks a plan’s next review conference', () => {
    const result = schedule({
      plans: [plan({ startDate: '2023-01-10' }), plan({ id: 'cpp-2', startDate: '2023-03-01' })],
      reviews: [review('2023-04-05')],
      meetings: [coreGroup('2023-01-20'), coreGroup('2023-03-05', 'cpp-2')],
      asOf: '2023-05-01',
    });
    expect(nextReviewOf(result, 'cpp-1')).toMatchObject({ ruleId: 'CP-RCPC-N', dueOn: '2023-10-05' });
    expect(nextReviewOf(result, 'cpp-2')).toMatchObject({ ruleId: 'CP-RCPC-1', dueOn: '2023-06-01' });
    expect(nextReviewOf(result, 'cpp-3')).toBeNull();
  });
});
