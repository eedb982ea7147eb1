// Finding children: by case id, by NHS number, and page by page in case-id order with filters.
// The filters apply in SQL the same readings as src/domain/care-status.ts (docs/care-status.md),
// so counts and pages agree with each child's own careStatus.

import { likePatternsOf } from '../access/link-purposes.js';
import type { CareStatusKind } from '../domain/care-status.js';
import type { IsoDate } from '../domain/facts.js';
import { relationColumnsSql, StatementTexts, type RelationName } from './child-relations.js';
import type { RelationColumns } from './child-records.js';
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

/**
 * Which children a reader sees (contract, "Who sees what"): every child; a partner only those
 * linked to its organisation today (for its purpose, when it has one) through a link whose
 * purpose is one of its role's (`linkPurposes`, `*` ending a prefix), never a restricted one;
 * an emergency-care read any unrestricted child.
 */
export type RowScope =
  | { kind: 'EVERY_CHILD' }
  | { kind: 'LINKED'; org: string | null; purpose: string | null; linkPurposes: readonly string[]; today: IsoDate }
  | { kind: 'UNRESTRICTED' };

const unrestricted = 'NOT EXISTS (SELECT 1 FROM carebridge.cb_restriction r WHERE r.rest_person_id = c.person_id)';
// The role's purposes come as one jsonb array of LIKE patterns, unpacked by an uncorrelated
// sub-select (once per statement); a link without a purpose matches none: it is no role's.
const linkedToday = `EXISTS (SELECT 1 FROM carebridge.cb_consumer_link l
  WHERE l.cons_child_person_id = c.person_id AND l.cons_org_id = $org
    AND l.cons_start_date <= $today AND (l.cons_end_date IS NULL OR l.cons_end_date > $today)
    AND ($purpose::text IS NULL OR l.cons_purpose = $purpose)
    AND l.cons_purpose LIKE ANY (ARRAY(SELECT jsonb_array_elements_text($linkPurposes::jsonb))))`;

function scopeConditions(scope: RowScope): string[] {
  if (scope.kind === 'EVERY_CHILD') return [];
  if (scope.kind === 'UNRESTRICTED') return [unrestricted];
  return [unrestricted, linkedToday];
}

/** Values for the named placeholders a scope's and a filter's conditions use. */
function bindings(scope: RowScope, asOf: IsoDate | null): Record<string, unknown> {
  const named: Record<string, unknown> = { asOf };
  if (scope.kind === 'LINKED') {
    Object.assign(named, { org: scope.org, purpose: scope.purpose, linkPurposes: JSON.stringify(likePatternsOf(scope.linkPurposes)), today: scope.today });
  }
  return named;
}

/** Replaces each `$name` placeholder with a positional parameter of its own (one per name, however often used). */
function bind(sql: string, named: Record<string, unknown>, parameters: unknown[]): string {
  const slots = new Map<string, number>();
  return sql.replace(/\$([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in named)) throw new Error(`no value for $${name}`);
    let index = slots.get(name);
    if (index === undefined) slots.set(name, (index = parameters.push(named[name])));
    return name === 'asOf' || name === 'today' || name === 'since' ? `$${index}::date` : `$${index}`;
  });
}

function whereClause(conditions: string[], parameters: unknown[], named: Record<string, unknown>): string {
  return conditions.length === 0 ? '' : `WHERE ${bind(conditions.join(' AND '), named, parameters)}`;
}

/**
 * The child found, or why none was (for the access log): no such child, not linked, restricted.
 * One statement whatever the answer, and every refusal is logged alike, so a partner cannot tell
 * "exists but not theirs" from "does not exist" by the answer, the statements or their number.
 */
export interface ChildLookup {
  childId: string | null;
  refused: 'NOT_FOUND' | 'RESTRICTED' | 'NOT_LINKED' | null;
  /** The refused child's id, for the access log only (none when not found). */
  refusedChildId?: string;
  /** The found child's relations asked for, read in the same statement (none for a refusal). */
  relations?: RelationColumns;
}

/** A child as a reader finds it: null when it does not exist or is not theirs to see (alike). `relations` are read with it. */
export async function findChildId(session: SqlSession, id: string, scope: RowScope, relations: readonly RelationName[] = []): Promise<ChildLookup> {
  return lookUp(session, 'FROM carebridge.child c WHERE c.person_id = $1', [id], scope, relations);
}

/** `nhsNumber` is ten digits; extracts hold it with or without the usual 3-3-4 spacing. */
export async function findChildIdByNhsNumber(session: SqlSession, nhsNumber: string, scope: RowScope, relations: readonly RelationName[] = []): Promise<ChildLookup> {
  const spaced = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
  return lookUp(
    session,
    'FROM ssd_person p JOIN carebridge.child c ON c.person_id = p.pers_person_id WHERE p.pers_common_child_id IN ($1, $2)',
    [nhsNumber, spaced],
    scope,
    relations,
  );
}

// A look-up's text depends on how the child is found, the reader's scope and the relations read:
// a handful per trusted document, each built once and prepared.
const lookUpStatements = new StatementTexts();

async function lookUp(session: SqlSession, from: string, leading: unknown[], scope: RowScope, relations: readonly RelationName[]): Promise<ChildLookup> {
  const parameters = [...leading];
  const visible = scopeConditions(scope);
  const visibleSql = visible.length === 0 ? 'true' : bind(visible.join(' AND '), bindings(scope, null), parameters);
  const text = lookUpStatements.textOf(`${from}|${visibleSql}|${relations.join(',')}`, () => {
    const found = `SELECT c.person_id, ${visibleSql} AS visible, NOT ${unrestricted} AS restricted ${from} LIMIT 2`;
    if (relations.length === 0) return found;
    // Relations only of a child the reader may see: for any other the sub-select is not run.
    return `SELECT f.*, r.* FROM (${found}) f\nLEFT JOIN LATERAL (SELECT ${relationColumnsSql(relations, 'f.person_id')} WHERE f.visible) r ON true`;
  });
  const rows = await session.query<{ person_id: string; visible: boolean; restricted: boolean } & RelationColumns>(text, parameters, { prepare: true });
  // Two children with one NHS number is a data error: answering with either would be a guess.
  const row = rows.length === 1 ? rows[0]! : undefined;
  if (!row) return { childId: null, refused: 'NOT_FOUND' };
  if (!row.visible) return { childId: null, refused: row.restricted ? 'RESTRICTED' : 'NOT_LINKED', refusedChildId: row.person_id };
  return { childId: row.person_id, refused: null, relations: Object.fromEntries(relations.map((name) => [name, row[name] ?? null])) };
}

export async function pageOfChildIds(
  session: SqlSession,
  options: { after: string | null; first: number; filter?: ChildFilter | null; asOf: IsoDate; scope: RowScope },
): Promise<{ ids: string[]; hasNextPage: boolean }> {
  const parameters: unknown[] = [options.first + 1];
  const conditions = [...scopeConditions(options.scope), ...filterConditions(options.filter)];
  const named = bindings(options.scope, options.asOf);
  if (options.after !== null) {
    named.after = options.after;
    conditions.push('c.person_id > $after');
  }
  const where = whereClause(conditions, parameters, named);
  const rows = await session.query<{ person_id: string }>(
    `SELECT c.person_id FROM carebridge.child c ${where} ORDER BY c.person_id LIMIT $1`,
    parameters,
    { prepare: true },
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
  options: { after: string | null; filter?: ChildFilter | null; asOf: IsoDate; scope: RowScope },
): Promise<{ id: string; mayHaveDueDates: boolean; afterCursor: boolean }[]> {
  const parameters: unknown[] = [];
  const named = { ...bindings(options.scope, options.asOf), after: options.after };
  const where = whereClause([...scopeConditions(options.scope), ...filterConditions(options.filter)], parameters, named);
  const columns = bind(`${mayHaveDueDates} AS open, c.person_id > $after::text AS after_cursor`, named, parameters);
  const rows = await session.query<{ person_id: string; open: boolean; after_cursor: boolean | null }>(
    `SELECT c.person_id, ${columns} FROM carebridge.child c ${where} ORDER BY c.person_id`,
    parameters,
    { prepare: true },
  );
  return rows.map((row) => ({ id: row.person_id, mayHaveDueDates: row.open, afterCursor: options.after === null || row.after_cursor === true }));
}

/** Work that overlaps [$since, $asOf]: its due dates may fall in a compliance window (src/domain/due-date-history.ts). */
const workBetween = (table: string, person: string, startSql: string, end: string) =>
  `EXISTS (SELECT 1 FROM ${table} x WHERE x.${person} = c.person_id AND ${startSql} <= $asOf AND (x.${end} IS NULL OR x.${end} >= $since))`;

const hadWorkBetween = `(${[
  workBetween('ssd_cp_plans', 'cppl_person_id', 'x.cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'),
  workBetween('ssd_cin_plans', 'cinp_person_id', 'x.cinp_cin_plan_start_date', 'cinp_cin_plan_end_date'),
  workBetween('ssd_cla_episodes', 'clae_person_id', 'LEAST(x.clae_entered_care_date, x.clae_cla_episode_start_date)', 'clae_cla_episode_ceased_date'),
  workBetween('ssd_s47_enquiry', 's47e_person_id', 'x.s47e_s47_start_date', 's47e_s47_end_date'),
  workBetween('ssd_cin_assessments', 'cina_person_id', 'x.cina_assessment_start_date', 'cina_assessment_auth_date'),
  workBetween('ssd_early_help_episodes', 'earl_person_id', 'x.earl_episode_start_date', 'earl_episode_end_date'),
  'EXISTS (SELECT 1 FROM ssd_care_leavers x WHERE x.clea_person_id = c.person_id)',
].join('\n  OR ')})`;

/**
 * The children, in case-id order, whose plans, periods of care, enquiries, assessments, early
 * help or care-leaver records overlap [since, asOf]: every child who can have a due date in a
 * window starting after `since`, and every child open on asOf. One statement.
 */
export async function childrenWithWorkBetween(session: SqlSession, options: { since: IsoDate; asOf: IsoDate; scope: RowScope }): Promise<string[]> {
  const parameters: unknown[] = [];
  const named = { ...bindings(options.scope, options.asOf), since: options.since };
  const where = whereClause([...scopeConditions(options.scope), hadWorkBetween], parameters, named);
  const rows = await session.query<{ person_id: string }>(`SELECT c.person_id FROM carebridge.child c ${where} ORDER BY c.person_id`, parameters, { prepare: true });
  return rows.map((row) => row.person_id);
}

export async function countChildren(session: SqlSession, options: { filter?: ChildFilter | null; asOf: IsoDate; scope: RowScope }): Promise<number> {
  const parameters: unknown[] = [];
  const where = whereClause([...scopeConditions(options.scope), ...filterConditions(options.filter)], parameters, bindings(options.scope, options.asOf));
  const [row] = await session.query<{ total: string | number }>(`SELECT count(*) AS total FROM carebridge.child c ${where}`, parameters, { prepare: true });
  return Number(row?.total ?? 0);
}

/** When the last import committed: every response says how fresh its answer is. */
export async function lastImportCommittedAt(session: SqlSession): Promise<string | null> {
  const [row] = await session.query<{ at: string | null }>(
    `SELECT to_char(max(committed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM carebridge.import_run`,
  );
  return row?.at ?? null;
}
