// Bank holidays as data: a fresh database holds the shipped England and Wales table
// (migration 0002), loadCalendar answers from it, and `npm run holidays -- --file F` (built by
// `npm test` into dist/) adds years from the government's bank-holidays JSON, or, given a
// malformed file, says what is wrong and changes nothing.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BankHolidaysMissingError, coveredYears, loadCalendar, upsertBankHolidays } from '../src/db/bank-holidays.js';
import { openDatabase, type SqlSession } from '../src/db/connection.js';
import { createPostgresDatabase, openTestDatabase, realPostgresUrl, type TestDatabase } from './support/database.js';

const shipped = readFileSync('src/domain/bank-holidays-england-and-wales.csv', 'utf8').trim().split('\n').slice(1);

interface StoredHoliday {
  date: string;
  title: string | null;
  division: string;
  source: string | null;
}

async function storedHolidays(session: SqlSession): Promise<StoredHoliday[]> {
  return session.query<StoredHoliday & Record<string, unknown>>(
    `SELECT holiday_date::text AS date, title, division, source FROM carebridge.bank_holiday ORDER BY holiday_date`,
  );
}

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(async () => {
  await test?.close();
});

describe('carebridge.bank_holiday', () => {
  it('holds the shipped table, 2000–2028, in a fresh migrated database', async () => {
    expect(shipped).toHaveLength(238);
    const rows = await storedHolidays(test.database);
    expect(rows.map((row) => row.date)).toEqual(shipped);
    for (const row of rows) {
      expect(row).toEqual({ date: row.date, title: null, division: 'england-and-wales', source: 'shipped table 2000–2028' });
    }
    expect(await coveredYears(test.database)).toEqual({ firstYear: 2000, lastYear: 2028, count: shipped.length });
  });

  it('loadCalendar answers the rules.md examples from it, and a year it does not hold from the standing rules, provisionally', async () => {
    const calendar = await loadCalendar(test.database);
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2000, 2028]);
    expect(calendar.addWorkingDays('2023-05-04', 15)).toBe('2023-05-26');
    expect(calendar.addWorkingDays('2023-12-18', 20)).toBe('2024-01-18');
    expect(calendar.isWorkingDay('2022-09-19')).toBe(false);
    expect(calendar.workingDaysAfter('2028-12-29', 1)).toEqual({ dueOn: '2029-01-02', provisional: true });

    const closedAtChristmas = await loadCalendar(test.database, ['12-27', '12-28', '12-29', '12-30', '12-31']);
    expect(closedAtChristmas.addWorkingDays('2023-12-18', 20)).toBe('2024-01-23');
  });

  it('upsertBankHolidays adds, updates and counts unchanged rows; a year missing between others is refused', async () => {
    const rollback = new Error('rollback');
    await expect(
      test.database.transaction(async (session) => {
        const rows = [
          { date: '2023-05-01', title: 'Early May bank holiday', source: 'test' },
          { date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III', source: 'test' },
          { date: '2029-01-01', title: 'New Year’s Day', source: 'test' },
        ];
        expect(await upsertBankHolidays(session, rows)).toEqual({ added: 1, updated: 2, unchanged: 0 });
        expect(await upsertBankHolidays(session, rows)).toEqual({ added: 0, updated: 0, unchanged: 3 });
        const calendar = await loadCalendar(session);
        expect(calendar.lastYear).toBe(2029);
        expect(calendar.isWorkingDay('2029-01-01')).toBe(false);
        expect(calendar.addWorkingDays('2028-12-29', 1)).toBe('2029-01-02');

        await expect(upsertBankHolidays(session, [rows[2]!, rows[2]!])).rejects.toThrow('bank holiday 2029-01-01 is given twice');
        await upsertBankHolidays(session, [{ date: '2031-01-01', title: 'New Year’s Day' }]);
        await expect(loadCalendar(session)).rejects.toThrow(BankHolidaysMissingError);
        await expect(loadCalendar(session)).rejects.toThrow('No England and Wales bank holidays are stored for 2030, between 2000 and 2031');
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await storedHolidays(test.database)).toHaveLength(shipped.length);
  });
});

// ---------------------------------------------------------------------------------------------

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.resolve('dist/cli/holidays.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const event = (title: string, date: string) => ({ title, date, notes: '', bunting: true });

/** A made-up list in the government's format: England and Wales for 2029 (and two 2028 days), with other divisions. */
const governmentList = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      event('Christmas Day', '2028-12-25'),
      event('Boxing Day', '2028-12-26'),
      event('New Year’s Day', '2029-01-01'),
      event('Good Friday', '2029-03-30'),
      event('Easter Monday', '2029-04-02'),
      event('Early May bank holiday', '2029-05-07'),
      event('Spring bank holiday', '2029-05-28'),
      event('Summer bank holiday', '2029-08-27'),
      event('Christmas Day', '2029-12-25'),
      event('Boxing Day', '2029-12-26'),
    ],
  },
  scotland: { division: 'scotland', events: [event('2nd January', '2029-01-02'), event('St Andrew’s Day', '2029-11-30')] },
  'northern-ireland': { division: 'northern-ireland', events: [event('St Patrick’s Day', '2029-03-19')] },
};

describe('npm run holidays -- --file F', () => {
  it('adds the england-and-wales events of a government file; a malformed one exits 1 and changes nothing', { timeout: 180_000 }, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'carebridge-holidays-'));
    const server = realPostgresUrl ? await createPostgresDatabase(realPostgresUrl) : undefined;
    const env = { CAREBRIDGE_DATA_DIR: path.join(folder, 'data'), ...(server ? { DATABASE_URL: server.url } : {}) };
    const write = (name: string, content: unknown) => {
      const file = path.join(folder, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return file;
    };
    /** Opens the CLI's database between runs (PGlite admits one process at a time). */
    const inspect = async () => {
      const database = await openDatabase({ url: server?.url, dataDir: env.CAREBRIDGE_DATA_DIR, ssdSchema: 'public' });
      try {
        return { rows: await storedHolidays(database), calendar: await loadCalendar(database) };
      } finally {
        await database.close();
      }
    };
    try {
      const good = write('bank-holidays.json', governmentList);
      const loaded = run(['--file', good], env);
      expect(loaded.stdout).toBe(
        'england-and-wales: 10 events (8 added, 2 updated, 0 unchanged); ignored: scotland, northern-ireland\n' +
          'Bank holidays now cover 2000–2029 (246 days).\n',
      );
      // The file lists only two of 2028's eight holidays: the others are kept, with a warning.
      const warnings = shipped.filter((date) => date.startsWith('2028-') && !['2028-12-25', '2028-12-26'].includes(date));
      expect(loaded.stderr).toBe(warnings.map((date) => `warning: ${date} is stored but not in ${good}, which lists its year: kept\n`).join(''));
      expect(loaded.code).toBe(0);

      const after = await inspect();
      expect(after.rows).toHaveLength(shipped.length + 8);
      expect(after.rows.find((row) => row.date === '2028-12-25')).toEqual({
        date: '2028-12-25',
        title: 'Christmas Day',
        division: 'england-and-wales',
        source: 'bank-holidays JSON bank-holidays.json',
      });
      expect([after.calendar.firstYear, after.calendar.lastYear]).toEqual([2000, 2029]);
      expect(after.calendar.addWorkingDays('2029-03-29', 1)).toBe('2029-04-03'); // Good Friday, weekend, Easter Monday
      expect(after.calendar.addWorkingDays('2028-12-22', 5)).toBe('2029-01-03'); // runs into 2029 now
      expect(after.calendar.isWorkingDay('2029-01-02')).toBe(true); // Scotland's holiday ignored
      expect(after.calendar.isWorkingDay('2029-03-19')).toBe(true); // Northern Ireland's too

      const again = run(['--file', good], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^england-and-wales: 10 events \(0 added, 0 updated, 10 unchanged\)/);

      const malformed = write('malformed.json', {
        'england-and-wales': {
          division: 'england-and-wales',
          events: [event('New Year’s Day', '2030-01-01'), event('Good Friday', '2030-02-30'), { date: '2030-04-22', notes: '', bunting: true }],
        },
      });
      const rejected = run(['--file', malformed], env);
      expect(rejected).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `${malformed}: england-and-wales.events[1].date: must be a real date, yyyy-mm-dd\n` +
          `${malformed}: england-and-wales.events[2].title: missing\n` +
          '2 problems: nothing was written.\n',
      });

      const duplicated = write('duplicated.json', {
        'england-and-wales': { division: 'england-and-wales', events: [event('A', '2030-01-01'), event('B', '2030-01-01')] },
      });
      expect(run(['--file', duplicated], env).stderr).toBe(
        `${duplicated}: england-and-wales.events[1].date: 2030-01-01 is already events[0]\n1 problems: nothing was written.\n`,
      );
      const noDivision = write('scotland-only.json', { scotland: governmentList.scotland });
      expect(run(['--file', noDivision], env)).toMatchObject({ code: 1, stderr: `${noDivision}: england-and-wales: missing\n1 problems: nothing was written.\n` });
      const notJson = write('not-json.json', '{"england-and-wales": ');
      expect(run(['--file', notJson], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^.*not-json\.json: not JSON: /) });

      // Valid, but it would leave 2030 without holidays between 2029 and 2031: refused, rolled back.
      const gap = write('gap.json', { 'england-and-wales': { division: 'england-and-wales', events: [event('New Year’s Day', '2031-01-01')] } });
      expect(run(['--file', gap], env)).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `${gap}: No England and Wales bank holidays are stored for 2030, between 2000 and 2031: load that year too (npm run holidays -- --file F)\n` +
          'Nothing was written.\n',
      });

      const unchanged = await inspect();
      expect(unchanged.rows).toEqual(after.rows);
      expect(unchanged.calendar.lastYear).toBe(2029);
      expect(unchanged.calendar.isDerivedHoliday('2030-01-01')).toBe(true);

      expect(run([], env)).toMatchObject({ code: 1, stderr: 'usage: npm run holidays -- --file <bank-holidays.json>\n' });
    } finally {
      await server?.drop();
    }
  });
});
