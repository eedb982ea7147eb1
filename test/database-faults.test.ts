// The service under database faults (issue 11, findings 3 and 5), PostgreSQL only: PGlite runs
// in-process and can neither stall nor go away. The service reaches PostgreSQL through a TCP
// proxy of the test's own (support/fault-proxy.ts) that can stall (bytes held, sockets open),
// stop (connections dropped, new ones refused) and resume.
//
// - Every failure is provoked for real (a statement timeout, a renamed table, a failed
//   access-log write, an outage) and every log line is scanned: none may carry a child's id,
//   NHS number, name or date of birth, nor a `parameters`, `query`, `args` or `params` key.
// - A stalled database: a request gets 503 SERVICE_UNAVAILABLE with Retry-After at its
//   deadline; later ones at once; /readyz says why; once it is back, requests succeed again.
// - A stopped database: 503 at once (GraphQL and the extracts), /readyz says "connection
//   refused"; back, it recovers.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDemoToken } from '../src/access/authentication.js';
import { loadConfig, type Config } from '../src/config.js';
import { generateAuthority } from '../src/generate/authority.js';
import { importFolder } from '../src/import/import-folder.js';
import { createLogger } from '../src/log.js';
import { startService, type Service } from '../src/service.js';
import { createPostgresDatabase, realPostgresUrl } from './support/database.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';

const requestTimeoutMs = 1500;
const statementTimeoutMs = 400;

type ChildInPlay = {
  id: string;
  nhs: string | null;
  forename: string | null;
  surname: string | null;
  dob: string | null;
};

describe.runIf(realPostgresUrl)('the service under database faults (PostgreSQL)', () => {
  let proxy: FaultProxy;
  let drop: () => Promise<void>;
  let service: Service;
  let config: Config;
  let admin: postgres.Sql;
  let token: string;
  let children: ChildInPlay[];
  const logLines: string[] = [];

  beforeAll(async () => {
    const server = await createPostgresDatabase(realPostgresUrl!);
    drop = server.drop;
    const direct = new URL(server.url);
    proxy = await startFaultProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      CAREBRIDGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'carebridge-faults-')),
      CAREBRIDGE_DEMO_SEED: 'never',
      DATABASE_URL: proxy.url(server.url),
      CAREBRIDGE_REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
      CAREBRIDGE_STATEMENT_TIMEOUT_MS: String(statementTimeoutMs),
      CAREBRIDGE_RATE_LIMIT: 'off',
    });
    service = await startService(config, createLogger('info', { write: (line: string) => void logLines.push(line) }));
    await service.started;
    const generated = mkdtempSync(path.join(tmpdir(), 'carebridge-faults-extract-'));
    await generateAuthority({ children: 30, seed: 3, asOf: '2026-03-31', out: generated });
    expect((await importFolder(service.database, { dir: generated, labels: config.labels })).ok).toBe(true);
    children = await service.database.query<ChildInPlay>(
      `SELECT pers_person_id AS id, pers_common_child_id AS nhs, pers_forename AS forename, pers_surname AS surname, pers_dob::text AS dob
       FROM ssd_person JOIN carebridge.child ON person_id = pers_person_id
       WHERE pers_common_child_id IS NOT NULL ORDER BY pers_person_id LIMIT 3`,
    );
    expect(children).toHaveLength(3);
    admin = postgres(server.url, { max: 2, onnotice: () => {} });
    token = await signDemoToken(config, { role: 'social-care', sub: 'test-social-worker' });
  }, 120_000);

  afterAll(async () => {
    await proxy?.resume();
    await service?.stop();
    await admin?.end();
    await proxy?.close();
    await drop?.();
  });

  /** One child read by id and by NHS number, every personal field asked: its id and NHS number are SQL parameters. */
  async function readChild(child: ChildInPlay) {
    const started = performance.now();
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'query ($id: ID!, $nhs: String!) { child(id: $id) { id nhsNumber forename surname dateOfBirth } childByNhsNumber(nhsNumber: $nhs) { id } }',
        variables: { id: child.id, nhs: child.nhs ?? '0000000000' },
      }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body, ms: Math.round(performance.now() - started) };
  }

  async function readiness() {
    const started = performance.now();
    const response = await fetch(`${service.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string; reason?: string }, ms: Math.round(performance.now() - started) };
  }

  /** Polls until a read succeeds; how long that took. */
  async function recovery(child: ChildInPlay): Promise<number> {
    const started = performance.now();
    for (;;) {
      const answer = await readChild(child);
      if (answer.status === 200 && !answer.body.errors) return Math.round(performance.now() - started);
      expect(answer.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(15_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const codes = (answer: Awaited<ReturnType<typeof readChild>>) => answer.body.errors?.map((error) => error.extensions.code) ?? [];

  it('answers while the database is up', async () => {
    for (const child of children) {
      const answer = await readChild(child);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ data: { child: { id: child.id }, childByNhsNumber: { id: child.id } } });
    }
  });

  it('a statement past its time limit (a lock held elsewhere) is 503 SERVICE_UNAVAILABLE', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const transaction = admin.begin(async (sql) => {
      await sql`LOCK TABLE ssd_person IN ACCESS EXCLUSIVE MODE`;
      locked();
      await released;
    });
    await holding;
    try {
      const answer = await readChild(children[0]!);
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(codes(answer)).toContain('SERVICE_UNAVAILABLE');
      // An extract too, before its first byte: the same 503, not a 500.
      const extract = await fetch(`${service.url}/extract/children`, { headers: { authorization: `Bearer ${token}` } });
      expect(extract.status).toBe(503);
      expect(extract.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await extract.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      release();
      await transaction;
    }
  });

  it('cancels the statements of abandoned work (a transaction without a statement timeout)', async () => {
    const started = performance.now();
    const work = service.database.cancellable(() =>
      service.database.transaction(async (session) => {
        await session.query('SET LOCAL statement_timeout = 0');
        await session.query('SELECT pg_sleep(5)');
      }),
    );
    setTimeout(() => work.cancel(), 300);
    await expect(work.result).rejects.toMatchObject({ code: '57014' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a renamed table is INTERNAL, with no SQL in the answer', async () => {
    await admin`ALTER TABLE ssd_person RENAME TO ssd_person_away`;
    try {
      const answer = await readChild(children[1]!);
      expect(codes(answer)).toContain('INTERNAL');
      expect(JSON.stringify(answer.body)).not.toMatch(/ssd_person|select/i);
    } finally {
      await admin`ALTER TABLE ssd_person_away RENAME TO ssd_person`;
    }
  });

  it('a failed access-log write withholds the answer', async () => {
    // A check no row passes (a rename would not do: the INSERT is a prepared statement, bound to
    // the table itself); PostgreSQL's error then quotes the whole row, child id included.
    await admin`ALTER TABLE carebridge.access_log ADD CONSTRAINT refuse_every_row CHECK (request_id IS NULL) NOT VALID`;
    try {
      const answer = await readChild(children[2]!);
      expect(answer.status).toBe(500);
      expect(answer.body.data).toBeUndefined();
      expect(codes(answer)).toEqual(['INTERNAL']);
    } finally {
      await admin`ALTER TABLE carebridge.access_log DROP CONSTRAINT refuse_every_row`;
    }
  });

  it('a stalled database: 503 at the deadline, then at once, /readyz says why, and it recovers once back', async () => {
    proxy.stall();
    try {
      const first = await readChild(children[0]!);
      expect(first.status).toBe(503);
      expect(codes(first)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(first.retryAfter).toMatch(/^\d+$/);
      expect(first.ms).toBeGreaterThanOrEqual(requestTimeoutMs - 50);
      expect(first.ms).toBeLessThan(requestTimeoutMs + 1500);
      // The check after the missed deadline (2 s) finds the database unreachable.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const next = await readChild(children[1]!);
      expect(next.status).toBe(503);
      expect(codes(next)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(next.ms).toBeLessThan(500);
      const ready = await readiness();
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'database unreachable', reason: expect.any(String) });
      expect(ready.body.reason).not.toMatch(/postgres|127\.0\.0\.1|password/);
      console.info(`stalled: first request 503 in ${first.ms} ms (deadline ${requestTimeoutMs} ms), next 503 in ${next.ms} ms, /readyz 503 in ${ready.ms} ms (${ready.body.reason})`);
    } finally {
      await proxy.resume();
    }
    const recovered = await recovery(children[0]!);
    console.info(`stalled, then back: reads answer 200 again after ${recovered} ms`);
    expect((await readiness()).status).toBe(200);
  }, 30_000);

  it('a stopped database: 503 at once, /readyz says the connection is refused, and it recovers once back', async () => {
    await proxy.stop();
    try {
      const first = await readChild(children[0]!);
      expect(first.status).toBe(503);
      expect(new Set(codes(first))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(first.retryAfter).toMatch(/^\d+$/);
      const ready = await readiness();
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'database unreachable', reason: 'connection refused' });
      const next = await readChild(children[1]!);
      expect(next.status).toBe(503);
      expect(next.ms).toBeLessThan(500);
      const extract = await fetch(`${service.url}/extract/children`, { headers: { authorization: `Bearer ${token}` } });
      expect(extract.status).toBe(503);
      expect(extract.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await extract.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
      console.info(`stopped: first request 503 in ${first.ms} ms, next 503 in ${next.ms} ms, /readyz 503 in ${ready.ms} ms (${ready.body.reason})`);
    } finally {
      await proxy.resume();
    }
    const recovered = await recovery(children[0]!);
    console.info(`stopped, then back: reads answer 200 again after ${recovered} ms`);
  }, 30_000);

  it('no log line carries a child in play or an SQL parameter', () => {
    const text = logLines.join('');
    for (const child of children) {
      for (const value of [child.id, child.nhs, child.forename, child.surname, child.dob]) {
        if (value) expect(text, `a log line carries ${value}`).not.toContain(value);
      }
    }
    const forbiddenKeys = new Set(['parameters', 'query', 'args', 'params']);
    const keysOf = (value: unknown): string[] =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]) : [];
    for (const line of logLines) {
      const keys = keysOf(JSON.parse(line));
      expect(keys.filter((key) => forbiddenKeys.has(key)), line).toEqual([]);
      expect(line).not.toMatch(/select |insert into|\$1/i);
    }
    // An error met while answering a request names the request (and nothing else of it).
    const resolverFailed = logLines.map((line) => JSON.parse(line) as { msg: string; requestId?: string }).find((entry) => entry.msg === 'resolver failed');
    expect(resolverFailed?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Every failure above was logged (so the scan scanned something).
    for (const message of ['resolver failed', 'access log not written: answer withheld', 'request deadline passed', 'readiness check: database unreachable']) {
      expect(text).toContain(message);
    }
  });
});
