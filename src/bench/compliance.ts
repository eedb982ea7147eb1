// Benchmark: the BI compliance summary for a whole generated authority (compliance(groupBy: TEAM)
// over a year) over real HTTP: the time to store today's due dates at start-up, the summary read
// from the store, and the same summary computed on the fly (a window the store does not hold);
// the due dates counted and the process's peak RSS. Results: bench/results/compliance-<db>.json.

import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { signDemoToken } from '../access/authentication.js';
import { addYears, todayInLondon } from '../domain/calendar.js';
import { benchService, runBenchmark, saveFigures } from './authority.js';

const query = `query ($from: Date!, $to: Date!) {
  compliance(from: $from, to: $to, groupBy: TEAM) {
    key measures { kind due onTime late overdue onTimeRate } childrenByStatus { kind count } dualStatusChildren cpPlansOverTwoYears cinPlansOverSixMonths
  }
}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string', default: '100000' },
      out: { type: 'string', default: 'bench/results' },
      // At a million children the on-the-fly answer takes many minutes: it can be left out.
      'no-on-the-fly': { type: 'boolean', default: false },
    },
  });
  const storing = performance.now();
  const { service, config, total } = await benchService(Number(values.children));
  const { database } = service;
  try {
    await service.dueDatesStored;
    const storeSeconds = (performance.now() - storing) / 1000;
    const [store] = await database.query<{ as_of: string; rows: number }>(
      "SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, (SELECT count(*)::int FROM carebridge.due_date) AS rows FROM carebridge.due_date_store",
    );
    const asOf = todayInLondon();
    const token = await signDemoToken(config, { role: 'bi', sub: 'bench', org: 'BI-TEAM' });
    let statements = 0;
    database.statementListeners.add(() => statements++);
    const ask = async (window: { from: string; to: string }) => {
      statements = 0;
      const started = performance.now();
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: window }),
      });
      const body = (await response.json()) as { data?: { compliance: { measures: { due: number }[] }[] }; errors?: unknown };
      const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
      if (!body.data) throw new Error(`compliance failed: ${JSON.stringify(body.errors)}`);
      const dueDates = body.data.compliance.flatMap((group) => group.measures).reduce((sum, measure) => sum + measure.due, 0);
      return { window, teams: body.data.compliance.length, dueDates, seconds, sqlStatements: statements };
    };
    const fromStore = await ask({ from: addYears(asOf, -1), to: asOf });
    // Three years back: outside the stored window, so computed on the fly.
    const onTheFly = values['no-on-the-fly'] ? 'not measured' : await ask({ from: addYears(asOf, -3), to: addYears(asOf, -2) });
    const figures = {
      benchmark: 'compliance(groupBy: TEAM) over a year, by a BI token',
      database: database.kind,
      children: total,
      storedAtStart: { asOf: store?.as_of ?? null, dueDates: store?.rows ?? 0, secondsFromStartToStored: Number(storeSeconds.toFixed(2)) },
      fromStore,
      onTheFly,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      target: 'under 5 s',
      node: process.version,
      at: new Date().toISOString(),
    };
    saveFigures(values.out, 'compliance', database.kind, figures);
  } finally {
    await service.stop();
  }
}

runBenchmark(main);
