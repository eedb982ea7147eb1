// A generated authority goes through the same import path as a real extract: it imports
// cleanly (on PGlite, and on PostgreSQL when DATABASE_URL is set), every generated row is
// stored, and importing it again changes nothing.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuthority } from '../src/generate/authority.js';
import { importFolder } from '../src/import/import-folder.js';
import { formatProblem } from '../src/import/problems.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';

let test: TestDatabase;
let dir: string;
let generated: Record<string, number>;

beforeAll(async () => {
  test = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'carebridge-generated-'));
  generated = await generateAuthority({ children: 1500, seed: 7, asOf: '2026-03-31', out: dir });
});
afterAll(async () => test?.close());

describe('a generated authority', () => {
  it('imports cleanly, every row stored', async () => {
    const report = await importFolder(test.database, { dir, labels: test.config.labels });
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.skipped).toEqual([]);
    const imported = Object.fromEntries(report.files.map((file) => [file.file, file.inserted]));
    expect(imported).toEqual(generated);
    const [children] = await test.database.query<{ n: number }>(
      `SELECT count(DISTINCT cine_person_id)::int AS n FROM ssd_cin_episodes`,
    );
    expect(children?.n).toBeGreaterThan(1000);
  });

  it('imports again without changing a row', async () => {
    const report = await importFolder(test.database, { dir, labels: test.config.labels });
    expect(report.ok).toBe(true);
    expect(report.files.every((file) => file.inserted === 0 && file.updated === 0 && file.unchanged === file.rows)).toBe(true);
  });
});
