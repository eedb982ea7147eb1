// Child in need and assessment (rules.md, "Child in need (CiN) and assessment"): the open due
// dates on a date `asOf`, as pure functions of facts, the calendar and the authority's policy.
// Facts after `asOf` are ignored: what is returned is what was known on that date.

import { dueWithin, type WorkingDayCalendar } from './calendar.js';
import { byDueOrder, earliest, openDueDate, type DueDate } from './due-dates.js';
import { asKnownOn, isOpenOn, type ChildInNeedPlanFact, type IsoDate } from './facts.js';
import type { Policy } from './policy.js';

export interface AssessmentFact {
  id: string;
  referralId: string | null;
  referralDate: IsoDate | null;
  startDate: IsoDate;
  authorisedDate: IsoDate | null;
}

/** A CIN_PLAN_REVIEW meeting from `cb_meeting`; `subjectId` is the CiN plan's id. */
export interface CinPlanMeetingFact {
  id: string;
  subjectId: string | null;
  date: IsoDate;
}

export interface ChildInNeedScheduleInput {
  assessments: AssessmentFact[];
  plans: ChildInNeedPlanFact[];
  reviewMeetings: CinPlanMeetingFact[];
  /** False when the extract has no CIN_PLAN_REVIEW meetings at all (rules.md, "Events the extract does not carry"). */
  reviewsKnown: boolean;
  calendar: WorkingDayCalendar;
  policy: Policy;
  asOf: IsoDate;
}

/** Started on or before `asOf` and not authorised by then. */
function assessmentOpenOn(assessment: AssessmentFact, asOf: IsoDate): boolean {
  return assessment.startDate <= asOf && (assessment.authorisedDate === null || assessment.authorisedDate > asOf);
}

/** The date both assessment rules count from: the referral, or the assessment start when no referral date is held. */
function assessmentClockStart(assessment: AssessmentFact): IsoDate {
  return assessment.referralDate ?? assessment.startDate;
}

/**
 * CIN-ASSESSMENT (STATUTORY): completed within 45 working days of the referral (the
 * assessment start when no referral date is held). The DfE CiN census measures the duration
 * from the assessment start instead; BI measures say which they use — this due date is
 * Working Together's, from the referral.
 */
function assessmentDue(assessment: AssessmentFact, calendar: WorkingDayCalendar, asOf: IsoDate): DueDate {
  return openDueDate({
    kind: 'ASSESSMENT_COMPLETION',
    ...dueWithin(assessmentClockStart(assessment), { amount: 45, unit: 'WORKING_DAYS' }, calendar),
    ruleId: 'CIN-ASSESSMENT',
    subjectId: assessment.id,
    asOf,
  });
}

/**
 * CIN-ASSESSMENT-LOCAL (LOCAL, policy figure, default 35 calendar days) from the referral (the
 * assessment start when no referral date is held, as CIN-ASSESSMENT). It competes with
 * CIN-ASSESSMENT (rules.md, "Competing vs replacing rules"): both stay in the schedule and the
 * earlier is the one due.
 */
function assessmentLocalDue(assessment: AssessmentFact, calendar: WorkingDayCalendar, policy: Policy, asOf: IsoDate): DueDate | null {
  const local = policy.rules['CIN-ASSESSMENT-LOCAL'];
  if (!local.applies) return null;
  return openDueDate({
    kind: 'ASSESSMENT_COMPLETION',
    ...dueWithin(assessmentClockStart(assessment), local.within, calendar, policy.monthsAs),
    ruleId: 'CIN-ASSESSMENT-LOCAL',
    subjectId: assessment.id,
    asOf,
  });
}

/** CIN-PLAN-REVIEW-1 (LOCAL, policy figure, default 4 weeks): the first review, from the plan's start. */
function firstPlanReviewDue(plan: ChildInNeedPlanFact, input: ChildInNeedScheduleInput): DueDate | null {
  const first = input.policy.rules['CIN-PLAN-REVIEW-1'];
  if (!first.applies) return null;
  return openDueDate({
    kind: 'CIN_PLAN_REVIEW',
    ...dueWithin(plan.startDate, first.within, input.calendar, input.policy.monthsAs),
    ruleId: 'CIN-PLAN-REVIEW-1',
    subjectId: plan.id,
    asOf: input.asOf,
    completionKnown: input.reviewsKnown,
  });
}

/**
 * CIN-PLAN-REVIEW-N (LOCAL, policy figure, default 3 months, counted as `monthsAs`): the next
 * review, from the date the previous review was actually held (rules.md, "Conventions").
 */
function laterPlanReviewDue(plan: ChildInNeedPlanFact, lastHeld: IsoDate, input: ChildInNeedScheduleInput): DueDate | null {
  const later = input.policy.rules['CIN-PLAN-REVIEW-N'];
  if (!later.applies) return null;
  return openDueDate({
    kind: 'CIN_PLAN_REVIEW',
    ...dueWithin(lastHeld, later.within, input.calendar, input.policy.monthsAs),
    ruleId: 'CIN-PLAN-REVIEW-N',
    subjectId: plan.id,
    asOf: input.asOf,
    completionKnown: input.reviewsKnown,
  });
}

/** The plan's next open review: CIN-PLAN-REVIEW-1 until a review is held in [start, asOf], then CIN-PLAN-REVIEW-N. */
function nextPlanReviewDue(plan: ChildInNeedPlanFact, input: ChildInNeedScheduleInput): DueDate | null {
  const held = input.reviewMeetings
    .filter((meeting) => meeting.subjectId === plan.id && meeting.date >= plan.startDate && meeting.date <= input.asOf)
    .map((meeting) => meeting.date)
    .sort();
  const lastHeld = held.at(-1);
  return lastHeld === undefined ? firstPlanReviewDue(plan, input) : laterPlanReviewDue(plan, lastHeld, input);
}

/**
 * The open child-in-need due dates on `asOf`, by `byDueOrder`: each open assessment's
 * CIN-ASSESSMENT and (policy permitting) CIN-ASSESSMENT-LOCAL, and each open CiN plan's next
 * review. A plan ended on or before `asOf` has none.
 */
export function childInNeedSchedule(input: ChildInNeedScheduleInput): DueDate[] {
  const { asOf, calendar, policy } = input;
  const dueDates: DueDate[] = [];
  for (const assessment of input.assessments) {
    if (!assessmentOpenOn(assessment, asOf)) continue;
    dueDates.push(assessmentDue(assessment, calendar, asOf));
    const local = assessmentLocalDue(assessment, calendar, policy, asOf);
    if (local) dueDates.push(local);
  }
  for (const plan of asKnownOn(input.plans, asOf)) {
    if (!isOpenOn(plan, asOf)) continue;
    const review = nextPlanReviewDue(plan, input);
    if (review) dueDates.push(review);
  }
  return dueDates.sort(byDueOrder);
}

/** A plan's `nextReviewDue`: its next CiN plan review among the due dates, or null. */
export function nextCinPlanReview(dueDates: readonly DueDate[], planId: string): DueDate | null {
  return earliest(dueDates.filter((due) => due.kind === 'CIN_PLAN_REVIEW' && due.subjectId === planId));
}

/**
 * CIN-PLAN-TM-CHAIR (LOCAL, policy figure, default 6 months): a CiN plan open on `asOf` and
 * open more than the period (asOf after the period's end date from the plan start) has its
 * reviews chaired by a team manager. The calendar is needed only for a policy figure in working days.
 */
export function teamManagerChairRequired(
  plan: ChildInNeedPlanFact,
  asOf: IsoDate,
  policy: Policy,
  calendar?: WorkingDayCalendar,
): boolean {
  const chair = policy.rules['CIN-PLAN-TM-CHAIR'];
  if (!chair.applies || !isOpenOn(plan, asOf)) return false;
  if (chair.after.unit === 'WORKING_DAYS' && !calendar) {
    throw new RangeError('CIN-PLAN-TM-CHAIR in working days needs a working-day calendar');
  }
  // dueWithin reads the calendar only for working days, checked above.
  return asOf > dueWithin(plan.startDate, chair.after, calendar as WorkingDayCalendar, policy.monthsAs).dueOn;
}
