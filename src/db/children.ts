// Finding children: by case id, by NHS number, and page by page in case-id order with filters.
// The filters apply in SQL the same readings as src/domain/care-status.ts (docs/care-status.md),
// so counts and pages agree with each child's own careStatus.

import type { CareStatusKind } from '../domain/care-status.js';
import type { IsoDate } from '../domain/facts.js';
import type { SqlSession } from './connection.js';

export interface ChildFilter {
  careStatus?: readonly CareStatusKind[] | null;
  isDualStatus?: boolean | null;
}

const open = (table: string, person: string, startSql: string, end: string) =>
  `EXISTS (SELECT 1 FROM ${table} x WHERE x.${person} = c.person_id AND ${startSql} <= $asOf AND (x.${end} IS NULL OR x.${end} > $asOf))`;

const openOn: Record<Exclude<CareStatusKind, 'NOT_OPEN' | 'CARE_LEAVER'>, string> = {
  EARLY_HELP: open('ssd_early_help_episodes', 'earl_person_id', 'x.earl_episode_start_date', 'earl_episode_end_date'),
  CHILD_IN_NEED: open('ssd_cin_plans', 'cinp_person_id', 'x.cinp_cin_plan_start_date', 'cinp_cin_plan_end_date'),
  CHILD_PROTECTION: open('ssd_cp_plans', 'cppl_person_id', 'x.cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'),
  // A period of care starts on the date the child entered care, when the extract gives it.
  CHILD_IN_CARE: open(
    'ssd_cla_episodes',
    'clae_person_id',
    'LEAST(x.clae_entered_care_date, x.clae_cla_episode_start_date)',
    'clae_cla_episode_ceased_date',
  ),
};

const careLeaver = `(EXISTS (SELECT 1 FROM ssd_care_leavers x WHERE x.clea_person_id = c.person_id)
  AND NOT ${openOn.CHILD_IN_CARE}
  AND EXISTS (SELECT 1 FROM ssd_person p WHERE p.pers_person_id = c.person_id AND p.pers_dob + interval '25 years' > $asOf))`;

/**
 * A superset of the children whose schedule can hold a due date on $asOf (src/domain/schedule.ts):
 * an open plan, enquiry or assessment, or ever looked after (visits, reviews, pathway plans for
 * care leavers). The hasOverdue filter computes schedules only for these.
 */
const mayHaveDueDates = `(${openOn.CHILD_PROTECTION} OR ${openOn.CHILD_IN_NEED}
  OR EXISTS (SELECT 1 FROM ssd_cla_episodes x WHERE x.clae_person_id = c.person_id
    AND LEAST(x.clae_entered_care_date, x.clae_cla_episode_start_date) <= $asOf)
  OR ${open('ssd_s47_enquiry', 's47e_person_id', 'x.s47e_s47_start_date', 's47e_s47_end_date')}
  OR ${open('ssd_cin_assessments', 'cina_person_id', 'x.cina_assessment_start_date', 'cina_assessment_auth_date')})`;

function kindCondition(kind: CareStatusKind): string {
  if (kind === 'CARE_LEAVER') return careLeaver;
  if (kind === 'NOT_OPEN') return `NOT (${Object.values(openOn).join(' OR ')} OR ${careLeaver})`;
  return openOn[kind];
}

/** SQL conditions on `c` (carebridge.child) with `$asOf` as a placeholder for the date. */
function filterConditions(filter: ChildFilter | null | undefined): string[] {
  const conditions: string[] = [];
  if (filter?.careStatus && filter.careStatus.length > 0) {
    conditions.push(`(${filter.careStatus.map(kindCondition).join(' OR ')})`);
  }
  if (filter?.isDualStatus !== undefined && filter.isDualStatus !== null) {
    const dual = `(${openOn.CHILD_PROTECTION} AND ${openOn.CHILD_IN_CARE})`;
    conditions.push(filter.isDualStatus ? dual : `NOT ${dual}`);
  }
  return conditions;
}

/** The WHERE clause for a filter, with `$asOf` bound to the next parameter when a condition uses it. */
function whereClause(conditions: string[], parameters: unknown[], asOf: IsoDate): string {
  if (conditions.length === 0) return '';
  const sql = conditions.join(' AND ');
  if (sql.includes('$asOf')) parameters.push(asOf);
  return `WHERE ${sql.replaceAll('$asOf', `$${parameters.length}::date`)}`;
}

export async function findChildId(session: SqlSession, id: string): Promise<string | null> {
  const [row] = await session.query<{ person_id: string }>('SELECT person_id FROM carebridge.child WHERE person_id = $1', [id]);
  return row?.person_id ?? null;
}

/** `nhsNumber` is ten digits; extracts hold it with or without the usual 3-3-4 spacing. */
export async function findChildIdByNhsNumber(session: SqlSession, nhsNumber: string): Promise<string | null> {
  const spaced = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
  const rows = await session.query<{ person_id: string }>(
    `SELECT c.person_id FROM ssd_person p JOIN carebridge.child c ON c.person_id = p.pers_person_id
     WHERE p.pers_common_child_id IN ($1, $2) LIMIT 2`,
    [nhsNumber, spaced],
  );
  // Two children with one NHS number is a data error: answering with either would be a guess.
  return rows.length === 1 ? rows[0]!.person_id : null;
}

export async function pageOfChildIds(
  session: SqlSession,
  options: { after: string | null; first: number; filter?: ChildFilter | null; asOf: IsoDate },
): Promise<{ ids: string[]; hasNextPage: boolean }> {
  const parameters: unknown[] = [options.first + 1];
  const conditions = filterConditions(options.filter);
  if (options.after !== null) {
    parameters.push(options.after);
    conditions.push(`c.person_id > $${parameters.length}`);
  }
  const where = whereClause(conditions, parameters, options.asOf);
  const rows = await session.query<{ person_id: string }>(
    `SELECT c.person_id FROM carebridge.child c ${where} ORDER BY c.person_id LIMIT $1`,
    parameters,
  );
  const ids = rows.map((row) => row.person_id);
  return { ids: ids.slice(0, options.first), hasNextPage: ids.length > options.first };
}

/**
 * Every child matching the filter, in case-id order, with whether its schedule can hold a due
 * date and whether it comes after the cursor (the database's order, as pageOfChildIds): what the
 * hasOverdue filter starts from. One statement, whatever the number of children.
 */
export async function childrenWithOpenWork(
  session: SqlSession,
  options: { after: string | null; filter?: ChildFilter | null; asOf: IsoDate },
): Promise<{ id: string; mayHaveDueDates: boolean; afterCursor: boolean }[]> {
  const parameters: unknown[] = [options.asOf, options.after];
  const where = whereClause(filterConditions(options.filter), parameters, options.asOf);
  const rows = await session.query<{ person_id: string; open: boolean; after_cursor: boolean | null }>(
    `SELECT c.person_id, ${mayHaveDueDates.replaceAll('$asOf', '$1::date')} AS open, c.person_id > $2::text AS after_cursor
     FROM carebridge.child c ${where} ORDER BY c.person_id`,
    parameters,
  );
  return rows.map((row) => ({ id: row.person_id, mayHaveDueDates: row.open, afterCursor: options.after === null || row.after_cursor === true }));
}

export async function countChildren(session: SqlSession, options: { filter?: ChildFilter | null; asOf: IsoDate }): Promise<number> {
  const parameters: unknown[] = [];
  const where = whereClause(filterConditions(options.filter), parameters, options.asOf);
  const [row] = await session.query<{ total: string | number }>(`SELECT count(*) AS total FROM carebridge.child c ${where}`, parameters);
  return Number(row?.total ?? 0);
}

/** When the last import committed: every response says how fresh its answer is. */
export async function lastImportCommittedAt(session: SqlSession): Promise<string | null> {
  const [row] = await session.query<{ at: string | null }>(
    `SELECT to_char(max(committed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM carebridge.import_run`,
  );
  return row?.at ?? null;
}
