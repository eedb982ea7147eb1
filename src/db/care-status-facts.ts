// The facts a child's care status is read from (src/domain/care-status.ts), as known on a
// date, through the request's child records (one statement for every child asked at once).

import type { CareStatusFacts } from '../domain/care-status.js';
import { periodsOfCare, type PeriodOfCareFact } from '../domain/child-in-care.js';
import { asKnownOn, type IsoDate } from '../domain/facts.js';
import type { RelationName } from './child-relations.js';
import { whenRead, type ChildRecords, type MaybePromise } from './child-records.js';

/** The relations a care status reads: a look-up whose operation asks for it reads them in its statement. */
export const careStatusRelations = [
  'person', 'earlyHelpEpisodes', 'childInNeedPlans', 'childProtectionPlans', 'careEpisodes', 'legalStatuses', 'careLeaverRecords',
] as const satisfies readonly RelationName[];

export type CareStatusFactsWithPeriods = CareStatusFacts & { periods: PeriodOfCareFact[] };

/** At once when the relations are read already (a look-up), else after one statement for every child asked. */
export function careStatusFactsOf(childId: string, asOf: IsoDate, records: ChildRecords): MaybePromise<CareStatusFactsWithPeriods> {
  return whenRead(records.read(childId, careStatusRelations), (read) => {
    const [person] = read.person;
    if (!person) throw new Error(`child ${childId} has no person row`);
    const periods = periodsOfCare(asKnownOn(read.careEpisodes, asOf));
    return {
      person,
      earlyHelpEpisodes: asKnownOn(read.earlyHelpEpisodes, asOf),
      childInNeedPlans: asKnownOn(read.childInNeedPlans, asOf),
      childProtectionPlans: asKnownOn(read.childProtectionPlans, asOf),
      periodsOfCare: periods,
      periods,
      legalStatuses: asKnownOn(read.legalStatuses, asOf),
      careLeaverRecords: read.careLeaverRecords,
    };
  });
}
