// The access log (contract README, "Who sees what"; issue 6, part 4): every read of a child,
// and every refused attempt, in carebridge.access_log — the shape of a FHIR AuditEvent (who,
// org, role, purpose of use, request id, what was read, when, outcome). A request collects what
// it read in an AccessRecord, in memory only, written in one statement before the answer is sent
// (src/access/access-trail.ts). The table is append-only (triggers in drizzle/0003_access.sql).

import type { SqlSession } from '../db/connection.js';
import { writeAccessTrails } from './access-trail.js';

export type AccessOutcome = 'READ' | 'NOT_FOUND' | 'NOT_LINKED' | 'RESTRICTED' | 'FORBIDDEN_FIELD';
export type AccessKind = 'BULK_EXTRACT';

/** Who is reading, as the log records them (from the token's claims and the request). */
export interface AccessReader {
  /** The token's `sub`. */
  subject: string;
  role: string;
  org: string | null;
  purpose: string | null;
  requestId: string;
}

interface Refusal {
  childId: string | null;
  outcome: Exclude<AccessOutcome, 'READ'>;
  fields: Set<string>;
}

interface BulkExtract {
  childIds: string[];
  kind: AccessKind;
  fields: string[];
}

/**
 * What one request read and was refused, kept in memory until `writeAccessLog`. Reads of the
 * same child merge into one entry (its distinct top-level Child fields); refusals of the same
 * child for the same reason merge likewise; each bulk extract is one entry listing its children.
 */
export class AccessRecord {
  readonly #reads = new Map<string, Set<string>>();
  readonly #refusals = new Map<string, Refusal>();
  readonly #bulks: BulkExtract[] = [];

  /** This child was returned, whatever was asked of it (a cursor or `__typename` says it exists). */
  seen(childId: string): void {
    if (!this.#reads.has(childId)) this.#reads.set(childId, new Set());
  }

  /** A top-level field of Child was resolved for this child. */
  read(childId: string, field: string): void {
    let fields = this.#reads.get(childId);
    if (!fields) this.#reads.set(childId, (fields = new Set()));
    fields.add(field);
  }

  /** An attempt was refused: the child asked for (null when the request named none), why, and the fields at stake. */
  refused(childId: string | null, outcome: Exclude<AccessOutcome, 'READ'>, fields: string[] = []): void {
    const key = JSON.stringify([childId, outcome]);
    let refusal = this.#refusals.get(key);
    if (!refusal) this.#refusals.set(key, (refusal = { childId, outcome, fields: new Set() }));
    for (const field of fields) refusal.fields.add(field);
  }

  /** One extract of many children (e.g. a BI listing): a single entry naming them all. */
  bulk(childIds: string[], kind: AccessKind, fields: string[]): void {
    this.#bulks.push({ childIds: [...new Set(childIds)], kind, fields: [...new Set(fields)].sort() });
  }

  /** Children read one by one (not those only in a bulk extract). */
  get childrenRead(): ReadonlySet<string> {
    return new Set(this.#reads.keys());
  }

  isEmpty(): boolean {
    return this.#reads.size === 0 && this.#refusals.size === 0 && this.#bulks.length === 0;
  }

  /** The rows `writeAccessLog` inserts, in order: reads, refusals, bulk extracts. */
  rows(): AccessLogRow[] {
    const rows: AccessLogRow[] = [];
    for (const [childId, fields] of this.#reads) {
      rows.push({ child_person_id: childId, fields: [...fields].sort(), outcome: 'READ', kind: null, children_count: null, child_ids: null });
    }
    for (const refusal of this.#refusals.values()) {
      rows.push({
        child_person_id: refusal.childId,
        fields: [...refusal.fields].sort(),
        outcome: refusal.outcome,
        kind: null,
        children_count: null,
        child_ids: null,
      });
    }
    for (const bulk of this.#bulks) {
      rows.push({
        child_person_id: null,
        fields: bulk.fields,
        outcome: 'READ',
        kind: bulk.kind,
        children_count: bulk.childIds.length,
        child_ids: bulk.childIds,
      });
    }
    return rows;
  }
}

/** One row of carebridge.access_log, less what the reader and the database supply. */
export interface AccessLogRow {
  child_person_id: string | null;
  fields: string[];
  outcome: AccessOutcome;
  kind: AccessKind | null;
  children_count: number | null;
  child_ids: string[] | null;
}

/**
 * Writes what the request read and was refused, in one INSERT (none when the record is empty).
 * Call it before the answer is sent, on the request's session: if it throws, the request must
 * fail and return nothing. GraphQL requests go through the service's AccessTrailWriter instead,
 * which writes many requests' entries in one statement.
 */
export async function writeAccessLog(session: SqlSession, record: AccessRecord, reader: AccessReader): Promise<void> {
  await writeAccessTrails(session, [{ record, reader, notifying: [] }]);
}

/** One entry of a child's log, as `accessLog` returns it. */
export type AccessLogEntryRow = {
  id: string;
  /** ISO 8601 with offset (UTC, +00:00). */
  at: string;
  role: string;
  org: string | null;
  subject: string;
  purpose: string | null;
  request_id: string;
  fields: string[];
  outcome: string;
  kind: string | null;
};

// Arrays leave the database as jsonb: the PostgreSQL driver runs without type look-up
// (fetch_types: false) and would hand text[] over as its text form.

/** Timestamps leave the database as ISO 8601 text with an explicit offset, whatever the session's time zone. */
export const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')`;

const childCondition = `(child_person_id = $1 OR child_ids @> ARRAY[$1]::text[])`;

/**
 * A page of one child's log, newest first (keyset on id): entries about that child and bulk
 * extracts that list it. `first + 1` rows are read to tell whether there is a next page.
 */
export async function pageOfAccessLog(
  session: SqlSession,
  childId: string,
  options: { afterId: string | null; first: number },
): Promise<{ entries: AccessLogEntryRow[]; hasNextPage: boolean }> {
  const rows = await session.query<AccessLogEntryRow>(
    `SELECT id::text AS id, ${isoTimestamp('at')} AS at, role, org, subject, purpose, request_id, to_jsonb(fields) AS fields, outcome, kind
     FROM carebridge.access_log
     WHERE ${childCondition} AND ($2::bigint IS NULL OR id < $2::bigint)
     ORDER BY access_log.id DESC  -- the column, not the text alias: "99" sorts after "103"
     LIMIT $3`,
    [childId, options.afterId, options.first + 1],
  );
  return { entries: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
}

export async function countAccessLog(session: SqlSession, childId: string): Promise<number> {
  const [row] = await session.query<{ count: string | number }>(
    `SELECT count(*) AS count FROM carebridge.access_log WHERE ${childCondition}`,
    [childId],
  );
  return Number(row?.count ?? 0);
}
