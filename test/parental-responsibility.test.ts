// Parental responsibility (rules.md, "Parental responsibility (PR)"): who holds PR on a date and
// why. Pure: small fact fixtures in, holders out; every case names the rule it checks.

import { describe, expect, it } from 'vitest';
import type { LegalStatusFact, Person } from '../src/domain/facts.js';
import {
  parentalResponsibilityOn,
  type CourtOrderFact,
  type ParentalResponsibilityInput,
  type PrHolder,
  type RelationshipFact,
} from '../src/domain/parental-responsibility.js';

const asOf = '2024-06-01';
const authority = 'Northshire County Council';

function person(id: string, overrides: Partial<Person> = {}): Person {
  return { id, forename: `Forename-${id}`, surname: 'Surname', dateOfBirth: null, expectedDateOfBirth: null, dateOfDeath: null, nhsNumber: null, ...overrides };
}

const bornIn2015 = person('child', { forename: 'Child', dateOfBirth: '2015-03-10' });

function rel(personId: string, relationship: RelationshipFact['relationship'], overrides: Partial<RelationshipFact> = {}): RelationshipFact {
  return {
    id: `rel-${personId}`,
    relatedPersonId: personId,
    relationship,
    marriedToMother: null,
    registeredOnBirthCertificate: null,
    registrationDate: null,
    noContact: false,
    addressWithheld: false,
    ...overrides,
  };
}

function order(
  id: string,
  orderType: CourtOrderFact['orderType'],
  holderPersonId: string,
  startDate: string,
  endDate: string | null = null,
  partnerPersonId: string | null = null,
): CourtOrderFact {
  return { id, orderType, holderPersonId, partnerPersonId, startDate, endDate };
}

function status(code: string, startDate: string, endDate: string | null = null): LegalStatusFact {
  return { id: `ls-${code}-${startDate}`, code, startDate, endDate };
}

const mother = rel('mum', 'MOTHER');
const unmarriedUnregisteredFather = rel('dad', 'FATHER', { marriedToMother: false, registeredOnBirthCertificate: false });
const marriedFather = rel('dad', 'FATHER', { marriedToMother: true, registeredOnBirthCertificate: true });

interface Case {
  name: string;
  child?: Person;
  relationships?: RelationshipFact[];
  courtOrders?: CourtOrderFact[];
  legalStatuses?: LegalStatusFact[];
  /** People beyond the default (one per relationship and order); `null` removes one from the map. */
  people?: Record<string, Person | null>;
  asOf?: string;
  /** Every holder, in order; each checked on the fields given. */
  holders: Partial<PrHolder>[];
}

function run(testCase: Case): PrHolder[] {
  const relationships = testCase.relationships ?? [];
  const courtOrders = testCase.courtOrders ?? [];
  const people = new Map<string, Person>();
  for (const id of [...relationships.map((row) => row.relatedPersonId), ...courtOrders.map((row) => row.holderPersonId)]) {
    people.set(id, person(id));
  }
  for (const [id, given] of Object.entries(testCase.people ?? {})) {
    if (given === null) people.delete(id);
    else people.set(id, given);
  }
  const input: ParentalResponsibilityInput = {
    child: testCase.child ?? bornIn2015,
    relationships,
    courtOrders,
    legalStatuses: testCase.legalStatuses ?? [],
    people,
    asOf: testCase.asOf ?? asOf,
    localAuthorityName: authority,
  };
  return parentalResponsibilityOn(input);
}

const mum: Partial<PrHolder> = { personId: 'mum', basis: 'BIRTH_MOTHER', ruleId: 'PR-MOTHER' };
const la: Partial<PrHolder> = { kind: 'LOCAL_AUTHORITY', personId: null, basis: 'CARE_ORDER', ruleId: 'PR-LA-CARE-ORDER' };

const cases: Case[] = [
  // PR-MOTHER
  {
    name: 'PR-MOTHER: the mother has PR from the birth',
    relationships: [mother],
    people: { mum: person('mum', { forename: 'Alice', surname: 'Smith' }) },
    holders: [
      {
        kind: 'PERSON',
        personId: 'mum',
        name: 'Alice Smith',
        relationship: 'Mother',
        basis: 'BIRTH_MOTHER',
        ruleId: 'PR-MOTHER',
        takesPrecedence: false,
        addressWithheld: false,
        since: '2015-03-10',
        until: null,
      },
    ],
  },

  // PR-FATHER-MARRIED
  {
    name: 'PR-FATHER-MARRIED: a father married to the mother has PR',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: true, registeredOnBirthCertificate: false })],
    holders: [mum, { personId: 'dad', relationship: 'Father', basis: 'MARRIED_FATHER', ruleId: 'PR-FATHER-MARRIED', since: null }],
  },
  {
    name: 'PR-FATHER-MARRIED: a father who married the mother after the birth has PR (his 2002 registration gave none)',
    child: person('child', { dateOfBirth: '2002-05-01' }),
    asOf: '2015-01-01',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: true, registeredOnBirthCertificate: true, registrationDate: '2002-05-20' })],
    holders: [{ personId: 'mum', since: '2002-05-01' }, { personId: 'dad', basis: 'MARRIED_FATHER', ruleId: 'PR-FATHER-MARRIED', since: null }],
  },

  // PR-FATHER-REGISTERED
  {
    name: 'PR-FATHER-REGISTERED: an unmarried father registered in 2004 has PR from the registration',
    child: person('child', { dateOfBirth: '2003-06-01' }),
    asOf: '2012-01-01',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: false, registeredOnBirthCertificate: true, registrationDate: '2004-02-10' })],
    holders: [mum, { personId: 'dad', basis: 'REGISTERED_FATHER', ruleId: 'PR-FATHER-REGISTERED', since: '2004-02-10' }],
  },
  {
    name: 'PR-FATHER-REGISTERED: registered on 1 Dec 2003 itself is enough',
    child: person('child', { dateOfBirth: '2003-11-20' }),
    asOf: '2012-01-01',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: false, registeredOnBirthCertificate: true, registrationDate: '2003-12-01' })],
    holders: [mum, { personId: 'dad', basis: 'REGISTERED_FATHER', since: '2003-12-01' }],
  },
  {
    name: 'PR-FATHER-REGISTERED: registered in 2002 for a child born in 2002 gives no PR',
    child: person('child', { dateOfBirth: '2002-04-01' }),
    asOf: '2012-01-01',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: false, registeredOnBirthCertificate: true, registrationDate: '2002-04-15' })],
    holders: [mum],
  },
  {
    name: 'PR-FATHER-REGISTERED: no registration date, child born 2005: the date of birth stands in',
    child: person('child', { dateOfBirth: '2005-07-07' }),
    asOf: '2012-01-01',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: false, registeredOnBirthCertificate: true })],
    holders: [mum, { personId: 'dad', basis: 'REGISTERED_FATHER', since: '2005-07-07' }],
  },
  {
    name: 'PR-FATHER-REGISTERED: no registration date, child born 2002: no PR',
    child: person('child', { dateOfBirth: '2002-04-01' }),
    asOf: '2012-01-01',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: null, registeredOnBirthCertificate: true })],
    holders: [mum],
  },
  {
    name: 'PR-FATHER-REGISTERED: an unmarried father not on the birth certificate has no PR',
    relationships: [mother, unmarriedUnregisteredFather],
    holders: [mum],
  },
  {
    name: 'PR-FATHER-REGISTERED: a re-registration dated after asOf has not happened yet',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: false, registeredOnBirthCertificate: true, registrationDate: '2024-09-01' })],
    holders: [mum],
  },

  // PR-SECOND-PARENT
  {
    name: 'PR-SECOND-PARENT: married to (or civil partner of) the mother: PR from the birth',
    relationships: [mother, rel('mum2', 'SECOND_PARENT', { marriedToMother: true, registeredOnBirthCertificate: false })],
    holders: [mum, { personId: 'mum2', relationship: 'Second parent', basis: 'SECOND_PARENT', ruleId: 'PR-SECOND-PARENT', since: '2015-03-10' }],
  },
  {
    name: 'PR-SECOND-PARENT: registered on the birth certificate: PR from the registration',
    relationships: [mother, rel('mum2', 'SECOND_PARENT', { marriedToMother: false, registeredOnBirthCertificate: true, registrationDate: '2015-04-01' })],
    holders: [mum, { personId: 'mum2', basis: 'SECOND_PARENT', ruleId: 'PR-SECOND-PARENT', since: '2015-04-01' }],
  },
  {
    name: 'PR-SECOND-PARENT: a registration dated after asOf has not happened yet',
    relationships: [mother, rel('mum2', 'SECOND_PARENT', { marriedToMother: false, registeredOnBirthCertificate: true, registrationDate: '2024-09-01' })],
    holders: [mum],
  },
  {
    name: 'PR-SECOND-PARENT: neither married nor registered: no PR',
    relationships: [mother, rel('mum2', 'SECOND_PARENT', { marriedToMother: false, registeredOnBirthCertificate: false })],
    holders: [mum],
  },

  // PR-AGREEMENT-ORDER
  {
    name: 'PR-AGREEMENT-ORDER: a step-parent with a PR agreement has PR from the agreement',
    relationships: [mother, rel('step', 'STEP_PARENT')],
    courtOrders: [order('o1', 'PR_AGREEMENT', 'step', '2020-02-02')],
    holders: [mum, { personId: 'step', relationship: 'Step-parent', basis: 'PR_AGREEMENT_OR_ORDER', ruleId: 'PR-AGREEMENT-ORDER', since: '2020-02-02', until: null }],
  },
  {
    name: 'PR-AGREEMENT-ORDER: an unmarried, unregistered father with a PR order has PR',
    relationships: [mother, unmarriedUnregisteredFather],
    courtOrders: [order('o1', 'PR_ORDER', 'dad', '2019-09-09')],
    holders: [mum, { personId: 'dad', relationship: 'Father', basis: 'PR_AGREEMENT_OR_ORDER', since: '2019-09-09' }],
  },
  {
    name: 'PR-AGREEMENT-ORDER: a PR order discharged before asOf gives none',
    relationships: [mother, unmarriedUnregisteredFather],
    courtOrders: [order('o1', 'PR_ORDER', 'dad', '2019-09-09', '2023-01-01')],
    holders: [mum],
  },

  // PR-CAO
  {
    name: 'PR-CAO: a grandparent the child lives with under a CAO in force has PR while it lasts',
    relationships: [mother, rel('gran', 'GRANDPARENT')],
    courtOrders: [order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2022-01-10')],
    holders: [mum, { personId: 'gran', relationship: 'Grandparent', basis: 'CHILD_ARRANGEMENTS_ORDER', ruleId: 'PR-CAO', since: '2022-01-10', until: null, takesPrecedence: false }],
  },
  {
    name: 'PR-CAO: an end date after asOf is not known on asOf (asKnownOn): until stays null',
    relationships: [mother, rel('gran', 'GRANDPARENT')],
    courtOrders: [order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2022-01-10', '2025-01-10')],
    holders: [mum, { personId: 'gran', basis: 'CHILD_ARRANGEMENTS_ORDER', until: null }],
  },
  {
    name: 'PR-CAO: a CAO that ended before asOf gives no PR',
    relationships: [mother, rel('gran', 'GRANDPARENT')],
    courtOrders: [order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2020-01-10', '2023-05-01')],
    holders: [mum],
  },
  {
    name: 'PR-CAO: a CAO ending on asOf itself is no longer in force',
    relationships: [mother, rel('gran', 'GRANDPARENT')],
    courtOrders: [order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2020-01-10', asOf)],
    holders: [mum],
  },
  {
    name: 'PR-CAO: a CAO starting after asOf is ignored',
    relationships: [mother, rel('gran', 'GRANDPARENT')],
    courtOrders: [order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2024-07-01')],
    holders: [mum],
  },

  // PR-SGO
  {
    name: 'PR-SGO: the special guardian comes first, takes precedence, until the 18th birthday; parents keep PR',
    relationships: [mother, marriedFather, rel('aunt', 'OTHER_RELATIVE')],
    courtOrders: [order('o1', 'SPECIAL_GUARDIANSHIP', 'aunt', '2021-11-11')],
    holders: [
      { personId: 'aunt', relationship: 'Other relative', basis: 'SPECIAL_GUARDIANSHIP_ORDER', ruleId: 'PR-SGO', takesPrecedence: true, since: '2021-11-11', until: '2033-03-10' },
      { ...mum, takesPrecedence: false },
      { personId: 'dad', basis: 'MARRIED_FATHER', takesPrecedence: false },
    ],
  },
  {
    name: 'PR-SGO: an SGO that ended before asOf gives no PR',
    relationships: [mother, rel('aunt', 'OTHER_RELATIVE')],
    courtOrders: [order('o1', 'SPECIAL_GUARDIANSHIP', 'aunt', '2021-11-11', '2023-11-11')],
    holders: [mum],
  },

  // PR-LA-CARE-ORDER
  ...(['C1', 'C2', 'D1', 'E1', 'L2'] as const).map(
    (code): Case => ({
      name: `PR-LA-CARE-ORDER: the authority shares PR under ${code}, since the status's start, listed last`,
      relationships: [mother],
      legalStatuses: [status('V2', '2022-01-01', '2023-02-01'), status(code, '2023-02-01')],
      holders: [mum, { ...la, name: authority, relationship: null, takesPrecedence: false, addressWithheld: false, since: '2023-02-01', until: null }],
    }),
  ),
  ...(['V2', 'V3', 'L1', 'L3', 'J1'] as const).map(
    (code): Case => ({
      name: `PR-LA-CARE-ORDER: no PR for the authority under ${code}`,
      relationships: [mother],
      legalStatuses: [status(code, '2023-02-01')],
      holders: [mum],
    }),
  ),
  {
    name: 'PR-LA-CARE-ORDER: a care order that ended before asOf (now S.20) gives none',
    relationships: [mother],
    legalStatuses: [status('C2', '2020-01-01', '2023-01-01'), status('V2', '2023-01-01')],
    holders: [mum],
  },
  {
    name: 'PR-LA-CARE-ORDER: a care order starting after asOf is ignored',
    relationships: [mother],
    legalStatuses: [status('V2', '2023-01-01'), status('C2', '2024-07-01')],
    holders: [mum],
  },

  // PR-ADOPTION
  {
    name: "PR-ADOPTION: an adoption order ends the mother's, the father's and the authority's PR",
    relationships: [mother, marriedFather],
    courtOrders: [order('a1', 'ADOPTION', 'adopter1', '2023-03-03'), order('a2', 'ADOPTION', 'adopter2', '2023-03-03')],
    legalStatuses: [status('E1', '2022-01-01')],
    holders: [
      { personId: 'adopter1', basis: 'ADOPTION_ORDER', ruleId: 'PR-ADOPTION', since: '2023-03-03', relationship: null },
      { personId: 'adopter2', basis: 'ADOPTION_ORDER', ruleId: 'PR-ADOPTION', since: '2023-03-03' },
    ],
  },
  {
    name: 'PR-ADOPTION: an adoption order also ends a special guardian’s and a CAO holder’s PR',
    relationships: [mother, rel('aunt', 'OTHER_RELATIVE'), rel('gran', 'GRANDPARENT')],
    courtOrders: [
      order('o1', 'SPECIAL_GUARDIANSHIP', 'aunt', '2020-01-01'),
      order('o2', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2019-01-01'),
      order('a1', 'ADOPTION', 'adopter', '2023-03-03'),
    ],
    holders: [{ personId: 'adopter', basis: 'ADOPTION_ORDER' }],
  },
  {
    name: 'PR-ADOPTION: step-parent adoption: the mother (partner) keeps her PR, the father loses his',
    relationships: [mother, marriedFather, rel('step', 'STEP_PARENT')],
    courtOrders: [order('o1', 'PR_AGREEMENT', 'step', '2019-01-01'), order('a1', 'ADOPTION', 'step', '2023-03-03', null, 'mum')],
    holders: [mum, { personId: 'step', relationship: 'Step-parent', basis: 'ADOPTION_ORDER', ruleId: 'PR-ADOPTION', since: '2023-03-03' }],
  },
  {
    name: 'PR-ADOPTION: an adoption order starting after asOf is ignored',
    relationships: [mother, marriedFather],
    courtOrders: [order('a1', 'ADOPTION', 'adopter', '2024-07-07')],
    holders: [mum, { personId: 'dad', basis: 'MARRIED_FATHER' }],
  },
  {
    name: 'PR-ADOPTION: a care order made after the adoption gives the authority PR afresh (s.46(2): PR held before the order ends)',
    relationships: [mother],
    courtOrders: [order('a1', 'ADOPTION', 'adopter', '2018-03-03')],
    legalStatuses: [status('E1', '2017-01-01', '2018-03-03'), status('C2', '2023-05-05')],
    holders: [{ personId: 'adopter', basis: 'ADOPTION_ORDER' }, { ...la, since: '2023-05-05' }],
  },

  // PR-FOSTER
  {
    name: 'PR-FOSTER: a foster carer never has PR, even while the authority has it',
    relationships: [mother, rel('fc', 'FOSTER_CARER')],
    legalStatuses: [status('C2', '2023-01-01')],
    holders: [mum, la],
  },
  {
    name: 'PR-FOSTER: a PR agreement naming the foster carer gives no PR',
    relationships: [mother, rel('fc', 'FOSTER_CARER')],
    courtOrders: [order('o1', 'PR_AGREEMENT', 'fc', '2023-01-01')],
    holders: [mum],
  },
  {
    name: 'PR-FOSTER: a foster carer who becomes special guardian holds PR as special guardian',
    relationships: [mother, rel('fc', 'FOSTER_CARER')],
    courtOrders: [order('o1', 'SPECIAL_GUARDIANSHIP', 'fc', '2023-01-01')],
    holders: [{ personId: 'fc', basis: 'SPECIAL_GUARDIANSHIP_ORDER', relationship: 'Foster carer', takesPrecedence: true }, mum],
  },

  // PR-NO-CONTACT
  {
    name: 'PR-NO-CONTACT: a father with contact stopped and the address withheld keeps PR, flagged addressWithheld',
    relationships: [mother, { ...marriedFather, noContact: true, addressWithheld: true }],
    holders: [{ ...mum, addressWithheld: false }, { personId: 'dad', basis: 'MARRIED_FATHER', addressWithheld: true }],
  },
  {
    name: 'PR-NO-CONTACT: contact stopped alone keeps PR and does not withhold the address',
    relationships: [{ ...mother, noContact: true }],
    holders: [{ ...mum, addressWithheld: false }],
  },
  {
    name: 'PR-NO-CONTACT: address withheld alone keeps PR',
    relationships: [{ ...mother, addressWithheld: true }],
    holders: [{ ...mum, addressWithheld: true }],
  },

  // PR-ENDS
  {
    name: 'PR-ENDS: nobody holds PR from the 18th birthday',
    child: person('child', { dateOfBirth: '2006-06-01' }),
    relationships: [mother, marriedFather],
    courtOrders: [order('o1', 'SPECIAL_GUARDIANSHIP', 'gran', '2020-01-01')],
    legalStatuses: [status('C2', '2023-01-01')],
    holders: [],
  },
  {
    name: 'PR-ENDS: the day before the 18th birthday PR is still held',
    child: person('child', { dateOfBirth: '2006-06-02' }),
    relationships: [mother],
    holders: [{ ...mum, since: '2006-06-02' }],
  },
  {
    name: 'PR-ENDS: a holder who has died is not listed',
    relationships: [mother, marriedFather],
    people: { dad: person('dad', { dateOfDeath: '2024-06-01' }) },
    holders: [mum],
  },
  {
    name: 'PR-ENDS: a death recorded after asOf is not yet known',
    relationships: [mother, marriedFather],
    people: { dad: person('dad', { dateOfDeath: '2024-06-02' }) },
    holders: [mum, { personId: 'dad' }],
  },
  {
    name: 'PR-ENDS: an unborn child (expected date of birth only) has no holders',
    child: person('child', { dateOfBirth: null, expectedDateOfBirth: '2024-08-01' }),
    relationships: [mother, marriedFather],
    holders: [],
  },
  {
    name: 'PR-ENDS: a child born after asOf has no holders yet',
    child: person('child', { dateOfBirth: '2024-07-01' }),
    relationships: [mother],
    holders: [],
  },
  {
    name: 'PR-ENDS: no date of birth at all: treated as under 18',
    child: person('child', { dateOfBirth: null }),
    relationships: [mother],
    holders: [{ ...mum, since: null }],
  },

  // Listed once, under the strongest basis; sorted.
  {
    name: 'PR-FATHER-MARRIED: a married father who also has a PR order is listed once, as married father',
    relationships: [mother, rel('dad', 'FATHER', { marriedToMother: true, registeredOnBirthCertificate: false })],
    courtOrders: [order('o1', 'PR_ORDER', 'dad', '2019-09-09')],
    holders: [mum, { personId: 'dad', basis: 'MARRIED_FATHER', ruleId: 'PR-FATHER-MARRIED', since: '2019-09-09' }],
  },
  {
    name: 'PR-FATHER-MARRIED: a married father also registered at the birth is listed once, since the birth (earliest known start)',
    relationships: [mother, marriedFather],
    courtOrders: [order('o1', 'PR_ORDER', 'dad', '2019-09-09')],
    holders: [mum, { personId: 'dad', basis: 'MARRIED_FATHER', ruleId: 'PR-FATHER-MARRIED', since: '2015-03-10' }],
  },
  {
    name: 'PR-SGO: a grandparent with a CAO and then an SGO is listed once, as special guardian, since the CAO',
    relationships: [mother, rel('gran', 'GRANDPARENT')],
    courtOrders: [order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2019-01-01'), order('o2', 'SPECIAL_GUARDIANSHIP', 'gran', '2022-01-01')],
    holders: [{ personId: 'gran', basis: 'SPECIAL_GUARDIANSHIP_ORDER', takesPrecedence: true, since: '2019-01-01', until: null }, mum],
  },
  {
    name: 'PR-CAO: holders sort special guardian, parents, agreement, CAO (by person id), authority last',
    relationships: [rel('zz-mum', 'MOTHER'), rel('dad', 'FATHER', { marriedToMother: true }), rel('step', 'STEP_PARENT'), rel('g2', 'GRANDPARENT'), rel('g1', 'GRANDPARENT'), rel('aunt', 'OTHER_RELATIVE')],
    courtOrders: [
      order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'g2', '2022-01-01'),
      order('o2', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'g1', '2022-01-01'),
      order('o3', 'PR_AGREEMENT', 'step', '2021-01-01'),
      order('o4', 'SPECIAL_GUARDIANSHIP', 'aunt', '2023-01-01'),
    ],
    legalStatuses: [status('C1', '2024-01-01')],
    holders: [
      { personId: 'aunt' },
      { personId: 'zz-mum', basis: 'BIRTH_MOTHER' },
      { personId: 'dad', basis: 'MARRIED_FATHER' },
      { personId: 'step', basis: 'PR_AGREEMENT_OR_ORDER' },
      { personId: 'g1', basis: 'CHILD_ARRANGEMENTS_ORDER' },
      { personId: 'g2', basis: 'CHILD_ARRANGEMENTS_ORDER' },
      la,
    ],
  },
  {
    name: "PR-CAO: a holder missing from the people map, or without a name, is 'Name not recorded'",
    relationships: [rel('mum', 'MOTHER'), rel('gran', 'GRANDPARENT')],
    courtOrders: [order('o1', 'CHILD_ARRANGEMENTS_LIVE_WITH', 'gran', '2022-01-01')],
    people: { mum: person('mum', { forename: null, surname: ' ' }), gran: null },
    holders: [{ personId: 'mum', name: 'Name not recorded' }, { personId: 'gran', name: 'Name not recorded' }],
  },
];

describe('parentalResponsibilityOn', () => {
  it.each(cases)('$name', (testCase) => {
    expect(run(testCase)).toEqual(testCase.holders.map((fields) => expect.objectContaining(fields)));
  });

  it('every case names the rule it checks', () => {
    for (const testCase of cases) expect(testCase.name).toMatch(/^PR-[A-Z-]+: /);
  });
});
