// Due-date history (docs/compliance.md, "Which due dates count"): the due dates of one child that
// fell due in a window, each with when it was done, replayed through the same rule code as the
// per-child schedule. Each case names its rule ids; each expected date is worked out in a comment
// from rules.md and the bank-holiday table.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/calendar.js';
import type { PeriodOfCareFact } from '../src/domain/child-in-care.js';
import type { MeetingFact, MeetingKind } from '../src/domain/child-protection.js';
import { completionEvents, dueDateHistory, type DueDateRecord } from '../src/domain/due-date-history.js';
import type { DueDate } from '../src/domain/due-dates.js';
import { defaultPolicy } from '../src/domain/policy.js';
import { childSchedule, type ScheduleFacts } from '../src/domain/schedule.js';
import { calendar } from './support/calendar.js';

function facts(over: Partial<ScheduleFacts>): ScheduleFacts {
  return {
    dateOfBirth: '2015-03-01',
    periods: [],
    legalStatuses: [],
    childProtectionPlans: [],
    childInNeedPlans: [],
    enquiries: [],
    conferences: [],
    protectionReviews: [],
    assessments: [],
    careReviews: [],
    healthChecks: [],
    carePlans: [],
    placements: [],
    visits: [],
    careLeaverRecords: [],
    preProceedings: [],
    decisions: [],
    courtOrders: [],
    meetings: [],
    meetingKindsRecorded: new Set(),
    ...over,
  };
}
const period = (id: string, startDate: string, endDate: string | null = null): PeriodOfCareFact => ({ id, startDate, endDate, episodes: [] });
const meeting = (kind: MeetingKind, subjectId: string | null, date: string): MeetingFact => ({ id: `m-${kind}-${date}`, kind, subjectId, date });
const recorded = (...kinds: MeetingKind[]) => new Set<MeetingKind>(kinds);

// CiC: born 1 Mar 2015; looked after from Mon 18 Dec 2023 (rules.md's example) under a care order,
// placed in U6 the same day; no PEP reviews in the extract (CIC-PEP completion unknown).
const inCare = facts({
  periods: [period('POC1', '2023-12-18')],
  legalStatuses: [{ id: 'L1', code: 'C2', startDate: '2023-12-18', endDate: null }],
  placements: [{ id: 'PL1', periodId: 'POC1', startDate: '2023-12-18', endDate: null, placementType: 'U6' }],
  // CIC-CARE-PLAN: 10 working days after 18 Dec (25, 26 Dec and 1 Jan bank holidays) → Thu 4 Jan 2024; made Fri 22 Dec.
  carePlans: [{ id: 'PLAN1', startDate: '2023-12-22', endDate: null, permanencePlan: null }],
  careReviews: [
    // CIC-REVIEW-1: 20 working days after 18 Dec → Thu 18 Jan 2024; held Wed 17 Jan (on time).
    { id: 'R1', periodId: 'POC1', dueDate: '2024-01-18', heldOn: '2024-01-17', cancelled: false },
    // CIC-REVIEW-2: 3 months after the first as held (17 Jan) → 17 Apr 2024; held Mon 22 Apr (late).
    { id: 'R2', periodId: 'POC1', dueDate: '2024-04-17', heldOn: '2024-04-22', cancelled: false },
    // Cancelled: completes nothing.
    { id: 'RX', periodId: 'POC1', dueDate: '2024-10-22', heldOn: '2024-06-03', cancelled: true },
    // CIC-REVIEW-N: 6 months after 22 Apr (the date it actually happened) → 22 Oct 2024; not held.
  ],
  healthChecks: [
    // CIC-HEALTH-INITIAL: 20 working days after 18 Dec → 18 Jan 2024 (no review held before it); done Wed 10 Jan.
    { id: 'H1', type: 'Initial Health Assessment', date: '2024-01-10' },
    { id: 'D1', type: 'Dental check', date: '2024-03-01' },
    // Aged 8 on 10 Jan: CIC-HEALTH-REVIEW 12 months → 10 Jan 2025, CIC-HEALTH-LOCAL 6 months → 10 Jul 2024; done Mon 15 Jul.
    { id: 'H2', type: 'Review Health Assessment', date: '2024-07-15' },
  ],
  visits: [
    // CIC-VISIT-FIRST: 1 week after the placement (18 Dec) → 25 Dec 2023; visited Fri 22 Dec.
    { id: 'V1', periodId: 'POC1', date: '2023-12-22' },
    // CIC-VISIT-YEAR-1: 6 weeks after 22 Dec → 2 Feb 2024; visited Mon 5 Feb (late).
    { id: 'V2', periodId: 'POC1', date: '2024-02-05' },
    // 6 weeks after 5 Feb → 18 Mar 2024; visited Fri 15 Mar, no period recorded (counts for the open period).
    { id: 'V3', periodId: null, date: '2024-03-15' },
    // 6 weeks after 15 Mar → 26 Apr 2024; no visit since.
  ],
});

// CP: S.47 from Thu 4 May 2023 (no strategy date), ended Thu 25 May with the ICPC that day; plan CP1 from it.
const inProtection = (coreGroupSubject: string | null) =>
  facts({
    enquiries: [{ id: 'S1', startDate: '2023-05-04', endDate: '2023-05-25', strategyDate: null }],
    conferences: [{ id: 'IC1', s47Id: 'S1', planId: 'CP1', date: '2023-05-25' }],
    childProtectionPlans: [{ id: 'CP1', startDate: '2023-05-25', endDate: null, initialCategory: 'NEG', latestCategory: 'NEG' }],
    // CP-RCPC-1: 3 months after the ICPC (25 May) → 25 Aug 2023; held Thu 24 Aug.
    // CP-RCPC-N: 6 months after 24 Aug → 24 Feb 2024; not held.
    protectionReviews: [{ id: 'CR1', planId: 'CP1', dueDate: '2023-08-25', heldOn: '2023-08-24' }],
    // CP-CORE-GROUP: 10 working days after 25 May (29 May a bank holiday) → Fri 9 Jun 2023; met Thu 8 Jun.
    meetings: [meeting('CP_CORE_GROUP', coreGroupSubject, '2023-06-08')],
    meetingKindsRecorded: recorded('CP_CORE_GROUP'),
  });

// CiN: referral Tue 2 Jan 2024, assessment started 3 Jan and authorised Tue 20 Feb; CiN plan from
// 2 Jan, with no CIN_PLAN_REVIEW meetings in the extract (completion unknown).
const inNeed = facts({
  assessments: [{ id: 'AS1', referralId: 'RF1', referralDate: '2024-01-02', startDate: '2024-01-03', authorisedDate: '2024-02-20' }],
  childInNeedPlans: [{ id: 'CIN1', startDate: '2024-01-02', endDate: null }],
});

// CiN plan reviewed on time, then ended (Wed 10 Apr 2024) before its next review fell due: that review lapsed.
const lapsed = facts({
  childInNeedPlans: [{ id: 'CIN2', startDate: '2024-01-02', endDate: '2024-04-10' }],
  meetings: [meeting('CIN_PLAN_REVIEW', 'CIN2', '2024-01-25')],
  meetingKindsRecorded: recorded('CIN_PLAN_REVIEW'),
});

// Dual status under an ICO (dual-status.test.ts): CP plan from 1 Feb 2023, looked after Thu 13 Apr 2023
// under C1, letter to agencies and plan end Thu 4 May → the challenge window ends Fri 19 May 2023.
const dualIco = facts({
  childProtectionPlans: [{ id: 'cp-1', startDate: '2023-02-01', endDate: '2023-05-04', initialCategory: 'NEG', latestCategory: 'NEG' }],
  periods: [period('poc-1', '2023-04-13')],
  legalStatuses: [{ id: 'L1', code: 'C1', startDate: '2023-04-13', endDate: null }],
  decisions: [{ id: 'letter', planId: 'cp-1', reviewDate: null, recommendation: null, agenciesNotifiedDate: '2023-05-04', disagreement: false }],
});

/** `ruleId dueOn subject → doneOn (late)` or `… open (overdue) (unknown)`. */
const brief = (r: DueDateRecord) =>
  `${r.ruleId} ${r.dueOn} ${r.subjectId ?? '-'} → ${r.doneOn ?? 'open'}${r.late ? ' late' : ''}${r.overdue ? ' overdue' : ''}${r.completionKnown ? '' : ' unknown'}`;

const history = (child: ScheduleFacts, from: string, to: string, asOf: string) => dueDateHistory(child, calendar, defaultPolicy, { from, to }, asOf);

describe('dueDateHistory', () => {
  const cases: { name: string; child: ScheduleFacts; window: [string, string]; asOf: string; expected: string[] }[] = [
    {
      name: 'CIC-REVIEW-1 on time, CIC-REVIEW-2 late, CIC-REVIEW-N open and overdue (from the date REVIEW-2 actually happened); CIC-CARE-PLAN, CIC-HEALTH-INITIAL/LOCAL, CIC-VISIT-FIRST/YEAR-1; CIC-PEP completion unknown',
      child: inCare,
      window: ['2023-12-01', '2024-12-31'],
      asOf: '2024-11-01',
      expected: [
        'CIC-VISIT-FIRST 2023-12-25 POC1 → 2023-12-22',
        'CIC-CARE-PLAN 2024-01-04 POC1 → 2023-12-22',
        'CIC-HEALTH-INITIAL 2024-01-18 POC1 → 2024-01-10',
        'CIC-REVIEW-1 2024-01-18 POC1 → 2024-01-17',
        'CIC-VISIT-YEAR-1 2024-02-02 POC1 → 2024-02-05 late',
        'CIC-VISIT-YEAR-1 2024-03-18 POC1 → 2024-03-15',
        'CIC-REVIEW-2 2024-04-17 POC1 → 2024-04-22 late',
        'CIC-VISIT-YEAR-1 2024-04-26 POC1 → open overdue',
        'CIC-HEALTH-LOCAL 2024-07-10 POC1 → 2024-07-15 late',
        'CIC-REVIEW-N 2024-10-22 POC1 → open overdue',
        // Autumn term 1 Sep–31 Dec: no PEP_REVIEW rows in the extract → never done, never overdue.
        'CIC-PEP 2024-12-31 POC1 → open unknown',
      ],
    },
    {
      name: 'window filtering: only dueOn in [1 Feb, 30 Apr 2024] (CIC-VISIT-YEAR-1, CIC-REVIEW-2)',
      child: inCare,
      window: ['2024-02-01', '2024-04-30'],
      asOf: '2024-11-01',
      expected: [
        'CIC-VISIT-YEAR-1 2024-02-02 POC1 → 2024-02-05 late',
        'CIC-VISIT-YEAR-1 2024-03-18 POC1 → 2024-03-15',
        'CIC-REVIEW-2 2024-04-17 POC1 → 2024-04-22 late',
        'CIC-VISIT-YEAR-1 2024-04-26 POC1 → open overdue',
      ],
    },
    {
      name: 'CIC-HEALTH-REVIEW and CIC-HEALTH-LOCAL done by one assessment (15 Jul 2024): REVIEW due 10 Jan 2025 done early; the next pair open from 15 Jul',
      child: inCare,
      window: ['2024-07-01', '2025-07-31'],
      asOf: '2024-11-01',
      expected: [
        'CIC-HEALTH-LOCAL 2024-07-10 POC1 → 2024-07-15 late',
        'CIC-REVIEW-N 2024-10-22 POC1 → open overdue',
        'CIC-PEP 2024-12-31 POC1 → open unknown',
        'CIC-HEALTH-REVIEW 2025-01-10 POC1 → 2024-07-15',
        // 6 months after 15 Jul 2024 (LOCAL) and 12 months (REVIEW, aged 9).
        'CIC-HEALTH-LOCAL 2025-01-15 POC1 → open',
        'CIC-HEALTH-REVIEW 2025-07-15 POC1 → open',
      ],
    },
    {
      name: 'done dates after asOf are unknown: on 20 Apr 2024 CIC-REVIEW-2 (due 17 Apr) is open and overdue, CIC-VISIT-YEAR-1 (26 Apr) open',
      child: inCare,
      window: ['2024-04-01', '2024-04-30'],
      asOf: '2024-04-20',
      expected: ['CIC-REVIEW-2 2024-04-17 POC1 → open overdue', 'CIC-VISIT-YEAR-1 2024-04-26 POC1 → open'],
    },
    {
      name: 'CP chain: CP-S47 done late and CP-ICPC on time by the enquiry end and ICPC on 25 May 2023; CP-CORE-GROUP and CP-RCPC-1 done; CP-RCPC-N open and overdue',
      child: inProtection('CP1'),
      window: ['2023-05-01', '2024-03-31'],
      asOf: '2024-03-01',
      expected: [
        // CP-S47: 10 calendar days after 4 May → 14 May 2023. CP-ICPC: 15 working days (8 May a bank holiday) → 26 May.
        'CP-S47 2023-05-14 S1 → 2023-05-25 late',
        'CP-ICPC 2023-05-26 S1 → 2023-05-25',
        'CP-CORE-GROUP 2023-06-09 CP1 → 2023-06-08',
        'CP-RCPC-1 2023-08-25 CP1 → 2023-08-24',
        'CP-RCPC-N 2024-02-24 CP1 → open overdue',
      ],
    },
    {
      name: 'CP-CORE-GROUP: a core group with no plan id does not count under the rule (subject must be the plan) → still open and overdue, as the schedule says',
      child: inProtection(null),
      window: ['2023-06-01', '2023-06-30'],
      asOf: '2023-07-01',
      expected: ['CP-CORE-GROUP 2023-06-09 CP1 → open overdue'],
    },
    {
      name: 'CP-CORE-GROUP: the same plan-less core group, then the plan ends (15 Jul 2023) with the core group still open under the rule → lapsed, not done on 8 Jun',
      child: { ...inProtection(null), childProtectionPlans: [{ id: 'CP1', startDate: '2023-05-25', endDate: '2023-07-15', initialCategory: 'NEG', latestCategory: 'NEG' }] },
      window: ['2023-06-01', '2023-06-30'],
      asOf: '2023-08-01',
      expected: [],
    },
    {
      name: 'CIN-ASSESSMENT and CIN-ASSESSMENT-LOCAL both done by one authorisation (20 Feb 2024): LOCAL (35 days → 6 Feb) late, statutory (45 working days → 5 Mar) on time; CIN-PLAN-REVIEW-1 completion unknown',
      child: inNeed,
      window: ['2024-01-01', '2024-03-31'],
      asOf: '2024-03-01',
      expected: [
        // CIN-PLAN-REVIEW-1: 4 weeks after 2 Jan → 30 Jan 2024; no CIN_PLAN_REVIEW rows at all → not overdue, not done.
        'CIN-PLAN-REVIEW-1 2024-01-30 CIN1 → open unknown',
        'CIN-ASSESSMENT-LOCAL 2024-02-06 AS1 → 2024-02-20 late',
        'CIN-ASSESSMENT 2024-03-05 AS1 → 2024-02-20',
      ],
    },
    {
      name: 'lapsed: CIN-PLAN-REVIEW-1 (30 Jan 2024) done 25 Jan; CIN-PLAN-REVIEW-N (25 Apr) lapsed with the plan ending 10 Apr → not counted',
      child: lapsed,
      window: ['2024-01-01', '2024-06-30'],
      asOf: '2024-06-01',
      expected: ['CIN-PLAN-REVIEW-1 2024-01-30 CIN2 → 2024-01-25'],
    },
    {
      name: 'DS-ICO: DUAL_STATUS_CHALLENGE_WINDOW_ENDS (19 May 2023) is in the schedule but not a duty → left out of the history; CIC-REVIEW-1 and CIC-HEALTH-INITIAL stay',
      child: dualIco,
      window: ['2023-05-01', '2023-05-31'],
      asOf: '2023-05-10',
      // 20 working days after Thu 13 Apr 2023 (1 and 8 May bank holidays) → Mon 15 May.
      expected: ['CIC-HEALTH-INITIAL 2023-05-15 poc-1 → open', 'CIC-REVIEW-1 2023-05-15 poc-1 → open'],
    },
  ];

  it.each(cases)('$name', ({ child, window: [from, to], asOf, expected }) => {
    expect(history(child, from, to, asOf).map(brief)).toEqual(expected);
  });

  it('DS-ICO: the schedule itself does carry the challenge window (so the exclusion above is real)', () => {
    expect(childSchedule(dualIco, calendar, defaultPolicy, '2023-05-10').dueDates.map((d) => `${d.kind} ${d.dueOn}`)).toContain('DUAL_STATUS_CHALLENGE_WINDOW_ENDS 2023-05-19');
  });

  it('late and overdue follow rules.md: late only when done after dueOn, overdue only when open, known and dueOn < asOf', () => {
    for (const r of history(inCare, '2023-01-01', '2025-12-31', '2024-11-01')) {
      expect(r.late).toBe(r.doneOn !== null && r.doneOn > r.dueOn);
      expect(r.overdue).toBe(r.doneOn === null && r.completionKnown && r.dueOn < '2024-11-01');
    }
  });
});

describe('completionEvents', () => {
  it('every completing event on or before asOf with its kind and subject; cancelled reviews and dental checks complete nothing', () => {
    const pathway = facts({
      meetings: [meeting('PEP_REVIEW', 'POC1', '2024-02-01'), meeting('DUAL_STATUS_DISCUSSION', null, '2024-02-02'), meeting('PATHWAY_PLAN_REVIEW', 'CL1', '2024-02-03')],
      careLeaverRecords: [{ id: 'CL1', eligibility: 'RELEVANT', pathwayPlanReviewDate: '2024-02-04', personalAdviser: null, teamId: null, teamName: null }],
    });
    expect(completionEvents(inCare, '2024-04-30').map((e) => `${e.date} ${e.kind} ${e.subjectId ?? '-'}`)).toEqual([
      '2023-12-22 CIC_CARE_PLAN -',
      '2023-12-22 CIC_VISIT POC1',
      '2024-01-10 CIC_HEALTH_ASSESSMENT -',
      '2024-01-17 CIC_REVIEW POC1',
      '2024-02-05 CIC_VISIT POC1',
      '2024-03-15 CIC_VISIT -',
      '2024-04-22 CIC_REVIEW POC1',
    ]);
    expect(completionEvents(inProtection('CP1'), '2024-03-01').map((e) => `${e.date} ${e.kind} ${e.subjectId ?? '-'}`)).toEqual([
      '2023-05-25 CP_INITIAL_CONFERENCE S1',
      '2023-05-25 S47_COMPLETION S1',
      '2023-06-08 CP_CORE_GROUP CP1',
      '2023-08-24 CP_REVIEW_CONFERENCE CP1',
    ]);
    expect(completionEvents(inNeed, '2024-03-01').map((e) => `${e.date} ${e.kind} ${e.subjectId}`)).toEqual(['2024-02-20 ASSESSMENT_COMPLETION AS1']);
    expect(completionEvents(pathway, '2024-12-31').map((e) => `${e.date} ${e.kind} ${e.subjectId ?? '-'}`)).toEqual([
      '2024-02-01 CIC_PEP_REVIEW POC1',
      '2024-02-02 DUAL_STATUS_DISCUSSION -',
      '2024-02-03 PATHWAY_PLAN_REVIEW CL1',
      '2024-02-04 PATHWAY_PLAN_REVIEW -',
    ]);
  });
});

describe('consistency with the per-child schedule (fast-check)', () => {
  const children = { inCare, cp: inProtection('CP1'), cpNoSubject: inProtection(null), inNeed, lapsed, dualIco };
  const day = (from: string, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(from, n));
  const dueFields = ({ kind, dueOn, ruleId, basis, overdue, completionKnown, subjectId, provisional }: DueDate): DueDate => ({ kind, dueOn, ruleId, basis, overdue, completionKnown, subjectId, provisional });

  it('for any asOf and window, the records not done are exactly childSchedule(asOf) in the window (challenge window aside); done ones are on or before asOf and stay done', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(children) as (keyof typeof children)[])),
        day('2023-01-01', 1000),
        day('2022-06-01', 1200),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 200 }),
        (name, asOf, from, length, later) => {
          const child = children[name];
          const to = addDays(from, length);
          const records = history(child, from, to, asOf);
          const open = records.filter((r) => r.doneOn === null).map(dueFields);
          const expected = childSchedule(child, calendar, defaultPolicy, asOf)
            .dueDates.filter((d) => d.dueOn >= from && d.dueOn <= to && d.kind !== 'DUAL_STATUS_CHALLENGE_WINDOW_ENDS')
            .map(dueFields);
          expect(open).toEqual(expected);
          const done = records.filter((r) => r.doneOn !== null);
          for (const r of done) expect(r.doneOn! <= asOf && !r.overdue && r.completionKnown).toBe(true);
          // A due date done by asOf is still done, on the same day, when asked later.
          const afterwards = new Map(history(child, from, to, addDays(asOf, later)).map((r) => [`${r.kind}|${r.subjectId}|${r.ruleId}|${r.dueOn}`, r.doneOn]));
          for (const r of done) expect(afterwards.get(`${r.kind}|${r.subjectId}|${r.ruleId}|${r.dueOn}`)).toBe(r.doneOn);
        },
      ),
      { numRuns: 300 },
    );
  });
});
