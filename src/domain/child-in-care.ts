// Children in care: periods of care, their legal basis and placements (rules.md, "Period of
// care"; code lists). Pure functions of facts and a date.

import { legalStatuses, placementTypes, type LegalStatusCode } from './code-lists.js';
import type { CareEpisodeFact, IsoDate, LegalStatusFact, Span } from './facts.js';

export type LegalBasis = (typeof legalStatuses)[LegalStatusCode]['basis'] | 'OTHER';

export interface PeriodOfCareFact extends Span {
  /** `clae_cla_id`, or the first episode's id where the extract lacks it. */
  id: string;
  episodes: CareEpisodeFact[];
}

/**
 * Groups episodes into periods of care: episodes sharing `clae_cla_id`; where an extract lacks
 * it, episodes where the next starts on the day the previous ceased (SSDA903: no gap). A
 * period starts on `clae_entered_care_date` when given, else its first episode's start.
 */
export function periodsOfCare(episodes: readonly CareEpisodeFact[]): PeriodOfCareFact[] {
  const sorted = [...episodes].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  const groups = new Map<string, CareEpisodeFact[]>();
  let chain: CareEpisodeFact[] | undefined;
  for (const episode of sorted) {
    if (episode.periodId !== null) {
      const group = groups.get(episode.periodId) ?? [];
      group.push(episode);
      groups.set(episode.periodId, group);
      continue;
    }
    const previous = chain?.at(-1);
    if (chain && previous && previous.endDate === episode.startDate) chain.push(episode);
    else groups.set(`episode:${episode.id}`, (chain = [episode]));
  }
  return [...groups.entries()]
    .map(([key, group]) => {
      const first = group[0]!;
      const last = group.at(-1)!;
      const entered = group.find((episode) => episode.enteredCareDate !== null)?.enteredCareDate;
      return {
        id: key.startsWith('episode:') ? first.id : key,
        startDate: entered ?? first.startDate,
        endDate: last.endDate,
        episodes: group,
      };
    })
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** The legal status in force on a date (the latest to start, when an extract overlaps them). */
export function legalStatusOn(statuses: readonly LegalStatusFact[], on: IsoDate): LegalStatusFact | undefined {
  return statuses
    .filter((status) => status.startDate <= on && (status.endDate === null || status.endDate > on))
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id))[0];
}

export function legalBasisOf(code: string): LegalBasis {
  return code in legalStatuses ? legalStatuses[code as LegalStatusCode].basis : 'OTHER';
}

/**
 * PR-LA-CARE-ORDER: the authority shares PR under a care order or interim care order, a
 * placement (or freeing) order, and an emergency protection order (L2); never under S.20 or
 * police protection (L1).
 */
export function localAuthorityHasParentalResponsibility(code: string | undefined): boolean {
  return code === 'C1' || code === 'C2' || code === 'E1' || code === 'D1' || code === 'L2';
}

export function placementTypeDescription(code: string | null): string {
  if (code === null) return 'Not recorded';
  return code in placementTypes ? placementTypes[code as keyof typeof placementTypes].description : code;
}
