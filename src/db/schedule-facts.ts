// The facts a child's schedule is computed from (src/domain/schedule.ts), through the
// DataLoaders, so that asking for many children costs one statement per table.

import { periodsOfCare } from '../domain/child-in-care.js';
import type { ScheduleFacts } from '../domain/schedule.js';
import type { ChildRecordLoaders } from './child-records.js';

/** Everything the schedules read about a child, through the loaders (one batch per table for every child asked at once). */
export async function scheduleFactsOf(childId: string, records: ChildRecordLoaders): Promise<ScheduleFacts> {
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
