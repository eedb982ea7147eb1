// A child's schedule as at asOf: the facts loaded through the request's DataLoaders, handed to
// the domain's childSchedule, and kept for the request so that `schedule`, `nextReviewDue`,
// `dualStatusOutcome` and each plan's and period's `nextReviewDue` compute it once.

import { childSchedule, type ChildSchedule, type ScheduleFacts } from '../domain/schedule.js';
import { periodsOfCare } from '../domain/child-in-care.js';
import type { RequestContext } from './context.js';

const schedules = new WeakMap<RequestContext, Map<string, Promise<ChildSchedule>>>();

/** `childId` on `asOf`, once per request. */
export function scheduleOf(childId: string, asOf: string, context: RequestContext): Promise<ChildSchedule> {
  let byChild = schedules.get(context);
  if (!byChild) schedules.set(context, (byChild = new Map()));
  const key = `${childId}@${asOf}`;
  let schedule = byChild.get(key);
  if (!schedule) {
    schedule = scheduleFactsOf(childId, context).then((facts) => childSchedule(facts, context.calendar, context.policy, asOf));
    byChild.set(key, schedule);
  }
  return schedule;
}

/** Everything the schedules read about a child, through the request's loaders (one batch per table). */
export async function scheduleFactsOf(childId: string, context: RequestContext): Promise<ScheduleFacts> {
  const { records } = context;
  const [
    person, episodes, legalStatuses, childProtectionPlans, childInNeedPlans, enquiries, conferences, protectionReviews, assessments, careReviews,
    healthChecks, carePlans, placements, visits, careLeaverRecords, preProceedings, decisions, courtOrders, meetings, meetingKindsRecorded,
  ] = await Promise.all([
    records.person.load(childId),
    records.careEpisodes.load(childId),
    records.legalStatuses.load(childId),
    records.childProtectionPlans.load(childId),
    records.childInNeedPlans.load(childId),
    records.s47Enquiries.load(childId),
    records.initialConferences.load(childId),
    records.protectionReviews.load(childId),
    records.assessments.load(childId),
    records.careReviews.load(childId),
    records.healthChecks.load(childId),
    records.carePlans.load(childId),
    records.placements.load(childId),
    records.careVisits.load(childId),
    records.careLeaverRecords.load(childId),
    records.preProceedings.load(childId),
    records.dualStatusDecisions.load(childId),
    records.courtOrders.load(childId),
    records.meetings.load(childId),
    records.meetingKindsRecorded.load('all'),
  ]);
  return {
    dateOfBirth: person?.dateOfBirth ?? null,
    periods: periodsOfCare(episodes),
    legalStatuses,
    childProtectionPlans,
    childInNeedPlans,
    enquiries,
    conferences,
    protectionReviews,
    assessments,
    careReviews,
    healthChecks,
    carePlans,
    placements,
    visits,
    careLeaverRecords,
    preProceedings,
    decisions,
    courtOrders,
    meetings,
    meetingKindsRecorded,
  };
}
