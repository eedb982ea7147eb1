// Calendar arithmetic on plain dates (rules.md, "Conventions"): ISO `yyyy-mm-dd` in and out,
// no time zones. "Today" is the date in Europe/London.

import type { IsoDate } from './facts.js';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): [number, number, number] {
  const match = isoDate.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Midnight UTC of a day, overflowing days and months rolled on. Not Date.UTC: it reads years
 * 0–99 as 1900–1999, and a case system's `0001-01-01` placeholder must stay in year 1.
 */
function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** True for a real calendar date in ISO form. */
export function isIsoDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month);
}

/** "Within N months of D": the same day of the month N months later, clamped to the month's end. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, monthLength(targetYear, targetMonth)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parts(date);
  const moved = utcMidnight(year, month - 1, day + days);
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Whole years from a date of birth to a date: the age on that date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [birthYear] = parts(dateOfBirth);
  const [year] = parts(on);
  const age = year - birthYear;
  return addYears(dateOfBirth, age) > on ? age - 1 : age;
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

// London's date changes only on a whole minute (its offsets are whole hours), so one formatting
// per minute answers every request in it.
let lastFormatted = { minute: Number.NaN, date: '' };

export function todayInLondon(now: Date = new Date()): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastFormatted.minute) lastFormatted = { minute, date: londonDate.format(now) };
  return lastFormatted.date;
}

// ---------------------------------------------------------------------------------------------
// Working days (rules.md, "Conventions", "Working day"): Monday to Friday, not an England and
// Wales bank holiday, not one of the authority's extra local non-working days. "Within N
// working days of D" is due on the N-th working day *after* D (D itself is not counted).
//
// The calendar answers for any year from 1 to 9999. Within the years whose official list is
// loaded (carebridge.bank_holiday, src/db/bank-holidays.ts) that list is the truth: it holds the
// one-off and moved days no rule predicts (2022-09-19, 2020-05-08). Outside them the standing
// rules give the days (standingBankHolidays), and a count that skipped such a derived day is
// provisional: the government may yet add or move a day that year. Each year is laid out once,
// on first use, so each question is a Map look-up and an array index or two.

/** A date "within N working days", and whether it counts a bank holiday derived from the standing rules. */
export interface WorkingDayCount {
  dueOn: IsoDate;
  /** True when a day skipped on the way (after the start, up to the due date) is a derived bank holiday. */
  provisional: boolean;
}

export interface WorkingDayCalendarOptions {
  /** England and Wales bank holidays as officially published, `yyyy-mm-dd`, each within firstYear..lastYear. */
  holidays: readonly IsoDate[];
  /** The years the official list is complete for; every other year's holidays are derived from the standing rules. */
  firstYear: number;
  lastYear: number;
  /**
   * Extra local non-working days (policy, default none): `yyyy-mm-dd` for one date, or `mm-dd`
   * for that day every year (`12-27` … `12-31` for an authority that closes between Christmas
   * and New Year).
   */
  localNonWorkingDays?: readonly string[];
}

const monthDay = /^(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** 0 Sunday … 6 Saturday (day number 0, 1970-01-01, was a Thursday). */
function weekdayOf(year: number, month: number, day: number): number {
  return (((dayNumber(year, month, day) + 4) % 7) + 7) % 7;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function monthLength(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1]!;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return format(year, month, day);
}

/** The n-th (1-based; -1 the last) Monday of a month. */
function monday(year: number, month: number, n: number): IsoDate {
  if (n > 0) return format(year, month, 1 + ((8 - weekdayOf(year, month, 1)) % 7) + 7 * (n - 1));
  const last = monthLength(year, month);
  return format(year, month, last - ((weekdayOf(year, month, last) + 6) % 7));
}

/**
 * England and Wales bank holidays of a year by the standing rules (rules.md, "Working day"):
 * New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last
 * Monday of August, Christmas Day and Boxing Day; one that falls at a weekend is moved to the
 * next weekday not already a holiday (Christmas on a Saturday: Monday 27th, Boxing Day Tuesday
 * 28th; on a Sunday: Boxing Day Monday 26th, Christmas Tuesday 27th). Sorted.
 */
export function standingBankHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const fixed = [format(year, 1, 1), format(year, 12, 25), format(year, 12, 26)];
  const days = new Set([addDays(easter, -2), addDays(easter, 1), monday(year, 5, 1), monday(year, 5, -1), monday(year, 8, -1)]);
  const weekend = (date: IsoDate) => {
    const [y, m, d] = parts(date);
    const weekday = weekdayOf(y, m, d);
    return weekday === 0 || weekday === 6;
  };
  for (const date of fixed) if (!weekend(date)) days.add(date);
  for (const date of fixed.filter(weekend)) {
    let moved = addDays(date, 1);
    while (weekend(moved) || days.has(moved)) moved = addDays(moved, 1);
    days.add(moved);
  }
  return [...days].sort();
}

/** One year laid out: which days are working days and derived holidays, and running counts of both. */
interface YearOfDays {
  year: number;
  /** ISO text of each day of the year (0 = 1 January). */
  dates: string[];
  working: Uint8Array;
  /** Working days from 1 January up to and including each day. */
  workingUpTo: Int32Array;
  /** The days of the year that are working days, in order. */
  workingDays: Int32Array;
  /** Bank holidays derived from the standing rules (not the loaded list) up to and including each day. */
  derivedUpTo: Int32Array;
}

/** The years the calendar can lay out: four-digit ISO years. */
const calendarYears = { first: 1, last: 9999 } as const;

/**
 * The dates a question may be asked about (an asOf, a window's ends): far enough either side of
 * any case record (case systems' placeholders are 1900-01-01) while every date an answer works
 * out from them — windows of a year or two, a 400-day look-back — stays a four-digit year.
 */
const questionDates = { from: '1900-01-01', to: '2999-12-31' } as const;

export class WorkingDayCalendar {
  /** The years whose official bank-holiday list is loaded. */
  readonly firstYear: number;
  readonly lastYear: number;
  readonly #official = new Map<number, IsoDate[]>();
  readonly #everyYear: { month: number; day: number }[] = [];
  readonly #oneOff = new Map<number, IsoDate[]>();
  readonly #years = new Map<number, YearOfDays>();
  /** Where each date of a laid-out year is: its year and day of the year. */
  readonly #where = new Map<string, { year: YearOfDays; day: number }>();

  /** What it was made from: another thread makes the same calendar from these. */
  readonly options: WorkingDayCalendarOptions;

  constructor(options: WorkingDayCalendarOptions) {
    this.options = options;
    const { firstYear, lastYear } = options;
    if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear < calendarYears.first || lastYear > calendarYears.last || firstYear > lastYear) {
      throw new RangeError(`a working-day calendar needs whole years firstYear <= lastYear within 1–9999, not ${firstYear}–${lastYear}`);
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    for (let year = firstYear; year <= lastYear; year++) this.#official.set(year, []);
    for (const holiday of options.holidays) {
      if (!isIsoDate(holiday)) throw new RangeError(`bank holiday is not an ISO date: ${holiday}`);
      const listed = this.#official.get(parts(holiday)[0]);
      if (!listed) throw new RangeError(`bank holiday ${holiday} is outside the calendar's years ${firstYear}–${lastYear}`);
      listed.push(holiday);
    }
    for (const local of options.localNonWorkingDays ?? []) {
      const recurring = monthDay.exec(local);
      if (recurring) {
        const [month, day] = [Number(recurring[1]), Number(recurring[2])];
        if (month < 1 || month > 12 || day < 1 || day > monthLength(2000, month)) {
          throw new RangeError(`local non-working day is not a day of the year (mm-dd): ${local}`);
        }
        this.#everyYear.push({ month, day }); // 02-29 exists in leap years only
      } else if (isIsoDate(local)) {
        const year = parts(local)[0];
        this.#oneOff.set(year, [...(this.#oneOff.get(year) ?? []), local]);
      } else {
        throw new RangeError(`local non-working day is neither yyyy-mm-dd nor mm-dd: ${local}`);
      }
    }
    // The loaded years are asked about all the time: lay them out now.
    for (let year = firstYear; year <= lastYear; year++) this.#yearOf(year);
  }

  /**
   * Why a date cannot be asked about, or null when it can. Every year has a calendar now; only
   * dates beyond questionDates are refused, where the answer's own arithmetic would leave
   * four-digit years.
   */
  problemWith(date: IsoDate): string | null {
    return date < questionDates.from || date > questionDates.to ? `must be from ${questionDates.from} to ${questionDates.to}` : null;
  }

  /** Monday to Friday, not a bank holiday, not a local non-working day. */
  isWorkingDay(date: IsoDate): boolean {
    const { year, day } = this.#locate(date);
    return year.working[day] === 1;
  }

  /** True when the date is a bank holiday derived from the standing rules (its year's official list is not loaded). */
  isDerivedHoliday(date: IsoDate): boolean {
    const { year, day } = this.#locate(date);
    return year.derivedUpTo[day]! - (day === 0 ? 0 : year.derivedUpTo[day - 1]!) === 1;
  }

  /**
   * The n-th working day after `date` (`date` itself not counted): "within n working days of
   * date". n = 0 gives `date` itself, working day or not.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.workingDaysAfter(date, n).dueOn;
  }

  /** addWorkingDays, and whether the days it skipped include a derived bank holiday. */
  workingDaysAfter(date: IsoDate, n: number): WorkingDayCount {
    let { year, day } = this.#locate(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number >= 0, not ${n}`);
    if (n === 0) return { dueOn: date, provisional: false };
    let derived = -year.derivedUpTo[day]!;
    let needed = year.workingUpTo[day]! + n;
    while (needed > year.workingDays.length) {
      derived += year.derivedUpTo[year.dates.length - 1]!;
      needed -= year.workingDays.length;
      year = this.#yearOf(year.year + 1);
    }
    const target = year.workingDays[needed - 1]!;
    derived += year.derivedUpTo[target]!;
    return { dueOn: year.dates[target]!, provisional: derived > 0 };
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`
   * (minus the working days after `to` up to and including `from`).
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    const start = this.#locate(from);
    const end = this.#locate(to);
    let count = end.year.workingUpTo[end.day]! - start.year.workingUpTo[start.day]!;
    for (let year = start.year.year; year < end.year.year; year++) count += this.#yearOf(year).workingDays.length;
    return count;
  }

  #locate(date: IsoDate): { year: YearOfDays; day: number } {
    const found = this.#where.get(date);
    if (found) return found;
    if (typeof date !== 'string' || !isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
    this.#yearOf(parts(date)[0]);
    return this.#where.get(date)!;
  }

  #yearOf(year: number): YearOfDays {
    const laidOut = this.#years.get(year);
    if (laidOut) return laidOut;
    if (year < calendarYears.first || year > calendarYears.last) throw new RangeError(`the working-day calendar ends at years ${calendarYears.first}–${calendarYears.last}, not ${year}`);
    const dates: string[] = [];
    for (let month = 1; month <= 12; month++) {
      const length = monthLength(year, month);
      for (let day = 1; day <= length; day++) dates.push(format(year, month, day));
    }
    const days = dates.length;
    const working = new Uint8Array(days);
    const firstWeekday = weekdayOf(year, 1, 1);
    for (let i = 0; i < days; i++) {
      const weekday = (firstWeekday + i) % 7;
      working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
    }
    const dayOfYear = (date: IsoDate) => dayNumber(...parts(date)) - dayNumber(year, 1, 1);
    const official = this.#official.get(year);
    const derived = new Uint8Array(days);
    for (const holiday of official ?? standingBankHolidays(year)) {
      working[dayOfYear(holiday)] = 0;
      if (!official) derived[dayOfYear(holiday)] = 1;
    }
    for (const { month, day } of this.#everyYear) if (day <= monthLength(year, month)) working[dayOfYear(format(year, month, day))] = 0;
    for (const local of this.#oneOff.get(year) ?? []) working[dayOfYear(local)] = 0;

    const workingUpTo = new Int32Array(days);
    const derivedUpTo = new Int32Array(days);
    let count = 0;
    let derivedCount = 0;
    for (let i = 0; i < days; i++) {
      count += working[i]!;
      derivedCount += derived[i]!;
      workingUpTo[i] = count;
      derivedUpTo[i] = derivedCount;
    }
    const workingDays = new Int32Array(count);
    for (let i = 0, k = 0; i < days; i++) if (working[i]) workingDays[k++] = i;
    const laid: YearOfDays = { year, dates, working, workingUpTo, workingDays, derivedUpTo };
    this.#years.set(year, laid);
    dates.forEach((date, day) => this.#where.set(date, { year: laid, day }));
    return laid;
  }
}

/** How a rule's period is counted (rules.md, "Conventions"). */
export interface CountedPeriod {
  amount: number;
  unit: 'CALENDAR_DAYS' | 'WORKING_DAYS' | 'WEEKS' | 'MONTHS';
}

/**
 * The due date "within <period> of <date>": working days on the calendar (the date itself not
 * counted; provisional when it counts a derived bank holiday), weeks and days as calendar days,
 * months clamped to the month's end — or, with the DAYS_91_183 policy (as Mosaic reports), 3 and
 * 6 months as 91 and 183 days. Only working days read the calendar, so only they are provisional.
 */
export function dueWithin(
  date: IsoDate,
  period: CountedPeriod,
  calendar: WorkingDayCalendar,
  monthsAs: 'CALENDAR' | 'DAYS_91_183' = 'CALENDAR',
): WorkingDayCount {
  const fixed = (dueOn: IsoDate): WorkingDayCount => ({ dueOn, provisional: false });
  switch (period.unit) {
    case 'WORKING_DAYS':
      return calendar.workingDaysAfter(date, period.amount);
    case 'CALENDAR_DAYS':
      return fixed(addDays(date, period.amount));
    case 'WEEKS':
      return fixed(addDays(date, 7 * period.amount));
    case 'MONTHS':
      if (monthsAs === 'DAYS_91_183' && (period.amount === 3 || period.amount === 6)) return fixed(addDays(date, period.amount === 3 ? 91 : 183));
      return fixed(addMonths(date, period.amount));
  }
}
