// Reading one CSV cell as the contract describes it ("Import files"): dates in three forms,
// Y/N flags, whole and decimal numbers, text no longer than its column, and codes after an
// authority's labels are mapped. Each function returns the stored text or a problem.

import { normaliseLabel } from '../config.js';
import type { ImportColumn } from './tables.js';

export type Cell = { value: string | null } | { problem: string };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// SQL Server writes dates as date-times: accepted only at midnight, so no time is silently lost.
const sqlServerDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,7})?$/;

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function readDate(text: string): Cell {
  let match = isoDate.exec(text);
  let date: string | null = null;
  if (match) {
    date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  } else if ((match = ukDate.exec(text))) {
    date = calendarDate(Number(match[3]), Number(match[2]), Number(match[1]));
  } else if ((match = sqlServerDateTime.exec(text))) {
    if (match[4] !== '00' || match[5] !== '00' || match[6] !== '00' || /\.\d*[1-9]/.test(text)) {
      return { problem: `'${text}' has a time of day; a date-time is accepted only at midnight` };
    }
    date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  } else {
    return { problem: `'${text}' is not a date (yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd 00:00:00.000)` };
  }
  return date ? { value: date } : { problem: `'${text}' is not a real calendar date` };
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
