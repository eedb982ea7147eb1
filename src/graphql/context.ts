// What every resolver of one request shares: who is asking, the request id, the day it is,
// and the child records read for it (so batching never crosses requests or callers).
import type { DueDateComputer } from '../db/due-date-workers.js';
import type { Claims } from '../access/authentication.js';
import type { LabelMaps } from '../config.js';
import type { SqlSession } from '../db/connection.js';
import type { ChildRecords } from '../db/child-records.js';
import type { IsoDate } from '../domain/facts.js';
import type { WorkingDayCalendar } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import type { Pseudonyms } from '../access/pseudonyms.js';
import type { AccessRecord } from '../access/access-log.js';
import type { ChildLeftOut } from '../db/authority-due-dates.js';
import type { WholeAuthorityQueue } from '../access/whole-authority-queue.js';
import type { RequestDeadline } from '../http/deadline.js';

export interface RequestContext {
  requestId: string;
  claims: Claims;
  /** Today in Europe/London: the default `asOf`. */
  today: IsoDate;
  database: SqlSession;
  records: ChildRecords;
  labels: LabelMaps;
  /** How the authority is named where it holds parental responsibility. */
  authorityName: string;
  /** Working days (bank holidays as loaded at start-up) and the authority's policy. */
  calendar: WorkingDayCalendar;
  policy: Policy;
  /** For `bi`: how its children are named and its cursors sealed; null for every other role. */
  pseudonyms: Pseudonyms | null;
  /** Children read and refused in this request: written to the access log before the answer leaves. */
  access: AccessRecord;
  /** Children whole-authority work in this request left out (a rule cannot read their records): reported in the answer's extensions. */
  childrenLeftOut: ChildLeftOut[];
  /** Where whole-authority work computed now waits its turn (one per instance). */
  wholeAuthority: WholeAuthorityQueue;
  /** Where whole-authority rules run: worker threads, or this thread (src/db/due-date-workers.ts). */
  dueDateComputer: DueDateComputer;
  /** Aborts when the answer is no longer wanted (the client hung up, or the deadline passed): queued or long work stops. */
  abandoned: AbortSignal;
  /** The request's deadline (none on PGlite): whole-authority work extends it (src/http/deadline.ts). */
  deadline: RequestDeadline | undefined;
}
