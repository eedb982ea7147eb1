// The due dates of one child that fell due in a window, each with when it was done (docs/compliance.md,
// "Which due dates count"). Computed by replaying the child's own schedule (schedule.ts) — the
// same rule code as the per-child fields — so BI measures agree with them exactly:
//
// - a completion event (a review held, a visit, an authorisation…) on day d completes the due
//   dates of its kind that were open on d − 1 (childSchedule on d − 1) for its subject, and that
//   the rule code no longer shows open on d (so an event the rule does not count — e.g. a core
//   group meeting with no plan id — completes nothing);
// - the due dates open on asOf (childSchedule on asOf) are the ones not done (doneOn null);
// - a due date that left the schedule without an event (its plan, period or enquiry ended first)
//   lapsed: it is neither done nor overdue and is not in the history.
//
// Pure: facts, calendar, policy and dates in; nothing read after asOf.

import { addDays, type WorkingDayCalendar } from './calendar.js';
import { isHealthAssessment } from './child-in-care-schedule.js';
import type { MeetingKind } from './child-protection.js';
import { byDueOrder, type DueDate, type DueKind } from './due-dates.js';
import type { IsoDate } from './facts.js';
import type { Policy } from './policy.js';
import { childSchedule, type ScheduleFacts } from './schedule.js';

export interface DueDateRecord extends DueDate {
  /** The date of the event that completed it (on or before asOf); null while still open on asOf or when completion is unknown. */
  doneOn: IsoDate | null;
  /** Done after its due date (rules.md, "Conventions": late). */
  late: boolean;
}

/** Something that happened on `date` and completes the open due dates of `kind` for `subjectId` (null: any subject). */
export interface CompletionEvent {
  kind: DueKind;
  subjectId: string | null;
  date: IsoDate;
}

/** cb_meeting kinds and the due kind each completes. */
const meetingCompletes: Record<MeetingKind, DueKind> = {
  CP_CORE_GROUP: 'CP_CORE_GROUP',
  CIN_PLAN_REVIEW: 'CIN_PLAN_REVIEW',
  PEP_REVIEW: 'CIC_PEP_REVIEW',
  PATHWAY_PLAN_REVIEW: 'PATHWAY_PLAN_REVIEW',
  DUAL_STATUS_DISCUSSION: 'DUAL_STATUS_DISCUSSION',
};

/**
 * DUAL_STATUS_CHALLENGE_WINDOW_ENDS is the date an agency's challenge window closes (DS-ICO /
 * DS-UNTIL-ORDER), not a duty anyone does: it is left out of the history entirely (no event
 * completes it, and it is never counted open or overdue).
 */
const notADuty: ReadonlySet<DueKind> = new Set<DueKind>(['DUAL_STATUS_CHALLENGE_WINDOW_ENDS']);

/** Every event that completes a due date, from the child's facts (dates on or before asOf only), ordered by date. */
export function completionEvents(facts: ScheduleFacts, asOf: IsoDate): CompletionEvent[] {
  const events: CompletionEvent[] = [];
  const add = (kind: DueKind, subjectId: string | null, date: IsoDate | null) => {
    if (date !== null && date <= asOf) events.push({ kind, subjectId, date });
  };
  for (const review of facts.careReviews) if (!review.cancelled) add('CIC_REVIEW', review.periodId, review.heldOn);
  for (const review of facts.protectionReviews) add('CP_REVIEW_CONFERENCE', review.planId, review.heldOn);
  for (const conference of facts.conferences) add('CP_INITIAL_CONFERENCE', conference.s47Id, conference.date);
  for (const enquiry of facts.enquiries) add('S47_COMPLETION', enquiry.id, enquiry.endDate);
  for (const assessment of facts.assessments) add('ASSESSMENT_COMPLETION', assessment.id, assessment.authorisedDate);
  for (const plan of facts.carePlans) add('CIC_CARE_PLAN', null, plan.startDate);
  for (const check of facts.healthChecks) if (isHealthAssessment(check)) add('CIC_HEALTH_ASSESSMENT', null, check.date);
  for (const visit of facts.visits) add('CIC_VISIT', visit.periodId, visit.date);
  for (const meeting of facts.meetings) add(meetingCompletes[meeting.kind], meeting.subjectId, meeting.date);
  for (const record of facts.careLeaverRecords) add('PATHWAY_PLAN_REVIEW', null, record.pathwayPlanReviewDate);
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || (a.subjectId ?? '').localeCompare(b.subjectId ?? ''));
}

const identity = (due: DueDate): string => `${due.kind}|${due.subjectId ?? ''}|${due.ruleId}|${due.dueOn}`;

/** How far before the window an event can complete a due date that falls in it (the longest interval is 12 months). */
const lookBackDays = 400;

/**
 * Due dates of every kind (but DUAL_STATUS_CHALLENGE_WINDOW_ENDS) with dueOn in [from, to], done
 * (doneOn ≤ asOf) or still open on asOf; ordered by dueOn, then byDueOrder. The records with
 * doneOn null are exactly childSchedule(asOf)'s due dates in the window.
 */
export function dueDateHistory(
  facts: ScheduleFacts,
  calendar: WorkingDayCalendar,
  policy: Policy,
  window: { from: IsoDate; to: IsoDate },
  asOf: IsoDate,
): DueDateRecord[] {
  const schedules = new Map<IsoDate, { dueDates: DueDate[]; open: Set<string> }>();
  const scheduleOn = (day: IsoDate) => {
    let schedule = schedules.get(day);
    if (!schedule) {
      const { dueDates } = childSchedule(facts, calendar, policy, day);
      schedule = { dueDates, open: new Set(dueDates.map(identity)) };
      schedules.set(day, schedule);
    }
    return schedule;
  };
  const inWindow = (due: DueDate) => due.dueOn >= window.from && due.dueOn <= window.to && !notADuty.has(due.kind);

  // Still open on asOf: exactly the per-child schedule (doneOn null; overdue as openDueDate gave it).
  const openNow = scheduleOn(asOf);
  const records = new Map<string, DueDateRecord>();
  for (const due of openNow.dueDates) {
    if (inWindow(due)) records.set(identity(due), { ...due, doneOn: null, late: false });
  }

  // Done: open the day before an event of its kind and subject, and no longer open on the event's day.
  const periodIds = new Set(facts.periods.map((period) => period.id));
  const earliestEvent = addDays(window.from, -lookBackDays);
  for (const event of completionEvents(facts, asOf)) {
    if (event.date <= earliestEvent) continue;
    const before = scheduleOn(addDays(event.date, -1));
    const candidates = before.dueDates.filter((due) => due.kind === event.kind && inWindow(due) && subjectMatches(event, due.subjectId, periodIds));
    if (candidates.length === 0) continue;
    const after = scheduleOn(event.date);
    for (const due of candidates) {
      const key = identity(due);
      if (records.has(key) || after.open.has(key) || openNow.open.has(key)) continue; // first completion wins; still open is not done
      // An event completed it, so its completion is known (a pathway plan review date can be the first such record).
      records.set(key, { ...due, overdue: false, completionKnown: true, doneOn: event.date, late: event.date > due.dueOn });
    }
  }
  return [...records.values()].sort(byDueOrder);
}

/**
 * Whether an event's subject is the due date's, as the rule code reads it: either null (any), the
 * same id; a dual-status discussion also counts when recorded against the period of care
 * (dual-status.ts), and a pathway plan review whatever its subject (care-leavers.ts).
 */
function subjectMatches(event: CompletionEvent, dueSubject: string | null, periodIds: ReadonlySet<string>): boolean {
  if (event.subjectId === null || dueSubject === null || event.subjectId === dueSubject) return true;
  if (event.kind === 'PATHWAY_PLAN_REVIEW') return true;
  return event.kind === 'DUAL_STATUS_DISCUSSION' && periodIds.has(event.subjectId);
}
