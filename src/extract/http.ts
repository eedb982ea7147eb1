// The bulk extracts (issue 7, part 4): GET /extract/due-dates and GET /extract/children, for
// social-care and bi. Same bearer token and rate limit as /graphql, same pseudonyms for bi.
// The whole extract reads one read-only repeatable-read snapshot: its children are selected
// first (one statement), one access-log entry listing them all is committed (no log, no answer),
// then the rows are computed and streamed a batch of children at a time (src/extract/rows.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate } from 'node:timers/promises';
import { AccessRecord, writeAccessLog, type AccessReader } from '../access/access-log.js';
import type { Claims, Role } from '../access/authentication.js';
import { loadPseudonymKey, Pseudonyms } from '../access/pseudonyms.js';
import { QueueFullError, type WholeAuthorityQueue } from '../access/whole-authority-queue.js';
import { rowScopeOf } from '../access/who-sees-what.js';
import type { Config } from '../config.js';
import { lastImportCommittedAt, type RowScope } from '../db/children.js';
import type { Database, Snapshot } from '../db/connection.js';
import { addYears, isIsoDate, todayInLondon, type WorkingDayCalendar } from '../domain/calendar.js';
import { leftOutForTheLog, type ChildLeftOut } from '../db/authority-due-dates.js';
import type { IsoDate } from '../domain/facts.js';
import type { Admission } from '../graphql/http.js';
import type { ErrorCode } from '../graphql/errors.js';
import { sendError, type RouteHandler } from '../http/server.js';
import { deadlineOf } from '../http/deadline.js';
import { unansweredReason } from '../db/availability.js';
import { storeAnswers, storedChildrenLeftOut, storedDueDateChildren, storedDueDatePages, storedSummaryPages, storedWindow } from '../db/due-date-store.js';
import type { DueDateComputer } from '../db/due-date-workers.js';
import { childRowsInBatches, dueDateExtractChildren, dueDateRowsInBatches, everyChild, type ExtractInputs, type Window } from './rows.js';
import { contentTypes, csvHeader, formatFor, formatRecords, ResponseWriter, type ExtractRecord } from './stream.js';

/** Stored due dates are read this many rows per statement. */
const storedPageSize = 10_000;

/** The roles an authority-wide extract is for (as `compliance` and `dueDates`). */
const extractRoles: ReadonlySet<Role> = new Set(['social-care', 'bi']);

export const dueDateColumns = ['childId', 'kind', 'dueOn', 'doneOn', 'ruleId', 'basis', 'overdue', 'late', 'completionKnown', 'team', 'provisional'] as const;
export const childColumns = [
  'childId',
  'careStatus',
  'isLookedAfter',
  'isOnChildProtectionPlan',
  'isDualStatus',
  'legalBasis',
  'nextReviewDueOn',
  'nextReviewRuleId',
  'team',
] as const;

interface ExtractQuery {
  asOf: IsoDate;
  window: Window;
}

/** One extract: its name, columns and parameters, its children, and its rows a batch at a time. */
interface ExtractSpec {
  name: 'due-dates' | 'children';
  columns: readonly string[];
  parameters: readonly string[];
  children(snapshot: Snapshot, query: ExtractQuery, scope: RowScope, inputs: ExtractInputs): Promise<string[]>;
  records(
    snapshot: Snapshot,
    inputs: ExtractInputs,
    childIds: readonly string[],
    query: ExtractQuery,
    idOf: (caseId: string) => string,
    batchSize: number | undefined,
    /** Children a rule cannot read, left out of the rows: filled as the batches go. */
    leftOut: ChildLeftOut[],
  ): AsyncGenerator<ExtractRecord[]>;
}

const dueDatesExtract: ExtractSpec = {
  name: 'due-dates',
  columns: dueDateColumns,
  parameters: ['asOf', 'from', 'to'],
  // From the stored due dates when they answer the question (docs/compliance.md, "Materialised"), else computed now.
  children: async (snapshot, query, scope, inputs) =>
    scope.kind === 'EVERY_CHILD' && (await storeAnswers(snapshot.session, { asOf: query.asOf, window: query.window, policy: inputs.policy }))
      ? storedDueDateChildren(snapshot.session, query.window)
      : dueDateExtractChildren(snapshot, query.window, query.asOf, scope),
  async *records(snapshot, inputs, childIds, query, idOf, batchSize, leftOut) {
    const stored = await storeAnswers(snapshot.session, { asOf: query.asOf, window: query.window, policy: inputs.policy });
    if (stored) leftOut.push(...(await storedChildrenLeftOut(snapshot.session)));
    const batches = stored
      ? storedDueDatePages(snapshot.session, query.window, query.asOf, storedPageSize)
      : dueDateRowsInBatches(snapshot, inputs, childIds, query.window, query.asOf, batchSize, leftOut);
    for await (const rows of batches) {
      // The fields of the GraphQL DueDateRow, in its order.
      yield rows.map((row) => ({
        childId: idOf(row.childId),
        kind: row.kind,
        dueOn: row.dueOn,
        doneOn: row.doneOn,
        ruleId: row.ruleId,
        basis: row.basis,
        overdue: row.overdue,
        late: row.late,
        completionKnown: row.completionKnown,
        team: row.team,
        provisional: row.provisional,
      }));
    }
  },
};

const childrenExtract: ExtractSpec = {
  name: 'children',
  columns: childColumns,
  parameters: ['asOf'],
  children: (snapshot, _query, scope) => everyChild(snapshot, scope),
  // The summaries stored with the due dates when the store answers for asOf, else computed now.
  async *records(snapshot, inputs, childIds, query, idOf, batchSize, leftOut) {
    const stored = await storeAnswers(snapshot.session, { asOf: query.asOf, window: storedWindow(query.asOf), policy: inputs.policy });
    if (stored) leftOut.push(...(await storedChildrenLeftOut(snapshot.session)));
    const batches = stored ? storedSummaryPages(snapshot.session, storedPageSize) : childRowsInBatches(snapshot, inputs, childIds, query.asOf, batchSize, leftOut);
    for await (const rows of batches) {
      yield rows.map((row) => ({ ...row, childId: idOf(row.childId) }));
    }
  },
};

class ExtractInputError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/** asOf (default today in London), and for due dates from/to (default a year either side), each a date the rules can answer for. */
function parseQuery(url: URL, spec: ExtractSpec, calendar: WorkingDayCalendar): ExtractQuery {
  for (const name of new Set(url.searchParams.keys())) {
    if (!spec.parameters.includes(name)) throw new ExtractInputError(name, `not a parameter of /extract/${spec.name} (${spec.parameters.join(', ')})`);
    if (url.searchParams.getAll(name).length > 1) throw new ExtractInputError(name, 'given more than once');
  }
  const date = (name: string, fallback: IsoDate): IsoDate => {
    const value = url.searchParams.get(name) ?? fallback;
    if (!isIsoDate(value)) throw new ExtractInputError(name, 'must be a date, yyyy-mm-dd');
    const problem = calendar.problemWith(value);
    if (problem) throw new ExtractInputError(name, problem);
    return value;
  };
  const asOf = date('asOf', todayInLondon());
  const window = { from: date('from', addYears(asOf, -1)), to: date('to', addYears(asOf, 1)) };
  if (window.from > window.to) throw new ExtractInputError('to', 'must not be before from');
  return { asOf, window };
}

/** An error in the GraphQL errors' shape, as JSON (nothing of the extract has been sent). */
function sendExtractError(response: ServerResponse, status: number, code: ErrorCode, message: string, requestId: string, argument?: string): void {
  sendError(response, { status, code, message, requestId, argument });
}

export interface ExtractHandlerOptions {
  config: Config;
  database: Database;
  calendar: () => WorkingDayCalendar;
  /** Authentication and rate limit, shared with /graphql (createGraphqlHandler's `admit`). */
  admit: (request: IncomingMessage) => Promise<Admission>;
  /** Children per batch (default 1,000): memory grows with this, not with the authority. */
  batchSize?: number;
  /** The instance's whole-authority queue, shared with GraphQL. */
  wholeAuthority: WholeAuthorityQueue;
  /** Where the rules of extracts computed now run (worker threads, CAREBRIDGE_BULK_WORKERS). */
  dueDateComputer: DueDateComputer;
}

export async function createExtractHandlers(options: ExtractHandlerOptions): Promise<Record<'dueDates' | 'children', RouteHandler>> {
  const { config, database, calendar, admit, wholeAuthority } = options;
  const pseudonymKey = await loadPseudonymKey(config);
  const inputs = (): ExtractInputs => ({ calendar: calendar(), policy: config.policy, labels: config.labels, computer: options.dueDateComputer });

  const handlerFor =
    (spec: ExtractSpec): RouteHandler =>
    async (request, response) => {
      const requestId = String(request.id);
      const admission = await admit(request);
      if (!admission.ok) {
        if (admission.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(admission.retryAfterSeconds));
        return sendExtractError(response, admission.status, admission.code, admission.message, requestId);
      }
      const { claims } = admission;
      const reader: AccessReader = { subject: claims.sub, role: claims.role, org: claims.org, purpose: claims.purpose, requestId };
      if (!extractRoles.has(claims.role)) {
        await logRefusal(database, spec, reader).catch((error: unknown) => request.log.error({ err: error }, 'refused extract not logged'));
        return sendExtractError(response, 403, 'FORBIDDEN', `/extract/${spec.name} is for the authority (social-care) and its BI tools (bi) only`, requestId);
      }
      let query: ExtractQuery;
      try {
        query = parseQuery(new URL(request.url ?? '/', 'http://localhost'), spec, calendar());
      } catch (error) {
        if (!(error instanceof ExtractInputError)) throw error;
        return sendExtractError(response, 400, 'BAD_USER_INPUT', error.message, requestId, error.argument);
      }
      const format = formatFor(request.headers.accept);
      const pseudonyms = claims.role === 'bi' ? new Pseudonyms(pseudonymKey, claims.org ?? claims.sub) : null;
      const idOf = pseudonyms ? (caseId: string) => pseudonyms.of(caseId) : (caseId: string) => caseId;
      // Every extract is whole-authority work: it waits its turn in the instance's queue, and a
      // client that hangs up while waiting leaves it.
      // Its deadline passing (answered 503, src/http/deadline.ts) is as final as a hang-up.
      const deadline = deadlineOf(request);
      const gone = new AbortController();
      response.once('close', () => response.writableFinished || gone.abort());
      const abandoned = deadline ? AbortSignal.any([gone.signal, deadline.signal]) : gone.signal;
      try {
        await wholeAuthority.run(
          () =>
            database.readSnapshot((snapshot) =>
              streamExtract({ spec, query, format, claims, reader, idOf, snapshot, request, response, abandoned, inputs: inputs(), batchSize: options.batchSize }),
            ),
          abandoned,
          deadline,
        );
      } catch (error) {
        if (abandoned.aborted && error === abandoned.reason) return; // gone while waiting: no one to answer
        if (!(error instanceof QueueFullError)) throw error;
        response.setHeader('retry-after', String(error.retryAfterSeconds));
        return sendExtractError(response, 503, 'SERVICE_UNAVAILABLE', error.message, requestId);
      }
    };

  return { dueDates: handlerFor(dueDatesExtract), children: handlerFor(childrenExtract) };
}

/** A partner asking for an extract is logged like a refused field (probing is logged as well as reading). */
function logRefusal(database: Database, spec: ExtractSpec, reader: AccessReader): Promise<void> {
  const record = new AccessRecord();
  record.refused(null, 'FORBIDDEN_FIELD', [`extract:${spec.name}`]);
  return writeAccessLog(database, record, reader);
}

interface ExtractRun {
  spec: ExtractSpec;
  query: ExtractQuery;
  format: 'csv' | 'ndjson';
  claims: Claims;
  reader: AccessReader;
  idOf: (caseId: string) => string;
  snapshot: Snapshot;
  request: IncomingMessage;
  response: ServerResponse;
  /** The client gone or the deadline passed: nothing is logged as read, nothing sent. */
  abandoned: AbortSignal;
  inputs: ExtractInputs;
  batchSize: number | undefined;
}

async function streamExtract(run: ExtractRun): Promise<void> {
  const { spec, query, format, claims, reader, idOf, snapshot, request, response } = run;
  const requestId = reader.requestId;
  const childIds = await spec.children(snapshot, query, rowScopeOf(claims, todayInLondon(), 'CASE'), run.inputs);
  const importedAt = await lastImportCommittedAt(snapshot.session);

  // Answered 503 while its children were found: the reader gets nothing, so nothing is logged as read.
  if (run.abandoned.aborted) return;
  // No log, no answer: one entry listing every child of the extract, committed before any row.
  const record = new AccessRecord();
  record.bulk(childIds, 'BULK_EXTRACT', [...spec.columns]);
  try {
    await snapshot.writeNow((session) => writeAccessLog(session, record, reader));
  } catch (error) {
    // The database unable to answer is the shell's 503 (src/http/server.ts); anything else withholds the extract.
    if (unansweredReason(error)) throw error;
    request.log.error({ err: error }, 'access log not written: extract withheld');
    return sendExtractError(response, 500, 'INTERNAL', 'The access log could not be written, so nothing is returned', requestId);
  }

  const leftOut: ChildLeftOut[] = [];
  const batches = spec.records(snapshot, run.inputs, childIds, query, idOf, run.batchSize, leftOut)[Symbol.asyncIterator]();
  let next = await batches.next();

  const extension = format === 'csv' ? 'csv' : 'ndjson';
  const writer = new ResponseWriter(response);
  writer.start(200, {
    'content-type': contentTypes[format],
    'content-disposition': `attachment; filename="carebridge-${spec.name}-${query.asOf}.${extension}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(importedAt ? { 'x-data-imported-at': importedAt } : {}),
  });
  try {
    if (format === 'csv' && !(await writer.write(csvHeader(spec.columns)))) return;
    while (!next.done) {
      if (!(await writer.write(formatRecords(format, spec.columns, next.value), next.value.length))) {
        request.log.info({ extract: spec.name }, 'client went away: extract stopped');
        return;
      }
      // Let the event loop poll I/O between batches: other requests get a turn, and a hang-up is
      // seen (PGlite answers through promises alone, so without this nothing else would run).
      await setImmediate();
      if (writer.clientGone) return;
      next = await batches.next();
    }
    if (leftOut.length > 0) request.log.warn({ extract: spec.name, ...leftOutForTheLog(leftOut) }, 'children left out: a rule cannot read their records');
    writer.finish(leftOut.length);
  } catch (error) {
    // Rows already sent: the client must see a cut transfer, never a clean end.
    writer.abort();
    throw error;
  } finally {
    // Stopped early (client gone, or an error mid-stream): let the generator end its batches.
    await batches.return?.(undefined);
  }
}
