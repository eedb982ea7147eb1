// `compliance` and `dueDates` (../shared/contract/carebridge-compliance.graphql) for social-care
// and BI: the due dates of every child who had work in the period, from the same rule code as
// each child's `schedule` (src/domain/due-date-history.ts), then counted (src/domain/compliance.ts).
// Facts load in one batch per table for all the children; BI sees pseudonyms.

import { setImmediate } from 'node:timers/promises';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { rowScopeOf } from '../access/who-sees-what.js';
import { QueueFullError } from '../access/whole-authority-queue.js';
import { complianceCost, dueDatesCost } from '../access/operation-limits.js';
import { distinctChildren, type BatchDueDates, type ChildLeftOut } from '../db/authority-due-dates.js';
import { batchesOf } from '../db/child-records.js';
import { computedBatches } from '../db/due-date-workers.js';
import { childrenWithWorkBetween, countChildren } from '../db/children.js';
import { lookBackDays, storeAnswers, storedChildrenLeftOut, storedComplianceCounts, storedDueDates } from '../db/due-date-store.js';
import { addDays, addYears } from '../domain/calendar.js';
import { addCounts, countsOf, groupsFromCounts, type ChildCaseload, type ComplianceCounts, type ComplianceGrouping as Grouping, type ComplianceRow } from '../domain/compliance.js';
import type { IsoDate } from '../domain/facts.js';
import { childFieldsAsked, noteReads } from './access-logging.js';
import { checkedDate } from './child-resolver.js';
import type { RequestContext } from './context.js';
import { decodeCursor, encodeCursor } from './cursors.js';
import { badUserInput, serviceUnavailable } from './errors.js';
import { DateScalar } from './scalars.js';
import { ComplianceGroup, ComplianceGrouping, DueDateConnection, DueDateFilter, type DueDateRow } from './types/compliance.js';
import type { DueKind, RuleBasis } from './types/enums.js';

const defaultPageSize = 50;
const maxPageSize = 500;

/** Children computed per step of an off-store answer: between steps other requests get a turn, and a request whose hang-up has been seen stops. */
const childrenPerStep = 1000;

/**
 * Every child's due dates in the window as on asOf: from the store when it answers this question
 * (docs/compliance.md, "Materialised"), else computed now (computedRows). Both come from
 * src/db/authority-due-dates.ts.
 */
async function authorityDueDateRows(context: RequestContext, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate): Promise<ComplianceRow[]> {
  if (await storeAnswersFor(context, window, asOf)) {
    const [rows, leftOut] = await Promise.all([storedDueDates(context.database, window, asOf), storedChildrenLeftOut(context.database)]);
    context.childrenLeftOut.push(...leftOut);
    return rows;
  }
  return computedRows(context, window, asOf);
}

/** Whether the store holds this question's answer, for this reader (only readers who see every child read it). */
async function storeAnswersFor(context: RequestContext, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate): Promise<boolean> {
  const everyChild = rowScopeOf(context.claims, context.today, 'CASE').kind === 'EVERY_CHILD';
  return everyChild && (await storeAnswers(context.database, { asOf, window, policy: context.policy }));
}

/** Work computed now waits its turn in the instance's whole-authority queue (503 SERVICE_UNAVAILABLE when it is full). */
async function inTurn<T>(context: RequestContext, work: () => Promise<T>): Promise<T> {
  try {
    return await context.wholeAuthority.run(work, context.abandoned, context.deadline);
  } catch (error) {
    if (error instanceof QueueFullError) throw serviceUnavailable(error.message, error.retryAfterSeconds);
    throw error;
  }
}

/**
 * Every child who had work in the window, a step of children at a time, computed where the
 * instance runs its rules (worker threads): a step's facts are dropped once it is computed, and
 * memory holds the steps in flight. The children left out are added to the request's.
 */
async function* computedSteps(context: RequestContext, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate): AsyncGenerator<BatchDueDates> {
  const ids = await childrenWithWorkBetween(context.database, {
    since: addDays(window.from, -lookBackDays),
    asOf,
    scope: rowScopeOf(context.claims, context.today, 'CASE'),
  });
  const settings = { calendar: context.calendar, policy: context.policy, labels: context.labels, meetingKinds: await context.records.meetingKindsRecorded() };
  const questions = (function* () {
    for (const batch of batchesOf(ids, childrenPerStep)) yield { batch, withWork: batch, summaries: false, window, asOf };
  })();
  for await (const step of computedBatches(context.database, questions, context.dueDateComputer, settings)) {
    context.childrenLeftOut.push(...step.leftOut);
    yield step;
    // PGlite answers through promises alone: without a turn of the event loop no hang-up is seen.
    await setImmediate();
    context.abandoned.throwIfAborted();
  }
}

/** The due-date rows of every child, computed now (dueDates pages them). */
function computedRows(context: RequestContext, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate): Promise<ComplianceRow[]> {
  return inTurn(context, async () => {
    const rows: ComplianceRow[] = [];
    for await (const step of computedSteps(context, window, asOf)) rows.push(...step.rows);
    return rows;
  });
}

/** The compliance counts, computed now and added up a step at a time: no row or child is kept past its step. */
function computedCounts(context: RequestContext, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate, groupBy: Grouping): Promise<{ counts: ComplianceCounts; leftOut: ChildLeftOut[] }> {
  return inTurn(context, async () => {
    const counts: ComplianceCounts = { measures: new Map(), caseloads: new Map() };
    const leftOut: ChildLeftOut[] = [];
    for await (const step of computedSteps(context, window, asOf)) {
      addCounts(counts, countsOf(step.rows, step.caseloads.filter(isOpen), groupBy));
      leftOut.push(...step.leftOut);
    }
    return { counts, leftOut };
  });
}

/** Caseload counts are of open children; the rest are counted as NOT_OPEN from the total. */
const isOpen = (child: ChildCaseload) => !child.kinds.includes('NOT_OPEN');


@Resolver()
export class ComplianceResolver {
  @Query(() => [ComplianceGroup], { description: 'Timeliness and caseload measures for a period, as at asOf (docs/compliance.md).', complexity: complianceCost })
  async compliance(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('groupBy', () => ComplianceGrouping, { nullable: true }) groupBy: ComplianceGrouping | null,
    @Ctx() context: RequestContext,
  ): Promise<ComplianceGroup[]> {
    const date = checkedDate('asOf', asOf ?? context.today, context);
    if (checkedDate('from', from, context) > checkedDate('to', to, context)) throw badUserInput('to', 'must not be before from');
    const grouping = groupBy ?? 'NONE';
    const inScope = await countChildren(context.database, { asOf: date, scope: rowScopeOf(context.claims, context.today, 'CASE') });
    // Children left out are in scope but counted nowhere (not as NOT_OPEN either): extensions.childrenLeftOut says how many.
    const notOpen = (open: number, leftOut: readonly ChildLeftOut[]) => inScope - open - distinctChildren(leftOut).length;
    let counted: { counts: ComplianceCounts; leftOut: ChildLeftOut[] };
    if (await storeAnswersFor(context, { from, to }, date)) {
      // Added up in SQL: nothing per due date or per child comes back.
      const [counts, leftOut] = await Promise.all([storedComplianceCounts(context.database, { from, to }, date, grouping), storedChildrenLeftOut(context.database)]);
      context.childrenLeftOut.push(...leftOut);
      counted = { counts, leftOut };
    } else {
      counted = await computedCounts(context, { from, to }, date, grouping);
    }
    const open = [...counted.counts.caseloads.values()].reduce((sum, caseload) => sum + caseload.children, 0);
    return groupsFromCounts(counted.counts, grouping, notOpen(open, counted.leftOut)) as ComplianceGroup[];
  }

  @Query(() => DueDateConnection, { description: 'Row-level due dates behind the measures, by child then due date (pseudonymised for bi).', complexity: dueDatesCost })
  async dueDates(
    @Arg('filter', () => DueDateFilter, { nullable: true }) filter: DueDateFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DueDateConnection> {
    const size = first ?? defaultPageSize;
    if (size < 0 || size > maxPageSize) throw badUserInput('first', `must be between 0 and ${maxPageSize}`);
    const position = after == null ? null : context.pseudonyms ? context.pseudonyms.decodeCursor(after) : decodeCursor(after);
    if (position === undefined) throw badUserInput('after', 'not a cursor this API gave out');
    const date = checkedDate('asOf', asOf ?? context.today, context);
    const window = {
      from: checkedDate('filter.dueFrom', filter?.dueFrom ?? addYears(date, -1), context),
      to: checkedDate('filter.dueTo', filter?.dueTo ?? addYears(date, 1), context),
    };
    const rows = await authorityDueDateRows(context, window, date);
    const matching = rows.filter(
      (row) =>
        (!filter?.kind?.length || filter.kind.includes(row.kind as DueKind)) &&
        (filter?.overdue == null || row.overdue === filter.overdue) &&
        (filter?.team == null || row.team === filter.team),
    );
    // A row's place: its child (in case-id order, as the rows come) and its index among them.
    const keyOf = (row: ComplianceRow, index: number) => `${row.childId}\u0000${index}`;
    const keyed = matching.map((row, index) => ({ row, key: keyOf(row, index) }));
    const start = position === null ? 0 : keyed.findIndex(({ key }) => key === position) + 1;
    if (start === 0 && position !== null) throw badUserInput('after', 'not a cursor of this listing (the data or the filter changed)');
    const page = keyed.slice(start, start + size);
    noteReads(context, [...new Set(page.map(({ row }) => row.childId))], childFieldsAsked(info, ['edges', 'node']).length > 0 ? ['dueDates'] : []);
    const pseudonyms = context.pseudonyms;
    const edges = page.map(({ row, key }) => ({
      cursor: pseudonyms ? pseudonyms.encodeCursor(key) : encodeCursor(key),
      node: {
        childId: pseudonyms ? pseudonyms.of(row.childId) : row.childId,
        kind: row.kind as DueKind,
        dueOn: row.dueOn,
        doneOn: row.doneOn,
        ruleId: row.ruleId,
        basis: row.basis as RuleBasis,
        overdue: row.overdue,
        late: row.late,
        completionKnown: row.completionKnown,
        team: row.team,
        provisional: row.provisional,
      } satisfies DueDateRow,
    }));
    return { edges, pageInfo: { hasNextPage: start + size < keyed.length, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: keyed.length };
  }
}
