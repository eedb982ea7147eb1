// A newcomer's first `npm start`: an empty embedded database gets a generated authority, put
// through the same import path an authority's real extract takes.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { generateAuthority } from '../generate/authority.js';
import type { Logger } from '../log.js';
import { importFolder } from './import-folder.js';
import { formatProblem } from './problems.js';

export const demoSeed = 1;

async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.query<{ empty: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM ssd_person) AND NOT EXISTS (SELECT 1 FROM carebridge.import_run) AS empty`,
  );
  return Boolean(row?.empty);
}

export function shouldSeedDemo(config: Config): boolean {
  // Never into an authority's own PostgreSQL unless asked: demo rows there would be mistaken for records.
  return config.demo.seed === 'always' || (config.demo.seed === 'auto' && !config.databaseUrl);
}

export async function seedDemoAuthority(database: Database, config: Config, logger: Logger): Promise<void> {
  if (!shouldSeedDemo(config) || !(await isEmpty(database))) return;
  const children = config.demo.children;
  logger.info({ children, seed: demoSeed }, `empty database: generating and importing a synthetic demo authority of ${children} children`);
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'carebridge-demo-'));
  try {
    await generateAuthority({ children, seed: demoSeed, asOf: undefined, out: dir });
    const report = await importFolder(database, { dir, labels: config.labels });
    if (!report.ok) {
      const problems = report.problems.slice(0, 10).map(formatProblem);
      throw new Error(`the generated demo authority did not import:\n${problems.join('\n')}`);
    }
    const rows = report.files.reduce((sum, file) => sum + file.rows, 0);
    logger.info({ rows, ms: Date.now() - started }, 'demo authority imported (synthetic data: no real person)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
