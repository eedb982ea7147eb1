// Streams one CSV file: checks its header against the table, reads each row cell by cell,
// reports bad rows with their physical line, and yields the good values as CSV text for
// COPY into a staging table. Memory stays flat in the file's size.

import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import type { LabelMaps } from '../config.js';
import type { ProblemList } from './problems.js';
import { codeSets, mappableCodeSets, type ImportColumn, type ImportTable, type MappableCodeSet } from './tables.js';
import { readCell, readCode, type Cell } from './values.js';

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

interface CellReader {
  column: ImportColumn;
  /** Where the column is in a record, or -1 when the header lacks it. */
  position: number;
  required: boolean;
  read: (raw: string) => Cell;
}

/** Decides once per file how each column's cells are read: type, code set, labels. */
function planCells(table: ImportTable, header: FileHeader, labels: LabelMaps): CellReader[] {
  return table.columns.map((column, index) => {
    const codeSet = table.codes[column.name];
    const mappable = codeSet && codeSet in mappableCodeSets ? labels[codeSet as MappableCodeSet] : undefined;
    const read = codeSet
      ? (raw: string): Cell => {
          const cell = readCell(column, raw);
          return 'value' in cell && cell.value !== null ? readCode(cell.value, codeSet, codeSets[codeSet], mappable) : cell;
        }
      : (raw: string) => readCell(column, raw);
    return { column, position: header.positions[index]!, required: table.required.includes(column.name), read };
  });
}

/**
 * Yields COPY text for every column of the table (null where the header lacks it) followed by
 * the physical line number. Rows with problems are staged too, their bad cells null, so that keys and references still resolve
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
  // Physical lines are counted here: a record spans one line plus the line breaks inside its
  // quoted values. (csv-parse's `info` or `on_record` would tell us, at nearly twice the cost.)
  // A skipped malformed record is reported when the loop reaches its place: csv-parse emits
  // the skip while records before it may still be buffered, ahead of this loop.
  let nextLine = 1;
  let consumed = 0;
  const parser = createReadStream(path).pipe(parse({ bom: true, relax_column_count: true, skip_records_with_error: true }));
  const skips: { afterRecords: number; lines: number | undefined; message: string }[] = [];
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'unterminated quote: the file ends inside a quoted value (truncated file?)'
        : `malformed CSV: ${error.message.replace(/ at line \d+.*$/, '')}`;
    skips.push({ afterRecords: parser.info.records, lines: error.lines, message });
  });
  const reportSkipsReached = () => {
    while (skips.length > 0 && skips[0]!.afterRecords <= consumed) {
      const skip = skips.shift()!;
      counts.badRows++;
      problems.add({ file, line: nextLine, column: null, message: skip.message });
      nextLine = (skip.lines ?? nextLine) + 1;
    }
  };

  let header: FileHeader | null | undefined;
  let cellReaders: CellReader[] = [];
  let chunk = '';
  for await (const record of parser as AsyncIterable<string[]>) {
    reportSkipsReached();
    consumed++;
    const line = nextLine;
    nextLine += 1;
    for (const field of record) {
      for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) nextLine++;
    }
    if (record.length === 1 && record[0] === '') continue; // a blank line
    if (header === undefined) {
      header = readHeader(table, file, record, problems);
      onHeader(header);
      if (header === null) break;
      cellReaders = planCells(table, header, labels);
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
    for (const cellReader of cellReaders) {
      if (cellReader.position === -1) {
        fields.push('');
        continue;
      }
      const cell = cellReader.read(record[cellReader.position]!);
      if ('problem' in cell) {
        rowHasProblem = true;
        problems.add({ file, line, column: cellReader.column.name, message: cell.problem });
        fields.push('');
      } else {
        if (cell.value === null && cellReader.required) {
          rowHasProblem = true;
          problems.add({ file, line, column: cellReader.column.name, message: 'required value is missing' });
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
  reportSkipsReached();
  if (header === undefined) {
    onHeader(null);
    problems.add({ file, line: 1, column: null, message: 'the file is empty: a header row is required' });
  }
  if (chunk) yield chunk;
}
