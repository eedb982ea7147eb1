// The commands as an operator runs them (built by `npm test` into dist/): exit codes, rows per
// file, problems as file:line: column: problem on stderr, and usage errors without a stack.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/connection.js';
import { createPostgresDatabase, realPostgresUrl } from './support/database.js';
import { writeExtract } from './support/extract.js';

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.resolve('dist/cli', script), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command without waiting, so that two can start at once. */
function start(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [path.resolve('dist/cli', script), ...args], { env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

/** An empty database of the test's own (PGlite in a fresh folder, or a new PostgreSQL database). */
async function commandEnvironment() {
  const server = realPostgresUrl ? await createPostgresDatabase(realPostgresUrl) : undefined;
  const env: Record<string, string> = {
    CAREBRIDGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'carebridge-cli-')),
    ...(server ? { DATABASE_URL: server.url } : {}),
  };
  return { env, drop: async () => server?.drop() };
}

/** Opens the commands' database in this process (after they have exited: PGlite is single-process). */
async function withDatabase<T>(env: Record<string, string>, work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, ssdSchema: config.ssdSchema, max: 2 });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const personHeader = 'pers_person_id,pers_forename,pers_surname,pers_dob';

describe('npm run import', () => {
  it('loads a folder, then reports a bad one line by line and exits 1', async () => {
    const server = realPostgresUrl ? await createPostgresDatabase(realPostgresUrl) : undefined;
    const env = {
      CAREBRIDGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'carebridge-cli-')),
      ...(server ? { DATABASE_URL: server.url } : {}),
    };
    try {
      const good = writeExtract({ 'ssd_person.csv': ['pers_person_id,pers_dob', 'C1,2015-01-01'], 'notes.txt': 'x' });
      const loaded = run('import.js', ['--dir', good], env);
      expect(loaded.code).toBe(0);
      expect(loaded.stdout).toMatch(/^ssd_person\.csv\s+1 rows\s+\(1 new, 0 updated, 0 unchanged\)$/m);
      expect(loaded.stdout).toContain('skipped notes.txt: not a table Carebridge imports');
      expect(loaded.stdout).toMatch(/1 rows from 1 files in [\d.]+ s \([\d,]+ rows\/s\)\. Committed\./);

      const bad = writeExtract({ 'ssd_person.csv': ['pers_person_id,pers_dob', 'C2,yesterday'] });
      const rejected = run('import.js', ['--dir', bad], env);
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain(
        "ssd_person.csv:2: pers_dob: 'yesterday' is not a date (yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd hh:mm:ss.fff)",
      );
      expect(rejected.stderr).toContain('1 problems: nothing was written.');

      const dryRun = run('import.js', ['--dir', good, '--dry-run'], env);
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toContain('Dry run: the extract is valid; nothing was written.');
    } finally {
      await server?.drop();
    }
  });

  it('refuses a Latin-1 file as UTF-8 naming the file, line and column, and reads it with --encoding windows-1252', async () => {
    const { env, drop } = await commandEnvironment();
    try {
      const dir = writeExtract({ 'ssd_person.csv': Buffer.from(`${personHeader}\nC1,Zoë,Brontë,2015-01-01\n`, 'latin1') });
      const refused = run('import.js', ['--dir', dir], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'ssd_person.csv:2: pers_forename: is not valid UTF-8 (for a windows-1252 or Latin-1 extract, import with --encoding windows-1252)',
      );
      expect(refused.stderr).toContain('2 problems: nothing was written.');
      expect(await withDatabase(env, (database) => database.query('SELECT pers_person_id FROM ssd_person'))).toEqual([]);

      for (const encoding of ['windows-1252', 'latin1']) {
        const loaded = run('import.js', ['--dir', dir, '--encoding', encoding], env);
        expect(loaded.code).toBe(0);
      }
      expect(await withDatabase(env, (database) => database.query('SELECT pers_forename, pers_surname FROM ssd_person'))).toEqual([
        { pers_forename: 'Zoë', pers_surname: 'Brontë' },
      ]);

      for (const encoding of ['ebcdic', 'constructor']) {
        const unknown = run('import.js', ['--dir', dir, '--encoding', encoding], env);
        expect(unknown.code).toBe(1);
        expect(unknown.stderr).toMatch(
          new RegExp(`^--encoding ${encoding}: not an encoding the import reads \\(utf-8, utf8, windows-1252, cp1252, latin1, iso-8859-1\\)\n`),
        );
      }
    } finally {
      await drop();
    }
  });

  it('exits 0 once the import committed: placeholder dates are a notice, and a failure to store due dates afterwards is reported', async () => {
    const { env, drop } = await commandEnvironment();
    try {
      const extract = writeExtract({
        'ssd_person.csv': [personHeader, 'C1,Amy,Smith,2015-03-04', 'C2,Ben,Jones,2016-05-04'],
        'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', 'R1,C2,1999-12-31'],
        'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'P1,C1,1900-01-01'],
        'ssd_cla_visits.csv': ['clav_cla_visit_id,clav_person_id,clav_cla_visit_date', 'V1,C1,2024-05-04 14:30:00.000'],
      });
      const placeholders = run('import.js', ['--dir', extract], env);
      expect(placeholders.code).toBe(0);
      expect(placeholders.stdout).toContain('Committed.');
      expect(placeholders.stdout).toContain(
        'notice: ssd_cin_episodes.csv: cine_referral_date: 1 placeholder or pre-2000 dates stored as recorded (1999-12-31)',
      );
      expect(placeholders.stdout).toContain(
        'notice: ssd_cp_plans.csv: cppl_cp_plan_start_date: 1 placeholder or pre-2000 dates stored as recorded (1900-01-01)',
      );
      expect(placeholders.stdout).toContain(
        'notice: ssd_cla_visits.csv: clav_cla_visit_date: 1 times of day set aside (the calendar date as written is stored)',
      );

      // The store's table gone: storing due dates fails after the commit.
      await withDatabase(env, (database) => database.query('ALTER TABLE carebridge.due_date RENAME TO due_date_elsewhere'));
      const again = writeExtract({ 'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'P2,C2,2024-01-02'] });
      const unstored = run('import.js', ['--dir', again], env);
      expect(unstored.code).toBe(0);
      expect(unstored.stdout).toContain('Committed.');
      expect(unstored.stderr).toMatch(/^due dates not stored for BI \(the import is committed; BI answers compute on the fly until the service, on its next start, stores them\): \w+/m);
      expect(unstored.stderr).not.toMatch(/C1|C2|P1|P2|params|SELECT|DELETE/);
      expect(await withDatabase(env, (database) => database.query('SELECT cppl_cp_plan_id FROM ssd_cp_plans ORDER BY 1'))).toEqual([
        { cppl_cp_plan_id: 'P1' },
        { cppl_cp_plan_id: 'P2' },
      ]);
    } finally {
      await drop();
    }
  });

  it.runIf(realPostgresUrl)('two imports started at once on an empty PostgreSQL database both exit 0, the data there once', async () => {
    const { env, drop } = await commandEnvironment();
    try {
      const dir = writeExtract({ 'ssd_person.csv': [personHeader, 'C1,Amy,Smith,2015-03-04', 'C2,Ben,Jones,2016-05-04'] });
      const results = await Promise.all([start('import.js', ['--dir', dir], env), start('import.js', ['--dir', dir], env)]);
      expect(results.map((result) => [result.code, result.stderr.includes('Failed query')])).toEqual([
        [0, false],
        [0, false],
      ]);
      await withDatabase(env, async (database) => {
        expect(await database.query('SELECT pers_person_id FROM ssd_person ORDER BY 1')).toEqual([{ pers_person_id: 'C1' }, { pers_person_id: 'C2' }]);
        expect(await database.query('SELECT count(*)::int AS runs FROM carebridge.import_run')).toEqual([{ runs: 2 }]);
      });
    } finally {
      await drop();
    }
  });

  it('answers a bad command line or configuration with a message, never a stack trace', () => {
    const noDir = run('import.js', []);
    expect(noDir).toMatchObject({ code: 1, stderr: 'usage: npm run import -- --dir <folder> [--dry-run] [--replace] [--encoding utf-8|windows-1252]\n' });
    const unknown = run('import.js', ['--dir', '.', '--force']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Unknown option '--force'/);
    const badConfig = run('import.js', ['--dir', '.'], { CAREBRIDGE_SSD_SCHEMA: 'Not Valid', PORT: 'x' });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toBe(
      'Configuration is not valid:\n' +
        '  - CAREBRIDGE_SSD_SCHEMA: must be a lower-case PostgreSQL identifier, e.g. public or ssd\n' +
        '  - PORT: Invalid input: expected number, received NaN\n',
    );
  });
});

describe('npm run generate', () => {
  it('writes every file and prints rows per file with a total', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'carebridge-cli-generate-'));
    const result = run('generate.js', ['--children', '60', '--out', out, '--seed', '3', '--as-of', '2026-01-15']);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toContain('ssd_person.csv');
    expect(result.stdout).toMatch(/^total\s+\d+$/m);
    expect(run('generate.js', ['--children', 'many', '--out', out]).code).toBe(1);
  });
});
