// Whole-authority due dates on worker threads (issue 13). The main thread reads a batch's
// relations (one statement: JSON text per relation and child) and hands them over; a worker turns
// them into facts and runs the rules — pure code, so it moves unchanged — and hands back the
// batch's due dates, caseloads and summaries. Reading stays on the caller's session, so a
// transaction or a snapshot stays one; the CPU-bound part runs on the other cores while the next
// batch is read. CAREBRIDGE_BULK_WORKERS=0 computes on the main thread, as the workers would.

import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LabelMaps } from '../config.js';
import type { WorkingDayCalendar, WorkingDayCalendarOptions } from '../domain/calendar.js';
import type { MeetingKind } from '../domain/child-protection.js';
import type { Policy } from '../domain/policy.js';
import type { Logger } from '../log.js';
import { keyContactRoleOfLabel } from '../config.js';
import { batchDueDates, dueDateRelations, type BatchDueDates, type BatchQuestion } from './authority-due-dates.js';
import { createChildRecords, readRelations, type RelationColumns } from './child-records.js';
import type { SqlSession } from './connection.js';

/** What the rules need besides a batch's relations. */
export interface BatchSettings {
  calendar: WorkingDayCalendar;
  policy: Policy;
  labels: Pick<LabelMaps, 'keyContactRole'>;
  meetingKinds: ReadonlySet<MeetingKind>;
}

/** One batch for a worker: its relations and question, and the settings in a form a thread can receive. */
export interface WorkerTask {
  id: number;
  relations: [string, RelationColumns][];
  question: BatchQuestion;
  calendar: WorkingDayCalendarOptions;
  policy: Policy;
  keyContactRole: LabelMaps['keyContactRole'];
  meetingKinds: MeetingKind[];
}

export type WorkerReply = { id: number; answer: BatchDueDates } | { id: number; failed: string };

export interface DueDateComputer {
  /** How many batches it computes at once: what a caller keeps in flight. */
  readonly parallel: number;
  compute(relations: ReadonlyMap<string, RelationColumns>, question: BatchQuestion, settings: BatchSettings): Promise<BatchDueDates>;
  close(): Promise<void>;
}

/** A session for records whose relations all come with the batch: reading one more would be a fault. */
const readsNothing: SqlSession = {
  query: () => Promise.reject(new Error('a batch comes with its relations: nothing more is read')),
  copyFrom: () => Promise.reject(new Error('a batch comes with its relations: nothing is written')),
};

/** The batch's answers from its relations, by the same code on whichever thread runs it. */
export function computeBatch(relations: Iterable<[string, RelationColumns]>, question: BatchQuestion, settings: BatchSettings): Promise<BatchDueDates> {
  const records = createChildRecords(readsNothing, () => settings.meetingKinds);
  for (const [childId, columns] of relations) records.prime(childId, columns);
  const isSocialWorker = (label: string | null) => keyContactRoleOfLabel(settings.labels, label) === 'SOCIAL_WORKER';
  return batchDueDates(question, { records, calendar: settings.calendar, policy: settings.policy, isSocialWorker });
}

/** Computes on the calling thread (PGlite's tests, CAREBRIDGE_BULK_WORKERS=0). */
export const onThisThread: DueDateComputer = {
  parallel: 1,
  compute: (relations, question, settings) => computeBatch(relations, question, settings),
  close: async () => {},
};

// npm start and npm test build first: under vitest this module is the TypeScript source, and the
// thread runs its built copy.
const workerFile = fileURLToPath(new URL('./due-date-worker.js', import.meta.url)).replace(`${sep}src${sep}db${sep}`, `${sep}dist${sep}db${sep}`);

interface Pending {
  resolve: (answer: BatchDueDates) => void;
  reject: (error: Error) => void;
}

/** `size` worker threads, each computing one batch at a time; a thread that dies is replaced and its batch fails. */
export function workerPool(size: number, logger: Pick<Logger, 'error'>): DueDateComputer {
  const pending = new Map<number, Pending>();
  const idle: Worker[] = [];
  const queue: WorkerTask[] = [];
  const running = new Map<Worker, number>();
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      running.set(worker, task.id);
      worker.postMessage(task);
    }
  };
  const settle = (id: number, outcome: { answer: BatchDueDates } | { error: Error }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if ('answer' in outcome) waiting?.resolve(outcome.answer);
    else waiting?.reject(outcome.error);
  };
  const start = (): Worker => {
    const worker = new Worker(workerFile);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      running.delete(worker);
      settle(reply.id, 'answer' in reply ? { answer: reply.answer } : { error: new Error(reply.failed) });
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => {
      logger.error({ err: error }, 'a due-date worker failed: its batch fails, a new worker takes its place');
      const id = running.get(worker);
      running.delete(worker);
      if (id !== undefined) settle(id, { error: new Error('the due-date worker computing this batch failed') });
      if (!closed) {
        idle.push(start());
        dispatch();
      }
    });
    return worker;
  };
  for (let count = 0; count < size; count++) idle.push(start());

  return {
    parallel: size,
    compute: (relations, question, settings) =>
      new Promise<BatchDueDates>((resolve, reject) => {
        if (closed) return reject(new Error('the due-date workers are stopped'));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({
          id,
          relations: [...relations],
          question,
          calendar: settings.calendar.options,
          policy: settings.policy,
          keyContactRole: settings.labels.keyContactRole,
          meetingKinds: [...settings.meetingKinds],
        });
        dispatch();
      }),
    close: async () => {
      closed = true;
      const workers = [...idle, ...running.keys()];
      for (const [id] of pending) settle(id, { error: new Error('the due-date workers are stopped') });
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Workers when asked for (CAREBRIDGE_BULK_WORKERS above 0), else this thread. */
export function dueDateComputer(workers: number, logger: Pick<Logger, 'error'>): DueDateComputer {
  return workers > 0 ? workerPool(workers, logger) : onThisThread;
}

/**
 * The batches' answers in their order, reading each batch's relations on `session` (one
 * statement) and keeping up to `computer.parallel` + 1 batches in flight, so that reading the
 * next overlaps computing the last. Memory holds those batches, whatever the authority's size.
 */
export async function* computedBatches(
  session: SqlSession,
  questions: Iterable<BatchQuestion>,
  computer: DueDateComputer,
  settings: BatchSettings,
): AsyncGenerator<BatchDueDates> {
  const inFlight: Promise<BatchDueDates>[] = [];
  try {
    for (const question of questions) {
      const readFor = question.summaries ? question.batch : question.withWork;
      const relations = await readRelations(session, readFor, dueDateRelations);
      const computing = computer.compute(relations, question, settings);
      // Not awaited until its turn: a failure is taken then, not reported as unhandled meanwhile.
      computing.catch(() => {});
      inFlight.push(computing);
      if (inFlight.length > computer.parallel) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    // Abandoned (an error, a hang-up): batches still computing are left to finish unread.
    inFlight.length = 0;
  }
}
