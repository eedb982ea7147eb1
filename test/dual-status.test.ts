// Dual status (rules.md, "Dual status"; readings in docs/dual-status.md): each case names its rule id.
//
// The child: on CP plan cp-1 from Wed 1 Feb 2023 (no ICPC held, so CP-RCPC-1 is due Mon 1 May
// 2023), looked after from Thu 13 Apr 2023. Initial CiC (dual process) review = CIC-REVIEW-1:
// 20 working days after Thu 13 Apr 2023, skipping Mon 1 May and Mon 8 May 2023 (bank holidays)
// → Mon 15 May 2023.

import { describe, expect, it } from 'vitest';
import type { PeriodOfCareFact } from '../src/domain/child-in-care.js';
import { childProtectionSchedule, type CpReviewFact, type MeetingFact } from '../src/domain/child-protection.js';
import type { DueDate } from '../src/domain/due-dates.js';
import {
  applyDualStatusToChildProtection,
  dualStatus,
  type DualStatusDecisionFact,
  type DualStatusInput,
  type DualStatusOutcome,
  type IroRecommendation,
  type PreProceedingsFact,
} from '../src/domain/dual-status.js';
import type { CareReviewFact, ChildProtectionPlanFact, LegalStatusFact } from '../src/domain/facts.js';
import type { CourtOrderFact } from '../src/domain/parental-responsibility.js';
import { defaultPolicy, type Policy } from '../src/domain/policy.js';
import type { RuleId } from '../src/domain/rules.js';
import { calendar } from './support/calendar.js';


const withRules = (rules: Partial<Policy['rules']>): Policy => ({ ...defaultPolicy, rules: { ...defaultPolicy.rules, ...rules } });
const icoOnly = withRules({ 'DS-ICO': { applies: true, includesCareOrder: false } });
const icoOff = withRules({ 'DS-ICO': { applies: false, includesCareOrder: true } });
const conferencesKept = withRules({ 'CP-DUAL-NO-CONFERENCE': { applies: false } });

const plan = (over: Partial<ChildProtectionPlanFact> = {}): ChildProtectionPlanFact => ({
  id: 'cp-1',
  startDate: '2023-02-01',
  endDate: null,
  initialCategory: 'NEG',
  latestCategory: 'NEG',
  ...over,
});
const period = (over: Partial<PeriodOfCareFact> = {}): PeriodOfCareFact => ({ id: 'poc-1', startDate: '2023-04-13', endDate: null, episodes: [], ...over });
const status = (code: string, startDate = '2023-04-13', endDate: string | null = null): LegalStatusFact => ({ id: `ls-${code}-${startDate}`, code, startDate, endDate });
const review = (heldOn: string): CareReviewFact => ({ id: `r-${heldOn}`, periodId: 'poc-1', dueDate: null, heldOn, cancelled: false });
const conference = (heldOn: string): CpReviewFact => ({ id: `rcpc-${heldOn}`, planId: 'cp-1', dueDate: null, heldOn });
const decision = (reviewDate: string, recommendation: IroRecommendation, over: Partial<DualStatusDecisionFact> = {}): DualStatusDecisionFact => ({
  id: `d-${reviewDate}`,
  planId: 'cp-1',
  reviewDate,
  recommendation,
  agenciesNotifiedDate: null,
  disagreement: false,
  ...over,
});
const letter = (date: string): DualStatusDecisionFact => ({
  id: `letter-${date}`,
  planId: 'cp-1',
  reviewDate: null,
  recommendation: null,
  agenciesNotifiedDate: date,
  disagreement: false,
});
const plo = (decisionDate: string | null, stepDownDate: string | null = null): PreProceedingsFact => ({
  id: `plo-${decisionDate}`,
  decisionDate,
  initialMeetingDate: null,
  outcome: stepDownDate === null ? null : 'Decision to step down',
  stepDownDate,
});
const discussion = (date: string): MeetingFact => ({ id: `m-${date}`, kind: 'DUAL_STATUS_DISCUSSION', subjectId: 'cp-1', date });
const sgo = (startDate: string): CourtOrderFact => ({
  id: `sgo-${startDate}`,
  orderType: 'SPECIAL_GUARDIANSHIP',
  holderPersonId: 'grandmother',
  partnerPersonId: null,
  startDate,
  endDate: null,
});

function input(over: Partial<DualStatusInput>): DualStatusInput {
  return {
    cpPlans: [plan()],
    periods: [period()],
    legalStatuses: [status('V2')],
    careReviews: [],
    cpReviews: [],
    preProceedings: [],
    decisions: [],
    orders: [],
    meetings: [],
    discussionsKnown: true,
    calendar,
    policy: defaultPolicy,
    asOf: '2023-04-20',
    ...over,
  };
}

const brief = (d: DueDate) => `${d.kind} ${d.ruleId} ${d.dueOn}${d.overdue ? ' overdue' : ''}${d.completionKnown ? '' : ' unknown'}`;
const whileDual: RuleId[] = ['DS-INITIAL-REVIEW', 'DS-NO-CONFERENCE', 'CP-DUAL-NO-CONFERENCE'];
const notDual: Partial<DualStatusOutcome> = { state: 'NOT_DUAL_STATUS', isDualStatus: false, since: null, pathway: null, ruleIds: [] };

describe('dualStatus', () => {
  const cases: {
    name: string;
    input: Partial<DualStatusInput>;
    expected: Partial<DualStatusOutcome>;
    /** `ruleId dueOn` of each required action, in order. */
    actions?: string[];
    dueDates?: string[];
  }[] = [
    // DS-ICO
    {
      name: 'DS-ICO: interim care order from Thu 13 Apr 2023 → CP_PLAN_ENDS; plan end and letter to agencies due from the order',
      input: { legalStatuses: [status('C1')] },
      expected: { state: 'CP_PLAN_ENDS', isDualStatus: true, since: '2023-04-13', pathway: 'INTERIM_CARE_ORDER', initialReviewDue: '2023-05-15', recommendation: null, challengeWindowEndsOn: null, ruleIds: ['DS-ICO', ...whileDual] },
      actions: ['DS-ICO 2023-04-13', 'DS-ICO 2023-04-13'],
    },
    {
      name: 'DS-ICO: letter recorded Thu 4 May 2023, plan still open → only its end outstanding; window ends Fri 19 May 2023 (Mon 8 May a bank holiday)',
      input: { legalStatuses: [status('C1')], decisions: [letter('2023-05-04')], asOf: '2023-05-10' },
      expected: { state: 'CP_PLAN_ENDS', isDualStatus: true, challengeWindowEndsOn: '2023-05-19' },
      actions: ['DS-ICO 2023-04-13'],
      dueDates: ['DUAL_STATUS_CHALLENGE_WINDOW_ENDS DS-ICO 2023-05-19'],
    },
    {
      name: 'DS-ICO: letter-only row and plan ended Thu 4 May 2023 → CP_PLAN_ENDS, not dual status, until the window closes Fri 19 May 2023',
      input: { legalStatuses: [status('C1')], cpPlans: [plan({ endDate: '2023-05-04' })], decisions: [letter('2023-05-04')], asOf: '2023-05-10' },
      expected: { state: 'CP_PLAN_ENDS', isDualStatus: false, since: '2023-04-13', pathway: 'INTERIM_CARE_ORDER', challengeWindowEndsOn: '2023-05-19', exceptional: false, ruleIds: ['DS-ICO'] },
      dueDates: ['DUAL_STATUS_CHALLENGE_WINDOW_ENDS DS-ICO 2023-05-19'],
    },
    {
      name: 'DS-ICO: on the window\'s last day (Fri 19 May 2023) still CP_PLAN_ENDS',
      input: { legalStatuses: [status('C1')], cpPlans: [plan({ endDate: '2023-05-04' })], decisions: [letter('2023-05-04')], asOf: '2023-05-19' },
      expected: { state: 'CP_PLAN_ENDS', isDualStatus: false, challengeWindowEndsOn: '2023-05-19' },
      dueDates: ['DUAL_STATUS_CHALLENGE_WINDOW_ENDS DS-ICO 2023-05-19'],
    },
    {
      name: 'DS-ICO: the working day after the window closes (Mon 22 May 2023) → NOT_DUAL_STATUS',
      input: { legalStatuses: [status('C1')], cpPlans: [plan({ endDate: '2023-05-04' })], decisions: [letter('2023-05-04')], asOf: '2023-05-22' },
      expected: notDual,
    },
    {
      name: 'DS-ICO: plan ended Fri 14 Apr 2023 with no letter → letter still required until 10 working days after the end (Fri 28 Apr 2023)',
      input: { legalStatuses: [status('C1')], cpPlans: [plan({ endDate: '2023-04-14' })], asOf: '2023-04-28' },
      expected: { state: 'CP_PLAN_ENDS', isDualStatus: false, challengeWindowEndsOn: null, ruleIds: ['DS-ICO'] },
      actions: ['DS-ICO 2023-04-13'],
    },
    {
      name: 'DS-ICO: plan ended with no letter, after Fri 28 Apr 2023 → NOT_DUAL_STATUS',
      input: { legalStatuses: [status('C1')], cpPlans: [plan({ endDate: '2023-04-14' })], asOf: '2023-05-02' },
      expected: notDual,
    },
    {
      name: 'DS-ICO: S.20 then an ICO from Mon 24 Apr 2023 → the letter is due from the ICO',
      input: { legalStatuses: [status('V2', '2023-04-13', '2023-04-24'), status('C1', '2023-04-24')], asOf: '2023-04-26' },
      expected: { state: 'CP_PLAN_ENDS', pathway: 'INTERIM_CARE_ORDER', since: '2023-04-13' },
      actions: ['DS-ICO 2023-04-24', 'DS-ICO 2023-04-24'],
    },
    {
      name: 'DS-ICO: a full care order (C2) follows the CARE_ORDER pathway and DS-ICO (includesCareOrder)',
      input: { legalStatuses: [status('C2')] },
      expected: { state: 'CP_PLAN_ENDS', pathway: 'CARE_ORDER', ruleIds: ['DS-ICO', ...whileDual] },
      actions: ['DS-ICO 2023-04-13', 'DS-ICO 2023-04-13'],
    },
    {
      name: 'DS-ICO: a placement order (E1) follows the CARE_ORDER pathway',
      input: { legalStatuses: [status('E1')] },
      expected: { state: 'CP_PLAN_ENDS', pathway: 'CARE_ORDER' },
      actions: ['DS-ICO 2023-04-13', 'DS-ICO 2023-04-13'],
    },
    {
      name: 'DS-ICO: includesCareOrder false → a care order waits for the initial review',
      input: { legalStatuses: [status('C2')], policy: icoOnly },
      expected: { state: 'AWAITING_INITIAL_REVIEW', pathway: 'CARE_ORDER', ruleIds: whileDual },
      actions: ['DS-INITIAL-REVIEW 2023-05-15'],
    },
    {
      name: 'DS-ICO: switched off → an ICO waits for the initial review',
      input: { legalStatuses: [status('C1')], policy: icoOff },
      expected: { state: 'AWAITING_INITIAL_REVIEW', pathway: 'INTERIM_CARE_ORDER', ruleIds: whileDual },
      actions: ['DS-INITIAL-REVIEW 2023-05-15'],
    },
    {
      name: 'DS-ICO × END_CP_PLAN at the review Fri 12 May 2023, agencies written to Mon 15 May → window ends Tue 30 May 2023 (Mon 29 May a bank holiday)',
      input: {
        legalStatuses: [status('C1')],
        careReviews: [review('2023-05-12')],
        decisions: [decision('2023-05-12', 'END_CP_PLAN', { agenciesNotifiedDate: '2023-05-15' })],
        asOf: '2023-05-16',
      },
      expected: { state: 'CP_PLAN_TO_END', isDualStatus: true, recommendation: 'END_CP_PLAN', challengeWindowEndsOn: '2023-05-30' },
      actions: ['DS-ICO 2023-04-13'],
      dueDates: ['DUAL_STATUS_CHALLENGE_WINDOW_ENDS DS-ICO 2023-05-30'],
    },
    {
      name: 'DS-ICO × MAINTAIN_CP_PLAN → CP_PLAN_MAINTAINED: no letter',
      input: { legalStatuses: [status('C1')], careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN')], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_MAINTAINED', recommendation: 'MAINTAIN_CP_PLAN', challengeWindowEndsOn: null, ruleIds: ['DS-ICO', ...whileDual] },
    },
    {
      name: 'DS-ICO × MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER → waiting for the order',
      input: { legalStatuses: [status('C1')], careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER', recommendation: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER', ruleIds: ['DS-ICO', ...whileDual, 'DS-UNTIL-ORDER'] },
    },

    // DS-S20
    {
      name: 'DS-S20: S.20, no pre-proceedings → AWAITING_INITIAL_REVIEW by Mon 15 May 2023; the risk of consent being withdrawn is considered',
      input: {},
      expected: { state: 'AWAITING_INITIAL_REVIEW', isDualStatus: true, since: '2023-04-13', pathway: 'SECTION_20', initialReviewDue: '2023-05-15', exceptional: false, escalated: false, ruleIds: ['DS-S20', ...whileDual] },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20 2023-05-15'],
    },
    {
      name: 'DS-S20 × END_CP_PLAN → CP_PLAN_TO_END: admin ends the plan; no letter or challenge window outside DS-ICO',
      input: { careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'END_CP_PLAN', { agenciesNotifiedDate: '2023-05-15' })], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_TO_END', recommendation: 'END_CP_PLAN', challengeWindowEndsOn: null, ruleIds: ['DS-S20', ...whileDual] },
      actions: ['DS-INITIAL-REVIEW 2023-05-12'],
    },
    {
      name: 'DS-S20 × END_CP_PLAN: once the plan has ended → NOT_DUAL_STATUS',
      input: { cpPlans: [plan({ endDate: '2023-05-15' })], careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'END_CP_PLAN')], asOf: '2023-05-16' },
      expected: notDual,
    },
    {
      name: 'DS-S20 × MAINTAIN_CP_PLAN → CP_PLAN_MAINTAINED',
      input: { careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN')], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_MAINTAINED', pathway: 'SECTION_20', recommendation: 'MAINTAIN_CP_PLAN' },
    },
    {
      name: 'DS-S20 × MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER → CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER',
      input: { careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER', pathway: 'SECTION_20', ruleIds: ['DS-S20', ...whileDual, 'DS-UNTIL-ORDER'] },
    },
    {
      name: 'DS-S20: pre-proceedings stepped down before asOf → SECTION_20',
      input: { preProceedings: [plo('2023-03-01', '2023-04-01')] },
      expected: { pathway: 'SECTION_20' },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20 2023-05-15'],
    },
    {
      name: 'DS-S20: pre-proceedings decided after asOf → SECTION_20',
      input: { preProceedings: [plo('2023-04-25')] },
      expected: { pathway: 'SECTION_20' },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20 2023-05-15'],
    },

    // DS-S20-PLO
    {
      name: 'DS-S20-PLO: S.20 in pre-proceedings → pre-review discussion due on the initial review date, Mon 15 May 2023',
      input: { preProceedings: [plo('2023-03-20')] },
      expected: { state: 'AWAITING_INITIAL_REVIEW', pathway: 'SECTION_20_PLO', ruleIds: ['DS-S20-PLO', ...whileDual] },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20-PLO 2023-05-15'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-S20-PLO 2023-05-15'],
    },
    {
      name: 'DS-S20-PLO: planned pre-proceedings (no dates yet) count',
      input: { preProceedings: [plo(null)] },
      expected: { pathway: 'SECTION_20_PLO' },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20-PLO 2023-05-15'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-S20-PLO 2023-05-15'],
    },
    {
      name: 'DS-S20-PLO: not held by Tue 16 May 2023 → overdue',
      input: { preProceedings: [plo('2023-03-20')], asOf: '2023-05-16' },
      expected: { state: 'AWAITING_INITIAL_REVIEW', pathway: 'SECTION_20_PLO' },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20-PLO 2023-05-15'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-S20-PLO 2023-05-15 overdue'],
    },
    {
      name: 'DS-S20-PLO: discussion held Wed 10 May 2023 → not listed',
      input: { preProceedings: [plo('2023-03-20')], meetings: [discussion('2023-05-10')], asOf: '2023-05-11' },
      expected: { pathway: 'SECTION_20_PLO' },
      actions: ['DS-INITIAL-REVIEW 2023-05-15'],
    },
    {
      name: 'DS-S20-PLO: no discussions in the extract at all → completionKnown false, never overdue',
      input: { preProceedings: [plo('2023-03-20')], discussionsKnown: false, asOf: '2023-05-16' },
      expected: { pathway: 'SECTION_20_PLO' },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20-PLO 2023-05-15'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-S20-PLO 2023-05-15 unknown'],
    },
    {
      name: 'DS-S20-PLO × END_CP_PLAN → CP_PLAN_TO_END; the pre-review discussion is past',
      input: { preProceedings: [plo('2023-03-20')], careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'END_CP_PLAN')], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_TO_END', pathway: 'SECTION_20_PLO' },
      actions: ['DS-INITIAL-REVIEW 2023-05-12'],
    },
    {
      name: 'DS-S20-PLO × MAINTAIN_CP_PLAN → CP_PLAN_MAINTAINED',
      input: { preProceedings: [plo('2023-03-20')], careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN')], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_MAINTAINED', pathway: 'SECTION_20_PLO' },
    },
    {
      name: 'DS-S20-PLO × MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER → CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER',
      input: { preProceedings: [plo('2023-03-20')], careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER', pathway: 'SECTION_20_PLO' },
    },

    // DS-INITIAL-REVIEW
    {
      name: 'DS-INITIAL-REVIEW: review held Fri 12 May 2023 with no recommendation recorded → IRO to notify the CP co-ordinator and CP unit',
      input: { careReviews: [review('2023-05-12')], asOf: '2023-05-16' },
      expected: { state: 'AWAITING_INITIAL_REVIEW', recommendation: null },
      actions: ['DS-INITIAL-REVIEW 2023-05-12'],
    },
    {
      name: 'DS-INITIAL-REVIEW: plan starting Wed 1 Mar 2023 while looked after → the next CiC review (3 months after Tue 7 Feb 2023: Sun 7 May 2023)',
      input: { periods: [period({ startDate: '2023-01-10' })], legalStatuses: [status('V2', '2023-01-10')], careReviews: [review('2023-02-07')], cpPlans: [plan({ startDate: '2023-03-01' })], asOf: '2023-03-10' },
      expected: { state: 'AWAITING_INITIAL_REVIEW', since: '2023-03-01', initialReviewDue: '2023-05-07' },
      actions: ['DS-INITIAL-REVIEW 2023-05-07', 'DS-S20 2023-05-07'],
    },
    {
      name: 'DS-INITIAL-REVIEW: another legal status (L2) → no pathway, AWAITING_INITIAL_REVIEW',
      input: { legalStatuses: [status('L2')] },
      expected: { state: 'AWAITING_INITIAL_REVIEW', isDualStatus: true, pathway: null, ruleIds: whileDual },
      actions: ['DS-INITIAL-REVIEW 2023-05-15'],
    },
    {
      name: 'DS-INITIAL-REVIEW: the latest decision by review date counts',
      input: {
        careReviews: [review('2023-05-12'), review('2023-08-11')],
        decisions: [decision('2023-08-11', 'END_CP_PLAN'), decision('2023-05-12', 'MAINTAIN_CP_PLAN')],
        asOf: '2023-08-14',
      },
      expected: { state: 'CP_PLAN_TO_END', recommendation: 'END_CP_PLAN', exceptional: true },
      actions: ['DS-INITIAL-REVIEW 2023-08-11', 'DS-BEYOND-3-MONTHS 2024-02-11'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-BEYOND-3-MONTHS 2024-02-11'],
    },

    // DS-UNTIL-ORDER
    {
      name: 'DS-UNTIL-ORDER: care order (C2) from Thu 1 Jun 2023 after the recommendation → CP_PLAN_TO_END_ORDER_MADE; social worker notifies, letter due',
      input: {
        legalStatuses: [status('V2', '2023-04-13', '2023-06-01'), status('C2', '2023-06-01')],
        careReviews: [review('2023-05-12')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')],
        asOf: '2023-06-05',
      },
      expected: { state: 'CP_PLAN_TO_END_ORDER_MADE', isDualStatus: true, pathway: 'CARE_ORDER', recommendation: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER', challengeWindowEndsOn: null },
      actions: ['DS-UNTIL-ORDER 2023-06-01', 'DS-UNTIL-ORDER 2023-06-01'],
    },
    {
      name: 'DS-UNTIL-ORDER: letter Fri 2 Jun 2023 and plan ended → window ends Fri 16 Jun 2023; not dual status meanwhile',
      input: {
        cpPlans: [plan({ endDate: '2023-06-02' })],
        legalStatuses: [status('V2', '2023-04-13', '2023-06-01'), status('C2', '2023-06-01')],
        careReviews: [review('2023-05-12')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER'), letter('2023-06-02')],
        asOf: '2023-06-05',
      },
      expected: { state: 'CP_PLAN_TO_END_ORDER_MADE', isDualStatus: false, challengeWindowEndsOn: '2023-06-16', ruleIds: ['DS-ICO', 'DS-UNTIL-ORDER'] },
      dueDates: ['DUAL_STATUS_CHALLENGE_WINDOW_ENDS DS-UNTIL-ORDER 2023-06-16'],
    },
    {
      name: 'DS-UNTIL-ORDER: ICO then the care order (C1 → C2 Thu 1 Jun 2023) is the order made',
      input: {
        legalStatuses: [status('C1', '2023-04-13', '2023-06-01'), status('C2', '2023-06-01')],
        careReviews: [review('2023-05-12')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')],
        asOf: '2023-06-05',
      },
      expected: { state: 'CP_PLAN_TO_END_ORDER_MADE', pathway: 'CARE_ORDER' },
      actions: ['DS-UNTIL-ORDER 2023-06-01', 'DS-UNTIL-ORDER 2023-06-01'],
    },
    {
      name: 'DS-UNTIL-ORDER: a special guardianship order counts as the legal order',
      input: { careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')], orders: [sgo('2023-06-01')], asOf: '2023-06-05' },
      expected: { state: 'CP_PLAN_TO_END_ORDER_MADE', pathway: 'SECTION_20' },
      actions: ['DS-UNTIL-ORDER 2023-06-01', 'DS-UNTIL-ORDER 2023-06-01'],
    },
    {
      name: 'DS-UNTIL-ORDER: an order made before the recommendation, or after asOf, does not count',
      input: { careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')], orders: [sgo('2023-05-01'), sgo('2023-06-10')], asOf: '2023-06-05' },
      expected: { state: 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER' },
    },
    {
      name: 'DS-UNTIL-ORDER: a care order already in force, recorded again, is not the order made',
      input: {
        legalStatuses: [status('C2', '2023-04-13', '2023-06-01'), status('C2', '2023-06-01')],
        careReviews: [review('2023-05-12')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER')],
        asOf: '2023-06-05',
      },
      expected: { state: 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER', pathway: 'CARE_ORDER' },
    },

    // DS-BEYOND-3-MONTHS
    {
      name: 'DS-BEYOND-3-MONTHS: second CiC review held Fri 11 Aug 2023, still dual status → exceptional; oversight discussion before the next review (Sun 11 Feb 2024)',
      input: {
        careReviews: [review('2023-05-12'), review('2023-08-11')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN'), decision('2023-08-11', 'MAINTAIN_CP_PLAN')],
        asOf: '2023-08-15',
      },
      expected: { state: 'CP_PLAN_MAINTAINED', exceptional: true, ruleIds: ['DS-S20', ...whileDual, 'DS-BEYOND-3-MONTHS'] },
      actions: ['DS-BEYOND-3-MONTHS 2024-02-11'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-BEYOND-3-MONTHS 2024-02-11'],
    },
    {
      name: 'DS-BEYOND-3-MONTHS: not exceptional before the second review is held (Thu 10 Aug 2023)',
      input: {
        careReviews: [review('2023-05-12'), review('2023-08-11')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN')],
        asOf: '2023-08-10',
      },
      expected: { state: 'CP_PLAN_MAINTAINED', exceptional: false },
    },
    {
      name: 'DS-BEYOND-3-MONTHS: oversight discussion held Fri 1 Sep 2023 → not listed',
      input: {
        careReviews: [review('2023-05-12'), review('2023-08-11')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN'), decision('2023-08-11', 'MAINTAIN_CP_PLAN')],
        meetings: [discussion('2023-09-01')],
        asOf: '2023-09-05',
      },
      expected: { exceptional: true },
    },
    {
      name: 'DS-BEYOND-3-MONTHS: a discussion before the second review does not count',
      input: {
        careReviews: [review('2023-05-12'), review('2023-08-11')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN'), decision('2023-08-11', 'MAINTAIN_CP_PLAN')],
        meetings: [discussion('2023-08-01')],
        asOf: '2023-09-05',
      },
      expected: { exceptional: true },
      actions: ['DS-BEYOND-3-MONTHS 2024-02-11'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-BEYOND-3-MONTHS 2024-02-11'],
    },
    {
      name: 'DS-BEYOND-3-MONTHS: no discussions in the extract → the oversight discussion unknown, not overdue',
      input: {
        careReviews: [review('2023-05-12'), review('2023-08-11')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN'), decision('2023-08-11', 'MAINTAIN_CP_PLAN')],
        discussionsKnown: false,
        asOf: '2024-02-20',
      },
      expected: { exceptional: true },
      actions: ['DS-BEYOND-3-MONTHS 2024-02-11'],
      dueDates: ['DUAL_STATUS_DISCUSSION DS-BEYOND-3-MONTHS 2024-02-11 unknown'],
    },

    // DS-DISAGREEMENT
    {
      name: 'DS-DISAGREEMENT: IRO and CP co-ordinator disagree on the latest decision → escalated',
      input: { careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN', { disagreement: true })], asOf: '2023-05-16' },
      expected: { state: 'CP_PLAN_MAINTAINED', escalated: true, ruleIds: ['DS-S20', ...whileDual, 'DS-DISAGREEMENT'] },
      actions: ['DS-DISAGREEMENT 2023-05-12'],
    },
    {
      name: 'DS-DISAGREEMENT: resolved at a later decision → not escalated',
      input: {
        careReviews: [review('2023-05-12')],
        decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN', { disagreement: true }), decision('2023-06-12', 'END_CP_PLAN')],
        asOf: '2023-06-14',
      },
      expected: { state: 'CP_PLAN_TO_END', escalated: false },
      actions: ['DS-INITIAL-REVIEW 2023-06-12'],
    },

    // Not dual status
    { name: 'DS-INITIAL-REVIEW: asOf before care started (Wed 12 Apr 2023) → NOT_DUAL_STATUS', input: { asOf: '2023-04-12' }, expected: notDual },
    { name: 'DS-INITIAL-REVIEW: short breaks (V3) never make a child dual status', input: { legalStatuses: [status('V3')] }, expected: notDual },
    { name: 'DS-INITIAL-REVIEW: short breaks (V4) never make a child dual status', input: { legalStatuses: [status('V4')] }, expected: notDual },
    {
      name: 'DS-INITIAL-REVIEW: short breaks then S.20 from Mon 17 Apr 2023 → dual status since then',
      input: { legalStatuses: [status('V3', '2023-04-13', '2023-04-17'), status('V2', '2023-04-17')] },
      expected: { state: 'AWAITING_INITIAL_REVIEW', since: '2023-04-17', initialReviewDue: '2023-05-15' },
      actions: ['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20 2023-05-15'],
    },
    { name: 'DS-INITIAL-REVIEW: CP plan ended before care started → NOT_DUAL_STATUS', input: { cpPlans: [plan({ endDate: '2023-04-01' })] }, expected: notDual },
  ];

  it.each(cases)('$name', ({ input: over, expected, actions = [], dueDates = [] }) => {
    const result = dualStatus(input(over));
    expect(result.outcome).toMatchObject(expected);
    expect(result.outcome.requiredActions.map((a) => `${a.ruleId} ${a.dueOn}`)).toEqual(actions);
    expect(result.dueDates.map(brief)).toEqual(dueDates);
  });

  it('DS-S20-PLO: the discussion due date is LOCAL and belongs to the CP plan', () => {
    const [due] = dualStatus(input({ preProceedings: [plo('2023-03-20')] })).dueDates;
    expect(due).toMatchObject({ kind: 'DUAL_STATUS_DISCUSSION', basis: 'LOCAL', subjectId: 'cp-1', overdue: false, completionKnown: true });
  });
});

describe('CP-DUAL-NO-CONFERENCE', () => {
  // The CP schedule's review conferences, with the dual-status replacement applied.
  function conferences(over: Partial<DualStatusInput>): { replaced: string[]; planNextReview: string[]; schedule: string[]; state: string } {
    const all = input(over);
    const result = dualStatus(all);
    const cpSchedule = childProtectionSchedule({
      enquiries: [],
      conferences: [],
      plans: all.cpPlans,
      reviews: all.cpReviews,
      meetings: [],
      coreGroupsKnown: true,
      calendar,
      policy: all.policy,
      asOf: all.asOf,
    });
    return {
      replaced: [...result.conferenceReplacedFor],
      planNextReview: [...result.planNextReview].map(([planId, due]) => `${planId}: ${due === null ? 'none' : brief(due)}`),
      schedule: applyDualStatusToChildProtection(cpSchedule, result)
        .filter((d) => d.kind === 'CP_REVIEW_CONFERENCE')
        .map(brief),
      state: result.outcome.state,
    };
  }

  const cases: { name: string; input: Partial<DualStatusInput>; expected: ReturnType<typeof conferences> }[] = [
    {
      name: 'CP-DUAL-NO-CONFERENCE: while dual status the plan\'s next review is the next CiC review (Mon 15 May 2023); CP-RCPC-1 (Mon 1 May 2023) dropped',
      input: {},
      expected: { replaced: ['cp-1'], planNextReview: ['cp-1: CIC_REVIEW CP-DUAL-NO-CONFERENCE 2023-05-15'], schedule: [], state: 'AWAITING_INITIAL_REVIEW' },
    },
    {
      name: 'CP-DUAL-NO-CONFERENCE: the CiC chain continues (second review 3 months after Fri 12 May 2023: Sat 12 Aug 2023)',
      input: { careReviews: [review('2023-05-12')], decisions: [decision('2023-05-12', 'MAINTAIN_CP_PLAN')], asOf: '2023-05-20' },
      expected: { replaced: ['cp-1'], planNextReview: ['cp-1: CIC_REVIEW CP-DUAL-NO-CONFERENCE 2023-08-12'], schedule: [], state: 'CP_PLAN_MAINTAINED' },
    },
    {
      name: 'CP-DUAL-NO-CONFERENCE: the CiC review overdue → the plan\'s next review overdue too',
      input: { asOf: '2023-05-16' },
      expected: { replaced: ['cp-1'], planNextReview: ['cp-1: CIC_REVIEW CP-DUAL-NO-CONFERENCE 2023-05-15 overdue'], schedule: [], state: 'AWAITING_INITIAL_REVIEW' },
    },
    {
      name: 'CP-DUAL-NO-CONFERENCE switched off → CP-RCPC-1 (Mon 1 May 2023) restored',
      input: { policy: conferencesKept },
      expected: { replaced: [], planNextReview: [], schedule: ['CP_REVIEW_CONFERENCE CP-RCPC-1 2023-05-01'], state: 'AWAITING_INITIAL_REVIEW' },
    },
    {
      name: 'CP-DUAL-NO-CONFERENCE: child left care Fri 1 Sep 2023, plan open → conference 6 months after the last dual-process CiC review (Thu 10 Aug 2023 → Sat 10 Feb 2024), not CP-RCPC-N (Fri 15 Sep 2023)',
      input: {
        periods: [period({ endDate: '2023-09-01' })],
        careReviews: [review('2023-05-12'), review('2023-08-10')],
        cpReviews: [conference('2023-03-15')],
        asOf: '2023-09-10',
      },
      expected: { replaced: ['cp-1'], planNextReview: ['cp-1: CP_REVIEW_CONFERENCE CP-DUAL-NO-CONFERENCE 2024-02-10'], schedule: ['CP_REVIEW_CONFERENCE CP-DUAL-NO-CONFERENCE 2024-02-10'], state: 'NOT_DUAL_STATUS' },
    },
    {
      name: 'CP-DUAL-NO-CONFERENCE: a review conference held since dual status ended (Mon 2 Oct 2023) → back on CP-RCPC-N (Tue 2 Apr 2024)',
      input: {
        periods: [period({ endDate: '2023-09-01' })],
        careReviews: [review('2023-05-12'), review('2023-08-10')],
        cpReviews: [conference('2023-03-15'), conference('2023-10-02')],
        asOf: '2023-10-10',
      },
      expected: { replaced: [], planNextReview: [], schedule: ['CP_REVIEW_CONFERENCE CP-RCPC-N 2024-04-02'], state: 'NOT_DUAL_STATUS' },
    },
    {
      name: 'CP-DUAL-NO-CONFERENCE: dual status ended before any review meeting → CP-RCPC-1 stands',
      input: { periods: [period({ endDate: '2023-04-28' })], asOf: '2023-05-02' },
      expected: { replaced: [], planNextReview: [], schedule: ['CP_REVIEW_CONFERENCE CP-RCPC-1 2023-05-01 overdue'], state: 'NOT_DUAL_STATUS' },
    },
    {
      name: 'CP-DUAL-NO-CONFERENCE: short breaks (V3) are not dual status → CP-RCPC-1 stays',
      input: { legalStatuses: [status('V3')] },
      expected: { replaced: [], planNextReview: [], schedule: ['CP_REVIEW_CONFERENCE CP-RCPC-1 2023-05-01'], state: 'NOT_DUAL_STATUS' },
    },
  ];

  it.each(cases)('$name', ({ input: over, expected }) => {
    expect(conferences(over)).toEqual(expected);
  });
});
