// What requests leave behind them (contract README, "Who sees what"; issue 12): each request's
// access-log entries and the notifications its reads raise, written in ONE statement for many
// requests at once (group commit). A request waits until the statement holding its rows has
// committed, and gets nothing if it fails ("no log, no answer"); one statement is atomic, so a
// batch is written whole or not at all, and log and notifications together or neither.

import { AsyncResource } from 'node:async_hooks';
import type { SqlSession } from '../db/connection.js';
import type { AccessReader, AccessRecord } from './access-log.js';
import type { NotifyingRead } from './notifications.js';

/** One request's trail: what it read and was refused, who read, and the reads that notify. */
export interface AccessTrail {
  record: AccessRecord;
  reader: AccessReader;
  notifying: readonly NotifyingRead[];
}

// One text whatever the batch, prepared once per connection (unprepared, postgres.js would first
// ask the server for the parameters' types: a second round trip every flush): rows travel as two jsonb parameters, so neither
// the text nor the parameter count grows with the batch. A data-modifying CTE makes the two
// INSERTs one statement; an empty array inserts nothing.
const insertAccessTrails = `WITH notified AS (
  INSERT INTO carebridge.access_notification (child_person_id, child_status, org, role, subject, request_id)
  SELECT n.child_id, n.status, n.org, n.role, n.subject, n.request_id
  FROM jsonb_to_recordset($2::jsonb) AS n(child_id varchar, status text[], org varchar, role varchar, subject text, request_id varchar)
)
INSERT INTO carebridge.access_log
  (subject, role, org, purpose, request_id, child_person_id, fields, outcome, kind, children_count, child_ids)
SELECT r.subject, r.role, r.org, r.purpose, r.request_id, r.child_person_id, r.fields, r.outcome, r.kind, r.children_count, r.child_ids
FROM jsonb_to_recordset($1::jsonb)
  AS r(subject text, role varchar, org varchar, purpose varchar, request_id varchar,
       child_person_id varchar, fields text[], outcome varchar, kind varchar, children_count integer, child_ids text[])`;

const hasRows = (trail: AccessTrail) => !trail.record.isEmpty() || trail.notifying.length > 0;

/** Writes these trails in one statement (none when they hold nothing). Throws when it fails: then none is written. */
export async function writeAccessTrails(session: SqlSession, trails: readonly AccessTrail[]): Promise<void> {
  if (!trails.some(hasRows)) return;
  const entries = trails.flatMap(({ record, reader }) =>
    record.rows().map((row) => ({ subject: reader.subject, role: reader.role, org: reader.org, purpose: reader.purpose, request_id: reader.requestId, ...row })),
  );
  const notifications = trails.flatMap(({ notifying, reader }) =>
    notifying.map((read) => ({ child_id: read.childId, status: [...new Set(read.status)], org: reader.org, role: reader.role, subject: reader.subject, request_id: reader.requestId })),
  );
  await session.query(insertAccessTrails, [JSON.stringify(entries), JSON.stringify(notifications)], { prepare: true });
}

/** Log rows in one flush at most (a request's own rows are never split): bounds one statement's size. */
const maxRowsPerFlush = 2000;

interface Waiting {
  trail: AccessTrail;
  rows: number;
  written: () => void;
  failed: (error: unknown) => void;
}

/**
 * The service's one writer of request trails (group commit). The first trail is written at once;
 * while a statement is in flight, trails that arrive wait and go together in the next one, sent as
 * soon as it finishes. Never one transaction per request, and no timer: under light load each
 * request is its own batch, under heavy load a batch is whatever arrived during one round trip.
 */
export class AccessTrailWriter {
  readonly #session: SqlSession;
  #waiting: Waiting[] = [];
  #flushing = false;
  // Flushes run in the context the writer was made in (service start), not in the context of the
  // request that happened to start them: a request's deadline cancels the statements of its own
  // context (src/http/deadline.ts) and must not cancel a statement carrying others' entries.
  readonly #startFlushing = AsyncResource.bind(() => void this.#flush());

  constructor(session: SqlSession) {
    this.#session = session;
  }

  /** Resolves once the trail is committed; rejects (nothing of its batch written) when it cannot be. */
  write(trail: AccessTrail): Promise<void> {
    if (!hasRows(trail)) return Promise.resolve();
    const committed = new Promise<void>((written, failed) => this.#waiting.push({ trail, rows: trail.record.rows().length, written, failed }));
    if (!this.#flushing) this.#startFlushing();
    return committed;
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#nextBatch();
        try {
          await writeAccessTrails(this.#session, batch.map((waiting) => waiting.trail));
          for (const waiting of batch) waiting.written();
        } catch (error) {
          for (const waiting of batch) waiting.failed(error);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  /** The oldest waiting trails, up to maxRowsPerFlush log rows (at least one trail, whatever its size). */
  #nextBatch(): Waiting[] {
    let rows = 0;
    let taken = 0;
    while (taken < this.#waiting.length && (taken === 0 || rows + this.#waiting[taken]!.rows <= maxRowsPerFlush)) rows += this.#waiting[taken++]!.rows;
    return this.#waiting.splice(0, taken);
  }
}
