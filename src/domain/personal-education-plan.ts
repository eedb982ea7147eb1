// CIC-PEP (rules.md, "Child in care"): a looked-after child's personal education plan is
// reviewed every school term, one review per term (Promoting the education of looked-after
// children, 2018). Pure: facts and ISO dates in, the open due date out. Readings (terms, ages,
// which term is due) are in docs/visits-and-education.md; term dates and the starting age are
// policy (`readings['CIC-PEP']`).
//
// A term's review is due by the term's last day. The open due date on asOf is the current
// term's end; the next term's end once this term's review is held; and the previous term's end
// (overdue) while the previous term ended without one and none has been held since. PEP reviews
// come from `cb_meeting` (kind PEP_REVIEW): with no such rows in the extract, the current
// term's end is projected with completionKnown false (rules.md, "Events the extract does not carry").

import { addDays, addYears } from './calendar.js';
import type { PeriodOfCareFact } from './child-in-care.js';
import type { MeetingFact } from './child-protection.js';
import { openDueDate, type DueDate } from './due-dates.js';
import { isOpenOn, type IsoDate } from './facts.js';
import type { Policy } from './policy.js';

export interface SchoolTerm {
  start: IsoDate;
  /** The day before the next term starts. */
  end: IsoDate;
}

export interface PersonalEducationPlanInput {
  period: PeriodOfCareFact;
  dateOfBirth: IsoDate | null;
  meetings: readonly MeetingFact[];
  /** False when the extract carries no PEP_REVIEW meetings at all. */
  reviewsKnown: boolean;
  policy: Policy;
  asOf: IsoDate;
}

/** The school term a date falls in, from term starts given as `mm-dd` (policy). */
export function schoolTermOn(on: IsoDate, termStarts: readonly string[]): SchoolTerm {
  const year = Number(on.slice(0, 4));
  const starts = [year - 1, year, year + 1].flatMap((y) => termStarts.map((start) => `${String(y).padStart(4, '0')}-${start}`)).sort();
  const i = starts.findLastIndex((start) => start <= on);
  return { start: starts[i]!, end: addDays(starts[i + 1]!, -1) };
}

/**
 * CIC-PEP: the period's next PEP review on asOf, or null when the period is not open then, or a
 * PEP does not apply (under `fromAge` — the child's age from the date of birth — or 18 and over,
 * CL-LEAVE-18). With no date of birth the PEP is taken to apply, so nothing is missed.
 */
export function personalEducationPlanReviewDue(input: PersonalEducationPlanInput): DueDate | null {
  const { period, dateOfBirth, policy, asOf } = input;
  if (!isOpenOn(period, asOf)) return null;
  const { termStarts, fromAge } = policy.readings['CIC-PEP'];
  const ageStart = dateOfBirth === null ? period.startDate : addYears(dateOfBirth, fromAge);
  const appliesFrom = ageStart > period.startDate ? ageStart : period.startDate;
  if (asOf < appliesFrom || (dateOfBirth !== null && asOf >= addYears(dateOfBirth, 18))) return null;

  const due = (dueOn: IsoDate) =>
    openDueDate({ kind: 'CIC_PEP_REVIEW', dueOn, provisional: false, ruleId: 'CIC-PEP', subjectId: period.id, asOf, completionKnown: input.reviewsKnown });
  const term = schoolTermOn(asOf, termStarts);
  if (!input.reviewsKnown) return due(term.end);

  const held = input.meetings
    .filter((m) => m.kind === 'PEP_REVIEW' && (m.subjectId === null || m.subjectId === period.id))
    .filter((m) => m.date >= period.startDate && m.date <= asOf);
  const heldSince = (day: IsoDate) => held.some((m) => m.date >= day);
  if (heldSince(term.start)) return due(schoolTermOn(addDays(term.end, 1), termStarts).end);
  const previous = schoolTermOn(addDays(term.start, -1), termStarts);
  // The previous term needed a review if the PEP applied on any day of it.
  if (previous.end >= appliesFrom && !heldSince(previous.start)) return due(previous.end);
  return due(term.end);
}
