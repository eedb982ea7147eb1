// BI compliance measures (docs/compliance.md): per due kind, how many fell due in a period,
// how many were done on time or late, how many are still overdue; and caseload counts. Pure
// aggregation over the same due-date records the per-child fields come from.

import { addMonths, addYears } from './calendar.js';
import type { CareStatusKind } from './care-status.js';
import type { DueDateRecord } from './due-date-history.js';
import type { DueKind } from './due-dates.js';
import type { IsoDate } from './facts.js';
import type { RuleId } from './rules.js';

export type ComplianceGrouping = 'NONE' | 'TEAM' | 'KIND' | 'MONTH';

/** A due date of one child, with the child's allocated team on asOf. */
export interface ComplianceRow extends DueDateRecord {
  childId: string;
  team: string | null;
}

/** What the caseload counts read about one child on asOf. */
export interface ChildCaseload {
  childId: string;
  team: string | null;
  kinds: readonly CareStatusKind[];
  isDualStatus: boolean;
  /** DS-BEYOND-3-MONTHS: still dual status after the second CiC review was held. */
  dualStatusExceptional: boolean;
  cpPlansOverTwoYears: number;
  cinPlansOverSixMonths: number;
}

/** Open plans on asOf started more than two years (CP) or six months (CiN) before it. */
export function longPlans(openCpPlanStarts: readonly IsoDate[], openCinPlanStarts: readonly IsoDate[], asOf: IsoDate) {
  return {
    cpPlansOverTwoYears: openCpPlanStarts.filter((start) => asOf > addYears(start, 2)).length,
    cinPlansOverSixMonths: openCinPlanStarts.filter((start) => asOf > addMonths(start, 6)).length,
  };
}

export interface ComplianceMeasure {
  kind: DueKind;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  onTimeRate: number | null;
  ruleIds: RuleId[];
}

export interface ComplianceGroup {
  key: string | null;
  measures: ComplianceMeasure[];
  childrenByStatus: { kind: CareStatusKind; count: number }[];
  dualStatusChildren: number;
  dualStatusBeyondThreeMonths: number;
  cpPlansOverTwoYears: number;
  cinPlansOverSixMonths: number;
}

/** The key of a row's group; the key of children who have no team. */
export const noTeam = 'No allocated team';

/** One due kind's counts in a group, before the rate: what the store's SQL and measuresOf both add up. */
export interface MeasureCounts {
  kind: DueKind;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  ruleIds: RuleId[];
}

/** A group of children's caseload counts (only children with an open status). */
export interface CaseloadCounts {
  byStatus: Map<CareStatusKind, number>;
  children: number;
  dualStatusChildren: number;
  dualStatusBeyondThreeMonths: number;
  cpPlansOverTwoYears: number;
  cinPlansOverSixMonths: number;
}

/**
 * The counts the groups are made from: measures by group key, and caseloads by team (TEAM) or
 * for the whole authority (key null, every other grouping).
 */
export interface ComplianceCounts {
  measures: Map<string | null, MeasureCounts[]>;
  caseloads: Map<string | null, CaseloadCounts>;
}

/** A row's group key; null for NONE. */
export function groupKeyOf(groupBy: ComplianceGrouping): (row: ComplianceRow) => string | null {
  if (groupBy === 'TEAM') return (row) => row.team ?? noTeam;
  if (groupBy === 'KIND') return (row) => row.kind;
  if (groupBy === 'MONTH') return (row) => row.dueOn.slice(0, 7);
  return () => null;
}

/**
 * Per due kind: how many fell due, were done on time or late, are overdue. Due dates whose
 * completion the extract cannot show (completionKnown false) are left out; `due` − onTime − late −
 * overdue is what is not yet due.
 */
function measureCountsOf(rows: readonly DueDateRecord[]): MeasureCounts[] {
  const byKind = new Map<DueKind, MeasureCounts>();
  for (const row of rows) {
    if (!row.completionKnown) continue;
    let counts = byKind.get(row.kind);
    if (!counts) byKind.set(row.kind, (counts = { kind: row.kind, due: 0, onTime: 0, late: 0, overdue: 0, ruleIds: [] }));
    counts.due++;
    if (row.doneOn !== null) row.late ? counts.late++ : counts.onTime++;
    else if (row.overdue) counts.overdue++;
    if (!counts.ruleIds.includes(row.ruleId)) counts.ruleIds.push(row.ruleId);
  }
  return [...byKind.values()];
}

/** The measures of counted kinds: each with its on-time rate, kinds and rule ids in order. */
function measuresFrom(counts: readonly MeasureCounts[]): ComplianceMeasure[] {
  return counts
    .map((measure) => {
      const decided = measure.onTime + measure.late + measure.overdue;
      return { ...measure, onTimeRate: decided === 0 ? null : measure.onTime / decided, ruleIds: [...measure.ruleIds].sort() };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind));
}

/** One measure per due kind present (measureCountsOf), with its rate. */
export function measuresOf(rows: readonly DueDateRecord[]): ComplianceMeasure[] {
  return measuresFrom(measureCountsOf(rows));
}

/** Caseload counts over children with an open status. */
function caseloadCountsOf(children: readonly ChildCaseload[]): CaseloadCounts {
  const byStatus = new Map<CareStatusKind, number>();
  for (const child of children) for (const kind of child.kinds) byStatus.set(kind, (byStatus.get(kind) ?? 0) + 1);
  return {
    byStatus,
    children: children.length,
    dualStatusChildren: children.filter((child) => child.isDualStatus).length,
    dualStatusBeyondThreeMonths: children.filter((child) => child.isDualStatus && child.dualStatusExceptional).length,
    cpPlansOverTwoYears: children.reduce((sum, child) => sum + child.cpPlansOverTwoYears, 0),
    cinPlansOverSixMonths: children.reduce((sum, child) => sum + child.cinPlansOverSixMonths, 0),
  };
}

const noCaseload: CaseloadCounts = { byStatus: new Map(), children: 0, dualStatusChildren: 0, dualStatusBeyondThreeMonths: 0, cpPlansOverTwoYears: 0, cinPlansOverSixMonths: 0 };

/** A group's caseload fields; `notOpen` children (no open status) are counted apart, as NOT_OPEN. */
function caseloadFrom(counts: CaseloadCounts, notOpen: number) {
  const byStatus = new Map(counts.byStatus);
  if (notOpen > 0) byStatus.set('NOT_OPEN', (byStatus.get('NOT_OPEN') ?? 0) + notOpen);
  return {
    childrenByStatus: [...byStatus.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => a.kind.localeCompare(b.kind)),
    dualStatusChildren: counts.dualStatusChildren,
    dualStatusBeyondThreeMonths: counts.dualStatusBeyondThreeMonths,
    cpPlansOverTwoYears: counts.cpPlansOverTwoYears,
    cinPlansOverSixMonths: counts.cinPlansOverSixMonths,
  };
}

/**
 * The groups from their counts (caseload facts as on the asOf the children were read on): NONE
 * (one, key null), TEAM (the child's allocated team on asOf), KIND (the due kind; caseload counts
 * are the whole authority's), MONTH (yyyy-mm of the due date; the same). `notOpen` is the number
 * of children in scope with no open status and no work in the period.
 */
export function groupsFromCounts(counts: ComplianceCounts, groupBy: ComplianceGrouping, notOpen: number): ComplianceGroup[] {
  const measuresFor = (key: string | null) => measuresFrom(counts.measures.get(key) ?? []);
  if (groupBy === 'TEAM') {
    const teams = [...new Set([...counts.measures.keys(), ...counts.caseloads.keys()])].map((team) => team ?? noTeam).sort();
    return teams.map((team) => ({ key: team, measures: measuresFor(team), ...caseloadFrom(counts.caseloads.get(team) ?? noCaseload, team === noTeam ? notOpen : 0) }));
  }
  const authority = caseloadFrom(counts.caseloads.get(null) ?? noCaseload, notOpen);
  if (groupBy === 'NONE') return [{ key: null, measures: measuresFor(null), ...authority }];
  return [...counts.measures.keys()].sort().map((key) => ({ key, measures: measuresFor(key), ...authority }));
}

/** Map.groupBy (Node 21): items by key, in their order. */
function grouped<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The counts of these rows and open children's caseload facts, grouped (groupsFromCounts adds them into groups). */
export function countsOf(rows: readonly ComplianceRow[], children: readonly ChildCaseload[], groupBy: ComplianceGrouping): ComplianceCounts {
  const rowsByKey = grouped(rows, groupKeyOf(groupBy));
  const caseloads = groupBy === 'TEAM' ? grouped(children, (child) => child.team ?? noTeam) : new Map([[null, children]]);
  return {
    measures: new Map([...rowsByKey].map(([key, group]) => [key, measureCountsOf(group)])),
    caseloads: new Map([...caseloads].map(([key, group]) => [key, caseloadCountsOf(group)])),
  };
}

/** `more` added into `total`: whole-authority work counts a batch of children at a time, never holding them all. */
export function addCounts(total: ComplianceCounts, more: ComplianceCounts): ComplianceCounts {
  for (const [key, measures] of more.measures) {
    const byKind = new Map((total.measures.get(key) ?? []).map((measure) => [measure.kind, measure]));
    for (const measure of measures) {
      const sum = byKind.get(measure.kind);
      if (!sum) byKind.set(measure.kind, { ...measure, ruleIds: [...measure.ruleIds] });
      else {
        Object.assign(sum, { due: sum.due + measure.due, onTime: sum.onTime + measure.onTime, late: sum.late + measure.late, overdue: sum.overdue + measure.overdue });
        for (const ruleId of measure.ruleIds) if (!sum.ruleIds.includes(ruleId)) sum.ruleIds.push(ruleId);
      }
    }
    total.measures.set(key, [...byKind.values()]);
  }
  for (const [key, caseload] of more.caseloads) {
    const sum = total.caseloads.get(key) ?? { ...noCaseload, byStatus: new Map() };
    for (const [kind, count] of caseload.byStatus) sum.byStatus.set(kind, (sum.byStatus.get(kind) ?? 0) + count);
    total.caseloads.set(key, {
      byStatus: sum.byStatus,
      children: sum.children + caseload.children,
      dualStatusChildren: sum.dualStatusChildren + caseload.dualStatusChildren,
      dualStatusBeyondThreeMonths: sum.dualStatusBeyondThreeMonths + caseload.dualStatusBeyondThreeMonths,
      cpPlansOverTwoYears: sum.cpPlansOverTwoYears + caseload.cpPlansOverTwoYears,
      cinPlansOverSixMonths: sum.cinPlansOverSixMonths + caseload.cinPlansOverSixMonths,
    });
  }
  return total;
}

/** The groups from due-date rows and the open children's caseload facts (groupsFromCounts). */
export function complianceGroups(
  rows: readonly ComplianceRow[],
  children: readonly ChildCaseload[],
  groupBy: ComplianceGrouping,
  notOpen: number,
): ComplianceGroup[] {
  return groupsFromCounts(countsOf(rows, children, groupBy), groupBy, notOpen);
}
