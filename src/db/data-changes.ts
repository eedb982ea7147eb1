// What changes only when an import (or `npm run holidays`) commits: when the last import committed,
// the kinds of meeting the extract carries, and the working-day calendar. The service holds them in memory instead of reading them per
// request; a writer announces its commit with NOTIFY in the committing transaction (delivered only
// if it commits), and every service LISTENing reloads (docs/operations.md, "Data changes").

import type { WorkingDayCalendar } from '../domain/calendar.js';
import type { Logger } from '../log.js';
import { loadCalendar } from './bank-holidays.js';
import { lastImportCommittedAt } from './children.js';
import { readMeetingKindsRecorded } from './child-records.js';
import type { MeetingKind } from '../domain/child-protection.js';
import type { Database, SqlSession } from './connection.js';

export const dataChangedChannel = 'carebridge_data_changed';

/** Called by a writer inside the transaction that changes what the services hold in memory. */
export async function announceDataChanged(session: SqlSession): Promise<void> {
  await session.query(`NOTIFY ${dataChangedChannel}`);
}

export interface DataAsImported {
  /** When the last import committed; null when none has, or the database cannot say. */
  dataImportedAt(): Promise<string | null>;
  /** readMeetingKindsRecorded, as of the last import. */
  meetingKindsRecorded(): ReadonlySet<MeetingKind> | Promise<ReadonlySet<MeetingKind>>;
  calendar(): WorkingDayCalendar;
  stop(): Promise<void>;
}

/**
 * Loads both once, then again on every notification and every time listening (re)starts. While
 * not listening (the connection lost), a notification could be missed: `dataImportedAt` is read
 * per request until listening again, and the calendar reloaded then.
 */
export async function holdDataAsImported(database: Database, options: { localNonWorkingDays: string[]; logger: Pick<Logger, 'warn' | 'info' | 'error'> }): Promise<DataAsImported> {
  const readImportedAt = () => lastImportCommittedAt(database).catch(() => null);
  let calendar = await loadCalendar(database, options.localNonWorkingDays);
  let importedAt = await readImportedAt();
  let meetingKinds = await readMeetingKindsRecorded(database.orm);
  // Trusted only while listening and the last reload succeeded.
  let listening = false;
  let fresh = true;
  let stopped = false;
  // Reloads in turn: a notification during a reload reloads once more after it.
  let reloading: Promise<void> = Promise.resolve();
  const reload = () => {
    reloading = reloading.then(async () => {
      if (stopped) return;
      try {
        const [loaded, at, kinds] = await Promise.all([
          loadCalendar(database, options.localNonWorkingDays),
          lastImportCommittedAt(database),
          readMeetingKindsRecorded(database.orm),
        ]);
        calendar = loaded;
        importedAt = at;
        meetingKinds = kinds;
        fresh = true;
      } catch (error) {
        fresh = false;
        options.logger.error({ err: error }, 'data changed but could not be reloaded: dataImportedAt is read per request until it is');
      }
    });
  };
  const unlisten = await database.listen(dataChangedChannel, {
    notified: reload,
    listening: () => {
      // Anything may have changed while not listening.
      fresh = false;
      listening = true;
      reload();
    },
    lost: () => {
      if (listening) options.logger.warn('lost the connection listening for data changes: dataImportedAt is read per request until it is back');
      listening = false;
    },
  });
  return {
    dataImportedAt: () => (listening && fresh ? Promise.resolve(importedAt) : readImportedAt()),
    meetingKindsRecorded: () => (listening && fresh ? meetingKinds : readMeetingKindsRecorded(database.orm)),
    calendar: () => calendar,
    stop: async () => {
      stopped = true;
      await unlisten();
      await reloading;
    },
  };
}
