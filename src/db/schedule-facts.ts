// The facts a child's schedule is computed from (src/domain/schedule.ts), through the request's
// child records, so that asking for many children costs one statement for all of them.

import { periodsOfCare } from '../domain/child-in-care.js';
import type { ScheduleFacts } from '../domain/schedule.js';
import type { RelationName } from './child-relations.js';
import type { ChildRecords } from './child-records.js';

/** The relations a schedule reads: a look-up whose operation asks for due dates reads them in its statement. */
export const scheduleRelations: readonly RelationName[] = [
  'person', 'careEpisodes', 'legalStatuses', 'childProtectionPlans', 'childInNeedPlans', 's47Enquiries', 'initialConferences',
  'protectionReviews', 'assessments', 'careReviews', 'healthChecks', 'carePlans', 'placements', 'careVisits', 'careLeaverRecords',
  'preProceedings', 'dualStatusDecisions', 'courtOrders', 'meetings',
];

/** Everything the schedules read about a child (one statement for every child asked at once). */
export async function scheduleFactsOf(childId: string, records: ChildRecords): Promise<ScheduleFacts> {
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
    records.meetingKindsRecorded(),
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
