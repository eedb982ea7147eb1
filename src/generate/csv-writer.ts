// One CSV per table, streamed: every row goes straight to its file through csv-stringify, so
// memory stays flat however many children are generated. The header is every column of the
// table in schema order (from the import's table descriptions); a row names its columns and
// anything it leaves out is an empty cell. A value longer than its column, an empty required
// column or an unknown column name is a bug in the generator and throws at once.

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { stringify, type Stringifier } from 'csv-stringify';
import type * as schema from '../db/schema.js';
import { importTables, type ImportTable } from '../import/tables.js';

/** The row each file takes, typed from the drizzle table (dates and flags are text). */
export interface TableRows {
  ssd_department: typeof schema.ssdDepartment.$inferInsert;
  ssd_professionals: typeof schema.ssdProfessionals.$inferInsert;
  ssd_person: typeof schema.ssdPerson.$inferInsert;
  ssd_address: typeof schema.ssdAddress.$inferInsert;
  ssd_linked_identifiers: typeof schema.ssdLinkedIdentifiers.$inferInsert;
  ssd_early_help_episodes: typeof schema.ssdEarlyHelpEpisodes.$inferInsert;
  ssd_cin_episodes: typeof schema.ssdCinEpisodes.$inferInsert;
  ssd_cin_assessments: typeof schema.ssdCinAssessments.$inferInsert;
  ssd_cin_plans: typeof schema.ssdCinPlans.$inferInsert;
  ssd_s47_enquiry: typeof schema.ssdS47Enquiry.$inferInsert;
  ssd_initial_cp_conference: typeof schema.ssdInitialCpConference.$inferInsert;
  ssd_cp_plans: typeof schema.ssdCpPlans.$inferInsert;
  ssd_cp_reviews: typeof schema.ssdCpReviews.$inferInsert;
  ssd_pre_proceedings: typeof schema.ssdPreProceedings.$inferInsert;
  ssd_legal_status: typeof schema.ssdLegalStatus.$inferInsert;
  ssd_cla_episodes: typeof schema.ssdClaEpisodes.$inferInsert;
  ssd_cla_reviews: typeof schema.ssdClaReviews.$inferInsert;
  ssd_cla_placement: typeof schema.ssdClaPlacement.$inferInsert;
  ssd_cla_visits: typeof schema.ssdClaVisits.$inferInsert;
  ssd_cla_health: typeof schema.ssdClaHealth.$inferInsert;
  ssd_cla_care_plan: typeof schema.ssdClaCarePlan.$inferInsert;
  ssd_permanence: typeof schema.ssdPermanence.$inferInsert;
  ssd_care_leavers: typeof schema.ssdCareLeavers.$inferInsert;
  ssd_involvements: typeof schema.ssdInvolvements.$inferInsert;
  cb_relationship: typeof schema.cbRelationship.$inferInsert;
  cb_court_order: typeof schema.cbCourtOrder.$inferInsert;
  cb_dual_status_decision: typeof schema.cbDualStatusDecision.$inferInsert;
  cb_team_contact: typeof schema.cbTeamContact.$inferInsert;
  cb_meeting: typeof schema.cbMeeting.$inferInsert;
  cb_consumer_link: typeof schema.cbConsumerLink.$inferInsert;
  cb_restriction: typeof schema.cbRestriction.$inferInsert;
}
export type TableName = keyof TableRows;

/** Where generated rows go. */
export interface Sink {
  write<T extends TableName>(table: T, row: TableRows[T]): void;
}

interface TableFile {
  table: ImportTable;
  index: Map<string, number>;
  required: number[];
  stringifier: Stringifier;
  file: WriteStream;
  rows: number;
  blocked: boolean;
}

export class CsvFolderWriter implements Sink {
  readonly #files = new Map<string, TableFile>();
  #blocked = 0;
  #fail: (error: Error) => void = () => {};
  /** Rejects with the first stream error (a full disk, a folder removed under us). */
  readonly #failure = new Promise<never>((_, reject) => {
    this.#fail = reject;
  });

  private constructor(readonly dir: string) {
    this.#failure.catch(() => {});
  }

  /** Opens `<table>.csv` in `dir` for every table the import knows (created or truncated). */
  static async open(dir: string, tables: readonly ImportTable[] = importTables): Promise<CsvFolderWriter> {
    await mkdir(dir, { recursive: true });
    const writer = new CsvFolderWriter(dir);
    for (const table of tables) {
      const names = table.columns.map((column) => column.name);
      const index = new Map(names.map((name, i) => [name, i]));
      const stringifier = stringify({ header: true, columns: names, writableHighWaterMark: 4096 });
      const file = createWriteStream(path.join(dir, `${table.name}.csv`), { highWaterMark: 1 << 20 });
      stringifier.on('error', (error) => writer.#fail(error));
      file.on('error', (error) => writer.#fail(error));
      stringifier.pipe(file);
      const entry: TableFile = {
        table,
        index,
        required: table.required.map((name) => index.get(name) as number),
        stringifier,
        file,
        rows: 0,
        blocked: false,
      };
      stringifier.on('drain', () => {
        if (entry.blocked) {
          entry.blocked = false;
          writer.#blocked -= 1;
        }
      });
      writer.#files.set(table.name, entry);
    }
    return writer;
  }

  write<T extends TableName>(table: T, row: TableRows[T]): void {
    const entry = this.#files.get(table);
    if (!entry) throw new Error(`no file for table ${table}`);
    const columns = entry.table.columns;
    const values: (string | number | null)[] = new Array(columns.length).fill(null);
    for (const name in row) {
      const i = entry.index.get(name);
      if (i === undefined) throw new Error(`${table} has no column ${name}`);
      const value = (row as Record<string, unknown>)[name];
      if (value === null || value === undefined) continue;
      if (typeof value === 'string') {
        const max = (columns[i] as ImportTable['columns'][number]).maxLength;
        if (max !== null && value.length > max) {
          throw new Error(`${table}.${name}: "${value}" is longer than ${max} characters`);
        }
        if (value === '') continue;
        values[i] = value;
      } else if (typeof value === 'number') {
        values[i] = value;
      } else {
        throw new Error(`${table}.${name}: unexpected ${typeof value} value`);
      }
    }
    for (const i of entry.required) {
      if (values[i] === null) throw new Error(`${table}: required column ${columns[i]?.name} is empty`);
    }
    entry.rows += 1;
    if (!entry.stringifier.write(values) && !entry.blocked) {
      entry.blocked = true;
      this.#blocked += 1;
    }
  }

  /** True when some file's buffer is full: the caller should `await drain()` before writing on. */
  get needsDrain(): boolean {
    return this.#blocked > 0;
  }

  /** Waits until every file has room again (back-pressure). */
  async drain(): Promise<void> {
    for (const entry of this.#files.values()) {
      if (entry.blocked) await Promise.race([once(entry.stringifier, 'drain'), this.#failure]);
    }
  }

  /** Ends every file and resolves, once all are flushed to disk, with rows written per file. */
  async close(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const finished: Promise<unknown>[] = [];
    for (const [name, entry] of this.#files) {
      counts[`${name}.csv`] = entry.rows;
      finished.push(once(entry.file, 'close'));
      entry.stringifier.end();
    }
    await Promise.race([Promise.all(finished), this.#failure]);
    return counts;
  }

  /** Closes every file after a failure, without waiting for buffered rows. */
  destroy(): void {
    for (const entry of this.#files.values()) {
      entry.stringifier.destroy();
      entry.file.destroy();
    }
  }
}
