// How every command-line entry point ends: a known problem prints its message (never a stack
// trace) and exits 1; anything unexpected is reported as such and exits 2.

import { ConfigError } from '../config.js';
import { DirectoryLockedError } from '../db/directory-lock.js';
import { SchemaMismatchError } from '../db/migrate.js';
import { serializeError } from '../log.js';

export class UsageError extends Error {}

/** Runs node's parseArgs, turning its complaints (unknown option, missing value) into usage errors. */
export function parseCommandLine<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/**
 * An unexpected error as the log keeps it (src/log.ts): its class and a safe code (an SQLSTATE),
 * the message only of our own errors. A driver's message quotes the statement and its parameters
 * (children's ids, NHS numbers), and a terminal's output ends up in logs too.
 */
export function failureReason(error: unknown): string {
  const { type, code, message, causes } = serializeError(error);
  return [type, code && `(${code})`, causes && `caused by ${causes.join(' ← ')}`, message && `: ${message}`].filter(Boolean).join(' ');
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
      process.stderr.write(`Unexpected failure: ${failureReason(error)}\n`);
      process.exit(2);
    },
  );
}
