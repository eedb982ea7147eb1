// Plans and episodes: child protection, child in need, early help.
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';

@ObjectType()
export class ChildProtectionPlan {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { nullable: true }) latestCategory!: string | null;
  childId!: string;
  asOf!: string;
}

@ObjectType()
export class ChildInNeedPlan {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  childId!: string;
  asOf!: string;
}

@ObjectType()
export class EarlyHelpEpisode {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) organisation!: string | null;
}
