// A child's whole schedule on `asOf`: every open due date from every area's rules, and the
// dual-status workflow that changes the CP schedule (CP-DUAL-NO-CONFERENCE). One pure function
// over the child's facts, so per-child fields, the benchmark and BI measures share one answer.

import type { WorkingDayCalendar } from './calendar.js';
import { careVisitsDue, type CareVisitFact } from './care-visits.js';
import { pathwayPlanReviewDue } from './care-leavers.js';
import { legalStatusOn, type PeriodOfCareFact } from './child-in-care.js';
import { childInCareSchedule, isShortBreaks } from './child-in-care-schedule.js';
import { childInNeedSchedule, type AssessmentFact } from './child-in-need.js';
import {
  childProtectionSchedule,
  type CpReviewFact,
  type InitialConferenceFact,
  type MeetingFact,
  type MeetingKind,
  type S47EnquiryFact,
} from './child-protection.js';
import { applyDualStatusToChildProtection, dualStatus, type DualStatusDecisionFact, type DualStatusResult, type PreProceedingsFact } from './dual-status.js';
import { byDueOrder, type DueDate } from './due-dates.js';
import {
  asKnownOn,
  isOpenOn,
  type CareLeaverRecordFact,
  type CarePlanFact,
  type CareReviewFact,
  type ChildInNeedPlanFact,
  type ChildProtectionPlanFact,
  type HealthCheckFact,
  type IsoDate,
  type LegalStatusFact,
  type PlacementFact,
} from './facts.js';
import type { CourtOrderFact } from './parental-responsibility.js';
import { personalEducationPlanReviewDue } from './personal-education-plan.js';
import type { Policy } from './policy.js';

/** Everything the schedules read about one child, as stored (facts after asOf are dropped here). */
export interface ScheduleFacts {
  dateOfBirth: IsoDate | null;
  periods: readonly PeriodOfCareFact[];
  legalStatuses: readonly LegalStatusFact[];
  childProtectionPlans: readonly ChildProtectionPlanFact[];
  childInNeedPlans: readonly ChildInNeedPlanFact[];
  enquiries: readonly S47EnquiryFact[];
  conferences: readonly InitialConferenceFact[];
  protectionReviews: readonly CpReviewFact[];
  assessments: readonly AssessmentFact[];
  careReviews: readonly CareReviewFact[];
  healthChecks: readonly HealthCheckFact[];
  carePlans: readonly CarePlanFact[];
  placements: readonly PlacementFact[];
  visits: readonly CareVisitFact[];
  careLeaverRecords: readonly CareLeaverRecordFact[];
  preProceedings: readonly PreProceedingsFact[];
  decisions: readonly DualStatusDecisionFact[];
  courtOrders: readonly CourtOrderFact[];
  /** cb_meeting rows of the child. */
  meetings: readonly MeetingFact[];
  /** The meeting kinds the extract carries at all (rules.md: completionKnown); PATHWAY_PLAN_REVIEW also when any care-leaver row has a review date. */
  meetingKindsRecorded: ReadonlySet<MeetingKind>;
}

export interface ChildSchedule {
  /** Every open due date, sorted by byDueOrder. */
  dueDates: DueDate[];
  dualStatus: DualStatusResult;
}

export function childSchedule(facts: ScheduleFacts, calendar: WorkingDayCalendar, policy: Policy, asOf: IsoDate): ChildSchedule {
  const known = facts.meetingKindsRecorded;
  const meetings = facts.meetings.filter((meeting) => meeting.date <= asOf);
  const periods = asKnownOn(facts.periods, asOf);
  const legalStatuses = asKnownOn(facts.legalStatuses, asOf);
  const plans = asKnownOn(facts.childProtectionPlans, asOf);

  const dual = dualStatus({
    cpPlans: plans,
    periods,
    legalStatuses,
    careReviews: facts.careReviews,
    cpReviews: facts.protectionReviews,
    preProceedings: facts.preProceedings,
    decisions: facts.decisions,
    orders: facts.courtOrders,
    meetings,
    discussionsKnown: known.has('DUAL_STATUS_DISCUSSION'),
    calendar,
    policy,
    asOf,
  });
  const protection = childProtectionSchedule({
    enquiries: facts.enquiries,
    conferences: facts.conferences,
    plans,
    reviews: facts.protectionReviews,
    meetings,
    coreGroupsKnown: known.has('CP_CORE_GROUP'),
    calendar,
    policy,
    asOf,
  });
  const inNeed = childInNeedSchedule({
    assessments: [...facts.assessments],
    plans: asKnownOn(facts.childInNeedPlans, asOf),
    reviewMeetings: meetings.filter((meeting) => meeting.kind === 'CIN_PLAN_REVIEW'),
    reviewsKnown: known.has('CIN_PLAN_REVIEW'),
    calendar,
    policy,
    asOf,
  });
  const inCare = childInCareSchedule({
    dateOfBirth: facts.dateOfBirth,
    periods,
    legalStatuses,
    reviews: facts.careReviews,
    healthChecks: facts.healthChecks,
    carePlans: facts.carePlans,
    placements: facts.placements,
    calendar,
    policy,
    asOf,
  });
  // Short breaks (reg 48) replace the care plan that holds the PEP: no termly PEP review (docs/visits-and-education.md).
  const shortBreaks = isShortBreaks(legalStatusOn(legalStatuses, asOf)?.code);
  const visitsAndEducation = periods
    .filter((period) => isOpenOn(period, asOf))
    .flatMap((period) => [
      ...careVisitsDue({
        period,
        placements: facts.placements,
        legalStatuses,
        reviews: facts.careReviews,
        visits: facts.visits,
        calendar,
        policy,
        asOf,
      }),
      shortBreaks
        ? null
        : personalEducationPlanReviewDue({
            period,
            dateOfBirth: facts.dateOfBirth,
            meetings,
            reviewsKnown: known.has('PEP_REVIEW'),
            policy,
            asOf,
          }),
    ]);
  const pathway = pathwayPlanReviewDue({
    dateOfBirth: facts.dateOfBirth,
    periods,
    legalStatuses,
    careLeaverRecords: facts.careLeaverRecords,
    meetings,
    reviewsKnown: known.has('PATHWAY_PLAN_REVIEW'),
    calendar,
    policy,
    asOf,
  });
  const dueDates = [
    ...applyDualStatusToChildProtection(protection, dual),
    ...inNeed,
    ...inCare,
    ...visitsAndEducation,
    ...dual.dueDates,
    pathway,
  ].filter((due): due is DueDate => due !== null);
  return { dueDates: dueDates.sort(byDueOrder), dualStatus: dual };
}
