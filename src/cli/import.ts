// `npm run import -- --dir D [--dry-run] [--replace]`: loads an SSD extract folder into the
// configured database, all or nothing (shared/contract/README.md, "Commands").

import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrateDatabase } from '../db/migrate.js';
import { loadCalendar } from '../db/bank-holidays.js';
import { refreshDueDateStore } from '../db/due-date-store.js';
import { todayInLondon } from '../domain/calendar.js';
import { importFolder, type ImportReport } from '../import/import-folder.js';
import { formatProblem } from '../import/problems.js';
import { parseCommandLine, runCommand, UsageError } from './command.js';

const usage = 'usage: npm run import -- --dir <folder> [--dry-run] [--replace]';

const number = (value: number) => value.toLocaleString('en-GB');

export function describeReport(report: ImportReport): string[] {
  const lines: string[] = [];
  const width = Math.max(0, ...report.files.map((file) => file.file.length));
  for (const file of report.files) {
    const detail = report.dryRun
      ? 'valid'
      : `${number(file.inserted)} new, ${number(file.updated)} updated, ${number(file.unchanged)} unchanged` +
        (file.removed ? `, ${number(file.removed)} removed` : '');
    lines.push(`${file.file.padEnd(width)}  ${number(file.rows).padStart(10)} rows  (${detail})`);
  }
  for (const file of report.skipped) lines.push(`skipped ${file}: not a table Carebridge imports`);
  const rows = report.files.reduce((sum, file) => sum + file.rows, 0);
  const seconds = report.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(rows / seconds) : rows;
  if (report.ok) {
    const outcome = report.dryRun ? 'Dry run: the extract is valid; nothing was written.' : 'Committed.';
    lines.push(`${number(rows)} rows from ${report.files.length} files in ${seconds.toFixed(1)} s (${number(rate)} rows/s). ${outcome}`);
  }
  return lines;
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(() =>
    parseArgs({ options: { dir: { type: 'string' }, 'dry-run': { type: 'boolean' }, replace: { type: 'boolean' } } }),
  usage);
  if (!values.dir) throw new UsageError(usage);
  if (!existsSync(values.dir) || !statSync(values.dir).isDirectory()) throw new UsageError(`${values.dir}: not a folder\n${usage}`);
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, ssdSchema: config.ssdSchema });
  try {
    await migrateDatabase(database, config.migrationUrl);
    const report = await importFolder(database, {
      dir: values.dir,
      labels: config.labels,
      dryRun: values['dry-run'],
      replace: values.replace,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    });
    for (const line of describeReport(report)) process.stdout.write(`${line}\n`);
    if (report.ok && !values['dry-run']) {
      const started = Date.now();
      const calendar = await loadCalendar(database, config.policy.localNonWorkingDays);
      const stored = await refreshDueDateStore(database, { calendar, policy: config.policy, labels: config.labels }, todayInLondon());
      if (stored !== null) process.stdout.write(`due dates stored for BI: ${number(stored)} in ${number(Date.now() - started)} ms\n`);
    }
    if (report.ok) return 0;
    for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    const more = report.problemCount - report.problems.length;
    if (more > 0) process.stderr.write(`… and ${number(more)} more problems\n`);
    process.stderr.write(`${number(report.problemCount)} problems: nothing was written.\n`);
    return 1;
  } finally {
    await database.close();
  }
}

runCommand(main);
