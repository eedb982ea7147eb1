// The real service on a port of its own, over its own database (see database.ts), with demo
// tokens for any role and a small GraphQL client over real HTTP: `query` takes a string,
// `run` a typed document generated from test/operations (see codegen.ts).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { signDemoToken, type Role } from '../../src/access/authentication.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startService, type Service } from '../../src/service.js';
import { createPostgresDatabase, realPostgresUrl } from './database.js';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  body: { data?: T | null; errors?: { message: string; path?: string[]; extensions: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

export interface TestService {
  service: Service;
  config: Config;
  token(role: Role, claims?: { org?: string; purpose?: string; sub?: string }): Promise<string>;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphqlResponse<T>>;
  /** A generated document (codegen/graphql.ts): variables and `data` are typed by the operation. */
  run<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, token?: string | null): Promise<GraphqlResponse<TData>>;
  close(): Promise<void>;
}

export async function startTestService(environment: Record<string, string> = {}): Promise<TestService> {
  const server = realPostgresUrl ? await createPostgresDatabase(realPostgresUrl) : undefined;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CAREBRIDGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'carebridge-service-')),
    CAREBRIDGE_DEMO_SEED: 'never',
    ...(server ? { DATABASE_URL: server.url } : {}),
    ...environment,
  });
  const service = await startService(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  await service.started;
  // Demo tokens exist only in demo auth mode; a service in real mode is asked with tokens of the test's own.
  const defaultToken = config.auth.mode === 'demo' ? await signDemoToken(config, { role: 'social-care', sub: 'test-social-worker' }) : null;
  const post: TestService['query'] = async (query, variables, token = defaultToken) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), cacheControl: response.headers.get('cache-control'), body: (await response.json()) as GraphqlResponse<never>["body"] };
  };
  return {
    service,
    config,
    token: (role, claims = {}) => signDemoToken(config, { role, sub: claims.sub ?? `test-${role}`, org: claims.org, purpose: claims.purpose }),
    query: post,
    run: <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, token?: string | null) =>
      post<TData>(print(document), variables as Record<string, unknown>, token),
    close: async () => {
      await service.stop();
      await server?.drop();
    },
  };
}
