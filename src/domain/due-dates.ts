// A due date as every schedule produces it: what is due, when, by which rule (and so whether
// statutory or local), for which plan or period, and whether it is overdue on `asOf`.

import type { IsoDate } from './facts.js';
import { rule, type RuleBasis, type RuleId } from './rules.js';

export const dueKinds = [
  'CP_INITIAL_CONFERENCE',
  'CP_CORE_GROUP',
  'CP_REVIEW_CONFERENCE',
  'S47_COMPLETION',
  'ASSESSMENT_COMPLETION',
  'CIN_PLAN_REVIEW',
  'CIC_REVIEW',
  'CIC_CARE_PLAN',
  'CIC_VISIT',
  'CIC_HEALTH_ASSESSMENT',
  'CIC_PEP_REVIEW',
  'DUAL_STATUS_DISCUSSION',
  'DUAL_STATUS_CHALLENGE_WINDOW_ENDS',
  'PATHWAY_PLAN_REVIEW',
] as const;
export type DueKind = (typeof dueKinds)[number];

export interface DueDate {
  kind: DueKind;
  dueOn: IsoDate;
  ruleId: RuleId;
  basis: RuleBasis;
  /** Due before `asOf` and not done (never when completion is unknown). */
  overdue: boolean;
  /** False when the extract carries no record of this kind of event at all (rules.md). */
  completionKnown: boolean;
  /** The plan, period of care or enquiry it belongs to. */
  subjectId: string | null;
  /** It counts a bank holiday derived from the standing rules, outside the years whose official list is loaded (calendar.ts). */
  provisional: boolean;
}

/** An open due date: rules.md's "overdue" is due before today (asOf) and not happened. */
export function openDueDate(input: {
  kind: DueKind;
  dueOn: IsoDate;
  /** As the calendar reported it (WorkingDayCount); false for a date no working-day count gave. */
  provisional: boolean;
  ruleId: RuleId;
  subjectId: string | null;
  asOf: IsoDate;
  completionKnown?: boolean;
}): DueDate {
  const completionKnown = input.completionKnown ?? true;
  return {
    kind: input.kind,
    dueOn: input.dueOn,
    ruleId: input.ruleId,
    basis: rule(input.ruleId).basis,
    overdue: completionKnown && input.dueOn < input.asOf,
    completionKnown,
    subjectId: input.subjectId,
    provisional: input.provisional,
  };
}

/** Earliest first; on the same date a statutory rule before a local one (rules.md, nextReviewDue). */
export function byDueOrder(a: DueDate, b: DueDate): number {
  return a.dueOn.localeCompare(b.dueOn) || (a.basis === b.basis ? 0 : a.basis === 'STATUTORY' ? -1 : 1) || a.ruleId.localeCompare(b.ruleId);
}

export function earliest(dueDates: readonly DueDate[]): DueDate | null {
  return [...dueDates].sort(byDueOrder)[0] ?? null;
}
