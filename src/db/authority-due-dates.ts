// One child's due dates in a window and caseload facts on asOf, from its records through the
// DataLoaders and the same rule code as its `schedule` (src/domain/due-date-history.ts): what
// the compliance measures, the `dueDates` rows, the extracts and the materialised store read.

import { careStatusOn } from '../domain/care-status.js';
import type { WorkingDayCalendar } from '../domain/calendar.js';
import { longPlans, type ChildCaseload, type ComplianceRow } from '../domain/compliance.js';
import { dueDateHistory } from '../domain/due-date-history.js';
import { isOpenOn, type IsoDate } from '../domain/facts.js';
import { allocatedTeamOn } from '../domain/key-contacts.js';
import type { Policy } from '../domain/policy.js';
import { childSchedule } from '../domain/schedule.js';
import { careStatusFactsOf } from './care-status-facts.js';
import type { ChildRecordLoaders } from './child-records.js';
import { scheduleFactsOf } from './schedule-facts.js';

export interface DueDateInputs {
  records: ChildRecordLoaders;
  calendar: WorkingDayCalendar;
  policy: Policy;
  /** Whether an involvement's role label is the allocated social worker (authorities' labels differ). */
  isSocialWorker: (roleLabel: string | null) => boolean;
}

export async function childDueDates(
  childId: string,
  window: { from: IsoDate; to: IsoDate },
  asOf: IsoDate,
  inputs: DueDateInputs,
): Promise<{ rows: ComplianceRow[]; caseload: ChildCaseload }> {
  const { records, calendar, policy } = inputs;
  const [facts, statusFacts, involvements, careLeaverRecords] = await Promise.all([
    scheduleFactsOf(childId, records),
    careStatusFactsOf(childId, asOf, records),
    records.involvements.load(childId),
    records.careLeaverRecords.load(childId),
  ]);
  const team = allocatedTeamOn(involvements, careLeaverRecords, asOf, inputs.isSocialWorker)?.name ?? null;
  const status = careStatusOn(statusFacts, asOf);
  return {
    rows: dueDateHistory(facts, calendar, policy, window, asOf).map((record) => ({ ...record, childId, team })),
    caseload: {
      childId,
      team,
      kinds: status.kinds,
      isDualStatus: status.isDualStatus,
      dualStatusExceptional: status.isDualStatus && childSchedule(facts, calendar, policy, asOf).dualStatus.outcome.exceptional,
      ...longPlans(
        statusFacts.childProtectionPlans.filter((plan) => isOpenOn(plan, asOf)).map((plan) => plan.startDate),
        statusFacts.childInNeedPlans.filter((plan) => isOpenOn(plan, asOf)).map((plan) => plan.startDate),
        asOf,
      ),
    },
  };
}
