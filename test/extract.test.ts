// The bulk extracts over real HTTP on a generated authority (issue 7, part 4): CSV and NDJSON
// rows equal the `dueDates` connection's rows and each child's own fields; bi gets the same
// pseudonyms and nothing that names a child; one access-log entry per extract listing its
// children; partners are refused; bad parameters are named; a client that hangs up does no harm.
// A whole extract ends with trailers (row count, SHA-256 of the body); one cut short by
// shutdown is an aborted transfer (issue 11, finding 6).

import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessRecord, writeAccessLog } from '../src/access/access-log.js';
import { loadCalendar } from '../src/db/bank-holidays.js';
import { childColumns, createExtractHandlers, dueDateColumns } from '../src/extract/http.js';
import { createLogger } from '../src/log.js';
import { ResponseWriter } from '../src/extract/stream.js';
import { generateAuthority } from '../src/generate/authority.js';
import { importFolder } from '../src/import/import-folder.js';
import { allDueDateRows, type DueDateRowReply } from './support/due-dates.js';
import { startTestService, type GraphqlResponse, type TestService } from './support/service.js';
import { materialiseDueDates } from '../src/db/due-date-store.js';
import { onThisThread } from '../src/db/due-date-workers.js';
import { todayInLondon } from '../src/domain/calendar.js';

const asOf = '2026-03-31';
const window = { from: '2025-04-01', to: '2027-03-31' };

type Row = DueDateRowReply;

let api: TestService;
let rows: Row[];

const allRows = (token?: string): Promise<Row[]> => allDueDateRows(api, { asOf, ...window }, token);

interface Extract {
  status: number;
  headers: Headers;
  text: string;
}

async function extract(route: 'due-dates' | 'children', query: Record<string, string>, options: { token?: string; accept?: string } = {}): Promise<Extract> {
  const token = options.token ?? (await api.token('social-care'));
  const response = await fetch(`${api.service.url}/extract/${route}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}`, ...(options.accept ? { accept: options.accept } : {}) },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** CSV cells back to the GraphQL row's types: `true`/`false`, empty is null. */
function fromCsv(text: string): { header: string[]; records: Record<string, string | boolean | null>[] } {
  const [header, ...lines] = parse(text) as string[][];
  const typed = (cell: string) => (cell === '' ? null : cell === 'true' ? true : cell === 'false' ? false : cell);
  return { header: header!, records: lines.map((cells) => Object.fromEntries(header!.map((column, index) => [column, typed(cells[index]!)]))) };
}

const fromNdjson = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  api = await startTestService();
  const dir = mkdtempSync(path.join(tmpdir(), 'carebridge-extract-'));
  await generateAuthority({ children: 400, seed: 7, asOf, out: dir });
  const report = await importFolder(api.service.database, { dir, labels: api.config.labels });
  expect(report.ok).toBe(true);
  rows = await allRows();
  expect(rows.length).toBeGreaterThan(500); // more than one page of the connection
}, 180_000);
afterAll(async () => api?.close());

describe('GET /extract/due-dates', () => {
  it('CSV (the default): a header of the DueDateRow fields, then exactly the connection’s rows in its order; the file name carries asOf', async () => {
    const reply = await extract('due-dates', { asOf, ...window });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="carebridge-due-dates-${asOf}.csv"`);
    const { header, records } = fromCsv(reply.text);
    expect(header).toEqual([...dueDateColumns]);
    expect(records).toEqual(rows);
  });

  it('NDJSON when asked for by Accept: the same rows, one JSON object a line', async () => {
    const reply = await extract('due-dates', { asOf, ...window }, { accept: 'application/x-ndjson' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="carebridge-due-dates-${asOf}.ndjson"`);
    expect(fromNdjson(reply.text)).toEqual(rows);
  });

  it('bi gets the connection’s bi pseudonyms, and no name, NHS number or date of birth in either format', async () => {
    const token = await api.token('bi', { org: 'BI-TEAM' });
    const biRows = await allRows(token);
    const csv = await extract('due-dates', { asOf, ...window }, { token });
    const ndjson = await extract('due-dates', { asOf, ...window }, { token, accept: 'application/x-ndjson' });
    expect(csv.status).toBe(200);
    expect(fromCsv(csv.text).records).toEqual(biRows);
    expect(fromNdjson(ndjson.text)).toEqual(biRows);
    for (const row of biRows) expect(row.childId).toMatch(/^P[A-Za-z0-9_-]{22}$/);
    const children = await extract('children', { asOf }, { token });
    expect(children.status).toBe(200);
    await expectNothingNaming([csv.text, ndjson.text, children.text]);
  });

  it('writes one access-log entry per extract, listing every child in it, before the rows (accessLog finds it)', async () => {
    const reply = await extract('due-dates', { asOf, ...window });
    const requestId = reply.headers.get('x-request-id')!;
    const entries = await api.service.database.query<{ kind: string; outcome: string; children_count: number; child_ids: string[]; fields: string[]; role: string }>(
      `SELECT kind, outcome, children_count, to_jsonb(child_ids) AS child_ids, to_jsonb(fields) AS fields, role FROM carebridge.access_log WHERE request_id = $1`,
      [requestId],
    );
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ kind: 'BULK_EXTRACT', outcome: 'READ', role: 'social-care', fields: [...dueDateColumns].sort() });
    const childrenInRows = new Set(rows.map((row) => row.childId));
    for (const child of childrenInRows) expect(entry!.child_ids).toContain(child);
    expect(Number(entry!.children_count)).toBe(entry!.child_ids.length);

    const child = [...childrenInRows][0]!;
    type Log = { accessLog: { edges: { node: { kind: string | null; requestId: string; fields: string[] } }[] } };
    const log = await api.query<Log>('query ($child: ID!) { accessLog(childId: $child, first: 100) { edges { node { kind requestId fields } } } }', { child });
    expect(log.body.errors).toBeUndefined();
    expect(log.body.data!.accessLog.edges.map((edge) => edge.node)).toContainEqual({ kind: 'BULK_EXTRACT', requestId, fields: [...dueDateColumns].sort() });
  });

  it('defaults: asOf today, a year either side (the file name says which day)', async () => {
    const reply = await extract('due-dates', {}, { accept: 'application/x-ndjson' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="carebridge-due-dates-\d{4}-\d{2}-\d{2}\.ndjson"$/);
  });
});

describe('GET /extract/children', () => {
  it('each child’s care status, next due date and team as the per-child fields give them, and nothing that names a child', async () => {
    type Node = {
      id: string;
      careStatus: { kinds: string[]; isLookedAfter: boolean; isOnChildProtectionPlan: boolean; isDualStatus: boolean; legalBasis: string | null };
      nextReviewDue: { dueOn: string; ruleId: string } | null;
    };
    const expected: Record<string, unknown>[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      type Page = { children: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] } };
      const reply: GraphqlResponse<Page> = await api.query<Page>(
        `query ($after: String, $asOf: Date) { children(first: 500, after: $after, asOf: $asOf) { pageInfo { hasNextPage endCursor }
          edges { node { id careStatus { kinds isLookedAfter isOnChildProtectionPlan isDualStatus legalBasis } nextReviewDue { dueOn ruleId } } } } }`,
        { after, asOf },
      );
      expect(reply.body.errors).toBeUndefined();
      for (const { node } of reply.body.data!.children.edges) {
        expected.push({
          childId: node.id,
          careStatus: node.careStatus.kinds,
          isLookedAfter: node.careStatus.isLookedAfter,
          isOnChildProtectionPlan: node.careStatus.isOnChildProtectionPlan,
          isDualStatus: node.careStatus.isDualStatus,
          legalBasis: node.careStatus.legalBasis,
          nextReviewDueOn: node.nextReviewDue?.dueOn ?? null,
          nextReviewRuleId: node.nextReviewDue?.ruleId ?? null,
        });
      }
      if (!reply.body.data!.children.pageInfo.hasNextPage) break;
      after = reply.body.data!.children.pageInfo.endCursor;
    }
    const ndjson = await extract('children', { asOf }, { accept: 'application/x-ndjson' });
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-disposition')).toBe(`attachment; filename="carebridge-children-${asOf}.ndjson"`);
    const got = fromNdjson(ndjson.text);
    expect(got.map(({ team: _, ...rest }) => rest)).toEqual(expected);
    // The team is the compliance rows' team.
    const teams = new Map(rows.map((row) => [row.childId, row.team]));
    for (const child of got) if (teams.has(child.childId as string)) expect(child.team).toBe(teams.get(child.childId as string));

    const csv = await extract('children', { asOf });
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="carebridge-children-${asOf}.csv"`);
    const { header, records } = fromCsv(csv.text);
    expect(header).toEqual([...childColumns]);
    expect(records).toEqual(got.map((child) => ({ ...child, careStatus: (child.careStatus as string[]).join(';') || null })));
    await expectNothingNaming([csv.text, ndjson.text]);
  });
});

describe('refusals', () => {
  it('partners are FORBIDDEN, in the GraphQL errors’ shape', async () => {
    for (const role of ['ehc', 'health', 'education'] as const) {
      const reply = await extract('due-dates', { asOf }, { token: await api.token(role, { org: 'ORG1' }) });
      expect(reply.status).toBe(403);
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(reply.text) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
      expect((await extract('children', {}, { token: await api.token(role, { org: 'ORG1' }) })).status).toBe(403);
    }
  });

  it('no token is UNAUTHENTICATED', async () => {
    const response = await fetch(`${api.service.url}/extract/children`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['due-dates', { asOf: '31/03/2026' }, 'asOf'],
    ['due-dates', { asOf: '2026-02-30' }, 'asOf'],
    ['due-dates', { asOf: '1899-12-31' }, 'asOf'],
    ['due-dates', { asOf, to: '3000-01-01' }, 'to'],
    ['due-dates', { asOf, from: '2026-04-01', to: '2026-03-01' }, 'to'],
    ['due-dates', { asOf, from: 'yesterday' }, 'from'],
    ['due-dates', { asOf, format: 'csv' }, 'format'],
    ['children', { asOf: 'today' }, 'asOf'],
    ['children', { asOf, from: '2026-01-01' }, 'from'],
  ] as const)('/extract/%s?%j is BAD_USER_INPUT naming %s', async (route, query, argument) => {
    const reply = await extract(route, query);
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.text) as { errors: { message: string; extensions: { code: string; argument: string } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors[0]!.message).toMatch(new RegExp(`^${argument}:`));
  });
});

describe('readSnapshot', () => {
  const setting = async (session: { query: (text: string) => Promise<Record<string, unknown>[]> }, name: string) =>
    Object.values((await session.query(`SHOW ${name}`))[0]!)[0];

  it('is one read-only repeatable-read transaction, its orm included; writeNow commits at once and the snapshot stays', async () => {
    const { database } = api.service;
    const before = Number((await database.query<{ n: string }>('SELECT count(*) AS n FROM carebridge.access_log'))[0]!.n);
    await database.readSnapshot(async (snapshot) => {
      expect(await setting(snapshot.session, 'transaction_isolation')).toBe('repeatable read');
      expect(await setting(snapshot.session, 'transaction_read_only')).toBe('on');
      const result = (await snapshot.orm.execute(sql`SHOW transaction_read_only`)) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
      expect(Object.values((Array.isArray(result) ? result : result.rows)[0]!)[0]).toBe('on');
      const record = new AccessRecord();
      record.bulk(['snapshot-test-child'], 'BULK_EXTRACT', ['childId']);
      await snapshot.writeNow((session) => writeAccessLog(session, record, { subject: 's', role: 'social-care', org: null, purpose: null, requestId: 'snapshot-test' }));
      expect(await setting(snapshot.session, 'transaction_isolation')).toBe('repeatable read');
      expect(await setting(snapshot.session, 'transaction_read_only')).toBe('on');
      if (database.kind === 'postgres') {
        // Committed on another connection, now: visible outside, not to the snapshot taken before.
        const seen = async (session: typeof database) => Number((await session.query<{ n: string }>('SELECT count(*) AS n FROM carebridge.access_log'))[0]!.n);
        expect(await seen(database)).toBe(before + 1);
        const inSnapshot = Number((await snapshot.session.query<{ n: string }>('SELECT count(*) AS n FROM carebridge.access_log'))[0]!.n);
        await database.query("INSERT INTO carebridge.access_log (subject, role, request_id, fields, outcome) VALUES ('s', 'social-care', 'snapshot-test-2', '{}', 'READ')");
        expect(Number((await snapshot.session.query<{ n: string }>('SELECT count(*) AS n FROM carebridge.access_log'))[0]!.n)).toBe(inSnapshot);
      }
    });
    expect(Number((await database.query<{ n: string }>('SELECT count(*) AS n FROM carebridge.access_log WHERE request_id = $1', ['snapshot-test']))[0]!.n)).toBe(1);
  });
});

describe('streaming', () => {
  it('a client that hangs up early does not harm the server: the next extract is whole', async () => {
    const token = await api.token('social-care');
    for (let attempt = 0; attempt < 3; attempt++) {
      await new Promise<void>((resolve, reject) => {
        const request = httpRequest(`${api.service.url}/extract/due-dates?asOf=${asOf}`, { headers: { authorization: `Bearer ${token}` } }, (response: IncomingMessage) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', (error) => (request.destroyed ? resolve() : reject(error)));
        request.end();
      });
    }
    const reply = await extract('due-dates', { asOf, ...window }, { accept: 'application/x-ndjson' });
    expect(reply.status).toBe(200);
    expect(fromNdjson(reply.text)).toEqual(rows);
    expect((await fetch(`${api.service.url}/healthz`)).status).toBe(200);
  });

  it('stops computing when the client hangs up (small batches), ending the snapshot', async () => {
    const { database } = api.service;
    const calendar = await loadCalendar(database, api.config.policy.localNonWorkingDays);
    const claims = { role: 'social-care' as const, sub: 'test-hang-up', org: null, purpose: null, linkPurposes: [] };
    const handlers = await createExtractHandlers({
      config: api.config,
      database,
      calendar: () => calendar,
      admit: async () => ({ ok: true, claims }),
      batchSize: 5,
      wholeAuthority: api.service.wholeAuthority,
      dueDateComputer: onThisThread,
    });
    let done: Promise<void> | undefined;
    const server = createServer((request, response) => {
      Object.assign(request, { id: 'hang-up', log: createLogger('silent') });
      done = Promise.resolve(handlers.dueDates(request, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const statements: string[] = [];
    const count = (text: string) => statements.push(text);
    try {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/extract/due-dates?asOf=${asOf}&from=${window.from}&to=${window.to}`;
      database.statementListeners.add(count);
      const whole = await (await fetch(url)).text();
      await done;
      const wholeStatements = statements.length;
      expect(fromCsv(whole).records).toEqual(rows);
      statements.length = 0;
      await new Promise<void>((resolve, reject) => {
        const request = httpRequest(url, (response: IncomingMessage) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', (error) => (request.destroyed ? resolve() : reject(error)));
        request.end();
      });
      await done;
      expect(statements.length).toBeLessThan(wholeStatements / 2);
      // The snapshot has ended (on PGlite nothing else could run until it did).
      expect(await database.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      database.statementListeners.delete(count);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('respects back-pressure: a write the client is not reading waits for drain, and ends false when the client goes', async () => {
    let writer: ResponseWriter | undefined;
    const server: Server = createServer((_request, response) => {
      response.writeHead(200);
      response.flushHeaders();
      writer = new ResponseWriter(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await new Promise<IncomingMessage>((resolve) => httpRequest({ port, host: '127.0.0.1' }, resolve).end());
      response.pause();
      const big = 'x'.repeat(32 * 1024 * 1024);
      let settled: boolean | undefined;
      const first = writer!.write(big).then((open) => (settled = open));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(settled).toBeUndefined(); // still waiting for the client to read
      response.resume();
      expect(await first).toBe(true);
      const second = writer!.write(big);
      response.destroy();
      expect(await second).toBe(false);
      expect(writer!.clientGone).toBe(true);
      expect(await writer!.write('more')).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** Due dates may fall on someone's birthday: dates of birth are looked for everywhere else. */
const dueDateColumnsOfAnExtract = new Set(['dueOn', 'doneOn', 'nextReviewDueOn']);

/** No child's or adult's name, NHS number or date of birth anywhere in these extracts (CSV or NDJSON). */
async function expectNothingNaming(texts: string[]): Promise<void> {
  const people = await api.service.database.query<{ forename: string | null; surname: string | null; dob: string | null; nhs: string | null }>(
    'SELECT pers_forename AS forename, pers_surname AS surname, pers_dob::text AS dob, pers_common_child_id AS nhs FROM ssd_person',
  );
  const records = texts.flatMap((text) => (text.startsWith('{') ? fromNdjson(text) : fromCsv(text).records));
  const values = new Set(records.flatMap((record) => Object.values(record).flat().map(String)));
  const otherThanDueDates = JSON.stringify(records.map((record) => Object.entries(record).filter(([column]) => !dueDateColumnsOfAnExtract.has(column))));
  expect(people.filter((person) => person.dob !== null).length).toBeGreaterThan(100);
  for (const person of people) {
    for (const value of [person.nhs, person.forename, person.surname]) if (value) expect(values.has(value), value).toBe(false);
    if (person.nhs) for (const text of texts) expect(text).not.toContain(person.nhs.replaceAll(' ', ''));
    if (person.dob) expect(otherThanDueDates).not.toContain(person.dob);
  }
  for (const text of texts) expect(text).not.toMatch(/dateOfBirth|forename|surname|nhsNumber|address/i);
}

describe('from the stored due dates', () => {
  it('once the due dates are stored, the extract reads them and gives the same rows, listing the same children in its log entry', async () => {
    const { database } = api.service;
    const before = await extract('due-dates', { asOf, ...window }, { accept: 'application/x-ndjson' });
    const calendar = await loadCalendar(database);
    await materialiseDueDates(
      database,
      { calendar, policy: api.config.policy, labels: api.config.labels },
      asOf,
    );
    const sent: string[] = [];
    const listen = (text: string) => sent.push(text);
    database.statementListeners.add(listen);
    try {
      const after = await extract('due-dates', { asOf, ...window }, { accept: 'application/x-ndjson' });
      expect(fromNdjson(after.text)).toEqual(fromNdjson(before.text));
    } finally {
      database.statementListeners.delete(listen);
      // Later tests compute on the fly.
      await database.query('DELETE FROM carebridge.due_date_store');
    }
    expect(sent.some((text) => text.includes('FROM carebridge.due_date'))).toBe(true);
    expect(sent.some((text) => text.includes('ssd_cla_episodes'))).toBe(false);
    const logged = await database.query<{ children: number }>(
      "SELECT cardinality(child_ids)::int AS children FROM carebridge.access_log WHERE kind = 'BULK_EXTRACT' ORDER BY id DESC LIMIT 2",
    );
    expect(logged[0]!.children).toBe(new Set(rows.map((row) => row.childId)).size);
    expect(logged[0]!.children).toBeLessThanOrEqual(logged[1]!.children);
  });

  it('the children extract of the store’s day reads the summaries stored with the due dates: the same rows as computed', async () => {
    const { database } = api.service;
    const today = todayInLondon();
    const computed = await extract('children', { asOf: today }, { accept: 'application/x-ndjson' });
    const calendar = await loadCalendar(database);
    await materialiseDueDates(
      database,
      { calendar, policy: api.config.policy, labels: api.config.labels },
      today,
    );
    const sent: string[] = [];
    const listen = (text: string) => sent.push(text);
    database.statementListeners.add(listen);
    try {
      const stored = await extract('children', { asOf: today }, { accept: 'application/x-ndjson' });
      expect(fromNdjson(stored.text)).toEqual(fromNdjson(computed.text));
      expect(fromNdjson(stored.text).length).toBeGreaterThan(0);
    } finally {
      database.statementListeners.delete(listen);
      await database.query('DELETE FROM carebridge.due_date_store');
    }
    expect(sent.some((text) => text.includes('FROM carebridge.child_summary'))).toBe(true);
    expect(sent.some((text) => text.includes('ssd_cla_episodes'))).toBe(false);
  });
});

/** An extract read with Node's own HTTP client, which gives the trailers and says whether the chunked body was ended. */
interface RawExtract {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  trailers: NodeJS.Dict<string>;
  /** The final chunk arrived: the transfer is whole. */
  complete: boolean;
}

/**
 * GETs an extract; `whenHeaders` runs once the status line is in, before any of the body is
 * read (the response is paused until it resolves, so the server meets back-pressure meanwhile).
 */
async function rawExtract(
  service: TestService,
  route: string,
  options: { accept?: string; whenHeaders?: (response: IncomingMessage) => Promise<void> } = {},
): Promise<RawExtract> {
  const token = await service.token('social-care');
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${service.service.url}/extract/${route}`, { headers: { authorization: `Bearer ${token}`, ...(options.accept ? { accept: options.accept } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.pause();
      const settle = () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks), trailers: response.trailers, complete: response.complete });
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', () => {}); // an aborted transfer: `complete` says so
      response.on('close', settle);
      void (options.whenHeaders?.(response) ?? Promise.resolve()).then(() => response.resume(), reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

function expectWhole(reply: RawExtract, dataRows: number): void {
  expect(reply.status).toBe(200);
  expect(reply.complete).toBe(true);
  expect(reply.headers['transfer-encoding']).toBe('chunked');
  expect(reply.headers.trailer).toBe('X-Row-Count, X-Content-SHA256, X-Children-Left-Out');
  expect(reply.trailers).toEqual({ 'x-row-count': String(dataRows), 'x-content-sha256': sha256(reply.body), 'x-children-left-out': '0' });
}

describe('completeness', () => {
  it('a whole extract ends with trailers: the row count and the SHA-256 of the body, in CSV and NDJSON', async () => {
    const query = `due-dates?${new URLSearchParams({ asOf, ...window })}`;
    const csv = await rawExtract(api, query);
    expectWhole(csv, rows.length);
    expect(fromCsv(csv.body.toString('utf8')).records).toEqual(rows);
    const ndjson = await rawExtract(api, query, { accept: 'application/x-ndjson' });
    expectWhole(ndjson, rows.length);
    expect(fromNdjson(ndjson.body.toString('utf8'))).toEqual(rows);
    const children = await rawExtract(api, `children?asOf=${asOf}`);
    expectWhole(children, fromCsv(children.body.toString('utf8')).records.length);
    // An extract with no rows is whole too: the header alone, 0 rows.
    const none = await rawExtract(api, `due-dates?${new URLSearchParams({ asOf, from: '2000-01-01', to: '2000-01-31' })}`);
    expectWhole(none, 0);
    expect(none.body.toString('utf8')).toBe(`${dueDateColumns.join(',')}\r\n`);
  });
});

describe('shutdown with an extract in flight', () => {
  it('lets an extract that can finish within the grace finish, with its trailers', async () => {
    // The file's service (10 s grace) stops here; afterAll's close finds it stopped.
    let stopped: Promise<void> | undefined;
    const reply = await rawExtract(api, `children?asOf=${asOf}`, {
      whenHeaders: async () => {
        stopped = api.service.stop();
      },
    });
    await stopped;
    expectWhole(reply, fromCsv(reply.body.toString('utf8')).records.length);
    expect(fromCsv(reply.body.toString('utf8')).records.length).toBeGreaterThan(100);
  });

  it('aborts one that cannot finish within the grace: the client sees an incomplete transfer, never a clean end', async () => {
    // 2,500 children are three batches of the children extract, computed on one worker thread:
    // each batch is read while the one before is computed, so the third batch's read (its
    // involvements seen) comes after the first batch was sent and while the second is computed.
    // The service is stopped then, with no grace at all.
    const slow = await startTestService({ CAREBRIDGE_SHUTDOWN_GRACE_MS: '0', CAREBRIDGE_BULK_WORKERS: '1' });
    const { database } = slow.service;
    let stopped: Promise<void> | undefined;
    let involvementReads = 0;
    const stopInSecondBatch = (text: string) => {
      if (text.includes('ssd_involvements') && ++involvementReads === 3) stopped = slow.service.stop();
    };
    try {
      const larger = mkdtempSync(path.join(tmpdir(), 'carebridge-extract-'));
      await generateAuthority({ children: 2500, seed: 7, asOf, out: larger });
      expect((await importFolder(database, { dir: larger, labels: slow.config.labels })).ok).toBe(true);
      database.statementListeners.add(stopInSecondBatch);
      const reply = await rawExtract(slow, `children?asOf=${asOf}`, { accept: 'application/x-ndjson' });
      expect(stopped).toBeDefined();
      await stopped;
      expect(reply.status).toBe(200);
      expect(reply.complete).toBe(false);
      expect(reply.trailers).toEqual({});
      // The first batch arrived (whole lines up to the cut); the transfer never ended.
      expect(fromNdjson(reply.body.toString('utf8').replace(/[^\n]*$/, '')).length).toBeGreaterThanOrEqual(1000);
    } finally {
      database.statementListeners.delete(stopInSecondBatch);
      await slow.close();
    }
  }, 120_000);
});
