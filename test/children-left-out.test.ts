// Odd records through the real import, over real HTTP (issue 11, finding 2): an authority with
// a CP plan from the 1900-01-01 placeholder and a CIN referral on 1999-12-31 gets its due dates
// stored and every whole-authority answer (no BAD_USER_INPUT about an asOf nobody sent); a child
// whose records a rule cannot read — an open assessment whose referral date is the 9999-12-31
// "no date" sentinel many case systems write, so its 45 working days run past year 9999 — is
// left out of
// whole-authority work, counted and named to social-care, while every other child's answers
// are exactly what they were without it; its own `schedule` is an error on that field alone.

import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../src/db/bank-holidays.js';
import { materialiseDueDates, storeAnswers, storedChildrenLeftOut } from '../src/db/due-date-store.js';
import { completenessTrailers } from '../src/extract/stream.js';
import { generateAuthority } from '../src/generate/authority.js';
import { importFolder } from '../src/import/import-folder.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type TestService } from './support/service.js';

const asOf = '2026-03-31';
const window = { from: '2025-10-01', to: '2026-09-30' };
const oddChild = 'ODD1';

// P1900: an open CP plan from the 1900-01-01 placeholder. P1999: a CIN referral on 1999-12-31
// and an S.47 from Mon 20 Dec 1999, so its ICPC counts Christmas 1999 (derived: 27 and 28 Dec).
const placeholderChildren = {
  'ssd_person.csv': ['pers_person_id,pers_forename,pers_surname,pers_dob', 'P1900,Ada,Old,2012-01-01', 'P1999,Bea,Turn,2011-06-01'],
  'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', 'R1999,P1999,1999-12-31', 'R1900,P1900,1900-01-01'],
  'ssd_s47_enquiry.csv': ['s47e_s47_enquiry_id,s47e_referral_id,s47e_person_id,s47e_s47_start_date,s47e_s47_end_date', 'S1999,R1999,P1999,1999-12-20,'],
  'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'CP1900,P1900,1900-01-01'],
};
// The odd child: an assessment open since January 2026 on a referral dated 9999-12-31. The
// import reads years 1900–2199 only, but an authority that keeps its SSD tables in PostgreSQL
// itself (CAREBRIDGE_SSD_SCHEMA) writes them with its own ETL: the sentinel is written there.
const oddRecords = {
  'ssd_person.csv': ['pers_person_id,pers_forename,pers_surname,pers_dob', `${oddChild},Odd,Record,2014-02-02`],
  'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', `RODD,${oddChild},2026-01-02`],
  'ssd_cin_assessments.csv': ['cina_assessment_id,cina_person_id,cina_referral_id,cina_assessment_start_date', `AODD,${oddChild},RODD,2026-01-05`],
};

let api: TestService;

type Reply = { data?: Record<string, unknown> | null; errors?: { message: string; path?: string[]; extensions: Record<string, unknown> }[]; extensions?: Record<string, unknown> };

const complianceQuery = `query ($asOf: Date, $from: Date!, $to: Date!) {
  none: compliance(from: $from, to: $to, asOf: $asOf) { key measures { kind due onTime late overdue ruleIds } childrenByStatus { kind count } cpPlansOverTwoYears cinPlansOverSixMonths }
  team: compliance(from: $from, to: $to, asOf: $asOf, groupBy: TEAM) { key measures { kind due onTime late overdue } childrenByStatus { kind count } } }`;
const dueDatesQuery = `query ($asOf: Date, $from: Date, $to: Date) {
  dueDates(first: 500, asOf: $asOf, filter: { dueFrom: $from, dueTo: $to }) { totalCount edges { node { childId kind dueOn doneOn ruleId overdue late team provisional } } } }`;
const overdueQuery = `query ($asOf: Date) { children(first: 500, asOf: $asOf, filter: { hasOverdue: true }) { totalCount edges { node { id } } } }`;

async function ask(query: string, variables: Record<string, unknown>, token?: string): Promise<Reply> {
  return (await api.query(query, variables, token)).body as Reply;
}

/** GET an extract over node:http, to read its trailers (fetch does not expose them). */
function extract(route: 'due-dates' | 'children', query: Record<string, string>, token: string): Promise<{ status: number; text: string; trailers: Record<string, string | undefined> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${api.service.url}/extract/${route}?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text, trailers: response.trailers }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const csvRecords = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

/** Every whole-authority answer, for social-care and bi, as the callers get them. */
async function wholeAuthorityAnswers() {
  const bi = await api.token('bi', { org: 'BI-TEAM' });
  const social = await api.token('social-care');
  const answers: Record<string, { reply?: Reply; extract?: Awaited<ReturnType<typeof extract>> }> = {};
  for (const [who, token] of [['social-care', social], ['bi', bi]] as const) {
    answers[`${who} compliance`] = { reply: await ask(complianceQuery, { asOf, ...window }, token) };
    answers[`${who} dueDates`] = { reply: await ask(dueDatesQuery, { asOf, ...window }, token) };
    answers[`${who} due-date extract`] = { extract: await extract('due-dates', { asOf, ...window }, token) };
    answers[`${who} children extract`] = { extract: await extract('children', { asOf }, token) };
  }
  answers['social-care hasOverdue'] = { reply: await ask(overdueQuery, { asOf }, social) };
  return answers;
}

const storeInputs = () => ({ policy: api.config.policy, labels: api.config.labels });

let before: Awaited<ReturnType<typeof wholeAuthorityAnswers>>;

/** The answers less request ids and the left-out report: what every other child gets. */
const withoutReport = (answers: typeof before) =>
  Object.fromEntries(
    Object.entries(answers).map(([name, { reply, extract: got }]) => [name, reply ? { data: reply.data, errors: reply.errors } : { status: got!.status, rows: got!.text }]),
  );

beforeAll(async () => {
  api = await startTestService();
  const dir = mkdtempSync(path.join(tmpdir(), 'carebridge-left-out-'));
  await generateAuthority({ children: 60, seed: 11, asOf, out: dir });
  for (const folder of [dir, writeExtract(placeholderChildren)]) {
    const report = await importFolder(api.service.database, { dir: folder, labels: api.config.labels });
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
  }
  before = await wholeAuthorityAnswers();
}, 180_000);
afterAll(async () => api?.close());

describe('placeholder and pre-2000 dates (the calendar answers any year)', () => {
  it('compliance, dueDates and both extracts answer for social-care and bi: no BAD_USER_INPUT, nobody left out', () => {
    for (const [name, answer] of Object.entries(before)) {
      if (answer.reply) {
        expect(answer.reply.errors, name).toBeUndefined();
        expect(answer.reply.extensions?.childrenLeftOut, name).toBeUndefined();
      } else {
        expect(answer.extract!.status, name).toBe(200);
        expect(answer.extract!.trailers[completenessTrailers.childrenLeftOut.toLowerCase()], name).toBe('0');
      }
    }
  });

  it('the due dates are stored (none left out), and the store answers', async () => {
    const calendar = await loadCalendar(api.service.database);
    expect(await materialiseDueDates(api.service.database, { calendar, ...storeInputs() }, asOf)).toBeGreaterThan(0);
    expect(await storedChildrenLeftOut(api.service.database)).toEqual([]);
    expect(await storeAnswers(api.service.database, { asOf, window, policy: api.config.policy })).toBe(true);
    expect(withoutReport(await wholeAuthorityAnswers())).toEqual(withoutReport(before));
  });

  it('CP-ICPC from a 20 Dec 1999 enquiry counts the derived Christmas 1999 and is provisional; rows back to 1900 answer', async () => {
    // Two windows of months: a century in one question is refused by the operation cost (docs/bulk-work.md).
    const rowsBetween = async (from: string, to: string) => {
      const reply = await ask(dueDatesQuery, { asOf, from, to });
      expect(reply.errors).toBeUndefined();
      return (reply.data!.dueDates as { edges: { node: Record<string, unknown> }[] }).edges.map((edge) => edge.node);
    };
    const rows = [...(await rowsBetween('1900-01-01', '1900-06-30')), ...(await rowsBetween('1999-12-01', '2000-03-31'))];
    // Tue 21 Dec … Fri 24 (4), Wed 29 – Fri 31 (7; 27, 28 Dec derived), 2000: Tue 4 Jan (3 Jan loaded holiday) … Thu 13 Jan (15).
    expect(rows).toContainEqual(expect.objectContaining({ childId: 'P1999', kind: 'CP_INITIAL_CONFERENCE', dueOn: '2000-01-13', ruleId: 'CP-ICPC', provisional: true }));
    expect(rows).toContainEqual(expect.objectContaining({ childId: 'P1900', kind: 'CP_REVIEW_CONFERENCE', dueOn: '1900-04-01', ruleId: 'CP-RCPC-1', provisional: false }));
    const csv = await extract('due-dates', { asOf, from: '1999-12-01', to: '2000-12-31' }, await api.token('social-care'));
    expect(csvRecords(csv.text)).toContainEqual(expect.objectContaining({ childId: 'P1999', ruleId: 'CP-ICPC', dueOn: '2000-01-13', provisional: 'true' }));
  });
});

describe('a child whose records a rule cannot read', () => {
  let after: Awaited<ReturnType<typeof wholeAuthorityAnswers>>;
  const logged: string[] = [];

  beforeAll(async () => {
    const report = await importFolder(api.service.database, { dir: writeExtract(oddRecords), labels: api.config.labels });
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    await api.service.database.query(`UPDATE ${api.config.ssdSchema}.ssd_cin_episodes SET cine_referral_date = '9999-12-31' WHERE cine_referral_id = 'RODD'`);
    after = await wholeAuthorityAnswers(); // computed on the fly: the store is of the last import
  }, 120_000);

  it('every other child’s answers are unchanged: compliance, dueDates, both extracts, the hasOverdue filter', () => {
    expect(withoutReport(after)).toEqual(withoutReport(before));
  });

  it('the answers count it: extensions.childrenLeftOut for every caller, which child and why for social-care only; the extracts’ trailer', () => {
    for (const [name, answer] of Object.entries(after)) {
      if (answer.reply) expect(answer.reply.extensions?.childrenLeftOut, name).toBe(1);
      else if (name.includes('due-date') || name.includes('children')) expect(answer.extract!.trailers[completenessTrailers.childrenLeftOut.toLowerCase()], name).toBe('1');
    }
    const problems = after['social-care compliance']!.reply!.extensions!.childrenLeftOutProblems as { record: { table: string; id: string }; problem: string }[];
    expect(problems).toEqual([{ record: { table: 'ssd_person', id: oddChild }, problem: expect.stringMatching(/9999|10000/) }]);
    expect(after['bi compliance']!.reply!.extensions!.childrenLeftOutProblems).toBeUndefined();
    expect(JSON.stringify(after['bi compliance']!.reply)).not.toContain(oddChild);
  });

  it('storing due dates leaves it out, records it in the run’s problems, and logs a count with no identifier', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const calendar = await loadCalendar(api.service.database);
    await materialiseDueDates(api.service.database, { calendar, ...storeInputs(), logger }, asOf);
    expect(await storedChildrenLeftOut(api.service.database)).toEqual([{ childId: oddChild, table: 'ssd_person', problem: expect.any(String) }]);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ childrenLeftOut: 1 }));
    logged.push(...lines);
    for (const line of lines) expect(line).not.toMatch(new RegExp(`${oddChild}|Odd|Record|2014-02-02|RODD|AODD`));
    // From the store, the same answers and the same count.
    const stored = await wholeAuthorityAnswers();
    expect(withoutReport(stored)).toEqual(withoutReport(before));
    expect(stored['social-care compliance']!.reply!.extensions!.childrenLeftOut).toBe(1);
    expect(stored['bi due-date extract']!.extract!.trailers[completenessTrailers.childrenLeftOut.toLowerCase()]).toBe('1');
  });

  it('its own nextReviewDue is an error on that field alone, naming the record and the problem, never an argument; the rest of the child answers', async () => {
    const reply = await ask(`query ($id: ID!) { child(id: $id) { id forename careStatus { kinds } nextReviewDue { dueOn } } }`, { id: oddChild });
    expect(reply.data).toEqual({ child: { id: oddChild, forename: 'Odd', careStatus: { kinds: ['NOT_OPEN'] }, nextReviewDue: null } });
    expect(reply.errors).toHaveLength(1);
    const [error] = reply.errors!;
    expect(error!.path).toEqual(['child', 'nextReviewDue']);
    expect(error!.extensions).toMatchObject({ code: 'INTERNAL', record: { table: 'ssd_person', id: oddChild } });
    expect(error!.message).toMatch(new RegExp(`^ssd_person ${oddChild}: the rules cannot read this child's records: `));
    expect(error!.message).not.toMatch(/asOf/);
    expect(error!.extensions.argument).toBeUndefined();
  });

  it('schedule (non-null in the contract) names the record on its own path; GraphQL nulls the child, never the other children of the answer', async () => {
    const reply = await ask(`{ odd: child(id: "${oddChild}") { schedule { dueOn } } other: child(id: "P1999") { id schedule { ruleId } } }`, {});
    expect(reply.data!.odd).toBeNull();
    expect(reply.data!.other).toMatchObject({ id: 'P1999' });
    expect(reply.errors!.map((error) => [error.path, error.extensions.code, error.extensions.record])).toEqual([
      [['odd', 'schedule'], 'INTERNAL', { table: 'ssd_person', id: oddChild }],
    ]);
  });
});
