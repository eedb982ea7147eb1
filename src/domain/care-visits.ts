// Social worker visits to a looked-after child (rules.md, "Child in care": CIC-VISIT-FIRST,
// CIC-VISIT-YEAR-1, CIC-VISIT-LATER, CIC-VISIT-LONG-TERM-FOSTER, CIC-VISIT-WITH-PARENT,
// CIC-VISIT-ICO-AT-HOME, CIC-VISIT-CARE-ORDER-AT-HOME — Care Planning, Placement and Case Review
// (England) Regulations 2010 reg 28 — and the local CIC-VISIT-AT-HOME, seed 002). Pure: facts
// and ISO dates in, the next visit due under each applicable rule out. Readings are in
// docs/visits-and-education.md.
//
// Which paragraph of reg 28 applies is read from the facts on `asOf` (the latest placement of
// the period and the legal status in force); the phase within it (weekly until the first
// review, first year of the placement) from the date of the last visit, since the interval
// runs from that visit. The chain continues from the visit actually held (rules.md).
// CIC-VISIT-AT-HOME competes with the statutory rule: both stay in the schedule.
// CIC-SHORT-BREAK-REVIEW (reg 48(3)(c)): reg 28(2) intervals do not apply to short breaks;
// the agreed intervals live in the short-break care plan, which the extract does not carry.

import { addYears, dueWithin, type CountedPeriod, type WorkingDayCalendar } from './calendar.js';
import { legalStatusOn, type PeriodOfCareFact } from './child-in-care.js';
import { heldReviewDates, isShortBreaks } from './child-in-care-schedule.js';
import { byDueOrder, openDueDate, type DueDate } from './due-dates.js';
import { asKnownOn, isOpenOn, type CareReviewFact, type IsoDate, type LegalStatusFact, type PlacementFact } from './facts.js';
import type { Policy } from './policy.js';
import type { RuleId } from './rules.js';

/** A visit by the child's social worker (`ssd_cla_visits`). */
export interface CareVisitFact {
  id: string;
  /** `clav_cla_id`: the period of care, when the extract carries it. */
  periodId: string | null;
  date: IsoDate;
}

export interface CareVisitsInput {
  period: PeriodOfCareFact;
  placements: readonly PlacementFact[];
  legalStatuses: readonly LegalStatusFact[];
  reviews: readonly CareReviewFact[];
  visits: readonly CareVisitFact[];
  calendar: WorkingDayCalendar;
  policy: Policy;
  asOf: IsoDate;
}

/** The rule that sets the next visit and within how long of the previous one (or of the chain's start). */
interface VisitInterval {
  ruleId: RuleId;
  within: CountedPeriod;
}

/** A chain of visits: where it starts, the first visit's interval, and the interval after each visit. */
interface VisitChain {
  from: IsoDate;
  first: VisitInterval;
  after: (visitedOn: IsoDate) => VisitInterval;
}

const weeks = (amount: number): CountedPeriod => ({ amount, unit: 'WEEKS' });
const months = (amount: number): CountedPeriod => ({ amount, unit: 'MONTHS' });

/** SSDA903 PLACE P1: placed with own parent or other person with parental responsibility ("living with P"). */
const withParent = 'P1';
/** SSDA903 PLACE U1/U4, long-term fostering: read as "intended to last until C is 18" (reg 28(2)(c)(i)). */
const longTermFostering: ReadonlySet<string> = new Set(['U1', 'U4']);

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** The placement the child is in on asOf: the period's latest to start; with none recorded, the period start stands for it. */
function currentPlacement(period: PeriodOfCareFact, placements: readonly PlacementFact[], asOf: IsoDate): { startDate: IsoDate; placementType: string | null } {
  const latest = asKnownOn(
    placements.filter((p) => p.periodId === period.id),
    asOf,
  ).sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id))[0];
  return latest ?? { startDate: period.startDate, placementType: null };
}

/** Living with P (P1) under a care order or interim care order (S.31; s.38): the order, else undefined. */
function orderAtHome(placement: { placementType: string | null }, status: LegalStatusFact | undefined): LegalStatusFact | undefined {
  return placement.placementType === withParent && (status?.code === 'C1' || status?.code === 'C2') ? status : undefined;
}

/**
 * The statutory chain in force on asOf (reg 28). `firstReview` is the period's first CiC review
 * held ("until the first review"): visits before it are weekly under reg 28(3) and (4).
 */
function statutoryChain(
  placement: { startDate: IsoDate; placementType: string | null },
  status: LegalStatusFact | undefined,
  firstReview: IsoDate | undefined,
  input: CareVisitsInput,
): VisitChain {
  const { calendar, policy, asOf } = input;
  // reg 28(3) and (4): at least once a week until the first review, then at most `then`.
  const weeklyUntilFirstReview = (ruleId: RuleId, from: IsoDate, then: CountedPeriod): VisitChain => ({
    from,
    first: { ruleId, within: weeks(1) },
    after: (visitedOn) => ({ ruleId, within: firstReview === undefined || visitedOn < firstReview ? weeks(1) : then }),
  });
  const type = placement.placementType;

  const order = orderAtHome(placement, status);
  if (order) {
    // The order, or the move home under it, whichever is later, starts the chain.
    const from = later(placement.startDate, order.startDate);
    if (order.code === 'C1') return weeklyUntilFirstReview('CIC-VISIT-ICO-AT-HOME', from, weeks(4));
    // reg 28(5): within 1 week of the care order, then at most 6 weeks.
    return {
      from,
      first: { ruleId: 'CIC-VISIT-CARE-ORDER-AT-HOME', within: weeks(1) },
      after: () => ({ ruleId: 'CIC-VISIT-CARE-ORDER-AT-HOME', within: weeks(6) }),
    };
  }
  // reg 28(3): placed with P under reg 19, before the assessment is complete (read: every other P1 placement).
  if (type === withParent) return weeklyUntilFirstReview('CIC-VISIT-WITH-PARENT', placement.startDate, weeks(6));
  // reg 28(4): temporary approval of a connected person (reg 24), read from the placement type and age.
  const temporary = policy.readings['CIC-VISIT-ICO-AT-HOME'];
  const approvalEnds = dueWithin(placement.startDate, temporary.temporaryApprovalFor, calendar, policy.monthsAs).dueOn;
  if (type !== null && temporary.temporaryApprovalPlacementTypes.includes(type) && asOf < approvalEnds) {
    return weeklyUntilFirstReview('CIC-VISIT-ICO-AT-HOME', placement.startDate, weeks(4));
  }
  // reg 28(2): within 1 week of the placement, 6-weekly in its first year, then by how long it is meant to last.
  const firstYearEnds = addYears(placement.startDate, 1);
  const longTerm = type !== null && longTermFostering.has(type);
  return {
    from: placement.startDate,
    first: { ruleId: 'CIC-VISIT-FIRST', within: weeks(1) },
    after: (visitedOn) => {
      if (visitedOn < firstYearEnds) return { ruleId: 'CIC-VISIT-YEAR-1', within: weeks(6) };
      if (longTerm && policy.readings['CIC-VISIT-LONG-TERM-FOSTER'].childAgrees) return { ruleId: 'CIC-VISIT-LONG-TERM-FOSTER', within: months(6) };
      return { ruleId: 'CIC-VISIT-LATER', within: longTerm ? months(3) : weeks(6) };
    },
  };
}

/** The next visit of a chain: after the last visit held since it started, else after its start. */
function nextVisitDue(chain: VisitChain, input: CareVisitsInput): DueDate {
  const { period, calendar, policy, asOf } = input;
  const last = input.visits
    .filter((v) => (v.periodId === null || v.periodId === period.id) && v.date >= chain.from && v.date <= asOf)
    .map((v) => v.date)
    .sort()
    .at(-1);
  const { ruleId, within } = last === undefined ? chain.first : chain.after(last);
  return openDueDate({ kind: 'CIC_VISIT', ...dueWithin(last ?? chain.from, within, calendar, policy.monthsAs), ruleId, subjectId: period.id, asOf });
}

/**
 * The next social worker visit due under each rule that applies on asOf: the statutory one,
 * and CIC-VISIT-AT-HOME (local) beside it for a child at home under a care order or interim
 * care order (S.31). [] when the period is not open on asOf or the child is on short breaks.
 */
export function careVisitsDue(input: CareVisitsInput): DueDate[] {
  const { period, policy, asOf } = input;
  if (!isOpenOn(period, asOf)) return [];
  const status = legalStatusOn(asKnownOn(input.legalStatuses, asOf), asOf);
  if (isShortBreaks(status?.code)) return [];
  const placement = currentPlacement(period, input.placements, asOf);
  const statutory = statutoryChain(placement, status, heldReviewDates(period.id, input.reviews, asOf)[0], input);
  const due = [nextVisitDue(statutory, input)];

  const local = policy.rules['CIC-VISIT-AT-HOME'];
  if (local.applies && orderAtHome(placement, status)) {
    const interval: VisitInterval = { ruleId: 'CIC-VISIT-AT-HOME', within: local.every };
    due.push(nextVisitDue({ from: statutory.from, first: interval, after: () => interval }, input));
  }
  return due.sort(byDueOrder);
}
