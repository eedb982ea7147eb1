// Error codes over real HTTP (issue 11, finding 10): a NUL character in an argument is the
// caller's mistake (BAD_USER_INPUT), never the database's (INTERNAL); an unknown persisted-query
// hash is Apollo's PERSISTED_QUERY_NOT_FOUND; a subscription (the schema has none) or a mutation
// field the schema lacks is a 400 BAD_USER_INPUT like any other validation failure.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './support/service.js';

let api: TestService;

beforeAll(async () => {
  api = await startTestService();
});
afterAll(async () => api?.close());

async function post(body: Record<string, unknown>) {
  const response = await fetch(`${api.service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${await api.token('social-care')}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

describe('error codes', () => {
  it('a NUL character in an id, inline or as a variable, is BAD_USER_INPUT naming the argument', async () => {
    const inline = await post({ query: '{ child(id: "C\\u0000") { id } }' });
    expect(inline.status).toBe(400);
    expect(inline.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'id' }) })]);
    const variable = await post({ query: 'query ($id: ID!) { child(id: $id) { id } }', variables: { id: 'C\u0000' } });
    expect(variable.status).toBe(400);
    expect(variable.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'id' }) })]);
    const nhs = await post({ query: 'query ($n: String!) { childByNhsNumber(nhsNumber: $n) { id } }', variables: { n: '943\u0000' } });
    expect(nhs.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown persisted-query hash is PERSISTED_QUERY_NOT_FOUND', async () => {
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) })]);
    expect(unknown.status).toBe(200);
  });

  it('a subscription, or a mutation field the schema lacks, is a 400 BAD_USER_INPUT', async () => {
    for (const query of ['subscription { childChanged { id } }', 'subscription { __typename }', 'mutation { deleteEverything }']) {
      const answer = await post({ query });
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors?.map((error) => error.extensions.code), query).toEqual(['BAD_USER_INPUT']);
    }
  });
});
