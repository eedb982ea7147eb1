// Care leavers (rules.md, "Care leavers": CL-LEAVE-18, CL-ELIGIBLE, CL-RELEVANT,
// CL-FORMER-RELEVANT, CL-QUALIFYING, CL-PATHWAY, CL-PATHWAY-REVIEW, CL-SUPPORT-21). Pure functions: ISO dates in,
// ISO dates out, no time zones.
//
// Readings Carebridge takes (each repeated at the rule it shapes):
//
// - Facts as known on `asOf` (facts.ts `asKnownOn`): periods of care and legal statuses that
//   start after `asOf` are ignored; an end date after `asOf` is not yet known, so the period
//   (or status) is still open on `asOf`.
// - A day looked after: a day inside a period of care, from its start date up to its end date
//   *exclusive* ("Period of care": an end date equal to the next start date means no gap, so the
//   end date is not a day in care). An open period runs through `asOf` *inclusive* (the child is
//   looked after on `asOf`: `isOpenOn`), and never past the day before the 18th birthday
//   (CL-LEAVE-18). Counting through `asOf` inclusive means that the count on the last day of a
//   period equals the count once the period has closed, so "eligible when last looked after"
//   (CL-RELEVANT) sees the same days as the closed period. The SSDA903 validator (below) fills a
//   missing end date with the collection end and subtracts, i.e. it leaves the collection end day
//   out: on an open period it counts one day fewer than Carebridge.
// - Short breaks: CL-ELIGIBLE says "Periods under V3/V4 (short breaks) do not count". A period
//   is split by its legal statuses: a day counts unless the legal status in force that day
//   (`legalStatusOn`: the latest to start where an extract overlaps them) is V3 or V4. A day with
//   no legal status recorded counts. This exclusion is applied only to the day counts of
//   CL-ELIGIBLE; "looked after" elsewhere (looked after on `asOf`, CL-QUALIFYING's "looked after
//   at some time after 16") is a period of care open that day, whatever its legal status:
//   a child on short breaks is looked after (Children Act 1989 s.22(1), accommodated under s.20)
//   and rules.md excludes V3/V4 from CL-ELIGIBLE only.
// - Birthdays are `addYears(dateOfBirth, n)`, so a 29 February birthday falls on 28 February in
//   a common year, as `ageOn` does everywhere in Carebridge (and as the validator's
//   `pd.DateOffset(years=14)` does).
//
// Cross-check, SSDA903 validator rule 1001 (data-to-insight/csc-validator-be-903,
// lac_validator/rules/lac2022_23/rule_1001.py, commit 0a82858b): it drops episodes whose legal
// status is V3/V4, counts per episode `DEC - max(DECOM, DOB + 14 years)` and
// `DEC - max(DECOM, DOB + 16 years)` in days (start day in, end day out, clipped at 0), sums them
// per child and requires TOTAL14 >= 91 and TOTAL16 >= 1. Carebridge counts the same days (the
// 14th and 16th birthdays themselves count; the end date does not), with the two differences
// noted above: an open period includes `asOf`, and the count stops at the 18th birthday.

import { addDays, addYears, ageOn, dueWithin, isIsoDate, dayNumber, type WorkingDayCalendar } from './calendar.js';
import { legalStatusOn, type PeriodOfCareFact } from './child-in-care.js';
import type { MeetingFact } from './child-protection.js';
import { openDueDate, type DueDate } from './due-dates.js';
import { asKnownOn, isOpenOn, type CareLeaverRecordFact, type IsoDate, type LegalStatusFact, type Span } from './facts.js';
import type { Policy } from './policy.js';
import type { RuleId } from './rules.js';

export type CareLeaverCategory = 'ELIGIBLE' | 'RELEVANT' | 'FORMER_RELEVANT' | 'QUALIFYING' | 'NONE';

export interface CareLeaverInput {
  dateOfBirth: IsoDate | null;
  periods: readonly PeriodOfCareFact[];
  legalStatuses: readonly LegalStatusFact[];
  /**
   * The young person is (or, from 18, was at 18) under a special guardianship order made while
   * they were looked after (CL-QUALIFYING; Children Act 1989 s.24(1A)). The extract does not
   * carry orders, so the caller says so.
   */
  specialGuardianshipOrderMadeWhileLookedAfter?: boolean;
  asOf: IsoDate;
}

export interface CareLeaverStatusResult {
  category: CareLeaverCategory;
  supportUntil: IsoDate | null;
  ruleIds: RuleId[];
}

export interface DaysLookedAfterInput {
  dateOfBirth: IsoDate;
  periods: readonly PeriodOfCareFact[];
  legalStatuses: readonly LegalStatusFact[];
  asOf: IsoDate;
}

/** CL-ELIGIBLE: "at least 13 weeks (91 days)". */
export const eligibleMinimumDays = 91;

/** CL-ELIGIBLE: legal statuses whose days are short breaks and do not count. */
const shortBreakCodes: ReadonlySet<string> = new Set(['V3', 'V4']);

interface Birthdays {
  fourteenth: IsoDate;
  sixteenth: IsoDate;
  eighteenth: IsoDate;
  twentyFirst: IsoDate;
}

function birthdaysOf(dateOfBirth: IsoDate): Birthdays {
  return {
    fourteenth: addYears(dateOfBirth, 14),
    sixteenth: addYears(dateOfBirth, 16),
    eighteenth: addYears(dateOfBirth, 18),
    twentyFirst: addYears(dateOfBirth, 21),
  };
}

/** The facts known on a date, for one young person. */
interface Known {
  dateOfBirth: IsoDate;
  birthdays: Birthdays;
  periods: Span[];
  legalStatuses: LegalStatusFact[];
}

function knownOn(
  dateOfBirth: IsoDate,
  periods: readonly Span[],
  legalStatuses: readonly LegalStatusFact[],
  on: IsoDate,
): Known {
  return {
    dateOfBirth,
    birthdays: birthdaysOf(dateOfBirth),
    periods: asKnownOn(periods, on),
    legalStatuses: asKnownOn(legalStatuses, on),
  };
}

function assertIsoDate(name: string, value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${name} is not an ISO date: ${value}`);
}

/** Days from `from` to `to` (`to` exclusive). */
function daysBetween(from: IsoDate, to: IsoDate): number {
  const day = (date: IsoDate) => {
    const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
    return dayNumber(year, month, dayOfMonth);
  };
  return day(to) - day(from);
}

const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------
// CL-LEAVE-18 — "Every child in care leaves care on the 18th birthday" (rules.md; seed 002:
// "Every CiC 'leaves care' on their 18th birthday").

/** CL-LEAVE-18: the first day on which nobody is looked after any more. */
function leavesCareOn(known: Known): IsoDate {
  return known.birthdays.eighteenth;
}

/** Looked after on a day: a known period of care is open that day, and it is before the 18th birthday (CL-LEAVE-18). */
function lookedAfterOn(known: Known, day: IsoDate): boolean {
  return day < leavesCareOn(known) && known.periods.some((period) => isOpenOn(period, day));
}

/**
 * CL-LEAVE-18 produced the answer when the young person was still looked after on the day before
 * the 18th birthday and `asOf` is on or after it: they left care on the 18th birthday.
 */
function leftCareAtEighteen(input: CareLeaverInput, dateOfBirth: IsoDate): boolean {
  const eighteenth = addYears(dateOfBirth, 18);
  if (input.asOf < eighteenth) return false;
  const dayBefore = addDays(eighteenth, -1);
  return lookedAfterOn(knownOn(dateOfBirth, input.periods, input.legalStatuses, dayBefore), dayBefore);
}

// ---------------------------------------------------------------------------------------------
// Counting days looked after (CL-ELIGIBLE's operational test).

/** The known periods of care cut to [from, to), merged where they overlap (an extract's overlap never counts a day twice). */
function periodDaysWithin(periods: readonly Span[], from: IsoDate, to: IsoDate): Array<[IsoDate, IsoDate]> {
  const cut = periods
    .map((period): [IsoDate, IsoDate] => [later(period.startDate, from), earlier(period.endDate ?? to, to)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const merged: Array<[IsoDate, IsoDate]> = [];
  for (const [start, end] of cut) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = later(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * CL-ELIGIBLE: days looked after in [from, to) that count — every day in a period of care unless
 * the legal status in force that day (`legalStatusOn`) is V3 or V4 (short breaks). The period is
 * split at each legal status start and end inside it; the status in force is the same on every
 * day of a piece.
 */
function countedDays(known: Known, from: IsoDate, to: IsoDate): number {
  let days = 0;
  for (const [start, end] of periodDaysWithin(known.periods, from, to)) {
    const cuts = new Set<IsoDate>([start, end]);
    for (const status of known.legalStatuses) {
      if (status.startDate > start && status.startDate < end) cuts.add(status.startDate);
      if (status.endDate !== null && status.endDate > start && status.endDate < end) cuts.add(status.endDate);
    }
    const points = [...cuts].sort();
    for (let i = 0; i + 1 < points.length; i++) {
      const pieceStart = points[i]!;
      const code = legalStatusOn(known.legalStatuses, pieceStart)?.code.trim().toUpperCase();
      if (code !== undefined && shortBreakCodes.has(code)) continue;
      days += daysBetween(pieceStart, points[i + 1]!);
    }
  }
  return days;
}

/** Counted days from `from` through `through` inclusive, stopping at the 18th birthday (CL-LEAVE-18). */
function countedDaysThrough(known: Known, from: IsoDate, through: IsoDate): number {
  return countedDays(known, from, earlier(addDays(through, 1), leavesCareOn(known)));
}

/**
 * Days looked after since the 14th birthday (the birthday itself counts), through `asOf`
 * inclusive, as known on `asOf`: V3/V4 days left out, nothing counted from the 18th birthday.
 * CL-ELIGIBLE needs at least 91.
 */
export function daysLookedAfterSince14(input: DaysLookedAfterInput): number {
  assertIsoDate('dateOfBirth', input.dateOfBirth);
  assertIsoDate('asOf', input.asOf);
  const known = knownOn(input.dateOfBirth, input.periods, input.legalStatuses, input.asOf);
  return countedDaysThrough(known, known.birthdays.fourteenth, input.asOf);
}

/** The same count from the 16th birthday (the birthday itself counts). CL-ELIGIBLE needs at least 1. */
export function daysLookedAfterSince16(input: DaysLookedAfterInput): number {
  assertIsoDate('dateOfBirth', input.dateOfBirth);
  assertIsoDate('asOf', input.asOf);
  const known = knownOn(input.dateOfBirth, input.periods, input.legalStatuses, input.asOf);
  return countedDaysThrough(known, known.birthdays.sixteenth, input.asOf);
}

// ---------------------------------------------------------------------------------------------
// The categories. Each takes the raw input and the day it is judged on, and reads the facts as
// known on that day (every day asked about is on or before `asOf`).

const isSixteenOrSeventeen = (dateOfBirth: IsoDate, day: IsoDate) => {
  const age = ageOn(dateOfBirth, day);
  return age === 16 || age === 17;
};

/**
 * CL-ELIGIBLE — Children Act 1989 Sch 2 para 19B; Care Planning, Placement and Case Review
 * (England) Regulations 2010 reg 40; operational test as SSDA903 validator rule 1001. rules.md:
 * "aged 16–17, looked after now, and looked after for at least 13 weeks (91 days) in total since
 * the 14th birthday, at least one day of it after the 16th birthday. Periods under V3/V4 (short
 * breaks) do not count". "After the 16th birthday" is read as on or after it (validator:
 * `max(DECOM, DOB16)`), and the day on/after 16 must itself be a counted (non-V3/V4) day.
 */
function isEligibleOn(input: CareLeaverInput, dateOfBirth: IsoDate, day: IsoDate): boolean {
  if (!isSixteenOrSeventeen(dateOfBirth, day)) return false;
  const known = knownOn(dateOfBirth, input.periods, input.legalStatuses, day);
  return (
    lookedAfterOn(known, day) &&
    countedDaysThrough(known, known.birthdays.fourteenth, day) >= eligibleMinimumDays &&
    countedDaysThrough(known, known.birthdays.sixteenth, day) >= 1
  );
}

/**
 * CL-RELEVANT — Children Act 1989 s.23A. rules.md: "aged 16–17, no longer looked after, and
 * eligible when last looked after". Eligibility is judged on the last day of the last period of
 * care (the day before its end date). Not modelled (the extract does not carry them): a child
 * detained or in hospital on the 16th birthday (s.23A(2); Care Leavers (England) Regulations 2010
 * reg 3), and the exclusion of a child who returned home for six months or more.
 */
function isRelevantOn(input: CareLeaverInput, dateOfBirth: IsoDate, day: IsoDate): boolean {
  if (!isSixteenOrSeventeen(dateOfBirth, day)) return false;
  const known = knownOn(dateOfBirth, input.periods, input.legalStatuses, day);
  if (lookedAfterOn(known, day)) return false;
  // Not looked after on `day`: every known period ended on or before it.
  const lastEnd = known.periods
    .filter((period) => period.endDate !== null && period.startDate < period.endDate)
    .map((period) => period.endDate!)
    .sort()
    .at(-1);
  return lastEnd !== undefined && isEligibleOn(input, dateOfBirth, addDays(lastEnd, -1));
}

/**
 * CL-FORMER-RELEVANT — Children Act 1989 s.23C. rules.md: "aged 18–20 (to 25, see CL-SUPPORT-21)
 * who was eligible or relevant at 18": eligible on the day before the 18th birthday (still looked
 * after when care ended at 18, CL-LEAVE-18; s.23C(1)(b)) or relevant that day (s.23C(1)(a)).
 *
 * Reading for 21–24: the category is FORMER_RELEVANT from the 18th birthday up to the day before
 * the 21st, and NONE from the 21st birthday. The duties that run on to 25 (a personal adviser on
 * request, s.23CZB; support while in education or training, s.23C(7), s.23CA) depend on a
 * request or a programme that the extract does not hold, so Carebridge does not infer them.
 */
function isFormerRelevantOn(input: CareLeaverInput, dateOfBirth: IsoDate, day: IsoDate): boolean {
  const age = ageOn(dateOfBirth, day);
  if (age < 18 || age > 20) return false;
  const dayBeforeEighteen = addDays(addYears(dateOfBirth, 18), -1);
  return isEligibleOn(input, dateOfBirth, dayBeforeEighteen) || isRelevantOn(input, dateOfBirth, dayBeforeEighteen);
}

/**
 * CL-QUALIFYING — Children Act 1989 s.24. rules.md: "looked after at some time after 16 but not
 * eligible (or under a special guardianship order made when looked after), aged 16–20".
 * Readings: s.24(1)(b) "at any time after reaching the age of sixteen but while still a child he
 * was, but is no longer, looked after", so the young person must not be looked after on `asOf`
 * (a looked-after 16- or 17-year-old who is not yet eligible is NONE, not a care leaver yet);
 * "after 16" is on or after the 16th birthday and before the 18th (CL-LEAVE-18); any day in a
 * period of care counts, short breaks (V3/V4) included, since rules.md excludes them from
 * CL-ELIGIBLE only. The special guardianship limb (s.24(1A): aged 16 to 20, the order in force,
 * or in force at 18, and looked after immediately before it was made) is the caller's flag.
 * Eligible, relevant and former relevant take precedence (the caller checks them first).
 */
function isQualifyingOn(input: CareLeaverInput, dateOfBirth: IsoDate, day: IsoDate): boolean {
  const age = ageOn(dateOfBirth, day);
  if (age < 16 || age > 20) return false;
  if (input.specialGuardianshipOrderMadeWhileLookedAfter === true) return true;
  const known = knownOn(dateOfBirth, input.periods, input.legalStatuses, day);
  if (lookedAfterOn(known, day)) return false;
  const until = earlier(addDays(day, 1), leavesCareOn(known));
  return periodDaysWithin(known.periods, known.birthdays.sixteenth, until).length > 0;
}

/**
 * CL-SUPPORT-21 — seed 002 ("Eligible care leavers are entitled to leaving care support until at
 * least 21years old"); Children and Social Work Act 2017 s.3 (CA 1989 s.23CZB). rules.md:
 * "Personal adviser and leaving-care support until 21; any care leaver may ask for a personal
 * adviser until 25; education and training support to 25".
 * Choice: `supportUntil` is the 21st birthday for every care-leaver category (eligible, relevant,
 * former relevant and qualifying: s.24 support also runs "under twenty-one"), the day support
 * ends. A personal adviser up to the 25th birthday is available on request (s.23CZB) and
 * education and training support runs to 25; Carebridge holds no such request or programme, so
 * it does not return the 25th birthday.
 */
function supportUntil(dateOfBirth: IsoDate): IsoDate {
  return addYears(dateOfBirth, 21);
}

const none: CareLeaverStatusResult = { category: 'NONE', supportUntil: null, ruleIds: [] };

const categoryRule: Record<Exclude<CareLeaverCategory, 'NONE'>, RuleId> = {
  ELIGIBLE: 'CL-ELIGIBLE',
  RELEVANT: 'CL-RELEVANT',
  FORMER_RELEVANT: 'CL-FORMER-RELEVANT',
  QUALIFYING: 'CL-QUALIFYING',
};

/**
 * A young person's care-leaver category on `asOf`, the day leaving-care support ends, and the
 * rules that produced them: CL-LEAVE-18 when care ended on the 18th birthday, the category's
 * rule, CL-SUPPORT-21. NONE (no rules, no date) under 16, from the 21st birthday, with no date
 * of birth, or when no category applies.
 */
export function careLeaverStatusOn(input: CareLeaverInput): CareLeaverStatusResult {
  assertIsoDate('asOf', input.asOf);
  const { dateOfBirth, asOf } = input;
  if (dateOfBirth === null) return { ...none, ruleIds: [] };
  assertIsoDate('dateOfBirth', dateOfBirth);

  const age = ageOn(dateOfBirth, asOf);
  let category: CareLeaverCategory = 'NONE';
  if (age >= 16 && age <= 20) {
    if (isEligibleOn(input, dateOfBirth, asOf)) category = 'ELIGIBLE';
    else if (isRelevantOn(input, dateOfBirth, asOf)) category = 'RELEVANT';
    else if (isFormerRelevantOn(input, dateOfBirth, asOf)) category = 'FORMER_RELEVANT';
    else if (isQualifyingOn(input, dateOfBirth, asOf)) category = 'QUALIFYING';
  }
  if (category === 'NONE') return { ...none, ruleIds: [] };

  const ruleIds: RuleId[] = [];
  if (leftCareAtEighteen(input, dateOfBirth)) ruleIds.push('CL-LEAVE-18');
  ruleIds.push(categoryRule[category], 'CL-SUPPORT-21');
  return { category, supportUntil: supportUntil(dateOfBirth), ruleIds };
}

/**
 * CL-PATHWAY — seed 002: "If the child is 16 years old or above a Pathway Plan detailing the
 * steps taken to prepare them for leaving care"; rules.md "Pathway plan from 16"; the contract's
 * `CarePlanSummary.pathwayPlanRequired`: "16 or over: a pathway plan is required".
 * Choice: true from the 16th birthday on, whatever the care-leaver category, with no upper age.
 * The statutory duty is narrower — a pathway plan for an eligible child (reg 43 of the Care
 * Planning Regulations 2010), a relevant child (s.23B(3)) and a former relevant child
 * (s.23C(3)) — but the local rule and the contract ask for one at 16 for every child in care,
 * and `CarePlanSummary` exists only for a looked-after child, who is under 18 (CL-LEAVE-18). A
 * caller wanting the statutory duty combines this with `careLeaverStatusOn` (category ELIGIBLE,
 * RELEVANT or FORMER_RELEVANT). No date of birth: false.
 */
export function pathwayPlanRequired(dateOfBirth: IsoDate | null, asOf: IsoDate): boolean {
  assertIsoDate('asOf', asOf);
  if (dateOfBirth === null) return false;
  assertIsoDate('dateOfBirth', dateOfBirth);
  return ageOn(dateOfBirth, asOf) >= 16;
}

export interface PathwayPlanReviewInput extends CareLeaverInput {
  careLeaverRecords: readonly CareLeaverRecordFact[];
  meetings: readonly MeetingFact[];
  /** False when the extract carries no PATHWAY_PLAN_REVIEW meetings at all. */
  reviewsKnown: boolean;
  calendar: WorkingDayCalendar;
  policy: Policy;
}

/** The categories with a statutory pathway plan: eligible (reg 43), relevant (s.23B(3)), former relevant (s.23C(3)). */
const pathwayPlanCategories: ReadonlySet<CareLeaverCategory> = new Set(['ELIGIBLE', 'RELEVANT', 'FORMER_RELEVANT']);

/**
 * CL-PATHWAY-REVIEW — Care Leavers (England) Regulations 2010 reg 7: "at least every 6 months".
 * Who: an eligible, relevant or former relevant young person (`careLeaverStatusOn`), and — by
 * CL-PATHWAY (002, "Pathway Plan from 16") — any child looked after on `asOf` from the 16th
 * birthday who is not eligible yet. Not a qualifying care leaver (s.24 gives advice and
 * assistance, not a pathway plan), nobody from the 21st birthday (the category is NONE then).
 * From: 6 months after the latest review held on or before `asOf` — `cb_meeting`
 * PATHWAY_PLAN_REVIEW rows and `ssd_care_leavers.clea_pathway_plan_review_date` ("the date the
 * Pathway plan started, or the latest date [it] was reviewed") — and with none, 6 months after
 * the plan's duty began: the first day looked after on or after the 16th birthday (the 16th
 * birthday when looked after then, else the start of care if later). completionKnown is false
 * when neither source holds a date. No date of birth: null.
 */
export function pathwayPlanReviewDue(input: PathwayPlanReviewInput): DueDate | null {
  const { dateOfBirth, asOf } = input;
  if (dateOfBirth === null) return null;
  // Under 16, or never looked after, no one has a pathway plan: the costlier tests below need not
  // run (the schedule asks this on every day the due-date history replays).
  if (input.periods.length === 0 || ageOn(dateOfBirth, asOf) < 16) return null;
  const { category } = careLeaverStatusOn(input);
  const known = knownOn(dateOfBirth, input.periods, input.legalStatuses, asOf);
  const needsPlan = pathwayPlanCategories.has(category) || (lookedAfterOn(known, asOf) && pathwayPlanRequired(dateOfBirth, asOf));
  const { sixteenth, eighteenth } = known.birthdays;
  const dutyFrom = known.periods
    .filter((period) => period.startDate < eighteenth && (period.endDate === null || period.endDate > sixteenth))
    .map((period) => later(period.startDate, sixteenth))
    .sort()[0];
  if (!needsPlan || dutyFrom === undefined) return null;

  const held = [
    ...input.meetings.filter((meeting) => meeting.kind === 'PATHWAY_PLAN_REVIEW').map((meeting) => meeting.date),
    ...input.careLeaverRecords.map((record) => record.pathwayPlanReviewDate).filter((date): date is IsoDate => date !== null),
  ].filter((date) => date <= asOf);
  const lastHeld = held.sort().at(-1);
  const from = lastHeld !== undefined ? later(lastHeld, dutyFrom) : dutyFrom;
  return openDueDate({
    kind: 'PATHWAY_PLAN_REVIEW',
    ...dueWithin(from, { amount: 6, unit: 'MONTHS' }, input.calendar, input.policy.monthsAs),
    ruleId: 'CL-PATHWAY-REVIEW',
    subjectId: input.careLeaverRecords[0]?.id ?? null,
    asOf,
    completionKnown: input.reviewsKnown || input.careLeaverRecords.some((record) => record.pathwayPlanReviewDate !== null && record.pathwayPlanReviewDate <= asOf),
  });
}
