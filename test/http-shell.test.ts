// The HTTP shell over real HTTP: health, readiness (503 once the database is unreachable, saying why),
// request ids, unknown routes, and a graceful stop.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { startService, type Service } from '../src/service.js';
import { createPostgresDatabase, realPostgresUrl } from './support/database.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let service: Service;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const server = realPostgresUrl ? await createPostgresDatabase(realPostgresUrl) : undefined;
  dropDatabase = server?.drop;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CAREBRIDGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'carebridge-http-')),
    CAREBRIDGE_DEMO_SEED: 'never',
    ...(server ? { DATABASE_URL: server.url } : {}),
  });
  service = await startService(config, createLogger('silent'));
  await service.started;
});
afterAll(async () => {
  await service?.stop();
  await dropDatabase?.();
});

describe('HTTP shell', () => {
  it('answers /healthz and /readyz, with a request id on every response', async () => {
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await fetch(`${service.url}/readyz`, { headers: { 'x-request-id': 'probe-1' } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toBe('probe-1');
  });

  it('replaces a request id that does not look like one', async () => {
    const response = await fetch(`${service.url}/healthz`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with 404 and wrong methods with 405, as JSON', async () => {
    const missing = await fetch(`${service.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not found' });
    expect((await fetch(`${service.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('reports not ready (503) once the database is unreachable, while /healthz stays up', async () => {
    await service.database.close();
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(503);
    // Why, in a fixed phrase: never the driver's message, the host or the user.
    expect(await ready.json()).toEqual({ status: 'database unreachable', reason: service.database.kind === 'postgres' ? 'connection closed' : 'the database refused the check' });
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });
});
