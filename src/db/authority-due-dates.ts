// One child's due dates in a window and caseload facts on asOf, from its child records (read a
// batch of children at a time) and the same rule code as its `schedule` (src/domain/due-date-history.ts): what
// the compliance measures, the `dueDates` rows, the extracts and the materialised store read.

import { careStatusOn, type CareStatusKind } from '../domain/care-status.js';
import type { WorkingDayCalendar } from '../domain/calendar.js';
import { longPlans, type ChildCaseload, type ComplianceRow } from '../domain/compliance.js';
import { dueDateHistory } from '../domain/due-date-history.js';
import { isOpenOn, type CareLeaverRecordFact, type InvolvementFact, type IsoDate } from '../domain/facts.js';
import { allocatedTeamOn } from '../domain/key-contacts.js';
import type { Policy } from '../domain/policy.js';
import { childSchedule, type ScheduleFacts } from '../domain/schedule.js';
import { careStatusFactsOf, careStatusRelations, type CareStatusFactsWithPeriods } from './care-status-facts.js';
import { whenRead, type ChildRecords, type MaybePromise } from './child-records.js';
import type { RelationName } from './child-relations.js';
import { scheduleFactsOf, scheduleRelations } from './schedule-facts.js';

export interface DueDateInputs {
  records: ChildRecords;
  calendar: WorkingDayCalendar;
  policy: Policy;
  /** Whether an involvement's role label is the allocated social worker (authorities' labels differ). */
  isSocialWorker: (roleLabel: string | null) => boolean;
}

/** One child's due-date rows in the window and caseload facts on asOf. */
export interface ChildDueDates {
  rows: ComplianceRow[];
  caseload: ChildCaseload;
}

/**
 * A child whose records a rule cannot read (docs/compliance.md, "Children left out"): left out
 * of whole-authority work so that no other child's answer is lost, and listed with why. The
 * record named is the child's (ssd_person); the problem is the rule's own words.
 */
export interface ChildLeftOut {
  childId: string;
  table: 'ssd_person';
  problem: string;
}

/**
 * The rules' work on one child's loaded facts, or the child left out when they cannot read them.
 * Only the pure rule code runs here: a database failure is not a child's problem and is thrown.
 */
export function byTheRules<T>(childId: string, work: () => T): { value: T } | { leftOut: ChildLeftOut } {
  try {
    return { value: work() };
  } catch (error) {
    return { leftOut: { childId, table: 'ssd_person', problem: error instanceof Error ? error.message : String(error) } };
  }
}

/** Everything childDueDates reads of a child: a batch reads them ahead, in one statement. */
export const dueDateRelations = [...new Set<RelationName>([...scheduleRelations, ...careStatusRelations, 'involvements', 'careLeaverRecords'])];

/** What a child's whole-authority answers read: its schedule facts, care-status facts on asOf, involvements and care-leaver records. */
interface ChildFacts {
  facts: ScheduleFacts;
  statusFacts: CareStatusFactsWithPeriods;
  involvements: InvolvementFact[];
  careLeaverRecords: CareLeaverRecordFact[];
}

/** `work` on the child's facts by the rules (byTheRules); at once when its relations are read already. */
function byTheRulesOn<T>(childId: string, asOf: IsoDate, records: ChildRecords, work: (read: ChildFacts) => T): MaybePromise<{ value: T } | { leftOut: ChildLeftOut }> {
  const contacts = records.read(childId, ['involvements', 'careLeaverRecords']);
  return whenRead(scheduleFactsOf(childId, records), (facts) =>
    whenRead(careStatusFactsOf(childId, asOf, records), (statusFacts) =>
      whenRead(contacts, ({ involvements, careLeaverRecords }) => byTheRules(childId, () => work({ facts, statusFacts, involvements, careLeaverRecords }))),
    ),
  );
}

/** At once when the child's relations are read already (a batch comes with them: batchDueDates). */
export function childDueDates(
  childId: string,
  window: { from: IsoDate; to: IsoDate },
  asOf: IsoDate,
  inputs: DueDateInputs,
): MaybePromise<{ value: ChildDueDates } | { leftOut: ChildLeftOut }> {
  const { calendar, policy } = inputs;
  return byTheRulesOn(childId, asOf, inputs.records, ({ facts, statusFacts, involvements, careLeaverRecords }) => {
    const team = allocatedTeamOn(involvements, careLeaverRecords, asOf, inputs.isSocialWorker)?.name ?? null;
    const status = careStatusOn(statusFacts, asOf);
    return {
      rows: dueDateHistory(facts, calendar, policy, window, asOf).map((record) => ({ ...record, childId, team })),
      caseload: {
        childId,
        team,
        kinds: status.kinds,
        isDualStatus: status.isDualStatus,
        dualStatusExceptional: status.isDualStatus && childSchedule(facts, calendar, policy, asOf).dualStatus.outcome.exceptional,
        ...longPlans(
          statusFacts.childProtectionPlans.filter((plan) => isOpenOn(plan, asOf)).map((plan) => plan.startDate),
          statusFacts.childInNeedPlans.filter((plan) => isOpenOn(plan, asOf)).map((plan) => plan.startDate),
          asOf,
        ),
      },
    };
  });
}

/** One child on asOf as the children extract gives it: care status, next due date and team; nothing that names the child. */
export interface ChildSummary {
  childId: string;
  careStatus: CareStatusKind[];
  isLookedAfter: boolean;
  isOnChildProtectionPlan: boolean;
  isDualStatus: boolean;
  legalBasis: string | null;
  nextReviewDueOn: IsoDate | null;
  nextReviewRuleId: string | null;
  team: string | null;
}

/**
 * The child's care status, next due date (the first open due date of its schedule) and allocated
 * team (as the compliance rows' `team`) on asOf; at once when its relations are read already.
 */
export function childSummary(childId: string, asOf: IsoDate, inputs: DueDateInputs): MaybePromise<{ value: ChildSummary } | { leftOut: ChildLeftOut }> {
  const { calendar, policy } = inputs;
  return byTheRulesOn(childId, asOf, inputs.records, ({ facts, statusFacts, involvements, careLeaverRecords }) => {
    const status = careStatusOn(statusFacts, asOf);
    const next = childSchedule(facts, calendar, policy, asOf).dueDates[0] ?? null;
    return {
      childId,
      careStatus: status.kinds,
      isLookedAfter: status.isLookedAfter,
      isOnChildProtectionPlan: status.isOnChildProtectionPlan,
      isDualStatus: status.isDualStatus,
      legalBasis: status.legalBasis,
      nextReviewDueOn: next?.dueOn ?? null,
      nextReviewRuleId: next?.ruleId ?? null,
      team: allocatedTeamOn(involvements, careLeaverRecords, asOf, inputs.isSocialWorker)?.name ?? null,
    };
  });
}

/** Each child once (a request can meet the same child in several fields). */
export function distinctChildren(leftOut: readonly ChildLeftOut[]): ChildLeftOut[] {
  return [...new Map(leftOut.map((child) => [child.childId, child])).values()];
}

/**
 * What a log line may say about children left out: how many — never who, nor the problem's
 * words, which can quote a record's date (house rules: no child's identifier in the log).
 */
export function leftOutForTheLog(leftOut: readonly ChildLeftOut[]): { childrenLeftOut: number } {
  return { childrenLeftOut: distinctChildren(leftOut).length };
}

/** What one batch of children gives whole-authority work: their due dates, caseloads and summaries. */
export interface BatchDueDates {
  rows: ComplianceRow[];
  caseloads: ChildCaseload[];
  summaries: ChildSummary[];
  leftOut: ChildLeftOut[];
}

/** What is asked of a batch: whose due-date history (in the window, on asOf), and whether every child's summary. */
export interface BatchQuestion {
  /** The children whose due dates are asked, in case-id order (a subset of the batch). */
  withWork: readonly string[];
  /** Every child of the batch, in case-id order: the summaries' children. */
  batch: readonly string[];
  summaries: boolean;
  window: { from: IsoDate; to: IsoDate };
  asOf: IsoDate;
}

/**
 * The batch's answers from records holding its relations (dueDateRelations) already, so each
 * child is computed without a promise; children in case-id order.
 */
export async function batchDueDates(question: BatchQuestion, inputs: DueDateInputs): Promise<BatchDueDates> {
  const { window, asOf } = question;
  const [due, summaries] = await Promise.all([
    Promise.all(question.withWork.map((childId) => childDueDates(childId, window, asOf, inputs))),
    Promise.all(question.summaries ? question.batch.map((childId) => childSummary(childId, asOf, inputs)) : []),
  ]);
  const answered = due.flatMap((child) => ('value' in child ? [child.value] : []));
  return {
    rows: answered.flatMap((child) => child.rows),
    caseloads: answered.map((child) => child.caseload),
    summaries: summaries.flatMap((summary) => ('value' in summary ? [summary.value] : [])),
    leftOut: [...due, ...summaries].flatMap((answer) => ('leftOut' in answer ? [answer.leftOut] : [])),
  };
}
