// Benchmark: a child look-up side by side (issue 12). One generated authority of --children
// children in a PostgreSQL database of its own (carebridge_bench_<children>_seed1 on the server
// DATABASE_URL names; built once, then reused), served on loopback by three servers, each in its
// own process: Carebridge (dist/main.js), PostGraphile v5 over a copy of the four tables with
// foreign keys (schema postgraphile_bench), and a one-statement raw endpoint (the floor). The load
// generator (autocannon) runs in a process of its own; rounds alternate between the servers.
// Carebridge answers the issue's two operations, plain and computed, with a social-care token;
// PostGraphile and the raw endpoint the plain content (person by primary key with its legal
// statuses, CP plans and care episodes). Writes bench/results/child-lookup-side-by-side.json:
// req/s, p50, p99 and errors per server and operation, the ratios, and whether the access log
// holds one entry per Carebridge read.

import { spawn, fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { signDemoToken } from '../access/authentication.js';
import type { Database } from '../db/connection.js';
import { benchService, runBenchmark, saveFigures } from './authority.js';
import type { LoadFigures, LoadRound } from './side-by-side-load.js';
import { postgraphileSchema } from './side-by-side-servers.js';

// The issue's two operations, as registered for social-care (statement counts pinned in test/statements-per-request.test.ts).
const trustedDocument = (name: string) => readFileSync(new URL(`../../trusted-documents/social-care/${name}.graphql`, import.meta.url), 'utf8');
const plainQuery = trustedDocument('ChildLookup');
const computedQuery = trustedDocument('ChildLookupComputed');

// PostGraphile's look-up of the same content: the person by primary key, with the three relations
// it derives from postgraphile_bench's foreign keys.
const postgraphileQuery = `query ($id: String!) { ssdPersonByPersPersonId(persPersonId: $id) {
  persPersonId persForename persSurname persDob persCommonChildId
  ssdLegalStatusesByLegaPersonId { nodes { legaLegalStatusId legaLegalStatus legaLegalStatusStartDate legaLegalStatusEndDate } }
  ssdCpPlansByCpplPersonId { nodes { cpplCpPlanId cpplCpPlanStartDate cpplCpPlanEndDate cpplCpPlanLatestCategory } }
  ssdClaEpisodesByClaePersonId { nodes { claeClaEpisodeId claeClaEpisodeStartDate claeClaEpisodeCeasedDate claeClaEpisodeStartReason } } } }`;

/** The four tables PostGraphile reads, each with the column naming the person it belongs to. */
const copiedTables = [
  { table: 'ssd_person', key: 'pers_person_id', person: null },
  { table: 'ssd_legal_status', key: 'lega_legal_status_id', person: 'lega_person_id' },
  { table: 'ssd_cp_plans', key: 'cppl_cp_plan_id', person: 'cppl_person_id' },
  { table: 'ssd_cla_episodes', key: 'clae_cla_episode_id', person: 'clae_person_id' },
] as const;

const seed = 1; // benchService's generated authority

/** The bench's own database on the server DATABASE_URL names, created when absent. */
async function benchDatabaseUrl(children: number): Promise<string> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl === undefined || !/^postgres(ql)?:/.test(serverUrl)) throw new Error('set DATABASE_URL to a PostgreSQL server: the side-by-side benchmark runs on PostgreSQL');
  const name = `carebridge_bench_${children}_seed${seed}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!found) await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** PostGraphile's copy of the tables, with primary and foreign keys, built once in one transaction. */
async function copyTablesForPostgraphile(database: Database): Promise<void> {
  const [built] = await database.query<{ built: boolean }>(`SELECT to_regclass('${postgraphileSchema}.ssd_cla_episodes') IS NOT NULL AS built`);
  if (built?.built) return;
  await database.transaction(async (session) => {
    await session.query(`CREATE SCHEMA ${postgraphileSchema}`);
    for (const { table, key, person } of copiedTables) {
      const copy = `${postgraphileSchema}.${table}`;
      // A row naming no person in the authority would break its foreign key: PostGraphile could not show it anyway.
      await session.query(`CREATE TABLE ${copy} AS SELECT * FROM ${table}${person ? ` WHERE ${person} IN (SELECT pers_person_id FROM ssd_person)` : ''}`);
      await session.query(`ALTER TABLE ${copy} ADD PRIMARY KEY (${key})`);
      if (person) {
        await session.query(`ALTER TABLE ${copy} ADD FOREIGN KEY (${person}) REFERENCES ${postgraphileSchema}.ssd_person (pers_person_id)`);
        await session.query(`CREATE INDEX ON ${copy} (${person})`);
      }
    }
  });
  for (const { table } of copiedTables) await database.query(`ANALYZE ${postgraphileSchema}.${table}`);
}

/**
 * The Node flags `npm start` gives Carebridge (package.json): every server here runs with them, so
 * the ratios compare the servers' code, not their settings.
 */
const serverNodeFlags = ['--max-semi-space-size=64'];

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

interface RunningServer {
  name: string;
  url: string;
  process: ChildProcess;
}

/** profileDirectory: where Node writes the server's CPU profile when it exits (--profile). */
async function startCarebridge(databaseUrl: string, profileDirectory: string | undefined): Promise<RunningServer> {
  const port = await freePort();
  const profiling = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [];
  const child = spawn(process.execPath, [...profiling, ...serverNodeFlags, fileURLToPath(new URL('../main.js', import.meta.url))], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', CAREBRIDGE_RATE_LIMIT: 'off', CAREBRIDGE_DEMO_SEED: 'never' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`Carebridge exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) return { name: 'carebridge', url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Carebridge was not ready within 120 s');
}

async function startOther(kind: 'postgraphile' | 'raw', databaseUrl: string): Promise<RunningServer> {
  const child = spawn(process.execPath, [...serverNodeFlags, fileURLToPath(new URL('./side-by-side-servers.js', import.meta.url)), kind], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GRAPHILE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const port = /listening (\d+)/.exec(output)?.[1];
    if (port) return { name: kind, url: `http://127.0.0.1:${port}`, process: child };
  }
  throw new Error(`the ${kind} server exited before it listened`);
}

/** One operation on one server: how to ask it for a child by id, and whether an answer holds one. */
interface Target {
  name: string;
  server: RunningServer;
  round: (ids: string[]) => Omit<LoadRound, 'connections' | 'durationSeconds'>;
  answered: (body: unknown) => boolean;
}

function graphqlTarget(name: string, server: RunningServer, query: string, headers: Record<string, string>, field: string): Target {
  return {
    name,
    server,
    round: (ids) => ({
      url: `${server.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      bodies: ids.map((id) => JSON.stringify({ query, variables: { id } })),
    }),
    answered: (body) => {
      const answer = body as { data?: Record<string, unknown> | null; errors?: unknown };
      return answer.errors === undefined && answer.data?.[field] != null;
    },
  };
}

/** The number of rows in each relation of an answer, in the order the answer lists them. */
function relationSizes(fields: unknown[]): number[] {
  return fields.flatMap((field) => (Array.isArray(field) ? [field.length] : field !== null && typeof field === 'object' && 'nodes' in field ? [(field.nodes as unknown[]).length] : []));
}

async function ask(target: Target, id: string): Promise<unknown> {
  const round = target.round([id]);
  const response = await fetch(round.paths ? `${round.url}${round.paths[0]}` : round.url, { method: round.method, headers: round.headers, body: round.bodies?.[0] });
  if (!response.ok) throw new Error(`${target.name} answered ${response.status} for a sampled child`);
  return response.json();
}

function runLoad(round: LoadRound): Promise<LoadFigures> {
  const load = fork(fileURLToPath(new URL('./side-by-side-load.js', import.meta.url)));
  return new Promise((resolve, reject) => {
    load.once('message', (figures) => resolve(figures as LoadFigures));
    load.once('exit', (code) => reject(new Error(`the load generator exited with ${code} before it reported`)));
    load.send(round);
  });
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round2 = (value: number) => Number(value.toFixed(2));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '8' },
      sample: { type: 'string', default: '500' },
      out: { type: 'string', default: 'bench/results' },
      // A CPU profile of the Carebridge server, for finding where a look-up's time goes.
      profile: { type: 'string' },
    },
  });
  const children = Number(values.children);
  const connections = Number(values.connections);
  const durationSeconds = Number(values.duration);
  const databaseUrl = await benchDatabaseUrl(children);
  process.env.DATABASE_URL = databaseUrl;

  // Fill (or reuse) the authority, sample the children, copy PostGraphile's tables, sign the token.
  const { service, config, total } = await benchService(children);
  const subject = `bench-side-by-side-${Date.now()}`;
  let ids: string[];
  let token: string;
  try {
    ids = (
      await service.database.query<{ id: string }>(
        `SELECT c.person_id AS id FROM carebridge.child c
         WHERE NOT EXISTS (SELECT 1 FROM carebridge.cb_restriction r WHERE r.rest_person_id = c.person_id)
         ORDER BY md5(c.person_id) LIMIT $1`,
        [Number(values.sample)],
      )
    ).map((row) => row.id);
    if (ids.length === 0) throw new Error('the authority has no unrestricted child');
    await copyTablesForPostgraphile(service.database);
    token = await signDemoToken(config, { role: 'social-care', sub: subject });
  } finally {
    await service.stop();
  }

  const servers: RunningServer[] = [];
  const checking = postgres(databaseUrl, { max: 1 });
  const countEntries = async () => (await checking<{ entries: number }[]>`SELECT count(*)::int AS entries FROM carebridge.access_log WHERE subject = ${subject}`)[0]!.entries;
  try {
    const carebridge = await startCarebridge(databaseUrl, values.profile);
    servers.push(carebridge);
    const postgraphileServer = await startOther('postgraphile', databaseUrl);
    servers.push(postgraphileServer);
    const raw = await startOther('raw', databaseUrl);
    servers.push(raw);
    const authorization = { authorization: `Bearer ${token}` };
    const targets: Target[] = [
      graphqlTarget('carebridge-plain', carebridge, plainQuery, authorization, 'child'),
      graphqlTarget('carebridge-computed', carebridge, computedQuery, authorization, 'child'),
      graphqlTarget('postgraphile-plain', postgraphileServer, postgraphileQuery, {}, 'ssdPersonByPersPersonId'),
      {
        name: 'raw-plain',
        server: raw,
        round: (sampled) => ({ url: raw.url, method: 'GET', headers: {}, paths: sampled.map((id) => `/child/${encodeURIComponent(id)}`) }),
        answered: (body) => body !== null && typeof body === 'object' && 'id' in body,
      },
    ];
    // Every server answers every sampled child before it is timed (autocannon counts statuses, not
    // GraphQL errors), and PostGraphile and the raw endpoint answer the same content.
    for (const id of ids) {
      const bodies = new Map<string, unknown>();
      for (const target of targets) {
        const body = await ask(target, id);
        if (!target.answered(body)) throw new Error(`${target.name} did not answer child ${ids.indexOf(id)} of the sample: ${JSON.stringify(body).slice(0, 300)}`);
        bodies.set(target.name, body);
      }
      const fromPostgraphile = relationSizes(Object.values((bodies.get('postgraphile-plain') as { data: Record<string, Record<string, unknown>> }).data.ssdPersonByPersPersonId!));
      const fromRaw = relationSizes(Object.values(bodies.get('raw-plain') as Record<string, unknown>));
      if (fromPostgraphile.join() !== fromRaw.join()) throw new Error(`PostGraphile and the raw endpoint disagree on child ${ids.indexOf(id)} of the sample: relations of ${fromPostgraphile.join()} and ${fromRaw.join()} rows`);
    }
    const entriesBefore = await countEntries();
    // The machine may be shared: the figures are read against the load it carried.
    const loadAverageBefore = loadavg()[0]!;

    const rounds: Record<string, LoadFigures[]> = Object.fromEntries(targets.map((target) => [target.name, []]));
    for (let round = 0; round < Number(values.rounds); round++) {
      // Alternate: each round starts one server further on.
      for (let turn = 0; turn < targets.length; turn++) {
        const target = targets[(round + turn) % targets.length]!;
        process.stderr.write(`round ${round + 1}: ${target.name}\n`);
        rounds[target.name]!.push(await runLoad({ ...target.round(ids), connections, durationSeconds }));
      }
    }
    // Answers still in flight when a round's time is up were logged but not counted as reads.
    const carebridgeReads = [...rounds['carebridge-plain']!, ...rounds['carebridge-computed']!].reduce((sum, figures) => sum + figures.ok, 0);
    const entries = (await countEntries()) - entriesBefore;
    const cutShort = 2 * Number(values.rounds) * connections;

    const summary = Object.fromEntries(
      Object.entries(rounds).map(([name, figures]) => [
        name,
        {
          requestsPerSecond: round2(mean(figures.map((f) => f.requestsPerSecond))),
          p50Ms: median(figures.map((f) => f.p50)),
          p99Ms: Math.max(...figures.map((f) => f.p99)),
          errors: figures.reduce((sum, f) => sum + f.errors, 0),
          rounds: figures,
        },
      ]),
    );
    const rate = (name: string) => summary[name]!.requestsPerSecond;
    const figures = {
      benchmark: 'child look-up by id side by side: Carebridge (plain and computed operations, social-care token), PostGraphile v5 and a one-statement raw endpoint (plain content)',
      children: total,
      connections,
      durationSeconds,
      rounds: Number(values.rounds),
      sampledChildren: ids.length,
      servers: summary,
      ratios: {
        carebridgePlainToPostgraphile: round2(rate('carebridge-plain') / rate('postgraphile-plain')),
        carebridgeComputedToPostgraphilePlain: round2(rate('carebridge-computed') / rate('postgraphile-plain')),
        carebridgePlainToRaw: round2(rate('carebridge-plain') / rate('raw-plain')),
        postgraphileToRaw: round2(rate('postgraphile-plain') / rate('raw-plain')),
      },
      accessLog: { carebridgeReads, entries, complete: entries >= carebridgeReads && entries - carebridgeReads <= cutShort },
      loadAverage1m: { before: round2(loadAverageBefore), after: round2(loadavg()[0]!) },
      node: process.version,
      postgres: (await checking`SHOW server_version`)[0]!.server_version as string,
      at: new Date().toISOString(),
    };
    saveFigures(values.out, 'child-lookup', 'side-by-side', figures);
    if (!figures.accessLog.complete) throw new Error(`the access log holds ${entries} entries for ${carebridgeReads} Carebridge reads`);
  } finally {
    await checking.end();
    for (const server of servers) {
      server.process.kill('SIGTERM');
      if (server.process.exitCode === null) await once(server.process, 'exit');
    }
  }
}

runBenchmark(main);
