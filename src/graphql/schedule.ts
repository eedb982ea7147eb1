// A child's schedule as at asOf: the facts from the request's child records, handed to
// the domain's childSchedule, and kept for the request so that `schedule`, `nextReviewDue`,
// `dualStatusOutcome` and each plan's and period's `nextReviewDue` compute it once. A child
// whose records a rule cannot read gets an error on the field asked, naming the record.

import { byTheRules } from '../db/authority-due-dates.js';
import { scheduleFactsOf } from '../db/schedule-facts.js';
import { whenRead, type MaybePromise } from '../db/child-records.js';
import { childSchedule, type ChildSchedule } from '../domain/schedule.js';
import type { RequestContext } from './context.js';
import { unreadableRecord } from './errors.js';

/** A child's schedule once asked: computed (or on its way), or why a rule could not compute it. */
type Computed = { schedule: MaybePromise<ChildSchedule> } | { failed: unknown };

const schedules = new WeakMap<RequestContext, Map<string, Computed>>();

function computeSchedule(childId: string, asOf: string, context: RequestContext): MaybePromise<ChildSchedule> {
  return whenRead(scheduleFactsOf(childId, context.records), (facts) => {
    const answer = byTheRules(childId, () => childSchedule(facts, context.calendar, context.policy, asOf));
    if ('value' in answer) return answer.value;
    const { table, problem } = answer.leftOut;
    throw unreadableRecord(table, context.pseudonyms ? context.pseudonyms.of(childId) : childId, problem);
  });
}

/** `childId` on `asOf`, once per request: at once when its records are read already (a look-up). */
export function scheduleOf(childId: string, asOf: string, context: RequestContext): MaybePromise<ChildSchedule> {
  let byChild = schedules.get(context);
  if (!byChild) schedules.set(context, (byChild = new Map()));
  const key = `${childId}@${asOf}`;
  let computed = byChild.get(key);
  if (!computed) {
    try {
      computed = { schedule: computeSchedule(childId, asOf, context) };
    } catch (error) {
      computed = { failed: error };
    }
    byChild.set(key, computed);
  }
  if ('failed' in computed) throw computed.failed;
  return computed.schedule;
}
