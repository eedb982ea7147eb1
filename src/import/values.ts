// Reading one CSV cell as the contract describes it ("Import files"): dates in three forms,
// Y/N flags, whole and decimal numbers, text no longer than its column, and codes after an
// authority's labels are mapped. Each function returns the stored text or a problem.

import { normaliseLabel } from '../config.js';
import { isIsoDate } from '../domain/calendar.js';
import type { ImportColumn } from './tables.js';

export type Cell = { value: string | null; timeOfDay?: true } | { problem: string };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// SQL Server writes its `datetime`/`datetime2`/`datetimeoffset` columns with a time of day: the
// calendar date as written is the fact (no time-zone conversion, an offset is ignored); the time
// is set aside and counted (ImportNotice 'time of day').
const sqlServerDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * Years 0001–9999: what SQL Server's `date` and `datetime2` hold (case systems write sentinels
 * such as 0001-01-01, 1753-01-01 and 9999-12-31) and PostgreSQL's `date` stores.
 */
function calendarDate(year: number, month: number, day: number): string | null {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year >= 1 && year <= 9999 && isIsoDate(date) ? date : null;
}

export function readDate(text: string): Cell {
  let match = isoDate.exec(text);
  let date: string | null = null;
  let timeOfDay = false;
  if (match) {
    date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  } else if ((match = ukDate.exec(text))) {
    date = calendarDate(Number(match[3]), Number(match[2]), Number(match[1]));
  } else if ((match = sqlServerDateTime.exec(text))) {
    const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) return { problem: `'${text}' is not a real time of day` };
    timeOfDay = hours + minutes + seconds > 0 || /\.\d*[1-9]/.test(text);
    date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  } else {
    return { problem: `'${text}' is not a date (yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd hh:mm:ss.fff)` };
  }
  if (!date) return { problem: `'${text}' is not a real calendar date` };
  return timeOfDay ? { value: date, timeOfDay: true } : { value: date };
}

/**
 * Dates an extract may hold in place of an unknown one: the zero dates of SQL Server
 * (`datetime` 1900-01-01, its minimum 1753-01-01, `datetime2` 0001-01-01), of Excel and OLE
 * (1899-12-30), and the open-ended 9999-12-31. Stored as recorded, reported as a notice.
 * docs/import-dates.md gives the reasoning, and why case records are also reported before 2000.
 */
const placeholderDates = new Set(['0001-01-01', '1753-01-01', '1899-12-30', '1900-01-01', '9999-12-31']);
const caseRecordFloor = '2000-01-01';

/** Whether a stored date is worth a placeholder notice; `caseRecord` applies the 2000 floor. */
export function isPossiblePlaceholder(date: string, caseRecord: boolean): boolean {
  return placeholderDates.has(date) || (caseRecord && date < caseRecordFloor);
}

export function readFlag(text: string): Cell {
  const upper = text.toUpperCase();
  return upper === 'Y' || upper === 'N' ? { value: upper } : { problem: `'${text}' is not a flag (Y or N)` };
}

const int32 = 2 ** 31;
export function readInteger(text: string): Cell {
  if (!/^[+-]?\d+$/.test(text)) return { problem: `'${text}' is not a whole number` };
  const number = Number(text);
  return number >= -int32 && number < int32 ? { value: String(number) } : { problem: `'${text}' is out of range` };
}

export function readNumber(text: string): Cell {
  const valid = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) && Number.isFinite(Number(text));
  return valid ? { value: text } : { problem: `'${text}' is not a number` };
}

function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function readText(text: string, maxLength: number | null): Cell {
  if (maxLength !== null && text.length > maxLength && characterCount(text) > maxLength) {
    return { problem: `value is ${characterCount(text)} characters, longer than the column's ${maxLength}` };
  }
  return { value: text };
}

/** An empty cell, or `NULL`, is null (contract: "Import files"). */
export function isNullCell(text: string): boolean {
  return text === '' || text === 'NULL';
}

export function readCell(column: ImportColumn, raw: string): Cell {
  const text = raw.trim();
  if (isNullCell(text)) return { value: null };
  if (text.includes('\u0000')) return { problem: 'contains a NUL character' };
  switch (column.kind) {
    case 'date':
      return readDate(text);
    case 'flag':
      return readFlag(text);
    case 'integer':
      return readInteger(text);
    case 'number':
      return readNumber(text);
    case 'text':
      return readText(text, column.maxLength);
  }
}

/** A code as given, or an authority's label for it; anything else is a problem. */
export function readCode(
  text: string,
  codeSetName: string,
  codes: readonly string[],
  labels: ReadonlyMap<string, string> | undefined,
): Cell {
  if (codes.includes(text)) return { value: text };
  const upper = text.toUpperCase();
  if (codes.includes(upper)) return { value: upper };
  const mapped = labels?.get(normaliseLabel(text));
  if (mapped !== undefined) return { value: mapped };
  const mapping = labels ? ' or a label mapped to one in CAREBRIDGE_LABEL_MAP' : '';
  return { problem: `'${text}' is not a ${codeSetName} code (${codes.join(', ')})${mapping}` };
}
