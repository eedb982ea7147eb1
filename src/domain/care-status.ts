// A child's care status on a date: which kinds of social care work are open, the legal basis
// of a period of care, and whether the authority shares parental responsibility. The readings
// are in docs/care-status.md; `src/db/children.ts` applies the same ones in SQL for filters.

import {
  legalBasisOf,
  legalStatusOn,
  localAuthorityHasParentalResponsibility,
  type LegalBasis,
  type PeriodOfCareFact,
} from './child-in-care.js';
import {
  isOpenOn,
  type CareLeaverRecordFact,
  type ChildInNeedPlanFact,
  type ChildProtectionPlanFact,
  type EarlyHelpEpisodeFact,
  type IsoDate,
  type LegalStatusFact,
  type Person,
} from './facts.js';
import { addYears } from './calendar.js';

export const careStatusKinds = [
  'EARLY_HELP',
  'CHILD_IN_NEED',
  'CHILD_PROTECTION',
  'CHILD_IN_CARE',
  'CARE_LEAVER',
  'NOT_OPEN',
] as const;
export type CareStatusKind = (typeof careStatusKinds)[number];

export interface CareStatusFacts {
  person: Person;
  earlyHelpEpisodes: readonly EarlyHelpEpisodeFact[];
  childInNeedPlans: readonly ChildInNeedPlanFact[];
  childProtectionPlans: readonly ChildProtectionPlanFact[];
  periodsOfCare: readonly PeriodOfCareFact[];
  legalStatuses: readonly LegalStatusFact[];
  careLeaverRecords: readonly CareLeaverRecordFact[];
}

export interface CareStatus {
  asOf: IsoDate;
  kinds: CareStatusKind[];
  isLookedAfter: boolean;
  isOnChildProtectionPlan: boolean;
  isDualStatus: boolean;
  legalBasis: LegalBasis | null;
  legalStatusCode: string | null;
  localAuthorityHasParentalResponsibility: boolean;
}

/** Support for a care leaver can run to the 25th birthday (CL-SUPPORT-21). */
export const careLeaverSupportEndsAtAge = 25;

/**
 * Until the care-leaver rules (CL-*) are computed: a child with a care-leaver record who is not
 * looked after and is under 25 on `asOf`.
 */
function isCareLeaverOn(facts: CareStatusFacts, lookedAfter: boolean, asOf: IsoDate): boolean {
  const born = facts.person.dateOfBirth;
  return (
    facts.careLeaverRecords.length > 0 &&
    !lookedAfter &&
    born !== null &&
    asOf < addYears(born, careLeaverSupportEndsAtAge)
  );
}

export function careStatusOn(facts: CareStatusFacts, asOf: IsoDate): CareStatus {
  const open = <T extends { startDate: IsoDate; endDate: IsoDate | null }>(spans: readonly T[]) =>
    spans.some((span) => isOpenOn(span, asOf));
  const lookedAfter = open(facts.periodsOfCare);
  const onPlan = open(facts.childProtectionPlans);
  const kinds: CareStatusKind[] = [];
  if (open(facts.earlyHelpEpisodes)) kinds.push('EARLY_HELP');
  if (open(facts.childInNeedPlans)) kinds.push('CHILD_IN_NEED');
  if (onPlan) kinds.push('CHILD_PROTECTION');
  if (lookedAfter) kinds.push('CHILD_IN_CARE');
  if (isCareLeaverOn(facts, lookedAfter, asOf)) kinds.push('CARE_LEAVER');
  if (kinds.length === 0) kinds.push('NOT_OPEN');
  const status = lookedAfter ? legalStatusOn(facts.legalStatuses, asOf) : undefined;
  return {
    asOf,
    kinds,
    isLookedAfter: lookedAfter,
    isOnChildProtectionPlan: onPlan,
    isDualStatus: lookedAfter && onPlan,
    legalBasis: status ? legalBasisOf(status.code) : null,
    legalStatusCode: status?.code ?? null,
    localAuthorityHasParentalResponsibility: localAuthorityHasParentalResponsibility(
      legalStatusOn(facts.legalStatuses, asOf)?.code,
    ),
  };
}
