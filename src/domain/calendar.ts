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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in ISO form. */
export function isIsoDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "Within N months of D": the same day of the month N months later, clamped to the month's end. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parts(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
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

export function todayInLondon(now: Date = new Date()): IsoDate {
  return londonDate.format(now);
}

// ---------------------------------------------------------------------------------------------
// Working days (rules.md, "Conventions"): Monday to Friday, not an England and Wales bank
// holiday, not one of the authority's extra local non-working days. "Within N working days of
// D" is due on the N-th working day *after* D (D itself is not counted).
//
// The bank holidays are data (carebridge.bank_holiday, loaded by src/db/bank-holidays.ts); this
// module only computes. A calendar knows the years its holidays cover and refuses any date
// outside them (CalendarRangeError) rather than guess. Everything is precomputed once per
// calendar, so each question is a Map look-up and an array index or two: no Date objects.

/** A date (or a count of working days from one) outside the years whose bank holidays are loaded. */
export class CalendarRangeError extends Error {
  override readonly name = 'CalendarRangeError';

  constructor(
    readonly date: IsoDate,
    readonly firstYear: number,
    readonly lastYear: number,
    message: string = `${date} is outside the working-day calendar: bank holidays are loaded for ${firstYear}–${lastYear} only`,
  ) {
    super(message);
  }
}

export interface WorkingDayCalendarOptions {
  /** England and Wales bank holidays, `yyyy-mm-dd`, each within firstYear..lastYear. */
  holidays: readonly IsoDate[];
  /** The years the holiday list is complete for: the calendar answers for 1 Jan firstYear to 31 Dec lastYear. */
  firstYear: number;
  lastYear: number;
  /**
   * Extra local non-working days (policy, default none): `yyyy-mm-dd` for one date, or `mm-dd`
   * for that day every year (`12-27` … `12-31` for an authority that closes between Christmas
   * and New Year). Dates outside the loaded years are ignored: no question can reach them.
   */
  localNonWorkingDays?: readonly string[];
}

const monthDay = /^(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function monthLength(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1]!;
}

export class WorkingDayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Day index (0 = 1 Jan firstYear) of every date in range, by its ISO text. */
  readonly #index = new Map<string, number>();
  /** ISO text of every day index. */
  readonly #dates: string[] = [];
  /** 1 where the day index is a working day. */
  readonly #working: Uint8Array;
  /** Working days from the first day index up to and including each day index. */
  readonly #workingUpTo: Int32Array;
  /** Day indexes of the working days, in order: the k-th working day of the range is #workingDays[k - 1]. */
  readonly #workingDays: Int32Array;

  constructor(options: WorkingDayCalendarOptions) {
    const { firstYear, lastYear } = options;
    if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear < 1 || lastYear > 9999 || firstYear > lastYear) {
      throw new RangeError(`a working-day calendar needs whole years firstYear <= lastYear within 1–9999, not ${firstYear}–${lastYear}`);
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;

    for (let year = firstYear; year <= lastYear; year++) {
      for (let month = 1; month <= 12; month++) {
        const length = monthLength(year, month);
        for (let day = 1; day <= length; day++) {
          const text = format(year, month, day);
          this.#index.set(text, this.#dates.length);
          this.#dates.push(text);
        }
      }
    }
    const days = this.#dates.length;
    this.#working = new Uint8Array(days);
    // 1 Jan firstYear: day number 0 (1970-01-01) was a Thursday, so (n + 4) mod 7 is 0 on Sundays.
    const firstWeekday = (((dayNumber(firstYear, 1, 1) + 4) % 7) + 7) % 7;
    for (let i = 0; i < days; i++) {
      const weekday = (firstWeekday + i) % 7;
      this.#working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
    }

    for (const holiday of options.holidays) {
      if (!isIsoDate(holiday)) throw new RangeError(`bank holiday is not an ISO date: ${holiday}`);
      const i = this.#index.get(holiday);
      if (i === undefined) {
        throw new RangeError(`bank holiday ${holiday} is outside the calendar's years ${firstYear}–${lastYear}`);
      }
      this.#working[i] = 0;
    }

    for (const local of options.localNonWorkingDays ?? []) {
      const recurring = monthDay.exec(local);
      if (recurring) {
        const [month, day] = [Number(recurring[1]), Number(recurring[2])];
        if (month < 1 || month > 12 || day < 1 || day > monthLength(2000, month)) {
          throw new RangeError(`local non-working day is not a day of the year (mm-dd): ${local}`);
        }
        for (let year = firstYear; year <= lastYear; year++) {
          const i = this.#index.get(format(year, month, day)); // 02-29 exists in leap years only
          if (i !== undefined) this.#working[i] = 0;
        }
      } else if (isIsoDate(local)) {
        const i = this.#index.get(local);
        if (i !== undefined) this.#working[i] = 0;
      } else {
        throw new RangeError(`local non-working day is neither yyyy-mm-dd nor mm-dd: ${local}`);
      }
    }

    this.#workingUpTo = new Int32Array(days);
    let count = 0;
    for (let i = 0; i < days; i++) {
      count += this.#working[i]!;
      this.#workingUpTo[i] = count;
    }
    this.#workingDays = new Int32Array(count);
    for (let i = 0, k = 0; i < days; i++) if (this.#working[i]) this.#workingDays[k++] = i;
  }

  /** True when the calendar can answer for this date (its year's bank holidays are loaded). */
  covers(date: IsoDate): boolean {
    return this.#index.has(date);
  }

  /** Monday to Friday, not a bank holiday, not a local non-working day. */
  /** Why a date cannot be asked about (outside the loaded years, where no rule can answer), or null when it can. */
  problemWith(date: IsoDate): string | null {
    const first = `${this.firstYear}-01-01`;
    const last = `${this.lastYear}-12-31`;
    return date < first || date > last ? `must be from ${first} to ${last}, the years whose bank holidays are loaded` : null;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.#working[this.#dayIndex(date)] === 1;
  }

  /**
   * The n-th working day after `date` (`date` itself not counted): "within n working days of
   * date". n = 0 gives `date` itself, working day or not.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const i = this.#dayIndex(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number >= 0, not ${n}`);
    if (n === 0) return date;
    const target = this.#workingDays[this.#workingUpTo[i]! + n - 1];
    if (target === undefined) {
      throw new CalendarRangeError(
        date,
        this.firstYear,
        this.lastYear,
        `${n} working days after ${date} falls after ${this.lastYear}-12-31: bank holidays are loaded for ${this.firstYear}–${this.lastYear} only`,
      );
    }
    return this.#dates[target]!;
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`
   * (minus the working days after `to` up to and including `from`).
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    return this.#workingUpTo[this.#dayIndex(to)]! - this.#workingUpTo[this.#dayIndex(from)]!;
  }

  #dayIndex(date: IsoDate): number {
    const i = this.#index.get(date);
    if (i !== undefined) return i;
    if (typeof date !== 'string' || !isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
    throw new CalendarRangeError(date, this.firstYear, this.lastYear);
  }
}

/** How a rule's period is counted (rules.md, "Conventions"). */
export interface CountedPeriod {
  amount: number;
  unit: 'CALENDAR_DAYS' | 'WORKING_DAYS' | 'WEEKS' | 'MONTHS';
}

/**
 * The due date "within <period> of <date>": working days on the calendar (the date itself not
 * counted), weeks and days as calendar days, months clamped to the month's end — or, with the
 * DAYS_91_183 policy (as Mosaic reports), 3 and 6 months as 91 and 183 days.
 */
export function dueWithin(
  date: IsoDate,
  period: CountedPeriod,
  calendar: WorkingDayCalendar,
  monthsAs: 'CALENDAR' | 'DAYS_91_183' = 'CALENDAR',
): IsoDate {
  switch (period.unit) {
    case 'WORKING_DAYS':
      return calendar.addWorkingDays(date, period.amount);
    case 'CALENDAR_DAYS':
      return addDays(date, period.amount);
    case 'WEEKS':
      return addDays(date, 7 * period.amount);
    case 'MONTHS':
      if (monthsAs === 'DAYS_91_183' && (period.amount === 3 || period.amount === 6)) return addDays(date, period.amount === 3 ? 91 : 183);
      return addMonths(date, period.amount);
  }
}
