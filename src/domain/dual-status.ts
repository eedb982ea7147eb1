// Dual status (rules.md, "Dual status", source 000): a child on a CP plan who is also looked
// after. Which workflow applies (pathway), where it has got to (state, over the IRO's latest
// recommendation), what practitioners still have to do, and how CP-DUAL-NO-CONFERENCE
// replaces the CP review conference. Readings where 000 is silent: docs/dual-status.md.
// Pure: facts and ISO dates in, results out. Facts dated after `asOf` are ignored and end
// dates after `asOf` are not yet known (asKnownOn).

import { dueWithin, type WorkingDayCalendar, type WorkingDayCount } from './calendar.js';
import { legalStatusOn, type PeriodOfCareFact } from './child-in-care.js';
import { careReviewDueAfter, heldReviewDates, isShortBreaks } from './child-in-care-schedule.js';
import type { CpReviewFact, MeetingFact } from './child-protection.js';
import { byDueOrder, openDueDate, type DueDate } from './due-dates.js';
import { asKnownOn, isOpenOn, type CareReviewFact, type ChildProtectionPlanFact, type IsoDate, type LegalStatusFact } from './facts.js';
import type { CourtOrderFact, CourtOrderType } from './parental-responsibility.js';
import type { Policy } from './policy.js';
import type { RuleId } from './rules.js';

export type IroRecommendation = 'END_CP_PLAN' | 'MAINTAIN_CP_PLAN' | 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER';
export type DualStatusPathway = 'INTERIM_CARE_ORDER' | 'CARE_ORDER' | 'SECTION_20' | 'SECTION_20_PLO';
export type DualStatusState =
  | 'NOT_DUAL_STATUS'
  | 'CP_PLAN_ENDS'
  | 'AWAITING_INITIAL_REVIEW'
  | 'CP_PLAN_MAINTAINED'
  | 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER'
  | 'CP_PLAN_TO_END_ORDER_MADE'
  | 'CP_PLAN_TO_END';

/** A `ssd_pre_proceedings` row (PLO). */
export interface PreProceedingsFact {
  id: string;
  decisionDate: IsoDate | null;
  initialMeetingDate: IsoDate | null;
  /** Blank while still in pre-proceedings; else the decision to step down or to issue care proceedings. */
  outcome: string | null;
  /** `prep_agree_stepdown_issue_date`: pre-proceedings end (step down or issue). */
  stepDownDate: IsoDate | null;
}

/** A `cb_dual_status_decision` row: the IRO's recommendation at a CiC review, or only the letter ending a CP plan. */
export interface DualStatusDecisionFact {
  id: string;
  planId: string | null;
  /** Null on a letter-only row. */
  reviewDate: IsoDate | null;
  recommendation: IroRecommendation | null;
  /** The letter to agencies: starts the challenge window. */
  agenciesNotifiedDate: IsoDate | null;
  /** IRO and CP co-ordinator disagree. */
  disagreement: boolean;
}

export interface RequiredAction {
  description: string;
  dueOn: IsoDate | null;
  ruleId: RuleId;
}

export interface DualStatusOutcome {
  state: DualStatusState;
  isDualStatus: boolean;
  since: IsoDate | null;
  pathway: DualStatusPathway | null;
  initialReviewDue: IsoDate | null;
  recommendation: IroRecommendation | null;
  challengeWindowEndsOn: IsoDate | null;
  exceptional: boolean;
  escalated: boolean;
  requiredActions: RequiredAction[];
  ruleIds: RuleId[];
}

export interface DualStatusInput {
  cpPlans: readonly ChildProtectionPlanFact[];
  periods: readonly PeriodOfCareFact[];
  legalStatuses: readonly LegalStatusFact[];
  careReviews: readonly CareReviewFact[];
  /** Held CP review conferences (for CP-DUAL-NO-CONFERENCE after dual status ends). */
  cpReviews: readonly CpReviewFact[];
  preProceedings: readonly PreProceedingsFact[];
  decisions: readonly DualStatusDecisionFact[];
  /** SGO / CAO / adoption orders: "the legal order is made". */
  orders: readonly CourtOrderFact[];
  /** DUAL_STATUS_DISCUSSION meetings held. */
  meetings: readonly MeetingFact[];
  /** False when the extract has no DUAL_STATUS_DISCUSSION rows at all (rules.md, "Events the extract does not carry"). */
  discussionsKnown: boolean;
  calendar: WorkingDayCalendar;
  policy: Policy;
  asOf: IsoDate;
}

export interface DualStatusResult {
  outcome: DualStatusOutcome;
  /** Open DUAL_STATUS_DISCUSSION and DUAL_STATUS_CHALLENGE_WINDOW_ENDS due dates, by byDueOrder. */
  dueDates: DueDate[];
  /** CP plan ids whose CP-RCPC-1/N review conference is replaced (CP-DUAL-NO-CONFERENCE applies). */
  conferenceReplacedFor: ReadonlySet<string>;
  /**
   * For a CP plan under CP-DUAL-NO-CONFERENCE: while dual status lasts, the next CiC review
   * (kind CIC_REVIEW); once dual status has ended with the plan open, the next review
   * conference (kind CP_REVIEW_CONFERENCE), 6 months after the last dual-process CiC review.
   */
  planNextReview: ReadonlyMap<string, DueDate | null>;
}

/** DS-ICO: agencies have 10 working days from the letter to challenge the end of the CP plan. */
const challengeWorkingDays = 10;

/** Court orders that count as "the legal order is made" (DS-UNTIL-ORDER; rules.md readings). */
const legalOrders: ReadonlySet<CourtOrderType> = new Set(['SPECIAL_GUARDIANSHIP', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'ADOPTION']);

/** The plan and period of care whose overlap makes (or made) the child dual status. */
interface DualSpell {
  plan: ChildProtectionPlanFact;
  period: PeriodOfCareFact;
  since: IsoDate;
}

/** A letter to agencies that ends the CP plan outside a meeting: DS-ICO, or DS-UNTIL-ORDER once the order is made. */
interface Ending {
  ruleId: 'DS-ICO' | 'DS-UNTIL-ORDER';
  /** The day the duty arose: the order's start (dual status's, when the plan started under the order). */
  from: IsoDate;
}

const latestDate = (dates: readonly IsoDate[]): IsoDate | undefined => [...dates].sort().at(-1);

/** Pre-proceedings decided (or planned: no dates yet) and not ended by a step-down or issue on `on`. */
function inPreProceedingsOn(record: PreProceedingsFact, on: IsoDate): boolean {
  const start = record.decisionDate ?? record.initialMeetingDate;
  if (start !== null && start > on) return false;
  if (record.stepDownDate !== null) return record.stepDownDate > on;
  return record.outcome === null; // an outcome with no date: ended, when unknown
}

/** rules.md readings: C1 → ICO; C2 and E1 → care order; V2 → S.20, with PLO when pre-proceedings are open; others none. */
function pathwayOf(code: string | undefined, preProceedings: readonly PreProceedingsFact[], on: IsoDate): DualStatusPathway | null {
  switch (code) {
    case 'C1':
      return 'INTERIM_CARE_ORDER';
    case 'C2':
    case 'E1':
      return 'CARE_ORDER';
    case 'V2':
      return preProceedings.some((record) => inPreProceedingsOn(record, on)) ? 'SECTION_20_PLO' : 'SECTION_20';
    default:
      return null;
  }
}

/** DS-ICO names the ICO; the full care order is Carebridge's reading, behind policy. */
function dsIcoApplies(pathway: DualStatusPathway | null, policy: Policy): boolean {
  const rule = policy.rules['DS-ICO'];
  return rule.applies && (pathway === 'INTERIM_CARE_ORDER' || (pathway === 'CARE_ORDER' && rule.includesCareOrder));
}

/** When the run of DS-ICO legal statuses in force on `on` began (C1 running into C2 began with the C1). */
function dsIcoFrom(statuses: readonly LegalStatusFact[], on: IsoDate, policy: Policy): IsoDate {
  let start = legalStatusOn(statuses, on)!.startDate;
  for (;;) {
    const before = statuses.find((s) => s.endDate === start && s.startDate < start && dsIcoApplies(pathwayOf(s.code, [], s.startDate), policy));
    if (!before) return start;
    start = before.startDate;
  }
}

/** Dual status starts when both are open, and again after a run of short breaks (V3/V4 never count). */
function dualSince(plan: ChildProtectionPlanFact, period: PeriodOfCareFact, statuses: readonly LegalStatusFact[], on: IsoDate): IsoDate {
  const from = plan.startDate > period.startDate ? plan.startDate : period.startDate;
  const afterShortBreaks = statuses.filter((s) => isShortBreaks(s.code) && s.endDate !== null && s.endDate > from && s.endDate <= on).map((s) => s.endDate!);
  return latestDate([from, ...afterShortBreaks])!;
}

function currentSpell(
  plans: readonly ChildProtectionPlanFact[],
  periods: readonly PeriodOfCareFact[],
  statuses: readonly LegalStatusFact[],
  asOf: IsoDate,
): DualSpell | null {
  if (isShortBreaks(legalStatusOn(statuses, asOf)?.code)) return null;
  const plan = plans.filter((p) => isOpenOn(p, asOf)).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const period = periods.find((p) => isOpenOn(p, asOf));
  return plan && period ? { plan, period, since: dualSince(plan, period, statuses, asOf) } : null;
}

/** The latest CP plan whose end was recorded while the child was looked after (not on short breaks). */
function endedSpell(
  plans: readonly ChildProtectionPlanFact[],
  periods: readonly PeriodOfCareFact[],
  statuses: readonly LegalStatusFact[],
): DualSpell | null {
  const ended = plans.filter((p) => p.endDate !== null).sort((a, b) => b.endDate!.localeCompare(a.endDate!));
  for (const plan of ended) {
    const end = plan.endDate!;
    const period = periods.find((p) => isOpenOn(p, end));
    if (!period || isShortBreaks(legalStatusOn(statuses, end)?.code)) continue;
    const since = dualSince(plan, period, statuses, end);
    if (since < end) return { plan, period, since };
  }
  return null;
}

/** "The legal order is made": a C2 or E1 status (a change of status) or an SGO, CAO or adoption order starting after the decision. */
function legalOrderMadeAfter(
  decidedOn: IsoDate,
  statuses: readonly LegalStatusFact[],
  orders: readonly CourtOrderFact[],
  asOf: IsoDate,
): IsoDate | null {
  const codeThen = legalStatusOn(statuses, decidedOn)?.code;
  const starts = [
    ...statuses.filter((s) => (s.code === 'C2' || s.code === 'E1') && s.code !== codeThen).map((s) => s.startDate),
    ...orders.filter((o) => legalOrders.has(o.orderType)).map((o) => o.startDate),
  ].filter((start) => start > decidedOn && start <= asOf);
  return starts.sort()[0] ?? null;
}

function stateOf(recommendation: IroRecommendation | null, orderMadeOn: IsoDate | null, dsIco: boolean): DualStatusState {
  if (orderMadeOn !== null) return 'CP_PLAN_TO_END_ORDER_MADE';
  switch (recommendation) {
    case 'END_CP_PLAN':
      return 'CP_PLAN_TO_END';
    case 'MAINTAIN_CP_PLAN':
      return 'CP_PLAN_MAINTAINED';
    case 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER':
      return 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER';
    case null:
      return dsIco ? 'CP_PLAN_ENDS' : 'AWAITING_INITIAL_REVIEW';
  }
}

const notDualStatus: DualStatusOutcome = {
  state: 'NOT_DUAL_STATUS',
  isDualStatus: false,
  since: null,
  pathway: null,
  initialReviewDue: null,
  recommendation: null,
  challengeWindowEndsOn: null,
  exceptional: false,
  escalated: false,
  requiredActions: [],
  ruleIds: [],
};

/** The DS rule a pathway follows: none for a care order outside DS-ICO, nor without a pathway. */
function pathwayRule(pathway: DualStatusPathway | null, dsIco: boolean): RuleId | null {
  if (pathway === 'SECTION_20') return 'DS-S20';
  if (pathway === 'SECTION_20_PLO') return 'DS-S20-PLO';
  return dsIco ? 'DS-ICO' : null;
}

/** The workflow for one spell on `asOf`: outcome and its DUAL_STATUS_* due dates. */
function workflow(
  spell: DualSpell,
  isDualStatus: boolean,
  statuses: readonly LegalStatusFact[],
  input: DualStatusInput,
): { outcome: DualStatusOutcome; dueDates: DueDate[] } {
  const { plan, period, since } = spell;
  const { calendar, policy, asOf } = input;
  // The pathway of an ended plan is the one it ended under.
  const on = isDualStatus ? asOf : plan.endDate!;
  const pathway = pathwayOf(legalStatusOn(statuses, on)?.code, input.preProceedings, on);
  const dsIco = dsIcoApplies(pathway, policy);

  const rows = input.decisions.filter((d) => d.planId === null || d.planId === plan.id);
  const decision = rows
    .filter((d) => d.recommendation !== null && d.reviewDate !== null && d.reviewDate >= since && d.reviewDate <= asOf)
    .sort((a, b) => a.reviewDate!.localeCompare(b.reviewDate!) || a.id.localeCompare(b.id))
    .at(-1);
  const recommendation = decision?.recommendation ?? null;
  const orderMadeOn =
    decision && recommendation === 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER' ? legalOrderMadeAfter(decision.reviewDate!, statuses, input.orders, asOf) : null;
  const state = stateOf(recommendation, orderMadeOn, dsIco);

  const ending: Ending | null =
    orderMadeOn !== null
      ? { ruleId: 'DS-UNTIL-ORDER', from: orderMadeOn }
      : dsIco && (state === 'CP_PLAN_ENDS' || state === 'CP_PLAN_TO_END')
        ? { ruleId: 'DS-ICO', from: latestDate([since, dsIcoFrom(statuses, on, policy)])! }
        : null;
  const letter = ending
    ? latestDate(rows.map((d) => d.agenciesNotifiedDate).filter((d): d is IsoDate => d !== null && d >= ending.from && d <= asOf))
    : undefined;
  const challengeWindow = letter === undefined ? null : calendar.workingDaysAfter(letter, challengeWorkingDays);
  const challengeWindowEndsOn = challengeWindow?.dueOn ?? null;

  // rules.md: once the plan's end is recorded the state stays until the challenge window
  // closes; with no letter recorded, until it would have closed had the letter gone that day.
  if (!isDualStatus) {
    const closes = challengeWindowEndsOn ?? calendar.addWorkingDays(plan.endDate!, challengeWorkingDays);
    if (!ending || asOf > closes) return { outcome: notDualStatus, dueDates: [] };
  }

  const held = heldReviewDates(period.id, input.careReviews, asOf);
  const heldInDualStatus = held.filter((d) => d >= since);
  const lastHeld = heldInDualStatus.at(-1);
  const initialReview = careReviewDueAfter(period, held.filter((d) => d < since), false, calendar, policy);
  const initialReviewDue = initialReview.dueOn;
  const nextReview = careReviewDueAfter(period, held, false, calendar, policy);
  const exceptional = isDualStatus && heldInDualStatus.length >= 2;
  const escalated = decision?.disagreement ?? false;
  const discussionsHeld = input.meetings
    .filter((m) => m.kind === 'DUAL_STATUS_DISCUSSION' && (m.subjectId === null || m.subjectId === plan.id || m.subjectId === period.id))
    .filter((m) => m.date >= since && m.date <= asOf)
    .map((m) => m.date);
  // With no discussions in the extract at all, whether one was held is unknown: still listed.
  const discussionHeld = (when: (date: IsoDate) => boolean) => input.discussionsKnown && discussionsHeld.some(when);

  const actions: RequiredAction[] = [];
  const dueDates: DueDate[] = [];
  const discussion = (ruleId: RuleId, due: WorkingDayCount, description: string) => {
    actions.push({ description, dueOn: due.dueOn, ruleId });
    dueDates.push(
      openDueDate({ kind: 'DUAL_STATUS_DISCUSSION', ...due, ruleId, subjectId: plan.id, asOf, completionKnown: input.discussionsKnown }),
    );
  };

  const planOpen = isOpenOn(plan, asOf);
  if (planOpen && ending?.ruleId === 'DS-UNTIL-ORDER') {
    actions.push({
      description: 'Social worker notifies the CP co-ordinator and the IRO that the legal order is made; the CP plan ends outside a meeting',
      dueOn: ending.from,
      ruleId: ending.ruleId,
    });
  } else if (planOpen && (state === 'CP_PLAN_ENDS' || state === 'CP_PLAN_TO_END')) {
    actions.push({
      description: "Admin ends the CP plan and the CP co-ordinator's involvement",
      dueOn: ending?.from ?? decision!.reviewDate,
      ruleId: ending?.ruleId ?? 'DS-INITIAL-REVIEW',
    });
  }
  if (ending && letter === undefined) {
    actions.push({
      description:
        "Admin writes to every agency that attended the last CP conference with the decision to end the CP plan and the IRO's details; agencies have 10 working days to challenge",
      dueOn: ending.from,
      ruleId: ending.ruleId,
    });
  }
  if (ending && challengeWindow !== null && asOf <= challengeWindow.dueOn) {
    dueDates.push(
      openDueDate({ kind: 'DUAL_STATUS_CHALLENGE_WINDOW_ENDS', ...challengeWindow, ruleId: ending.ruleId, subjectId: plan.id, asOf }),
    );
  }

  if (isDualStatus) {
    // A recorded recommendation shows the initial review was held, even without its CiC review row.
    if (lastHeld === undefined && recommendation === null) {
      if (!dsIco) {
        actions.push({
          description: 'Initial CiC (dual process) review: the IRO recommends ending the CP plan, maintaining it, or maintaining it until a legal order is made',
          dueOn: initialReviewDue,
          ruleId: 'DS-INITIAL-REVIEW',
        });
      }
      if (pathway === 'SECTION_20') {
        actions.push({
          description: 'Consider the risk of a parent withdrawing S.20 consent; the initial CiC review decides on the CP plan',
          dueOn: initialReviewDue,
          ruleId: 'DS-S20',
        });
      }
      if (pathway === 'SECTION_20_PLO' && !discussionHeld(() => true)) {
        discussion(
          'DS-S20-PLO',
          initialReview,
          'Before the initial CiC review the CP chair, IRO and social worker / team manager discuss care planning and the recommendation; the CP co-ordinator case-notes it',
        );
      }
    } else if (lastHeld !== undefined && !rows.some((d) => d.reviewDate !== null && d.reviewDate >= lastHeld)) {
      actions.push({
        description: 'IRO emails the CP co-ordinator and the CP unit and case-notes the outcome regarding the CP status',
        dueOn: lastHeld,
        ruleId: 'DS-INITIAL-REVIEW',
      });
    }
    if (exceptional && !discussionHeld((d) => d > lastHeld!)) {
      discussion(
        'DS-BEYOND-3-MONTHS',
        nextReview,
        'Dual status beyond the three-month review: before the next CiC review the IRO, CP co-ordinator and team manager discuss whether dual status is still needed and case-note it',
      );
    }
  }
  if (escalated) {
    actions.push({
      description: 'Refer the disagreement between the IRO and the CP co-ordinator to the IRO team manager and the CP team manager',
      dueOn: decision!.reviewDate,
      ruleId: 'DS-DISAGREEMENT',
    });
  }
  actions.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));

  const noConference = isDualStatus && policy.rules['CP-DUAL-NO-CONFERENCE'].applies;
  const ruleIds = new Set<RuleId>();
  const followed = pathwayRule(pathway, dsIco);
  if (followed) ruleIds.add(followed);
  if (isDualStatus) ruleIds.add('DS-INITIAL-REVIEW');
  if (noConference) ruleIds.add('DS-NO-CONFERENCE').add('CP-DUAL-NO-CONFERENCE');
  if (recommendation === 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER') ruleIds.add('DS-UNTIL-ORDER');
  if (exceptional) ruleIds.add('DS-BEYOND-3-MONTHS');
  if (escalated) ruleIds.add('DS-DISAGREEMENT');
  for (const action of actions) ruleIds.add(action.ruleId);

  return {
    outcome: {
      state,
      isDualStatus,
      since,
      pathway,
      initialReviewDue,
      recommendation,
      challengeWindowEndsOn,
      exceptional,
      escalated,
      requiredActions: actions,
      ruleIds: [...ruleIds],
    },
    dueDates,
  };
}

/**
 * CP-DUAL-NO-CONFERENCE (policy switch): while dual status lasts, each open CP plan's next
 * review is the child's next CiC review; once dual status has ended with the plan open and a
 * dual-process CiC review is its last review meeting, the next review conference is due 6
 * months after that review. A conference held since then puts the plan back on CP-RCPC-N.
 */
function conferencesReplaced(
  current: DualSpell | null,
  plans: readonly ChildProtectionPlanFact[],
  periods: readonly PeriodOfCareFact[],
  statuses: readonly LegalStatusFact[],
  input: DualStatusInput,
): Map<string, DueDate> {
  const { calendar, policy, asOf } = input;
  const replaced = new Map<string, DueDate>();
  if (!policy.rules['CP-DUAL-NO-CONFERENCE'].applies) return replaced;
  const openPlans = plans.filter((p) => isOpenOn(p, asOf));
  if (current) {
    const held = heldReviewDates(current.period.id, input.careReviews, asOf);
    const due = careReviewDueAfter(current.period, held, false, calendar, policy);
    for (const plan of openPlans) {
      replaced.set(plan.id, openDueDate({ kind: 'CIC_REVIEW', dueOn: due.dueOn, provisional: due.provisional, ruleId: 'CP-DUAL-NO-CONFERENCE', subjectId: plan.id, asOf }));
    }
    return replaced;
  }
  for (const plan of openPlans) {
    const dualProcessReviews = periods.flatMap((period) =>
      heldReviewDates(period.id, input.careReviews, asOf).filter(
        (d) => d >= plan.startDate && isOpenOn(period, d) && !isShortBreaks(legalStatusOn(statuses, d)?.code),
      ),
    );
    const lastReview = latestDate(dualProcessReviews);
    const lastConference = latestDate(
      input.cpReviews.filter((r) => r.planId === plan.id && r.heldOn !== null && r.heldOn <= asOf).map((r) => r.heldOn!),
    );
    if (lastReview === undefined || (lastConference !== undefined && lastConference >= lastReview)) continue;
    const due = dueWithin(lastReview, { amount: 6, unit: 'MONTHS' }, calendar, policy.monthsAs);
    replaced.set(plan.id, openDueDate({ kind: 'CP_REVIEW_CONFERENCE', ...due, ruleId: 'CP-DUAL-NO-CONFERENCE', subjectId: plan.id, asOf }));
  }
  return replaced;
}

/** The child's dual status on `asOf` (rules.md, "Dual status"; readings in docs/dual-status.md). */
export function dualStatus(input: DualStatusInput): DualStatusResult {
  const { asOf } = input;
  const plans = asKnownOn(input.cpPlans, asOf);
  const periods = asKnownOn(input.periods, asOf);
  const statuses = asKnownOn(input.legalStatuses, asOf);
  const current = currentSpell(plans, periods, statuses, asOf);
  const spell = current ?? endedSpell(plans, periods, statuses);
  const { outcome, dueDates } = spell ? workflow(spell, current !== null, statuses, input) : { outcome: notDualStatus, dueDates: [] };
  const planNextReview = conferencesReplaced(current, plans, periods, statuses, input);
  return {
    outcome,
    dueDates: dueDates.sort(byDueOrder),
    conferenceReplacedFor: new Set(planNextReview.keys()),
    planNextReview,
  };
}

/**
 * CP-DUAL-NO-CONFERENCE on a CP schedule: the replaced plans lose their CP-RCPC-1/N review
 * conference; a plan whose dual status has ended gets its review conference back, counted
 * from the last dual-process CiC review.
 */
export function applyDualStatusToChildProtection(cpSchedule: readonly DueDate[], result: DualStatusResult): DueDate[] {
  const kept = cpSchedule.filter((d) => !(d.kind === 'CP_REVIEW_CONFERENCE' && d.subjectId !== null && result.conferenceReplacedFor.has(d.subjectId)));
  const conferences = [...result.planNextReview.values()].filter((d): d is DueDate => d !== null && d.kind === 'CP_REVIEW_CONFERENCE');
  return [...kept, ...conferences].sort(byDueOrder);
}
