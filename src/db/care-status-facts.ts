// The facts a child's care status is read from (src/domain/care-status.ts), as known on a
// date, through the request's child records (one statement for every child asked at once).

import type { CareStatusFacts } from '../domain/care-status.js';
import { periodsOfCare, type PeriodOfCareFact } from '../domain/child-in-care.js';
import { asKnownOn, type IsoDate } from '../domain/facts.js';
import type { RelationName } from './child-relations.js';
import type { ChildRecords } from './child-records.js';

/** The relations a care status reads: a look-up whose operation asks for it reads them in its statement. */
export const careStatusRelations: readonly RelationName[] = [
  'person', 'earlyHelpEpisodes', 'childInNeedPlans', 'childProtectionPlans', 'careEpisodes', 'legalStatuses', 'careLeaverRecords',
];

export async function careStatusFactsOf(
  childId: string,
  asOf: IsoDate,
  records: ChildRecords,
): Promise<CareStatusFacts & { periods: PeriodOfCareFact[] }> {
  const [person, earlyHelp, cin, cp, episodes, legal, careLeaver] = await Promise.all([
    records.person.load(childId),
    records.earlyHelpEpisodes.load(childId),
    records.childInNeedPlans.load(childId),
    records.childProtectionPlans.load(childId),
    records.careEpisodes.load(childId),
    records.legalStatuses.load(childId),
    records.careLeaverRecords.load(childId),
  ]);
  if (!person) throw new Error(`child ${childId} has no person row`);
  const periods = periodsOfCare(asKnownOn(episodes, asOf));
  return {
    person,
    earlyHelpEpisodes: asKnownOn(earlyHelp, asOf),
    childInNeedPlans: asKnownOn(cin, asOf),
    childProtectionPlans: asKnownOn(cp, asOf),
    periodsOfCare: periods,
    periods,
    legalStatuses: asKnownOn(legal, asOf),
    careLeaverRecords: careLeaver,
  };
}
