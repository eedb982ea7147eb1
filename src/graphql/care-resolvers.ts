// Fields of plans, periods of care, care plans and reviews: facts through the request's
// loaders; the statutory dates through the rules engine (not computed yet).

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ageOn } from '../domain/calendar.js';
import { placementTypeDescription } from '../domain/child-in-care.js';
import { asKnownOn, isOpenOn } from '../domain/facts.js';
import { notComputedYet } from '../domain/not-computed-yet.js';
import { keyContactRoleOf } from './child-resolver.js';
import type { RequestContext } from './context.js';
import { DateScalar } from './scalars.js';
import { CarePlanSummary, CareReview, PeriodOfCare, Placement } from './types/care.js';
import { DueDate } from './types/computed.js';
import { KeyContactRole } from './types/enums.js';
import { ChildInNeedPlan, ChildProtectionPlan } from './types/plans.js';

/** CL-PATHWAY: a pathway plan from the 16th birthday. */
const pathwayPlanAge = 16;
// rules.md: a health assessment is a check whose type names one (not a dental or optical check).
const healthAssessment = /health assessment/i;

@Resolver(() => ChildProtectionPlan)
export class ChildProtectionPlanResolver {
  @FieldResolver(() => DueDate, {
    nullable: true,
    description:
      'Next review meeting for this plan: the review conference or, while the child is dual status, the next CiC review (CP-DUAL-NO-CONFERENCE).',
  })
  nextReviewDue(): DueDate | null {
    return notComputedYet.nextReviewDue();
  }
}

@Resolver(() => ChildInNeedPlan)
export class ChildInNeedPlanResolver {
  @FieldResolver(() => DueDate, { nullable: true, description: 'Next CiN plan review.' })
  nextReviewDue(): DueDate | null {
    return notComputedYet.nextReviewDue();
  }

  @FieldResolver(() => Boolean, { description: 'Open more than 6 months: reviews chaired by a team manager (CIN-PLAN-TM-CHAIR).' })
  teamManagerChairRequired(): boolean {
    return notComputedYet.teamManagerChairRequired();
  }
}

@Resolver(() => PeriodOfCare)
export class PeriodOfCareResolver {
  @FieldResolver(() => [CareReview])
  async reviews(@Root() period: PeriodOfCare, @Ctx() context: RequestContext): Promise<CareReview[]> {
    const reviews = (await context.records.careReviews.load(period.childId)).filter((review) => review.periodId === period.id);
    // As known on asOf: reviews held or due by then; a later holding date is not yet known.
    return reviews
      .filter((review) => (review.heldOn !== null && review.heldOn <= period.asOf) || (review.dueDate !== null && review.dueDate <= period.asOf))
      .map((review) => ({ id: review.id, dueDate: review.dueDate, heldOn: review.heldOn !== null && review.heldOn <= period.asOf ? review.heldOn : null }));
  }

  @FieldResolver(() => DueDate, { nullable: true, description: 'Next CiC review of this period of care.' })
  nextReviewDue(): DueDate | null {
    return notComputedYet.nextReviewDue();
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
    const [plans, person, involvements, health, careLeaverRecords] = await Promise.all([
      records.carePlans.load(period.childId),
      records.person.load(period.childId),
      records.involvements.load(period.childId),
      records.healthChecks.load(period.childId),
      records.careLeaverRecords.load(period.childId),
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
      .filter((check) => check.date <= period.asOf && healthAssessment.test(check.type ?? ''))
      .map((check) => check.date)
      .at(-1);
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
      childId: period.childId,
      periodId: period.id,
      asOf: period.asOf,
    };
  }
}

@Resolver(() => CarePlanSummary)
export class CarePlanSummaryResolver {
  @FieldResolver(() => DateScalar, { nullable: true })
  firstReviewDue(): string | null {
    return notComputedYet.firstReviewDue();
  }

  @FieldResolver(() => DueDate, { nullable: true })
  nextHealthAssessmentDue(): DueDate | null {
    return notComputedYet.nextHealthAssessmentDue();
  }

  @FieldResolver(() => DueDate, { nullable: true })
  nextPepReviewDue(): DueDate | null {
    return notComputedYet.nextPepReviewDue();
  }
}

@Resolver(() => CareReview)
export class CareReviewResolver {
  @FieldResolver(() => Boolean)
  late(): boolean {
    return notComputedYet.reviewLate();
  }
}
