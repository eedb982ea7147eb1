// Writing an extract to the HTTP response: CSV (csv-stringify) or NDJSON, a batch of rows per
// chunk, respecting back-pressure (a chunk the socket cannot take yet is waited for with
// 'drain') and stopping as soon as the client goes away.
//
// Completeness (issue 11, finding 6): a whole extract ends with HTTP trailers giving its row
// count and the SHA-256 of its body; one cut short (a fault, or shutdown past its grace) is
// aborted, the chunked body never terminated, so no client can take it for a whole file.

import { createHash } from 'node:crypto';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify/sync';

export type ExtractFormat = 'csv' | 'ndjson';

export const contentTypes: Record<ExtractFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** NDJSON when the client asks for it; CSV otherwise (the default). */
export function formatFor(accept: string | undefined): ExtractFormat {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  return types.includes('application/x-ndjson') ? 'ndjson' : 'csv';
}

export type ExtractValue = string | number | boolean | null | readonly string[];
export type ExtractRecord = Record<string, ExtractValue>;

const csvOptions = {
  // RFC 4180 line ends; `true`/`false` rather than csv-stringify's default `1`/``; a cell that a
  // spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ' (CSV injection).
  record_delimiter: 'windows',
  escape_formulas: true,
  cast: { boolean: (value: boolean) => (value ? 'true' : 'false') },
} as const;

/** The CSV header row. */
export function csvHeader(columns: readonly string[]): string {
  return stringify([[...columns]], csvOptions);
}

/**
 * One chunk of the extract: CSV rows in column order (a list is `;`-joined, null is empty), or
 * one JSON object per line (lists stay lists).
 */
export function formatRecords(format: ExtractFormat, columns: readonly string[], records: readonly ExtractRecord[]): string {
  if (records.length === 0) return '';
  if (format === 'ndjson') return records.map((record) => `${JSON.stringify(record)}\n`).join('');
  return stringify(
    records.map((record) =>
      columns.map((column) => {
        const value = record[column];
        return Array.isArray(value) ? value.join(';') : value;
      }),
    ),
    csvOptions,
  );
}

/** Sent after the last chunk of a whole extract (declared up front in `Trailer`). */
export const completenessTrailers = {
  rowCount: 'X-Row-Count',
  sha256: 'X-Content-SHA256',
  /** Children a rule cannot read, left out of the extract (docs/compliance.md, "Children left out"). */
  childrenLeftOut: 'X-Children-Left-Out',
} as const;

/**
 * Tracks whether the client is still there: 'close' before the response finished means it hung
 * up (or the server is closing the connection). Errors on a dead socket are absorbed here; the
 * extract just stops.
 */
export class ResponseWriter {
  #gone = false;
  #rows = 0;
  readonly #body = createHash('sha256');

  constructor(private readonly response: ServerResponse) {
    response.on('close', () => {
      if (!response.writableFinished) this.#gone = true;
    });
    response.on('error', () => {
      this.#gone = true;
    });
  }

  get clientGone(): boolean {
    return this.#gone || this.response.destroyed;
  }

  /** The status line and headers, declaring the completeness trailers (the body is chunked). */
  start(status: number, headers: OutgoingHttpHeaders): void {
    this.response.writeHead(status, { ...headers, trailer: Object.values(completenessTrailers).join(', ') });
  }

  /**
   * Writes a chunk holding `rows` rows; when the socket's buffer is full, waits for 'drain' (or
   * the client going away) before returning, so at most one chunk is ever waiting in memory.
   * False when the client has gone: stop producing.
   */
  async write(chunk: string, rows = 0): Promise<boolean> {
    if (this.clientGone) return false;
    this.#rows += rows;
    this.#body.update(chunk, 'utf8');
    if (chunk === '' || this.response.write(chunk)) return !this.clientGone;
    return new Promise<boolean>((resolve) => {
      const settle = (open: boolean) => {
        this.response.off('drain', onDrain);
        this.response.off('close', onClose);
        resolve(open && !this.clientGone);
      };
      const onDrain = () => settle(true);
      const onClose = () => settle(false);
      this.response.on('drain', onDrain);
      this.response.on('close', onClose);
    });
  }

  /** Ends a whole extract: the final chunk carries its row count, the SHA-256 of its body and the children left out. */
  finish(childrenLeftOut: number): void {
    this.response.addTrailers({
      [completenessTrailers.rowCount]: String(this.#rows),
      [completenessTrailers.sha256]: this.#body.digest('hex'),
      [completenessTrailers.childrenLeftOut]: String(childrenLeftOut),
    });
    this.response.end();
  }

  /** Cuts the extract off: the connection is destroyed without the final chunk, so the client sees an incomplete transfer. */
  abort(): void {
    this.#gone = true;
    this.response.destroy();
  }
}
