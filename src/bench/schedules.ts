// Benchmark: the full statutory schedule of every child of a generated authority.
// 1. In process: facts read through the child records a batch of children at a time, then the
//    pure rules; loading and computing are timed apart.
// 2. Over real HTTP: `children(first: 500)` with schedule, nextReviewDue and dualStatusOutcome,
//    page after page through the whole authority, counting SQL statements per request.
// Results: bench/results/schedules-<db>.json.

import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { signDemoToken } from '../access/authentication.js';
import { loadCalendar } from '../db/bank-holidays.js';
import { createChildRecords, readMeetingKindsRecorded } from '../db/child-records.js';
import { scheduleFactsOf } from '../db/schedule-facts.js';
import { todayInLondon } from '../domain/calendar.js';
import { childSchedule } from '../domain/schedule.js';
import { benchService, runBenchmark, saveFigures } from './authority.js';

const pageQuery = `query ($after: String) {
  children(first: 500, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id
      nextReviewDue { kind dueOn ruleId basis overdue }
      schedule { kind dueOn ruleId basis overdue completionKnown subjectId }
      dualStatusOutcome { state pathway initialReviewDue challengeWindowEndsOn exceptional escalated requiredActions { dueOn ruleId } }
    } }
  }
}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string', default: '100000' },
      batch: { type: 'string', default: '2000' },
      out: { type: 'string', default: 'bench/results' },
    },
  });
  const { service, config, total } = await benchService(Number(values.children));
  const { database } = service;
  try {
    const asOf = todayInLondon();
    const calendar = await loadCalendar(database, config.policy.localNonWorkingDays);
    const ids = (await database.query<{ person_id: string }>('SELECT person_id FROM carebridge.child ORDER BY person_id')).map((row) => row.person_id);

    // 1. In process.
    const batch = Number(values.batch);
    let loadMs = 0;
    let computeMs = 0;
    let dueDates = 0;
    let overdue = 0;
    let withOverdue = 0;
    for (let from = 0; from < ids.length; from += batch) {
      const records = createChildRecords(database, () => readMeetingKindsRecorded(database.orm));
      const started = performance.now();
      const facts = await Promise.all(ids.slice(from, from + batch).map((id) => scheduleFactsOf(id, records)));
      const loaded = performance.now();
      for (const childFacts of facts) {
        const schedule = childSchedule(childFacts, calendar, config.policy, asOf);
        dueDates += schedule.dueDates.length;
        const late = schedule.dueDates.filter((due) => due.overdue).length;
        overdue += late;
        if (late > 0) withOverdue++;
      }
      loadMs += loaded - started;
      computeMs += performance.now() - loaded;
    }

    // 2. Over HTTP, page by page.
    const token = await signDemoToken(config, { role: 'social-care', sub: 'bench' });
    let statements = 0;
    database.statementListeners.add(() => statements++);
    const pageMs: number[] = [];
    let after: string | null = null;
    for (;;) {
      const started = performance.now();
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: pageQuery, variables: { after } }),
      });
      const body = (await response.json()) as { data?: { children: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } }; errors?: unknown };
      pageMs.push(performance.now() - started);
      if (!body.data || body.errors) throw new Error(`page failed: ${JSON.stringify(body.errors)}`);
      if (!body.data.children.pageInfo.hasNextPage) break;
      after = body.data.children.pageInfo.endCursor;
    }
    const sorted = [...pageMs].sort((a, b) => a - b);
    const seconds = (ms: number) => Number((ms / 1000).toFixed(2));
    const figures = {
      benchmark: 'full schedule (every rule) for every child of a generated authority',
      database: database.kind,
      children: total,
      asOf,
      inProcess: {
        batchSize: batch,
        loadFactsSeconds: seconds(loadMs),
        computeSeconds: seconds(computeMs),
        childrenPerSecondComputed: Math.round(ids.length / (computeMs / 1000)),
        dueDates,
        overdue,
        childrenWithOverdue: withOverdue,
      },
      overHttp: {
        query: 'children(first: 500) { nextReviewDue schedule dualStatusOutcome }',
        pages: pageMs.length,
        totalSeconds: seconds(pageMs.reduce((sum, ms) => sum + ms, 0)),
        pageMs: { p50: Math.round(sorted[Math.floor(sorted.length / 2)]!), p90: Math.round(sorted[Math.floor(sorted.length * 0.9)]!), max: Math.round(sorted.at(-1)!) },
        sqlStatementsPerRequest: Number((statements / pageMs.length).toFixed(2)),
      },
      node: process.version,
      at: new Date().toISOString(),
    };
    saveFigures(values.out, 'schedules', database.kind, figures);
  } finally {
    await service.stop();
  }
}

runBenchmark(main);
