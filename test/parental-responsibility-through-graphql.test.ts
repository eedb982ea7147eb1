// Parental responsibility end to end: a hand-made extract goes through the real import
// (cb_relationship.csv, cb_court_order.csv, ssd_legal_status.csv, ssd_person.csv) and every
// answer comes back over real HTTP GraphQL. One case per PR rule of rules.md ("Parental
// responsibility (PR)"); each expects the exact holder list, worked out by hand from the rule
// (the comments say why), and several ask on two dates to show that time matters.
// Every name here is synthetic.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../src/import/import-folder.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type TestService } from './support/service.js';

let api: TestService;

// Children (each made a child by a referral, ssd_cin_episodes) and the adults around them.
// Ids: PRCnn a child, the adults named after the child they belong to.
const extract = {
  'ssd_person.csv': [
    'pers_person_id,pers_forename,pers_surname,pers_dob,pers_death_date',
    // PR-MOTHER
    'PRC01,Ivy,Ashdown,2015-03-10,',
    'M01,Nora,Ashdown,1990-01-01,',
    'G01,Edith,Ashdown,1960-01-01,',
    // PR-FATHER-MARRIED
    'PRC02,Leo,Brimble,2015-03-10,',
    'M02,Tessa,Brimble,1990-02-02,',
    'F02,Owen,Brimble,1988-02-02,',
    // PR-FATHER-REGISTERED: re-registered in 2012; no registration date; registered in 2003
    // before the cut-off; registered on the cut-off day
    'PRC03,Finn,Carrow,2010-05-05,',
    'M03,Rhea,Carrow,1989-03-03,',
    'F03,Jude,Pellow,1987-03-03,',
    'PRC04,Gus,Dunmore,2015-03-10,',
    'M04,Lena,Dunmore,1991-04-04,',
    'F04,Saul,Ravel,1990-04-04,',
    'PRC05,Hal,Eskew,2003-06-15,',
    'M05,Maud,Eskew,1980-05-05,',
    'F05,Ned,Tolley,1979-05-05,',
    'PRC06,Iris,Fenner,2003-11-20,',
    'M06,Dora,Fenner,1981-06-06,',
    'F06,Abe,Quirke,1980-06-06,',
    // PR-SECOND-PARENT: married; registered (not married); neither
    'PRC07,Jax,Gorran,2016-02-02,',
    'M07,Ada,Gorran,1988-07-07,',
    'S07,Bel,Gorran,1987-07-07,',
    'PRC08,Kit,Hallam,2016-02-02,',
    'M08,Cleo,Hallam,1989-08-08,',
    'S08,Wren,Ibbot,1988-08-08,',
    'PRC09,Lou,Jessop,2016-02-02,',
    'M09,Faye,Jessop,1990-09-09,',
    'S09,Gwen,Kettle,1989-09-09,',
    // PR-AGREEMENT-ORDER
    'PRC10,Max,Lydford,2014-01-01,',
    'M10,Hope,Lydford,1990-10-10,',
    'F10,Ivan,Mercer,1989-10-10,',
    'P10,Joel,Lydford,1985-10-10,',
    // PR-CAO
    'PRC11,Ned,Morwen,2012-01-01,',
    'M11,Kira,Morwen,1992-11-11,',
    'G11,Lois,Morwen,1965-11-11,',
    // PR-SGO
    'PRC12,Oli,Nancarrow,2010-04-04,',
    'M12,Mina,Nancarrow,1985-12-12,',
    'F12,Otto,Nancarrow,1984-12-12,',
    'R12,Pam,Oxley,1975-12-12,',
    // PR-LA-CARE-ORDER
    'PRC13,Pip,Penrose,2011-07-07,',
    'M13,Queenie,Penrose,1990-01-13,',
    // PR-ADOPTION: adoption by strangers; step-parent adoption
    'PRC14,Rex,Quiller,2016-01-01,',
    'M14,Rosa,Quiller,1992-01-14,',
    'F14,Sid,Quiller,1991-01-14,',
    'AD14A,Tara,Ulverston,1980-01-14,',
    'AD14B,Umar,Ulverston,1979-01-14,',
    'PRC15,Sam,Rosewarne,2012-01-01,',
    'M15,Vera,Rosewarne,1990-01-15,',
    'F15,Walt,Stannard,1989-01-15,',
    'P15,Xan,Trevail,1986-01-15,',
    // PR-FOSTER
    'PRC16,Tam,Sennen,2014-05-05,',
    'M16,Yara,Sennen,1993-01-16,',
    'FC16,Zed,Vosper,1970-01-16,',
    // PR-NO-CONTACT
    'PRC17,Una,Treloar,2013-03-03,',
    'M17,Abby,Treloar,1991-01-17,',
    'F17,Bram,Treloar,1990-01-17,',
    // PR-ENDS: the father dies in 2020; the child turns 18 on 2024-02-01
    'PRC18,Vic,Uren,2006-02-01,',
    'M18,Cora,Uren,1980-01-18,',
    'F18,Dale,Uren,1978-01-18,2020-05-05',
  ],
  'ssd_cin_episodes.csv': [
    'cine_referral_id,cine_person_id,cine_referral_date',
    ...Array.from({ length: 18 }, (_, index) => {
      const child = `PRC${String(index + 1).padStart(2, '0')}`;
      return `REF-${child},${child},2023-01-16`;
    }),
  ],
  'cb_relationship.csv': [
    'rela_relationship_id,rela_child_person_id,rela_related_person_id,rela_relationship,rela_married_to_mother,rela_registered_on_birth_certificate,rela_registration_date,rela_no_contact,rela_address_withheld',
    'R01M,PRC01,M01,MOTHER,,,,N,N',
    'R01G,PRC01,G01,GRANDPARENT,,,,N,N',
    'R02M,PRC02,M02,MOTHER,,,,N,N',
    'R02F,PRC02,F02,FATHER,Y,N,,N,N',
    'R03M,PRC03,M03,MOTHER,,,,N,N',
    'R03F,PRC03,F03,FATHER,N,Y,2012-01-20,N,N',
    'R04M,PRC04,M04,MOTHER,,,,N,N',
    'R04F,PRC04,F04,FATHER,N,Y,,N,N',
    'R05M,PRC05,M05,MOTHER,,,,N,N',
    'R05F,PRC05,F05,FATHER,N,Y,2003-07-01,N,N',
    'R06M,PRC06,M06,MOTHER,,,,N,N',
    'R06F,PRC06,F06,FATHER,N,Y,2003-12-01,N,N',
    'R07M,PRC07,M07,MOTHER,,,,N,N',
    'R07S,PRC07,S07,SECOND_PARENT,Y,N,,N,N',
    'R08M,PRC08,M08,MOTHER,,,,N,N',
    'R08S,PRC08,S08,SECOND_PARENT,N,Y,2016-04-01,N,N',
    'R09M,PRC09,M09,MOTHER,,,,N,N',
    'R09S,PRC09,S09,SECOND_PARENT,N,N,,N,N',
    'R10M,PRC10,M10,MOTHER,,,,N,N',
    'R10F,PRC10,F10,FATHER,N,N,,N,N',
    'R10P,PRC10,P10,STEP_PARENT,,,,N,N',
    'R11M,PRC11,M11,MOTHER,,,,N,N',
    'R11G,PRC11,G11,GRANDPARENT,,,,N,N',
    'R12M,PRC12,M12,MOTHER,,,,N,N',
    'R12F,PRC12,F12,FATHER,Y,Y,,N,N',
    'R12R,PRC12,R12,OTHER_RELATIVE,,,,N,N',
    'R13M,PRC13,M13,MOTHER,,,,N,N',
    'R14M,PRC14,M14,MOTHER,,,,N,N',
    'R14F,PRC14,F14,FATHER,Y,Y,,N,N',
    'R15M,PRC15,M15,MOTHER,,,,N,N',
    'R15F,PRC15,F15,FATHER,N,Y,,N,N',
    'R15P,PRC15,P15,STEP_PARENT,,,,N,N',
    'R16M,PRC16,M16,MOTHER,,,,N,N',
    'R16C,PRC16,FC16,FOSTER_CARER,,,,N,N',
    'R17M,PRC17,M17,MOTHER,,,,Y,Y',
    'R17F,PRC17,F17,FATHER,Y,N,,Y,N',
    'R18M,PRC18,M18,MOTHER,,,,N,N',
    'R18F,PRC18,F18,FATHER,Y,N,,N,N',
  ],
  'cb_court_order.csv': [
    'cord_order_id,cord_child_person_id,cord_order_type,cord_holder_person_id,cord_partner_person_id,cord_start_date,cord_end_date',
    // PR-AGREEMENT-ORDER: a PR agreement with the (unmarried, unregistered) father, a PR order
    // for the step-father.
    'O10A,PRC10,PR_AGREEMENT,F10,,2019-05-01,',
    'O10B,PRC10,PR_ORDER,P10,,2021-09-01,',
    // PR-CAO: the grandmother has a live-with CAO for three years.
    'O11,PRC11,CHILD_ARRANGEMENTS_LIVE_WITH,G11,,2020-03-01,2023-03-01',
    // PR-SGO: the aunt becomes special guardian; the order has no end date in the extract.
    'O12,PRC12,SPECIAL_GUARDIANSHIP,R12,,2018-01-01,',
    // PR-ADOPTION: joint adoption by two adopters on the same day; a step-parent adoption in
    // which the mother (the partner) keeps PR.
    'O14A,PRC14,ADOPTION,AD14A,,2020-06-01,',
    'O14B,PRC14,ADOPTION,AD14B,,2020-06-01,',
    'O15,PRC15,ADOPTION,P15,M15,2019-01-01,',
    // PR-FOSTER: a PR order naming the foster carer is not read.
    'O16,PRC16,PR_ORDER,FC16,,2022-01-01,',
  ],
  'ssd_legal_status.csv': [
    'lega_legal_status_id,lega_person_id,lega_legal_status,lega_legal_status_start_date,lega_legal_status_end_date',
    // PR-LA-CARE-ORDER: S.20, then police protection, an EPO, an interim care order, a care
    // order and a placement order.
    'LS13A,PRC13,V2,2020-01-01,2020-03-01',
    'LS13B,PRC13,L1,2020-03-01,2020-03-03',
    'LS13C,PRC13,L2,2020-03-03,2020-03-10',
    'LS13D,PRC13,C1,2020-03-10,2020-09-01',
    'LS13E,PRC13,C2,2020-09-01,2021-05-01',
    'LS13F,PRC13,E1,2021-05-01,',
    // PR-ADOPTION: care order, then placement order; the extract never closes the placement
    // order, yet the adoption ends the authority's PR all the same.
    'LS14A,PRC14,C2,2018-01-01,2019-01-01',
    'LS14B,PRC14,E1,2019-01-01,',
    // PR-FOSTER: in care under a care order.
    'LS16,PRC16,C2,2021-06-01,',
    // PR-NO-CONTACT: in care under a care order.
    'LS17,PRC17,C2,2022-02-02,',
    // PR-ENDS: a care order still open at 18.
    'LS18,PRC18,C2,2019-01-01,',
  ],
};

beforeAll(async () => {
  api = await startTestService();
  const report = await importFolder(api.service.database, { dir: writeExtract(extract), labels: api.config.labels });
  if (!report.ok) console.error(JSON.stringify(report, null, 2));
  expect(report.ok).toBe(true);
});
afterAll(async () => api?.close());

interface Holder {
  kind: 'PERSON' | 'LOCAL_AUTHORITY';
  personId: string | null;
  name: string;
  relationship: string | null;
  basis: string;
  ruleId: string;
  takesPrecedence: boolean;
  addressWithheld: boolean;
  since: string | null;
  until: string | null;
}

/** The child's parentalResponsibility on `asOf`, over HTTP; fails on any GraphQL error. */
async function holders(id: string, asOf: string): Promise<Holder[]> {
  const response = await api.query<{ child: { parentalResponsibility: Holder[] } | null }>(
    `query ($id: ID!, $asOf: Date) { child(id: $id, asOf: $asOf) {
      parentalResponsibility { kind personId name relationship basis ruleId takesPrecedence addressWithheld since until }
    } }`,
    { id, asOf },
  );
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data?.child, `child ${id}`).not.toBeNull();
  return response.body.data!.child!.parentalResponsibility;
}

const ruleOf = {
  BIRTH_MOTHER: 'PR-MOTHER',
  MARRIED_FATHER: 'PR-FATHER-MARRIED',
  REGISTERED_FATHER: 'PR-FATHER-REGISTERED',
  SECOND_PARENT: 'PR-SECOND-PARENT',
  PR_AGREEMENT_OR_ORDER: 'PR-AGREEMENT-ORDER',
  CHILD_ARRANGEMENTS_ORDER: 'PR-CAO',
  SPECIAL_GUARDIANSHIP_ORDER: 'PR-SGO',
  CARE_ORDER: 'PR-LA-CARE-ORDER',
  ADOPTION_ORDER: 'PR-ADOPTION',
} as const;

/** An expected person holder. */
function person(
  personId: string,
  name: string,
  relationship: string | null,
  basis: keyof typeof ruleOf,
  since: string | null,
  extra: { until?: string | null; addressWithheld?: boolean } = {},
): Holder {
  return {
    kind: 'PERSON',
    personId,
    name,
    relationship,
    basis,
    ruleId: ruleOf[basis],
    takesPrecedence: basis === 'SPECIAL_GUARDIANSHIP_ORDER',
    addressWithheld: extra.addressWithheld ?? false,
    since,
    until: extra.until ?? null,
  };
}

/** The expected local-authority holder (named by CAREBRIDGE_AUTHORITY_NAME). */
function localAuthority(since: string): Holder {
  return {
    kind: 'LOCAL_AUTHORITY',
    personId: null,
    name: api.config.authorityName,
    relationship: null,
    basis: 'CARE_ORDER',
    ruleId: 'PR-LA-CARE-ORDER',
    takesPrecedence: false,
    addressWithheld: false,
    since,
    until: null,
  };
}

describe('parental responsibility through import and GraphQL', () => {
  it('PR-MOTHER: the birth mother holds PR from the birth; a grandparent gets none from being one', async () => {
    // The mother: BIRTH_MOTHER since the date of birth, no end. The grandmother has no rule.
    expect(await holders('PRC01', '2024-06-01')).toEqual([person('M01', 'Nora Ashdown', 'Mother', 'BIRTH_MOTHER', '2015-03-10')]);
  });

  it('PR-FATHER-MARRIED: a father married to the mother holds PR, since unknown (no marriage date held)', async () => {
    // Married, not registered: MARRIED_FATHER, since null (docs: no marriage date is held).
    expect(await holders('PRC02', '2024-06-01')).toEqual([
      person('M02', 'Tessa Brimble', 'Mother', 'BIRTH_MOTHER', '2015-03-10'),
      person('F02', 'Owen Brimble', 'Father', 'MARRIED_FATHER', null),
    ]);
  });

  it('PR-FATHER-REGISTERED: registration on/after 1 Dec 2003 gives PR from the registration; none before it', async () => {
    // Born 2010, re-registered on 2012-01-20: PR from that date, not before.
    const mother03 = person('M03', 'Rhea Carrow', 'Mother', 'BIRTH_MOTHER', '2010-05-05');
    expect(await holders('PRC03', '2011-06-01')).toEqual([mother03]);
    expect(await holders('PRC03', '2024-06-01')).toEqual([mother03, person('F03', 'Jude Pellow', 'Father', 'REGISTERED_FATHER', '2012-01-20')]);

    // Registered, no registration date held: the date of birth (2015) stands in.
    expect(await holders('PRC04', '2024-06-01')).toEqual([
      person('M04', 'Lena Dunmore', 'Mother', 'BIRTH_MOTHER', '2015-03-10'),
      person('F04', 'Saul Ravel', 'Father', 'REGISTERED_FATHER', '2015-03-10'),
    ]);

    // Born June 2003, registered July 2003 (before the cut-off) and never re-registered: no PR in 2004.
    expect(await holders('PRC05', '2004-06-01')).toEqual([person('M05', 'Maud Eskew', 'Mother', 'BIRTH_MOTHER', '2003-06-15')]);

    // Born November 2003, registered on 1 Dec 2003 itself: "on or after" → PR from that day.
    expect(await holders('PRC06', '2004-06-01')).toEqual([
      person('M06', 'Dora Fenner', 'Mother', 'BIRTH_MOTHER', '2003-11-20'),
      person('F06', 'Abe Quirke', 'Father', 'REGISTERED_FATHER', '2003-12-01'),
    ]);
  });

  it('PR-SECOND-PARENT: a second female parent holds PR if married to the mother or registered; otherwise not', async () => {
    // Married / civil partner at treatment: from the birth.
    expect(await holders('PRC07', '2024-06-01')).toEqual([
      person('M07', 'Ada Gorran', 'Mother', 'BIRTH_MOTHER', '2016-02-02'),
      person('S07', 'Bel Gorran', 'Second parent', 'SECOND_PARENT', '2016-02-02'),
    ]);
    // Registered on 2016-04-01, not married: from the registration.
    expect(await holders('PRC08', '2024-06-01')).toEqual([
      person('M08', 'Cleo Hallam', 'Mother', 'BIRTH_MOTHER', '2016-02-02'),
      person('S08', 'Wren Ibbot', 'Second parent', 'SECOND_PARENT', '2016-04-01'),
    ]);
    // Neither married nor registered: no PR.
    expect(await holders('PRC09', '2024-06-01')).toEqual([person('M09', 'Faye Jessop', 'Mother', 'BIRTH_MOTHER', '2016-02-02')]);
  });

  it('PR-AGREEMENT-ORDER: a PR agreement (father) and a PR order (step-parent) give PR from their start', async () => {
    const mother10 = person('M10', 'Hope Lydford', 'Mother', 'BIRTH_MOTHER', '2014-01-01');
    const father10 = person('F10', 'Ivan Mercer', 'Father', 'PR_AGREEMENT_OR_ORDER', '2019-05-01');
    const stepFather10 = person('P10', 'Joel Lydford', 'Step-parent', 'PR_AGREEMENT_OR_ORDER', '2021-09-01');
    // Before either: the unmarried, unregistered father has none; nor does the step-father.
    expect(await holders('PRC10', '2019-01-01')).toEqual([mother10]);
    // After the PR agreement (2019-05-01), before the PR order (2021-09-01).
    expect(await holders('PRC10', '2020-01-01')).toEqual([mother10, father10]);
    // After both; same basis, so in person-id order (F10 before P10).
    expect(await holders('PRC10', '2024-06-01')).toEqual([mother10, father10, stepFather10]);
  });

  it('PR-CAO: a person the child lives with under a child arrangements order holds PR only while it is in force', async () => {
    const mother11 = person('M11', 'Kira Morwen', 'Mother', 'BIRTH_MOTHER', '2012-01-01');
    // Before the order (from 2020-03-01).
    expect(await holders('PRC11', '2020-02-29')).toEqual([mother11]);
    // In force: the grandmother shares PR; the end (2023-03-01) is not yet known on asOf, so until is null.
    expect(await holders('PRC11', '2021-06-01')).toEqual([
      mother11,
      person('G11', 'Lois Morwen', 'Grandparent', 'CHILD_ARRANGEMENTS_ORDER', '2020-03-01'),
    ]);
    // On and after its end date the order is no longer in force: the grandmother's PR has gone.
    expect(await holders('PRC11', '2023-03-01')).toEqual([mother11]);
  });

  it('PR-SGO: the special guardian holds PR that takes precedence, the parents keep theirs, and it ends at 18', async () => {
    const mother12 = person('M12', 'Mina Nancarrow', 'Mother', 'BIRTH_MOTHER', '2010-04-04');
    // Married and registered (no date): listed once under the stronger basis, MARRIED_FATHER,
    // with `since` the earliest start among his bases, the registration's stand-in date of birth.
    const father12 = person('F12', 'Otto Nancarrow', 'Father', 'MARRIED_FATHER', '2010-04-04');
    // Before the order: the parents only.
    expect(await holders('PRC12', '2017-12-31')).toEqual([mother12, father12]);
    // In force: the aunt, listed first (takesPrecedence), until the 18th birthday 2028-04-04;
    // the parents still hold PR.
    const guardian = person('R12', 'Pam Oxley', 'Other relative', 'SPECIAL_GUARDIANSHIP_ORDER', '2018-01-01', { until: '2028-04-04' });
    expect(await holders('PRC12', '2024-06-01')).toEqual([guardian, mother12, father12]);
    expect(await holders('PRC12', '2028-04-03')).toEqual([guardian, mother12, father12]);
    // On the 18th birthday the order has ceased (and nobody holds PR any more: PR-ENDS).
    expect(await holders('PRC12', '2028-04-04')).toEqual([]);
  });

  it('PR-LA-CARE-ORDER: the authority holds PR under C1, C2, E1 and L2; never under V2 (S.20) or L1 (police protection)', async () => {
    const mother13 = person('M13', 'Queenie Penrose', 'Mother', 'BIRTH_MOTHER', '2011-07-07');
    const cases: [string, string, Holder[]][] = [
      ['before any legal status', '2019-06-01', [mother13]],
      ['V2 single-period S.20', '2020-02-01', [mother13]],
      ['L1 police protection', '2020-03-02', [mother13]],
      ['L2 emergency protection order', '2020-03-05', [mother13, localAuthority('2020-03-03')]],
      ['C1 interim care order', '2020-06-01', [mother13, localAuthority('2020-03-10')]],
      ['C2 full care order', '2020-12-01', [mother13, localAuthority('2020-09-01')]],
      ['E1 placement order', '2022-01-01', [mother13, localAuthority('2021-05-01')]],
    ];
    // The authority's `since` is the start of the status in force; its end is not known on asOf.
    for (const [label, asOf, expected] of cases) expect(await holders('PRC13', asOf), label).toEqual(expected);
  });

  it('PR-ADOPTION: adopters hold PR and everyone else’s ends; in a step-parent adoption the partner keeps hers', async () => {
    // Before the adoption (2020-06-01): both parents (the father married and registered, so
    // MARRIED_FATHER since the date of birth, his registration's stand-in), and the authority
    // under the placement order (E1 from 2019-01-01).
    expect(await holders('PRC14', '2020-01-01')).toEqual([
      person('M14', 'Rosa Quiller', 'Mother', 'BIRTH_MOTHER', '2016-01-01'),
      person('F14', 'Sid Quiller', 'Father', 'MARRIED_FATHER', '2016-01-01'),
      localAuthority('2019-01-01'),
    ]);
    // After it: only the two joint adopters (no relationship row); the parents' and the
    // authority's PR have ended, though the extract leaves E1 open.
    expect(await holders('PRC14', '2021-01-01')).toEqual([
      person('AD14A', 'Tara Ulverston', null, 'ADOPTION_ORDER', '2020-06-01'),
      person('AD14B', 'Umar Ulverston', null, 'ADOPTION_ORDER', '2020-06-01'),
    ]);

    // Step-parent adoption: before it, the mother and the registered father (no registration
    // date, so from the date of birth, 2012 ≥ 1 Dec 2003).
    const mother15 = person('M15', 'Vera Rosewarne', 'Mother', 'BIRTH_MOTHER', '2012-01-01');
    expect(await holders('PRC15', '2018-06-01')).toEqual([mother15, person('F15', 'Walt Stannard', 'Father', 'REGISTERED_FATHER', '2012-01-01')]);
    // After it: the mother (cord_partner_person_id) keeps hers; the father's ends; the step-father adopts.
    expect(await holders('PRC15', '2020-01-01')).toEqual([mother15, person('P15', 'Xan Trevail', 'Step-parent', 'ADOPTION_ORDER', '2019-01-01')]);
  });

  it('PR-FOSTER: a foster carer never holds PR, not even through a PR order naming them', async () => {
    // The child is in care under a care order: the mother and the authority hold PR; the
    // foster carer, named in a PR order from 2022-01-01, does not.
    expect(await holders('PRC16', '2024-06-01')).toEqual([
      person('M16', 'Yara Sennen', 'Mother', 'BIRTH_MOTHER', '2014-05-05'),
      localAuthority('2021-06-01'),
    ]);
  });

  it('PR-NO-CONTACT: parents keep PR when contact is stopped or the address is withheld from them', async () => {
    // Both have contact stopped; the address is withheld from the mother only, so only she is
    // marked addressWithheld. Both are still listed, alongside the authority (care order).
    expect(await holders('PRC17', '2024-06-01')).toEqual([
      person('M17', 'Abby Treloar', 'Mother', 'BIRTH_MOTHER', '2013-03-03', { addressWithheld: true }),
      person('F17', 'Bram Treloar', 'Father', 'MARRIED_FATHER', null),
      localAuthority('2022-02-02'),
    ]);
  });

  it('PR-ENDS: a holder who has died is not listed, and nobody holds PR once the child is 18', async () => {
    const mother18 = person('M18', 'Cora Uren', 'Mother', 'BIRTH_MOTHER', '2006-02-01');
    // Before the father's death (2020-05-05): both parents and the authority (care order from 2019).
    expect(await holders('PRC18', '2020-01-01')).toEqual([mother18, person('F18', 'Dale Uren', 'Father', 'MARRIED_FATHER', null), localAuthority('2019-01-01')]);
    // After it: the father is no longer listed.
    expect(await holders('PRC18', '2021-01-01')).toEqual([mother18, localAuthority('2019-01-01')]);
    // The day before the 18th birthday (2024-02-01), and on it: the care order is still open, yet no holders.
    expect(await holders('PRC18', '2024-01-31')).toEqual([mother18, localAuthority('2019-01-01')]);
    expect(await holders('PRC18', '2024-02-01')).toEqual([]);
  });
});
