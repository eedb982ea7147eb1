// The rows of the bulk extracts (issue 7, part 4), computed a batch of children at a time so
// memory stays flat whatever the authority's size: each batch gets fresh child records (one
// statement per batch) over the extract's snapshot, and is dropped once written.
// Due dates come from the same code as `dueDates` (src/db/authority-due-dates.ts), in the same
// order: children in case-id order, then each child's history in its own order. A later change
// can swap the source (e.g. the materialised table) behind the same generator signature.

import type { BatchDueDates, BatchQuestion, ChildLeftOut, ChildSummary } from '../db/authority-due-dates.js';
import { batchesOf, readMeetingKindsRecorded } from '../db/child-records.js';
import { computedBatches, type BatchSettings, type DueDateComputer } from '../db/due-date-workers.js';
import { childrenWithWorkBetween, type RowScope } from '../db/children.js';
import type { Snapshot } from '../db/connection.js';
import { lookBackDays } from '../db/due-date-store.js';
import { addDays } from '../domain/calendar.js';
import type { ComplianceRow } from '../domain/compliance.js';
import type { IsoDate } from '../domain/facts.js';

export const defaultBatchSize = 1000;

/** What the rows are computed with: the authority's calendar, policy and labels, and where the rules run. */
export type ExtractInputs = Omit<BatchSettings, 'meetingKinds'> & { computer: DueDateComputer };

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

/** Batches of children, each asked its due dates in the window (summaries: false) or its summary. */
function* questionsFor(childIds: readonly string[], batchSize: number, question: { summaries: boolean; window: Window; asOf: IsoDate }): Generator<BatchQuestion> {
  for (const batch of batchesOf(childIds, batchSize)) yield { batch, withWork: question.summaries ? [] : batch, ...question };
}

/** The batches' answers, computed where the inputs say (worker threads or this thread), over the snapshot. */
async function* answersOf(snapshot: Pick<Snapshot, 'orm' | 'session'>, inputs: ExtractInputs, questions: Iterable<BatchQuestion>): AsyncGenerator<BatchDueDates> {
  const settings = { calendar: inputs.calendar, policy: inputs.policy, labels: inputs.labels, meetingKinds: await readMeetingKindsRecorded(snapshot.orm) };
  yield* computedBatches(snapshot.session, questions, inputs.computer, settings);
}

/**
 * The due dates of `childIds` in the window as at asOf, exactly the rows `dueDates` gives (same
 * order), one array per batch of children. A child whose records a rule cannot read is left out
 * and added to `leftOut` (the extract counts them).
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
  for await (const answer of answersOf(snapshot, inputs, questionsFor(childIds, batchSize, { summaries: false, window, asOf }))) {
    leftOut.push(...answer.leftOut);
    yield answer.rows;
  }
}

/**
 * Each child's summary on asOf (childSummary), one array per batch of children; a child whose
 * records a rule cannot read is left out and added to `leftOut`.
 */
export async function* childRowsInBatches(
  snapshot: Pick<Snapshot, 'orm' | 'session'>,
  inputs: ExtractInputs,
  childIds: readonly string[],
  asOf: IsoDate,
  batchSize: number = defaultBatchSize,
  leftOut: ChildLeftOut[] = [],
): AsyncGenerator<ChildSummary[]> {
  for await (const answer of answersOf(snapshot, inputs, questionsFor(childIds, batchSize, { summaries: true, window: { from: asOf, to: asOf }, asOf }))) {
    leftOut.push(...answer.leftOut);
    yield answer.summaries;
  }
}
