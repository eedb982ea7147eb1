// Recurring reviews and meetings: each one falls due from when the previous one was actually
// held (rules.md, "Conventions"); most are held a little early, some late, and on a case still
// open at as-of the latest may be overdue (due, not held).

import { onWeekday, type Day } from './dates.js';
import type { Random } from './random.js';

export interface Occurrence {
  due: Day;
  /** Null: not held (overdue when `due` is before as-of, scheduled otherwise). */
  held: Day | null;
}

export interface ScheduleSpec {
  firstDue: Day;
  /** Due date of the next one, from the day this one (the index-th, from 0) was held. */
  next: (held: Day, index: number) => Day;
  /** Nothing held after this day (end of the plan or period, or as-of). */
  until: Day;
  /** Nothing held before this day. */
  notBefore: Day;
  asOf: Day;
  /** Still open at as-of: the last due one may be overdue, and the next may be listed unheld. */
  open: boolean;
  lateRate?: number;
  overdueRate?: number;
  /** Chance of listing the next, not yet due, occurrence with no date. */
  pendingRate?: number;
  /** How early an on-time one is held, in days (default 0–10). */
  earlyDays?: number;
  /** Stop after this many held (e.g. a plan that ends at a review). */
  maxHeld?: number;
}

export function schedule(rng: Random, spec: ScheduleSpec): Occurrence[] {
  const result: Occurrence[] = [];
  const late = spec.lateRate ?? 0.1;
  const overdue = spec.overdueRate ?? 0;
  let due = spec.firstDue;
  let previous = spec.notBefore;
  for (let index = 0; ; index++) {
    if (spec.maxHeld !== undefined && result.length >= spec.maxHeld) break;
    if (due > spec.until) {
      if (spec.open && due > spec.asOf && rng.chance(spec.pendingRate ?? 0)) result.push({ due, held: null });
      break;
    }
    const held = onWeekday(
      rng.chance(late) ? due + rng.int(8, 35) : Math.max(previous + 1, due - rng.int(0, spec.earlyDays ?? 10)),
      previous + 1,
    );
    if (held > spec.until) {
      if (spec.open && due <= spec.asOf) result.push({ due, held: null });
      break;
    }
    const following = spec.next(held, index);
    if (spec.open && following > spec.asOf && due <= spec.asOf && rng.chance(overdue)) {
      result.push({ due, held: null });
      break;
    }
    result.push({ due, held });
    previous = held;
    due = following;
  }
  return result;
}
