// GraphQL over HTTP conformance: graphql-http's server audits run against the real service
// (its own database, real HTTP), every request carrying a social worker's token, since without
// one every request is refused with 401 before GraphQL is reached.
//
// Each MUST audit is a test of its own and has to pass. The SHOULD and MAY audits that are not
// met are pinned in `knownShortfalls`: a change either way (one newly met, or a new shortfall)
// fails, so that docs/graphql-over-http.md, which explains each SHOULD, is kept true.

import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './support/service.js';

let api: TestService;
let token: string;

beforeAll(async () => {
  api = await startTestService();
  token = await api.token('social-care');
});
afterAll(async () => api?.close());

/** The audits' own requests, with the token added (the audits send no Authorization header). */
const fetchWithToken: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

// The URL is asked for when each audit runs, so the audits can be listed before the service starts.
const audits = serverAudits({ url: () => `${api.service.url}/graphql`, fetchFn: fetchWithToken });
const mustAudits = audits.filter((audit) => audit.name.startsWith('MUST '));
const otherAudits = audits.filter((audit) => !audit.name.startsWith('MUST '));

/**
 * SHOULD and MAY audits not met, as graphql-http 1.23.1 words them, in the suite's order. Why
 * each SHOULD is not met: docs/graphql-over-http.md. The MAY ones are GET requests without a
 * content-type or an Apollo preflight header, refused by Apollo's CSRF prevention (400).
 */
const knownShortfalls = [
  {
    id: '47DE',
    name: 'SHOULD accept */* and use application/json for the content-type',
    status: 'warn',
    reason: 'Response header content-type does not contain application/json',
  },
  {
    id: '80D8',
    name: 'SHOULD assume application/json content-type when accept is missing',
    status: 'warn',
    reason: 'Response header content-type does not contain application/json',
  },
  { id: '5A70', name: 'MAY accept application/x-www-form-urlencoded formatted GET requests', status: 'notice', reason: 'Response status code is not 200' },
  {
    id: 'D6D5',
    name: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
    status: 'notice',
    reason: 'Response status code is not 200',
  },
  {
    id: '6A70',
    name: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
    status: 'notice',
    reason: 'Response status code is not 200',
  },
  { id: '572B', name: 'SHOULD use 200 status code on document parsing failure when accepting application/json', status: 'warn', reason: 'Response status code is not 200' },
  { id: 'FDE2', name: 'SHOULD use 200 status code on document validation failure when accepting application/json', status: 'warn', reason: 'Response status code is not 200' },
  {
    id: '7B9B',
    name: 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
    status: 'warn',
    reason: 'Response status code is not 200',
  },
];

/** What went wrong, with the response, for a failure message. */
async function explain(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  let body: string;
  try {
    body = (await result.response.clone().text()).slice(0, 600);
  } catch {
    body = '(body already read by the audit)';
  }
  return `${result.reason}; HTTP ${result.response.status} ${result.response.headers.get('content-type') ?? '(no content-type)'}: ${body}`;
}

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  it('the suite has audits of every level', () => {
    expect(mustAudits.length).toBeGreaterThan(0);
    expect(otherAudits.some((audit) => audit.name.startsWith('SHOULD '))).toBe(true);
    expect(otherAudits.some((audit) => audit.name.startsWith('MAY '))).toBe(true);
  });

  for (const audit of mustAudits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status, await explain(result)).toBe('ok');
    });
  }

  it('SHOULD and MAY audits: exactly the known shortfalls are not met', async () => {
    const shortfalls: typeof knownShortfalls = [];
    const details: string[] = [];
    for (const audit of otherAudits) {
      const result = await audit.fn();
      if (result.status === 'ok') continue;
      shortfalls.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason });
      details.push(`${audit.id} ${await explain(result)}`);
    }
    expect(shortfalls, details.join('\n')).toEqual(knownShortfalls);
  });
});
