// Access notifications (contract README, "Who sees what"; issue 6, part 5): a partner's read of
// a child on a CP plan or in care is raised for the local authority, as CP-IS does for health.
// The caller decides which reads notify (the reader's role, the child's care status); this
// module writes them (src/access/access-trail.ts), lists them, and acknowledges them.
// Notifications are never deleted, and an acknowledgement is never overwritten (triggers in
// drizzle/0003_access.sql).

import type { SqlSession } from '../db/connection.js';
import { AccessRecord, isoTimestamp, type AccessReader } from './access-log.js';
import { writeAccessTrails } from './access-trail.js';

/** A read that notifies: the child and its care status kinds then (CHILD_PROTECTION, CHILD_IN_CARE). */
export interface NotifyingRead {
  childId: string;
  status: string[];
}

/** Raises one notification per read, in one INSERT (none when there is nothing to raise). */
export async function raiseAccessNotifications(
  session: SqlSession,
  reads: readonly NotifyingRead[],
  reader: Pick<AccessReader, 'subject' | 'role' | 'org' | 'requestId'>,
): Promise<void> {
  await writeAccessTrails(session, [{ record: new AccessRecord(), reader: { ...reader, purpose: null }, notifying: reads }]);
}

export type AccessNotificationRow = {
  id: string;
  /** ISO 8601 with offset (UTC, +00:00). */
  at: string;
  child_person_id: string;
  org: string | null;
  role: string;
  subject: string;
  request_id: string;
  child_status: string[];
  acknowledged_at: string | null;
  acknowledged_by: string | null;
};

const columns = `id::text AS id, ${isoTimestamp('at')} AS at, child_person_id, org, role, subject, request_id, to_jsonb(child_status) AS child_status,
  ${isoTimestamp('acknowledged_at')} AS acknowledged_at, acknowledged_by`;

const acknowledgedCondition = `($1::boolean IS NULL OR (acknowledged_at IS NOT NULL) = $1::boolean)`;

/** A page of notifications, newest first (keyset on id), optionally only (un)acknowledged ones. */
export async function pageOfAccessNotifications(
  session: SqlSession,
  options: { acknowledged: boolean | null; afterId: string | null; first: number },
): Promise<{ notifications: AccessNotificationRow[]; hasNextPage: boolean }> {
  const rows = await session.query<AccessNotificationRow>(
    `SELECT ${columns} FROM carebridge.access_notification
     WHERE ${acknowledgedCondition} AND ($2::bigint IS NULL OR id < $2::bigint)
     ORDER BY access_notification.id DESC
     LIMIT $3`,
    [options.acknowledged, options.afterId, options.first + 1],
  );
  return { notifications: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
}

export async function countAccessNotifications(session: SqlSession, acknowledged: boolean | null): Promise<number> {
  const [row] = await session.query<{ count: string | number }>(
    `SELECT count(*) AS count FROM carebridge.access_notification WHERE ${acknowledgedCondition}`,
    [acknowledged],
  );
  return Number(row?.count ?? 0);
}

/** Ids are bigserial: anything that is not one cannot name a notification. */
export function isNotificationId(id: string): boolean {
  return /^[1-9][0-9]{0,17}$/.test(id);
}

/**
 * Acknowledges a notification by `subject` and returns it; an acknowledged one keeps its first
 * acknowledgement. Undefined when there is no such notification. One statement.
 */
export async function acknowledgeAccessNotification(
  session: SqlSession,
  id: string,
  subject: string,
): Promise<AccessNotificationRow | undefined> {
  if (!isNotificationId(id)) return undefined;
  const [row] = await session.query<AccessNotificationRow>(
    `WITH acknowledged AS (
       UPDATE carebridge.access_notification SET acknowledged_at = clock_timestamp(), acknowledged_by = $2
       WHERE id = $1::bigint AND acknowledged_at IS NULL
       RETURNING *
     )
     SELECT ${columns} FROM acknowledged
     UNION ALL
     SELECT ${columns} FROM carebridge.access_notification WHERE id = $1::bigint AND NOT EXISTS (SELECT 1 FROM acknowledged)`,
    [id, subject],
  );
  return row;
}
