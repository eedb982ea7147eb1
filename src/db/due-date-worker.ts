// A due-date worker thread (src/db/due-date-workers.ts): computes the batches it is sent, one at
// a time, by the same code as the main thread (computeBatch), and replies with their answers.

import { parentPort } from 'node:worker_threads';
import { WorkingDayCalendar } from '../domain/calendar.js';
import { computeBatch, type WorkerReply, type WorkerTask } from './due-date-workers.js';

if (!parentPort) throw new Error('src/db/due-date-worker.ts runs as a worker thread');
const port = parentPort;

// The calendar changes only when bank holidays are loaded: made again only when its options do.
let calendar: { key: string; value: WorkingDayCalendar } | undefined;

function calendarOf(task: WorkerTask): WorkingDayCalendar {
  const key = JSON.stringify(task.calendar);
  if (calendar?.key !== key) calendar = { key, value: new WorkingDayCalendar(task.calendar) };
  return calendar.value;
}

port.on('message', (task: WorkerTask) => {
  computeBatch(task.relations, task.question, {
    calendar: calendarOf(task),
    policy: task.policy,
    labels: { keyContactRole: task.keyContactRole },
    meetingKinds: new Set(task.meetingKinds),
  }).then(
    (answer) => port.postMessage({ id: task.id, answer } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id: task.id, failed: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
