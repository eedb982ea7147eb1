// The access log and access notifications (issue 6, parts 4 and 5): what a request read is
// written in one INSERT, one row per child read, per refusal and per bulk extract; the log is
// append-only in the database itself (UPDATE, DELETE and TRUNCATE fail, even for the table's
// owner, on PGlite and on PostgreSQL); notifications are acknowledged once and never deleted;
// social-care reads both over real HTTP, newest first, and every other role is FORBIDDEN.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessRecord, writeAccessLog, type AccessReader } from '../src/access/access-log.js';
import { AccessTrailWriter, type AccessTrail } from '../src/access/access-trail.js';
import { raiseAccessNotifications } from '../src/access/notifications.js';
import { importFolder } from '../src/import/import-folder.js';
import type { Role } from '../src/access/authentication.js';
import { realPostgresUrl } from './support/database.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type TestService } from './support/service.js';

let api: TestService;

beforeAll(async () => {
  api = await startTestService();
});

afterAll(async () => {
  await api?.close();
});

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/;

function reader(overrides: Partial<AccessReader> = {}): AccessReader {
  return { subject: 'nurse-1', role: 'health', org: 'RX1', purpose: 'DIRECT_CARE', requestId: randomUUID(), ...overrides };
}

/** A child id of this test's own, so tests never see each other's rows. */
function childId(): string {
  return `T-${randomUUID().slice(0, 8)}`;
}

async function logRows(child: string) {
  return api.service.database.query<{ child_person_id: string | null; fields: string[]; outcome: string; kind: string | null; children_count: number | null; child_ids: string[] | null; subject: string; role: string; org: string | null; purpose: string | null; request_id: string }>(
    `SELECT child_person_id, to_jsonb(fields) AS fields, outcome, kind, children_count, to_jsonb(child_ids) AS child_ids, subject, role, org, purpose, request_id
     FROM carebridge.access_log WHERE child_person_id = $1 OR child_ids @> ARRAY[$1]::text[] ORDER BY id`,
    [child],
  );
}

/** The error code of a statement that must fail. */
async function failure(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return String((error as { code?: unknown }).code ?? (error as Error).message);
  }
  throw new Error('the statement succeeded');
}

const accessLogQuery = `query Log($childId: ID!, $first: Int, $after: String) {
  accessLog(childId: $childId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at role org subject purpose requestId fields outcome kind } }
  }
}`;

const notificationsQuery = `query Notifications($acknowledged: Boolean, $first: Int, $after: String) {
  accessNotifications(acknowledged: $acknowledged, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at childId org role childStatus acknowledged acknowledgedAt acknowledgedBy subject requestId } }
  }
}`;

const acknowledgeMutation = `mutation Ack($id: ID!) {
  acknowledgeAccessNotification(id: $id) { id childId acknowledged acknowledgedAt acknowledgedBy }
}`;

interface LogPage {
  accessLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; at: string; role: string; org: string | null; subject: string; purpose: string | null; requestId: string; fields: string[]; outcome: string; kind: string | null } }[];
  };
}

interface NotificationNode {
  id: string;
  at: string;
  childId: string;
  org: string | null;
  role: string;
  childStatus: string[];
  acknowledged: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  subject: string;
  requestId: string;
}

interface NotificationPage {
  accessNotifications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: NotificationNode }[];
  };
}

describe('AccessRecord and writeAccessLog', () => {
  it('write one row per child read (distinct fields, sorted), per refusal and per bulk extract, in one INSERT', async () => {
    const [a, b, c, d] = [childId(), childId(), childId(), childId()];
    const record = new AccessRecord();
    expect(record.isEmpty()).toBe(true);
    record.read(a, 'careStatus');
    record.read(a, 'dutyContact');
    record.read(a, 'careStatus');
    record.read(b, 'id');
    record.refused(c, 'NOT_LINKED');
    record.refused(c, 'NOT_LINKED');
    record.refused(d, 'FORBIDDEN_FIELD', ['placements', 'addresses']);
    record.bulk([a, c, c], 'BULK_EXTRACT', ['id', 'careStatus']);
    expect(record.isEmpty()).toBe(false);
    expect([...record.childrenRead].sort()).toEqual([a, b].sort());

    const statements: string[] = [];
    const listener = (text: string) => void statements.push(text);
    api.service.database.statementListeners.add(listener);
    const who = reader();
    try {
      await writeAccessLog(api.service.database, record, who);
    } finally {
      api.service.database.statementListeners.delete(listener);
    }
    expect(statements.filter((text) => /insert/i.test(text))).toHaveLength(1);
    expect(statements).toHaveLength(1);

    const reader_ = { subject: who.subject, role: who.role, org: who.org, purpose: who.purpose, request_id: who.requestId };
    expect(await logRows(a)).toEqual([
      { ...reader_, child_person_id: a, fields: ['careStatus', 'dutyContact'], outcome: 'READ', kind: null, children_count: null, child_ids: null },
      { ...reader_, child_person_id: null, fields: ['careStatus', 'id'], outcome: 'READ', kind: 'BULK_EXTRACT', children_count: 2, child_ids: [a, c] },
    ]);
    expect(await logRows(b)).toEqual([
      { ...reader_, child_person_id: b, fields: ['id'], outcome: 'READ', kind: null, children_count: null, child_ids: null },
    ]);
    expect((await logRows(c)).map((row) => [row.child_person_id, row.outcome, row.kind])).toEqual([
      [c, 'NOT_LINKED', null],
      [null, 'READ', 'BULK_EXTRACT'],
    ]);
    expect(await logRows(d)).toEqual([
      { ...reader_, child_person_id: d, fields: ['addresses', 'placements'], outcome: 'FORBIDDEN_FIELD', kind: null, children_count: null, child_ids: null },
    ]);
  });

  it('the row count equals the children read, and an empty record writes nothing', async () => {
    const children = Array.from({ length: 120 }, childId);
    const record = new AccessRecord();
    for (const child of children) {
      record.read(child, 'id');
      record.read(child, 'careStatus');
    }
    const who = reader({ role: 'social-care', org: null, purpose: null });
    await writeAccessLog(api.service.database, record, who);
    const [row] = await api.service.database.query<{ count: string | number; children: string | number }>(
      'SELECT count(*) AS count, count(DISTINCT child_person_id) AS children FROM carebridge.access_log WHERE request_id = $1',
      [who.requestId],
    );
    expect(Number(row?.count)).toBe(120);
    expect(Number(row?.children)).toBe(120);

    const statements: string[] = [];
    const listener = (text: string) => void statements.push(text);
    api.service.database.statementListeners.add(listener);
    try {
      await writeAccessLog(api.service.database, new AccessRecord(), reader());
    } finally {
      api.service.database.statementListeners.delete(listener);
    }
    expect(statements).toEqual([]);
  });

  it('inside a transaction, the log rows go with it: a failed request leaves no row', async () => {
    const child = childId();
    const record = new AccessRecord();
    record.read(child, 'id');
    await expect(
      api.service.database.transaction(async (session) => {
        await writeAccessLog(session, record, reader());
        throw new Error('the answer failed');
      }),
    ).rejects.toThrow('the answer failed');
    expect(await logRows(child)).toEqual([]);
  });
});

describe('the access log is append-only', () => {
  it('UPDATE, DELETE and TRUNCATE of carebridge.access_log each fail, even for the table owner', async () => {
    const child = childId();
    const record = new AccessRecord();
    record.read(child, 'id');
    await writeAccessLog(api.service.database, record, reader());
    const before = await logRows(child);
    expect(before).toHaveLength(1);

    const db = api.service.database;
    expect(await failure(db.query(`UPDATE carebridge.access_log SET subject = 'someone else' WHERE child_person_id = $1`, [child]))).toBe('42501');
    expect(await failure(db.query(`DELETE FROM carebridge.access_log WHERE child_person_id = $1`, [child]))).toBe('42501');
    expect(await failure(db.query('TRUNCATE carebridge.access_log'))).toBe('42501');
    expect(await failure(db.query('TRUNCATE carebridge.access_log CASCADE'))).toBe('42501');
    expect(await logRows(child)).toEqual(before);

    // Inserting still works after the refusals.
    const more = new AccessRecord();
    more.read(child, 'careStatus');
    await writeAccessLog(db, more, reader());
    expect(await logRows(child)).toHaveLength(2);
  });

  it.runIf(realPostgresUrl)('on PostgreSQL, a role granted every privilege still cannot UPDATE, DELETE or TRUNCATE it', async () => {
    const db = api.service.database;
    const role = `carebridge_test_writer_${process.pid}`;
    await db.query(`DROP ROLE IF EXISTS ${role}`);
    await db.query(`CREATE ROLE ${role} NOSUPERUSER`);
    try {
      await db.query(`GRANT USAGE ON SCHEMA carebridge TO ${role}`);
      await db.query(`GRANT ALL ON carebridge.access_log TO ${role}`);
      await db.query(`GRANT ALL ON SEQUENCE carebridge.access_log_id_seq TO ${role}`);
      const child = childId();
      const asRole = <T>(statement: string) =>
        db.transaction(async (session) => {
          await session.query(`SET LOCAL ROLE ${role}`);
          return session.query<T & Record<string, unknown>>(statement, statement.includes('$1') ? [child] : []);
        });
      await asRole(`INSERT INTO carebridge.access_log (subject, role, request_id, fields, outcome, child_person_id) VALUES ('s', 'health', 'r', '{}', 'READ', $1)`);
      expect(await asRole<{ n: number }>('SELECT count(*)::int AS n FROM carebridge.access_log WHERE child_person_id = $1')).toEqual([{ n: 1 }]);
      expect(await failure(asRole(`UPDATE carebridge.access_log SET subject = 'x' WHERE child_person_id = $1`))).toBe('42501');
      expect(await failure(asRole('DELETE FROM carebridge.access_log WHERE child_person_id = $1'))).toBe('42501');
      expect(await failure(asRole('TRUNCATE carebridge.access_log'))).toBe('42501');
      expect(await logRows(child)).toHaveLength(1);
    } finally {
      await db.query(`DROP OWNED BY ${role}`);
      await db.query(`DROP ROLE ${role}`);
    }
  });

  it('UPDATE, DELETE and TRUNCATE are not granted to PUBLIC', async () => {
    const rows = await api.service.database.query<{ privilege_type: string }>(
      `SELECT privilege_type FROM information_schema.role_table_grants
       WHERE table_schema = 'carebridge' AND table_name = 'access_log' AND grantee = 'PUBLIC'`,
    );
    expect(rows.map((row) => row.privilege_type)).not.toEqual(expect.arrayContaining(['UPDATE']));
    expect(rows.map((row) => row.privilege_type)).not.toEqual(expect.arrayContaining(['DELETE']));
    expect(rows.map((row) => row.privilege_type)).not.toEqual(expect.arrayContaining(['TRUNCATE']));
  });
});

describe('accessLog over HTTP', () => {
  it('pages a child\'s log newest first, with opaque cursors and a total count', async () => {
    const child = childId();
    const requestIds: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const record = new AccessRecord();
      record.read(child, `field${index}`);
      const who = reader({ requestId: `request-${index}-${randomUUID()}` });
      requestIds.push(who.requestId);
      await writeAccessLog(api.service.database, record, who);
    }
    const other = new AccessRecord();
    other.read(childId(), 'id');
    await writeAccessLog(api.service.database, other, reader());

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response = await api.query<LogPage>(accessLogQuery, { childId: child, first: 2, after });
      expect(response.body.errors).toBeUndefined();
      const page: LogPage['accessLog'] = response.body.data!.accessLog;
      expect(page.totalCount).toBe(5);
      for (const edge of page.edges) {
        expect(edge.node.at).toMatch(isoWithOffset);
        expect(edge.cursor).not.toContain(edge.node.id);
        expect(edge.node).toMatchObject({ role: 'health', org: 'RX1', subject: 'nurse-1', purpose: 'DIRECT_CARE', outcome: 'READ', kind: null });
        seen.push(edge.node.requestId);
      }
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...requestIds].reverse());
  });

  it('finds bulk extracts that list the child, and refusals', async () => {
    const child = childId();
    const record = new AccessRecord();
    record.refused(child, 'RESTRICTED');
    record.bulk([childId(), child], 'BULK_EXTRACT', ['careStatus']);
    await writeAccessLog(api.service.database, record, reader({ role: 'bi', org: 'BI1', purpose: null }));
    const response = await api.query<LogPage>(accessLogQuery, { childId: child });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.accessLog.edges.map((edge) => [edge.node.outcome, edge.node.kind, edge.node.fields])).toEqual([
      ['READ', 'BULK_EXTRACT', ['careStatus']],
      ['RESTRICTED', null, []],
    ]);
  });

  it('is empty for a child nobody read', async () => {
    const response = await api.query<LogPage>(accessLogQuery, { childId: childId() });
    expect(response.body.data!.accessLog).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it.each([
    [{ first: 501 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('child:C1').toString('base64url') }, 'after'],
  ])('refuses %o as BAD_USER_INPUT naming %s', async (variables, argument) => {
    const response = await api.query(accessLogQuery, { childId: 'C1', ...variables });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('accepts first: 500 and first: 0', async () => {
    for (const first of [500, 0]) {
      const response = await api.query<LogPage>(accessLogQuery, { childId: 'C1', first });
      expect(response.body.errors).toBeUndefined();
    }
  });
});

describe('access notifications', () => {
  it('are listed newest first, acknowledged once (the first time kept), filtered by acknowledged', async () => {
    const [a, b] = [childId(), childId()];
    const who = reader({ role: 'ehc', org: 'EHC', subject: 'ehc-officer', purpose: null });
    await raiseAccessNotifications(api.service.database, [
      { childId: a, status: ['CHILD_PROTECTION'] },
      { childId: b, status: ['CHILD_PROTECTION', 'CHILD_IN_CARE'] },
    ], who);

    const listed = await api.query<NotificationPage>(notificationsQuery, { acknowledged: false, first: 500 });
    expect(listed.body.errors).toBeUndefined();
    const mine = listed.body.data!.accessNotifications.edges.map((edge) => edge.node).filter((node) => [a, b].includes(node.childId));
    expect(mine.map((node) => node.childId)).toEqual([b, a]);
    expect(mine[0]).toMatchObject({
      org: 'EHC',
      role: 'ehc',
      subject: 'ehc-officer',
      requestId: who.requestId,
      childStatus: ['CHILD_PROTECTION', 'CHILD_IN_CARE'],
      acknowledged: false,
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    expect(mine[0]!.at).toMatch(isoWithOffset);
    const target = mine[1]!;

    const first = await api.query<{ acknowledgeAccessNotification: NotificationNode }>(acknowledgeMutation, { id: target.id });
    expect(first.body.errors).toBeUndefined();
    const acknowledged = first.body.data!.acknowledgeAccessNotification;
    expect(acknowledged).toMatchObject({ id: target.id, childId: a, acknowledged: true, acknowledgedBy: 'test-social-worker' });
    expect(acknowledged.acknowledgedAt).toMatch(isoWithOffset);

    const again = await api.query<{ acknowledgeAccessNotification: NotificationNode }>(
      acknowledgeMutation,
      { id: target.id },
      await api.token('social-care', { sub: 'another-social-worker' }),
    );
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.acknowledgeAccessNotification).toEqual(acknowledged);

    const open = await api.query<NotificationPage>(notificationsQuery, { acknowledged: false, first: 500 });
    expect(open.body.data!.accessNotifications.edges.map((edge) => edge.node.id)).not.toContain(target.id);
    const closed = await api.query<NotificationPage>(notificationsQuery, { acknowledged: true, first: 500 });
    expect(closed.body.data!.accessNotifications.edges.map((edge) => edge.node.id)).toContain(target.id);
    const all = await api.query<NotificationPage>(notificationsQuery, { first: 500 });
    expect(all.body.data!.accessNotifications.totalCount).toBe(
      open.body.data!.accessNotifications.totalCount + closed.body.data!.accessNotifications.totalCount,
    );
  });

  it('raise one notification per read, in one INSERT, and page with cursors', async () => {
    const children = Array.from({ length: 5 }, childId);
    const statements: string[] = [];
    const listener = (text: string) => void statements.push(text);
    api.service.database.statementListeners.add(listener);
    try {
      await raiseAccessNotifications(api.service.database, children.map((child) => ({ childId: child, status: ['CHILD_IN_CARE'] })), reader());
    } finally {
      api.service.database.statementListeners.delete(listener);
    }
    expect(statements).toHaveLength(1);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response = await api.query<NotificationPage>(notificationsQuery, { first: 2, after });
      expect(response.body.errors).toBeUndefined();
      const page: NotificationPage['accessNotifications'] = response.body.data!.accessNotifications;
      seen.push(...page.edges.map((edge) => edge.node.childId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.filter((child) => children.includes(child))).toEqual([...children].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('an unknown id is NOT_FOUND', async () => {
    for (const id of ['999999999', 'not-a-number', '0']) {
      const response = await api.query(acknowledgeMutation, { id });
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('a cursor of the access log is not one of the notifications', async () => {
    const child = childId();
    const record = new AccessRecord();
    record.read(child, 'id');
    await writeAccessLog(api.service.database, record, reader());
    const log = await api.query<LogPage>(accessLogQuery, { childId: child });
    const cursor = log.body.data!.accessLog.edges[0]!.cursor;
    const response = await api.query(notificationsQuery, { after: cursor });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('cannot be deleted or truncated, nor changed except by acknowledging', async () => {
    const child = childId();
    await raiseAccessNotifications(api.service.database, [{ childId: child, status: ['CHILD_PROTECTION'] }], reader());
    const db = api.service.database;
    const select = () => db.query('SELECT * FROM carebridge.access_notification WHERE child_person_id = $1', [child]);
    const before = await select();
    expect(before).toHaveLength(1);
    expect(await failure(db.query('DELETE FROM carebridge.access_notification WHERE child_person_id = $1', [child]))).toBe('42501');
    expect(await failure(db.query('TRUNCATE carebridge.access_notification'))).toBe('42501');
    expect(await failure(db.query(`UPDATE carebridge.access_notification SET org = 'X' WHERE child_person_id = $1`, [child]))).toBe('42501');
    expect(await select()).toEqual(before);

    await db.query(`UPDATE carebridge.access_notification SET acknowledged_at = now(), acknowledged_by = 'sw' WHERE child_person_id = $1`, [child]);
    expect(
      await failure(db.query(`UPDATE carebridge.access_notification SET acknowledged_by = 'someone else' WHERE child_person_id = $1`, [child])),
    ).toBe('42501');
    expect(await failure(db.query(`UPDATE carebridge.access_notification SET acknowledged_at = NULL WHERE child_person_id = $1`, [child]))).toBe('42501');
  });
});

describe('only social-care', () => {
  const partners: [Role, string | undefined][] = [
    ['ehc', 'EHC'],
    ['health', 'RX1'],
    ['education', '100001'],
    ['bi', 'BI1'],
  ];
  it.each(partners)('%s is FORBIDDEN accessLog, accessNotifications and acknowledgeAccessNotification', async (role, org) => {
    const token = await api.token(role, { org });
    const child = childId();
    await raiseAccessNotifications(api.service.database, [{ childId: child, status: ['CHILD_IN_CARE'] }], reader());
    const [notification] = await api.service.database.query<{ id: string }>(
      'SELECT id::text AS id FROM carebridge.access_notification WHERE child_person_id = $1',
      [child],
    );
    for (const [query, variables] of [
      [accessLogQuery, { childId: child }],
      [notificationsQuery, {}],
      [acknowledgeMutation, { id: notification!.id }],
    ] as const) {
      const response = await api.query(query, variables, token);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(response.body.data ?? null).toBeNull();
    }
    const [row] = await api.service.database.query<{ acknowledged_at: unknown }>(
      'SELECT acknowledged_at FROM carebridge.access_notification WHERE id = $1::bigint',
      [notification!.id],
    );
    expect(row?.acknowledged_at).toBeNull();
  });
});

describe('group commit: the entries of requests waiting together go in one statement', () => {
  const concurrent = 24;
  /** Counts the access-log INSERTs sent while `work` runs. */
  async function countingInserts<T>(work: () => Promise<T>): Promise<{ result: T; inserts: number }> {
    let inserts = 0;
    const listen = (text: string) => void (/insert into carebridge\.access_log/i.test(text) && inserts++);
    api.service.database.statementListeners.add(listen);
    try {
      return { result: await work(), inserts };
    } finally {
      api.service.database.statementListeners.delete(listen);
    }
  }
  const refuseEveryRow = () =>
    // A check no row passes (a rename would not do: a prepared statement is bound to the table itself).
    api.service.database.query('ALTER TABLE carebridge.access_log ADD CONSTRAINT refuse_every_row CHECK (request_id IS NULL) NOT VALID');
  const acceptRowsAgain = () => api.service.database.query('ALTER TABLE carebridge.access_log DROP CONSTRAINT refuse_every_row');

  const trailOf = async (requestId: string) => ({
    log: await api.service.database.query('SELECT role, child_person_id, to_jsonb(fields) AS fields, outcome FROM carebridge.access_log WHERE request_id = $1', [requestId]),
    notifications: await api.service.database.query('SELECT child_person_id, role, org, to_jsonb(child_status) AS child_status FROM carebridge.access_notification WHERE request_id = $1', [requestId]),
  });

  describe('AccessTrailWriter', () => {
    /** `concurrent` trails, every other one with a notification. */
    function trails(): AccessTrail[] {
      return Array.from({ length: concurrent }, (_, i) => {
        const child = childId();
        const record = new AccessRecord();
        record.read(child, 'careStatus');
        return { record, reader: reader(), notifying: i % 2 === 0 ? [{ childId: child, status: ['CHILD_IN_CARE'] }] : [] };
      });
    }
    const expectedTrail = (trail: AccessTrail) => ({
      log: [{ role: 'health', child_person_id: [...trail.record.childrenRead][0], fields: ['careStatus'], outcome: 'READ' }],
      notifications: trail.notifying.map((read) => ({ child_person_id: read.childId, role: 'health', org: 'RX1', child_status: ['CHILD_IN_CARE'] })),
    });

    it('writes the first trail at once and those that arrive meanwhile together in the next statement', async () => {
      const writer = new AccessTrailWriter(api.service.database);
      const written = trails();
      const { inserts } = await countingInserts(() => Promise.all(written.map((trail) => writer.write(trail))));
      expect(inserts).toBe(2);
      for (const trail of written) expect(await trailOf(trail.reader.requestId)).toEqual(expectedTrail(trail));
    });

    it('a failed statement fails every trail of its batch and writes none of it; the next batch is written', async () => {
      const writer = new AccessTrailWriter(api.service.database);
      const refused = trails();
      await refuseEveryRow();
      let outcomes;
      try {
        outcomes = await countingInserts(() => Promise.allSettled(refused.map((trail) => writer.write(trail))));
      } finally {
        await acceptRowsAgain();
      }
      expect(outcomes.inserts).toBe(2);
      expect(outcomes.result.map((outcome) => outcome.status)).toEqual(refused.map(() => 'rejected'));
      // Nothing half-written: not the notifications of the same statement either.
      for (const trail of refused) expect(await trailOf(trail.reader.requestId)).toEqual({ log: [], notifications: [] });
      const next = trails();
      await Promise.all(next.map((trail) => writer.write(trail)));
      for (const trail of next) expect(await trailOf(trail.reader.requestId)).toEqual(expectedTrail(trail));
    });
    it.skipIf(!realPostgresUrl)('a statement carrying others\' trails is not cancelled with the request that happened to start it', async () => {
      const writer = new AccessTrailWriter(api.service.database);
      const [first, second] = trails();
      // As a request's deadline does (src/http/deadline.ts): cancel every statement of its work.
      const request = api.service.database.cancellable(() => writer.write(first!));
      const waiting = writer.write(second!);
      request.cancel();
      await expect(request.result).resolves.toBeUndefined();
      await expect(waiting).resolves.toBeUndefined();
      expect((await trailOf(first!.reader.requestId)).log).toHaveLength(1);
    });
  });

  describe('over HTTP', () => {
    // G1 is on a CP plan and linked to the health trust RX1 (a health read of it notifies); G2 is on no plan.
    const extract = {
      'ssd_person.csv': ['pers_person_id,pers_forename,pers_surname,pers_dob,pers_common_child_id', 'G1,Gil,Able,2015-01-01,9990000026', 'G2,Gus,Baker,2014-01-01,9990000034'],
      'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', 'GR1,G1,2024-01-02', 'GR2,G2,2024-01-02'],
      'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'GCP1,G1,2024-02-01'],
      'cb_consumer_link.csv': ['cons_link_id,cons_org_id,cons_child_person_id,cons_purpose,cons_start_date,cons_end_date', 'GL1,RX1,G1,HEALTH_CARE,2024-01-01,'],
    };
    let tokens: { socialCare: string; health: string };

    beforeAll(async () => {
      const report = await importFolder(api.service.database, { dir: writeExtract(extract), labels: api.config.labels });
      expect(report.ok, JSON.stringify(report)).toBe(true);
      tokens = { socialCare: await api.token('social-care', { org: 'LA' }), health: await api.token('health', { org: 'RX1' }) };
    });

    /** One look-up over real HTTP, under a request id of the test's own. */
    async function lookUp(token: string, child: string, fields: string) {
      const requestId = `gc-${randomUUID()}`;
      const response = await fetch(`${api.service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
        body: JSON.stringify({ query: `{ child(id: "${child}") { ${fields} } }` }),
      });
      return { requestId, status: response.status, text: await response.text() };
    }

    /** `concurrent` look-ups at once: a health trust's reads of G1 (each notifies) and a social worker's of G1 and G2 (none does). */
    const lookUpsAtOnce = () =>
      countingInserts(() =>
        Promise.all(
          Array.from({ length: concurrent }, async (_, i) => {
            const asked = i % 3 === 0
              ? { token: tokens.health, role: 'health', child: 'G1', fields: 'forename careStatus { kinds }', notifies: true }
              : { token: tokens.socialCare, role: 'social-care', child: i % 3 === 1 ? 'G1' : 'G2', fields: 'id forename', notifies: false };
            return { ...asked, ...(await lookUp(asked.token, asked.child, asked.fields)) };
          }),
        ),
      );

    it('every entry and notification is written and correct, in no more statements than requests', async () => {
      const { result: answers, inserts } = await lookUpsAtOnce();
      for (const answer of answers) {
        expect(answer.status, answer.text).toBe(200);
        expect(JSON.parse(answer.text).data.child.forename).toBe(answer.child === 'G1' ? 'Gil' : 'Gus');
        expect(await trailOf(answer.requestId), answer.requestId).toEqual({
          log: [{ role: answer.role, child_person_id: answer.child, fields: answer.notifies ? ['careStatus', 'forename'] : ['forename', 'id'], outcome: 'READ' }],
          notifications: answer.notifies ? [{ child_person_id: 'G1', role: 'health', org: 'RX1', child_status: ['CHILD_PROTECTION'] }] : [],
        });
      }
      // Log and notifications in one statement (before: two, in a transaction, for each health read). How
      // many requests share one depends on timing: in-process PGlite often answers each before the next is ready.
      expect(inserts).toBeGreaterThan(0);
      expect(inserts).toBeLessThanOrEqual(concurrent);
    });

    it('when the log cannot be written every answer is INTERNAL with no data, nothing is written, and the next requests succeed', async () => {
      await refuseEveryRow();
      let refused;
      try {
        refused = await lookUpsAtOnce();
      } finally {
        await acceptRowsAgain();
      }
      for (const answer of refused.result) {
        expect(answer.status, answer.text).toBe(500);
        const body = JSON.parse(answer.text) as { data?: unknown; errors: { extensions: { code: string } }[] };
        expect(body.data).toBeUndefined();
        expect(body.errors.map((error) => error.extensions.code)).toEqual(['INTERNAL']);
        expect(answer.text).not.toMatch(/Gil|Gus|G1|G2|insert/i);
        expect(await trailOf(answer.requestId)).toEqual({ log: [], notifications: [] });
      }
      for (const answer of (await lookUpsAtOnce()).result) {
        expect(answer.status, answer.text).toBe(200);
        expect((await trailOf(answer.requestId)).log).toHaveLength(1);
      }
    });
  });
});
