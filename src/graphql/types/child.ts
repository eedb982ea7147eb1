// A child, their care status, and the Relay connection children are listed through.
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import { CareStatusKind, LegalBasis } from './enums.js';

/** Resolved field by field (src/graphql/child-resolver.ts) from the child's facts as at `asOf`. */
@ObjectType()
export class Child {
  @Field(() => ID) id!: string;
  /** The date everything about this child is evaluated at. */
  asOf!: string;
}

@ObjectType()
export class CareStatus {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => [CareStatusKind], { description: 'Every kind open on asOf. CHILD_PROTECTION with CHILD_IN_CARE is dual status.' })
  kinds!: CareStatusKind[];
  @Field() isLookedAfter!: boolean;
  @Field() isOnChildProtectionPlan!: boolean;
  @Field() isDualStatus!: boolean;
  @Field(() => LegalBasis, { nullable: true, description: 'Legal basis of the current period of care (null when not looked after).' })
  legalBasis!: LegalBasis | null;
  @Field(() => String, { nullable: true, description: 'SSDA903 legal status code as recorded, e.g. C2, V2.' })
  legalStatusCode!: string | null;
  @Field({
    description:
      'Does the local authority share parental responsibility (care order, ICO, placement order, emergency protection order)?',
  })
  localAuthorityHasParentalResponsibility!: boolean;
}

@InputType()
export class ChildFilter {
  @Field(() => [CareStatusKind], { nullable: true }) careStatus?: CareStatusKind[] | null;
  @Field(() => Boolean, { nullable: true }) isDualStatus?: boolean | null;
  @Field(() => Boolean, { nullable: true }) hasOverdue?: boolean | null;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class ChildEdge {
  @Field() cursor!: string;
  @Field(() => Child) node!: Child;
}

@ObjectType()
export class ChildConnection {
  @Field(() => [ChildEdge]) edges!: ChildEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Counted only when asked for. */
  totalCount!: () => Promise<number>;
}
