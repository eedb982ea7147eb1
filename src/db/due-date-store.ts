// The materialised due dates (docs/compliance.md, "Materialised"): after an import, every
// child's due-date history for a window around that day and its caseload facts are worked out
// once, by the same code as a request would (src/db/authority-due-dates.ts), and stored. BI
// measures, the dueDates rows and the extracts read them when the question matches what was
// stored (the latest import, that asOf, a window inside the stored one, the same policy), and
// compute on the fly otherwise.

import { createHash } from 'node:crypto';
import { addDays, addYears } from '../domain/calendar.js';
import { noTeam, type CaseloadCounts, type ChildCaseload, type ComplianceCounts, type ComplianceGrouping, type ComplianceRow, type MeasureCounts } from '../domain/compliance.js';
import type { DueKind } from '../domain/due-dates.js';
import type { IsoDate } from '../domain/facts.js';
import type { Policy } from '../domain/policy.js';
import type { RuleBasis, RuleId } from '../domain/rules.js';
import type { CareStatusKind } from '../domain/care-status.js';
import type { LabelMaps } from '../config.js';
import type { WorkingDayCalendar } from '../domain/calendar.js';
import { distinctChildren, leftOutForTheLog, type ChildLeftOut, type ChildSummary } from './authority-due-dates.js';
import type { Logger } from '../log.js';
import { batchesOf, readMeetingKindsRecorded } from './child-records.js';
import { computedBatches, onThisThread, type DueDateComputer } from './due-date-workers.js';
import { childrenWithWorkBetween } from './children.js';
import { holdAdvisoryLock, type Database, type SqlSession } from './connection.js';

/** The stored window: two years back (a year's measures a year ago), one year ahead. */
export const storedWindow = (asOf: IsoDate) => ({ from: addYears(asOf, -2), to: addYears(asOf, 1) });
/** How far before a window a due date's trigger can lie (the longest interval, 12 months, and some). */
export const lookBackDays = 400;
const batchSize = 1000;
const insertChunk = 5000;

export function policyHash(policy: Policy): string {
  return createHash('sha256').update(JSON.stringify(policy)).digest('hex');
}

export interface StoredQuestion {
  asOf: IsoDate;
  window: { from: IsoDate; to: IsoDate };
  policy: Policy;
}

/** Whether the store answers this question: latest import, same asOf and policy, window inside. */
export async function storeAnswers(session: SqlSession, question: StoredQuestion): Promise<boolean> {
  const [row] = await session.query<{ matches: boolean }>(
    `SELECT (s.import_run_id = (SELECT max(id) FROM carebridge.import_run) AND s.as_of = $1::date
             AND s.window_from <= $2::date AND s.window_to >= $3::date AND s.policy_hash = $4) AS matches
     FROM carebridge.due_date_store s`,
    [question.asOf, question.window.from, question.window.to, policyHash(question.policy)],
  );
  return row?.matches === true;
}

/**
 * Works out and stores every child's due dates for the stored window on asOf, their caseload
 * facts and every child's summary (the children extract's row), replacing what was there in one
 * transaction. Children are computed and written a batch at a time (one statement reads a
 * batch's relations), so memory holds one batch whatever the authority's size; readers see the
 * old store until it commits. A child whose records a rule cannot read is left out and recorded
 * in the run's `problems` (and logged as a count). Returns the number of due dates stored.
 */
export async function materialiseDueDates(database: Database, settings: StoreSettings, asOf: IsoDate): Promise<number> {
  return (await storeDueDates(database, settings, asOf, { unlessAnswered: false }))!;
}

/**
 * materialiseDueDates; with `unlessAnswered`, nothing (null) when, once this instance holds the
 * store's lock, the store answers already: another instance stored it meanwhile.
 */
async function storeDueDates(database: Database, settings: StoreSettings, asOf: IsoDate, options: { unlessAnswered: boolean }): Promise<number | null> {
  const { logger, computer = onThisThread } = settings;
  const window = storedWindow(asOf);
  const [{ run } = { run: null }] = await database.query<{ run: number | null }>('SELECT max(id)::int AS run FROM carebridge.import_run');
  if (run === null) return 0;
  const meetingKinds = await readMeetingKindsRecorded(database.orm);
  const done = await database.transaction(async (session) => {
    // One store at a time (the service at start or each day, an import's CLI): two would both delete, then both insert.
    await holdAdvisoryLock(session, 'carebridge.due_date_store');
    if (options.unlessAnswered && (await storeAnswers(session, { asOf, window, policy: settings.policy }))) return null;
    const withWork = new Set(await childrenWithWorkBetween(session, { since: addDays(window.from, -lookBackDays), asOf, scope: { kind: 'EVERY_CHILD' } }));
    const everyChild = (await session.query<{ person_id: string }>('SELECT person_id FROM carebridge.child ORDER BY person_id')).map((row) => row.person_id);
    for (const table of ['due_date', 'child_caseload', 'child_summary']) await session.query(`DELETE FROM carebridge.${table}`);
    let stored = 0;
    const leftOut: ChildLeftOut[] = [];
    const questions = (function* () {
      for (const batch of batchesOf(everyChild, batchSize)) yield { batch, withWork: batch.filter((childId) => withWork.has(childId)), summaries: true, window, asOf };
    })();
    const batchSettings = { calendar: settings.calendar, policy: settings.policy, labels: settings.labels, meetingKinds };
    for await (const answer of computedBatches(session, questions, computer, batchSettings)) {
      await insertStored(session, 'due_date', dueDateRecords(answer.rows));
      await insertStored(session, 'child_caseload', answer.caseloads.map(caseloadRecord));
      await insertStored(session, 'child_summary', answer.summaries.map(summaryRecord));
      leftOut.push(...answer.leftOut);
      stored += answer.rows.length;
    }
    const problems = distinctChildren(leftOut);
    await session.query('DELETE FROM carebridge.due_date_store');
    await session.query(
      `INSERT INTO carebridge.due_date_store (import_run_id, as_of, window_from, window_to, policy_hash, children, problems) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [run, asOf, window.from, window.to, policyHash(settings.policy), withWork.size, JSON.stringify(problems)],
    );
    await session.query('ANALYZE carebridge.due_date');
    return { stored, leftOut: problems, children: everyChild.length };
  });
  if (done === null) return null;
  const { stored, leftOut, children } = done;
  if (leftOut.length > 0) logger?.warn(leftOutForTheLog(leftOut), 'children left out of the stored due dates: a rule cannot read their records');
  logger?.info({ children, dueDates: stored }, 'due dates and child summaries stored');
  return stored;
}

/** The stored tables' columns and their SQL types, in the order the records give them. */
const storedTableColumns = {
  due_date: {
    child_person_id: 'varchar', position: 'int', kind: 'varchar', due_on: 'date', done_on: 'date', rule_id: 'varchar',
    basis: 'varchar', completion_known: 'boolean', subject_id: 'varchar', team: 'text', provisional: 'boolean',
  },
  child_caseload: {
    child_person_id: 'varchar', team: 'text', kinds: 'text', is_dual_status: 'boolean', dual_status_exceptional: 'boolean',
    cp_plans_over_two_years: 'int', cin_plans_over_six_months: 'int',
  },
  child_summary: {
    child_person_id: 'varchar', care_status: 'text', is_looked_after: 'boolean', is_on_child_protection_plan: 'boolean',
    is_dual_status: 'boolean', legal_basis: 'text', next_review_due_on: 'date', next_review_rule_id: 'text', team: 'text',
  },
} as const;

type StoredTable = keyof typeof storedTableColumns;
type StoredRecord<Table extends StoredTable> = Record<keyof (typeof storedTableColumns)[Table], unknown>;

/**
 * Records into a stored table, as one jsonb parameter per chunk: the statement's text and
 * parameter count stay fixed (prepared once).
 */
async function insertStored<Table extends StoredTable>(session: SqlSession, table: Table, records: readonly StoredRecord<Table>[]): Promise<void> {
  const columns = Object.entries(storedTableColumns[table]);
  const names = columns.map(([name]) => name).join(', ');
  const statement = `INSERT INTO carebridge.${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`;
  for (let at = 0; at < records.length; at += insertChunk) {
    await session.query(statement, [JSON.stringify(records.slice(at, at + insertChunk))], { prepare: true });
  }
}

/** A batch's due dates, each numbered within its child (rows come child by child, in history order). */
function dueDateRecords(rows: readonly ComplianceRow[]): StoredRecord<'due_date'>[] {
  let position = 0;
  return rows.map((row, index) => {
    position = index > 0 && rows[index - 1]!.childId === row.childId ? position + 1 : 0;
    return {
      child_person_id: row.childId,
      position,
      kind: row.kind,
      due_on: row.dueOn,
      done_on: row.doneOn,
      rule_id: row.ruleId,
      basis: row.basis,
      completion_known: row.completionKnown,
      subject_id: row.subjectId,
      team: row.team,
      provisional: row.provisional,
    };
  });
}

const caseloadRecord = (child: ChildCaseload): StoredRecord<'child_caseload'> => ({
  child_person_id: child.childId,
  team: child.team,
  kinds: child.kinds.join(';'),
  is_dual_status: child.isDualStatus,
  dual_status_exceptional: child.dualStatusExceptional,
  cp_plans_over_two_years: child.cpPlansOverTwoYears,
  cin_plans_over_six_months: child.cinPlansOverSixMonths,
});

const summaryRecord = (summary: ChildSummary): StoredRecord<'child_summary'> => ({
  child_person_id: summary.childId,
  care_status: summary.careStatus.join(';'),
  is_looked_after: summary.isLookedAfter,
  is_on_child_protection_plan: summary.isOnChildProtectionPlan,
  is_dual_status: summary.isDualStatus,
  legal_basis: summary.legalBasis,
  next_review_due_on: summary.nextReviewDueOn,
  next_review_rule_id: summary.nextReviewRuleId,
  team: summary.team,
});

/** The stored summaries of every child, a page at a time in case-id order (keyset), for the children extract. */
export async function* storedSummaryPages(session: SqlSession, pageSize: number): AsyncGenerator<ChildSummary[]> {
  let after: string | null = null;
  for (;;) {
    const rows: StoredSummaryRow[] = await session.query<StoredSummaryRow>(
      `SELECT child_person_id, care_status, is_looked_after, is_on_child_protection_plan, is_dual_status, legal_basis,
         next_review_due_on::text AS next_review_due_on, next_review_rule_id, team
       FROM carebridge.child_summary WHERE ($1::text IS NULL OR child_person_id > $1::text) ORDER BY child_person_id LIMIT $2`,
      [after, pageSize],
      { prepare: true },
    );
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      childId: row.child_person_id,
      careStatus: row.care_status.split(';') as CareStatusKind[],
      isLookedAfter: row.is_looked_after,
      isOnChildProtectionPlan: row.is_on_child_protection_plan,
      isDualStatus: row.is_dual_status,
      legalBasis: row.legal_basis,
      nextReviewDueOn: row.next_review_due_on,
      nextReviewRuleId: row.next_review_rule_id,
      team: row.team,
    }));
    after = rows.at(-1)!.child_person_id;
    if (rows.length < pageSize) return;
  }
}

type StoredSummaryRow = {
  child_person_id: string;
  care_status: string;
  is_looked_after: boolean;
  is_on_child_protection_plan: boolean;
  is_dual_status: boolean;
  legal_basis: string | null;
  next_review_due_on: string | null;
  next_review_rule_id: string | null;
  team: string | null;
};

type StoredRow = {
  child_person_id: string;
  position: number;
  kind: string;
  due_on: string;
  done_on: string | null;
  rule_id: string;
  basis: string;
  completion_known: boolean;
  subject_id: string | null;
  team: string | null;
  provisional: boolean;
};

const storedColumns = `child_person_id, position, kind, due_on::text AS due_on, done_on::text AS done_on, rule_id, basis, completion_known, subject_id, team, provisional`;

function fromStored(row: StoredRow, asOf: IsoDate): ComplianceRow {
  return {
    childId: row.child_person_id,
    kind: row.kind as DueKind,
    dueOn: row.due_on,
    doneOn: row.done_on,
    ruleId: row.rule_id as RuleId,
    basis: row.basis as RuleBasis,
    completionKnown: row.completion_known,
    // As openDueDate and the history: overdue when not done, known, and due before asOf.
    overdue: row.done_on === null && row.completion_known && row.due_on < asOf,
    late: row.done_on !== null && row.done_on > row.due_on,
    subjectId: row.subject_id,
    team: row.team,
    provisional: row.provisional,
  };
}

/** The children the stored run left out, and why (social-care reads them; everyone else the count). */
export async function storedChildrenLeftOut(session: SqlSession): Promise<ChildLeftOut[]> {
  const [row] = await session.query<{ problems: ChildLeftOut[] | string }>('SELECT problems FROM carebridge.due_date_store');
  if (!row) return [];
  return typeof row.problems === 'string' ? (JSON.parse(row.problems) as ChildLeftOut[]) : row.problems;
}

/** The stored due dates in a window, as on asOf, in child then history order. */
export async function storedDueDates(session: SqlSession, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate): Promise<ComplianceRow[]> {
  const rows = await session.query<StoredRow>(
    `SELECT ${storedColumns} FROM carebridge.due_date WHERE due_on BETWEEN $1::date AND $2::date ORDER BY child_person_id, position`,
    [window.from, window.to],
  );
  return rows.map((row) => fromStored(row, asOf));
}

/** The children with stored due dates in the window, in case-id order (what an extract of them lists). */
export async function storedDueDateChildren(session: SqlSession, window: { from: IsoDate; to: IsoDate }): Promise<string[]> {
  const rows = await session.query<{ child_person_id: string }>(
    'SELECT DISTINCT child_person_id FROM carebridge.due_date WHERE due_on BETWEEN $1::date AND $2::date ORDER BY child_person_id',
    [window.from, window.to],
  );
  return rows.map((row) => row.child_person_id);
}

/** The stored due dates in the window a page at a time (keyset on child and position), for extracts. */
export async function* storedDueDatePages(session: SqlSession, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate, pageSize: number): AsyncGenerator<ComplianceRow[]> {
  let after: { child: string; position: number } | null = null;
  for (;;) {
    const rows: StoredRow[] = await session.query<StoredRow>(
      `SELECT ${storedColumns} FROM carebridge.due_date
       WHERE due_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR (child_person_id, position) > ($3::text, $4::int))
       ORDER BY child_person_id, position LIMIT $5`,
      [window.from, window.to, after?.child ?? null, after?.position ?? 0, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => fromStored(row, asOf));
    const last = rows.at(-1)!;
    after = { child: last.child_person_id, position: Number(last.position) };
    if (rows.length < pageSize) return;
  }
}

/** A constant of ours as an SQL string literal. */
const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The group key of a stored due date, in SQL, as groupKeyOf gives it in memory. */
const storedGroupKey: Record<ComplianceGrouping, string> = {
  NONE: 'NULL::text',
  TEAM: `coalesce(team, ${sqlString(noTeam)})`,
  KIND: 'kind',
  MONTH: "to_char(due_on, 'YYYY-MM')",
};

/**
 * The compliance counts from the store, added up where the rows are (GROUP BY): the measures of
 * the due dates in the window as on asOf (overdue and late as fromStored reads them), and the open
 * children's caseload counts, by team for TEAM. Two statements, whatever the authority's size.
 */
export async function storedComplianceCounts(session: SqlSession, window: { from: IsoDate; to: IsoDate }, asOf: IsoDate, groupBy: ComplianceGrouping): Promise<ComplianceCounts> {
  const [measureRows, caseloadRows] = await Promise.all([
    session.query<{ key: string | null; kind: DueKind; due: number; on_time: number; late: number; overdue: number; rule_ids: string }>(
      `SELECT ${storedGroupKey[groupBy]} AS key, kind,
         count(*) FILTER (WHERE completion_known)::int AS due,
         count(*) FILTER (WHERE completion_known AND done_on IS NOT NULL AND done_on <= due_on)::int AS on_time,
         count(*) FILTER (WHERE completion_known AND done_on > due_on)::int AS late,
         count(*) FILTER (WHERE completion_known AND done_on IS NULL AND due_on < $3::date)::int AS overdue,
         coalesce(string_agg(DISTINCT rule_id, ',') FILTER (WHERE completion_known), '') AS rule_ids
       FROM carebridge.due_date WHERE due_on BETWEEN $1::date AND $2::date
       GROUP BY 1, 2`,
      [window.from, window.to, asOf],
      { prepare: true },
    ),
    session.query<{ key: string | null; kind: CareStatusKind | null; children: number; dual: number; dual_exceptional: number; cp_long: number; cin_long: number }>(
      // One row per key and status, and (kind null) one per key with its totals.
      `SELECT ${groupBy === 'TEAM' ? storedGroupKey.TEAM : 'NULL::text'} AS key, s.kind,
         count(*)::int AS children,
         count(*) FILTER (WHERE c.is_dual_status)::int AS dual,
         count(*) FILTER (WHERE c.is_dual_status AND c.dual_status_exceptional)::int AS dual_exceptional,
         coalesce(sum(c.cp_plans_over_two_years), 0)::int AS cp_long,
         coalesce(sum(c.cin_plans_over_six_months), 0)::int AS cin_long
       FROM carebridge.child_caseload c
       CROSS JOIN LATERAL (SELECT unnest(string_to_array(c.kinds, ';')) AS kind UNION ALL SELECT NULL) s
       WHERE NOT ('NOT_OPEN' = ANY (string_to_array(c.kinds, ';')))
       GROUP BY 1, 2`,
      [],
      { prepare: true },
    ),
  ]);
  const measures = new Map<string | null, MeasureCounts[]>();
  for (const row of measureRows) {
    const group = measures.get(row.key) ?? [];
    measures.set(row.key, group);
    if (row.due > 0) group.push({ kind: row.kind, due: row.due, onTime: row.on_time, late: row.late, overdue: row.overdue, ruleIds: row.rule_ids.split(',') as RuleId[] });
  }
  const caseloads = new Map<string | null, CaseloadCounts>();
  for (const row of caseloadRows) {
    let counts = caseloads.get(row.key);
    if (!counts) caseloads.set(row.key, (counts = { byStatus: new Map(), children: 0, dualStatusChildren: 0, dualStatusBeyondThreeMonths: 0, cpPlansOverTwoYears: 0, cinPlansOverSixMonths: 0 }));
    if (row.kind !== null) {
      counts.byStatus.set(row.kind, row.children);
      continue;
    }
    Object.assign(counts, { children: row.children, dualStatusChildren: row.dual, dualStatusBeyondThreeMonths: row.dual_exceptional, cpPlansOverTwoYears: row.cp_long, cinPlansOverSixMonths: row.cin_long });
  }
  return { measures, caseloads };
}

/** Whether there are imported records the store does not answer for on asOf (with this policy). */
export async function dueDateStoreIsStale(session: SqlSession, policy: Policy, asOf: IsoDate): Promise<boolean> {
  const [{ runs } = { runs: 0 }] = await session.query<{ runs: number }>('SELECT count(*)::int AS runs FROM carebridge.import_run');
  return runs > 0 && !(await storeAnswers(session, { asOf, window: storedWindow(asOf), policy }));
}

/** What storing due dates works with: the authority's calendar, policy and labels, and where the rules run. */
export interface StoreSettings {
  calendar: WorkingDayCalendar;
  policy: Policy;
  labels: Pick<LabelMaps, 'keyContactRole'>;
  logger?: Logger;
  /** Worker threads for the rules (src/db/due-date-workers.ts); this thread when none. */
  computer?: DueDateComputer;
}

/**
 * After an import, or at start when the store does not answer for today: store every child's due
 * dates as on `asOf` with the authority's policy and labels. Returns the due dates stored, or
 * null when the store already answers.
 */
export async function refreshDueDateStore(database: Database, settings: StoreSettings, asOf: IsoDate): Promise<number | null> {
  if (await storeAnswers(database, { asOf, window: storedWindow(asOf), policy: settings.policy })) return null;
  return storeDueDates(database, settings, asOf, { unlessAnswered: true });
}
