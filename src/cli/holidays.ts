// `npm run holidays -- --file F`: loads England and Wales bank holidays from a file in the
// government's published bank-holidays JSON format (https://www.gov.uk/bank-holidays.json) into
// carebridge.bank_holiday, the working-day calendar's data. Other divisions are ignored.
// A file with any problem is reported as `file: path: problem` and nothing is written.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { BankHolidaysMissingError, coveredYears, englandAndWales, storedHolidaysIn, upsertBankHolidays } from '../db/bank-holidays.js';
import { openDatabase } from '../db/connection.js';
import { announceDataChanged } from '../db/data-changes.js';
import { migrateDatabase } from '../db/migrate.js';
import { isIsoDate } from '../domain/calendar.js';
import { parseCommandLine, runCommand, UsageError } from './command.js';

const usage = 'usage: npm run holidays -- --file <bank-holidays.json>';

const event = z.object({
  title: z.string().trim().min(1, 'must be a non-empty title'),
  date: z.string().refine(isIsoDate, 'must be a real date, yyyy-mm-dd'),
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const division = z.object({
  division: z.literal(englandAndWales, `must be "${englandAndWales}"`),
  events: z
    .array(event)
    .min(1, 'must list at least one event')
    .superRefine((events, context) => {
      const first = new Map<string, number>();
      events.forEach((item, index) => {
        const earlier = first.get(item.date);
        if (earlier === undefined) first.set(item.date, index);
        else context.addIssue({ code: 'custom', path: [index, 'date'], message: `${item.date} is already events[${earlier}]` });
      });
    }),
});

const bankHolidaysFile = z.looseObject({
  [englandAndWales]: division,
});

type BankHolidaysFile = z.infer<typeof bankHolidaysFile>;

function formatPath(issuePath: readonly PropertyKey[]): string {
  let text = '';
  for (const key of issuePath) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text || '(top level)';
}

/** The file's england-and-wales events, or its problems as `file: path: problem`. */
function readBankHolidaysFile(file: string): { file: BankHolidaysFile } | { problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problems: [`${file}: cannot be read: ${(error as Error).message}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [`${file}: not JSON: ${(error as Error).message}`] };
  }
  const parsed = bankHolidaysFile.safeParse(json);
  if (parsed.success) return { file: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
      return `${file}: ${formatPath(issue.path)}: ${missing ? 'missing' : issue.message}`;
    }),
  };
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(() => parseArgs({ options: { file: { type: 'string' } } }), usage);
  if (!values.file) throw new UsageError(usage);
  const file = values.file;

  const read = readBankHolidaysFile(file);
  if ('problems' in read) {
    for (const problem of read.problems) process.stderr.write(`${problem}\n`);
    process.stderr.write(`${read.problems.length} problems: nothing was written.\n`);
    return 1;
  }
  const events = read.file[englandAndWales].events;
  const ignored = Object.keys(read.file).filter((key) => key !== englandAndWales);
  const source = `bank-holidays JSON ${path.basename(file)}`;

  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, ssdSchema: config.ssdSchema });
  try {
    await migrateDatabase(database, config.migrationUrl);
    const outcome = await database.transaction(async (session) => {
      const counts = await upsertBankHolidays(
        session,
        events.map((item) => ({ date: item.date, title: item.title, division: englandAndWales, source })),
      );
      const years = [...new Set(events.map((item) => Number(item.date.slice(0, 4))))].sort((a, b) => a - b);
      const listed = new Set(events.map((item) => item.date));
      const notListed = (await storedHolidaysIn(session, years)).filter((date) => !listed.has(date));
      // Throws (and so rolls back) when the file would leave a year without holidays between others.
      const covered = await coveredYears(session);
      // Running services reload their calendar once this commits.
      await announceDataChanged(session);
      return { counts, covered, notListed };
    });
    const { counts, covered, notListed } = outcome;
    const ignoredNote = ignored.length > 0 ? `; ignored: ${ignored.join(', ')}` : '';
    process.stdout.write(
      `${englandAndWales}: ${events.length} events (${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged)${ignoredNote}\n`,
    );
    process.stdout.write(`Bank holidays now cover ${covered.firstYear}–${covered.lastYear} (${covered.count} days).\n`);
    for (const date of notListed) {
      process.stderr.write(`warning: ${date} is stored but not in ${file}, which lists its year: kept\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BankHolidaysMissingError)) throw error;
    process.stderr.write(`${file}: ${error.message}\nNothing was written.\n`);
    return 1;
  } finally {
    await database.close();
  }
}

runCommand(main);
