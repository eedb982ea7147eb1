// Benchmark: the whole authority's due-date extract and children extract over real HTTP, as a
// BI tool pulls them (CSV, streamed): rows per second and the process's peak RSS (server and
// this client share it). Today's due dates are stored first if they are not (timed apart).
// Results: bench/results/extract-<db>.json.

import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { signDemoToken } from '../access/authentication.js';
import { benchService, runBenchmark, saveFigures } from './authority.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string', default: '100000' },
      out: { type: 'string', default: 'bench/results' },
      // The children extract computes on the fly: at a million children it can be left out.
      'no-children-extract': { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const { service, config, total } = await benchService(Number(values.children));
  try {
    await service.dueDatesStored;
    const readySeconds = (performance.now() - started) / 1000;
    const rssBefore = process.memoryUsage().rss;
    const token = await signDemoToken(config, { role: 'bi', sub: 'bench', org: 'BI-TEAM' });
    const pull = async (route: string) => {
      const began = performance.now();
      const response = await fetch(`${service.url}/extract/${route}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok || !response.body) throw new Error(`${route}: HTTP ${response.status} ${await response.text()}`);
      let bytes = 0;
      let lines = 0;
      let peakRss = 0;
      for await (const chunk of response.body) {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      const seconds = (performance.now() - began) / 1000;
      return {
        route: `/extract/${route}`,
        rows: lines - 1,
        megabytes: Number((bytes / 1e6).toFixed(1)),
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round((lines - 1) / seconds),
        peakRssMiBWhileStreaming: Math.round(peakRss / 2 ** 20),
      };
    };
    const dueDates = await pull('due-dates');
    const children = values['no-children-extract'] ? 'not measured' : await pull('children');
    const figures = {
      benchmark: 'bulk extracts of a whole generated authority by a BI token (CSV over HTTP)',
      database: service.database.kind,
      children: total,
      secondsToReadyWithDueDatesStored: Number(readySeconds.toFixed(1)),
      rssBeforeExtractsMiB: Math.round(rssBefore / 2 ** 20),
      dueDates,
      childrenExtract: children,
      targets: 'due-date extract under 30 s, RSS under 512 MiB',
      node: process.version,
      at: new Date().toISOString(),
    };
    saveFigures(values.out, 'extract', service.database.kind, figures);
  } finally {
    await service.stop();
  }
}

runBenchmark(main);
