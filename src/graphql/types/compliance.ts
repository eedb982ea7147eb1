// BI compliance (../shared/contract/carebridge-compliance.graphql): timeliness measures per due
// kind and group, caseload counts, and the row-level due dates behind them.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../scalars.js';
import { PageInfo } from './child.js';
import { CareStatusKind, DueKind, RuleBasis } from './enums.js';

export enum ComplianceGrouping {
  NONE = 'NONE',
  TEAM = 'TEAM',
  KIND = 'KIND',
  MONTH = 'MONTH',
}
registerEnumType(ComplianceGrouping, { name: 'ComplianceGrouping' });

@ObjectType()
export class ComplianceMeasure {
  @Field(() => DueKind) kind!: DueKind;
  @Field(() => Int, { description: 'Due dates in the period whose completion the extract can show.' }) due!: number;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int, { description: 'Not done and past due on asOf.' }) overdue!: number;
  @Field(() => Float, { nullable: true, description: 'onTime / (onTime + late + overdue); null when nothing was due.' }) onTimeRate!: number | null;
  @Field(() => [String]) ruleIds!: string[];
}

@ObjectType()
export class StatusCount {
  @Field(() => CareStatusKind) kind!: CareStatusKind;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class ComplianceGroup {
  @Field(() => String, { nullable: true, description: 'The group key: team name, due kind or yyyy-mm; null for NONE.' }) key!: string | null;
  @Field(() => [ComplianceMeasure]) measures!: ComplianceMeasure[];
  @Field(() => [StatusCount]) childrenByStatus!: StatusCount[];
  @Field(() => Int) dualStatusChildren!: number;
  @Field(() => Int) dualStatusBeyondThreeMonths!: number;
  @Field(() => Int) cpPlansOverTwoYears!: number;
  @Field(() => Int) cinPlansOverSixMonths!: number;
}

@InputType()
export class DueDateFilter {
  @Field(() => [DueKind], { nullable: true }) kind?: DueKind[] | null;
  @Field(() => Boolean, { nullable: true }) overdue?: boolean | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default: a year before asOf.' }) dueFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default: a year after asOf.' }) dueTo?: string | null;
  @Field(() => String, { nullable: true, description: 'Allocated team name on asOf.' }) team?: string | null;
}

@ObjectType()
export class DueDateRow {
  @Field(() => ID, { description: 'Case id, or the pseudonym for bi.' }) childId!: string;
  @Field(() => DueKind) kind!: DueKind;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => DateScalar, { nullable: true }) doneOn!: string | null;
  @Field() ruleId!: string;
  @Field(() => RuleBasis) basis!: RuleBasis;
  @Field() overdue!: boolean;
  @Field() late!: boolean;
  @Field({ description: 'False when the extract carries no record of this kind of event: left out of the measures, never overdue.' })
  completionKnown!: boolean;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field({ description: 'True when it counts a bank holiday derived from the standing rules, outside the years whose official list is loaded.' })
  provisional!: boolean;
}

@ObjectType()
export class DueDateEdge {
  @Field() cursor!: string;
  @Field(() => DueDateRow) node!: DueDateRow;
}

@ObjectType()
export class DueDateConnection {
  @Field(() => [DueDateEdge]) edges!: DueDateEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
