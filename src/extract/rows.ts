// The rows of the bulk extracts (issue 7, part 4), computed a batch of children at a time so
// memory stays flat whatever the authority's size: each batch gets fresh child records (one
// statement per batch) over the extract's snapshot, and is dropped once written.
// Due dates come from the same code as `dueDates` (src/db/authority-due-dates.ts), in the same
// order: children in case-id order, then each child's history in its own order. A later change
// can swap the source (e.g. the materialised table) behind the same generator signature.

import { byTheRules, childrenDueDates, dueDateRelations, type ChildLeftOut, type DueDateInputs } from '../db/authority-due-dates.js';
import { careStatusFactsOf } from '../db/care-status-facts.js';
import { createChildRecords, readMeetingKindsRecorded } from '../db/child-records.js';
import { childrenWithWorkBetween, type RowScope } from '../db/children.js';
import type { Snapshot } from '../db/connection.js';
import { lookBackDays } from '../db/due-date-store.js';
import { addDays } from '../domain/calendar.js';
import { careStatusOn, type CareStatusKind } from '../domain/care-status.js';
import type { ComplianceRow } from '../domain/compliance.js';
import type { IsoDate } from '../domain/facts.js';
import { allocatedTeamOn } from '../domain/key-contacts.js';
import { childSchedule } from '../domain/schedule.js';
import { scheduleFactsOf } from '../db/schedule-facts.js';

export const defaultBatchSize = 1000;

/** What the rows are computed with, less the child records (each batch reads its own over the snapshot). */
export type ExtractInputs = Omit<DueDateInputs, 'records'>;

export interface Window {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The children whose due dates can fall in the window, as `dueDates` finds them (one statement,
 * case-id order): the due-date extract's children, and what its access-log entry lists.
 */
export function dueDateExtractChildren(snapshot: Pick<Snapshot, 'session'>, window: Window, asOf: IsoDate, scope: RowScope): Promise<string[]> {
  return childrenWithWorkBetween(snapshot.session, { since: addDays(window.from, -lookBackDays), asOf, scope });
}

/**
 * Every child the reader sees, in case-id order (one statement): the children extract's
 * children. Only for readers who see every child (social-care and bi, the extracts' roles).
 */
export async function everyChild(snapshot: Pick<Snapshot, 'session'>, scope: RowScope): Promise<string[]> {
  if (scope.kind !== 'EVERY_CHILD') throw new Error('the children extract is only for readers who see every child');
  const rows = await snapshot.session.query<{ person_id: string }>('SELECT c.person_id FROM carebridge.child c ORDER BY c.person_id');
  return rows.map((row) => row.person_id);
}

/** `ids` a batch at a time. */
function* batchesOf<T>(ids: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < ids.length; at += size) yield ids.slice(at, at + size);
}

/**
 * The due dates of `childIds` in the window as at asOf, exactly the rows `dueDates` gives (same
 * order), one array per batch of children. Reads only through the snapshot's orm. A child whose
 * records a rule cannot read is left out and added to `leftOut` (the extract counts them).
 */
export async function* dueDateRowsInBatches(
  snapshot: Pick<Snapshot, 'orm' | 'session'>,
  inputs: ExtractInputs,
  childIds: readonly string[],
  window: Window,
  asOf: IsoDate,
  batchSize: number = defaultBatchSize,
  leftOut: ChildLeftOut[] = [],
): AsyncGenerator<ComplianceRow[]> {
  for (const batch of batchesOf(childIds, batchSize)) {
    const records = createChildRecords(snapshot.session, () => readMeetingKindsRecorded(snapshot.orm));
    const children = await childrenDueDates(batch, window, asOf, { ...inputs, records });
    leftOut.push(...children.leftOut);
    yield children.rows;
  }
}

/** One child as the children extract gives it: care status, next due date and team on asOf; nothing that names the child. */
export interface ChildExtractRow {
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
 * Each child's `careStatus`, `nextReviewDue` (the first open due date of its schedule) and
 * allocated team (as the compliance rows' `team`) on asOf, one array per batch of children; a
 * child whose records a rule cannot read is left out and added to `leftOut`.
 */
export async function* childRowsInBatches(
  snapshot: Pick<Snapshot, 'orm' | 'session'>,
  inputs: ExtractInputs,
  childIds: readonly string[],
  asOf: IsoDate,
  batchSize: number = defaultBatchSize,
  leftOut: ChildLeftOut[] = [],
): AsyncGenerator<ChildExtractRow[]> {
  for (const batch of batchesOf(childIds, batchSize)) {
    const records = createChildRecords(snapshot.session, () => readMeetingKindsRecorded(snapshot.orm));
    // Every relation a row reads, for the whole batch in one statement: each child is then computed without waiting.
    await records.readAhead(batch, dueDateRelations);
    const rows = await Promise.all(
      batch.map(async (childId): Promise<ChildExtractRow | null> => {
        const [statusFacts, scheduleFacts, involvements, careLeaverRecords] = await Promise.all([
          careStatusFactsOf(childId, asOf, records),
          scheduleFactsOf(childId, records),
          records.involvements.load(childId),
          records.careLeaverRecords.load(childId),
        ]);
        const status = careStatusOn(statusFacts, asOf);
        const schedule = byTheRules(childId, () => childSchedule(scheduleFacts, inputs.calendar, inputs.policy, asOf));
        if ('leftOut' in schedule) {
          leftOut.push(schedule.leftOut);
          return null;
        }
        const next = schedule.value.dueDates[0] ?? null;
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
      }),
    );
    yield rows.filter((row): row is ChildExtractRow => row !== null);
  }
}
