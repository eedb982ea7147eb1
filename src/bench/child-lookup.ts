// Benchmark: a partner's look-up of one child by NHS number, over real HTTP on loopback
// (autocannon), on the configured database. An empty database is first filled with a
// generated authority of --children children. Then what access costs each request: verifying
// the token, and writing the access log entry and notification, measured alone on the same
// database and set against the request's median latency. Results: bench/results/child-lookup-<db>.json.

import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { createAuthenticator, signDemoToken } from '../access/authentication.js';
import { AccessRecord, writeAccessLog } from '../access/access-log.js';
import { raiseAccessNotifications } from '../access/notifications.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { createLogger } from '../log.js';
import { benchService, runBenchmark, saveFigures } from './authority.js';

const healthTrust = 'RX1';

const query = `query ($nhsNumber: String!) {
  childByNhsNumber(nhsNumber: $nhsNumber) {
    id forename surname dateOfBirth
    careStatus { kinds legalBasis legalStatusCode isDualStatus localAuthorityHasParentalResponsibility }
    keyContacts { role name team }
    dutyContact { team phone outOfHoursPhone }
  }
}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '8' },
      out: { type: 'string', default: 'bench/results' },
    },
  });
  const { service, config, total } = await benchService(Number(values.children));
  const { database } = service;
  try {
    // Children the health trust may see today: linked to it, not restricted.
    const sample = await database.query<{ nhs: string; id: string }>(
      `SELECT p.pers_common_child_id AS nhs, c.person_id AS id FROM carebridge.child c JOIN ssd_person p ON p.pers_person_id = c.person_id
       WHERE p.pers_common_child_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM carebridge.cb_consumer_link l WHERE l.cons_child_person_id = c.person_id AND l.cons_org_id = $1
                     AND l.cons_start_date <= current_date AND (l.cons_end_date IS NULL OR l.cons_end_date > current_date))
         AND NOT EXISTS (SELECT 1 FROM carebridge.cb_restriction r WHERE r.rest_person_id = c.person_id)
       ORDER BY md5(c.person_id) LIMIT 2000`,
      [healthTrust],
    );
    if (sample.length === 0) throw new Error(`no child is linked to ${healthTrust}`);
    const claims = { role: 'health', sub: 'bench', org: healthTrust } as const;
    const token = await signDemoToken(config, claims);
    let statements = 0;
    const count = () => statements++;
    database.statementListeners.add(count);
    let next = 0;
    const result = await autocannon({
      url: `${service.url}/graphql`,
      connections: Number(values.connections),
      duration: Number(values.duration),
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ query, variables: { nhsNumber: sample[next++ % sample.length]!.nhs } }),
          }),
        },
      ],
    });
    database.statementListeners.delete(count);
    const access = await accessCost(config, database, token, sample.map((child) => child.id));
    const figures = {
      benchmark: 'child look-up by NHS number (childByNhsNumber, 14 fields) by a health trust linked to the child',
      database: database.kind,
      children: total,
      connections: Number(values.connections),
      durationSeconds: Number(values.duration),
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx,
      errors: result.errors,
      sqlStatementsPerRequest: Number((statements / Math.max(1, result.requests.total)).toFixed(2)),
      accessPerRequestMs: access,
      accessShareOfMedianLatency: Number(((access.verifyToken + access.writeLogAndNotification) / Math.max(result.latency.p50, 0.001)).toFixed(3)),
      node: process.version,
      at: new Date().toISOString(),
    };
    saveFigures(values.out, 'child-lookup', database.kind, figures);
  } finally {
    await service.stop();
  }
}

/** Mean milliseconds, alone and one after another, of verifying a token and of writing one read's log entry and notification. */
async function accessCost(config: Config, database: Database, token: string, childIds: string[]): Promise<{ verifyToken: number; writeLogAndNotification: number }> {
  const rounds = 500;
  const authenticator = await createAuthenticator(config, createLogger('silent'));
  let started = performance.now();
  for (let round = 0; round < rounds; round++) await authenticator.authenticate(`Bearer ${token}`);
  const verifyToken = (performance.now() - started) / rounds;
  const reader = { subject: 'bench', role: 'health', org: healthTrust, purpose: null, requestId: 'bench' };
  started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const record = new AccessRecord();
    const childId = childIds[round % childIds.length]!;
    for (const field of ['careStatus', 'dutyContact', 'keyContacts']) record.read(childId, field);
    await database.transaction(async (session) => {
      await writeAccessLog(session, record, reader);
      await raiseAccessNotifications(session, [{ childId, status: ['CHILD_PROTECTION'] }], reader);
    });
  }
  const writeLogAndNotification = (performance.now() - started) / rounds;
  return { verifyToken: Number(verifyToken.toFixed(3)), writeLogAndNotification: Number(writeLogAndNotification.toFixed(3)) };
}

runBenchmark(main);
