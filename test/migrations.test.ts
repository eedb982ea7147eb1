// Migrations apply to an empty database and again to a migrated one; the SSD tables land in
// CAREBRIDGE_SSD_SCHEMA, Carebridge's own in `carebridge`; a database migrated for one SSD
// schema refuses another; two processes migrating an empty PostgreSQL database at once take turns.

import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsFolder, SchemaMismatchError } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/connection.js';
import { importTables } from '../src/import/tables.js';
import { createPostgresDatabase, openTestDatabase, realPostgresUrl, type TestDatabase } from './support/database.js';

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const test of opened) await test.close();
});

async function tablesBySchema(test: TestDatabase): Promise<Record<string, string[]>> {
  const rows = await test.database.query<{ schema: string; table: string }>(
    `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
     WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const result: Record<string, string[]> = {};
  for (const row of rows) (result[row.schema] ??= []).push(row.table);
  return result;
}

describe('migrations', () => {
  it('create every table in its schema, with the look-up indexes, and apply again as a no-op', async () => {
    const test = await openTestDatabase({ CAREBRIDGE_SSD_SCHEMA: 'ssd' });
    opened.push(test);
    const tables = await tablesBySchema(test);
    const ssd = importTables.filter((table) => table.schema === null).map((table) => table.name).sort();
    expect(tables.ssd).toEqual(ssd);
    expect(tables.carebridge).toEqual(expect.arrayContaining(['cb_relationship', 'cb_meeting', 'import_run', 'access_log', '__drizzle_migrations']));
    expect(tables.public ?? []).toEqual([]);

    const indexes = await test.database.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'ssd'`);
    expect(indexes.map((index) => index.indexname)).toEqual(
      expect.arrayContaining(['ssd_person_pers_common_child_id_idx', 'ssd_cp_plans_cppl_person_id_idx', 'ssd_cla_reviews_clar_cla_id_idx']),
    );

    const journal = await test.database.query('SELECT hash FROM carebridge.__drizzle_migrations');
    await migrateDatabase(test.database);
    expect(await test.database.query('SELECT hash FROM carebridge.__drizzle_migrations')).toEqual(journal);
    expect(await tablesBySchema(test)).toEqual(tables);
  });

  it.runIf(realPostgresUrl)('run once when two connections migrate an empty PostgreSQL database at once', async () => {
    const server = await createPostgresDatabase(realPostgresUrl!);
    const open = () => openDatabase({ url: server.url, dataDir: '', ssdSchema: 'ssd', max: 2 });
    const [first, second] = await Promise.all([open(), open()]);
    try {
      await Promise.all([migrateDatabase(first), migrateDatabase(second)]);
      const journal = await first.query<{ count: number }>('SELECT count(*)::int AS count FROM carebridge.__drizzle_migrations');
      const files = await first.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'ssd'`);
      expect(journal[0]?.count).toBe(readdirSync(migrationsFolder).filter((file) => file.endsWith('.sql')).length);
      expect(files[0]?.count).toBe(importTables.filter((table) => table.schema === null).length);
    } finally {
      await first.close();
      await second.close();
      await server.drop();
    }
  });

  it('refuse a different SSD schema on a database already migrated', async () => {
    const test = await openTestDatabase({ CAREBRIDGE_SSD_SCHEMA: 'ssd' });
    opened.push(test);
    const url = test.config.databaseUrl;
    await test.database.close();
    const other = await openDatabase({ url, dataDir: test.config.dataDir, ssdSchema: 'public' });
    try {
      await expect(migrateDatabase(other)).rejects.toThrow(SchemaMismatchError);
    } finally {
      await other.close();
    }
    // reopen so that close() in afterAll has a live database to close
    test.database = await openDatabase({ url, dataDir: test.config.dataDir, ssdSchema: 'ssd' });
  });
});
