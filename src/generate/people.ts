// People: the children (subjects of social care work) and the adults around them — parents,
// step-parents, grandparents, foster carers, adopters — with addresses, other identifiers and
// the relationships (`cb_relationship`) the parental-responsibility rules read.

import type { Context } from './context.js';
import type { LinkOptions } from './extensions.js';
import { addMonths, addYears, ageOn, civil, formatDay, type Day } from './dates.js';
import { Places, type Address } from './places.js';
import type { Area } from './workforce.js';

export type Sex = 'M' | 'F' | 'U';

export interface Person {
  id: string;
  sex: Sex;
  forename: string;
  surname: string;
  dob: Day;
  deathDate: Day | null;
  address: Address;
}

export interface Child {
  id: string;
  sex: Sex;
  forename: string | null;
  surname: string;
  dob: Day | null;
  expectedDob: Day | null;
  area: Area;
  address: Address;
  ethnicity: string;
  /** Earliest day social care work can be dated (birth, or conception-ish for the unborn). */
  since: Day;
  /** Set by scenarios before the person row is written. */
  lookedAfter: boolean;
  uascCountry: string | null;
  youthJustice: boolean;
  isMother: boolean;
  send: boolean;
  /** Set by the permanence scenarios when the child is placed for adoption. */
  restriction: string | null;
  /** Consumer links are derived from what the child has: a CP plan or being in care → health. */
  onPlanOrInCare: boolean;
  /** Where the child lives now, when in care (a placement address, never shown to partners). */
  placement: { address: Address; since: Day } | null;
  /** Partner links a scenario insists on (the demo's named cases). */
  links: LinkOptions;
  family: Family;
}

export interface Family {
  mother: Person | null;
  father: Person | null;
  grandparent: Person | null;
  relatedIds: Set<string>;
}

const ethnicities = [
  ['WBRI', 68],
  ['WOTH', 5],
  ['WIRI', 1],
  ['WIRT', 0.5],
  ['WROM', 0.5],
  ['MWBC', 3],
  ['MWBA', 1],
  ['MWAS', 2],
  ['MOTH', 2],
  ['AIND', 2],
  ['APKN', 5],
  ['ABAN', 1],
  ['AOTH', 1],
  ['CNHE', 0.5],
  ['BCRB', 1.5],
  ['BAFR', 3],
  ['BOTH', 0.5],
  ['OOTH', 1],
  ['REFU', 0.5],
  ['NOBT', 1],
] as const;

export function lastName(ctx: Context): string {
  return ctx.faker.person.lastName().slice(0, 60);
}

function firstName(ctx: Context, sex: Sex): string {
  return ctx.faker.person.firstName(sex === 'F' ? 'female' : sex === 'M' ? 'male' : undefined).slice(0, 60);
}

export interface ChildSpec {
  /** Age range in whole years at as-of (ignored when `dob` or `unbornDue` is given). */
  age?: readonly [number, number];
  dob?: Day;
  /** Expected date of birth of an unborn child (after as-of). */
  unbornDue?: Day;
  sex?: Sex;
}

/** A new child (nothing written yet: `writeChild` does it once the scenario has run). */
export function newChild(ctx: Context, spec: ChildSpec): Child {
  const { rng, asOf } = ctx;
  const unborn = spec.unbornDue !== undefined;
  const sex: Sex = unborn ? 'U' : (spec.sex ?? (rng.chance(0.52) ? 'M' : 'F'));
  let dob: Day | null = null;
  if (!unborn) {
    if (spec.dob !== undefined) dob = spec.dob;
    else {
      const [low, high] = spec.age ?? [0, 17];
      // Born between (high + 1) years and low years before as-of.
      dob = rng.day(addYears(asOf, -(high + 1)) + 1, addYears(asOf, -low));
    }
  }
  const expectedDob = unborn ? (spec.unbornDue as Day) : null;
  const surname = lastName(ctx);
  return {
    id: ctx.ids.next('C'),
    sex,
    forename: unborn ? 'Unborn' : firstName(ctx, sex),
    surname,
    dob,
    expectedDob,
    area: rng.weighted([
      ['NORTH', 4],
      ['SOUTH', 4],
      ['CENTRAL', 3],
    ] as const),
    address: ctx.places.address(),
    ethnicity: rng.weighted(ethnicities),
    since: dob ?? (expectedDob as Day) - 200,
    lookedAfter: false,
    uascCountry: null,
    youthJustice: false,
    isMother: false,
    send: rng.chance(0.05),
    restriction: null,
    onPlanOrInCare: false,
    placement: null,
    links: {},
    family: { mother: null, father: null, grandparent: null, relatedIds: new Set() },
  };
}

/** Age in whole years at as-of (unborn: -1). */
export function ageOf(ctx: Context, child: Child): number {
  return child.dob === null ? -1 : ageOn(child.dob, ctx.asOf);
}

/** A UPN with its check letter (DfE algorithm); LA number 999 is no real authority's. */
function upn(ctx: Context, dob: Day): string {
  // LA number, school number, year allocated (two digits), serial.
  const year = civil(addYears(dob, 4)).year % 100;
  const body = `999${ctx.rng.digits(4)}${String(year).padStart(2, '0')}${ctx.rng.digits(3)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i + 2);
  return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23] + body;
}

/** Writes the child's person row, addresses and other identifiers. */
export function writeChild(ctx: Context, child: Child): void {
  const { rng, out, asOf } = ctx;
  const age = ageOf(ctx, child);
  const nhs = child.dob !== null && rng.chance(ctx.childNhsShare) ? ctx.nhs.next() : null;
  const schoolAge = age >= 5 && age <= 17;
  const upnValue =
    child.dob !== null && schoolAge && !child.uascCountry && rng.chance(0.6) ? upn(ctx, child.dob) : null;
  let upnUnknown: string | null = null;
  if (child.lookedAfter && !upnValue) upnUnknown = child.uascCountry ? 'UN2' : age < 5 ? 'UN1' : 'UN4';
  out.write('ssd_person', {
    pers_legacy_id: rng.chance(0.2) ? `L${rng.digits(7)}` : null,
    pers_person_id: child.id,
    pers_upn: upnValue,
    pers_forename: child.forename,
    pers_surname: child.surname,
    pers_sex: child.sex,
    pers_gender: child.sex === 'U' ? null : rng.chance(0.03) ? '00' : child.sex === 'M' ? '01' : '02',
    pers_ethnicity: child.ethnicity,
    pers_dob: child.dob === null ? null : formatDay(child.dob),
    pers_common_child_id: nhs,
    pers_upn_unknown: upnUnknown,
    pers_send_flag: child.send ? 'Y' : 'N',
    pers_expected_dob: child.expectedDob === null ? null : formatDay(child.expectedDob),
    pers_death_date: null,
    pers_is_mother: child.sex === 'F' && age >= 12 ? (child.isMother ? 'Y' : 'N') : null,
    pers_nationality: child.uascCountry,
  });
  const born = child.dob ?? asOf;
  const homeStart = child.uascCountry
    ? addMonths(asOf, -rng.int(3, 20))
    : rng.chance(0.25)
      ? rng.day(born, asOf - 30)
      : born;
  if (homeStart > born + 60 && !child.uascCountry) {
    writeAddress(ctx, child.id, 'Previous', ctx.places.address(), born, homeStart);
  }
  writeAddress(ctx, child.id, 'Home', child.address, Math.min(homeStart, asOf), null);
  if (child.placement) writeAddress(ctx, child.id, 'Placement', child.placement.address, child.placement.since, null);
  if (upnValue && child.dob !== null) {
    linkedIdentifier(ctx, child.id, 'Unique Pupil Number', upnValue, addYears(child.dob, 4));
  }
  if (rng.chance(0.15)) linkedIdentifier(ctx, child.id, 'Case Number', `CASE/${rng.digits(6)}`, child.since);
  if (child.youthJustice) linkedIdentifier(ctx, child.id, 'YOT Number', `YOT${rng.digits(6)}`, asOf - rng.int(60, 700));
  if (child.uascCountry) {
    linkedIdentifier(ctx, child.id, 'Home Office Registration', `HO${rng.digits(8)}`, homeStart);
  }
}

export function writeAddress(
  ctx: Context,
  personId: string,
  type: string,
  address: Address,
  start: Day,
  end: Day | null,
): void {
  ctx.out.write('ssd_address', {
    addr_table_id: ctx.ids.next('ADR', 8),
    addr_person_id: personId,
    addr_address_type: type,
    addr_address_start_date: formatDay(start),
    addr_address_end_date: end === null ? null : formatDay(end),
    addr_address_postcode: address.postcode,
    addr_address_json: Places.json(address),
  });
}

function linkedIdentifier(ctx: Context, personId: string, type: string, value: string, from: Day): void {
  ctx.out.write('ssd_linked_identifiers', {
    link_table_id: ctx.ids.next('LID'),
    link_person_id: personId,
    link_identifier_type: type,
    link_identifier_value: value,
    link_valid_from_date: formatDay(Math.min(from, ctx.asOf)),
    link_valid_to_date: null,
  });
}

export interface AdultSpec {
  sex: 'M' | 'F';
  dob: Day;
  surname?: string;
  address?: Address;
  deathDate?: Day | null;
}

/** Writes an adult's person row and home address. */
export function newAdult(ctx: Context, spec: AdultSpec): Person {
  const { rng, out, asOf } = ctx;
  const person: Person = {
    id: ctx.ids.next('A'),
    sex: spec.sex,
    forename: firstName(ctx, spec.sex),
    surname: spec.surname ?? lastName(ctx),
    dob: spec.dob,
    deathDate: spec.deathDate ?? null,
    address: spec.address ?? ctx.places.address(),
  };
  out.write('ssd_person', {
    pers_person_id: person.id,
    pers_forename: person.forename,
    pers_surname: person.surname,
    pers_sex: person.sex,
    pers_gender: person.sex === 'M' ? '01' : '02',
    pers_ethnicity: rng.chance(0.9) ? rng.weighted(ethnicities) : null,
    pers_dob: formatDay(person.dob),
    pers_common_child_id: rng.chance(ctx.adultNhsShare) ? ctx.nhs.next() : null,
    pers_death_date: spec.deathDate ? formatDay(spec.deathDate) : null,
    pers_is_mother: null,
  });
  writeAddress(
    ctx,
    person.id,
    'Home',
    person.address,
    Math.min(asOf - 30, addYears(person.dob, 18) + rng.int(0, 3000)),
    null,
  );
  return person;
}

export type RelationshipKind =
  'MOTHER' | 'FATHER' | 'SECOND_PARENT' | 'STEP_PARENT' | 'GRANDPARENT' | 'OTHER_RELATIVE' | 'FOSTER_CARER' | 'OTHER';

export interface RelationshipFlags {
  married?: boolean;
  registered?: boolean;
  registrationDate?: Day | null;
  noContact?: boolean;
  addressWithheld?: boolean;
}

export function relate(
  ctx: Context,
  child: Child,
  adult: { id: string },
  kind: RelationshipKind,
  flags: RelationshipFlags = {},
): void {
  if (child.family.relatedIds.has(adult.id)) return;
  child.family.relatedIds.add(adult.id);
  const parentLike = kind === 'FATHER' || kind === 'SECOND_PARENT' || kind === 'STEP_PARENT';
  const yn = (value: boolean | undefined) => (value ? 'Y' : 'N');
  ctx.out.write('cb_relationship', {
    rela_relationship_id: ctx.ids.next('REL', 8),
    rela_child_person_id: child.id,
    rela_related_person_id: adult.id,
    rela_relationship: kind,
    rela_married_to_mother: parentLike ? yn(flags.married) : null,
    rela_registered_on_birth_certificate: parentLike ? yn(flags.registered) : null,
    rela_registration_date: flags.registrationDate ? formatDay(flags.registrationDate) : null,
    rela_no_contact: yn(flags.noContact),
    rela_address_withheld: yn(flags.addressWithheld),
  });
}

/**
 * Foster carers are shared: each placement picks an approved household from a pool sized to the
 * authority, so one carer has looked after several children over the years. Now and then a new
 * household is approved in place of one that has stopped fostering (the pool never grows past
 * its size: memory stays flat).
 */
export class FosterCarers {
  readonly #households: Person[][] = [];

  constructor(private readonly target: number) {}

  household(ctx: Context): Person[] {
    const { rng, asOf } = ctx;
    if (this.#households.length >= this.target && rng.chance(0.85)) return rng.pick(this.#households);
    const surname = lastName(ctx);
    const address = ctx.places.address();
    const first = newAdult(ctx, { sex: 'F', dob: rng.day(addYears(asOf, -66), addYears(asOf, -30)), surname, address });
    const carers = [first];
    if (rng.chance(0.6)) {
      carers.push(
        newAdult(ctx, { sex: rng.chance(0.9) ? 'M' : 'F', dob: first.dob + rng.int(-1500, 1500), surname, address }),
      );
    }
    if (this.#households.length < this.target) this.#households.push(carers);
    else this.#households[rng.int(0, this.target - 1)] = carers;
    return carers;
  }
}
