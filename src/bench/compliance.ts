// Benchmark: the BI compliance summary for a whole generated authority, computed per request
// (compliance(groupBy: TEAM) over a year), over real HTTP: its time, the due dates counted and
// the server's peak RSS. Results: bench/results/compliance-<db>.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { signDemoToken } from '../access/authentication.js';
import { addYears, todayInLondon } from '../domain/calendar.js';
import { benchService } from './authority.js';

const query = `query ($from: Date!, $to: Date!) {
  compliance(from: $from, to: $to, groupBy: TEAM) {
    key measures { kind due onTime late overdue onTimeRate } childrenByStatus { kind count } dualStatusChildren cpPlansOverTwoYears cinPlansOverSixMonths
  }
}`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { children: { type: 'string', default: '100000' }, out: { type: 'string', default: 'bench/results' } } });
  const { service, config, total } = await benchService(Number(values.children));
  const { database } = service;
  try {
    const asOf = todayInLondon();
    const window = { from: addYears(asOf, -1), to: asOf };
    const token = await signDemoToken(config, { role: 'bi', sub: 'bench', org: 'BI-TEAM' });
    let statements = 0;
    database.statementListeners.add(() => statements++);
    const started = performance.now();
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: window }),
    });
    const body = (await response.json()) as { data?: { compliance: { measures: { due: number }[] }[] }; errors?: unknown };
    const seconds = (performance.now() - started) / 1000;
    if (!body.data) throw new Error(`compliance failed: ${JSON.stringify(body.errors)}`);
    const figures = {
      benchmark: 'compliance(groupBy: TEAM) over a year, computed per request, by a BI token',
      database: database.kind,
      children: total,
      window,
      teams: body.data.compliance.length,
      dueDatesCounted: body.data.compliance.flatMap((group) => group.measures).reduce((sum, measure) => sum + measure.due, 0),
      seconds: Number(seconds.toFixed(2)),
      sqlStatements: statements,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      target: 'under 5 s',
      node: process.version,
      at: new Date().toISOString(),
    };
    mkdirSync(values.out, { recursive: true });
    writeFileSync(path.join(values.out, `compliance-${database.kind}.json`), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
