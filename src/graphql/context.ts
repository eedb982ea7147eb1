// What every resolver of one request shares: who is asking, the request id, the day it is,
// and the per-request loaders (so batching never crosses requests or callers).
import type { Claims } from '../access/authentication.js';
import type { LabelMaps } from '../config.js';
import type { SqlSession } from '../db/connection.js';
import type { ChildRecordLoaders } from '../db/child-records.js';
import type { IsoDate } from '../domain/facts.js';
import type { WorkingDayCalendar } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';

export interface RequestContext {
  requestId: string;
  claims: Claims;
  /** Today in Europe/London: the default `asOf`. */
  today: IsoDate;
  database: SqlSession;
  records: ChildRecordLoaders;
  labels: LabelMaps;
  /** How the authority is named where it holds parental responsibility. */
  authorityName: string;
  /** Working days (bank holidays as loaded at start-up) and the authority's policy. */
  calendar: WorkingDayCalendar;
  policy: Policy;
}
