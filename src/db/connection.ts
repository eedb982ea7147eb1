// Opens the database: embedded PGlite in CAREBRIDGE_DATA_DIR, or a real PostgreSQL when
// DATABASE_URL is set. Both give drizzle for typed queries and a raw session for the import
// (COPY, staging tables). SSD tables are unqualified and found through search_path.

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

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Row = Record<string, unknown>;

/** Raw SQL inside or outside a transaction. `copyFrom` streams CSV text (no header) into a table. */
export interface SqlSession {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
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
  /** Listeners called once per statement the driver sends: tests and benchmarks count them. */
  readonly statementListeners: Set<(text: string) => void>;
  close(): Promise<void>;
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
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${table} (${columns.map(quoteIdentifier).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

/** Closing twice (a failed start, then shutdown) is harmless. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const statementListeners = new Set<(text: string) => void>();
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // No per-connection type look-up: statement counts stay a function of the query alone.
    fetch_types: false,
    connection: {
      search_path: quoteIdentifier(options.ssdSchema),
      application_name: 'carebridge',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
    debug: (_connection, text) => {
      for (const listener of statementListeners) listener(text);
    },
  });
  const orm = drizzlePostgres({ client, schema }) as unknown as Orm;
  const sessionOf = (sql: postgres.Sql | postgres.TransactionSql): SqlSession => ({
    query: async <T extends Row>(text: string, params: unknown[] = []) =>
      (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
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
        await tx`SELECT pg_advisory_xact_lock(hashtext(${name}))`;
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
    close: once(() => client.end({ timeout: 5 })),
  };
}

/**
 * drizzle over a postgres.js transaction: drizzle reads (and sets) the client's type parsers on
 * `options`, which a transaction's handle lacks; they are the pool's, shared by its connections.
 */
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
  const statementListeners = new Set<(text: string) => void>();
  const notify = (text: string) => {
    for (const listener of statementListeners) listener(text);
  };
  const counted = countPgliteStatements(client, notify);
  const orm = drizzlePglite({ client: counted, schema }) as unknown as Orm;
  const sessionOf = (target: PGlite | Transaction): SqlSession => ({
    query: async <T extends Row>(text: string, params: unknown[] = []) => {
      notify(text);
      return (await target.query<T>(text, params)).rows;
    },
    copyFrom: async (table, columns, csv) => {
      const statement = copyStatement(table, columns, `'/dev/blob'`);
      let batch: string[] = [];
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        notify(statement);
        await target.query(statement, [], { blob: new Blob(batch) });
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
function countPgliteStatements<T extends PGlite | Transaction>(target: T, notify: (text: string) => void): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'query' || property === 'exec') {
        return (text: string, ...rest: unknown[]) => {
          notify(text);
          return value.call(object, text, ...rest);
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
