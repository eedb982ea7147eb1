// The access log and access notifications as social-care sees them
// (../shared/contract/carebridge-access.graphql).
import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo } from './child.js';
import { CareStatusKind } from './enums.js';

@ObjectType({ description: "One entry of a child's access log: a read, a refused attempt, or a bulk extract listing the child." })
export class AccessLogEntry {
  @Field(() => ID) id!: string;
  @Field({ description: 'ISO 8601 timestamp with offset.' }) at!: string;
  @Field() role!: string;
  @Field(() => String, { nullable: true }) org!: string | null;
  @Field({ description: "The reader: the token's sub." }) subject!: string;
  @Field(() => String, { nullable: true }) purpose!: string | null;
  @Field() requestId!: string;
  @Field(() => [String], { description: 'Top-level fields of Child that were read.' }) fields!: string[];
  @Field({ description: 'READ, or why it was refused: NOT_FOUND (no such child; names none), NOT_LINKED, RESTRICTED, FORBIDDEN_FIELD.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'BULK_EXTRACT for an extract entry, else null.' }) kind!: string | null;
}

@ObjectType()
export class AccessLogEdge {
  @Field() cursor!: string;
  @Field(() => AccessLogEntry) node!: AccessLogEntry;
}

@ObjectType()
export class AccessLogConnection {
  @Field(() => [AccessLogEdge]) edges!: AccessLogEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Counted only when asked for. */
  totalCount!: () => Promise<number>;
}

@ObjectType({ description: 'A partner read a child on a CP plan or in care.' })
export class AccessNotification {
  @Field(() => ID) id!: string;
  @Field({ description: 'ISO 8601 timestamp with offset.' }) at!: string;
  @Field(() => ID) childId!: string;
  @Field(() => String, { nullable: true }) org!: string | null;
  @Field() role!: string;
  @Field({ description: "The reader: the token's sub." }) subject!: string;
  @Field() requestId!: string;
  @Field(() => [CareStatusKind], { description: 'Care status kinds of the child when it was read (CHILD_PROTECTION, CHILD_IN_CARE).' })
  childStatus!: CareStatusKind[];
  @Field() acknowledged!: boolean;
  @Field(() => String, { nullable: true, description: 'When it was first acknowledged (ISO 8601 with offset).' })
  acknowledgedAt!: string | null;
  @Field(() => String, { nullable: true, description: "Who first acknowledged it: the token's sub." })
  acknowledgedBy!: string | null;
}

@ObjectType()
export class AccessNotificationEdge {
  @Field() cursor!: string;
  @Field(() => AccessNotification) node!: AccessNotification;
}

@ObjectType()
export class AccessNotificationConnection {
  @Field(() => [AccessNotificationEdge]) edges!: AccessNotificationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Counted only when asked for. */
  totalCount!: () => Promise<number>;
}
