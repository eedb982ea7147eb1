// What every part of the generator shares while it builds one authority: the seeded
// randomness, the as-of date, where rows go, id counters and the NHS number allocator.

import type { Faker } from '@faker-js/faker';
import type { Sink } from './csv-writer.js';
import type { Day } from './dates.js';
import type { Random } from './random.js';
import type { Workforce } from './workforce.js';
import type { Places } from './places.js';
import type { FosterCarers } from './people.js';

export interface Context {
  rng: Random;
  faker: Faker;
  asOf: Day;
  out: Sink;
  ids: Ids;
  nhs: NhsNumbers;
  places: Places;
  staff: Workforce;
  fosterCarers: FosterCarers;
  /** Share of children given an NHS number (lower for very large runs: the 999 range is finite). */
  childNhsShare: number;
  /** Share of adults given an NHS number. */
  adultNhsShare: number;
  /** What is open at as-of so far, so the rates can be met exactly. */
  open: OpenTally;
}

export interface OpenTally {
  cla: number;
  cp: number;
  cin: number;
  earlyHelp: number;
}

/** Readable, stable row ids: a prefix per table and a running number, e.g. `REF0000042`. */
export class Ids {
  readonly #counters = new Map<string, number>();

  next(prefix: string, width = 7): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return prefix + String(n).padStart(width, '0');
  }
}

/**
 * NHS numbers from the test range 999 000 000x – 999 999 999x only (never issued to a real
 * person), each with a valid modulus 11 check digit and each used once. The nine-digit stems
 * are visited in a seed-dependent order (an affine permutation of 0…999 999), so numbers look
 * scattered yet never repeat; stems whose check digit would be 10 are skipped. About 909,000
 * valid numbers exist: `next` returns null once they are used up.
 */
export class NhsNumbers {
  #i = 0;
  readonly #offset: number;

  constructor(seed: number) {
    this.#offset = (seed * 7919 + 104_729) % 1_000_000;
  }

  next(): string | null {
    while (this.#i < 1_000_000) {
      const stem = 999_000_000 + ((this.#i * 738_619 + this.#offset) % 1_000_000);
      this.#i += 1;
      const check = nhsCheckDigit(String(stem));
      if (check !== null) return `${stem}${check}`;
    }
    return null;
  }
}

/** Modulus 11 check digit of a nine-digit stem (weights 10…2), or null where it would be 10. */
export function nhsCheckDigit(stem: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(stem[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}
