// Hardening over real HTTP with the real service (issue 6, part 6): operation limits answer
// QUERY_TOO_COMPLEX before anything runs, introspection is for social-care only, trusted
// documents in `required` mode, the per-consumer rate limit (in memory, and shared through Redis
// when REDIS_URL is set), and the start-up checks of their settings.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery, parse, validate } from 'graphql';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../src/access/authentication.js';
import { operationCost, windowMonthCost } from '../src/access/operation-limits.js';
import { QueueFullError, retryAfterSeconds, WholeAuthorityQueue } from '../src/access/whole-authority-queue.js';
import { todayInLondon } from '../src/domain/calendar.js';
import { documentHash, readTrustedDocuments } from '../src/access/trusted-documents.js';
import { ConfigError, loadConfig, operationLimitDefaults } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { buildCarebridgeSchema } from '../src/graphql/schema.js';
import { realPostgresUrl } from './support/database.js';
import { startTestService, type TestService } from './support/service.js';
import { forbiddenFieldsIn } from '../src/access/who-sees-what.js';

/** Every Child field, as test/graphql.test.ts asks for them (read from there, so the two agree). */
const everyField = /const everyField = `([\s\S]*?)`;/.exec(readFileSync(new URL('./graphql.test.ts', import.meta.url), 'utf8'))![1]!;
const fullPage = `query ($first: Int) { children(first: $first) { totalCount edges { node { ${everyField} } } } }`;
const trustedRoot = new URL('../trusted-documents/', import.meta.url);
const childCareStatus = readFileSync(new URL('ehc/ChildCareStatus.graphql', trustedRoot), 'utf8');

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

/** Takes the instance's one place, as a long whole-authority request would, until released. */
function holdThePlace(api: TestService): () => Promise<void> {
  let release!: () => void;
  const held = api.service.wholeAuthority.run(() => new Promise<void>((resolve) => (release = resolve)));
  return async () => {
    release();
    await held;
  };
}

/** POSTs a GraphQL request as `role`; each call is a new consumer unless `sub`/`org` are given. */
async function post(
  api: TestService,
  request: { query?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
  as: { role?: Role; sub?: string; org?: string } = {},
): Promise<Answer> {
  const role = as.role ?? 'social-care';
  const token = await api.token(role, { sub: as.sub ?? `test-${randomUUID()}`, ...(role === 'social-care' ? {} : { org: as.org ?? `ORG-${randomUUID()}` }) });
  const response = await fetch(`${api.service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

function expectTooComplex(answer: Answer, limit: string, message: RegExp): void {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'QUERY_TOO_COMPLEX', limit } });
  expect(answer.body.errors![0]!.message).toMatch(/^Query too complex: /);
  // Like every answer: the request id on the error and the freshness extension.
  expect(answer.body.errors![0]!.extensions.requestId).toEqual(expect.any(String));
  expect(answer.body.extensions).toHaveProperty('dataImportedAt');
}

function expectAccepted(answer: Answer): void {
  expect(answer.body.errors).toBeUndefined();
  expect(answer.status).toBe(200);
}

const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

const measures = 'key measures { kind due onTime late overdue onTimeRate ruleIds } childrenByStatus { kind count } dualStatusChildren dualStatusBeyondThreeMonths cpPlansOverTwoYears cinPlansOverSixMonths';
/** compliance over [from, to] as at a past day: never answered from the store, so computed now. */
const pastCompliance = (from: string, to: string, groupBy = 'NONE') => `{ compliance(from: "${from}", to: "${to}", asOf: "2026-03-31", groupBy: ${groupBy}) { ${measures} } }`;

describe('with the default limits', () => {
  let api: TestService;
  beforeAll(async () => {
    api = await startTestService();
  });
  afterAll(async () => api?.close());

  it('accepts the largest page, children(first: 500) asking every Child field', async () => {
    const schema = await buildCarebridgeSchema();
    const cost = operationCost(schema, parse(fullPage), { first: 500 });
    expect(cost).toBeLessThanOrEqual(operationLimitDefaults.cost);
    expect(cost * 2).toBeGreaterThan(operationLimitDefaults.cost);
    expectAccepted(await post(api, { query: fullPage, variables: { first: 500 } }));
  });

  it('refuses two full pages of 500 in one operation by cost, following first through a variable', async () => {
    const two = `query ($first: Int) { a: children(first: $first) { edges { node { ${everyField} } } } b: children(first: $first) { edges { node { ${everyField} } } } }`;
    expectTooComplex(await post(api, { query: two, variables: { first: 500 } }), 'cost', /cost \d+ exceeds the limit of 100000/);
    // The same operation at the default first (50) is cheap enough.
    expectAccepted(await post(api, { query: two }));
  });

  it('weighs a whole-authority window: a year, and two years by month, computed now pass; 29 years is refused before anything runs', async () => {
    const schema = await buildCarebridgeSchema();
    const cost = (query: string) => operationCost(schema, parse(query), {});
    const today = todayInLondon();
    // A month computed now costs less than a year; a question the store can answer (asOf today) least.
    expect(cost(pastCompliance('2026-03-01', '2026-03-31'))).toBeLessThan(cost(pastCompliance('2025-04-01', '2026-03-31')));
    expect(cost(`{ compliance(from: "${today}", to: "${today}") { ${measures} } }`)).toBeLessThan(windowMonthCost.computed);
    // Four years by month pass the default limit; five do not.
    expect(cost(pastCompliance('2022-04-01', '2026-03-31', 'MONTH'))).toBeLessThanOrEqual(operationLimitDefaults.cost);
    expect(cost(pastCompliance('2021-04-01', '2026-03-31', 'MONTH'))).toBeGreaterThan(operationLimitDefaults.cost);

    expectAccepted(await post(api, { query: pastCompliance('2025-04-01', '2026-03-31') }));
    expectAccepted(await post(api, { query: pastCompliance('2024-04-01', '2026-03-31', 'MONTH') }));
    const page = 'edges { cursor node { childId kind dueOn doneOn ruleId basis overdue late completionKnown team } } pageInfo { hasNextPage endCursor } totalCount';
    expectAccepted(await post(api, { query: `{ dueDates(first: 500, asOf: "2026-03-31") { ${page} } }` }));

    const sent: string[] = [];
    const listen = (text: string) => sent.push(text);
    api.service.database.statementListeners.add(listen);
    try {
      const longest = `{ compliance(from: "2000-01-01", to: "2028-12-31", groupBy: MONTH) { ${measures} } }`;
      expectTooComplex(await post(api, { query: longest }), 'cost', /cost \d+ exceeds the limit of 100000 .*a month of compliance or dueDates computed now costs 2000/);
      const rows = `query ($filter: DueDateFilter) { dueDates(first: 10, filter: $filter) { ${page} } }`;
      expectTooComplex(await post(api, { query: rows, variables: { filter: { dueFrom: '2000-01-01', dueTo: '2028-12-31' } } }), 'cost', /cost \d+ exceeds/);
    } finally {
      api.service.database.statementListeners.delete(listen);
    }
    // Refused before execution: not one record was read.
    expect(sent.filter((text) => /ssd_|carebridge\.due_date/.test(text))).toEqual([]);
  });

  it('refuses 20 aliases of children(first: 500)', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `c${i}: children(first: 500) { edges { node { id } } }`).join('\n');
    const answer = await post(api, { query: `{ ${aliases} }` });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.map((error) => [error.extensions.code, error.extensions.limit])).toEqual([['QUERY_TOO_COMPLEX', 'aliases']]);
    expect(answer.body.errors![0]!.message).toBe('Query too complex: Aliases limit of 15 exceeded, found 20.');
  });

  it('leaves first above 500 to the resolver (BAD_USER_INPUT naming first), not to the cost limit', async () => {
    const answer = await post(api, { query: `{ children(first: 100000) { totalCount } }` });
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('keeps introspection for social-care and refuses it to partner roles, naming __schema or __type', async () => {
    const full = await post(api, { query: getIntrospectionQuery() });
    expectAccepted(full);
    expect((full.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(10);
    for (const role of ['ehc', 'health', 'education', 'bi'] as const) {
      const refused = await post(api, { query: getIntrospectionQuery() }, { role });
      expect(refused.status).toBe(403);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ message: `__schema: introspection is not available to the ${role} role`, extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      ]);
    }
    const byType = await post(api, { query: `query { ...T } fragment T on Query { __type(name: "Child") { name } }` }, { role: 'ehc' });
    expect(byType.body.errors?.[0]).toMatchObject({ message: '__type: introspection is not available to the ehc role', extensions: { code: 'FORBIDDEN' } });
    // __typename is not introspection.
    expectAccepted(await post(api, { query: '{ __typename }' }, { role: 'ehc' }));
  });

  it('answers a registered document by its hash (allow mode), and a full query too', async () => {
    const hash = documentHash(childCareStatus);
    expectAccepted(await post(api, { variables: { id: 'C1' }, extensions: persisted(hash) }, { role: 'ehc' }));
    expectAccepted(await post(api, { query: '{ children(first: 1) { totalCount } }' }, { role: 'bi' }));
    // A hash registered for other roles only does not resolve for this one.
    const other = await post(api, { variables: { id: 'C1' }, extensions: persisted(hash) }, { role: 'education' });
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]).toMatchObject({ message: `persisted document ${hash}: not a trusted document for the education role`, extensions: { code: 'FORBIDDEN' } });
    // An unknown hash is the caller's mistake, and nothing is registered by sending query and hash.
    const query = '{ children(first: 1) { totalCount } }';
    expectAccepted(await post(api, { query, extensions: persisted(documentHash(query)) }));
    const unknown = await post(api, { extensions: persisted(documentHash(query)) });
    expect(unknown.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^extensions.persistedQuery.sha256Hash: no trusted document has this hash/), extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });
});

describe('with tight limits, trusted documents required and 3 requests a minute', () => {
  let api: TestService;
  beforeAll(async () => {
    api = await startTestService({
      CAREBRIDGE_MAX_DEPTH: '4',
      CAREBRIDGE_MAX_ALIASES: '2',
      CAREBRIDGE_MAX_TOKENS: '100',
      CAREBRIDGE_MAX_DIRECTIVES: '2',
      CAREBRIDGE_MAX_COST: '200',
      CAREBRIDGE_TRUSTED_DOCUMENTS: 'required',
      CAREBRIDGE_RATE_LIMIT: '3/60',
    });
  });
  afterAll(async () => api?.close());

  it('refuses depth 5 and accepts depth 4', async () => {
    expectAccepted(await post(api, { query: '{ children(first: 1) { edges { node { id } } } }' }));
    expectTooComplex(
      await post(api, { query: '{ children(first: 1) { edges { node { careStatus { kinds } } } } }' }),
      'depth',
      /^Query too complex: Query depth limit of 4 exceeded, found 5\.$/,
    );
  });

  it('refuses 3 aliases and accepts 2', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: children(first: 1) { totalCount }`).join(' ')} }`;
    expectAccepted(await post(api, { query: aliased(2) }));
    expectTooComplex(await post(api, { query: aliased(3) }), 'aliases', /^Query too complex: Aliases limit of 2 exceeded, found 3\.$/);
    // Aliases of __typename are not counted (graphql-armor's allow list).
    expectAccepted(await post(api, { query: '{ a: __typename b: __typename c: __typename }' }));
  });

  it('refuses 101 tokens and accepts 100, before parsing the rest', async () => {
    // `{` + 98 × `__typename` + `}` = 100 tokens.
    const fields = (n: number) => `{ ${Array.from({ length: n }, () => '__typename').join(' ')} }`;
    expectAccepted(await post(api, { query: fields(98) }));
    expectTooComplex(await post(api, { query: fields(99) }), 'tokens', /^Query too complex: more than 100 tokens/);
    // Far over the limit, and not even well formed after it: still the token limit that answers.
    expectTooComplex(await post(api, { query: `${fields(99)} ${'{ '.repeat(50_000)}` }), 'tokens', /more than 100 tokens/);
  });

  it('refuses 3 directives and accepts 2', async () => {
    expectAccepted(await post(api, { query: '{ __typename @include(if: true) @skip(if: false) }' }));
    expectTooComplex(
      await post(api, { query: '{ __typename @include(if: true) @skip(if: false) a: __typename @include(if: true) }' }),
      'directives',
      /Directives limit of 2 exceeded, found 3/,
    );
  });

  it('weighs a list by its first argument: cost 199 accepted, 202 refused (limit 200)', async () => {
    // children costs 1 + first × (edges 1 + node 1 + id 1).
    const query = 'query ($first: Int) { children(first: $first) { edges { node { id } } } }';
    expectAccepted(await post(api, { query: '{ children(first: 66) { edges { node { id } } } }' }));
    expectTooComplex(await post(api, { query, variables: { first: 67 } }), 'cost', /^Query too complex: cost 202 exceeds the limit of 200 /);
    // first defaults to 50: 151.
    expectAccepted(await post(api, { query }));
  });

  it('lets partner roles send only documents registered for them, by hash', async () => {
    const hash = documentHash(childCareStatus);
    expectAccepted(await post(api, { variables: { id: 'C1' }, extensions: persisted(hash) }, { role: 'ehc' }));
    const raw = await post(api, { query: '{ children(first: 1) { totalCount } }' }, { role: 'ehc' });
    expect(raw.status).toBe(403);
    expect(raw.body.data).toBeUndefined();
    expect(raw.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^the ehc role may send only trusted documents \(CAREBRIDGE_TRUSTED_DOCUMENTS=required\)/),
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    // health has ChildByNhsNumber; education has nothing registered.
    const nhs = readFileSync(new URL('health/ChildByNhsNumber.graphql', trustedRoot), 'utf8');
    expectAccepted(await post(api, { variables: { nhsNumber: '9990000018' }, extensions: persisted(documentHash(nhs)) }, { role: 'health' }));
    expect((await post(api, { variables: { id: 'C1' }, extensions: persisted(hash) }, { role: 'education' })).status).toBe(403);
    // social-care may still send its own queries.
    expectAccepted(await post(api, { query: '{ children(first: 1) { totalCount } }' }));
  });

  it('answers the 4th request in a minute from one consumer with 429, RATE_LIMITED and Retry-After', async () => {
    const consumer = { role: 'ehc' as const, org: `SCHOOL-${randomUUID()}` };
    const send = (as: { role: Role; org: string; sub?: string }) => post(api, { query: childCareStatus, variables: { id: 'C1' } }, as);
    for (let i = 0; i < 3; i += 1) expect((await send({ ...consumer, sub: `officer-${i}` })).status).toBe(200);
    // Another reader of the same organisation and role is the same consumer.
    const refused = await send({ ...consumer, sub: 'officer-9' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body.errors).toEqual([
      { message: expect.stringMatching(/^rate limit of 3 requests per 60 s exceeded for this consumer; retry after \d+ s$/), extensions: { code: 'RATE_LIMITED', requestId: expect.any(String) } },
    ]);
    // Another organisation is another consumer.
    expect((await send({ role: 'ehc', org: `SCHOOL-${randomUUID()}` })).status).toBe(200);
  });
});

describe('the whole-authority queue', () => {
  it('with one place and one waiting slot, three at once: one runs, one waits its turn and runs, the third is refused at once', async () => {
    const queue = new WholeAuthorityQueue({ concurrency: 1, queue: 1, timeoutMs: 60_000 });
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = queue.run(async () => {
      order.push('first started');
      await new Promise<void>((resolve) => (finishFirst = resolve));
      order.push('first done');
    });
    const second = queue.run(async () => order.push('second ran'));
    await expect(queue.run(async () => order.push('third ran'))).rejects.toEqual(new QueueFullError(retryAfterSeconds));
    expect([queue.running, queue.waiting]).toEqual([1, 1]);
    finishFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first started', 'first done', 'second ran']);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('frees a place when its work fails, and a waiting slot when its caller hangs up', async () => {
    const queue = new WholeAuthorityQueue({ concurrency: 1, queue: 1, timeoutMs: 60_000 });
    await expect(queue.run(async () => Promise.reject(new Error('statement timeout')))).rejects.toThrow('statement timeout');
    expect(queue.running).toBe(0);
    let release!: () => void;
    const holding = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const hangUp = new AbortController();
    const waiting = queue.run(async () => 'never', hangUp.signal);
    hangUp.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect([queue.running, queue.waiting]).toEqual([1, 0]);
    // Its slot is free again for the next caller.
    const next = queue.run(async () => 'next');
    release();
    await holding;
    expect(await next).toBe('next');
  });
});

describe('the whole-authority queue over HTTP (CAREBRIDGE_BULK_CONCURRENCY=1, CAREBRIDGE_BULK_QUEUE=1)', () => {
  let api: TestService;
  beforeAll(async () => {
    api = await startTestService({ CAREBRIDGE_BULK_CONCURRENCY: '1', CAREBRIDGE_BULK_QUEUE: '1' });
  });
  afterAll(async () => api?.close());

  it('while one runs: an off-store compliance waits its turn and is answered; the next is 503 SERVICE_UNAVAILABLE with Retry-After, and so is an extract, before any byte', async () => {
    const release = holdThePlace(api);
    const waiting = post(api, { query: pastCompliance('2025-04-01', '2026-03-31') });
    await vi.waitFor(() => expect(api.service.wholeAuthority.waiting).toBe(1));

    const refused = await post(api, { query: pastCompliance('2025-04-01', '2026-03-31') });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(retryAfterSeconds));
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringMatching(/^This instance is busy with whole-authority work/),
        locations: [{ line: 1, column: 3 }],
        path: ['compliance'],
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) },
      },
    ]);
    const token = await api.token('bi', { org: 'BI-TEAM' });
    const extract = await fetch(`${api.service.url}/extract/children`, { headers: { authorization: `Bearer ${token}` } });
    expect(extract.status).toBe(503);
    expect(extract.headers.get('retry-after')).toBe(String(retryAfterSeconds));
    expect(extract.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await extract.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');

    await release();
    expectAccepted(await waiting);
    expect([api.service.wholeAuthority.running, api.service.wholeAuthority.waiting]).toEqual([0, 0]);
  });

  it('an extract whose client hangs up while waiting leaves the queue', async () => {
    const release = holdThePlace(api);
    const token = await api.token('social-care');
    const request = httpRequest(`${api.service.url}/extract/children`, { headers: { authorization: `Bearer ${token}` } });
    request.on('error', () => {});
    request.end();
    await vi.waitFor(() => expect(api.service.wholeAuthority.waiting).toBe(1));
    request.destroy();
    await vi.waitFor(() => expect(api.service.wholeAuthority.waiting).toBe(0));
    await release();
    // The place is free: the next extract runs whole.
    const next = await fetch(`${api.service.url}/extract/children`, { headers: { authorization: `Bearer ${token}` } });
    expect(next.status).toBe(200);
    await next.text();
  });
});

/** Sends `count` requests from one social worker to each service in turn; the statuses, in order. */
async function statuses(services: TestService[], sub: string, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await post(services[i % services.length]!, { query: '{ __typename }' }, { sub })).status);
  return seen;
}

describe.runIf(process.env.REDIS_URL)('the rate limit shared through Redis (REDIS_URL)', () => {
  const services: TestService[] = [];
  beforeAll(async () => {
    // A prefix of this run's own, so runs (and other files) never share counters.
    const environment = { REDIS_URL: process.env.REDIS_URL!, CAREBRIDGE_RATE_LIMIT: '3/60', CAREBRIDGE_RATE_LIMIT_PREFIX: `carebridge-test:${randomUUID()}` };
    services.push(await startTestService(environment), await startTestService(environment));
  });
  afterAll(async () => Promise.all(services.map((service) => service.close())));

  it('counts a consumer across instances: the 4th request, on either, is 429 with Retry-After', async () => {
    expect(await statuses(services, 'shared-reader', 4)).toEqual([200, 200, 200, 429]);
    const refused = await post(services[0]!, { query: '{ __typename }' }, { sub: 'shared-reader' });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('when Redis cannot be reached', () => {
  let api: TestService;
  beforeAll(async () => {
    // Nothing listens on port 1: every call to Redis fails at once.
    api = await startTestService({ REDIS_URL: 'redis://127.0.0.1:1', CAREBRIDGE_RATE_LIMIT: '2/60' });
  });
  afterAll(async () => api?.close());

  it('keeps answering, limited per instance in memory (the insurance limiter)', async () => {
    expect(await statuses([api], 'reader-during-outage', 3)).toEqual([200, 200, 429]);
  });
});

describe('hardening settings', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('defaults: limits, introspection for social-care, trusted documents allowed, 600 a minute in memory, 10 s statements', () => {
    const config = loadConfig({});
    expect(config.operationLimits).toEqual({ depth: 10, aliases: 15, tokens: 1000, directives: 20, cost: 100_000 });
    expect(config.introspection).toBe('social-care');
    expect(config.trustedDocuments).toEqual({ mode: 'allow', directory: path.resolve(new URL('../trusted-documents', import.meta.url).pathname) });
    expect(config.rateLimit).toEqual({ points: 600, durationSeconds: 60, redisUrl: undefined, keyPrefix: 'carebridge:rate' });
    expect(config.statementTimeoutMs).toBe(10_000);
    expect(config.bulk).toEqual({ concurrency: 2, queue: 4, timeoutMs: 600_000 });
    expect(loadConfig({ CAREBRIDGE_RATE_LIMIT: 'off' }).rateLimit).toBeNull();
  });

  it('reports every bad setting at once, naming the variable', () => {
    expect(
      problemsOf({
        CAREBRIDGE_MAX_DEPTH: '0',
        CAREBRIDGE_MAX_COST: 'lots',
        CAREBRIDGE_INTROSPECTION: 'partners',
        CAREBRIDGE_TRUSTED_DOCUMENTS: 'yes',
        CAREBRIDGE_RATE_LIMIT: '600 per minute',
        REDIS_URL: 'http://127.0.0.1:6379',
        CAREBRIDGE_STATEMENT_TIMEOUT_MS: '-1',
        CAREBRIDGE_BULK_CONCURRENCY: '0',
        CAREBRIDGE_BULK_QUEUE: 'many',
      }),
    ).toEqual([
      'CAREBRIDGE_MAX_DEPTH: Too small: expected number to be >=1',
      'CAREBRIDGE_MAX_COST: Invalid input: expected number, received NaN',
      'CAREBRIDGE_INTROSPECTION: Invalid option: expected one of "social-care"|"all"|"none"',
      'CAREBRIDGE_TRUSTED_DOCUMENTS: Invalid option: expected one of "off"|"allow"|"required"',
      'CAREBRIDGE_RATE_LIMIT: must be points/seconds, e.g. 600/60 (600 requests a minute per consumer), or off',
      'REDIS_URL: must be a redis:// or rediss:// URL',
      'CAREBRIDGE_STATEMENT_TIMEOUT_MS: Too small: expected number to be >=0',
      'CAREBRIDGE_BULK_CONCURRENCY: Too small: expected number to be >=1',
      'CAREBRIDGE_BULK_QUEUE: Invalid input: expected number, received NaN',
    ]);
  });

  it('registers each trusted document for its role folder, and every one is valid against the schema', async () => {
    const documents = await readTrustedDocuments(new URL('.', trustedRoot).pathname);
    const byRole = [...documents.values()].map((document) => [document.file, [...document.roles].sort()]);
    expect(byRole).toEqual([
      ['ehc/ChildCareStatus.graphql', ['ehc', 'health']],
      ['health/ChildByNhsNumber.graphql', ['health']],
      ['health/EmergencyCareStatus.graphql', ['health']],
      ['social-care/ChildLookup.graphql', ['social-care']],
      ['social-care/ChildLookupComputed.graphql', ['social-care']],
    ]);
    const schema = await buildCarebridgeSchema();
    for (const document of documents.values()) {
      expect(validate(schema, parse(document.text)), document.file).toEqual([]);
      // Each is usable by its roles: no field the contract's table denies them.
      for (const role of document.roles) {
        expect(forbiddenFieldsIn(parse(document.text), schema, { role, org: 'ORG', sub: 'reader', purpose: null, linkPurposes: [] }), `${document.file} ${role}`).toEqual([]);
      }
    }
    const emergency = [...documents.values()].find((document) => document.file === 'health/EmergencyCareStatus.graphql')!;
    expect(forbiddenFieldsIn(parse(emergency.text), schema, { role: 'health', org: 'A&E', sub: 'reader', purpose: 'EMERGENCY_CARE', linkPurposes: [] })).toEqual([]);
  });

  it('refuses at start-up a folder that is not a role and a document that does not parse', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'carebridge-trusted-'));
    mkdirSync(path.join(directory, 'police'));
    mkdirSync(path.join(directory, 'ehc'));
    writeFileSync(path.join(directory, 'ehc', 'Broken.graphql'), 'query { child(id: "1") { id }');
    await expect(readTrustedDocuments(directory)).rejects.toThrow(ConfigError);
    await readTrustedDocuments(directory).catch((error: ConfigError) => {
      expect(error.problems).toEqual([
        `CAREBRIDGE_TRUSTED_DOCUMENTS_DIR: ${path.join(directory, 'ehc', 'Broken.graphql')}: Syntax Error: Expected Name, found <EOF>.`,
        `CAREBRIDGE_TRUSTED_DOCUMENTS_DIR: ${path.join(directory, 'police')}: not a role (social-care, ehc, health, education, bi)`,
      ]);
    });
  });

  it.runIf(realPostgresUrl)('cancels a statement that runs past CAREBRIDGE_STATEMENT_TIMEOUT_MS on PostgreSQL', async () => {
    const database = await openDatabase({ url: realPostgresUrl, dataDir: '', ssdSchema: 'public', statementTimeoutMs: 100 });
    try {
      await expect(database.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    } finally {
      await database.close();
    }
  });
});

// A request's deadline (CAREBRIDGE_REQUEST_TIMEOUT_MS, PostgreSQL only: src/http/deadline.ts) and
// the queue: whole-authority work waits and runs under the longer CAREBRIDGE_BULK_TIMEOUT_MS from
// when it joins the queue; past that it is answered 503, leaves the queue, and nothing it would
// have read is logged as read.
describe.runIf(realPostgresUrl)('whole-authority work under the request deadline (PostgreSQL)', () => {
  let api: TestService;
  beforeAll(async () => {
    api = await startTestService({
      CAREBRIDGE_BULK_CONCURRENCY: '1',
      CAREBRIDGE_BULK_QUEUE: '2',
      CAREBRIDGE_REQUEST_TIMEOUT_MS: '300',
      CAREBRIDGE_BULK_TIMEOUT_MS: '1500',
    });
  });
  afterAll(async () => api?.close());

  const extractsLogged = async () =>
    Number((await api.service.database.query<{ n: string }>(`SELECT count(*) AS n FROM carebridge.access_log WHERE kind = 'BULK_EXTRACT'`))[0]!.n);

  it('waits past the 300 ms request deadline under the 1.5 s bulk one, and is answered', async () => {
    const release = holdThePlace(api);
    const answer = post(api, { query: pastCompliance('2025-04-01', '2026-03-31') });
    await vi.waitFor(() => expect(api.service.wholeAuthority.waiting).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 600));
    await release();
    expectAccepted(await answer);
  });

  it('past the bulk deadline: 503 SERVICE_UNAVAILABLE, out of the queue, and no extract logged as read', async () => {
    const release = holdThePlace(api);
    const before = await extractsLogged();
    const token = await api.token('social-care');
    const extract = fetch(`${api.service.url}/extract/children`, { headers: { authorization: `Bearer ${token}` } });
    const compliance = post(api, { query: pastCompliance('2025-04-01', '2026-03-31') });
    await vi.waitFor(() => expect(api.service.wholeAuthority.waiting).toBe(2));
    const [refusedExtract, refusedCompliance] = await Promise.all([extract, compliance]);
    expect([refusedExtract.status, refusedCompliance.status]).toEqual([503, 503]);
    expect(((await refusedExtract.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(refusedCompliance.body.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    // Answered: they left the queue, so the place passes to no one when released.
    expect(api.service.wholeAuthority.waiting).toBe(0);
    await release();
    expect([api.service.wholeAuthority.running, api.service.wholeAuthority.waiting]).toEqual([0, 0]);
    expect(await extractsLogged()).toBe(before);
  });
});
