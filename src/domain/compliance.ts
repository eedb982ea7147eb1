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

/**
 * One measure per due kind present. Due dates whose completion the extract cannot show
 * (completionKnown false) are left out; `due` − onTime − late − overdue is what is not yet due.
 */
export function measuresOf(rows: readonly DueDateRecord[]): ComplianceMeasure[] {
  const byKind = new Map<DueKind, ComplianceMeasure>();
  for (const row of rows) {
    if (!row.completionKnown) continue;
    let measure = byKind.get(row.kind);
    if (!measure) byKind.set(row.kind, (measure = { kind: row.kind, due: 0, onTime: 0, late: 0, overdue: 0, onTimeRate: null, ruleIds: [] }));
    measure.due++;
    if (row.doneOn !== null) row.late ? measure.late++ : measure.onTime++;
    else if (row.overdue) measure.overdue++;
    if (!measure.ruleIds.includes(row.ruleId)) measure.ruleIds.push(row.ruleId);
  }
  return [...byKind.values()]
    .map((measure) => {
      const decided = measure.onTime + measure.late + measure.overdue;
      return { ...measure, onTimeRate: decided === 0 ? null : measure.onTime / decided, ruleIds: measure.ruleIds.sort() };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind));
}

/** Caseload counts over children; `notOpen` children are those without any open status (counted apart). */
export function caseloadOf(children: readonly ChildCaseload[], notOpen: number) {
  const counts = new Map<CareStatusKind, number>();
  for (const child of children) for (const kind of child.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  if (notOpen > 0) counts.set('NOT_OPEN', (counts.get('NOT_OPEN') ?? 0) + notOpen);
  return {
    childrenByStatus: [...counts.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => a.kind.localeCompare(b.kind)),
    dualStatusChildren: children.filter((child) => child.isDualStatus).length,
    dualStatusBeyondThreeMonths: children.filter((child) => child.isDualStatus && child.dualStatusExceptional).length,
    cpPlansOverTwoYears: children.reduce((sum, child) => sum + child.cpPlansOverTwoYears, 0),
    cinPlansOverSixMonths: children.reduce((sum, child) => sum + child.cinPlansOverSixMonths, 0),
  };
}

/**
 * The groups (caseload facts as on the asOf the children were read on): NONE (one, key null), TEAM (the child's allocated team on asOf), KIND (the due
 * kind; caseload counts are the whole authority's), MONTH (yyyy-mm of the due date; the same).
 * `notOpen` is the number of children in scope with no open status and no work in the period.
 */
export function complianceGroups(
  rows: readonly ComplianceRow[],
  children: readonly ChildCaseload[],
  groupBy: ComplianceGrouping,
  notOpen: number,
): ComplianceGroup[] {
  if (groupBy === 'TEAM') {
    const teams = [...new Set([...rows.map((row) => row.team ?? noTeam), ...children.map((child) => child.team ?? noTeam)])].sort();
    return teams.map((team) => ({
      key: team,
      measures: measuresOf(rows.filter((row) => (row.team ?? noTeam) === team)),
      ...caseloadOf(
        children.filter((child) => (child.team ?? noTeam) === team),
        team === noTeam ? notOpen : 0,
      ),
    }));
  }
  const authority = caseloadOf(children, notOpen);
  if (groupBy === 'NONE') return [{ key: null, measures: measuresOf(rows), ...authority }];
  const keyOf = groupBy === 'KIND' ? (row: ComplianceRow) => row.kind : (row: ComplianceRow) => row.dueOn.slice(0, 7);
  const keys = [...new Set(rows.map(keyOf))].sort();
  return keys.map((key) => ({ key, measures: measuresOf(rows.filter((row) => keyOf(row) === key)), ...authority }));
}
