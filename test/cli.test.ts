// The commands as an operator runs them (built by `npm test` into dist/): exit codes, rows per
// file, problems as file:line: column: problem on stderr, and usage errors without a stack.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase, realPostgresUrl } from './support/database.js';
import { writeExtract } from './support/extract.js';

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.resolve('dist/cli', script), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
        "ssd_person.csv:2: pers_dob: 'yesterday' is not a date (yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd 00:00:00.000)",
      );
      expect(rejected.stderr).toContain('1 problems: nothing was written.');

      const dryRun = run('import.js', ['--dir', good, '--dry-run'], env);
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toContain('Dry run: the extract is valid; nothing was written.');
    } finally {
      await server?.drop();
    }
  });

  it('answers a bad command line or configuration with a message, never a stack trace', () => {
    const noDir = run('import.js', []);
    expect(noDir).toMatchObject({ code: 1, stderr: 'usage: npm run import -- --dir <folder> [--dry-run] [--replace]\n' });
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
