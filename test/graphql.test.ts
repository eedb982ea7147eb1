// The GraphQL contract over real HTTP on the real service and database: every contract field
// answers; asOf changes the answer; adults are not children; pagination walks every child
// once; bad input and bad tokens get their codes; the statement count does not grow with
// the number of children.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuthority } from '../src/generate/authority.js';
import { importFolder } from '../src/import/import-folder.js';
import {
  ChildByNhsNumberDocument,
  ChildCareStatusDocument,
  ChildrenPageDocument,
  OverdueWorkDocument,
  type ChildFilter,
  type ChildrenPageQuery,
  type OverdueWorkQuery,
} from '../codegen/graphql.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type TestService } from './support/service.js';
import { outline, statementsOf } from './support/statements.js';

let api: TestService;

// One hand-made child whose answers are known: C1 is on a CP plan from January 2024, looked
// after under S.20 from June, then under a care order from August; the plan ends in September.
const handMade = {
  'ssd_person.csv': [
    'pers_person_id,pers_forename,pers_surname,pers_dob,pers_common_child_id',
    'C1,Amy,Smith,2012-03-04,9990000018',
    'A1,Carol,Smith,1985-01-01,',
    'A2,Dan,Smith,1983-05-05,',
    'C2,Bea,Jones,2007-01-15,',
    'C3,Cal,Brown,2010-10-10,',
  ],
  'ssd_cp_plans.csv': [
    'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category,cppl_cp_plan_latest_category',
    'CP1,C1,2024-01-10,2024-09-01,Neglect,EMO',
  ],
  'ssd_cla_episodes.csv': [
    'clae_cla_episode_id,clae_person_id,clae_cla_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_entered_care_date',
    'E1,C1,POC1,2024-06-01,2024-08-01,2024-06-01',
    'E2,C1,POC1,2024-08-01,,2024-06-01',
    'E3,C2,POC2,2022-01-01,,2022-01-01',
    // An extract without clae_cla_id, whose episode id happens to be another child's period id.
    'POC2,C3,,2023-03-01,,',
  ],
  'ssd_legal_status.csv': [
    'lega_legal_status_id,lega_person_id,lega_legal_status,lega_legal_status_start_date,lega_legal_status_end_date',
    'L1,C1,V2,2024-06-01,2024-08-01',
    'L2,C1,C2,2024-08-01,',
    'L3,C2,V2,2022-01-01,',
  ],
  'ssd_cla_placement.csv': [
    'clap_cla_placement_id,clap_cla_id,clap_person_id,clap_cla_placement_start_date,clap_cla_placement_end_date,clap_cla_placement_type,clap_cla_placement_postcode',
    'PL1,POC1,C1,2024-06-01,,U6,ZZ1 1ZZ',
    'PL2,POC2,C2,2022-01-01,,K2,',
  ],
  'ssd_cla_reviews.csv': ['clar_cla_review_id,clar_cla_id,clar_cla_review_due_date,clar_cla_review_date', 'R1,POC1,2024-06-28,2024-06-27'],
  'ssd_department.csv': ['dept_team_id,dept_team_name', 'T1,Children in Care Team'],
  'ssd_professionals.csv': ['prof_professional_id,prof_professional_name,prof_professional_job_title', 'W1,Sam Worker,Social Worker'],
  'ssd_involvements.csv': [
    'invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_person_id,invo_involvement_start_date,invo_involvement_end_date',
    'I1,W1,Allocated Social Worker,T1,C1,2024-01-10,',
  ],
  'cb_team_contact.csv': ['tcon_team_id,tcon_duty_phone,tcon_duty_email,tcon_out_of_hours_phone', 'T1,01632 960001,duty@example.org,01632 960999'],
  'cb_relationship.csv': [
    'rela_relationship_id,rela_child_person_id,rela_related_person_id,rela_relationship,rela_married_to_mother,rela_address_withheld',
    'R1,C1,A1,MOTHER,,N',
    'R2,C1,A2,FATHER,Y,Y',
  ],
};

beforeAll(async () => {
  api = await startTestService();
  const generated = mkdtempSync(path.join(tmpdir(), 'carebridge-graphql-'));
  await generateAuthority({ children: 300, seed: 11, asOf: '2026-03-31', out: generated });
  for (const dir of [generated, writeExtract(handMade)]) {
    const report = await importFolder(api.service.database, { dir, labels: api.config.labels });
    expect(report.ok).toBe(true);
  }
});
afterAll(async () => api?.close());

const everyField = `
  id nhsNumber forename surname dateOfBirth
  careStatus { asOf kinds isLookedAfter isOnChildProtectionPlan isDualStatus legalBasis legalStatusCode localAuthorityHasParentalResponsibility }
  nextReviewDue { kind dueOn ruleId basis overdue completionKnown subjectId }
  schedule { kind dueOn ruleId basis overdue completionKnown subjectId }
  dualStatusOutcome { state isDualStatus since pathway initialReviewDue recommendation challengeWindowEndsOn exceptional escalated requiredActions { description dueOn ruleId } ruleIds }
  parentalResponsibility { kind personId name relationship basis ruleId takesPrecedence addressWithheld since until }
  childProtectionPlans { id startDate endDate category latestCategory nextReviewDue { kind dueOn ruleId } }
  childInNeedPlans { id startDate endDate nextReviewDue { kind dueOn } teamManagerChairRequired }
  earlyHelpEpisodes { id startDate endDate reason organisation }
  periodsOfCare {
    id startDate endDate legalBasis
    reviews { id dueDate heldOn late }
    nextReviewDue { kind dueOn }
    placements { id startDate endDate placementType placementTypeDescription }
    carePlan { startDate permanencePlan iroName firstReviewDue pathwayPlanRequired pathwayPlanReviewDate lastHealthAssessment nextHealthAssessmentDue { dueOn } nextPepReviewDue { dueOn } }
  }
  careLeaver { category supportUntil ruleIds }
  keyContacts { role name jobTitle team since }
  dutyContact { team phone email outOfHoursPhone }
`;

describe('a child', () => {
  it('answers every contract field over HTTP, as application/graphql-response+json', async () => {
    const response = await api.query(`query ($id: ID!, $asOf: Date) { child(id: $id, asOf: $asOf) { ${everyField} } }`, {
      id: 'C1',
      asOf: '2024-07-01',
    });
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/graphql-response\+json/);
    // An answer about a child is kept by no cache on the way.
    expect(response.cacheControl).toBe('no-store');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.extensions?.dataImportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(response.body.data?.child).toMatchObject({
      id: 'C1',
      nhsNumber: '9990000018',
      forename: 'Amy',
      surname: 'Smith',
      dateOfBirth: '2012-03-04',
      careStatus: {
        asOf: '2024-07-01',
        kinds: ['CHILD_PROTECTION', 'CHILD_IN_CARE'],
        isLookedAfter: true,
        isOnChildProtectionPlan: true,
        isDualStatus: true,
        legalBasis: 'SECTION_20',
        legalStatusCode: 'V2',
        localAuthorityHasParentalResponsibility: false,
      },
      dualStatusOutcome: { isDualStatus: true, since: '2024-06-01' },
      // The plan's end in September is not yet known on 1 July.
      childProtectionPlans: [{ id: 'CP1', startDate: '2024-01-10', endDate: null, category: 'NEG', latestCategory: 'EMO' }],
      childInNeedPlans: [],
      earlyHelpEpisodes: [],
      periodsOfCare: [
        {
          id: 'POC1',
          startDate: '2024-06-01',
          endDate: null,
          legalBasis: 'SECTION_20',
          reviews: [{ id: 'R1', dueDate: '2024-06-28', heldOn: '2024-06-27' }],
          placements: [
            { id: 'PL1', startDate: '2024-06-01', endDate: null, placementType: 'U6', placementTypeDescription: expect.stringMatching(/^Foster placement/) },
          ],
          carePlan: { permanencePlan: null, pathwayPlanRequired: false, lastHealthAssessment: null },
        },
      ],
      keyContacts: [{ role: 'SOCIAL_WORKER', name: 'Sam Worker', jobTitle: 'Social Worker', team: 'Children in Care Team', since: '2024-01-10' }],
      dutyContact: { team: 'Children in Care Team', phone: '01632 960001', email: 'duty@example.org', outOfHoursPhone: '01632 960999' },
    });
    // Placements carry a type, never a location.
    expect(JSON.stringify(response.body)).not.toContain('ZZ1 1ZZ');
  });

  it.each([
    ['2024-05-01', ['CHILD_PROTECTION'], null, false],
    ['2024-07-01', ['CHILD_PROTECTION', 'CHILD_IN_CARE'], 'SECTION_20', false],
    ['2024-10-01', ['CHILD_IN_CARE'], 'CARE_ORDER', true],
    ['2023-12-31', ['NOT_OPEN'], null, false],
  ])('on %s has care status %j, legal basis %s, LA PR %s', async (asOf, kinds, legalBasis, localAuthorityPr) => {
    const response = await api.run(ChildCareStatusDocument, { id: 'C1', asOf });
    const careStatus = response.body.data?.child?.careStatus;
    expect(careStatus && { kinds: careStatus.kinds, legalBasis: careStatus.legalBasis, localAuthorityHasParentalResponsibility: careStatus.localAuthorityHasParentalResponsibility }).toEqual({
      kinds,
      legalBasis,
      localAuthorityHasParentalResponsibility: localAuthorityPr,
    });
  });

  it('PR-MOTHER, PR-FATHER-MARRIED, PR-NO-CONTACT, PR-LA-CARE-ORDER: who holds parental responsibility, as at a date', async () => {
    const holders = async (asOf: string) =>
      (
        await api.query<{ child: { parentalResponsibility: Record<string, unknown>[] } }>(
          `query ($asOf: Date) { child(id: "C1", asOf: $asOf) { parentalResponsibility { kind personId name relationship basis ruleId takesPrecedence addressWithheld since } } }`,
          { asOf },
        )
      ).body.data?.child.parentalResponsibility;
    const mother = { kind: 'PERSON', personId: 'A1', name: 'Carol Smith', relationship: 'Mother', basis: 'BIRTH_MOTHER', ruleId: 'PR-MOTHER', takesPrecedence: false, addressWithheld: false, since: '2012-03-04' };
    const father = { kind: 'PERSON', personId: 'A2', name: 'Dan Smith', relationship: 'Father', basis: 'MARRIED_FATHER', ruleId: 'PR-FATHER-MARRIED', takesPrecedence: false, addressWithheld: true, since: null };
    // Accommodated under S.20: the authority does not share PR.
    expect(await holders('2024-07-01')).toEqual([mother, father]);
    // Under a care order it does, from the order.
    expect(await holders('2024-10-01')).toEqual([
      mother,
      father,
      { kind: 'LOCAL_AUTHORITY', personId: null, name: 'The local authority', relationship: null, basis: 'CARE_ORDER', ruleId: 'PR-LA-CARE-ORDER', takesPrecedence: false, addressWithheld: false, since: '2024-08-01' },
    ]);
  });

  it('CL-ELIGIBLE: a 17-year-old looked after since 14 is an eligible child, supported to 21; a child never looked after has no care-leaver status', async () => {
    const response = await api.query(
      `{ c2: child(id: "C2", asOf: "2024-07-01") { careLeaver { category supportUntil ruleIds } } c1: child(id: "C1", asOf: "2024-05-01") { careLeaver { category } } }`,
    );
    expect(response.body.data).toEqual({
      c2: { careLeaver: { category: 'ELIGIBLE', supportUntil: '2028-01-15', ruleIds: ['CL-ELIGIBLE', 'CL-SUPPORT-21'] } },
      c1: { careLeaver: null },
    });
  });

  it('never shows another child’s placements when period ids collide', async () => {
    const response = await api.query(`{ child(id: "C3", asOf: "2024-07-01") { periodsOfCare { id placements { id } reviews { id } } } }`);
    expect(response.body.data).toEqual({ child: { periodsOfCare: [{ id: 'POC2', placements: [], reviews: [] }] } });
  });

  it('is null for an adult known only as a relative, and for an unknown id', async () => {
    const response = await api.query(`{ adult: child(id: "A1") { id } nobody: child(id: "X404") { id } }`);
    expect(response.body).toMatchObject({ data: { adult: null, nobody: null } });
    expect(response.body.errors).toBeUndefined();
  });

  it('is found by NHS number, with or without spaces', async () => {
    const idOf = async (nhsNumber: string) => (await api.run(ChildByNhsNumberDocument, { nhsNumber })).body.data?.childByNhsNumber?.id;
    expect({ a: { id: await idOf('999 000 0018') }, b: { id: await idOf('9990000018') } }).toEqual({ a: { id: 'C1' }, b: { id: 'C1' } });
  });
});

describe('bad input and bad tokens', () => {
  it('an NHS number failing its check digit is BAD_USER_INPUT naming the argument', async () => {
    const response = await api.query(`{ childByNhsNumber(nhsNumber: "9990000017") { id } }`);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'nhsNumber' });
    expect(response.body.errors?.[0]?.extensions.requestId).toBe(response.body.extensions?.requestId);
    expect(response.body.errors?.[0]?.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('first above 500, and a cursor this API did not give out, are BAD_USER_INPUT', async () => {
    const tooMany = await api.query(`{ children(first: 501) { totalCount } }`);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const forged = await api.query(`{ children(after: "QzAwMDAwMDE") { totalCount } }`);
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('a missing token and a bad token are 401 UNAUTHENTICATED, with no data', async () => {
    for (const token of [null, 'not-a-jwt', `${await api.token('ehc')}x`]) {
      const response = await api.query(`{ child(id: "C1") { id } }`, {}, token);
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
      expect(response.body.extensions?.dataImportedAt).toMatch(/^\d{4}-/);
      expect(response.body.data).toBeUndefined();
    }
  });

  it('a query that does not parse is BAD_USER_INPUT, without internals', async () => {
    const response = await api.query(`{ child(id: "C1") { id `);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.body)).not.toMatch(/stack|SELECT|node_modules/);
  });
});

describe('children', () => {
  it('pages through every child once, in case-id order, and counts them', async () => {
    const expected = (await api.service.database.query<{ person_id: string }>('SELECT person_id FROM carebridge.child ORDER BY person_id')).map(
      (row) => row.person_id,
    );
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 100; page++) {
      const response = await api.run(ChildrenPageDocument, { first: 37, after });
      // Typed, so that `after` (assigned from it) does not make the loop's types circular.
      const connection: ChildrenPageQuery['children'] = response.body.data!.children;
      totalCount = connection.totalCount;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(totalCount).toBe(expected.length);
    expect(seen).not.toContain('A1');
  });

  it('filters by care status and dual status as each child’s own careStatus says', async () => {
    const all = await api.run(ChildrenPageDocument, { first: 500, asOf: '2026-03-31' });
    const nodes = all.body.data!.children.edges.map((edge) => edge.node);
    for (const [filter, expectedIds] of [
      [{ careStatus: ['CHILD_IN_CARE', 'CHILD_PROTECTION'] }, nodes.filter((n) => n.careStatus.kinds.some((k) => k === 'CHILD_IN_CARE' || k === 'CHILD_PROTECTION'))],
      [{ careStatus: ['NOT_OPEN'] }, nodes.filter((n) => n.careStatus.kinds.includes('NOT_OPEN'))],
      [{ careStatus: ['EARLY_HELP', 'CHILD_IN_NEED', 'CARE_LEAVER'] }, nodes.filter((n) => n.careStatus.kinds.some((k) => ['EARLY_HELP', 'CHILD_IN_NEED', 'CARE_LEAVER'].includes(k)))],
      [{ isDualStatus: true }, nodes.filter((n) => n.careStatus.isDualStatus)],
    ] satisfies [ChildFilter, unknown[]][]) {
      const response = await api.run(ChildrenPageDocument, { first: 500, asOf: '2026-03-31', filter });
      const ids = response.body.data!.children.edges.map((edge) => edge.node.id);
      expect(ids, JSON.stringify(filter)).toEqual(expectedIds.map((node) => node.id));
      expect(response.body.data!.children.totalCount).toBe(ids.length);
      expect(ids.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('hasOverdue: the children whose own schedule has an overdue date, paged and counted, and no others', async () => {
    const asOf = '2026-03-31';
    const everyChild = await api.run(OverdueWorkDocument, { first: 500, asOf });
    const nodes = everyChild.body.data!.children.edges.map((edge) => edge.node);
    expect(nodes.length).toBe(everyChild.body.data!.children.totalCount);
    const withOverdue = nodes.filter((node) => node.schedule.some((due) => due.overdue)).map((node) => node.id);
    expect(withOverdue.length).toBeGreaterThan(0);
    expect(withOverdue.length).toBeLessThan(nodes.length);
    for (const hasOverdue of [true, false]) {
      const seen: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      for (let page = 0; page < 50; page++) {
        const response = await api.run(OverdueWorkDocument, { first: 7, after, asOf, hasOverdue });
        const children: OverdueWorkQuery['children'] = response.body.data!.children;
        totalCount = children.totalCount;
        seen.push(...children.edges.map((edge) => edge.node.id));
        if (!children.pageInfo.hasNextPage) break;
        after = children.pageInfo.endCursor;
      }
      const expected = hasOverdue ? withOverdue : nodes.map((node) => node.id).filter((id) => !withOverdue.includes(id));
      expect(seen).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    }
  });

  it('nextReviewDue is the earliest open due date, a statutory rule first on the same date', async () => {
    const response = await api.run(OverdueWorkDocument, { first: 500, asOf: '2026-03-31' });
    for (const { node } of response.body.data!.children.edges) {
      const sorted = [...node.schedule].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || (a.basis === b.basis ? 0 : a.basis === 'STATUTORY' ? -1 : 1));
      expect(node.schedule.map((due) => due.dueOn)).toEqual(sorted.map((due) => due.dueOn));
      expect(node.nextReviewDue?.dueOn ?? null, node.id).toBe(sorted[0]?.dueOn ?? null);
      expect(node.nextReviewDue?.basis ?? null, node.id).toBe(sorted[0]?.basis ?? null);
      for (const due of node.schedule) expect(due.overdue, `${node.id} ${due.ruleId}`).toBe(due.completionKnown && due.dueOn < '2026-03-31');
    }
  });

  it('costs the same number of SQL statements for 500 children as for 5, every field asked', async () => {
    const [{ total } = { total: 0 }] = await api.service.database.query<{ total: number }>('SELECT count(*)::int AS total FROM carebridge.child');
    const statements = async (first: number) => {
      const { result, statements } = await statementsOf(api.service.database, () =>
        api.query(`query ($first: Int) { children(first: $first) { totalCount edges { node { ${everyField} } } } }`, { first }),
      );
      expect(result.body.errors).toBeUndefined();
      expect((result.body.data as { children: { edges: unknown[] } }).children.edges.length).toBe(Math.min(first, total));
      return statements;
    };
    const few = await statements(5);
    const many = await statements(500);
    expect(many.length).toBe(few.length);
    // The statements themselves, one line each (sorted: batches may be sent in either order):
    // a new one in review is a new round trip.
    expect(many.map(outline).sort()).toMatchSnapshot();
  });
});
