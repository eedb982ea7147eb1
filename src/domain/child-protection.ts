// Child protection schedule (rules.md, "Child protection (CP)"): the open CP due dates on
// `asOf` — initial conference, S.47 completion, first core group, next review conference.
// Pure: facts and ISO dates in, DueDate[] out. Facts dated after `asOf` are ignored and end
// dates after `asOf` are not yet known (asKnownOn). An end date on or before `asOf` means
// ended (isOpenOn).
//
// CP-DUAL-NO-CONFERENCE replaces CP-RCPC-1/N while a child is dual status; it is applied by
// the dual-status module, not here.

import type { WorkingDayCalendar } from './calendar.js';
import { dueWithin } from './calendar.js';
import { byDueOrder, earliest, openDueDate, type DueDate } from './due-dates.js';
import { asKnownOn, isOpenOn, type ChildProtectionPlanFact, type IsoDate } from './facts.js';
import type { Policy } from './policy.js';

export interface S47EnquiryFact {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** The SSD holds no strategy discussion date: null, and the S.47 start stands in for it. */
  strategyDate: IsoDate | null;
}

export interface InitialConferenceFact {
  id: string;
  s47Id: string | null;
  planId: string | null;
  /** Null: not held (yet). */
  date: IsoDate | null;
}

export interface CpReviewFact {
  id: string;
  planId: string;
  dueDate: IsoDate | null;
  heldOn: IsoDate | null;
}

export type MeetingKind = 'CP_CORE_GROUP' | 'CIN_PLAN_REVIEW' | 'PEP_REVIEW' | 'PATHWAY_PLAN_REVIEW' | 'DUAL_STATUS_DISCUSSION';

export interface MeetingFact {
  id: string;
  kind: MeetingKind;
  subjectId: string | null;
  date: IsoDate;
}

export interface ChildProtectionScheduleInput {
  enquiries: readonly S47EnquiryFact[];
  conferences: readonly InitialConferenceFact[];
  plans: readonly ChildProtectionPlanFact[];
  reviews: readonly CpReviewFact[];
  meetings: readonly MeetingFact[];
  /** False when the extract carries no core group meetings at all (rules.md, "Events the extract does not carry"). */
  coreGroupsKnown: boolean;
  calendar: WorkingDayCalendar;
  policy: Policy;
  asOf: IsoDate;
}

const endedBy = (endDate: IsoDate | null, asOf: IsoDate): boolean => endDate !== null && endDate <= asOf;

/** CP-ICPC: initial conference within 15 working days of the strategy discussion (the S.47 start when none is held); open while no ICPC linked to the enquiry is held and the enquiry has not ended without one. */
export function initialConferenceDue(
  enquiry: S47EnquiryFact,
  conferences: readonly InitialConferenceFact[],
  calendar: WorkingDayCalendar,
  asOf: IsoDate,
): DueDate | null {
  if (enquiry.startDate > asOf || endedBy(enquiry.endDate, asOf)) return null;
  const held = conferences.some((c) => c.s47Id === enquiry.id && c.date !== null && c.date <= asOf);
  if (held) return null;
  const from = enquiry.strategyDate ?? enquiry.startDate;
  return openDueDate({ kind: 'CP_INITIAL_CONFERENCE', ...calendar.workingDaysAfter(from, 15), ruleId: 'CP-ICPC', subjectId: enquiry.id, asOf });
}

/** CP-S47 (local, policy figures): S.47 enquiry completed within 10 days of starting; open while the enquiry has no end date on asOf. */
export function s47CompletionDue(enquiry: S47EnquiryFact, policy: Policy, calendar: WorkingDayCalendar, asOf: IsoDate): DueDate | null {
  const local = policy.rules['CP-S47'];
  if (!local.applies || enquiry.startDate > asOf || endedBy(enquiry.endDate, asOf)) return null;
  return openDueDate({ kind: 'S47_COMPLETION', ...dueWithin(enquiry.startDate, local.within, calendar, policy.monthsAs), ruleId: 'CP-S47', subjectId: enquiry.id, asOf });
}

/** The plan's ICPC date: the earliest conference linked to the plan held on or before asOf; null when none. */
export function initialConferenceDateOf(plan: ChildProtectionPlanFact, conferences: readonly InitialConferenceFact[], asOf: IsoDate): IsoDate | null {
  const dates = conferences
    .filter((c) => c.planId === plan.id && c.date !== null && c.date <= asOf)
    .map((c) => c.date!)
    .sort();
  return dates[0] ?? null;
}

/**
 * CP-CORE-GROUP: first core group within 10 working days of the ICPC (the plan's start when no
 * ICPC date is held); open while no core group for the plan is dated on/after the ICPC and on
 * or before asOf. With no core groups in the extract at all: projected, completionKnown false.
 */
export function firstCoreGroupDue(
  plan: ChildProtectionPlanFact,
  icpcDate: IsoDate | null,
  meetings: readonly MeetingFact[],
  coreGroupsKnown: boolean,
  calendar: WorkingDayCalendar,
  asOf: IsoDate,
): DueDate | null {
  if (!isOpenOn(plan, asOf)) return null;
  const from = icpcDate ?? plan.startDate;
  const held = meetings.some((m) => m.kind === 'CP_CORE_GROUP' && m.subjectId === plan.id && m.date >= from && m.date <= asOf);
  if (coreGroupsKnown && held) return null;
  return openDueDate({
    kind: 'CP_CORE_GROUP',
    ...calendar.workingDaysAfter(from, 10),
    ruleId: 'CP-CORE-GROUP',
    subjectId: plan.id,
    asOf,
    completionKnown: coreGroupsKnown,
  });
}

/**
 * CP-RCPC-1 / CP-RCPC-N: first review conference within 3 months of the ICPC (the plan's start
 * when no ICPC date is held), each later one within 6 months of the previous review actually
 * held (months per policy.monthsAs). Returns the next review not yet held.
 */
export function nextReviewConferenceDue(
  plan: ChildProtectionPlanFact,
  icpcDate: IsoDate | null,
  reviews: readonly CpReviewFact[],
  calendar: WorkingDayCalendar,
  policy: Policy,
  asOf: IsoDate,
): DueDate | null {
  if (!isOpenOn(plan, asOf)) return null;
  const held = reviews
    .filter((r) => r.planId === plan.id && r.heldOn !== null && r.heldOn <= asOf)
    .map((r) => r.heldOn!)
    .sort();
  const last = held.at(-1);
  const due =
    last === undefined
      ? dueWithin(icpcDate ?? plan.startDate, { amount: 3, unit: 'MONTHS' }, calendar, policy.monthsAs)
      : dueWithin(last, { amount: 6, unit: 'MONTHS' }, calendar, policy.monthsAs);
  return openDueDate({
    kind: 'CP_REVIEW_CONFERENCE',
    ...due,
    ruleId: last === undefined ? 'CP-RCPC-1' : 'CP-RCPC-N',
    subjectId: plan.id,
    asOf,
  });
}

/** Every open CP due date on asOf, sorted by byDueOrder. */
export function childProtectionSchedule(input: ChildProtectionScheduleInput): DueDate[] {
  const { calendar, policy, asOf } = input;
  const out: (DueDate | null)[] = [];
  for (const enquiry of asKnownOn(input.enquiries, asOf)) {
    out.push(initialConferenceDue(enquiry, input.conferences, calendar, asOf));
    out.push(s47CompletionDue(enquiry, policy, calendar, asOf));
  }
  for (const plan of asKnownOn(input.plans, asOf)) {
    if (!isOpenOn(plan, asOf)) continue;
    const icpcDate = initialConferenceDateOf(plan, input.conferences, asOf);
    out.push(firstCoreGroupDue(plan, icpcDate, input.meetings, input.coreGroupsKnown, calendar, asOf));
    out.push(nextReviewConferenceDue(plan, icpcDate, input.reviews, calendar, policy, asOf));
  }
  return out.filter((d): d is DueDate => d !== null).sort(byDueOrder);
}

/** A plan's next review conference in a schedule (its nextReviewDue), or null. */
export function nextReviewOf(dueDates: readonly DueDate[], planId: string): DueDate | null {
  return earliest(dueDates.filter((d) => d.kind === 'CP_REVIEW_CONFERENCE' && d.subjectId === planId));
}
