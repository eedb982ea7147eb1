// A database of the test file's own: embedded PGlite in a temporary folder, or, when
// DATABASE_URL is set (as .ci/run does), a new database on that PostgreSQL server, dropped at
// the end. Tests within a file share it and start from empty tables (`emptyDatabase`).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, quoteIdentifier, type Database } from '../../src/db/connection.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { importTables } from '../../src/import/tables.js';

export interface TestDatabase {
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export const realPostgresUrl = process.env.DATABASE_URL || undefined;

/** Creates an empty PostgreSQL database for one test file and returns its URL. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `carebridge_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${quoteIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function openTestDatabase(environment: Record<string, string> = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'carebridge-test-'));
  const server = realPostgresUrl ? await createPostgresDatabase(realPostgresUrl) : undefined;
  const config = loadConfig({
    CAREBRIDGE_DATA_DIR: dataDir,
    ...(server ? { DATABASE_URL: server.url } : {}),
    ...environment,
  });
  const database = await openDatabase({ url: config.databaseUrl, dataDir, ssdSchema: config.ssdSchema, max: 4 });
  await migrateDatabase(database);
  const test: TestDatabase = {
    database,
    config,
    close: async () => {
      await test.database.close();
      await server?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}

export function tableName(database: Database, table: (typeof importTables)[number]): string {
  return `${quoteIdentifier(table.schema ?? database.ssdSchema)}.${quoteIdentifier(table.name)}`;
}

/** Removes every imported row and import run, so each test starts from an empty authority. */
export async function emptyDatabase(database: Database): Promise<void> {
  const tables = importTables.map((table) => tableName(database, table));
  await database.query(`TRUNCATE ${[...tables, 'carebridge.import_run', 'carebridge.child'].join(', ')}`);
}

/** Every row of every imported table, in key order: two snapshots are equal when nothing changed. */
export async function snapshot(database: Database): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of importTables) {
    result[table.name] = await database.query(
      `SELECT * FROM ${tableName(database, table)} ORDER BY ${quoteIdentifier(table.key)}`,
    );
  }
  result.import_run = await database.query('SELECT id, rows FROM carebridge.import_run ORDER BY id');
  return result;
}
