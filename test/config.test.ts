// Configuration is validated once, at start-up, with one clear message per problem.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to embedded PGlite in .carebridge/data, the public SSD schema and port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: undefined, ssdSchema: 'public', port: 4000 });
    expect(config.dataDir).toBe(path.resolve('.carebridge/data'));
    expect(config.labels.cpCategory.get('neglect')).toBe('NEG');
    expect(config.labels.keyContactRole.get('independent reviewing officer')).toBe('IRO');
  });

  it('reports every problem at once, naming the variable', () => {
    expect(
      problemsOf({
        DATABASE_URL: 'mysql://localhost/x',
        CAREBRIDGE_SSD_SCHEMA: 'Bad-Name',
        PORT: 'eighty',
        CAREBRIDGE_DEMO_SEED: 'sometimes',
      }),
    ).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      'CAREBRIDGE_SSD_SCHEMA: must be a lower-case PostgreSQL identifier, e.g. public or ssd',
      'PORT: Invalid input: expected number, received NaN',
      'CAREBRIDGE_DEMO_SEED: Invalid option: expected one of "auto"|"always"|"never"',
    ]);
  });

  it('refuses the carebridge schema for SSD tables', () => {
    expect(problemsOf({ CAREBRIDGE_SSD_SCHEMA: 'carebridge' })).toEqual([
      'CAREBRIDGE_SSD_SCHEMA: cannot be carebridge: that schema holds Carebridge’s own tables',
    ]);
  });

  it('checks a label map names real codes', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'carebridge-config-')), 'labels.json');
    writeFileSync(file, JSON.stringify({ legalStatus: { 'Care Order': 'C9' }, placementTypes: {} }));
    expect(problemsOf({ CAREBRIDGE_LABEL_MAP: file })).toEqual([
      `CAREBRIDGE_LABEL_MAP (${file}): Unrecognized key: "placementTypes"`,
      `CAREBRIDGE_LABEL_MAP (${file}): legalStatus.Care Order: maps to C9, which is not a legalStatus code (C1, C2, D1, E1, J1, J2, J3, L1, L2, L3, V2, V3, V4)`,
    ]);
  });
});
