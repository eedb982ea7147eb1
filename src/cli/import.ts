// `npm run import -- --dir D [--dry-run] [--replace] [--encoding E]`: loads an SSD extract folder
// into the configured database, all or nothing (shared/contract/README.md, "Commands"). The exit
// status is the import's: 0 once it committed, whatever storing the due dates afterwards does
// (that is reported on stderr; the service stores them when it next starts).

import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/connection.js';
import { migrateDatabase } from '../db/migrate.js';
import { loadCalendar } from '../db/bank-holidays.js';
import { pino } from 'pino';
import { refreshDueDateStore } from '../db/due-date-store.js';
import { dueDateComputer } from '../db/due-date-workers.js';
import { createLogger } from '../log.js';
import { todayInLondon } from '../domain/calendar.js';
import { importFolder, type ImportReport } from '../import/import-folder.js';
import { formatNotice, formatProblem } from '../import/problems.js';
import { extractEncoding, extractEncodings } from '../import/read-file.js';
import { failureReason, parseCommandLine, runCommand, UsageError } from './command.js';

const usage = 'usage: npm run import -- --dir <folder> [--dry-run] [--replace] [--encoding utf-8|windows-1252]';

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
  for (const notice of report.notices) lines.push(`notice: ${formatNotice(notice)}`);
  const rows = report.files.reduce((sum, file) => sum + file.rows, 0);
  const seconds = report.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(rows / seconds) : rows;
  if (report.ok) {
    const outcome = report.dryRun ? 'Dry run: the extract is valid; nothing was written.' : 'Committed.';
    lines.push(`${number(rows)} rows from ${report.files.length} files in ${seconds.toFixed(1)} s (${number(rate)} rows/s). ${outcome}`);
  }
  return lines;
}

/**
 * Stores the due dates for BI after a committed import. A failure here is reported, not thrown:
 * the import itself is committed; BI answers compute on the fly until the service's next start
 * stores them (src/service.ts).
 */
async function storeDueDates(database: Database, config: Config): Promise<void> {
  const started = Date.now();
  try {
    const calendar = await loadCalendar(database, config.policy.localNonWorkingDays);
    // Children a rule cannot read are left out and counted on stderr (never named: src/log.ts).
    const logger = createLogger(config.logLevel, pino.destination(2));
    const computer = dueDateComputer(config.bulkWorkers, logger);
    try {
      const stored = await refreshDueDateStore(database, { calendar, policy: config.policy, labels: config.labels, logger, computer }, todayInLondon());
      if (stored !== null) process.stdout.write(`due dates stored for BI: ${number(stored)} in ${number(Date.now() - started)} ms\n`);
    } finally {
      await computer.close();
    }
  } catch (error) {
    process.stderr.write(`due dates not stored for BI (the import is committed; BI answers compute on the fly until the service, on its next start, stores them): ${failureReason(error)}\n`);
  }
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(() =>
    parseArgs({
      options: { dir: { type: 'string' }, 'dry-run': { type: 'boolean' }, replace: { type: 'boolean' }, encoding: { type: 'string' } },
    }),
  usage);
  if (!values.dir) throw new UsageError(usage);
  const encoding = extractEncoding(values.encoding ?? 'utf-8');
  if (!encoding) {
    throw new UsageError(`--encoding ${values.encoding}: not an encoding the import reads (${extractEncodings.join(', ')})\n${usage}`);
  }
  if (!existsSync(values.dir) || !statSync(values.dir).isDirectory()) throw new UsageError(`${values.dir}: not a folder\n${usage}`);
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, ssdSchema: config.ssdSchema });
  try {
    await migrateDatabase(database, config.migrationUrl);
    const report = await importFolder(database, {
      dir: values.dir,
      labels: config.labels,
      encoding,
      dryRun: values['dry-run'],
      replace: values.replace,
      onProgress: (message) => process.stderr.write(`${message}\n`),
    });
    for (const line of describeReport(report)) process.stdout.write(`${line}\n`);
    if (report.ok && !values['dry-run']) await storeDueDates(database, config);
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
