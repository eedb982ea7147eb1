// `npm run generate -- --children N --out D [--seed S] [--as-of YYYY-MM-DD]`: writes a synthetic
// local authority (SSD CSVs + Carebridge extension CSVs) to D, byte-identical for the same
// children, seed and as-of (shared/contract/README.md, "Commands").

import { parseArgs } from 'node:util';
import { generateAuthority } from '../generate/authority.js';
import { parseDay, todayInLondon } from '../generate/dates.js';
import { parseCommandLine, runCommand, UsageError } from './command.js';

const usage = 'usage: npm run generate -- --children <N> --out <folder> [--seed <S>] [--as-of <yyyy-mm-dd>]';

async function main(): Promise<number> {
  const { values } = parseCommandLine(
    () =>
      parseArgs({
        options: {
          children: { type: 'string' },
          out: { type: 'string' },
          seed: { type: 'string', default: '1' },
          'as-of': { type: 'string' },
        },
      }),
    usage,
  );
  if (!values.children || !values.out) throw new UsageError(usage);
  if (!/^\d+$/.test(values.children) || Number(values.children) < 1) {
    throw new UsageError(`--children must be a positive whole number (got ${values.children})\n${usage}`);
  }
  const asOf = values['as-of'] ?? todayInLondon();
  try {
    parseDay(asOf);
  } catch (error) {
    throw new UsageError(`--as-of: ${(error as Error).message}\n${usage}`);
  }

  const rows = await generateAuthority({ children: Number(values.children), seed: values.seed, asOf, out: values.out });
  const width = Math.max(...Object.keys(rows).map((file) => file.length));
  let total = 0;
  for (const [file, count] of Object.entries(rows)) {
    total += count;
    process.stdout.write(`${file.padEnd(width)}  ${String(count).padStart(10)}\n`);
  }
  process.stdout.write(`${'total'.padEnd(width)}  ${String(total).padStart(10)}\n`);
  return 0;
}

runCommand(main);
