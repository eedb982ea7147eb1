// Parental responsibility (rules.md, "Parental responsibility (PR)"): who holds PR for a child
// on a date, and on what basis. Pure: facts and a date in, holders out (ISO `yyyy-mm-dd`).
// Each rule is one small function below, headed by its id and source; search for the id.
//
// Facts come from Carebridge's extension tables (contract README): `cb_relationship.csv`
// (RelationshipFact) and `cb_court_order.csv` (CourtOrderFact), and from the SSD's legal
// statuses (LegalStatusFact). As at `asOf`, facts dated after it are ignored: orders and
// legal statuses through `asKnownOn` (a later start is ignored, a later end is not yet known),
// a registration dated after `asOf` has not happened yet.

import { addYears, ageOn } from './calendar.js';
import { legalStatusOn, localAuthorityHasParentalResponsibility } from './child-in-care.js';
import { asKnownOn, isOpenOn, type IsoDate, type LegalStatusFact, type Person, type Span } from './facts.js';
import type { RuleId } from './rules.js';

// ---------------------------------------------------------------------------------------------
// Facts

/** `rela_relationship` codes, with the readable word a holder's `relationship` shows. */
export const relationshipLabels = {
  MOTHER: 'Mother',
  FATHER: 'Father',
  SECOND_PARENT: 'Second parent',
  STEP_PARENT: 'Step-parent',
  GRANDPARENT: 'Grandparent',
  OTHER_RELATIVE: 'Other relative',
  FOSTER_CARER: 'Foster carer',
  OTHER: 'Other',
} as const;
export type RelationshipKind = keyof typeof relationshipLabels;

/** One related adult of the child (`cb_relationship.csv`). */
export interface RelationshipFact {
  id: string;
  relatedPersonId: string;
  relationship: RelationshipKind;
  /** A father (or second parent) married to, or in a civil partnership with, the mother at the birth (or, for a father, after it). */
  marriedToMother: boolean | null;
  registeredOnBirthCertificate: boolean | null;
  /** When the father (or second parent) was registered or re-registered, when held. */
  registrationDate: IsoDate | null;
  /** Contact stopped. */
  noContact: boolean;
  /** The child's address must not be disclosed to this person. */
  addressWithheld: boolean;
}

export const courtOrderTypes = [
  'CHILD_ARRANGEMENTS_LIVE_WITH',
  'SPECIAL_GUARDIANSHIP',
  'ADOPTION',
  'PR_AGREEMENT',
  'PR_ORDER',
] as const;
export type CourtOrderType = (typeof courtOrderTypes)[number];

/** A private-law or permanence order that gives or removes PR (`cb_court_order.csv`). */
export interface CourtOrderFact extends Span {
  id: string;
  orderType: CourtOrderType;
  /** Who the order names. */
  holderPersonId: string;
  /** Adoption by a step-parent: the parent, their partner, who keeps PR. */
  partnerPersonId: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

// ---------------------------------------------------------------------------------------------
// Holders (the contract's ParentalResponsibilityHolder)

/** The contract's PrBasis enum, in the contract's order. */
export const prBases = [
  'BIRTH_MOTHER',
  'MARRIED_FATHER',
  'REGISTERED_FATHER',
  'SECOND_PARENT',
  'PR_AGREEMENT_OR_ORDER',
  'CHILD_ARRANGEMENTS_ORDER',
  'SPECIAL_GUARDIANSHIP_ORDER',
  'CARE_ORDER',
  'ADOPTION_ORDER',
] as const;
export type PrBasis = (typeof prBases)[number];
export type PrHolderKind = 'PERSON' | 'LOCAL_AUTHORITY';

export interface PrHolder {
  kind: PrHolderKind;
  /** Null for the local authority. */
  personId: string | null;
  name: string;
  /** The cb_relationship label as a word ('Mother', 'Step-parent', …); null for the local authority or a person with no relationship row. */
  relationship: string | null;
  basis: PrBasis;
  ruleId: RuleId;
  /** A special guardian's PR takes precedence over the parents' (PR-SGO). */
  takesPrecedence: boolean;
  /** Do not disclose the child's address or placement to this holder (PR-NO-CONTACT). */
  addressWithheld: boolean;
  since: IsoDate | null;
  until: IsoDate | null;
}

export interface ParentalResponsibilityInput {
  child: Person;
  /** The child's related adults. */
  relationships: readonly RelationshipFact[];
  /** The child's court orders. */
  courtOrders: readonly CourtOrderFact[];
  /** The child's legal statuses (SSDA903 codes). */
  legalStatuses: readonly LegalStatusFact[];
  /** Everyone a relationship or an order names, by id (for names and dates of death). */
  people: ReadonlyMap<string, Person>;
  asOf: IsoDate;
  localAuthorityName: string;
}

/**
 * When one person holds PR on two bases (a married father who also has a PR order), they are
 * listed once, under the strongest basis: the contract's PrBasis order — statutory parenthood
 * first — except that a special guardianship order ranks straight after parenthood, above a PR
 * agreement or order and a child arrangements order, because the special guardian's PR takes
 * precedence over everyone's (PR-SGO) and listing a special guardian under a CAO would hide it.
 * (A parent cannot be a special guardian, s.14A(2)(b), so parenthood still comes first.) The
 * same order sorts holders after special guardians.
 */
const basisStrength: readonly PrBasis[] = [
  'BIRTH_MOTHER',
  'MARRIED_FATHER',
  'REGISTERED_FATHER',
  'SECOND_PARENT',
  'SPECIAL_GUARDIANSHIP_ORDER',
  'PR_AGREEMENT_OR_ORDER',
  'CHILD_ARRANGEMENTS_ORDER',
  'CARE_ORDER',
  'ADOPTION_ORDER',
];

const ruleOfBasis: Record<PrBasis, RuleId> = {
  BIRTH_MOTHER: 'PR-MOTHER',
  MARRIED_FATHER: 'PR-FATHER-MARRIED',
  REGISTERED_FATHER: 'PR-FATHER-REGISTERED',
  SECOND_PARENT: 'PR-SECOND-PARENT',
  PR_AGREEMENT_OR_ORDER: 'PR-AGREEMENT-ORDER',
  CHILD_ARRANGEMENTS_ORDER: 'PR-CAO',
  SPECIAL_GUARDIANSHIP_ORDER: 'PR-SGO',
  CARE_ORDER: 'PR-LA-CARE-ORDER',
  ADOPTION_ORDER: 'PR-ADOPTION',
};

/** Parenthood (s.2, s.4(1)(a), s.2(1A)): PR that comes from being a parent, not from an order. */
const parenthoodBases: ReadonlySet<PrBasis> = new Set(['BIRTH_MOTHER', 'MARRIED_FATHER', 'REGISTERED_FATHER', 'SECOND_PARENT']);

/** One ground on which someone holds PR on `asOf`; a person may have several. */
interface Grant {
  /** Null for the local authority. */
  personId: string | null;
  basis: PrBasis;
  since: IsoDate | null;
  until: IsoDate | null;
  /** The court order the grant comes from, when it comes from one. */
  orderId: string | null;
}

// ---------------------------------------------------------------------------------------------
// The rules

/** Unmarried fathers registered from this date acquire PR (Children Act 1989 s.4(1)(a) as amended, in force 1 Dec 2003). */
export const registeredFatherPrFrom: IsoDate = '2003-12-01';

/**
 * PR-MOTHER — Children Act 1989 s.2; 002 ("It is always held by the mother"). The mother has PR
 * from the child's birth (`since` = date of birth) until an adoption order (PR-ADOPTION).
 */
function motherPr(relationship: RelationshipFact, child: Person): Grant | undefined {
  if (relationship.relationship !== 'MOTHER') return undefined;
  return grant(relationship.relatedPersonId, 'BIRTH_MOTHER', child.dateOfBirth);
}

/**
 * PR-FATHER-MARRIED — s.2; 002 ("also by a father where the parents are married"). A father
 * married to the mother at the birth or later (`rela_married_to_mother`). No marriage date is
 * held and the flag covers a marriage after the birth, so when PR began is not known: `since`
 * is null.
 */
function marriedFatherPr(relationship: RelationshipFact): Grant | undefined {
  if (relationship.relationship !== 'FATHER' || relationship.marriedToMother !== true) return undefined;
  return grant(relationship.relatedPersonId, 'MARRIED_FATHER', null);
}

/**
 * PR-FATHER-REGISTERED — s.4(1)(a) in force 1 Dec 2003; 002 ("registered as the child's father
 * (for a child born after 01/12/03)"). A father registered (or re-registered) on the birth
 * certificate on or after 1 Dec 2003 has PR from that date; with no registration date held the
 * child's date of birth stands in. With neither, the date cannot be shown to be on or after
 * 1 Dec 2003: no PR. A registration after `asOf` has not happened yet.
 */
function registeredFatherPr(relationship: RelationshipFact, child: Person, asOf: IsoDate): Grant | undefined {
  if (relationship.relationship !== 'FATHER' || relationship.registeredOnBirthCertificate !== true) return undefined;
  const registered = relationship.registrationDate ?? child.dateOfBirth;
  if (registered === null || registered < registeredFatherPrFrom || registered > asOf) return undefined;
  return grant(relationship.relatedPersonId, 'REGISTERED_FATHER', registered);
}

/**
 * PR-SECOND-PARENT — HFEA 2008 s.42–43; CA 1989 s.2(1A), s.4ZA. A second female parent married
 * to or in a civil partnership with the mother at the time of treatment has PR from the birth;
 * one registered on the birth certificate has it from the registration (the date of birth when
 * no registration date is held; none if the registration is after `asOf`).
 */
function secondParentPr(relationship: RelationshipFact, child: Person, asOf: IsoDate): Grant | undefined {
  if (relationship.relationship !== 'SECOND_PARENT') return undefined;
  if (relationship.marriedToMother === true) return grant(relationship.relatedPersonId, 'SECOND_PARENT', child.dateOfBirth);
  if (relationship.registeredOnBirthCertificate !== true) return undefined;
  const registered = relationship.registrationDate ?? child.dateOfBirth;
  if (registered !== null && registered > asOf) return undefined;
  return grant(relationship.relatedPersonId, 'SECOND_PARENT', registered);
}

/**
 * PR-AGREEMENT-ORDER — s.4, s.4A. Whoever a PR agreement or PR order in force names (a father or
 * step-parent; the relationship is not checked, except that a foster carer gets none, PR-FOSTER)
 * has PR from the order's start.
 */
function agreementOrOrderPr(order: CourtOrderFact, relationships: readonly RelationshipFact[]): Grant | undefined {
  if (order.orderType !== 'PR_AGREEMENT' && order.orderType !== 'PR_ORDER') return undefined;
  if (isOnlyFosterCarer(order.holderPersonId, relationships)) return undefined;
  return orderGrant(order, 'PR_AGREEMENT_OR_ORDER', order.endDate);
}

/**
 * PR-CAO — s.12; 002 ("the Order gives the person shared PR with the birth parents"). A person
 * named in a child arrangements order as someone the child lives with has PR while it lasts:
 * `until` is the order's end as known on `asOf` (so null while it is in force, asKnownOn).
 */
function childArrangementsPr(order: CourtOrderFact): Grant | undefined {
  if (order.orderType !== 'CHILD_ARRANGEMENTS_LIVE_WITH') return undefined;
  return orderGrant(order, 'CHILD_ARRANGEMENTS_ORDER', order.endDate);
}

/**
 * PR-SGO — s.14C; 002 ("that of the Special Guardian takes precedence over that of the birth
 * parents. An SGO automatically ceases at the child's 18th birthday"). The special guardian has
 * PR while the order is in force; it takes precedence; parents keep theirs (nothing here ends
 * them). `until` = the 18th birthday, or the order's known end if earlier.
 */
function specialGuardianPr(order: CourtOrderFact, child: Person): Grant | undefined {
  if (order.orderType !== 'SPECIAL_GUARDIANSHIP') return undefined;
  const eighteenth = child.dateOfBirth === null ? null : addYears(child.dateOfBirth, 18);
  return orderGrant(order, 'SPECIAL_GUARDIANSHIP_ORDER', earlier(order.endDate, eighteenth));
}

/**
 * PR-LA-CARE-ORDER — s.31(11), s.33, s.44(4)(c); ACA 2002 s.25; 002 ("PR is acquired by the
 * local authority if the court commits child to its care"). The authority has PR while the
 * legal status in force is C1, C2, D1, E1 or L2 (`localAuthorityHasParentalResponsibility`),
 * since that status's start.
 */
function localAuthorityPr(statuses: readonly LegalStatusFact[], asOf: IsoDate): Grant | undefined {
  const status = legalStatusOn(asKnownOn(statuses, asOf), asOf);
  if (!status || !localAuthorityHasParentalResponsibility(status.code)) return undefined;
  return { personId: null, basis: 'CARE_ORDER', since: status.startDate, until: status.endDate, orderId: null };
}

/**
 * PR-ADOPTION — Adoption and Children Act 2002 s.46(1)–(3); 002 ("PR is only removed from
 * parents completely at the point if the child is adopted"). An adoption order in force gives
 * the adopter it names PR.
 */
function adopterPr(order: CourtOrderFact): Grant | undefined {
  if (order.orderType !== 'ADOPTION') return undefined;
  return orderGrant(order, 'ADOPTION_ORDER', order.endDate);
}

/**
 * PR-ADOPTION — ACA 2002 s.46(2)(a), (3)(b). An adoption order ends everyone else's PR — the
 * parents', other orders' holders', the authority's care-order PR, and the adopter's own earlier
 * grounds (now the adoption order) — except, in a step-parent adoption, that of the parent
 * named `partnerPersonId`, who keeps PR on their own basis. s.46(2) ends the PR held
 * "immediately before the making of the order": an order or legal status starting after the
 * adoption order (say, a care order for an adopted child) gives PR afresh; one starting the
 * same day is taken as discharged by it. A joint adopter's own adoption order is not ended by
 * another adoption order of the same day.
 */
function endedByAdoption(held: Grant, adoptions: readonly CourtOrderFact[]): boolean {
  return adoptions.some((adoption) => {
    if (held.orderId === adoption.id) return false;
    if (held.personId !== null && held.personId === adoption.partnerPersonId) return false;
    if (parenthoodBases.has(held.basis)) return true;
    if (held.since === null) return true;
    return held.basis === 'ADOPTION_ORDER' ? held.since < adoption.startDate : held.since <= adoption.startDate;
  });
}

/**
 * PR-FOSTER — 002 ("Foster carers do not have PR"). Fostering never gives PR: no relationship
 * rule reads a FOSTER_CARER row, and a PR agreement or PR order naming someone recorded only as
 * the child's foster carer is not read either (those are for a father or step-parent, s.4,
 * s.4A). Carebridge's reading: a foster carer whom a court names in a child arrangements
 * (live-with), special guardianship or adoption order holds PR by that order — as a special
 * guardian, CAO holder or adopter, no longer as a foster carer.
 */
function isOnlyFosterCarer(personId: string, relationships: readonly RelationshipFact[]): boolean {
  const rows = relationships.filter((row) => row.relatedPersonId === personId);
  return rows.length > 0 && rows.every((row) => row.relationship === 'FOSTER_CARER');
}

/**
 * PR-NO-CONTACT — 002 ("Birth parents retain PR even if they are not allowed contact with their
 * child and are not allowed to know their current address"). Neither flag removes PR; a holder
 * is marked `addressWithheld` when a relationship row says the child's address is withheld from
 * them (`rela_address_withheld`). Contact stopped (`rela_no_contact`) changes nothing here.
 */
function addressWithheldFrom(personId: string, relationships: readonly RelationshipFact[]): boolean {
  return relationships.some((row) => row.relatedPersonId === personId && row.addressWithheld);
}

/**
 * PR-ENDS — s.105, s.91. PR is held only while the child is under 18: from the 18th birthday
 * nobody holds it. A child with no date of birth is taken to be under 18; an unborn child (only
 * an expected date of birth, or a date of birth after `asOf`) has no holders yet.
 */
function noneHoldPr(child: Person, asOf: IsoDate): boolean {
  if (child.dateOfBirth === null) return child.expectedDateOfBirth !== null;
  return child.dateOfBirth > asOf || ageOn(child.dateOfBirth, asOf) >= 18;
}

/** PR-ENDS — s.105, s.91. A holder who has died (`pers_death_date` on or before `asOf`) holds no PR. */
function isAlive(person: Person | undefined, asOf: IsoDate): boolean {
  return person?.dateOfDeath == null || person.dateOfDeath > asOf;
}

// ---------------------------------------------------------------------------------------------
// Putting them together

/**
 * Who holds parental responsibility for the child on `asOf`: special guardians first, then by
 * basis (see `basisStrength`), then person id; the local authority last. Each person once, under
 * their strongest basis; `since` is the earliest known start among that person's grounds and
 * `until` the latest end (null when any ground has no known end).
 */
export function parentalResponsibilityOn(input: ParentalResponsibilityInput): PrHolder[] {
  const { child, relationships, legalStatuses, people, asOf } = input;
  if (noneHoldPr(child, asOf)) return [];

  const inForce = asKnownOn(input.courtOrders, asOf).filter((order) => isOpenOn(order, asOf));
  const grants: Grant[] = [];
  const add = (found: Grant | undefined) => {
    if (found) grants.push(found);
  };
  for (const relationship of relationships) {
    add(motherPr(relationship, child));
    add(marriedFatherPr(relationship));
    add(registeredFatherPr(relationship, child, asOf));
    add(secondParentPr(relationship, child, asOf));
  }
  for (const order of inForce) {
    add(agreementOrOrderPr(order, relationships));
    add(childArrangementsPr(order));
    add(specialGuardianPr(order, child));
    add(adopterPr(order));
  }
  add(localAuthorityPr(legalStatuses, asOf));

  const adoptions = inForce.filter((order) => order.orderType === 'ADOPTION');
  const held = grants.filter(
    (found) => !endedByAdoption(found, adoptions) && (found.personId === null || isAlive(people.get(found.personId), asOf)),
  );

  const byHolder = new Map<string | null, Grant[]>();
  for (const found of held) byHolder.set(found.personId, [...(byHolder.get(found.personId) ?? []), found]);
  return [...byHolder.entries()].map(([personId, own]) => holder(personId, own, input)).sort(holderOrder);
}

function holder(personId: string | null, own: readonly Grant[], input: ParentalResponsibilityInput): PrHolder {
  const strongest = [...own].sort((a, b) => strength(a.basis) - strength(b.basis))[0]!;
  const since = own.map((found) => found.since).filter((date): date is IsoDate => date !== null).sort()[0] ?? null;
  const until = own.some((found) => found.until === null) ? null : own.map((found) => found.until!).sort().at(-1)!;
  const shared = {
    basis: strongest.basis,
    ruleId: ruleOfBasis[strongest.basis],
    takesPrecedence: strongest.basis === 'SPECIAL_GUARDIANSHIP_ORDER',
    since,
    until,
  };
  if (personId === null) {
    return { kind: 'LOCAL_AUTHORITY', personId: null, name: input.localAuthorityName, relationship: null, addressWithheld: false, ...shared };
  }
  return {
    kind: 'PERSON',
    personId,
    name: nameOf(input.people.get(personId)),
    relationship: relationshipOf(personId, input.relationships),
    addressWithheld: addressWithheldFrom(personId, input.relationships),
    ...shared,
  };
}

function holderOrder(a: PrHolder, b: PrHolder): number {
  const last = (holder: PrHolder) => (holder.kind === 'LOCAL_AUTHORITY' ? 1 : 0);
  const first = (holder: PrHolder) => (holder.takesPrecedence ? 0 : 1);
  return (
    last(a) - last(b) ||
    first(a) - first(b) ||
    strength(a.basis) - strength(b.basis) ||
    (a.personId ?? '').localeCompare(b.personId ?? '')
  );
}

function strength(basis: PrBasis): number {
  return basisStrength.indexOf(basis);
}

function grant(personId: string, basis: PrBasis, since: IsoDate | null): Grant {
  return { personId, basis, since, until: null, orderId: null };
}

function orderGrant(order: CourtOrderFact, basis: PrBasis, until: IsoDate | null): Grant {
  return { personId: order.holderPersonId, basis, since: order.startDate, until, orderId: order.id };
}

function earlier(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function nameOf(person: Person | undefined): string {
  const parts = [person?.forename, person?.surname].map((part) => part?.trim() ?? '').filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' ') : 'Name not recorded';
}

/** The person's cb_relationship label as a word; with several rows, the first in the code list's order. */
function relationshipOf(personId: string, relationships: readonly RelationshipFact[]): string | null {
  const kinds = Object.keys(relationshipLabels) as RelationshipKind[];
  const rows = relationships
    .filter((row) => row.relatedPersonId === personId)
    .sort((a, b) => kinds.indexOf(a.relationship) - kinds.indexOf(b.relationship) || a.id.localeCompare(b.id));
  const row = rows[0];
  return row ? relationshipLabels[row.relationship] : null;
}
