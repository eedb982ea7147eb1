// Families and the orders that give or take parental responsibility (`cb_relationship`,
// `cb_court_order`): each child gets a family of one of the shapes the PR rules distinguish
// (rules.md, "Parental responsibility"), and permanence from care (adoption, special
// guardianship, child arrangements) adds the people the order names.

import type { Context } from './context.js';
import { addYears, dayOf, formatDay, onWeekday, type Day } from './dates.js';
import { lastName, newAdult, relate, type Child, type Person } from './people.js';

export type FamilyVariant =
  | 'MARRIED'
  | 'UNMARRIED_REGISTERED'
  | 'REGISTERED_NO_DATE'
  | 'UNREGISTERED'
  | 'REREGISTERED'
  | 'MOTHER_ONLY'
  | 'FATHER_PR_AGREEMENT'
  | 'FATHER_PR_ORDER'
  | 'SECOND_PARENT_MARRIED'
  | 'SECOND_PARENT_REGISTERED'
  | 'SECOND_PARENT_NEITHER'
  | 'STEP_PARENT'
  | 'STEP_PARENT_PR_AGREEMENT'
  | 'STEP_PARENT_PR_ORDER'
  | 'STEP_PARENT_ADOPTION'
  | 'CAO_GRANDPARENT'
  | 'CAO_THEN_SGO'
  | 'DECEASED_MOTHER'
  | 'DECEASED_FATHER'
  | 'NO_CONTACT_FATHER';

/** How often each shape occurs among children with no scenario-given family. */
export const familyWeights: readonly (readonly [FamilyVariant, number])[] = [
  ['MARRIED', 30],
  ['UNMARRIED_REGISTERED', 30],
  ['REGISTERED_NO_DATE', 4],
  ['UNREGISTERED', 8],
  ['REREGISTERED', 2],
  ['MOTHER_ONLY', 12],
  ['FATHER_PR_AGREEMENT', 1],
  ['FATHER_PR_ORDER', 1],
  ['SECOND_PARENT_MARRIED', 0.8],
  ['SECOND_PARENT_REGISTERED', 0.5],
  ['SECOND_PARENT_NEITHER', 0.3],
  ['STEP_PARENT', 5],
  ['STEP_PARENT_PR_AGREEMENT', 0.5],
  ['STEP_PARENT_PR_ORDER', 0.3],
  ['STEP_PARENT_ADOPTION', 0.3],
  ['CAO_GRANDPARENT', 1],
  ['CAO_THEN_SGO', 0.3],
  ['DECEASED_MOTHER', 0.3],
  ['DECEASED_FATHER', 1],
  ['NO_CONTACT_FATHER', 3],
];

export type CourtOrderType =
  'CHILD_ARRANGEMENTS_LIVE_WITH' | 'SPECIAL_GUARDIANSHIP' | 'ADOPTION' | 'PR_AGREEMENT' | 'PR_ORDER';

export function courtOrder(
  ctx: Context,
  child: Child,
  type: CourtOrderType,
  holder: Person,
  start: Day,
  end: Day | null = null,
  partner: Person | null = null,
): void {
  ctx.out.write('cb_court_order', {
    cord_order_id: ctx.ids.next('ORD'),
    cord_child_person_id: child.id,
    cord_order_type: type,
    cord_holder_person_id: holder.id,
    cord_partner_person_id: partner?.id ?? null,
    cord_start_date: formatDay(Math.min(start, ctx.asOf)),
    cord_end_date: end === null ? null : formatDay(end),
  });
}

export interface FamilyOptions {
  /** An existing mother (a young mother who is herself a child in this authority). */
  mother?: Person;
  /** The child lives away from the parents (e.g. with a grandparent). */
  noGrandparent?: boolean;
}

/** Writes the child's relatives and their relationships (and any private-law orders). */
export function buildFamily(ctx: Context, child: Child, variant: FamilyVariant, options: FamilyOptions = {}): void {
  const { rng, asOf } = ctx;
  const born = child.dob ?? (child.expectedDob as Day);
  const unborn = child.dob === null;
  const effective: FamilyVariant =
    unborn &&
    !['MARRIED', 'UNMARRIED_REGISTERED', 'UNREGISTERED', 'MOTHER_ONLY', 'SECOND_PARENT_MARRIED'].includes(variant)
      ? 'UNREGISTERED'
      : variant;
  // A day some while after the birth; for a young child, somewhere in its life so far.
  const afterBirth = (minDays: number, maxDays: number) => {
    const high = Math.min(asOf - 1, born + maxDays);
    const low = born + minDays < high ? born + minDays : born + Math.floor((high - born) / 2);
    return onWeekday(rng.day(low, high), born);
  };
  const registration = (date: Day | null) =>
    unborn ? { registered: false } : { registered: true, registrationDate: date };

  // Mother: 16–42 at the birth.
  const mother =
    options.mother ??
    newAdult(ctx, {
      sex: 'F',
      dob: born - rng.int(16 * 365 + 30, 42 * 365),
      surname: rng.chance(0.6) ? child.surname : lastName(ctx),
      address: child.address,
      deathDate: effective === 'DECEASED_MOTHER' ? Math.min(asOf - 1, rng.day(born + 200, asOf - 60)) : null,
    });
  child.family.mother = mother;
  relate(ctx, child, mother, 'MOTHER');

  const partnerDob = () => mother.dob + rng.int(-3 * 365, 9 * 365);
  const parent = (sex: 'M' | 'F', sameHome: boolean, deathDate: Day | null = null) =>
    newAdult(ctx, {
      sex,
      dob: Math.min(partnerDob(), born - 16 * 365),
      surname: sameHome && rng.chance(0.7) ? child.surname : lastName(ctx),
      address: sameHome ? child.address : undefined,
      deathDate,
    });
  const noContact = rng.chance(0.04);

  switch (effective) {
    case 'MOTHER_ONLY':
      break;
    case 'MARRIED':
    case 'DECEASED_MOTHER':
    case 'DECEASED_FATHER':
    case 'NO_CONTACT_FATHER': {
      const withheld = effective === 'NO_CONTACT_FATHER';
      const father = parent(
        'M',
        !withheld,
        effective === 'DECEASED_FATHER' ? Math.min(asOf - 1, rng.day(born + 100, asOf - 30)) : null,
      );
      child.family.father = father;
      relate(ctx, child, father, 'FATHER', {
        married: true,
        ...registration(rng.chance(0.85) ? afterBirth(1, 42) : null),
        noContact: withheld || noContact,
        addressWithheld: withheld,
      });
      break;
    }
    case 'UNMARRIED_REGISTERED':
    case 'REGISTERED_NO_DATE':
    case 'REREGISTERED': {
      const father = parent('M', rng.chance(0.5));
      child.family.father = father;
      const date =
        effective === 'REGISTERED_NO_DATE'
          ? null
          : effective === 'REREGISTERED'
            ? afterBirth(365, 6 * 365)
            : afterBirth(1, 42);
      relate(ctx, child, father, 'FATHER', {
        married: false,
        ...registration(date),
        noContact,
        addressWithheld: noContact && rng.chance(0.5),
      });
      break;
    }
    case 'UNREGISTERED':
    case 'FATHER_PR_AGREEMENT':
    case 'FATHER_PR_ORDER': {
      const father = parent('M', false);
      child.family.father = father;
      relate(ctx, child, father, 'FATHER', { married: false, registered: false, noContact });
      if (effective !== 'UNREGISTERED') {
        courtOrder(
          ctx,
          child,
          effective === 'FATHER_PR_AGREEMENT' ? 'PR_AGREEMENT' : 'PR_ORDER',
          father,
          afterBirth(90, 5 * 365),
        );
      }
      break;
    }
    case 'SECOND_PARENT_MARRIED':
    case 'SECOND_PARENT_REGISTERED':
    case 'SECOND_PARENT_NEITHER': {
      const second = parent('F', true);
      const married = effective === 'SECOND_PARENT_MARRIED';
      const registered = effective !== 'SECOND_PARENT_NEITHER' && !unborn;
      relate(ctx, child, second, 'SECOND_PARENT', {
        married,
        registered,
        registrationDate: registered ? afterBirth(1, 42) : null,
      });
      break;
    }
    case 'STEP_PARENT':
    case 'STEP_PARENT_PR_AGREEMENT':
    case 'STEP_PARENT_PR_ORDER':
    case 'STEP_PARENT_ADOPTION': {
      const father = parent('M', false);
      child.family.father = father;
      relate(ctx, child, father, 'FATHER', {
        married: false,
        registered: true,
        registrationDate: afterBirth(1, 42),
        noContact: rng.chance(0.3),
      });
      const step = newAdult(ctx, { sex: 'M', dob: partnerDob(), surname: mother.surname, address: child.address });
      relate(ctx, child, step, 'STEP_PARENT', {
        married: effective !== 'STEP_PARENT' || rng.chance(0.6),
        registered: false,
      });
      const when = afterBirth(2 * 365, 8 * 365);
      if (effective === 'STEP_PARENT_PR_AGREEMENT') courtOrder(ctx, child, 'PR_AGREEMENT', step, when);
      if (effective === 'STEP_PARENT_PR_ORDER') courtOrder(ctx, child, 'PR_ORDER', step, when);
      if (effective === 'STEP_PARENT_ADOPTION') courtOrder(ctx, child, 'ADOPTION', step, when, null, mother);
      break;
    }
    case 'CAO_GRANDPARENT':
    case 'CAO_THEN_SGO': {
      const father = parent('M', false);
      child.family.father = father;
      relate(ctx, child, father, 'FATHER', { married: false, registered: true, registrationDate: afterBirth(1, 42) });
      const grandmother = relativeCarer(ctx, child);
      const caoStart = afterBirth(180, 6 * 365);
      if (effective === 'CAO_GRANDPARENT') {
        courtOrder(ctx, child, 'CHILD_ARRANGEMENTS_LIVE_WITH', grandmother, caoStart);
      } else {
        const sgoStart = Math.min(asOf - 1, caoStart + rng.int(180, 3 * 365));
        courtOrder(ctx, child, 'CHILD_ARRANGEMENTS_LIVE_WITH', grandmother, caoStart, sgoStart);
        courtOrder(ctx, child, 'SPECIAL_GUARDIANSHIP', grandmother, sgoStart);
      }
      break;
    }
  }

  if (!options.noGrandparent && !child.family.grandparent && rng.chance(0.25)) grandparentOf(ctx, child, mother);
  if (rng.chance(0.06)) {
    const aunt = newAdult(ctx, { sex: rng.chance(0.7) ? 'F' : 'M', dob: mother.dob + rng.int(-3000, 3000) });
    relate(ctx, child, aunt, 'OTHER_RELATIVE');
  }
}

/** The child's maternal grandparent (created once; now and then no longer alive). */
export function grandparentOf(ctx: Context, child: Child, mother: Person | null, alive = false): Person {
  const { rng, asOf } = ctx;
  if (child.family.grandparent) return child.family.grandparent;
  const base = mother?.dob ?? addYears(asOf, -35);
  const grandparent = newAdult(ctx, {
    sex: rng.chance(0.8) ? 'F' : 'M',
    dob: base - rng.int(18 * 365, 30 * 365),
    surname: mother?.surname,
    deathDate: !alive && rng.chance(0.05) ? rng.day(asOf - 2000, asOf - 10) : null,
  });
  child.family.grandparent = grandparent;
  relate(ctx, child, grandparent, 'GRANDPARENT');
  return grandparent;
}

/** A living relative who can take an order: the grandparent, or an aunt when that grandparent has died. */
export function relativeCarer(ctx: Context, child: Child): Person {
  const grandparent = grandparentOf(ctx, child, child.family.mother, true);
  if (grandparent.deathDate === null) return grandparent;
  const base = child.family.mother?.dob ?? addYears(ctx.asOf, -35);
  const aunt = newAdult(ctx, { sex: 'F', dob: base + ctx.rng.int(-3000, 3000), surname: child.family.mother?.surname });
  relate(ctx, child, aunt, 'OTHER_RELATIVE');
  return aunt;
}

export type PermanenceOrder = 'ADOPTION' | 'SGO_FOSTER_CARER' | 'SGO_RELATIVE' | 'CAO';

/**
 * The order that ended a period of care: adopters (one or two, new people), a special guardian
 * (the former foster carer or a relative), or a child arrangements order to the father or a
 * grandparent. Returns who holds it.
 */
export function permanenceOrder(
  ctx: Context,
  child: Child,
  kind: PermanenceOrder,
  date: Day,
  fosterCarers: Person[],
): Person[] {
  const { rng, asOf } = ctx;
  switch (kind) {
    case 'ADOPTION': {
      const surname = lastName(ctx);
      const address = ctx.places.address();
      const dob = (child.dob ?? asOf) - rng.int(25 * 365, 45 * 365);
      const adopters = [newAdult(ctx, { sex: rng.chance(0.85) ? 'F' : 'M', dob, surname, address })];
      if (rng.chance(0.8))
        adopters.push(
          newAdult(ctx, { sex: rng.chance(0.85) ? 'M' : 'F', dob: dob + rng.int(-1500, 1500), surname, address }),
        );
      for (const adopter of adopters) {
        relate(ctx, child, adopter, 'OTHER');
        courtOrder(ctx, child, 'ADOPTION', adopter, date);
      }
      return adopters;
    }
    case 'SGO_FOSTER_CARER': {
      const holder = fosterCarers[0] ?? relativeCarer(ctx, child);
      courtOrder(ctx, child, 'SPECIAL_GUARDIANSHIP', holder, date);
      return [holder];
    }
    case 'SGO_RELATIVE': {
      const holder = relativeCarer(ctx, child);
      courtOrder(ctx, child, 'SPECIAL_GUARDIANSHIP', holder, date);
      return [holder];
    }
    case 'CAO': {
      const father = child.family.father;
      const holder = father && father.deathDate === null ? father : relativeCarer(ctx, child);
      courtOrder(ctx, child, 'CHILD_ARRANGEMENTS_LIVE_WITH', holder, date);
      return [holder];
    }
  }
}

/** 1 Dec 2003: unmarried fathers registered from this day get PR (s.4(1)(a)). */
export const registrationReform = dayOf(2003, 12, 1);
