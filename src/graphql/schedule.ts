// A child's schedule as at asOf: the facts from the request's child records, handed to
// the domain's childSchedule, and kept for the request so that `schedule`, `nextReviewDue`,
// `dualStatusOutcome` and each plan's and period's `nextReviewDue` compute it once. A child
// whose records a rule cannot read gets an error on the field asked, naming the record.

import { byTheRules } from '../db/authority-due-dates.js';
import { scheduleFactsOf } from '../db/schedule-facts.js';
import { childSchedule, type ChildSchedule } from '../domain/schedule.js';
import type { RequestContext } from './context.js';
import { unreadableRecord } from './errors.js';

const schedules = new WeakMap<RequestContext, Map<string, Promise<ChildSchedule>>>();

/** `childId` on `asOf`, once per request. */
export function scheduleOf(childId: string, asOf: string, context: RequestContext): Promise<ChildSchedule> {
  let byChild = schedules.get(context);
  if (!byChild) schedules.set(context, (byChild = new Map()));
  const key = `${childId}@${asOf}`;
  let schedule = byChild.get(key);
  if (!schedule) {
    schedule = scheduleFactsOf(childId, context.records).then((facts) => {
      const answer = byTheRules(childId, () => childSchedule(facts, context.calendar, context.policy, asOf));
      if ('value' in answer) return answer.value;
      const { table, problem } = answer.leftOut;
      throw unreadableRecord(table, context.pseudonyms ? context.pseudonyms.of(childId) : childId, problem);
    });
    byChild.set(key, schedule);
  }
  return schedule;
}
