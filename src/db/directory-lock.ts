// A pid file that keeps a second process off the embedded database: PGlite has no locking of
// its own, and two processes writing one data directory corrupt it.

import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { LoggableError } from '../log.js';

export class DirectoryLockedError extends LoggableError {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirectoryLock(directory: string, name: string): { release(): void } {
  const file = path.join(directory, `${name}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(file, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && isRunning(holder)) {
        throw new DirectoryLockedError(
          `The embedded database in ${directory} is in use by process ${holder} (is \`npm start\` running?). ` +
            'Stop it first, or set DATABASE_URL to use PostgreSQL, which serves many processes.',
        );
      }
      rmSync(file, { force: true }); // left by a process that has gone
    }
  }
  throw new DirectoryLockedError(`Cannot lock ${file}`);
}
