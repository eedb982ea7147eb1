// The running service: database opened and migrated, demo data seeded when asked, the HTTP
// shell listening. `main.ts` starts it from the environment; tests start it on port 0.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { answerWithin } from './db/availability.js';
import { migrateDatabase } from './db/migrate.js';
import { createAuthenticator } from './access/authentication.js';
import { WholeAuthorityQueue } from './access/whole-authority-queue.js';
import { holdDataAsImported, type DataAsImported } from './db/data-changes.js';
import { readMeetingKindsRecorded } from './db/child-records.js';
import { lastImportCommittedAt } from './db/children.js';
import { dueDateStoreIsStale, refreshDueDateStore } from './db/due-date-store.js';
import { dueDateComputer as dueDateComputerFor } from './db/due-date-workers.js';
import { todayInLondon, type WorkingDayCalendar } from './domain/calendar.js';
import { createGraphqlHandler } from './graphql/http.js';
import { createExtractHandlers } from './extract/http.js';
import { createHttpShell, sendJson, type RouteHandler } from './http/server.js';
import { withDeadline } from './http/deadline.js';
import { seedDemoAuthority } from './import/demo-authority.js';
import type { Logger } from './log.js';

export interface Service {
  server: Server;
  database: Database;
  url: string;
  /** Resolves when migrations and seeding are done (the service is ready). */
  started: Promise<void>;
  /** Resolves once the due dates for today are stored (or needed no storing), after `started`; never rejects. */
  dueDatesStored: Promise<void>;
  /** Where whole-authority work takes turns (CAREBRIDGE_BULK_CONCURRENCY, CAREBRIDGE_BULK_QUEUE). */
  wholeAuthority: WholeAuthorityQueue;
  stop(): Promise<void>;
}

export async function startService(config: Config, logger: Logger): Promise<Service> {
  const authenticator = await createAuthenticator(config, logger);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    ssdSchema: config.ssdSchema,
    statementTimeoutMs: config.statementTimeoutMs,
    connectTimeoutMs: config.requestTimeoutMs,
  });
  let ready = false;
  // Held in memory, reloaded when an import or `npm run holidays` commits (src/db/data-changes.ts).
  let dataAsImported: DataAsImported | undefined;
  const currentCalendar = (): WorkingDayCalendar => {
    if (!dataAsImported) throw new Error('the working-day calendar is not loaded yet');
    return dataAsImported.calendar();
  };
  // Unknown (null) rather than a failed answer when the database cannot say.
  const dataImportedAt = () => dataAsImported?.dataImportedAt() ?? lastImportCommittedAt(database).catch(() => null);
  const meetingKindsRecorded = () => dataAsImported?.meetingKindsRecorded() ?? readMeetingKindsRecorded(database.orm);
  // Off-store compliance and dueDates, and the extracts, take turns here (src/access/whole-authority-queue.ts).
  const wholeAuthority = new WholeAuthorityQueue(config.bulk);
  // Their rules, and storing due dates, run on worker threads (CAREBRIDGE_BULK_WORKERS).
  const dueDateComputer = dueDateComputerFor(config.bulkWorkers, logger);
  const graphql = await createGraphqlHandler({
    config,
    database,
    authenticator,
    logger,
    calendar: currentCalendar,
    dataImportedAt,
    meetingKindsRecorded,
    wholeAuthority,
    dueDateComputer,
  });
  // Until migrations (and any demo seeding) are done, GraphQL answers 503 like /readyz.
  const deadline = { database, timeoutMs: config.requestTimeoutMs, logger };
  const graphqlWithDeadline = withDeadline(graphql.handle, deadline);
  const graphqlRoute: RouteHandler = (request, response) =>
    ready ? graphqlWithDeadline(request, response) : sendJson(response, 503, { status: 'starting' });
  // Bulk extracts (src/extract): same token check and rate limit as GraphQL.
  const extracts = await createExtractHandlers({ config, database, calendar: currentCalendar, admit: graphql.admit, wholeAuthority, dueDateComputer });
  const whenReady =
    (handler: RouteHandler): RouteHandler => {
      const bounded = withDeadline(handler, deadline);
      return (request, response) => (ready ? bounded(request, response) : sendJson(response, 503, { status: 'starting' }));
    };
  const shell = createHttpShell({
    logger,
    isStarted: () => ready,
    checkDatabase: (timeoutMs) => database.check(timeoutMs),
    routes: {
      'POST /graphql': graphqlRoute,
      'GET /graphql': graphqlRoute,
      'GET /extract/due-dates': whenReady(extracts.dueDates),
      'GET /extract/children': whenReady(extracts.children),
    },
  });
  const { server } = shell;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  logger.info({ port, database: database.kind, ssdSchema: config.ssdSchema }, `listening on ${url} (GraphQL at ${url}/graphql)`);

  let dueDatesStoring: Promise<void> = Promise.resolve();
  let storingNow = false;
  /**
   * Stores the due dates for today unless the store answers already (docs/compliance.md,
   * "Materialised"): in the background, one run at a time here, and one across instances (the
   * store's advisory lock; an instance that waited for it finds the store answering and stores
   * nothing).
   */
  const storeIfStale = (): Promise<void> => {
    if (storingNow || stopping || !dataAsImported) return dueDatesStoring;
    storingNow = true;
    const storing = Date.now();
    const today = todayInLondon();
    dueDatesStoring = dueDateStoreIsStale(database, config.policy, today)
      .then((stale) =>
        stale ? refreshDueDateStore(database, { calendar: currentCalendar(), policy: config.policy, labels: config.labels, logger, computer: dueDateComputer }, today) : null,
      )
      .then((stored) => {
        if (stored !== null) logger.info({ dueDates: stored, ms: Date.now() - storing }, 'due dates stored for today');
      })
      .catch((error: unknown) =>
        // Stopping closes the database under it: nothing is half-stored (one transaction), and the next start stores them.
        stopping ? logger.info('stopped before due dates were stored') : logger.error({ err: error }, 'due dates not stored: BI answers compute on the fly'),
      )
      .finally(() => {
        storingNow = false;
      });
    return dueDatesStoring;
  };
  // A new day, or an import by another process, makes the store stale: checked every CAREBRIDGE_DUE_DATE_CHECK_S.
  const checking = setInterval(() => void storeIfStale(), config.dueDateCheckSeconds * 1000).unref();
  const started = (async () => {
    await migrateDatabase(database, config.migrationUrl);
    await seedDemoAuthority(database, config, logger);
    dataAsImported = await holdDataAsImported(database, { localNonWorkingDays: config.policy.localNonWorkingDays, logger });
    // Checked before ready, so a start with a current store sends nothing in the background.
    const storeStale = await dueDateStoreIsStale(database, config.policy, todayInLondon());
    ready = true;
    logger.info('ready');
    // BI measures and extracts read stored due dates when they answer for today; until they are
    // stored (in the background, so readiness does not wait) they compute on the fly.
    if (storeStale) void storeIfStale();
  })();
  const dueDatesStored = started.then(() => dueDatesStoring).catch(() => undefined);

  let stopping: Promise<void> | undefined;
  // Everything below waits at most until the grace ends, whatever the database does (a stalled
  // one never answers): then connections are cut and the database's are dropped.
  const stop = () =>
    (stopping ??= (async () => {
      ready = false;
      clearInterval(checking);
      const graceEnds = Date.now() + config.shutdownGraceMs;
      // Whatever it does, waited for no longer than the grace left.
      const withinGrace = (promise: Promise<unknown>) => answerWithin(promise, Math.max(0, graceEnds - Date.now())).catch(() => {});
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await closed;
      // A client may hang up while its request is still being answered: let the answer finish.
      await withinGrace(shell.drained());
      clearTimeout(grace);
      await withinGrace(started);
      await withinGrace(graphql.stop());
      await withinGrace(dataAsImported?.stop() ?? Promise.resolve());
      await dueDateComputer.close();
      await database.close(Math.max(0, graceEnds - Date.now()));
    })());

  return { server, database, url, started, dueDatesStored, wholeAuthority, stop };
}
