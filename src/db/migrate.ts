// Applies drizzle-kit's migrations (drizzle/) on start and on import. SSD tables are created in
// CAREBRIDGE_SSD_SCHEMA through search_path; a database migrated for one SSD schema refuses
// another, because the migration journal would otherwise claim tables that are not there.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { openDatabase, quoteIdentifier, type Database, type DatabaseOptions } from './connection.js';
import { LoggableError } from '../log.js';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export class SchemaMismatchError extends LoggableError {}

/**
 * Two processes starting at once on an empty database (two imports, two instances) take turns:
 * the second waits for the first's migrations, then finds them applied. drizzle's migrator runs
 * `CREATE … IF NOT EXISTS` outside its transaction, which races without this lock.
 */
async function migrateWith(database: Database): Promise<void> {
  await database.exclusively('carebridge.migrate', () => migrateUnlocked(database));
}

async function migrateUnlocked(database: Database): Promise<void> {
  const [existing] = await database.query<{ table: string | null }>(
    `SELECT to_regclass('carebridge.deployment')::text AS table`,
  );
  const [deployment] = existing?.table
    ? await database.query<{ ssd_schema: string }>('SELECT ssd_schema FROM carebridge.deployment')
    : [];
  if (deployment && deployment.ssd_schema !== database.ssdSchema) {
    throw new SchemaMismatchError(
      `This database holds its SSD tables in schema "${deployment.ssd_schema}", but CAREBRIDGE_SSD_SCHEMA is ` +
        `"${database.ssdSchema}". Set CAREBRIDGE_SSD_SCHEMA=${deployment.ssd_schema}, or use a new database.`,
    );
  }
  await database.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(database.ssdSchema)}`);
  const config = { migrationsFolder, migrationsSchema: 'carebridge' };
  if (database.kind === 'pglite') await migratePglite(database.orm as never, config);
  else await migratePostgres(database.orm as never, config);
  await database.query(
    `INSERT INTO carebridge.deployment (singleton, ssd_schema) VALUES (true, $1) ON CONFLICT (singleton) DO NOTHING`,
    [database.ssdSchema],
  );
}

/**
 * Migrates through `database`, or, when a migration URL is given, through a short-lived
 * connection as that role (the service's own role may then lack DDL rights).
 */
export async function migrateDatabase(database: Database, migrationUrl?: string): Promise<void> {
  if (!migrationUrl || database.kind === 'pglite') return migrateWith(database);
  const options: DatabaseOptions = { url: migrationUrl, dataDir: '', ssdSchema: database.ssdSchema, max: 2 };
  const migrator = await openDatabase(options);
  try {
    await migrateWith(migrator);
  } finally {
    await migrator.close();
  }
}
