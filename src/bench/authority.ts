// What every benchmark starts from: the service on the configured database, filled with a
// generated authority of `children` children when it is empty (a filled one is reused).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { generateAuthority } from '../generate/authority.js';
import { importFolder } from '../import/import-folder.js';
import { createLogger } from '../log.js';
import { startService, type Service } from '../service.js';
import { loadCalendar } from '../db/bank-holidays.js';
import { refreshDueDateStore } from '../db/due-date-store.js';
import { dueDateComputer } from '../db/due-date-workers.js';
import { todayInLondon } from '../domain/calendar.js';

export async function benchService(children: number): Promise<{ service: Service; config: Config; total: number }> {
  // One bench client is one consumer: the per-consumer rate limit would measure refusals. The
  // generated authority is imported over the service's connection, whose per-statement timeout
  // is for requests: a million children's merge statements run longer.
  const config = loadConfig({ CAREBRIDGE_RATE_LIMIT: 'off', CAREBRIDGE_STATEMENT_TIMEOUT_MS: '0', ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CAREBRIDGE_DEMO_SEED: 'never' });
  const service = await startService(config, createLogger('silent'));
  await service.started;
  const { database } = service;
  const count = async () => (await database.query<{ total: number }>('SELECT count(*)::int AS total FROM carebridge.child'))[0]?.total ?? 0;
  if ((await count()) === 0) {
    const dir = mkdtempSync(path.join(tmpdir(), 'carebridge-bench-'));
    process.stderr.write(`empty database: generating and importing ${children} children\n`);
    await generateAuthority({ children, seed: 1, out: dir });
    const report = await importFolder(database, { dir, labels: config.labels });
    rmSync(dir, { recursive: true, force: true });
    if (!report.ok) throw new Error('the generated authority did not import');
    // As `npm run import` does after an import.
    const storing = Date.now();
    const calendar = await loadCalendar(database, config.policy.localNonWorkingDays);
    const computer = dueDateComputer(config.bulkWorkers, createLogger('silent'));
    const stored = await refreshDueDateStore(database, { calendar, policy: config.policy, labels: config.labels, computer }, todayInLondon()).finally(() => computer.close());
    process.stderr.write(`imported in ${report.elapsedMs} ms; ${stored} due dates stored in ${Date.now() - storing} ms\n`);
  }
  return { service, config, total: await count() };
}

/** Writes a benchmark's figures to `<out>/<name>-<database>.json` and prints them. */
export function saveFigures(out: string, name: string, database: string, figures: object): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, `${name}-${database}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

/** Runs a benchmark; a failure prints its message (not a stack) and exits 1. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
