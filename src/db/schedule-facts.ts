// The facts a child's schedule is computed from (src/domain/schedule.ts), through the request's
// child records, so that asking for many children costs one statement for all of them.

import { periodsOfCare } from '../domain/child-in-care.js';
import type { ScheduleFacts } from '../domain/schedule.js';
import type { RelationName } from './child-relations.js';
import type { ChildRecords, MaybePromise } from './child-records.js';
import type { MeetingKind } from '../domain/child-protection.js';

/** The relations a schedule reads: a look-up whose operation asks for due dates reads them in its statement. */
export const scheduleRelations = [
  'person', 'careEpisodes', 'legalStatuses', 'childProtectionPlans', 'childInNeedPlans', 's47Enquiries', 'initialConferences',
  'protectionReviews', 'assessments', 'careReviews', 'healthChecks', 'carePlans', 'placements', 'careVisits', 'careLeaverRecords',
  'preProceedings', 'dualStatusDecisions', 'courtOrders', 'meetings',
] as const satisfies readonly RelationName[];

/** Everything the schedules read about a child: at once when already read (a look-up), else in one statement for every child asked. */
export function scheduleFactsOf(childId: string, records: ChildRecords): MaybePromise<ScheduleFacts> {
  const facts = records.read(childId, scheduleRelations);
  const meetingKindsRecorded = records.meetingKindsRecorded();
  const scheduleFacts = (read: Awaited<typeof facts>, kinds: ReadonlySet<MeetingKind>): ScheduleFacts => ({
    dateOfBirth: read.person[0]?.dateOfBirth ?? null,
    periods: periodsOfCare(read.careEpisodes),
    legalStatuses: read.legalStatuses,
    childProtectionPlans: read.childProtectionPlans,
    childInNeedPlans: read.childInNeedPlans,
    enquiries: read.s47Enquiries,
    conferences: read.initialConferences,
    protectionReviews: read.protectionReviews,
    assessments: read.assessments,
    careReviews: read.careReviews,
    healthChecks: read.healthChecks,
    carePlans: read.carePlans,
    placements: read.placements,
    visits: read.careVisits,
    careLeaverRecords: read.careLeaverRecords,
    preProceedings: read.preProceedings,
    decisions: read.dualStatusDecisions,
    courtOrders: read.courtOrders,
    meetings: read.meetings,
    meetingKindsRecorded: kinds,
  });
  if (facts instanceof Promise || meetingKindsRecorded instanceof Promise) {
    return Promise.all([facts, meetingKindsRecorded]).then(([read, kinds]) => scheduleFacts(read, kinds));
  }
  return scheduleFacts(facts, meetingKindsRecorded);
}
