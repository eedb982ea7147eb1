// Statements and round trips per request, pinned: every trusted document (trusted-documents/)
// and every README example that asks /graphql, sent over HTTP to a demo authority with a token of
// the role that would send it. A look-up is one statement (the child with every relation its
// operation reads), then the access log's group-committed write; a change shows in review.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/access/authentication.js';
import { outline, statementsOf } from './support/statements.js';
import { startTestService, type TestService } from './support/service.js';

let api: TestService;

interface Reader {
  role: Role;
  org?: string;
  purpose?: string;
}

interface Request {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  reader: Reader;
}

/** A child each kind of reader may see today, with the link that lets it. */
type Subject = {
  childId: string;
  nhsNumber: string | null;
  org: string | null;
  purpose: string | null;
};

async function subjectLinkedFor(purposes: string): Promise<Subject> {
  const [subject] = await api.service.database.query<Subject>(
    `SELECT l.cons_child_person_id AS "childId", p.pers_common_child_id AS "nhsNumber", l.cons_org_id AS org, l.cons_purpose AS purpose
     FROM carebridge.cb_consumer_link l JOIN ssd_person p ON p.pers_person_id = l.cons_child_person_id
     WHERE l.cons_purpose LIKE $1 AND l.cons_start_date <= current_date AND (l.cons_end_date IS NULL OR l.cons_end_date > current_date)
       AND p.pers_common_child_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM carebridge.cb_restriction r WHERE r.rest_person_id = l.cons_child_person_id)
     ORDER BY 1 LIMIT 1`,
    [purposes],
  );
  if (!subject) throw new Error(`the demo authority links no child for ${purposes}`);
  return subject;
}

const trustedDocumentsDir = path.resolve('trusted-documents');

async function trustedDocumentRequests(): Promise<Request[]> {
  const byRole: Partial<Record<Role, Subject>> = {
    ehc: await subjectLinkedFor('EHC%'),
    health: await subjectLinkedFor('HEALTH%'),
    'social-care': await subjectLinkedFor('%'),
  };
  const requests: Request[] = [];
  for (const role of readdirSync(trustedDocumentsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name as Role)) {
    for (const file of readdirSync(path.join(trustedDocumentsDir, role)).filter((name) => name.endsWith('.graphql')).sort()) {
      const query = readFileSync(path.join(trustedDocumentsDir, role, file), 'utf8');
      const subject = byRole[role];
      if (!subject) throw new Error(`no subject for ${role}`);
      // The emergency-care read finds any unrestricted child; every other partner read a linked one.
      const emergency = /EmergencyCare/.test(file);
      const reader: Reader =
        role === 'social-care' ? { role } : { role, org: subject.org ?? undefined, purpose: emergency ? 'EMERGENCY_CARE' : (subject.purpose ?? undefined) };
      const variables: Record<string, unknown> = {};
      if (/\$id\b/.test(query)) variables.id = subject.childId;
      if (/\$nhsNumber\b/.test(query)) variables.nhsNumber = subject.nhsNumber;
      requests.push({ name: `trusted-documents/${role}/${file}`, query, variables, reader });
    }
  }
  return requests;
}

/** The README's ```sh examples that ask /graphql: the token each mints and the body it posts. */
function readmeRequests(): Request[] {
  const readme = readFileSync('README.md', 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((block) => block.includes('/graphql'))
    .map((block, index) => {
      const token = /--role (\S+)(?: --org (\S+))?(?: --purpose (\S+))?/.exec(block);
      const body = /-d '(.*)'/.exec(block);
      if (!token || !body) throw new Error(`README example ${index + 1} mints no token or posts no body`);
      const { query, variables = {} } = JSON.parse(body[1]!) as { query: string; variables?: Record<string, unknown> };
      const name = /\{\s*(\w+)/.exec(query)?.[1] ?? 'query';
      return { name: `README example ${index + 1} (${token[1]}: ${name})`, query, variables, reader: { role: token[1] as Role, org: token[2], purpose: token[3] } };
    });
}

beforeAll(async () => {
  api = await startTestService({ CAREBRIDGE_DEMO_SEED: 'always', CAREBRIDGE_DEMO_CHILDREN: '200' });
  // Storing today's due dates runs in the background after start: its statements are not a request's.
  await api.service.dueDatesStored;
}, 240_000);

afterAll(async () => {
  await api?.close();
});

describe('statements and round trips per request', () => {
  it('every trusted document and README example: a look-up is one statement and the log write', async () => {
    const requests = [...(await trustedDocumentRequests()), ...readmeRequests()];
    expect(requests.filter((request) => request.name.startsWith('README')).length).toBeGreaterThanOrEqual(3);
    const pinned: Record<string, string[]> = {};
    const lookUps: string[] = [];
    for (const request of requests) {
      const token = await api.token(request.reader.role, { org: request.reader.org, purpose: request.reader.purpose });
      // The first sending plans and prepares; the second is what every later one costs.
      await api.query(request.query, request.variables, token);
      const { result, statements, roundTrips } = await statementsOf(api.service.database, () => api.query(request.query, request.variables, token));
      expect(result.body.errors, request.name).toBeUndefined();
      const outlined = statements.map(outline);
      // Sorted: independent root fields may send theirs in either order.
      pinned[request.name] = [...outlined].sort();
      if (!outlined[0]!.startsWith('look-up')) continue;
      // A look-up, then its log entry: two round trips, one after the other.
      lookUps.push(request.name);
      expect({ statements: outlined.length, roundTrips, then: outline(statements[1]!) }, request.name).toEqual({
        statements: 2,
        roundTrips: 2,
        then: 'insert into carebridge.access_notification and carebridge.access_log',
      });
    }
    expect(lookUps.length).toBeGreaterThanOrEqual(6);
    // Round trips of independent root fields depend on timing (and on the database: PGlite answers
    // one at a time), so the snapshot pins the statements.
    expect(pinned).toMatchSnapshot();
  });
});
