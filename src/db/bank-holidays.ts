// The working-day calendar's data: England and Wales bank holidays in carebridge.bank_holiday
// (seeded by migration 0002 from src/domain/bank-holidays-england-and-wales.csv, extended by
// `npm run holidays`). A calendar covers the years from the first to the last holiday stored;
// a year in between with no holiday stored is missing data, refused rather than read as a
// year without bank holidays.

import { isIsoDate, WorkingDayCalendar } from '../domain/calendar.js';
import type { IsoDate } from '../domain/facts.js';
import type { SqlSession } from './connection.js';
import { LoggableError } from '../log.js';

export const englandAndWales = 'england-and-wales';

export interface BankHolidayRow {
  date: IsoDate;
  title?: string | null;
  /** Default england-and-wales: the only division the calendar reads. */
  division?: string;
  /** Where the row came from, e.g. the file it was loaded from. */
  source?: string | null;
}

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface CoveredYears {
  firstYear: number;
  lastYear: number;
  /** England and Wales bank holidays stored. */
  count: number;
}

/** No bank holiday stored at all, or none for a year between the first and the last stored. */
export class BankHolidaysMissingError extends LoggableError {
  override readonly name = 'BankHolidaysMissingError';
}

/** The years the stored England and Wales bank holidays cover; throws when a year in between has none. */
export async function coveredYears(session: SqlSession): Promise<CoveredYears> {
  const rows = await session.query<{ year: number; holidays: number }>(
    `SELECT extract(year FROM holiday_date)::int AS year, count(*)::int AS holidays
       FROM carebridge.bank_holiday WHERE division = $1 GROUP BY 1 ORDER BY 1`,
    [englandAndWales],
  );
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) {
    throw new BankHolidaysMissingError(
      'No England and Wales bank holidays are stored (carebridge.bank_holiday is empty): load them with npm run holidays -- --file F',
    );
  }
  const stored = new Set(rows.map((row) => Number(row.year)));
  const missing: number[] = [];
  for (let year = Number(first.year); year <= Number(last.year); year++) if (!stored.has(year)) missing.push(year);
  if (missing.length > 0) {
    throw new BankHolidaysMissingError(
      `No England and Wales bank holidays are stored for ${missing.join(', ')}, between ${first.year} and ${last.year}: ` +
        `load ${missing.length === 1 ? 'that year' : 'those years'} too (npm run holidays -- --file F)`,
    );
  }
  const count = rows.reduce((sum, row) => sum + Number(row.holidays), 0);
  return { firstYear: Number(first.year), lastYear: Number(last.year), count };
}

/** A working-day calendar over the stored England and Wales bank holidays, plus local policy days. */
export async function loadCalendar(session: SqlSession, localNonWorkingDays: string[] = []): Promise<WorkingDayCalendar> {
  const { firstYear, lastYear } = await coveredYears(session);
  const rows = await session.query<{ date: string }>(
    `SELECT holiday_date::text AS date FROM carebridge.bank_holiday WHERE division = $1 ORDER BY holiday_date`,
    [englandAndWales],
  );
  return new WorkingDayCalendar({ holidays: rows.map((row) => row.date), firstYear, lastYear, localNonWorkingDays });
}

const batchSize = 1000;

/**
 * Inserts new holidays and updates stored ones whose title, division or source differ; never
 * removes one. Counts what happened to each row.
 */
export async function upsertBankHolidays(session: SqlSession, rows: readonly BankHolidayRow[]): Promise<UpsertCounts> {
  const seen = new Set<string>();
  for (const row of rows) {
    if (!isIsoDate(row.date)) throw new RangeError(`bank holiday is not an ISO date: ${row.date}`);
    if (seen.has(row.date)) throw new RangeError(`bank holiday ${row.date} is given twice`);
    seen.add(row.date);
  }
  const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params: unknown[] = [];
    const values = batch.map((row) => {
      params.push(row.date, row.title ?? null, row.division ?? englandAndWales, row.source ?? null);
      const n = params.length;
      return `($${n - 3}::date, $${n - 2}::text, $${n - 1}::varchar, $${n}::text)`;
    });
    // xmax = 0 only on a freshly inserted row; unchanged rows are not returned at all.
    const written = await session.query<{ inserted: boolean }>(
      `INSERT INTO carebridge.bank_holiday AS stored (holiday_date, title, division, source)
       VALUES ${values.join(', ')}
       ON CONFLICT (holiday_date) DO UPDATE
         SET title = excluded.title, division = excluded.division, source = excluded.source
         WHERE (stored.title, stored.division, stored.source) IS DISTINCT FROM (excluded.title, excluded.division, excluded.source)
       RETURNING (xmax = 0) AS inserted`,
      params,
    );
    const added = written.filter((row) => row.inserted).length;
    counts.added += added;
    counts.updated += written.length - added;
    counts.unchanged += batch.length - written.length;
  }
  return counts;
}

/** Stored England and Wales holidays in the given years: what a new list for those years would be compared with. */
export async function storedHolidaysIn(session: SqlSession, years: readonly number[]): Promise<IsoDate[]> {
  if (years.length === 0) return [];
  const rows = await session.query<{ date: string }>(
    `SELECT holiday_date::text AS date FROM carebridge.bank_holiday
      WHERE division = $1 AND extract(year FROM holiday_date)::int = ANY (string_to_array($2, ',')::int[])
      ORDER BY holiday_date`,
    [englandAndWales, years.join(',')],
  );
  return rows.map((row) => row.date);
}
