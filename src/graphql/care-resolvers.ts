// Fields of plans, periods of care, care plans and reviews: facts from the request's child
// records; the statutory dates from the child's schedule (src/domain/schedule.ts).

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ageOn } from '../domain/calendar.js';
import { legalStatusOn, placementTypeDescription } from '../domain/child-in-care.js';
import { careReviewDueAfter, careReviewsWithLateness, isHealthAssessment, isShortBreaks, nextCareReviewOf, shortBreakSeries } from '../domain/child-in-care-schedule.js';
import { nextCinPlanReview, teamManagerChairRequired } from '../domain/child-in-need.js';
import { earliest, type DueDate as DueDateFact } from '../domain/due-dates.js';
import { asKnownOn, isOpenOn } from '../domain/facts.js';
import { scheduleOf } from './schedule.js';
import { whenRead, type MaybePromise } from '../db/child-records.js';
import { keyContactRoleOf } from './child-resolver.js';
import type { RequestContext } from './context.js';
import { CarePlanSummary, CareReview, PeriodOfCare, Placement } from './types/care.js';
import { DueDate } from './types/computed.js';
import { KeyContactRole } from './types/enums.js';
import { ChildInNeedPlan, ChildProtectionPlan } from './types/plans.js';

/** CL-PATHWAY: a pathway plan from the 16th birthday. */
const pathwayPlanAge = 16;

@Resolver(() => ChildProtectionPlan)
export class ChildProtectionPlanResolver {
  @FieldResolver(() => DueDate, {
    nullable: true,
    description:
      'Next review meeting for this plan: the review conference or, while the child is dual status, the next CiC review (CP-DUAL-NO-CONFERENCE).',
  })
  nextReviewDue(@Root() plan: ChildProtectionPlan, @Ctx() context: RequestContext): MaybePromise<DueDateFact | null> {
    return whenRead(scheduleOf(plan.childId, plan.asOf, context), ({ dueDates, dualStatus }) => {
      if (dualStatus.planNextReview.has(plan.id)) return dualStatus.planNextReview.get(plan.id) ?? null;
      return earliest(dueDates.filter((due) => due.kind === 'CP_REVIEW_CONFERENCE' && due.subjectId === plan.id));
    });
  }
}

@Resolver(() => ChildInNeedPlan)
export class ChildInNeedPlanResolver {
  @FieldResolver(() => DueDate, { nullable: true, description: 'Next CiN plan review.' })
  nextReviewDue(@Root() plan: ChildInNeedPlan, @Ctx() context: RequestContext): MaybePromise<DueDateFact | null> {
    return whenRead(scheduleOf(plan.childId, plan.asOf, context), ({ dueDates }) => nextCinPlanReview(dueDates, plan.id));
  }

  @FieldResolver(() => Boolean, { description: 'Open more than 6 months: reviews chaired by a team manager (CIN-PLAN-TM-CHAIR).' })
  teamManagerChairRequired(@Root() plan: ChildInNeedPlan, @Ctx() context: RequestContext): boolean {
    return teamManagerChairRequired(plan, plan.asOf, context.policy, context.calendar);
  }
}

@Resolver(() => PeriodOfCare)
export class PeriodOfCareResolver {
  @FieldResolver(() => [CareReview])
  async reviews(@Root() period: PeriodOfCare, @Ctx() context: RequestContext): Promise<CareReview[]> {
    const [allReviews, legalStatuses] = await Promise.all([
      context.records.careReviews.load(period.childId),
      context.records.legalStatuses.load(period.childId),
    ]);
    const reviews = allReviews.filter((review) => review.periodId === period.id);
    const late = careReviewsWithLateness({
      period: period.fact,
      periods: period.childPeriods,
      reviews: allReviews,
      legalStatuses: asKnownOn(legalStatuses, period.asOf),
      calendar: context.calendar,
      policy: context.policy,
      asOf: period.asOf,
    });
    // As known on asOf: reviews held or due by then; a later holding date is not yet known.
    return reviews
      .filter((review) => (review.heldOn !== null && review.heldOn <= period.asOf) || (review.dueDate !== null && review.dueDate <= period.asOf))
      .map((review) => ({
        id: review.id,
        dueDate: review.dueDate,
        heldOn: review.heldOn !== null && review.heldOn <= period.asOf ? review.heldOn : null,
        late: late.get(review.id) ?? false,
      }));
  }

  @FieldResolver(() => DueDate, { nullable: true, description: 'Next CiC review of this period of care.' })
  nextReviewDue(@Root() period: PeriodOfCare, @Ctx() context: RequestContext): MaybePromise<DueDateFact | null> {
    return whenRead(scheduleOf(period.childId, period.asOf, context), ({ dueDates }) => nextCareReviewOf(dueDates, period.id));
  }

  @FieldResolver(() => [Placement], { description: 'Placements in this period: type only, never an address or location.' })
  async placements(@Root() period: PeriodOfCare, @Ctx() context: RequestContext): Promise<Placement[]> {
    const placements = (await context.records.placements.load(period.childId)).filter((placement) => placement.periodId === period.id);
    return asKnownOn(placements, period.asOf).map((placement) => ({
      id: placement.id,
      startDate: placement.startDate,
      endDate: placement.endDate,
      placementType: placement.placementType ?? 'NOT_RECORDED',
      placementTypeDescription: placementTypeDescription(placement.placementType),
    }));
  }

  @FieldResolver(() => CarePlanSummary, { nullable: true })
  async carePlan(@Root() period: PeriodOfCare, @Ctx() context: RequestContext): Promise<CarePlanSummary> {
    const { records } = context;
    const [plans, person, involvements, health, careLeaverRecords, legalStatuses] = await Promise.all([
      records.carePlans.load(period.childId),
      records.person.load(period.childId),
      records.involvements.load(period.childId),
      records.healthChecks.load(period.childId),
      records.careLeaverRecords.load(period.childId),
      records.legalStatuses.load(period.childId),
    ]);
    // The latest care plan of this period, as known on asOf: it overlaps the period.
    const plan = asKnownOn(plans, period.asOf)
      .filter(
        (candidate) =>
          (candidate.endDate === null || candidate.endDate > period.startDate) &&
          (period.endDate === null || candidate.startDate < period.endDate),
      )
      .at(-1);
    const iro = asKnownOn(involvements, period.asOf)
      .filter((involvement) => isOpenOn(involvement, period.asOf) && keyContactRoleOf(involvement.roleLabel, context) === KeyContactRole.IRO)
      .at(-1);
    const lastHealthAssessment = health
      .filter((check) => check.date <= period.asOf && isHealthAssessment(check))
      .map((check) => check.date)
      .at(-1);
    // The first review's date under the rule in force when care started (CIC-REVIEW-1, or
    // CIC-SHORT-BREAK-REVIEW from the first break of the series).
    const known = asKnownOn(legalStatuses, period.asOf);
    const shortBreaks = isShortBreaks(legalStatusOn(known, period.startDate)?.code);
    const countedFrom = shortBreaks ? shortBreakSeries(period.fact, period.childPeriods, known)[0]! : period.fact;
    const firstReviewDue = careReviewDueAfter(countedFrom, [], shortBreaks, context.calendar, context.policy).dueOn;
    const dateOfBirth = person?.dateOfBirth ?? null;
    return {
      startDate: plan?.startDate ?? null,
      permanencePlan: plan?.permanencePlan ?? null,
      iroName: iro?.professionalName ?? null,
      pathwayPlanRequired: dateOfBirth !== null && ageOn(dateOfBirth, period.asOf) >= pathwayPlanAge,
      pathwayPlanReviewDate:
        careLeaverRecords
          .map((record) => record.pathwayPlanReviewDate)
          .filter((date): date is string => date !== null && date <= period.asOf)
          .sort()
          .at(-1) ?? null,
      lastHealthAssessment: lastHealthAssessment ?? null,
      firstReviewDue,
      childId: period.childId,
      periodId: period.id,
      asOf: period.asOf,
    };
  }
}

@Resolver(() => CarePlanSummary)
export class CarePlanSummaryResolver {
  @FieldResolver(() => DueDate, { nullable: true, description: 'The earlier of CIC-HEALTH-INITIAL/REVIEW and the local CIC-HEALTH-LOCAL.' })
  nextHealthAssessmentDue(@Root() summary: CarePlanSummary, @Ctx() context: RequestContext): MaybePromise<DueDateFact | null> {
    return nextOfKind(summary, 'CIC_HEALTH_ASSESSMENT', context);
  }

  @FieldResolver(() => DueDate, { nullable: true })
  nextPepReviewDue(@Root() summary: CarePlanSummary, @Ctx() context: RequestContext): MaybePromise<DueDateFact | null> {
    return nextOfKind(summary, 'CIC_PEP_REVIEW', context);
  }
}

function nextOfKind(summary: CarePlanSummary, kind: DueDateFact['kind'], context: RequestContext): MaybePromise<DueDateFact | null> {
  return whenRead(scheduleOf(summary.childId, summary.asOf, context), ({ dueDates }) =>
    earliest(dueDates.filter((due) => due.kind === kind && due.subjectId === summary.periodId)),
  );
}
