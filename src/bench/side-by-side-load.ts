// The side-by-side benchmark's load generator, in a process of its own so that it takes no CPU
// from the server it measures' process: forked by side-by-side.ts, it receives one round
// (a LoadRound) over IPC, runs autocannon and sends back the figures (a LoadFigures).

import autocannon from 'autocannon';

export interface LoadRound {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Each request takes the next of these (a path, or a body), cycling. */
  paths?: string[];
  bodies?: string[];
  connections: number;
  durationSeconds: number;
}

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  ok: number;
}

async function runRound(round: LoadRound): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: round.url,
    connections: round.connections,
    duration: round.durationSeconds,
    requests: [
      {
        method: round.method,
        headers: round.headers,
        setupRequest: (request) => {
          const at = next++;
          if (round.paths) return { ...request, path: round.paths[at % round.paths.length]! };
          return { ...request, body: round.bodies![at % round.bodies!.length]! };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    ok: result['2xx'],
  };
}

process.once('message', (round: LoadRound) => {
  runRound(round).then(
    (figures) => process.send!(figures, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
});
