// SIGTERM on a stalled database (issue 11, finding 5), with the real built server (node
// dist/main.js; `npm run build` first), PostgreSQL only: the server reaches PostgreSQL through a
// TCP proxy (support/fault-proxy.ts) that is stalled while requests are in flight. The process
// exits within its grace (CAREBRIDGE_SHUTDOWN_GRACE_MS) whatever the database does; requests
// whose deadline (CAREBRIDGE_REQUEST_TIMEOUT_MS) comes first are answered 503 before it exits.

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDemoToken } from '../src/access/authentication.js';
import { loadConfig } from '../src/config.js';
import { createPostgresDatabase, realPostgresUrl } from './support/database.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';

const graceMs = 2000;

describe.runIf(realPostgresUrl)('SIGTERM with requests in flight on a stalled database (PostgreSQL, built server)', () => {
  let proxy: FaultProxy;
  let databaseUrl: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const server = await createPostgresDatabase(realPostgresUrl!);
    drop = server.drop;
    const direct = new URL(server.url);
    proxy = await startFaultProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    databaseUrl = proxy.url(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await drop?.();
  });

  /** Starts dist/main.js, stalls the database under three requests, sends SIGTERM: what happened, timed. */
  async function terminateWhileStalled(requestTimeoutMs: number) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'carebridge-shutdown-'));
    const environment = {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      CAREBRIDGE_DATA_DIR: dataDir,
      CAREBRIDGE_DEMO_SEED: 'never',
      CAREBRIDGE_SHUTDOWN_GRACE_MS: String(graceMs),
      CAREBRIDGE_REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
      LOG_LEVEL: 'info',
    };
    const child = spawn(process.execPath, [path.resolve('dist/main.js')], { env: { PATH: process.env.PATH, ...environment }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout });
    let port = 0;
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as { msg: string; port?: number };
        if (entry.port) port = entry.port;
        if (entry.msg === 'ready') resolve();
      });
      void exited.then(() => reject(new Error('the server exited before it was ready')));
    });
    const config = loadConfig({ CAREBRIDGE_DATA_DIR: dataDir });
    const token = await signDemoToken(config, { role: 'social-care', sub: 'test-social-worker' });
    proxy.stall();
    const sent = performance.now();
    const inFlight = Array.from({ length: 3 }, async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ children(first: 5) { totalCount } }' }),
        });
        await response.text();
        return { outcome: String(response.status), ms: Math.round(performance.now() - sent) };
      } catch {
        return { outcome: 'connection closed', ms: Math.round(performance.now() - sent) };
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const terminated = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    const exitMs = Math.round(performance.now() - terminated);
    const answers = await Promise.all(inFlight);
    await proxy.resume();
    return { code, exitMs, answers };
  }

  it.each([
    { deadlineMs: 30_000, requests: 'connection closed', when: 'the requests would outlast the grace: their connections are closed' },
    { deadlineMs: 1000, requests: '503', when: 'the requests\' deadline comes first: they are answered 503' },
  ])('exits 0 within its grace when $when', async ({ deadlineMs, requests }) => {
    const { code, exitMs, answers } = await terminateWhileStalled(deadlineMs);
    console.info(`SIGTERM, 3 requests in flight, database stalled, deadline ${deadlineMs} ms, grace ${graceMs} ms: exit ${code} after ${exitMs} ms; requests: ${JSON.stringify(answers)}`);
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(graceMs + 1000);
    expect(answers.map((answer) => answer.outcome)).toEqual([requests, requests, requests]);
  }, 60_000);
});
