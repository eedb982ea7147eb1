// The contract's "Who sees what", row by row and column by column, over real HTTP with real
// tokens: which children each role finds (links today, restrictions, emergency care, BI's
// pseudonyms), and which fields it may ask for (FORBIDDEN before anything runs, naming the field).

import fc from 'fast-check';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor } from '../src/graphql/cursors.js';
import { buildCarebridgeSchema } from '../src/graphql/schema.js';
import { addDays, todayInLondon } from '../src/domain/calendar.js';
import { importFolder } from '../src/import/import-folder.js';
import type { Role } from '../src/access/authentication.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type GraphqlResponse, type TestService } from './support/service.js';

const today = todayInLondon();
const tomorrow = addDays(today, 1);

// W1 is linked to every partner organisation; W2 to the EHC service, for another purpose, and to
// the school for an education, health and care plan; W3 is linked but restricted; W4 only by a
// link with no purpose, which is no role's; W5's link ended yesterday, W6's starts tomorrow.
const extract = {
  'ssd_person.csv': [
    'pers_person_id,pers_forename,pers_surname,pers_dob,pers_common_child_id',
    'W1,Wren,Able,2015-01-01,9990000026',
    'W2,Wes,Baker,2014-01-01,9990000034',
    'W3,Wim,Cole,2013-01-01,9990000042',
    'W4,Wil,Dale,2012-01-01,9990000050',
    'W5,Wyn,Eyre,2011-01-01,',
    'W6,Wat,Frey,2010-01-01,',
  ],
  'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', ...['W1', 'W2', 'W3', 'W4', 'W5', 'W6'].map((id) => `R${id},${id},2024-01-02`)],
  'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'CP1,W1,2024-02-01', 'CP4,W4,2024-02-01'],
  'cb_consumer_link.csv': [
    'cons_link_id,cons_org_id,cons_child_person_id,cons_purpose,cons_start_date,cons_end_date',
    'L1,EHC,W1,EHC_ASSESSMENT,2024-01-01,',
    'L2,RX1,W1,HEALTH_CARE,2024-01-01,',
    'L3,URN100,W1,EDUCATION,2024-01-01,',
    'L4,EHC,W2,EHC_REVIEW,2024-01-01,',
    'L5,EHC,W3,EHC_ASSESSMENT,2024-01-01,',
    `L6,EHC,W5,EHC_ASSESSMENT,2024-01-01,${today}`,
    `L7,EHC,W6,EHC_ASSESSMENT,${tomorrow},`,
    'L8,URN100,W2,EDUCATION_HEALTH_PLAN,2024-01-01,',
    'L9,RX1,W4,,2024-01-01,',
  ],
  'cb_restriction.csv': ['rest_person_id,rest_reason', 'W3,Adoption in progress'],
};

let api: TestService;
const tokens = {} as Record<string, string>;

beforeAll(async () => {
  api = await startTestService();
  const report = await importFolder(api.service.database, { dir: writeExtract(extract), labels: api.config.labels });
  expect(report.ok, JSON.stringify(report)).toBe(true);
  const claims: Record<string, [Role, { org?: string; purpose?: string }]> = {
    'social-care': ['social-care', { org: 'LA' }],
    ehc: ['ehc', { org: 'EHC', purpose: 'EHC_ASSESSMENT' }],
    'ehc without purpose': ['ehc', { org: 'EHC' }],
    health: ['health', { org: 'RX1' }],
    'health in emergency care': ['health', { org: 'A&E-TRUST', purpose: 'EMERGENCY_CARE' }],
    education: ['education', { org: 'URN100' }],
    'health with a school’s org': ['health', { org: 'URN100' }],
    bi: ['bi', { org: 'BI-TEAM' }],
    'another bi': ['bi', { org: 'BI-OTHER' }],
  };
  for (const [name, [role, extra]] of Object.entries(claims)) tokens[name] = await api.token(role, extra);
});
afterAll(async () => api?.close());

// Answers are checked by shape in each test, so they are read loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Reply = GraphqlResponse<Record<string, any>>;
const ask = (as: string, query: string, variables?: Record<string, unknown>): Promise<Reply> => api.query(query, variables, tokens[as]);

describe('rows: which children a role finds', () => {
  const found = async (as: string, id: string) => (await ask(as, `{ child(id: "${id}") { id } }`)).body.data?.child ?? null;

  it('social-care finds every child, restricted ones included', async () => {
    for (const id of ['W1', 'W2', 'W3', 'W4', 'W5', 'W6']) expect(await found('social-care', id), id).toEqual({ id });
  });

  it('a partner finds a child only while linked today, for its purpose when it has one, never a restricted child', async () => {
    expect(await found('ehc', 'W1')).toEqual({ id: 'W1' });
    expect(await found('ehc', 'W2'), 'linked for another purpose').toBeNull();
    expect(await found('ehc without purpose', 'W2'), 'no purpose in the token: any link').toEqual({ id: 'W2' });
    expect(await found('ehc', 'W3'), 'restricted').toBeNull();
    expect(await found('ehc', 'W4'), 'not linked').toBeNull();
    expect(await found('ehc', 'W5'), 'link ended').toBeNull();
    expect(await found('ehc', 'W6'), 'link not yet started').toBeNull();
    expect(await found('ehc', 'NOBODY'), 'does not exist').toBeNull();
    expect(await found('health', 'W1')).toEqual({ id: 'W1' });
    expect(await found('health', 'W2')).toBeNull();
    expect(await found('education', 'W1')).toEqual({ id: 'W1' });
  });

  it('a partner’s lists and counts hold its children only, whatever asOf asks', async () => {
    for (const asOf of [today, '2024-06-01']) {
      const reply = await ask('ehc without purpose', `query ($asOf: Date) { children(first: 50, asOf: $asOf) { totalCount edges { node { id } } } }`, { asOf });
      expect(reply.body.data).toEqual({ children: { totalCount: 2, edges: [{ node: { id: 'W1' } }, { node: { id: 'W2' } }] } });
    }
  });

  it('an invisible child answers exactly as one that does not exist', async () => {
    const hidden = await ask('ehc', '{ child(id: "W4") { id } }');
    const missing = await ask('ehc', '{ child(id: "NOBODY") { id } }');
    expect(hidden.status).toBe(missing.status);
    expect(hidden.body.data).toEqual(missing.body.data);
    expect(hidden.body.errors).toEqual(missing.body.errors);
  });

  it('one operation text asked by several readers in turn: each gets its own role’s field rules, whoever asked it first', async () => {
    const text = '{ childByNhsNumber(nhsNumber: "9990000026") { forename careStatus { kinds } } }';
    const order = ['social-care', 'health in emergency care', 'bi', 'health', 'health in emergency care', 'social-care', 'bi'];
    const replies = [];
    for (const reader of order) replies.push({ reader, reply: await ask(reader, text) });
    for (const { reader, reply } of replies) {
      if (reader === 'social-care' || reader === 'health') expect(reply.body, reader).toMatchObject({ data: { childByNhsNumber: { forename: 'Wren', careStatus: { kinds: ['CHILD_PROTECTION'] } } } });
      else expect(reply.body.errors?.[0]?.extensions, reader).toMatchObject({ code: 'FORBIDDEN', fields: reader === 'bi' ? ['Query.childByNhsNumber', 'Child.forename'] : ['Child.forename'] });
    }
  });

  it('health in emergency care reads care status and duty line of any unrestricted child by NHS number, and nothing else', async () => {
    const byNhs = (nhsNumber: string, fields: string) => ask('health in emergency care', `{ childByNhsNumber(nhsNumber: "${nhsNumber}") { ${fields} } }`);
    expect((await byNhs('9990000050', 'careStatus { kinds }')).body.data).toEqual({ childByNhsNumber: { careStatus: { kinds: ['CHILD_PROTECTION'] } } });
    expect((await byNhs('9990000042', 'careStatus { kinds }')).body.data, 'restricted').toEqual({ childByNhsNumber: null });
    // Not the names, and not even the case id of a child the trust is not linked to.
    for (const fields of ['forename', 'id']) expect((await byNhs('9990000050', fields)).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const list = await ask('health in emergency care', '{ children { totalCount } }');
    expect(list.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('bi sees every child, restricted ones included, only as pseudonyms stable per BI consumer, with cursors that carry no case id', async () => {
    const page = async (as: string, after: string | null = null) =>
      (await ask(as, 'query ($after: String) { children(first: 4, after: $after) { totalCount pageInfo { endCursor } edges { cursor node { id } } } }', { after })).body.data!
        .children as { totalCount: number; pageInfo: { endCursor: string }; edges: { cursor: string; node: { id: string } }[] };
    const first = await page('bi');
    expect(first.totalCount).toBe(6);
    const ids = first.edges.map((edge) => edge.node.id);
    for (const id of ids) expect(id).toMatch(/^P[A-Za-z0-9_-]{22}$/);
    expect((await page('bi')).edges.map((edge) => edge.node.id)).toEqual(ids);
    expect((await page('another bi')).edges.map((edge) => edge.node.id)).not.toEqual(ids);
    // Sealed, not the plain `child:<case id>` form (random bytes may spell "W4" by chance, so no pattern test).
    for (const cursor of first.edges.map((edge) => edge.cursor)) {
      expect(decodeCursor(cursor)).toBeUndefined();
      expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('child:');
    }
    const second = await page('bi', first.pageInfo.endCursor);
    expect(second.edges).toHaveLength(2);
    // Another consumer's cursor, or a social worker's, is not one BI's pages gave out.
    const otherCursor = (await page('another bi')).pageInfo.endCursor;
    expect((await ask('bi', 'query ($after: String) { children(after: $after) { totalCount } }', { after: otherCursor })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('purposes belong to roles: links are read only for the reader’s role’s purposes', () => {
  const byId = async (as: string, id: string) => (await ask(as, `{ child(id: "${id}") { id } }`)).body.data?.child ?? null;
  const byNhsNumber = async (as: string, nhsNumber: string) =>
    (await ask(as, `{ childByNhsNumber(nhsNumber: "${nhsNumber}") { id } }`)).body.data?.childByNhsNumber ?? null;
  /** Every list the children query answers from: plain pages and counts, and both hasOverdue filters. */
  const lists = async (as: string) => {
    const [plain, overdue, notOverdue] = await Promise.all(
      ['', ', filter: { hasOverdue: true }', ', filter: { hasOverdue: false }'].map(
        async (filter) => (await ask(as, `{ children(first: 50${filter}) { totalCount edges { node { id } } } }`)).body.data!.children as { totalCount: number; edges: { node: { id: string } }[] },
      ),
    );
    const ids = (page: typeof plain) => page!.edges.map((edge) => edge.node.id);
    return { ids: ids(plain), totalCount: plain!.totalCount, filtered: [...ids(overdue), ...ids(notOverdue)].sort(), filteredCount: overdue!.totalCount + notOverdue!.totalCount };
  };

  it('a health token carrying a school’s org code sees none of the school’s children: by id, by NHS number, in lists and counts', async () => {
    const as = 'health with a school’s org';
    for (const id of ['W1', 'W2']) expect(await byId(as, id), id).toBeNull();
    for (const nhsNumber of ['9990000026', '9990000034']) expect(await byNhsNumber(as, nhsNumber), nhsNumber).toBeNull();
    expect(await lists(as)).toEqual({ ids: [], totalCount: 0, filtered: [], filteredCount: 0 });
  });

  it('a link without a purpose is no role’s: the trust it names does not read the child through it', async () => {
    expect(await byId('health', 'W4')).toBeNull();
    expect(await byNhsNumber('health', '9990000050')).toBeNull();
    expect((await lists('health')).ids).toEqual(['W1']);
  });

  it('an education token with the same org sees them, EDUCATION and EDUCATION_HEALTH_PLAN links alike (EDUCATION*)', async () => {
    for (const id of ['W1', 'W2']) expect(await byId('education', id), id).toEqual({ id });
    expect(await byNhsNumber('education', '9990000034')).toEqual({ id: 'W2' });
    expect(await lists('education')).toEqual({ ids: ['W1', 'W2'], totalCount: 2, filtered: ['W1', 'W2'], filteredCount: 2 });
  });

  it('a token whose purpose is not its role’s is refused at the door (401 UNAUTHENTICATED), not answered with nothing', async () => {
    const reply = await api.query('{ children { totalCount } }', undefined, await api.token('health', { org: 'URN100', purpose: 'EDUCATION' }));
    expect(reply.status).toBe(401);
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]).toMatchObject({
      message: 'purpose EDUCATION does not belong to role health (its purposes: HEALTH_*, EMERGENCY_CARE)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('the bulk extracts stay the authority’s: partners are refused (403) whatever their org or purpose', async () => {
    for (const as of ['health with a school’s org', 'education', 'health']) {
      for (const extract of ['children', 'due-dates']) {
        const response = await fetch(`${api.service.url}/extract/${extract}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
        expect(response.status, `${as} ${extract}`).toBe(403);
        expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
      }
    }
  });

  describe('an authority extending the map (CAREBRIDGE_PURPOSES_BY_ROLE)', () => {
    let extended: TestService;
    const extendedTokens = {} as Record<string, string>;
    beforeAll(async () => {
      extended = await startTestService({ CAREBRIDGE_PURPOSES_BY_ROLE: JSON.stringify({ health: ['EDUCATION_HEALTH_PLAN'] }) });
      const report = await importFolder(extended.service.database, { dir: writeExtract(extract), labels: extended.config.labels });
      expect(report.ok, JSON.stringify(report)).toBe(true);
      extendedTokens.health = await extended.token('health', { org: 'URN100' });
      extendedTokens.plan = await extended.token('health', { org: 'URN100', purpose: 'EDUCATION_HEALTH_PLAN' });
    });
    afterAll(async () => extended?.close());
    const askExtended = async (as: string, query: string) => (await extended.query(query, undefined, extendedTokens[as])).body;

    it('lets health read the school’s EDUCATION_HEALTH_PLAN links, and still not its EDUCATION ones', async () => {
      for (const as of ['health', 'plan']) {
        expect((await askExtended(as, '{ a: child(id: "W2") { id } b: child(id: "W1") { id } }')).data, as).toEqual({ a: { id: 'W2' }, b: null });
        expect((await askExtended(as, '{ childByNhsNumber(nhsNumber: "9990000034") { id } }')).data, as).toEqual({ childByNhsNumber: { id: 'W2' } });
        expect((await askExtended(as, '{ children { totalCount edges { node { id } } } }')).data, as).toEqual({ children: { totalCount: 1, edges: [{ node: { id: 'W2' } }] } });
      }
    });
  });
});

describe('fields: the contract table, every row and column', () => {
  const roles = ['social-care', 'ehc', 'health', 'education', 'bi'] as const;
  // Each row of the table as a selection on Child, and the roles it is FORBIDDEN to.
  const table: { row: string; selection: string; forbiddenTo: (typeof roles)[number][] }[] = [
    { row: 'id', selection: 'id', forbiddenTo: [] },
    { row: 'nhsNumber, names, dateOfBirth', selection: 'nhsNumber forename surname dateOfBirth', forbiddenTo: ['bi'] },
    { row: 'nhsNumber alone', selection: 'nhsNumber', forbiddenTo: ['bi'] },
    {
      row: 'careStatus, nextReviewDue, schedule, plans, periodsOfCare, careLeaver',
      selection:
        'careStatus { kinds } nextReviewDue { dueOn } schedule { ruleId } childProtectionPlans { startDate } childInNeedPlans { startDate } earlyHelpEpisodes { startDate } periodsOfCare { startDate } careLeaver { category }',
      forbiddenTo: [],
    },
    {
      row: 'the case system’s record ids (they join back to the child)',
      selection: 'childProtectionPlans { id } childInNeedPlans { id } earlyHelpEpisodes { id } periodsOfCare { id placements { id } reviews { id } } schedule { subjectId }',
      forbiddenTo: ['bi'],
    },
    { row: 'careLeaver.supportUntil (the 21st birthday)', selection: 'careLeaver { supportUntil }', forbiddenTo: ['bi'] },
    { row: 'dualStatusOutcome (what health and education may read)', selection: 'dualStatusOutcome { state isDualStatus since initialReviewDue challengeWindowEndsOn }', forbiddenTo: [] },
    { row: 'dualStatusOutcome (the rest)', selection: 'dualStatusOutcome { pathway recommendation exceptional escalated requiredActions { ruleId } ruleIds }', forbiddenTo: ['health', 'education'] },
    { row: 'parentalResponsibility', selection: 'parentalResponsibility { basis }', forbiddenTo: ['bi'] },
    { row: 'keyContacts, dutyContact (team only)', selection: 'keyContacts { team } dutyContact { team phone }', forbiddenTo: [] },
    { row: 'keyContacts (who, in what role, since when)', selection: 'keyContacts { name jobTitle role since }', forbiddenTo: ['bi'] },
    { row: 'placements (type only), carePlan', selection: 'periodsOfCare { placements { placementType } carePlan { permanencePlan firstReviewDue } }', forbiddenTo: [] },
    { row: 'carePlan (the IRO’s name)', selection: 'periodsOfCare { carePlan { iroName } }', forbiddenTo: ['bi'] },
  ];
  const cases = table.flatMap(({ row, selection, forbiddenTo }) => roles.map((role) => ({ row, role, selection, forbidden: forbiddenTo.includes(role) })));

  it.each(cases)('$row, $role: forbidden $forbidden', async ({ role, selection, forbidden }) => {
    // BI cannot look a child up; it reads lists.
    const query = role === 'bi' ? `{ children(first: 1) { edges { node { ${selection} } } } }` : `{ child(id: "W1") { ${selection} } }`;
    const reply = await ask(role, query);
    if (forbidden) {
      expect(reply.body.data ?? null).toBeNull();
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(reply.body.errors?.[0]?.message).toMatch(/may not read/);
    } else {
      expect(reply.body.errors).toBeUndefined();
      const child = role === 'bi' ? (reply.body.data as { children: { edges: { node: unknown }[] } }).children.edges[0]?.node : (reply.body.data as { child: unknown }).child;
      expect(child).not.toBeNull();
    }
  });

  it('no role can ask for an address or a placement location: the schema has none', async () => {
    const reply = await ask('social-care', '{ __schema { types { name fields { name } } } }');
    const names = (reply.body.data as { __schema: { types: { name: string; fields: { name: string }[] | null }[] } }).__schema.types
      .filter((type) => !type.name.startsWith('__'))
      .flatMap((type) => (type.fields ?? []).map((field) => `${type.name}.${field.name}`));
    expect(names.filter((name) => /address|postcode|location|^urn|Urn$/i.test(name.split('.')[1]!) && !/addressWithheld/.test(name))).toEqual([]);
  });

  it('bi cannot look a child up by NHS number or by id', async () => {
    for (const query of ['{ childByNhsNumber(nhsNumber: "9990000026") { id } }', '{ child(id: "W1") { id } }']) {
      expect((await ask('bi', query)).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('a forbidden field named among allowed ones fails the whole operation, naming it', async () => {
    const reply = await ask('bi', '{ children(first: 1) { totalCount edges { node { id careStatus { kinds } dateOfBirth } } } }');
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors?.[0]?.message).toContain('Child.dateOfBirth');
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: ['Child.dateOfBirth'] });
  });
});

describe('the access log and notifications', () => {
  const logOf = async (childId: string) =>
    (
      await ask('social-care', `query ($childId: ID!) { accessLog(childId: $childId, first: 500) { totalCount edges { node { role org subject purpose requestId fields outcome kind } } } }`, {
        childId,
      })
    ).body.data!.accessLog as { totalCount: number; edges: { node: Record<string, unknown> }[] };
  const notificationsAbout = async (childId: string) =>
    (
      (await ask('social-care', '{ accessNotifications(first: 500) { edges { node { id childId org role childStatus acknowledged } } } }')).body.data!.accessNotifications.edges as {
        node: { id: string; childId: string; org: string; role: string; childStatus: string[]; acknowledged: boolean };
      }[]
    )
      .map((edge) => edge.node)
      .filter((node) => node.childId === childId);

  it('one entry per child per request, with who, why and the fields read, written before the answer', async () => {
    const before = (await logOf('W2')).totalCount;
    const reply = await ask('ehc without purpose', '{ children(first: 10) { edges { node { id careStatus { kinds } schedule { dueOn } } } } }');
    expect(reply.body.errors, JSON.stringify(reply.body)).toBeUndefined();
    const requestId = reply.body.extensions?.requestId;
    const log = await logOf('W2');
    expect(log.totalCount).toBe(before + 1);
    expect(log.edges[0]!.node).toEqual({
      role: 'ehc',
      org: 'EHC',
      subject: 'test-ehc',
      purpose: null,
      requestId,
      fields: ['careStatus', 'id', 'schedule'],
      outcome: 'READ',
      kind: null,
    });
    // Every child in the answer, and no other, has an entry for this request.
    const readIds = (reply.body.data!.children.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
    const rows = await api.service.database.query<{ child_person_id: string }>('SELECT child_person_id FROM carebridge.access_log WHERE request_id = $1 ORDER BY 1', [requestId]);
    expect(rows.map((row) => row.child_person_id)).toEqual(readIds);
  });

  it('a child returned with nothing asked of it (a cursor, __typename) is a read all the same', async () => {
    const before = (await logOf('W1')).totalCount;
    const reply = await ask('ehc', '{ children(first: 5) { edges { cursor } } a: child(id: "W1") { __typename } }');
    expect(reply.body.errors).toBeUndefined();
    const log = await logOf('W1');
    expect(log.totalCount).toBe(before + 1);
    expect(log.edges[0]!.node).toMatchObject({ role: 'ehc', outcome: 'READ', requestId: reply.body.extensions?.requestId });
  });

  it('a case id that looks like a date is just a case id (no INTERNAL, no leak)', async () => {
    const reply = await ask('ehc', `{ child(id: "${today}") { id } }`);
    expect(reply.body).toMatchObject({ data: { child: null } });
    expect(reply.body.errors).toBeUndefined();
  });

  it('refusals are logged with the reason: not linked, restricted, forbidden field', async () => {
    await ask('ehc', '{ child(id: "W4") { id } }');
    await ask('ehc', '{ child(id: "W3") { id } }');
    await ask('bi', '{ children(first: 1) { edges { node { dateOfBirth } } } }');
    expect((await logOf('W4')).edges[0]!.node).toMatchObject({ role: 'ehc', outcome: 'NOT_LINKED' });
    expect((await logOf('W3')).edges[0]!.node).toMatchObject({ role: 'ehc', outcome: 'RESTRICTED' });
    const [probe] = await api.service.database.query<{ outcome: string; fields: unknown }>(
      "SELECT outcome, fields FROM carebridge.access_log WHERE role = 'bi' AND outcome <> 'READ' ORDER BY id DESC LIMIT 1",
    );
    expect(probe?.outcome).toBe('FORBIDDEN_FIELD');
    expect(JSON.stringify(probe?.fields)).toContain('Child.dateOfBirth');
  });

  it('no such child, a child not linked and a restricted child: the same statements, and one log entry each with the reason', async () => {
    const { database } = api.service;
    const traced = async (as: string, query: string) => {
      const statements: string[] = [];
      const listen = (text: string) => void statements.push(text);
      database.statementListeners.add(listen);
      const reply = await ask(as, query).finally(() => database.statementListeners.delete(listen));
      const entries = await database.query('SELECT outcome, child_person_id FROM carebridge.access_log WHERE request_id = $1', [reply.body.extensions?.requestId]);
      return { statements, data: reply.body.data, entries };
    };
    // 9990000107 is a valid NHS number no child has; W4 is not linked to the EHC service; W3 is restricted.
    const lookups = [
      { as: 'ehc', query: (key: string) => `{ child(id: "${key}") { id } }`, keys: { NOT_FOUND: 'NOBODY', NOT_LINKED: 'W4', RESTRICTED: 'W3' } },
      { as: 'ehc', query: (key: string) => `{ childByNhsNumber(nhsNumber: "${key}") { id } }`, keys: { NOT_FOUND: '9990000107', NOT_LINKED: '9990000050', RESTRICTED: '9990000042' } },
      { as: 'health in emergency care', query: (key: string) => `{ childByNhsNumber(nhsNumber: "${key}") { careStatus { kinds } } }`, keys: { NOT_FOUND: '9990000107', RESTRICTED: '9990000042' } },
    ];
    const childOf: Record<string, string | null> = { NOT_FOUND: null, NOT_LINKED: 'W4', RESTRICTED: 'W3' };
    for (const { as, query, keys } of lookups) {
      // One after another: the listeners hear every statement of the database.
      const runs = [];
      for (const [outcome, key] of Object.entries(keys)) runs.push({ outcome, ...(await traced(as, query(key))) });
      for (const run of runs) {
        expect(Object.values(run.data ?? {}), `${as} ${run.outcome}`).toEqual([null]);
        expect(run.entries, `${as} ${run.outcome}`).toEqual([{ outcome: run.outcome, child_person_id: childOf[run.outcome] }]);
        expect(run.statements, `${as} ${run.outcome}: the same statements as ${runs[0]!.outcome}`).toEqual(runs[0]!.statements);
      }
      expect(runs[0]!.statements.some((text) => text.includes('carebridge.access_log'))).toBe(true);
    }
  });

  it('a partner’s read of a child on a CP plan raises one notification per read; a social worker’s does not', async () => {
    const before = (await notificationsAbout('W1')).length;
    await ask('health', '{ child(id: "W1") { careStatus { kinds } } }');
    await ask('social-care', '{ child(id: "W1") { careStatus { kinds } } }');
    const after = await notificationsAbout('W1');
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ childId: 'W1', org: 'RX1', role: 'health', childStatus: ['CHILD_PROTECTION'], acknowledged: false });
    // W2 is on no plan: a partner's read of it notifies nobody, unless it is an emergency-care read.
    await ask('ehc without purpose', '{ child(id: "W2") { id } }');
    expect(await notificationsAbout('W2')).toEqual([]);
    await ask('health in emergency care', '{ childByNhsNumber(nhsNumber: "9990000034") { careStatus { kinds } } }');
    expect(await notificationsAbout('W2')).toMatchObject([{ org: 'A&E-TRUST', role: 'health', childStatus: [] }]);
    // Acknowledging is itself logged against the child.
    const acknowledged = await ask('social-care', `mutation { acknowledgeAccessNotification(id: "${after[0]!.id}") { acknowledged } }`);
    expect(acknowledged.body.data).toEqual({ acknowledgeAccessNotification: { acknowledged: true } });
    expect((await logOf('W1')).edges[0]!.node).toMatchObject({ role: 'social-care', fields: ['acknowledgeAccessNotification'] });
  });

  it('no log, no answer: when the entry cannot be written the request is INTERNAL and returns nothing', async () => {
    await api.service.database.query('ALTER TABLE carebridge.access_log RENAME TO access_log_away');
    try {
      const reply = await ask('social-care', '{ child(id: "W1") { forename } }');
      expect(reply.status).toBe(500);
      expect(reply.body.data ?? null).toBeNull();
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL' });
      expect(JSON.stringify(reply.body)).not.toContain('Wren');
    } finally {
      await api.service.database.query('ALTER TABLE carebridge.access_log_away RENAME TO access_log');
    }
  });
});

describe('property: random queries from the schema never return a field the table denies', () => {
  // The contract's table, written out here independently of src/access/who-sees-what.ts.
  const denied: Record<string, (type: string, field: string) => boolean> = {
    health: (type, field) => type === 'DualStatusOutcome' && !['state', 'isDualStatus', 'since', 'initialReviewDue', 'challengeWindowEndsOn'].includes(field),
    education: (type, field) => type === 'DualStatusOutcome' && !['state', 'isDualStatus', 'since', 'initialReviewDue', 'challengeWindowEndsOn'].includes(field),
    bi: (type, field) =>
      (type === 'Child' && ['nhsNumber', 'forename', 'surname', 'dateOfBirth', 'parentalResponsibility'].includes(field)) ||
      (type === 'KeyContact' && field !== 'team') ||
      (type === 'CarePlanSummary' && field === 'iroName') ||
      (type === 'CareLeaverStatus' && field === 'supportUntil') ||
      (['ChildProtectionPlan', 'ChildInNeedPlan', 'EarlyHelpEpisode', 'PeriodOfCare', 'Placement', 'CareReview'].includes(type) && field === 'id') ||
      (type === 'DueDate' && field === 'subjectId'),
  };

  /** A random selection set on `type`, two levels of objects deep, with whether it asks for a denied field. */
  function selection(type: GraphQLObjectType, depth: number, role: string): fc.Arbitrary<{ text: string; asksDenied: boolean }> {
    const leafOrObject = Object.values(type.getFields())
      .filter((field) => depth > 0 || !isObjectType(getNamedType(field.type)))
      .map((field) => {
        const named = getNamedType(field.type);
        const own = denied[role]!(type.name, field.name);
        if (!isObjectType(named)) return fc.constant({ text: field.name, asksDenied: own });
        return selection(named, depth - 1, role).map((inner) => ({ text: `${field.name} { ${inner.text} }`, asksDenied: own || inner.asksDenied }));
      });
    return fc
      .subarray(leafOrObject, { minLength: 1, maxLength: Math.min(3, leafOrObject.length) })
      .chain((picked) => fc.tuple(...picked))
      .map((parts) => ({ text: parts.map((part) => part.text).join(' '), asksDenied: parts.some((part) => part.asksDenied) }));
  }

  it.each(['health', 'education', 'bi'])('%s', async (role) => {
    const schema = await buildCarebridgeSchema();
    const child = schema.getType('Child') as GraphQLObjectType;
    await fc.assert(
      fc.asyncProperty(selection(child, 2, role), async ({ text, asksDenied }) => {
        const query = role === 'bi' ? `{ children(first: 3) { edges { node { ${text} } } } }` : `{ child(id: "W1") { ${text} } }`;
        const reply = await ask(role, query);
        if (asksDenied) {
          expect(reply.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
          expect(reply.body.data ?? null, query).toBeNull();
        } else {
          expect(reply.body.errors, query).toBeUndefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});
