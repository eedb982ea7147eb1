// Streams one CSV file: checks its header against the table, decodes and reads each row cell
// by cell, reports bad rows with their physical line, and yields the good values as CSV text
// for COPY into a staging table. Memory stays flat in the file's size.

import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import type { LabelMaps } from '../config.js';
import type { NoticeList, ProblemList } from './problems.js';
import { codeSets, mappableCodeSets, personalHistoryTables, type ImportColumn, type ImportTable, type MappableCodeSet } from './tables.js';
import { isPossiblePlaceholder, readCell, readCode, type Cell } from './values.js';

/** The encodings an extract may be in (`--encoding`); UTF-8 unless told. */
export type ExtractEncoding = 'utf-8' | 'windows-1252';
const encodingLabels: Record<string, ExtractEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  // Latin-1 files are read as windows-1252, its superset (as the WHATWG Encoding standard does).
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};
export const extractEncodings = Object.keys(encodingLabels);

export function extractEncoding(label: string): ExtractEncoding | undefined {
  const key = label.toLowerCase();
  return Object.hasOwn(encodingLabels, key) ? encodingLabels[key] : undefined;
}

/** What reading a file needs besides the file: the authority's labels, the encoding, and where to report. */
export interface FileReading {
  labels: LabelMaps;
  encoding: ExtractEncoding;
  problems: ProblemList;
  notices: NoticeList;
}

/** A file's bytes as text, and whether any of them were not valid UTF-8. */
interface DecodedFile {
  text: NodeJS.ReadableStream;
  /** Set as soon as the decoder meets a byte sequence that is not UTF-8 (never, for windows-1252). */
  invalid: { seen: boolean };
}

/**
 * Decodes a file as a stream, a chunk at a time (a character split between two chunks is whole
 * once decoded). windows-1252 gives every byte a character (iconv-lite: Node 20's TextDecoder
 * decodes its 0x80–0x9F as Latin-1, losing ’ – €). For UTF-8, a strict decoder watches while a
 * lenient one decodes, so that a bad byte becomes U+FFFD in its cell, which the reader then reports
 * with its line and column; the strict one alone would stop at the chunk, knowing no cell.
 */
function decodeFile(path: string, encoding: ExtractEncoding): DecodedFile {
  const bytes = createReadStream(path);
  const invalid = { seen: false };
  if (encoding === 'windows-1252') return { text: bytes.pipe(iconv.decodeStream('windows-1252')), invalid };
  const lenient = new TextDecoder('utf-8');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const check = (chunk?: Buffer) => {
    if (invalid.seen) return;
    try {
      strict.decode(chunk, { stream: chunk !== undefined });
    } catch {
      invalid.seen = true;
    }
  };
  const text = bytes.pipe(
    new Transform({
      decodeStrings: false,
      transform(chunk: Buffer, _encoding, done) {
        check(chunk);
        done(null, lenient.decode(chunk, { stream: true }));
      },
      flush(done) {
        check();
        done(null, lenient.decode());
      },
    }),
  );
  return { text, invalid };
}

export interface FileHeader {
  /** The table's columns that the header supplies. */
  supplied: ImportColumn[];
  /** For each of the table's columns, in table order, its position in a record, or -1. */
  positions: number[];
  fieldCount: number;
  /** The header's names, by position in a record. */
  names: string[];
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
    names: header.map((name) => name.trim()),
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
  /** Whether a date before 2000 here is worth a placeholder notice (values.ts). */
  caseRecord: boolean;
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
    return {
      column,
      position: header.positions[index]!,
      required: table.required.includes(column.name),
      read,
      caseRecord: !personalHistoryTables.has(table.name),
    };
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
  reading: FileReading,
  counts: FileCounts,
  onHeader: (header: FileHeader | null) => void,
): AsyncGenerator<string> {
  const { labels, problems, notices } = reading;
  const decoded = decodeFile(path, reading.encoding);
  // Physical lines are counted here: a record spans one line plus the line breaks inside its
  // quoted values. (csv-parse's `info` or `on_record` would tell us, at nearly twice the cost.)
  // A skipped malformed record is reported when the loop reaches its place: csv-parse emits
  // the skip while records before it may still be buffered, ahead of this loop.
  let nextLine = 1;
  let consumed = 0;
  const parser = decoded.text.pipe(parse({ bom: true, relax_column_count: true, skip_records_with_error: true }));
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
    let cellLine = line;
    let undecodable = false;
    for (let position = 0; position < record.length; position++) {
      const field = record[position]!;
      // Only in a file with bad bytes: a U+FFFD written as such is then reported too, in a file refused anyway.
      if (decoded.invalid.seen && field.includes('\uFFFD')) {
        undecodable = true;
        problems.add({
          file,
          line: cellLine,
          column: header?.names[position] || `(column ${position + 1})`,
          message: 'is not valid UTF-8 (for a windows-1252 or Latin-1 extract, import with --encoding windows-1252)',
        });
      }
      for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) cellLine++;
    }
    nextLine = cellLine + 1;
    if (record.length === 1 && record[0] === '') continue; // a blank line
    if (undecodable) {
      if (header === undefined) {
        onHeader((header = null));
        break;
      }
      counts.rows++;
      counts.badRows++;
      continue;
    }
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
        if (cell.value !== null && cellReader.column.kind === 'date') {
          if (cell.timeOfDay) notices.add(file, cellReader.column.name, 'time of day', cell.value);
          if (isPossiblePlaceholder(cell.value, cellReader.caseRecord)) notices.add(file, cellReader.column.name, 'placeholder date', cell.value);
        }
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
