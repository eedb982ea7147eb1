// Plain calendar dates for the generator, as whole days since 1970-01-01: no time zones, no
// Date objects in the hot path, and nothing read from the clock except `todayInLondon`.

/** Days since 1970-01-01 (a plain date). */
export type Day = number;

// Howard Hinnant's days_from_civil / civil_from_days.
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civil(day: Day): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

const formatted = new Map<Day, string>();

/** `yyyy-mm-dd`, the import's date format. */
export function formatDay(day: Day): string {
  let text = formatted.get(day);
  if (text === undefined) {
    const { year, month, day: d } = civil(day);
    text = `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${d < 10 ? '0' : ''}${d}`;
    if (formatted.size < 100_000) formatted.set(day, text);
  }
  return text;
}

/** A `yyyy-mm-dd` date that exists, or an error naming it. */
export function parseDay(text: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`${text} is not a yyyy-mm-dd date`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = dayOf(year, month, day);
  const back = civil(value);
  if (back.year !== year || back.month !== month || back.day !== day) throw new Error(`${text} is not a date`);
  return value;
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * Meetings, conferences and visits happen on weekdays: the day itself, or the Friday before a
 * weekend (the Monday after when that Friday is before `notBefore`).
 */
export function onWeekday(day: Day, notBefore: Day = Number.NEGATIVE_INFINITY): Day {
  const w = weekday(day);
  if (w < 5) return day;
  const friday = day - (w - 4);
  return friday >= notBefore ? friday : day + (7 - w);
}

/**
 * The n-th weekday after `day` (the day itself not counted). Bank holidays are ignored on
 * purpose: a recorded due date is then never later than the one Carebridge computes, so a
 * review generated as "on time" stays on time.
 */
export function addWorkingDays(day: Day, n: number): Day {
  let result = day;
  let left = n;
  while (left > 0) {
    result += 1;
    if (weekday(result) < 5) left -= 1;
  }
  return result;
}

/** Same day-of-month n months later, clamped to the end of a shorter month. */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = civil(day);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = dayOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayOf(y, m, 1);
  return dayOf(y, m, Math.min(d, last));
}

export function addYears(day: Day, n: number): Day {
  return addMonths(day, 12 * n);
}

/** Whole years from `dob` to `on`. */
export function ageOn(dob: Day, on: Day): number {
  const a = civil(dob);
  const b = civil(on);
  let age = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) age -= 1;
  return age;
}

/** Today's date in Europe/London, `yyyy-mm-dd` (the CLI's default `--as-of`). */
export function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A date cell: `yyyy-mm-dd`, or empty for none. */
export const day = (value: Day | null | undefined): string | null =>
  value === null || value === undefined ? null : formatDay(value);

/** A flag cell. */
export const yn = (value: boolean): 'Y' | 'N' => (value ? 'Y' : 'N');
