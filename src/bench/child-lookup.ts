// Benchmark: a partner's look-up of one child by NHS number, over real HTTP on loopback
// (autocannon), on the configured database. An empty database is first filled with a
// generated authority of --children children. Results: bench/results/child-lookup-<db>.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { signDemoToken } from '../access/authentication.js';
import { benchService } from './authority.js';

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
    const sample = await database.query<{ nhs: string }>(
      `SELECT p.pers_common_child_id AS nhs FROM carebridge.child c JOIN ssd_person p ON p.pers_person_id = c.person_id
       WHERE p.pers_common_child_id IS NOT NULL ORDER BY md5(c.person_id) LIMIT 2000`,
    );
    const token = await signDemoToken(config, { role: 'health', sub: 'bench', org: 'RX1' });
    let statements = 0;
    database.statementListeners.add(() => statements++);
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
    const figures = {
      benchmark: 'child look-up by NHS number (childByNhsNumber, 14 fields)',
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
      node: process.version,
      at: new Date().toISOString(),
    };
    mkdirSync(values.out, { recursive: true });
    writeFileSync(path.join(values.out, `child-lookup-${database.kind}.json`), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
