// The working-day calendar (rules.md, "Conventions"): "within N working days of D" is due on
// the N-th working day after D, D not counted; weekends, England and Wales bank holidays and
// an authority's extra local non-working days are skipped; outside the years whose bank
// holidays are loaded the standing rules give them, and a count that skips such a day is provisional.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, easterSunday, isIsoDate, standingBankHolidays, todayInLondon, WorkingDayCalendar } from '../src/domain/calendar.js';

const shipped = readFileSync('src/domain/bank-holidays-england-and-wales.csv', 'utf8').trim().split('\n').slice(1);
const calendar = new WorkingDayCalendar({ holidays: shipped, firstYear: 2000, lastYear: 2028 });
const closedAtChristmas = ['12-27', '12-28', '12-29', '12-30', '12-31'];
const localCalendar = new WorkingDayCalendar({ holidays: shipped, firstYear: 2000, lastYear: 2028, localNonWorkingDays: closedAtChristmas });

describe('WorkingDayCalendar.addWorkingDays: "within N working days of D"', () => {
  it.each([
    // rules.md's own examples
    { rule: 'CP-ICPC', from: '2023-05-04', n: 15, due: '2023-05-26', why: 'rules.md: Thu 4 May 2023 → Fri 26 May (8 May 2023 coronation holiday)' },
    { rule: 'CIC-REVIEW-1', from: '2023-12-18', n: 20, due: '2024-01-18', why: 'rules.md: looked after Mon 18 Dec 2023 → Thu 18 Jan 2024' },
    // Christmas, Boxing Day 2023 and New Year 2024
    { rule: 'CP-CORE-GROUP', from: '2023-12-22', n: 10, due: '2024-01-10', why: '25, 26 Dec and 1 Jan skipped' },
    { rule: 'CP-CORE-GROUP', from: '2023-12-22', n: 1, due: '2023-12-27', why: 'weekend, Christmas and Boxing Day before the due date' },
    { rule: 'CP-CORE-GROUP', from: '2023-12-26', n: 1, due: '2023-12-27', why: 'due between Boxing Day and New Year' },
    { rule: 'CP-CORE-GROUP', from: '2023-12-29', n: 1, due: '2024-01-02', why: 'weekend and New Year’s Day' },
    { rule: 'CP-CORE-GROUP', from: '2023-12-24', n: 1, due: '2023-12-27', why: 'from a Sunday, over two holidays' },
    // Easter 2024: Good Friday 29 Mar, Easter Monday 1 Apr
    { rule: 'CIC-CARE-PLAN', from: '2024-03-25', n: 10, due: '2024-04-10', why: 'Good Friday and Easter Monday skipped' },
    { rule: 'CIC-CARE-PLAN', from: '2024-03-27', n: 1, due: '2024-03-28', why: 'due the day before Good Friday' },
    { rule: 'CIC-CARE-PLAN', from: '2024-03-28', n: 1, due: '2024-04-02', why: 'Good Friday, weekend, Easter Monday' },
    // 2022's one-off days: spring bank holiday moved to Thu 2 Jun, Platinum Jubilee Fri 3 Jun, State Funeral Mon 19 Sep
    { rule: 'CP-ICPC', from: '2022-05-25', n: 15, due: '2022-06-17', why: '30 May 2022 a working day; 2 and 3 Jun not' },
    { rule: 'CP-ICPC', from: '2022-05-31', n: 1, due: '2022-06-01', why: 'due the day before the moved spring bank holiday' },
    { rule: 'CP-ICPC', from: '2022-06-01', n: 1, due: '2022-06-06', why: '2 Jun spring bank holiday, 3 Jun Platinum Jubilee, weekend' },
    { rule: 'CP-ICPC', from: '2022-09-16', n: 1, due: '2022-09-20', why: 'weekend and State Funeral 19 Sep 2022' },
    // 2023: early May bank holiday 1 May and the coronation 8 May
    { rule: 'CP-ICPC', from: '2023-04-28', n: 5, due: '2023-05-09', why: 'due between 1 May and 8 May holidays, both skipped' },
    { rule: 'CP-ICPC', from: '2023-05-05', n: 1, due: '2023-05-09', why: 'weekend and coronation 8 May 2023' },
    // Weekends
    { rule: 'working day', from: '2023-06-02', n: 1, due: '2023-06-05', why: 'Friday → Monday' },
    { rule: 'working day', from: '2023-06-03', n: 1, due: '2023-06-05', why: 'Saturday → Monday' },
    { rule: 'working day', from: '2023-06-03', n: 5, due: '2023-06-09', why: 'Saturday + 5 → Friday' },
    { rule: 'working day', from: '2023-06-04', n: 0, due: '2023-06-04', why: 'n = 0 is the date itself, even a Sunday' },
    { rule: 'working day', from: '2024-02-28', n: 2, due: '2024-03-01', why: '29 Feb in a leap year' },
  ])('$rule: $n working days after $from is $due ($why)', ({ from, n, due }) => {
    expect(calendar.addWorkingDays(from, n)).toBe(due);
    expect(calendar.workingDaysBetween(from, due)).toBe(n);
  });

  it('extra local non-working days (27–31 December) move a due date; none by default', () => {
    expect(localCalendar.addWorkingDays('2023-12-18', 20)).toBe('2024-01-23');
    expect(localCalendar.addWorkingDays('2023-12-22', 1)).toBe('2024-01-02');
    expect(localCalendar.isWorkingDay('2025-12-29')).toBe(false);
    expect(calendar.isWorkingDay('2025-12-29')).toBe(true);
    // one-off dates in yyyy-mm-dd form do the same for that year only
    const oneOff = new WorkingDayCalendar({
      holidays: shipped,
      firstYear: 2000,
      lastYear: 2028,
      localNonWorkingDays: ['2023-12-27', '2023-12-28', '2023-12-29'],
    });
    expect(oneOff.addWorkingDays('2023-12-18', 20)).toBe('2024-01-23');
    expect(oneOff.isWorkingDay('2024-12-27')).toBe(true);
    expect(() => new WorkingDayCalendar({ holidays: [], firstYear: 2023, lastYear: 2023, localNonWorkingDays: ['27 Dec'] })).toThrow(
      /neither yyyy-mm-dd nor mm-dd: 27 Dec/,
    );
  });
});

describe('WorkingDayCalendar.isWorkingDay and workingDaysBetween', () => {
  it.each([
    ['2023-05-08', false, 'coronation'],
    ['2022-06-02', false, 'spring bank holiday, moved'],
    ['2022-06-03', false, 'Platinum Jubilee'],
    ['2022-05-30', true, 'the last Monday of May 2022 was a working day'],
    ['2022-09-19', false, 'State Funeral'],
    ['2024-03-29', false, 'Good Friday'],
    ['2024-04-01', false, 'Easter Monday'],
    ['2023-12-25', false, 'Christmas Day'],
    ['2024-01-01', false, 'New Year’s Day'],
    ['2023-06-03', false, 'Saturday'],
    ['2023-06-04', false, 'Sunday'],
    ['2023-06-05', true, 'Monday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('counts working days after from up to and including to; negative backwards', () => {
    expect(calendar.workingDaysBetween('2023-05-04', '2023-05-26')).toBe(15);
    expect(calendar.workingDaysBetween('2023-05-04', '2023-05-04')).toBe(0);
    expect(calendar.workingDaysBetween('2023-12-24', '2023-12-26')).toBe(0);
    expect(calendar.workingDaysBetween('2023-05-26', '2023-05-04')).toBe(-15);
  });
});

describe('WorkingDayCalendar outside the loaded years: the standing rules (rules.md, "Working day")', () => {
  it.each([
    { year: 1999, easter: '1999-04-04' },
    { year: 2029, easter: '2029-04-01' },
    { year: 2035, easter: '2035-03-25' },
    { year: 1900, easter: '1900-04-15' },
    { year: 2285, easter: '2285-03-22', why: 'the earliest Easter can fall' },
    { year: 2038, easter: '2038-04-25', why: 'the latest Easter can fall' },
  ])('working day: Easter $year is $easter (Gregorian computus); Good Friday and Easter Monday are derived holidays', ({ year, easter }) => {
    expect(easterSunday(year)).toBe(easter);
    for (const day of [addDays(easter, -2), addDays(easter, 1)]) {
      expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.isDerivedHoliday(day)).toBe(true);
    }
    expect(calendar.isWorkingDay(addDays(easter, -3))).toBe(true);
  });

  it.each([
    { year: 2032, christmas: 'Saturday', days: ['2032-12-27', '2032-12-28'] },
    { year: 2033, christmas: 'Sunday', days: ['2033-12-26', '2033-12-27'] },
    { year: 1999, christmas: 'Saturday', days: ['1999-12-27', '1999-12-28'] },
    { year: 2030, christmas: 'Wednesday', days: ['2030-12-25', '2030-12-26'] },
  ])('working day: Christmas $year on a $christmas gives $days', ({ year, days }) => {
    expect(standingBankHolidays(year).filter((day) => day >= `${year}-12-01`)).toEqual(days);
  });

  it('working day: New Year’s Day, early May, spring and summer bank holidays of 2033 by the standing rules', () => {
    expect(standingBankHolidays(2033)).toEqual([
      '2033-01-03', // 1 Jan a Saturday: Monday 3rd
      '2033-04-15',
      '2033-04-18',
      '2033-05-02',
      '2033-05-30',
      '2033-08-29',
      '2033-12-26',
      '2033-12-27',
    ]);
  });

  it('working day: the loaded list wins within its years (2022-09-19, 2020-05-08), the standing rules outside them', () => {
    expect(calendar.isWorkingDay('2022-09-19')).toBe(false);
    expect(calendar.isDerivedHoliday('2022-09-19')).toBe(false);
    expect(calendar.isWorkingDay('2020-05-04')).toBe(true); // early May moved to VE Day, Fri 8 May
    expect(calendar.isWorkingDay('2020-05-08')).toBe(false);
    expect(calendar.isDerivedHoliday('2028-12-25')).toBe(false); // loaded
    expect(calendar.isWorkingDay('2029-01-01')).toBe(false);
    expect(calendar.isDerivedHoliday('2029-01-01')).toBe(true);
  });

  it.each([
    { rule: 'CP-ICPC', from: '2029-03-26', n: 15, due: '2029-04-18', provisional: true, why: 'Good Friday 30 Mar and Easter Monday 2 Apr 2029 derived' },
    { rule: 'CP-CORE-GROUP', from: '2028-12-20', n: 6, due: '2029-01-02', provisional: true, why: 'across into 2029: 1 Jan 2029 derived' },
    { rule: 'CIC-REVIEW-1', from: '2029-02-01', n: 20, due: '2029-03-01', provisional: false, why: 'in 2029 but no bank holiday counted' },
    { rule: 'CP-ICPC', from: '2023-05-04', n: 15, due: '2023-05-26', provisional: false, why: 'within the loaded years' },
    { rule: 'CIN-ASSESSMENT', from: '1999-12-31', n: 45, due: '2000-03-06', provisional: false, why: 'a 1999-12-31 referral: the day itself is not counted, every counted day is in loaded 2000' },
    { rule: 'CP-ICPC', from: '1900-01-01', n: 15, due: '1900-01-22', provisional: false, why: 'a placeholder date: no bank holiday in the span' },
    { rule: 'CP-ICPC', from: '1999-12-20', n: 15, due: '2000-01-13', provisional: true, why: 'Christmas 1999 (Sat) moved to Mon 27, Boxing Day to Tue 28: derived (the real one-off 31 Dec 1999 is not)' },
  ])('$rule: $n working days after $from is $due, provisional $provisional ($why)', ({ from, n, due, provisional }) => {
    expect(calendar.workingDaysAfter(from, n)).toEqual({ dueOn: due, provisional });
    expect(calendar.addWorkingDays(from, n)).toBe(due);
    expect(calendar.workingDaysBetween(from, due)).toBe(n);
  });

  it('answers for every four-digit year and no further; questions are bounded to 1900–2999', () => {
    expect(calendar.addWorkingDays('0001-01-01', 1)).toBe('0001-01-02');
    expect(calendar.addWorkingDays('9999-12-01', 10)).toBe('9999-12-15');
    expect(() => calendar.addWorkingDays('9999-12-20', 45)).toThrow(RangeError);
    expect(calendar.problemWith('1900-01-01')).toBeNull();
    expect(calendar.problemWith('2999-12-31')).toBeNull();
    expect(calendar.problemWith('1899-12-31')).toBe('must be from 1900-01-01 to 2999-12-31');
    expect(calendar.problemWith('9999-01-01')).toBe('must be from 1900-01-01 to 2999-12-31');
  });

  it('tells a malformed date or count, and refuses holidays outside its years', () => {
    expect(() => calendar.isWorkingDay('2023-02-30')).toThrow('not an ISO date: 2023-02-30');
    expect(() => calendar.addWorkingDays('2023-05-04', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2023-05-04', 1.5)).toThrow(RangeError);
    expect(() => new WorkingDayCalendar({ holidays: ['2029-01-01'], firstYear: 2028, lastYear: 2028 })).toThrow(
      'bank holiday 2029-01-01 is outside the calendar',
    );
  });
});

describe('the standing rules against the loaded list (fast-check)', () => {
  /** Days the government added or moved in 2000–2028, which no standing rule gives: [derived but not loaded, loaded but not derived]. */
  const oneOffs: Record<number, { notLoaded: string[]; loaded: string[]; why: string }> = {
    2002: { notLoaded: ['2002-05-27'], loaded: ['2002-06-03', '2002-06-04'], why: 'Golden Jubilee: spring bank holiday moved to 3 Jun, Jubilee 4 Jun' },
    2011: { notLoaded: [], loaded: ['2011-04-29'], why: 'royal wedding' },
    2012: { notLoaded: ['2012-05-28'], loaded: ['2012-06-04', '2012-06-05'], why: 'Diamond Jubilee: spring bank holiday moved to 4 Jun, Jubilee 5 Jun' },
    2020: { notLoaded: ['2020-05-04'], loaded: ['2020-05-08'], why: 'early May bank holiday moved to VE Day' },
    2022: { notLoaded: ['2022-05-30'], loaded: ['2022-06-02', '2022-06-03', '2022-09-19'], why: 'Platinum Jubilee (spring moved to 2 Jun, Jubilee 3 Jun); State Funeral 19 Sep' },
    2023: { notLoaded: [], loaded: ['2023-05-08'], why: 'coronation of King Charles III' },
  };

  it('for every loaded year 2000–2028, the derived list is the loaded list but for the known one-off and moved days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2028 }), (year) => {
        const loaded = shipped.filter((day) => day.startsWith(`${year}-`));
        const known = oneOffs[year] ?? { notLoaded: [] as string[], loaded: [] as string[] };
        const expected = [...loaded.filter((day) => !known.loaded.includes(day)), ...known.notLoaded].sort();
        expect(standingBankHolidays(year)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('WorkingDayCalendar properties (fast-check)', () => {
  const holidays = new Set(shipped);
  /** Day by day, with Date objects: slow and obviously right. */
  function reference(date: string, n: number): string {
    let day = date;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, 1);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) counted++;
    }
    return day;
  }
  // 2001-01-01 to 2027-12-31
  const dates = fc.integer({ min: 0, max: 9860 }).map((offset) => addDays('2001-01-01', offset));
  const counts = fc.integer({ min: 0, max: 60 });

  it('the n-th working day after d is a working day (n > 0), never before d, and n working days from d', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const due = calendar.addWorkingDays(date, n);
        if (n > 0) expect(calendar.isWorkingDay(due)).toBe(true);
        if (n > 0) expect(due > date).toBe(true);
        else expect(due).toBe(date);
        expect(calendar.workingDaysBetween(date, due)).toBe(n);
        expect(due).toBe(reference(date, n));
      }),
      { numRuns: 2000 },
    );
  });

  it('every day between d and its due date, after d, is a working day or skipped', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const due = calendar.addWorkingDays(date, n);
        let working = 0;
        for (let day = addDays(date, 1); day <= due; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) working++;
        expect(working).toBe(n);
      }),
    );
  });
});

// A case system's placeholders reach the rules as stored: 0001-01-01 must stay in year 1 (a
// JavaScript Date reads years 0–99 as 1900–1999), so a rule counting from it never lands in 1901.
describe('calendar arithmetic at the first years of the era (0001-01-01 placeholders)', () => {
  it('adds days, months and years without moving to the 1900s', () => {
    expect(addDays('0001-01-01', 1)).toBe('0001-01-02');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addMonths('0001-01-31', 1)).toBe('0001-02-28');
    expect(addMonths('0004-01-31', 1)).toBe('0004-02-29');
    expect(addYears('0001-06-15', 18)).toBe('0019-06-15');
  });

  it('knows real dates of year 1 to 99: 0004-02-29 is one, 0100-02-29 is not', () => {
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0001-02-29')).toBe(false);
    expect(isIsoDate('0100-02-29')).toBe(false);
  });
});

describe("todayInLondon: the authority's date, not the server's", () => {
  it.each([
    ['2026-06-30T22:59:59Z', '2026-06-30'],
    ['2026-06-30T23:00:00Z', '2026-07-01'], // BST: London is an hour ahead
    ['2026-12-31T23:59:59Z', '2026-12-31'],
    ['2027-01-01T00:00:00Z', '2027-01-01'], // GMT
    ['2027-01-01T00:00:30Z', '2027-01-01'],
    ['2026-03-29T00:59:59Z', '2026-03-29'], // the clocks go forward at 01:00 UTC
    ['2026-10-24T23:00:00Z', '2026-10-25'], // still BST until 01:00 UTC on the 25th
  ])('at %s it is %s in London', (instant, date) => {
    expect(todayInLondon(new Date(instant))).toBe(date);
  });
});
