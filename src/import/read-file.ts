// Streams one CSV file: checks its header against the table, reads each row cell by cell,
// reports bad rows with their physical line, and yields the good values as CSV text for
// COPY into a staging table. Memory stays flat in the file's size.

import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import type { LabelMaps } from '../config.js';
import type { ProblemList } from './problems.js';
import { codeSets, mappableCodeSets, type ImportColumn, type ImportTable, type MappableCodeSet } from './tables.js';
import { readCell, readCode } from './values.js';

export interface FileHeader {
  /** The table's columns that the header supplies. */
  supplied: ImportColumn[];
  /** For each of the table's columns, in table order, its position in a record, or -1. */
  positions: number[];
  fieldCount: number;
}

export interface FileCounts {
  rows: number;
  badRows: number;
}

/** Checks a header row; returns null when rows cannot be read (a required column is missing). */
export function readHeader(table: ImportTable, file: string, header: string[], problems: ProblemList): FileHeader | null {
  const known = new Map(table.columns.map((column) => [column.name, column]));
  const seen = new Map<string, number>();
  header.forEach((raw, position) => {
    const name = raw.trim();
    const column = known.get(name);
    if (!column) {
      problems.add({ file, line: 1, column: name || `(column ${position + 1})`, message: `unknown column: ${table.name} has no such column` });
    } else if (seen.has(name)) {
      problems.add({ file, line: 1, column: name, message: 'column appears twice in the header' });
    } else {
      seen.set(name, position);
    }
  });
  const missing = table.required.filter((name) => !seen.has(name));
  for (const name of missing) {
    problems.add({ file, line: 1, column: name, message: 'required column is missing from the header' });
  }
  if (missing.length > 0) return null;
  return {
    supplied: table.columns.filter((column) => seen.has(column.name)),
    positions: table.columns.map((column) => seen.get(column.name) ?? -1),
    fieldCount: header.length,
  };
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
}

const chunkChars = 256 * 1024;

/**
 * Yields COPY text for every column of the table (null where the header lacks it) followed by
 * the physical line number. Rows with
 * problems are staged too, their bad cells null, so that keys and references still resolve
 * and one bad date does not hide the row's other problems.
 */
export async function* readRows(
  path: string,
  table: ImportTable,
  file: string,
  labels: LabelMaps,
  problems: ProblemList,
  counts: FileCounts,
  onHeader: (header: FileHeader | null) => void,
): AsyncGenerator<string> {
  let lastLine = 0; // the physical line the previous record ended on
  let emptyLinesSeen = 0;
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
    }),
  );
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    counts.badRows++;
    const line = lastLine + 1;
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'unterminated quote: the file ends inside a quoted value (truncated file?)'
        : `malformed CSV: ${error.message.replace(/ at line \d+.*$/, '')}`;
    problems.add({ file, line, column: null, message });
    lastLine = error.lines ?? line;
  });

  let header: FileHeader | null | undefined;
  let chunk = '';
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
    const line = lastLine + 1 + (info.empty_lines - emptyLinesSeen);
    lastLine = info.lines;
    emptyLinesSeen = info.empty_lines;
    if (header === undefined) {
      header = readHeader(table, file, record, problems);
      onHeader(header);
      if (header === null) break;
      continue;
    }
    if (header === null) break;
    counts.rows++;
    if (record.length !== header.fieldCount) {
      counts.badRows++;
      problems.add({ file, line, column: null, message: `has ${record.length} fields, the header has ${header.fieldCount}` });
      continue;
    }
    let rowHasProblem = false;
    const fields: string[] = [];
    for (let index = 0; index < table.columns.length; index++) {
      const position = header.positions[index]!;
      if (position === -1) {
        fields.push('');
        continue;
      }
      const column = table.columns[index]!;
      let cell = readCell(column, record[position]!);
      const codeSet = table.codes[column.name];
      if (codeSet && 'value' in cell && cell.value !== null) {
        const mappable = codeSet in mappableCodeSets ? labels[codeSet as MappableCodeSet] : undefined;
        cell = readCode(cell.value, codeSet, codeSets[codeSet], mappable);
      }
      if ('problem' in cell) {
        rowHasProblem = true;
        problems.add({ file, line, column: column.name, message: cell.problem });
        fields.push('');
      } else {
        if (cell.value === null && table.required.includes(column.name)) {
          rowHasProblem = true;
          problems.add({ file, line, column: column.name, message: 'required value is missing' });
        }
        fields.push(csvField(cell.value));
      }
    }
    if (rowHasProblem) counts.badRows++;
    fields.push(String(line));
    chunk += fields.join(',') + '\n';
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (header === undefined) {
    onHeader(null);
    problems.add({ file, line: 1, column: null, message: 'the file is empty: a header row is required' });
  }
  if (chunk) yield chunk;
}
