// Who works with a child now, and who to ring about them.
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import { KeyContactRole } from './enums.js';

@ObjectType()
export class KeyContact {
  @Field(() => KeyContactRole) role!: KeyContactRole;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => DateScalar, { nullable: true }) since!: string | null;
}

@ObjectType()
export class DutyContact {
  @Field() team!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) outOfHoursPhone!: string | null;
}
