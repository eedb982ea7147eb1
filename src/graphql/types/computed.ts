// The statutory answers the rules engine computes (rules.md): due dates, dual status, parental
// responsibility, care-leaver status.
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import {
  CareLeaverCategory,
  DualStatusPathway,
  DualStatusState,
  DueKind,
  IroRecommendation,
  PrBasis,
  PrHolderKind,
  RuleBasis,
} from './enums.js';

@ObjectType()
export class DueDate {
  @Field(() => DueKind) kind!: DueKind;
  @Field(() => DateScalar) dueOn!: string;
  @Field({ description: 'Id of the rule that produced it, as in the domain rules (e.g. CIC-REVIEW-1).' }) ruleId!: string;
  @Field(() => RuleBasis) basis!: RuleBasis;
  @Field() overdue!: boolean;
  @Field({
    description:
      'False when the extract carries no record of this kind of event, so whether it happened is unknown (then overdue is false).',
  })
  completionKnown!: boolean;
  @Field(() => ID, { nullable: true, description: 'The plan, period of care or enquiry it belongs to.' }) subjectId!: string | null;
  @Field({ description: 'True when it counts a bank holiday derived from the standing rules, outside the years whose official list is loaded.' })
  provisional!: boolean;
}

@ObjectType()
export class RequiredAction {
  @Field() description!: string;
  @Field(() => DateScalar, { nullable: true }) dueOn!: string | null;
  @Field() ruleId!: string;
}

@ObjectType()
export class DualStatusOutcome {
  @Field(() => DualStatusState) state!: DualStatusState;
  @Field() isDualStatus!: boolean;
  @Field(() => DateScalar, { nullable: true }) since!: string | null;
  @Field(() => DualStatusPathway, { nullable: true }) pathway!: DualStatusPathway | null;
  @Field(() => DateScalar, { nullable: true, description: 'Due date of the initial CiC (dual process) review.' })
  initialReviewDue!: string | null;
  @Field(() => IroRecommendation, { nullable: true }) recommendation!: IroRecommendation | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day agencies may challenge the decision to end the CP plan (10 working days after the letter).',
  })
  challengeWindowEndsOn!: string | null;
  @Field({ description: 'Dual status still open after the second CiC review (the three-month review).' }) exceptional!: boolean;
  @Field({ description: 'IRO and CP co-ordinator disagree: referred to both team managers.' }) escalated!: boolean;
  @Field(() => [RequiredAction], { description: 'What practitioners still have to do, with dates.' }) requiredActions!: RequiredAction[];
  @Field(() => [String]) ruleIds!: string[];
}

@ObjectType()
export class ParentalResponsibilityHolder {
  @Field(() => PrHolderKind) kind!: PrHolderKind;
  @Field(() => ID, { nullable: true, description: 'Person id (null for the local authority).' }) personId!: string | null;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) relationship!: string | null;
  @Field(() => PrBasis) basis!: PrBasis;
  @Field() ruleId!: string;
  @Field({ description: "Special guardian's PR takes precedence over the parents'." }) takesPrecedence!: boolean;
  @Field({ description: "Do not disclose the child's address or placement to this holder." }) addressWithheld!: boolean;
  @Field(() => DateScalar, { nullable: true }) since!: string | null;
  @Field(() => DateScalar, { nullable: true }) until!: string | null;
}

@ObjectType()
export class CareLeaverStatus {
  @Field(() => CareLeaverCategory) category!: CareLeaverCategory;
  @Field(() => DateScalar, { nullable: true }) supportUntil!: string | null;
  @Field(() => [String]) ruleIds!: string[];
}
