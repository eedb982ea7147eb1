// The two servers the side-by-side benchmark sets against Carebridge, each run alone in a child
// process: `node dist/bench/side-by-side-servers.js <postgraphile|raw>` with DATABASE_URL set. It
// listens on loopback at an ephemeral port and reports `listening <port>` on stdout.
//   postgraphile: PostGraphile v5 (Amber preset) over the postgraphile_bench schema, the copy of the four
//     tables with foreign keys (PostGraphile finds relations only through foreign keys).
//   raw: the floor, one prepared statement with JSON aggregation per relation, answering
//     GET /child/<id> with the same content.

import { createServer, type Server } from 'node:http';
import postgres from 'postgres';

/** The schema holding PostGraphile's copy of the tables. */
export const postgraphileSchema = 'postgraphile_bench'; // pg_ names are reserved

// The same content as PostGraphile's look-up: the person, legal statuses, CP plans, care episodes.
const childStatement = `SELECT json_build_object(
    'id', p.pers_person_id, 'forename', p.pers_forename, 'surname', p.pers_surname, 'dateOfBirth', p.pers_dob, 'nhsNumber', p.pers_common_child_id,
    'legalStatuses', (SELECT coalesce(json_agg(json_build_object('id', l.lega_legal_status_id, 'status', l.lega_legal_status,
        'startDate', l.lega_legal_status_start_date, 'endDate', l.lega_legal_status_end_date)), '[]') FROM ssd_legal_status l WHERE l.lega_person_id = p.pers_person_id),
    'childProtectionPlans', (SELECT coalesce(json_agg(json_build_object('id', c.cppl_cp_plan_id, 'startDate', c.cppl_cp_plan_start_date,
        'endDate', c.cppl_cp_plan_end_date, 'category', c.cppl_cp_plan_latest_category)), '[]') FROM ssd_cp_plans c WHERE c.cppl_person_id = p.pers_person_id),
    'careEpisodes', (SELECT coalesce(json_agg(json_build_object('id', e.clae_cla_episode_id, 'startDate', e.clae_cla_episode_start_date,
        'endDate', e.clae_cla_episode_ceased_date, 'reason', e.clae_cla_episode_start_reason)), '[]') FROM ssd_cla_episodes e WHERE e.clae_person_id = p.pers_person_id)
  )::text AS child FROM ssd_person p WHERE p.pers_person_id = $1`;

async function rawServer(databaseUrl: string): Promise<Server> {
  const sql = postgres(databaseUrl, { max: 8, prepare: true });
  return createServer((request, response) => {
    const id = decodeURIComponent(request.url?.replace(/^\/child\//, '') ?? '');
    sql.unsafe<{ child: string }[]>(childStatement, [id], { prepare: true }).then(
      (rows) => {
        const body = rows[0]?.child ?? 'null';
        response.writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json' }).end(body);
      },
      () => response.writeHead(500).end(),
    );
  });
}

async function postgraphileServer(databaseUrl: string): Promise<Server> {
  // grafast uses Promise.withResolvers, which Node 20 lacks.
  const withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };
  (Promise as unknown as { withResolvers?: unknown }).withResolvers ??= withResolvers;
  const [{ postgraphile }, { PostGraphileAmberPreset }, { makePgService }, { grafserv }] = await Promise.all([
    import('postgraphile'),
    import('postgraphile/presets/amber'),
    import('postgraphile/adaptors/pg'),
    import('postgraphile/grafserv/node'),
  ]);
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ connectionString: databaseUrl, schemas: [postgraphileSchema], poolConfig: { max: 8 } })],
    grafserv: { graphiql: false },
  });
  const server = createServer();
  await pgl.createServ(grafserv).addTo(server);
  return server;
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined) throw new Error('DATABASE_URL is not set');
  if (kind !== 'postgraphile' && kind !== 'raw') throw new Error('usage: side-by-side-servers.js <postgraphile|raw>');
  const server = kind === 'raw' ? await rawServer(databaseUrl) : await postgraphileServer(databaseUrl);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
