// Opens the database: embedded PGlite in CAREBRIDGE_DATA_DIR, or a real PostgreSQL when
// DATABASE_URL is set. Both give drizzle for typed queries and a raw session for the import
// (COPY, staging tables). SSD tables are unqualified and found through search_path.

import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.js';
import { acquireDirectoryLock } from './directory-lock.js';
import { answerWithin, Availability, DatabaseUnavailableError, unreachableReason } from './availability.js';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Row = Record<string, unknown>;

/** Raw SQL inside or outside a transaction. `copyFrom` streams CSV text (no header) into a table. */
export interface SqlSession {
  /**
   * `prepare`: PostgreSQL keeps the statement parsed and planned on each connection and later
   * sends only its name and parameters. For fixed texts on hot paths only: every distinct text
   * prepared stays for the connection's life. PGlite ignores it.
   */
  query<T extends Row = Row>(text: string, params?: unknown[], options?: { prepare?: boolean }): Promise<T[]>;
  copyFrom(table: string, columns: readonly string[], csv: AsyncIterable<string>): Promise<void>;
}

export interface Database extends SqlSession {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: Orm;
  readonly ssdSchema: string;
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one read-only, repeatable-read transaction: every statement through the
   * snapshot's session and orm sees the same committed data, however long the work takes (a bulk
   * extract). Commits (nothing) when `work` settles; rolls back if it throws.
   */
  readSnapshot<T>(work: (snapshot: Snapshot) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while holding the advisory lock `name`, so that processes sharing a PostgreSQL
   * database (imports, service instances) take turns. The lock is held by a transaction on a
   * connection of its own, which `work`'s statements do not use (the pool needs two connections).
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Listeners called once per statement the driver sends: tests and benchmarks count them (and their round trips). */
  readonly statementListeners: Set<StatementListener>;
  /** Why the database is known to be unreachable (a failed connection, a probe unanswered), or null. PGlite: always null. */
  unreachable(): string | null;
  /**
   * Asks the database whether it answers, within `timeoutMs`, on a connection of its own (the
   * pool may be busy), and records the outcome for `unreachable`; rejects with
   * DatabaseUnavailableError when it does not answer. A stall also abandons the pool's
   * connections (their statements fail) so that none keeps later requests waiting.
   */
  check(timeoutMs: number): Promise<void>;
  /** Runs `run`; `cancel` cancels the statements it has sent and not yet seen answered (PostgreSQL; PGlite cannot cancel). */
  cancellable<T>(run: () => Promise<T>): { result: Promise<T>; cancel(): void };
  /** Waits up to `timeoutMs` (default 5 s) for statements in progress, then drops the connections. */
  close(timeoutMs?: number): Promise<void>;
  /**
   * LISTENs on `channel` (src/db/data-changes.ts). PostgreSQL: on a connection of its own,
   * re-established every second while lost (`lost`, then `listening` again). PGlite: in-process,
   * never lost. Resolves to the function that stops listening.
   */
  listen(channel: string, events: ListenEvents): Promise<() => Promise<void>>;
}

export interface ListenEvents {
  notified(): void;
  /** Listening (again): anything sent while not listening was missed. */
  listening(): void;
  /** The listening connection is gone: notifications are missed until `listening` is called again. */
  lost(): void;
}

/** A consistent, read-only view of the database (`Database.readSnapshot`). */
export interface Snapshot {
  readonly session: SqlSession;
  readonly orm: Orm;
  /**
   * Runs a write that must be committed now, while the snapshot stays open and unchanged (an
   * extract's access-log entry, written before its first byte). PostgreSQL: on another pool
   * connection, committed at once. PGlite: see openPglite.
   */
  writeNow<T>(write: (session: SqlSession) => Promise<T>): Promise<T>;
}

/** Told of each statement as it is sent; a function it returns is called when that statement settles. */
export type StatementListener = (text: string) => unknown;

/** The listeners, and how a statement is reported to them: `notify` returns what to call when it settles. */
function statementReporting() {
  const listeners = new Set<StatementListener>();
  const notify = (text: string): (() => void) => {
    const settled: (() => void)[] = [];
    for (const listener of listeners) {
      const then = listener(text);
      if (typeof then === 'function') settled.push(then as () => void);
    }
    return () => settled.forEach((then) => then());
  };
  return { listeners, notify };
}

const snapshotMode = 'ISOLATION LEVEL REPEATABLE READ, READ ONLY';

export interface DatabaseOptions {
  url: string | undefined;
  dataDir: string;
  ssdSchema: string;
  /** Connection pool size for PostgreSQL. */
  max?: number;
  /**
   * statement_timeout for every connection, in ms (the service sets CAREBRIDGE_STATEMENT_TIMEOUT_MS;
   * the import and the CLIs leave it unset: no limit). PGlite accepts the setting but, running in
   * WebAssembly without timer signals, does not cancel a statement that overruns it.
   */
  statementTimeoutMs?: number;
  /** PostgreSQL: how long a new connection may take to be ready (default 30 s). */
  connectTimeoutMs?: number;
}

/**
 * Takes the advisory lock `name` for the rest of `session`'s transaction: writers sharing a
 * PostgreSQL database (imports, storing due dates, migrations) take turns.
 */
export async function holdAdvisoryLock(session: SqlSession, name: string): Promise<void> {
  await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${table} (${columns.map(quoteIdentifier).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

/** Closing twice (a failed start, then shutdown) is harmless. */
function once(close: (timeoutMs?: number) => Promise<void>): (timeoutMs?: number) => Promise<void> {
  let closing: Promise<void> | undefined;
  return (timeoutMs) => (closing ??= close(timeoutMs));
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const { listeners: statementListeners, notify } = statementReporting();
  // No `debug`: it makes postgres.js put every statement's parameters on its errors as enumerable
  // properties, and loggers copy those. Statements are counted by watchStatements instead.
  const clientOptions: postgres.Options<Record<string, postgres.PostgresType>> = {
    max: options.max ?? 10,
    onnotice: () => {},
    // No per-connection type look-up: statement counts stay a function of the query alone.
    fetch_types: false,
    connect_timeout: Math.max(1, Math.ceil((options.connectTimeoutMs ?? 30_000) / 1000)),
    connection: {
      search_path: quoteIdentifier(options.ssdSchema),
      application_name: 'carebridge',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  };
  let closed = false;
  let recovering: NodeJS.Timeout | undefined;
  // While unreachable, probe every second until the database answers (the service then stops refusing).
  const availability = new Availability(() => {
    if (closed || recovering) return;
    const probeAgain = () => {
      recovering = undefined;
      if (closed || availability.reason === null) return;
      void check(recoveryProbeTimeoutMs)
        .catch(() => {})
        .finally(() => {
          if (!closed && availability.reason !== null) recovering = setTimeout(probeAgain, recoveryProbeIntervalMs).unref();
        });
    };
    recovering = setTimeout(probeAgain, recoveryProbeIntervalMs).unref();
  });
  /** The statements of one cancellable piece of work; once cancelled, any it sends later is cancelled as it goes. */
  interface CancellableWork {
    queries: Set<postgres.PendingQuery<postgres.Row[]>>;
    cancelled: boolean;
  }
  const work = new AsyncLocalStorage<CancellableWork>();
  const settles = new WeakMap<postgres.PendingQuery<postgres.Row[]>, () => void>();
  const hooks: StatementHooks = {
    sent: (text, query) => {
      settles.set(query, notify(text));
      const current = work.getStore();
      if (current?.cancelled) void query.cancel();
      else current?.queries.add(query);
    },
    settled: (query, error) => {
      settles.get(query)?.();
      work.getStore()?.queries.delete(query);
      availability.observe(error);
    },
  };

  let pool = postgres(url, clientOptions);
  let watchedPool = watchStatements(pool, hooks);
  // Every statement goes through the current pool, which is replaced when it is found stalled.
  const client = new Proxy(pool, {
    get: (_target, property) => Reflect.get(watchedPool, property) as unknown,
    apply: (_target, self, args) => Reflect.apply(pool, self, args) as unknown,
  });
  /**
   * Connections stalled mid-statement may never answer again (a network that dropped them): they
   * are abandoned, their statements failed, and a new pool takes over, keeping drizzle's type
   * settings (it sets them on the pool's options once).
   */
  const replacePool = () => {
    const stalled = pool;
    pool = postgres(url, clientOptions);
    watchedPool = watchStatements(pool, hooks);
    Object.assign(pool.options.parsers, stalled.options.parsers);
    Object.assign(pool.options.serializers, stalled.options.serializers);
    void stalled.end({ timeout: 0 });
  };

  // Probes use a connection of their own, so a busy or stalled pool cannot make them wait.
  let probe: postgres.Sql | undefined;
  const check = async (timeoutMs: number): Promise<void> => {
    probe ??= postgres(url, { ...clientOptions, max: 1, idle_timeout: 60 });
    const probing = probe;
    try {
      await answerWithin(probing.unsafe('SELECT 1'), timeoutMs);
      availability.reachable();
    } catch (error) {
      const reason = unreachableReason(error);
      if (!reason) throw error;
      if (probe === probing) probe = undefined;
      void probing.end({ timeout: 0 });
      // A stall, not a refusal: the pool's connections are likely stuck too.
      if (error instanceof DatabaseUnavailableError) replacePool();
      availability.unreachable(reason);
      throw new DatabaseUnavailableError(reason);
    }
  };

  const orm = drizzlePostgres({ client, schema }) as unknown as Orm;
  const sessionOf = (sql: postgres.Sql | postgres.TransactionSql): SqlSession => ({
    query: async <T extends Row>(text: string, params: unknown[] = [], options: { prepare?: boolean } = {}) =>
      (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: options.prepare ?? false })) as unknown as T[],
    copyFrom: async (table, columns, csv) => {
      const writable = await sql.unsafe(copyStatement(table, columns, 'STDIN')).writable();
      await pipeline(Readable.from(csv), writable);
    },
  });
  return {
    kind: 'postgres',
    orm,
    ssdSchema: options.ssdSchema,
    statementListeners,
    ...sessionOf(client),
    transaction: (work) => client.begin((tx) => work(sessionOf(tx))) as Promise<never>,
    // A transaction-level lock: released when the transaction ends, or its connection does.
    exclusively: (name, work) =>
      client.begin(async (tx) => {
        await holdAdvisoryLock(sessionOf(tx), name);
        return work();
      }) as Promise<never>,
    // postgres.js reserves one pool connection for the transaction; writeNow uses another.
    readSnapshot: (work) =>
      client.begin('isolation level repeatable read read only', (tx) =>
        work({
          session: sessionOf(tx),
          orm: drizzlePostgres({ client: transactionClient(tx, client), schema }) as unknown as Orm,
          writeNow: (write) => write(sessionOf(client)),
        }),
      ) as Promise<never>,
    unreachable: () => availability.reason,
    check,
    listen: (channel, events) => listenOnPostgres(url, clientOptions, channel, events),
    cancellable: (run) => {
      const current: CancellableWork = { queries: new Set(), cancelled: false };
      return {
        result: work.run(current, run),
        cancel: () => {
          current.cancelled = true;
          for (const query of current.queries) void query.cancel();
          current.queries.clear();
        },
      };
    },
    close: once(async (timeoutMs = defaultCloseTimeoutMs) => {
      closed = true;
      clearTimeout(recovering);
      const timeout = Math.max(0, timeoutMs) / 1000;
      await Promise.all([pool.end({ timeout }), probe?.end({ timeout: 0 })]);
    }),
  };
}

const defaultCloseTimeoutMs = 5000;
const recoveryProbeIntervalMs = 1000;
const recoveryProbeTimeoutMs = 2000;

interface StatementHooks {
  /** A statement is about to be sent (`query` can be cancelled). */
  sent(text: string, query: postgres.PendingQuery<postgres.Row[]>): void;
  /** It succeeded (no error) or failed. */
  settled(query: postgres.PendingQuery<postgres.Row[]>, error?: unknown): void;
}

/**
 * postgres.js (the pool, a transaction or a savepoint) with every statement reported: `unsafe`
 * (drizzle and our sessions send everything through it), and transactions opened inside.
 */
function watchStatements<T extends postgres.Sql | postgres.TransactionSql>(sql: T, hooks: StatementHooks): T {
  return new Proxy(sql, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'unsafe') {
        return (text: string, ...rest: unknown[]) => {
          const query = (value as (...args: unknown[]) => postgres.PendingQuery<postgres.Row[]>).call(target, text, ...rest);
          hooks.sent(text, query);
          return watchOutcome(query, hooks);
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return (value as (...args: unknown[]) => unknown).call(target, ...args, (tx: postgres.TransactionSql) => work(watchStatements(tx, hooks)));
        };
      }
      return value;
    },
  });
}

/** The query, reporting its outcome when awaited; its builder methods (`.values()`) keep the report. */
function watchOutcome(query: postgres.PendingQuery<postgres.Row[]>, hooks: StatementHooks): postgres.PendingQuery<postgres.Row[]> {
  const watched: postgres.PendingQuery<postgres.Row[]> = new Proxy(query, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'then') {
        return (resolve?: (rows: unknown) => unknown, reject?: (error: unknown) => unknown) =>
          target
            .then(
              (rows) => {
                hooks.settled(target);
                return rows;
              },
              (error: unknown) => {
                hooks.settled(target, error);
                throw error;
              },
            )
            .then(resolve, reject);
      }
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...args: unknown[]) => unknown).apply(target, args);
        return result === target ? watched : result;
      };
    },
  });
  return watched;
}

/**
 * drizzle over a postgres.js transaction: drizzle reads (and sets) the client's type parsers on
 * `options`, which a transaction's handle lacks; they are the pool's, shared by its connections.
 */
const relistenIntervalMs = 1000;

/**
 * A connection of its own for LISTEN. Not postgres.js's `sql.listen`: that reconnects too, but
 * says nothing when its connection is lost, and a listener must know when it may have missed a
 * notification (docs/operations.md, "Data changes").
 */
async function listenOnPostgres(url: string, clientOptions: postgres.Options<Record<string, postgres.PostgresType>>, channel: string, events: ListenEvents): Promise<() => Promise<void>> {
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // onnotify is postgres.js's own (sql.listen uses it) but not in its types.
  const listenerOptions = {
    ...clientOptions,
    max: 1,
    idle_timeout: undefined,
    max_lifetime: null,
    onnotify: (name: string) => name === channel && events.notified(),
    onclose: () => {
      if (stopped) return;
      events.lost();
      listenAgain();
    },
  };
  const connection = postgres(url, listenerOptions);
  const listen = () => connection.unsafe(`LISTEN ${quoteIdentifier(channel)}`).then(() => !stopped && events.listening());
  const listenAgain = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      listen().catch(listenAgain);
    }, relistenIntervalMs).unref();
  };
  await listen().catch(() => {
    events.lost();
    listenAgain();
  });
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await connection.end({ timeout: 0 });
  };
}

function transactionClient(tx: postgres.TransactionSql, pool: postgres.Sql): postgres.Sql {
  return new Proxy(tx, { get: (target, property) => (property === 'options' ? pool.options : Reflect.get(target, property)) }) as unknown as postgres.Sql;
}

// PGlite's COPY reads from a Blob; batching keeps memory flat whatever the file's size.
const pgliteCopyBatchChars = 8 * 1024 * 1024;

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const directory = path.join(options.dataDir, 'pglite');
  mkdirSync(directory, { recursive: true });
  // PGlite is single-process: two processes on one data directory would corrupt it.
  const lock = acquireDirectoryLock(options.dataDir, 'pglite');
  let client: PGlite;
  try {
    // Dates stay `yyyy-mm-dd` text, as drizzle's date columns (mode: 'string') and the rules expect.
    client = await PGlite.create({ dataDir: directory, parsers: { [types.DATE]: (value: string) => value } });
    await client.exec(`SET search_path TO ${quoteIdentifier(options.ssdSchema)}`);
    if (options.statementTimeoutMs) await client.exec(`SET statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
  } catch (error) {
    lock.release();
    throw error;
  }
  const { listeners: statementListeners, notify } = statementReporting();
  const counted = countPgliteStatements(client, notify);
  const orm = drizzlePglite({ client: counted, schema }) as unknown as Orm;
  const sessionOf = (target: PGlite | Transaction): SqlSession => ({
    query: async <T extends Row>(text: string, params: unknown[] = []) => {
      const settled = notify(text);
      try {
        return (await target.query<T>(text, params)).rows;
      } finally {
        settled();
      }
    },
    copyFrom: async (table, columns, csv) => {
      const statement = copyStatement(table, columns, `'/dev/blob'`);
      let batch: string[] = [];
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        const settled = notify(statement);
        await target.query(statement, [], { blob: new Blob(batch) }).finally(settled);
        batch = [];
        size = 0;
      };
      for await (const chunk of csv) {
        batch.push(chunk);
        size += chunk.length;
        if (size >= pgliteCopyBatchChars) await flush();
      }
      await flush();
    },
  });
  return {
    kind: 'pglite',
    orm,
    ssdSchema: options.ssdSchema,
    statementListeners,
    ...sessionOf(client),
    transaction: (work) => client.transaction((tx) => work(sessionOf(tx))),
    // One process per data directory (its directory lock): nothing else can be migrating it.
    exclusively: (_name, work) => work(),
    // PGlite has one connection, and a transaction holds it (every other statement of the process
    // waits until it ends), so a plain transaction is already a snapshot; it is made read-only and
    // repeatable read all the same. The price: nothing else reaches the database during an extract.
    // writeNow cannot use another connection, so it ends the read-only transaction, writes (committed
    // at once) and opens a new one: no other statement can run in between, so the new transaction
    // sees exactly the data the first one saw, plus the write.
    readSnapshot: (work) =>
      client.transaction(async (tx) => {
        const session = sessionOf(tx);
        await session.query(`SET TRANSACTION ${snapshotMode}`);
        return work({
          session,
          orm: drizzlePglite({ client: countPgliteStatements(tx, notify) as unknown as PGlite, schema }) as unknown as Orm,
          writeNow: async (write) => {
            await tx.exec('COMMIT');
            try {
              return await write(session);
            } finally {
              await tx.exec(`BEGIN ${snapshotMode}`);
            }
          },
        });
      }),
    listen: async (channel, events) => {
      const unlisten = await client.listen(channel, () => events.notified());
      events.listening();
      return unlisten;
    },
    // In-process: it cannot be unreachable, and a statement under way cannot be cancelled.
    unreachable: () => null,
    check: async (timeoutMs) => {
      await answerWithin(client.query('SELECT 1'), timeoutMs);
    },
    cancellable: (run) => ({ result: run(), cancel: () => {} }),
    close: once(async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    }),
  };
}

/** Wraps PGlite (or one of its transactions) so that every statement drizzle sends is reported. */
function countPgliteStatements<T extends PGlite | Transaction>(target: T, notify: (text: string) => () => void): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'query' || property === 'exec') {
        return (text: string, ...rest: unknown[]) => {
          const settled = notify(text);
          return (value.call(object, text, ...rest) as Promise<unknown>).finally(settled);
        };
      }
      if (property === 'transaction') {
        return (work: (tx: Transaction) => Promise<unknown>) =>
          value.call(object, (tx: Transaction) => work(countPgliteStatements(tx, notify)));
      }
      return value.bind(object);
    },
  });
}
