// BI compliance over real HTTP on a generated authority: every measure agrees exactly with the
// row-level due dates, and the open ones with each child's own schedule; BI sees pseudonyms and
// nothing that names a child; partners cannot ask.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuthority } from '../src/generate/authority.js';
import { importFolder } from '../src/import/import-folder.js';
import { loadCalendar } from '../src/db/bank-holidays.js';
import { materialiseDueDates } from '../src/db/due-date-store.js';
import { onThisThread, workerPool } from '../src/db/due-date-workers.js';
import { createLogger } from '../src/log.js';
import { addCounts, countsOf, groupsFromCounts, type ChildCaseload, type ComplianceRow } from '../src/domain/compliance.js';
import { allDueDateRows, type DueDateRowReply } from './support/due-dates.js';
import { startTestService, type GraphqlResponse, type TestService } from './support/service.js';

const asOf = '2026-03-31';
const window = { from: '2025-10-01', to: '2026-03-31' };

type Row = DueDateRowReply;
interface Measure {
  kind: string;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  onTimeRate: number | null;
  ruleIds: string[];
}

let api: TestService;
let rows: Row[];

const allRows = (token?: string): Promise<Row[]> => allDueDateRows(api, { asOf, ...window }, token);

/** The measures recomputed here from rows, by the definitions in docs/compliance.md. */
function measuresFrom(rows: readonly Row[]): Measure[] {
  const kinds = [...new Set(rows.map((row) => row.kind))].sort();
  return kinds.map((kind) => {
    const of = rows.filter((row) => row.kind === kind);
    const onTime = of.filter((row) => row.doneOn !== null && !row.late).length;
    const late = of.filter((row) => row.doneOn !== null && row.late).length;
    const overdue = of.filter((row) => row.doneOn === null && row.overdue).length;
    return { kind, due: of.length, onTime, late, overdue, onTimeRate: onTime + late + overdue === 0 ? null : onTime / (onTime + late + overdue), ruleIds: [...new Set(of.map((row) => row.ruleId))].sort() };
  });
}

beforeAll(async () => {
  api = await startTestService();
  const dir = mkdtempSync(path.join(tmpdir(), 'carebridge-compliance-'));
  await generateAuthority({ children: 400, seed: 7, asOf, out: dir });
  const report = await importFolder(api.service.database, { dir, labels: api.config.labels });
  expect(report.ok).toBe(true);
  rows = await allRows();
}, 120_000);
afterAll(async () => api?.close());

describe('compliance', () => {
  it('the rows hold done, late and overdue work in the window, each done date after its trigger and none after asOf', () => {
    expect(rows.some((row) => row.doneOn !== null && !row.late)).toBe(true);
    expect(rows.some((row) => row.late)).toBe(true);
    expect(rows.some((row) => row.overdue)).toBe(true);
    for (const row of rows) {
      expect(row.dueOn >= window.from && row.dueOn <= window.to, JSON.stringify(row)).toBe(true);
      if (row.doneOn !== null) expect(row.doneOn <= asOf).toBe(true);
      expect(row.late).toBe(row.doneOn !== null && row.doneOn > row.dueOn);
      if (row.overdue) expect(row.doneOn === null && row.dueOn < asOf).toBe(true);
    }
  });

  it('every measure, grouped every way, agrees exactly with the rows (measures leave out what the extract cannot show)', async () => {
    const reply = await api.query<{ none: { key: string | null; measures: Measure[] }[]; kind: { key: string; measures: Measure[] }[]; month: { key: string; measures: Measure[] }[]; team: { key: string; measures: Measure[] }[] }>(
      `query ($asOf: Date, $from: Date!, $to: Date!) {
        none: compliance(from: $from, to: $to, asOf: $asOf) { key measures { kind due onTime late overdue onTimeRate ruleIds } }
        kind: compliance(from: $from, to: $to, asOf: $asOf, groupBy: KIND) { key measures { kind due onTime late overdue onTimeRate ruleIds } }
        month: compliance(from: $from, to: $to, asOf: $asOf, groupBy: MONTH) { key measures { kind due onTime late overdue onTimeRate ruleIds } }
        team: compliance(from: $from, to: $to, asOf: $asOf, groupBy: TEAM) { key measures { kind due onTime late overdue onTimeRate ruleIds } }
      }`,
      { asOf, ...window },
    );
    expect(reply.body.errors).toBeUndefined();
    // The measures count only due dates whose completion the extract can show.
    const known = rows.filter((row) => row.completionKnown);
    const data = reply.body.data!;
    expect(data.none).toHaveLength(1);
    expect(data.none[0]!.key).toBeNull();
    expect(data.none[0]!.measures).toEqual(measuresFrom(known));
    for (const group of data.kind) expect(group.measures, group.key).toEqual(measuresFrom(known.filter((row) => row.kind === group.key)));
    for (const group of data.month) expect(group.measures, group.key).toEqual(measuresFrom(known.filter((row) => row.dueOn.startsWith(group.key))));
    for (const group of data.team) expect(group.measures, group.key).toEqual(measuresFrom(known.filter((row) => (row.team ?? 'No allocated team') === group.key)));
    expect(data.team.length).toBeGreaterThan(1);
  });

  it('counted a batch at a time and added up (addCounts), the groups are those of counting everything at once, every grouping', () => {
    const children: ChildCaseload[] = [
      { childId: 'A', team: 'Team 1', kinds: ['CHILD_IN_NEED'], isDualStatus: false, dualStatusExceptional: false, cpPlansOverTwoYears: 0, cinPlansOverSixMonths: 1 },
      { childId: 'B', team: null, kinds: ['CHILD_PROTECTION', 'CHILD_IN_CARE'], isDualStatus: true, dualStatusExceptional: true, cpPlansOverTwoYears: 1, cinPlansOverSixMonths: 0 },
      { childId: 'C', team: 'Team 1', kinds: ['CHILD_IN_CARE'], isDualStatus: false, dualStatusExceptional: false, cpPlansOverTwoYears: 0, cinPlansOverSixMonths: 0 },
    ];
    const all = rows as unknown as ComplianceRow[];
    expect(all.length).toBeGreaterThan(10);
    const half = Math.floor(all.length / 2);
    for (const groupBy of ['NONE', 'TEAM', 'KIND', 'MONTH'] as const) {
      const whole = countsOf(all, children, groupBy);
      const inBatches = [countsOf(all.slice(0, half), children.slice(0, 2), groupBy), countsOf(all.slice(half), children.slice(2), groupBy)].reduce(addCounts, {
        measures: new Map(),
        caseloads: new Map(),
      });
      expect(groupsFromCounts(inBatches, groupBy, 4), groupBy).toEqual(groupsFromCounts(whole, groupBy, 4));
    }
  });

  it('the overdue rows are exactly the overdue due dates of every child’s own schedule in the window', async () => {
    const fromSchedules: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      type Page = { children: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; schedule: { kind: string; dueOn: string; ruleId: string; overdue: boolean }[] } }[] } };
      const reply: GraphqlResponse<Page> = await api.query<Page>(
        'query ($after: String, $asOf: Date) { children(first: 500, after: $after, asOf: $asOf) { pageInfo { hasNextPage endCursor } edges { node { id schedule { kind dueOn ruleId overdue } } } } }',
        { after, asOf },
      );
      for (const { node } of reply.body.data!.children.edges) {
        for (const due of node.schedule) if (due.overdue && due.dueOn >= window.from) fromSchedules.push(`${node.id} ${due.kind} ${due.ruleId} ${due.dueOn}`);
      }
      if (!reply.body.data!.children.pageInfo.hasNextPage) break;
      after = reply.body.data!.children.pageInfo.endCursor;
    }
    const fromRows = rows.filter((row) => row.overdue).map((row) => `${row.childId} ${row.kind} ${row.ruleId} ${row.dueOn}`);
    expect(fromRows.sort()).toEqual(fromSchedules.sort());
    expect(fromRows.length).toBeGreaterThan(0);
  });

  it('bi gets the same rows under pseudonyms, with no name, NHS number or date of birth anywhere', async () => {
    const biRows = await allRows(await api.token('bi', { org: 'BI-TEAM' }));
    expect(biRows.length).toBe(rows.length);
    for (const row of biRows) expect(row.childId).toMatch(/^P[A-Za-z0-9_-]{22}$/);
    const people = await api.service.database.query<{ forename: string | null; surname: string | null; dob: string | null; nhs: string | null }>(
      'SELECT pers_forename AS forename, pers_surname AS surname, pers_dob::text AS dob, pers_common_child_id AS nhs FROM ssd_person',
    );
    const text = JSON.stringify(biRows);
    for (const person of people.slice(0, 300)) {
      for (const value of [person.nhs, person.dob, person.surname && `"${person.surname}"`]) if (value) expect(text).not.toContain(value);
    }
    expect(biRows.map(({ childId: _, ...rest }) => JSON.stringify(rest)).sort()).toEqual(rows.map(({ childId: _, ...rest }) => JSON.stringify(rest)).sort());
  });

  it('stored after an import, the due dates answer the same questions with the same answers, from the store (measures added up in SQL)', async () => {
    const measures = async () =>
      Promise.all(
        ['NONE', 'TEAM', 'KIND', 'MONTH'].map(
          async (groupBy) =>
            (
              await api.query(
                `query ($asOf: Date, $from: Date!, $to: Date!, $groupBy: ComplianceGrouping) { compliance(from: $from, to: $to, asOf: $asOf, groupBy: $groupBy) { key measures { kind due onTime late overdue onTimeRate ruleIds } childrenByStatus { kind count } dualStatusChildren dualStatusBeyondThreeMonths cpPlansOverTwoYears cinPlansOverSixMonths } }`,
                { asOf, ...window, groupBy },
              )
            ).body,
        ),
      );
    const computedAnswers = await measures();
    for (const answer of computedAnswers) expect(answer.errors).toBeUndefined();
    const computed = computedAnswers.map((answer) => answer.data);
    expect(computed.map((data) => (data?.compliance as unknown[]).length)).toEqual([1, expect.any(Number), expect.any(Number), expect.any(Number)]);
    const { database } = api.service;
    const calendar = await loadCalendar(database);
    const sent: string[] = [];
    const listen = (text: string) => sent.push(text);
    // Stored by the rules on this thread, then on worker threads: the same answers either way.
    const workers = workerPool(2, createLogger('silent'));
    try {
      for (const computer of [onThisThread, workers]) {
        const stored = await materialiseDueDates(database, { calendar, policy: api.config.policy, labels: api.config.labels, computer }, asOf);
        expect(stored).toBeGreaterThanOrEqual(rows.length);
        database.statementListeners.add(listen);
        try {
          expect(await allRows()).toEqual(rows);
          expect((await measures()).map((answer) => answer.data)).toEqual(computed);
        } finally {
          database.statementListeners.delete(listen);
        }
      }
    } finally {
      await workers.close();
    }
    expect(sent.some((text) => text.includes('carebridge.due_date'))).toBe(true);
    expect(sent.some((text) => text.includes('ssd_cla_episodes'))).toBe(false);
  });

  it('partners cannot ask for authority-wide compliance data', async () => {
    const token = await api.token('ehc', { org: 'EHC' });
    for (const query of [`{ compliance(from: "${window.from}", to: "${window.to}") { key } }`, '{ dueDates { totalCount } }']) {
      expect((await api.query(query, {}, token)).body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
