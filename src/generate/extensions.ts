// Carebridge's extension rows that hang off the SSD ones: meetings (`cb_meeting`), IRO
// recommendations for dual-status children (`cb_dual_status_decision`), which partner
// organisation may see a child (`cb_consumer_link`) and restricted records (`cb_restriction`).
// Relationships and court orders live with the families (families.ts).

import type { Context } from './context.js';
import { addYears, formatDay, type Day } from './dates.js';
import { ageOf, type Child } from './people.js';

export type MeetingKind =
  'CP_CORE_GROUP' | 'CIN_PLAN_REVIEW' | 'PEP_REVIEW' | 'PATHWAY_PLAN_REVIEW' | 'DUAL_STATUS_DISCUSSION';

export function meeting(ctx: Context, child: Child, kind: MeetingKind, subjectId: string | null, date: Day): void {
  ctx.out.write('cb_meeting', {
    meet_meeting_id: ctx.ids.next('MTG', 8),
    meet_person_id: child.id,
    meet_kind: kind,
    meet_subject_id: subjectId,
    meet_date: formatDay(date),
  });
}

export type Recommendation = 'END_CP_PLAN' | 'MAINTAIN_CP_PLAN' | 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER';

export interface DecisionSpec {
  planId: string;
  /** The CiC review that made it; null for a row recording only the letter ending the plan. */
  reviewDate: Day | null;
  recommendation: Recommendation | null;
  agenciesNotified: Day | null;
  disagreement?: boolean;
}

export function dualStatusDecision(ctx: Context, child: Child, spec: DecisionSpec): void {
  ctx.out.write('cb_dual_status_decision', {
    dsde_decision_id: ctx.ids.next('DSD'),
    dsde_child_person_id: child.id,
    dsde_cp_plan_id: spec.planId,
    dsde_review_date: spec.reviewDate === null ? null : formatDay(spec.reviewDate),
    dsde_recommendation: spec.recommendation,
    dsde_agencies_notified_date: spec.agenciesNotified === null ? null : formatDay(spec.agenciesNotified),
    dsde_disagreement: spec.disagreement ? 'Y' : 'N',
  });
}

/** Partner organisations of the demo: the EHC team, a health trust and two schools. */
export const consumerOrgs = { ehc: 'EHC', health: 'RX1', schools: ['URN100001', 'URN100002'] } as const;

function link(ctx: Context, child: Child, org: string, purpose: string, start: Day, end: Day | null): void {
  ctx.out.write('cb_consumer_link', {
    cons_link_id: ctx.ids.next('CON', 8),
    cons_org_id: org,
    cons_child_person_id: child.id,
    cons_purpose: purpose,
    cons_start_date: formatDay(start),
    cons_end_date: end === null ? null : formatDay(end),
  });
}

export interface LinkOptions {
  /** Force links for the demo's named cases (one of each kind). */
  ehc?: boolean;
  health?: boolean;
  school?: boolean;
  endedSchool?: boolean;
}

/**
 * Links a child to the partners who work with them: the EHC team for a child with an EHC plan,
 * the health trust for many children on a plan or in care, a school for some school-age children
 * (now and then a link that has ended, after a change of school).
 */
export function consumerLinks(ctx: Context, child: Child, force: LinkOptions = {}): void {
  const { rng, asOf } = ctx;
  if (child.dob === null) {
    if (force.health || rng.chance(0.3))
      link(ctx, child, consumerOrgs.health, 'HEALTH_CARE', asOf - rng.int(10, 120), null);
    return;
  }
  const age = ageOf(ctx, child);
  if (child.send && (force.ehc || rng.chance(0.6))) {
    const assessed = Math.max(child.dob + 2 * 365, asOf - rng.int(200, 2000));
    const plan = Math.min(asOf - 1, assessed + rng.int(100, 140));
    link(ctx, child, consumerOrgs.ehc, 'EHC_ASSESSMENT', assessed, plan);
    link(ctx, child, consumerOrgs.ehc, 'EHC_REVIEW', plan, null);
  } else if (force.ehc) {
    link(ctx, child, consumerOrgs.ehc, 'EHC_ASSESSMENT', asOf - rng.int(20, 100), null);
  }
  if (force.health || (child.onPlanOrInCare && rng.chance(0.4)) || rng.chance(0.03)) {
    link(ctx, child, consumerOrgs.health, 'HEALTH_CARE', Math.max(child.dob, asOf - rng.int(30, 900)), null);
  }
  if (age >= 4 && age <= 17 && (force.school || force.endedSchool || rng.chance(0.08))) {
    const schools = consumerOrgs.schools;
    const starts = Math.max(addYears(child.dob, 4), asOf - rng.int(60, 1500));
    if (force.endedSchool || rng.chance(0.2)) {
      const moved = Math.min(asOf - 1, starts + rng.int(90, 700));
      link(ctx, child, schools[0], 'EDUCATION', starts, moved);
      link(ctx, child, schools[1], 'EDUCATION', moved, null);
    } else {
      link(ctx, child, rng.pick(schools), 'EDUCATION', starts, null);
    }
  }
}

export function restriction(ctx: Context, child: Child, reason: string): void {
  ctx.out.write('cb_restriction', { rest_person_id: child.id, rest_reason: reason });
}
