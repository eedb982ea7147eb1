// Child in care schedule (rules.md, "Child in care (CiC, looked after)"): the open CiC due
// dates on `asOf` for the child's open period of care — next review, care plan, initial and
// review health assessments. Visits and PEP reviews are not computed here.
// Pure: facts and ISO dates in, DueDate[] out. Facts dated after `asOf` are ignored and end
// dates after `asOf` are not yet known (asKnownOn). An end date on or before `asOf` means
// ended (isOpenOn).
//
// CIC-SHORT-BREAK-REVIEW replaces CIC-REVIEW-1/2/N while the legal status in force is V3/V4,
// and reg 7 health assessments (CIC-HEALTH-*) do not apply then. CIC-HEALTH-REVIEW and
// CIC-HEALTH-LOCAL compete: both stay visible (rules.md, "Competing vs replacing rules").

import type { WorkingDayCalendar } from './calendar.js';
import { ageOn, dueWithin, type WorkingDayCount } from './calendar.js';
import { legalStatusOn, type PeriodOfCareFact } from './child-in-care.js';
import { byDueOrder, earliest, openDueDate, type DueDate } from './due-dates.js';
import {
  asKnownOn,
  isOpenOn,
  type CarePlanFact,
  type CareReviewFact,
  type HealthCheckFact,
  type IsoDate,
  type LegalStatusFact,
  type PlacementFact,
} from './facts.js';
import type { Policy } from './policy.js';
import type { RuleId } from './rules.js';

export interface ChildInCareScheduleInput {
  dateOfBirth: IsoDate | null;
  periods: readonly PeriodOfCareFact[];
  legalStatuses: readonly LegalStatusFact[];
  reviews: readonly CareReviewFact[];
  healthChecks: readonly HealthCheckFact[];
  carePlans: readonly CarePlanFact[];
  placements: readonly PlacementFact[];
  calendar: WorkingDayCalendar;
  policy: Policy;
  asOf: IsoDate;
}

/** CIC-SHORT-BREAK-REVIEW applies under legal status V3 or V4 (reg 48). */
export function isShortBreaks(code: string | undefined): boolean {
  return code === 'V3' || code === 'V4';
}

/** The period's reviews held on or before `on` and not cancelled: their dates, in order. */
export function heldReviewDates(periodId: string, reviews: readonly CareReviewFact[], on: IsoDate): IsoDate[] {
  return reviews
    .filter((r) => r.periodId === periodId && !r.cancelled && r.heldOn !== null && r.heldOn <= on)
    .map((r) => r.heldOn!)
    .sort();
}

/**
 * CIC-SHORT-BREAK-REVIEW counts from "the first break of the series": under reg 48 a series of
 * pre-planned short breaks is one arrangement, though each break is a period of care of its own.
 * The series ending with `period`: it and the periods just before it that began under V3/V4, with
 * no other legal status in force between them (docs/visits-and-education.md). First break first.
 */
export function shortBreakSeries(
  period: PeriodOfCareFact,
  periods: readonly PeriodOfCareFact[],
  legalStatuses: readonly LegalStatusFact[],
): PeriodOfCareFact[] {
  const series = [period];
  if (!isShortBreaks(legalStatusOn(legalStatuses, period.startDate)?.code)) return series;
  const earlier = periods
    .filter((p) => p.endDate !== null && p.endDate <= period.startDate)
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  for (const previous of earlier) {
    const next = series[0]!;
    const inForceBetween = legalStatuses.filter((s) => s.startDate < next.startDate && (s.endDate === null || s.endDate > previous.startDate));
    if (!isShortBreaks(legalStatusOn(legalStatuses, previous.startDate)?.code) || !inForceBetween.every((s) => isShortBreaks(s.code))) break;
    series.unshift(previous);
  }
  return series;
}

/** The reviews held in any period of a short-break series on or before `on`: one chain of reviews. */
function heldSeriesReviewDates(series: readonly PeriodOfCareFact[], reviews: readonly CareReviewFact[], on: IsoDate): IsoDate[] {
  return series.flatMap((p) => heldReviewDates(p.id, reviews, on)).sort();
}

/**
 * The next review's due date and rule after the reviews already held (in order). CIC-REVIEW-1:
 * 20 working days after the period start; CIC-REVIEW-2: 3 months after the first held;
 * CIC-REVIEW-N: 6 months after the previous held. Short breaks (CIC-SHORT-BREAK-REVIEW): 3 months
 * after the start of `period`, which the caller gives as the series' first break, then 6 months
 * after the previous held.
 */
export function careReviewDueAfter(
  period: Pick<PeriodOfCareFact, 'startDate'>,
  held: readonly IsoDate[],
  shortBreaks: boolean,
  calendar: WorkingDayCalendar,
  policy: Policy,
): WorkingDayCount & { ruleId: RuleId } {
  const last = held.at(-1);
  const months = (from: IsoDate, amount: number) => dueWithin(from, { amount, unit: 'MONTHS' }, calendar, policy.monthsAs);
  if (shortBreaks) {
    return { ...(last === undefined ? months(period.startDate, 3) : months(last, 6)), ruleId: 'CIC-SHORT-BREAK-REVIEW' };
  }
  if (last === undefined) return { ...calendar.workingDaysAfter(period.startDate, 20), ruleId: 'CIC-REVIEW-1' };
  if (held.length === 1) return { ...months(last, 3), ruleId: 'CIC-REVIEW-2' };
  return { ...months(last, 6), ruleId: 'CIC-REVIEW-N' };
}

/**
 * CIC-REVIEW-1/2/N or CIC-SHORT-BREAK-REVIEW: the period's next review not yet held. Under short
 * breaks `series` is the period's shortBreakSeries: its reviews and first break count.
 */
export function nextCareReviewDue(
  period: PeriodOfCareFact,
  series: readonly PeriodOfCareFact[] | null,
  reviews: readonly CareReviewFact[],
  calendar: WorkingDayCalendar,
  policy: Policy,
  asOf: IsoDate,
): DueDate | null {
  if (!isOpenOn(period, asOf)) return null;
  const held = series ? heldSeriesReviewDates(series, reviews, asOf) : heldReviewDates(period.id, reviews, asOf);
  const due = careReviewDueAfter(series?.[0] ?? period, held, series !== null, calendar, policy);
  return openDueDate({ kind: 'CIC_REVIEW', ...due, subjectId: period.id, asOf });
}

/**
 * CIC-CARE-PLAN: care plan within 10 working days of the first placement's start (the period
 * start when no placement is known); open while no care plan in force during the period has
 * started on or before asOf (a plan made before the first placement counts: "before the first
 * placement, or within 10 working days of it").
 */
export function carePlanDue(
  period: PeriodOfCareFact,
  placements: readonly PlacementFact[],
  carePlans: readonly CarePlanFact[],
  calendar: WorkingDayCalendar,
  asOf: IsoDate,
): DueDate | null {
  if (!isOpenOn(period, asOf)) return null;
  const hasPlan = carePlans.some((p) => p.startDate <= asOf && (p.endDate === null || p.endDate > period.startDate));
  if (hasPlan) return null;
  const first = placements
    .filter((p) => p.periodId === period.id && p.startDate <= asOf)
    .map((p) => p.startDate)
    .sort()[0];
  const from = first !== undefined && first > period.startDate ? first : period.startDate;
  return openDueDate({ kind: 'CIC_CARE_PLAN', ...calendar.workingDaysAfter(from, 10), ruleId: 'CIC-CARE-PLAN', subjectId: period.id, asOf });
}

/** rules.md: a health assessment is a check whose type names a health assessment (not a dental or optical check). */
export function isHealthAssessment(check: HealthCheckFact): boolean {
  return check.type !== null && /health assessment/i.test(check.type) && !/dental|optical/i.test(check.type);
}

/** Dates of the health assessments within the period, on or before asOf, in order. */
export function healthAssessmentDates(period: PeriodOfCareFact, checks: readonly HealthCheckFact[], asOf: IsoDate): IsoDate[] {
  return checks
    .filter((c) => isHealthAssessment(c) && c.date >= period.startDate && c.date <= asOf)
    .map((c) => c.date)
    .sort();
}

/**
 * CIC-HEALTH-INITIAL: open while no health assessment is dated in the period; due 20 working
 * days after the period start, or on the first review's held date when that is earlier.
 */
export function initialHealthAssessmentDue(
  period: PeriodOfCareFact,
  assessments: readonly IsoDate[],
  reviews: readonly CareReviewFact[],
  calendar: WorkingDayCalendar,
  asOf: IsoDate,
): DueDate | null {
  if (!isOpenOn(period, asOf) || assessments.length > 0) return null;
  const within = calendar.workingDaysAfter(period.startDate, 20);
  const firstReview = heldReviewDates(period.id, reviews, asOf)[0];
  const due = firstReview !== undefined && firstReview < within.dueOn ? { dueOn: firstReview, provisional: false } : within;
  return openDueDate({ kind: 'CIC_HEALTH_ASSESSMENT', ...due, ruleId: 'CIC-HEALTH-INITIAL', subjectId: period.id, asOf });
}

/**
 * CIC-HEALTH-REVIEW: 6 months after the last health assessment when the child was under 5 on
 * that date, 12 months from age 5. With no date of birth the child is taken as under 5 (the
 * earlier date, so nothing is missed).
 */
export function reviewHealthAssessmentDue(
  period: PeriodOfCareFact,
  assessments: readonly IsoDate[],
  dateOfBirth: IsoDate | null,
  calendar: WorkingDayCalendar,
  policy: Policy,
  asOf: IsoDate,
): DueDate | null {
  const last = assessments.at(-1);
  if (!isOpenOn(period, asOf) || last === undefined) return null;
  const underFive = dateOfBirth === null || ageOn(dateOfBirth, last) < 5;
  const due = dueWithin(last, { amount: underFive ? 6 : 12, unit: 'MONTHS' }, calendar, policy.monthsAs);
  return openDueDate({ kind: 'CIC_HEALTH_ASSESSMENT', ...due, ruleId: 'CIC-HEALTH-REVIEW', subjectId: period.id, asOf });
}

/** CIC-HEALTH-LOCAL (local, policy figure): nurse-led check every 6 months after the last health assessment, whatever the age. */
export function localHealthCheckDue(
  period: PeriodOfCareFact,
  assessments: readonly IsoDate[],
  calendar: WorkingDayCalendar,
  policy: Policy,
  asOf: IsoDate,
): DueDate | null {
  const local = policy.rules['CIC-HEALTH-LOCAL'];
  const last = assessments.at(-1);
  if (!local.applies || !isOpenOn(period, asOf) || last === undefined) return null;
  const due = dueWithin(last, local.every, calendar, policy.monthsAs);
  return openDueDate({ kind: 'CIC_HEALTH_ASSESSMENT', ...due, ruleId: 'CIC-HEALTH-LOCAL', subjectId: period.id, asOf });
}

/** Every open CiC due date on asOf for the open period of care ([] when not looked after), sorted by byDueOrder. */
export function childInCareSchedule(input: ChildInCareScheduleInput): DueDate[] {
  const { calendar, policy, asOf } = input;
  const out: (DueDate | null)[] = [];
  const legalStatuses = asKnownOn(input.legalStatuses, asOf);
  const shortBreaks = isShortBreaks(legalStatusOn(legalStatuses, asOf)?.code);
  const periods = asKnownOn(input.periods, asOf);
  for (const period of periods) {
    if (!isOpenOn(period, asOf)) continue;
    const series = shortBreaks ? shortBreakSeries(period, periods, legalStatuses) : null;
    out.push(nextCareReviewDue(period, series, input.reviews, calendar, policy, asOf));
    out.push(carePlanDue(period, input.placements, input.carePlans, calendar, asOf));
    if (shortBreaks) continue; // CIC-SHORT-BREAK-REVIEW: reg 7 health assessments do not apply
    const assessments = healthAssessmentDates(period, input.healthChecks, asOf);
    out.push(initialHealthAssessmentDue(period, assessments, input.reviews, calendar, asOf));
    out.push(reviewHealthAssessmentDue(period, assessments, input.dateOfBirth, calendar, policy, asOf));
    out.push(localHealthCheckDue(period, assessments, calendar, policy, asOf));
  }
  return out.filter((d): d is DueDate => d !== null).sort(byDueOrder);
}

/** A period's next review in a schedule (its nextReviewDue), or null. */
export function nextCareReviewOf(dueDates: readonly DueDate[], periodId: string): DueDate | null {
  return earliest(dueDates.filter((d) => d.kind === 'CIC_REVIEW' && d.subjectId === periodId));
}

/** Late: held after the date its rule gave (rules.md, "Conventions"). */
export function reviewLate(heldOn: IsoDate, dueOn: IsoDate): boolean {
  return heldOn > dueOn;
}

/**
 * For each review of the period held on or before asOf (not cancelled), whether it was late:
 * the chain continues from the reviews actually held. Short breaks (CIC-SHORT-BREAK-REVIEW)
 * apply to a review when the legal status in force on its held date is V3/V4; the chain then
 * runs from the series' first break through the reviews of its earlier breaks.
 */
export function careReviewsWithLateness(input: {
  period: PeriodOfCareFact;
  /** Every period of care of the child (as known on asOf): a short-break series spans several. */
  periods: readonly PeriodOfCareFact[];
  reviews: readonly CareReviewFact[];
  legalStatuses: readonly LegalStatusFact[];
  calendar: WorkingDayCalendar;
  policy: Policy;
  asOf: IsoDate;
}): Map<string, boolean> {
  const { period, calendar, policy, asOf } = input;
  const held = input.reviews
    .filter((r) => r.periodId === period.id && !r.cancelled && r.heldOn !== null && r.heldOn <= asOf)
    .sort((a, b) => a.heldOn!.localeCompare(b.heldOn!) || a.id.localeCompare(b.id));
  const series = shortBreakSeries(period, input.periods, input.legalStatuses);
  const heldInEarlierBreaks = heldSeriesReviewDates(series.slice(0, -1), input.reviews, asOf);
  const late = new Map<string, boolean>();
  const before: IsoDate[] = [];
  for (const review of held) {
    const heldOn = review.heldOn!;
    const due = isShortBreaks(legalStatusOn(input.legalStatuses, heldOn)?.code)
      ? careReviewDueAfter(series[0]!, [...heldInEarlierBreaks, ...before], true, calendar, policy)
      : careReviewDueAfter(period, before, false, calendar, policy);
    late.set(review.id, reviewLate(heldOn, due.dueOn));
    before.push(heldOn);
  }
  return late;
}
