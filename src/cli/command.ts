// How every command-line entry point ends: a known problem prints its message (never a stack
// trace) and exits 1; anything unexpected is reported as such and exits 2.

import { ConfigError } from '../config.js';
import { DirectoryLockedError } from '../db/directory-lock.js';
import { SchemaMismatchError } from '../db/migrate.js';

export class UsageError extends Error {}

/** Runs node's parseArgs, turning its complaints (unknown option, missing value) into usage errors. */
export function parseCommandLine<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

const expected = [ConfigError, DirectoryLockedError, SchemaMismatchError, UsageError];

export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (expected.some((kind) => error instanceof kind)) {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exit(1);
      }
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      process.stderr.write(`Unexpected failure: ${detail}\n`);
      process.exit(2);
    },
  );
}
