// Domain facts: what the rules reason about, in practitioners' words, read from stored rows by
// src/db and never written back. Dates are ISO `yyyy-mm-dd` strings (plain dates, no zone), so
// they compare correctly as text.

export type IsoDate = string;

export interface Person {
  id: string;
  forename: string | null;
  surname: string | null;
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  dateOfDeath: IsoDate | null;
  nhsNumber: string | null;
}

/** Anything with a start and an optional end: a plan, an episode, a legal status, an order. */
export interface Span {
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface ChildProtectionPlanFact extends Span {
  id: string;
  initialCategory: string | null;
  latestCategory: string | null;
}

export interface ChildInNeedPlanFact extends Span {
  id: string;
}

export interface EarlyHelpEpisodeFact extends Span {
  id: string;
  reason: string | null;
  organisation: string | null;
}

export interface CareEpisodeFact extends Span {
  id: string;
  /** The period of care the episode belongs to (`clae_cla_id`), when the extract carries it. */
  periodId: string | null;
  enteredCareDate: IsoDate | null;
}

export interface LegalStatusFact extends Span {
  id: string;
  code: string;
}

export interface PlacementFact extends Span {
  id: string;
  periodId: string;
  placementType: string | null;
}

export interface CareReviewFact {
  id: string;
  periodId: string;
  dueDate: IsoDate | null;
  heldOn: IsoDate | null;
  cancelled: boolean;
}

export interface CarePlanFact extends Span {
  id: string;
  permanencePlan: string | null;
}

export interface HealthCheckFact {
  id: string;
  type: string | null;
  date: IsoDate;
}

export interface InvolvementFact extends Span {
  id: string;
  roleLabel: string | null;
  professionalName: string | null;
  jobTitle: string | null;
  teamId: string | null;
  teamName: string | null;
}

export interface CareLeaverRecordFact {
  id: string;
  eligibility: string | null;
  pathwayPlanReviewDate: IsoDate | null;
  personalAdviser: string | null;
  teamId: string | null;
  teamName: string | null;
}

export interface TeamContactFact {
  teamId: string;
  teamName: string | null;
  dutyPhone: string | null;
  dutyEmail: string | null;
  outOfHoursPhone: string | null;
}

/** A span is open on a date when it started on or before it and had not ended by then. */
export function isOpenOn(span: Span, on: IsoDate): boolean {
  return span.startDate <= on && (span.endDate === null || span.endDate > on);
}

/** What was known on `asOf`: facts that started later are ignored, and later end dates are not yet known. */
export function asKnownOn<T extends Span>(spans: readonly T[], asOf: IsoDate): T[] {
  return spans
    .filter((span) => span.startDate <= asOf)
    .map((span) => (span.endDate !== null && span.endDate > asOf ? { ...span, endDate: null } : span));
}
