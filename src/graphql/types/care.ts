// Periods of care with their reviews, placements (type only) and care plan summary.
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import type { PeriodOfCareFact } from '../../domain/child-in-care.js';
import { LegalBasis } from './enums.js';

@ObjectType()
export class PeriodOfCare {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  @Field(() => LegalBasis, { nullable: true }) legalBasis!: LegalBasis | null;
  childId!: string;
  asOf!: string;
  /** The period as the rules see it. */
  fact!: PeriodOfCareFact;
  /** The child's periods of care as known on asOf: a series of short breaks spans several (CIC-SHORT-BREAK-REVIEW). */
  childPeriods!: readonly PeriodOfCareFact[];
}

@ObjectType()
export class Placement {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  @Field() placementType!: string;
  @Field() placementTypeDescription!: string;
}

@ObjectType({ description: "What a partner needs from the care plan (the contents listed in the EHC guide): never the plan's text." })
export class CarePlanSummary {
  @Field(() => DateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Permanence option, e.g. adoption, special guardianship, long-term fostering, return home.',
  })
  permanencePlan!: string | null;
  @Field(() => String, { nullable: true }) iroName!: string | null;
  @Field({ description: '16 or over: a pathway plan is required.' }) pathwayPlanRequired!: boolean;
  @Field(() => DateScalar, { nullable: true }) pathwayPlanReviewDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) lastHealthAssessment!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'CIC-REVIEW-1 (or CIC-SHORT-BREAK-REVIEW): the first review of this period of care.' })
  firstReviewDue!: string | null;
  childId!: string;
  periodId!: string;
  asOf!: string;
}

@ObjectType()
export class CareReview {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar, { nullable: true }) dueDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) heldOn!: string | null;
  @Field({ description: 'Held after the date its rule gave (CIC-REVIEW-1/2/N or CIC-SHORT-BREAK-REVIEW), counted from the reviews actually held.' })
  late!: boolean;
}
