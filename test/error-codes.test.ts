// Error codes over real HTTP (issue 11, finding 10): a NUL character in an argument is the
// caller's mistake (BAD_USER_INPUT), never the database's (INTERNAL); an unknown persisted-query
// hash is Apollo's PERSISTED_QUERY_NOT_FOUND; a subscription (the schema has none) or a mutation
// field the schema lacks is a 400 BAD_USER_INPUT like any other validation failure; an identity
// provider whose keys cannot be fetched is 503 SERVICE_UNAVAILABLE, not the caller's fault.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, SignJWT } from 'jose';
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

  it('a body over 1 MiB is refused 413 BAD_USER_INPUT, and the next request is answered', async () => {
    const huge = await post({ query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]).toMatchObject({ message: 'request body larger than 1048576 bytes', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await post({ query: '{ __typename }' })).status).toBe(200);
  });

  it('a subscription, or a mutation field the schema lacks, is a 400 BAD_USER_INPUT', async () => {
    for (const query of ['subscription { childChanged { id } }', 'subscription { __typename }', 'mutation { deleteEverything }']) {
      const answer = await post({ query });
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors?.map((error) => error.extensions.code), query).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('an identity provider that cannot be reached', () => {
  let provider: Server;
  let api: TestService;
  const issuer = 'https://login.example.org/tenant/v2.0';
  const audience = 'api://carebridge';
  let token: string;

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('RS256');
    // Its key set answers 500: keys cannot be fetched, whatever the token.
    provider = createServer((_request, response) => response.writeHead(500).end('down'));
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const jwks = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/keys`;
    api = await startTestService({ CAREBRIDGE_AUTH_ISSUER: issuer, CAREBRIDGE_AUTH_JWKS_URL: jwks, CAREBRIDGE_AUTH_AUDIENCE: audience });
    token = await new SignJWT({ role: 'social-care' })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('worker')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => provider?.close(resolve));
  });

  it('is 503 SERVICE_UNAVAILABLE with Retry-After, not INTERNAL and not UNAUTHENTICATED', async () => {
    const response = await fetch(`${api.service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
  });
});
