// Child protection: S.47 enquiries, initial conferences, CP plans with review conferences and
// core groups (rules.md CP-ICPC, CP-CORE-GROUP, CP-RCPC-1/N), the CiN plan a family steps down
// to, and pre-proceedings (PLO).

import type { Context } from './context.js';
import { addMonths, addWorkingDays, type Day, day, formatDay, onWeekday, yn } from './dates.js';
import { assessment, assessmentDone, cinPlan, referral, type Referral } from './child-in-need.js';
import { meeting } from './extensions.js';
import type { Child } from './people.js';
import { schedule } from './schedule.js';
import { allocate } from './workforce.js';

const categories = [
  ['NEG', 'Neglect', 50],
  ['EMO', 'Emotional abuse', 35],
  ['PHY', 'Physical abuse', 7],
  ['SAB', 'Sexual abuse', 4],
  ['MUL', 'Multiple', 4],
] as const;

export interface CpCaseSpec {
  referralDate: Day;
  /**
   * How the plan ends: at a review conference after roughly this many days; on this day outside
   * a conference (dual status); or null, still open at as-of.
   */
  end: { afterDays: number } | { on: Day } | null;
  /** No review conference from this day (dual status: the CiC review decides). */
  conferencesUntil?: Day;
  /** The referral closes with the plan unless the child goes on elsewhere (e.g. into care: null). */
  referralClose?: Day | null;
  /** After the plan ends at a review, a CiN plan for this long (days), or null = still open. */
  stepDown?: number | null;
  /** An existing referral (already written) to hang the enquiry and plan on. */
  referral?: Referral;
  /** Review conference timeliness (defaults: 10% late, 10% overdue when open). */
  reviews?: { lateRate?: number; overdueRate?: number };
  /** The child came into care: the children-in-care team takes over the social work from this day. */
  handOver?: Day;
}

export interface CpCase {
  referral: Referral;
  planId: string;
  planStart: Day;
  /** Day the plan ended (null while open). */
  planEnd: Day | null;
}

/** Referral → assessment → S.47 → initial conference → CP plan with reviews and core groups. */
export function cpCase(ctx: Context, child: Child, spec: CpCaseSpec): CpCase {
  const { rng, out, staff, asOf } = ctx;
  const date = spec.referralDate;
  const s47Start = Math.min(asOf - 2, date + rng.int(0, 6));
  const s47End = Math.min(asOf - 1, s47Start + (rng.chance(0.85) ? rng.int(3, 10) : rng.int(11, 20)));
  const target = addWorkingDays(s47Start, 15);
  const icpcDate = onWeekday(
    Math.min(asOf, rng.chance(0.12) ? target + rng.int(8, 20) : Math.max(s47End, target - rng.int(0, 6))),
  );
  const planStart = icpcDate;

  // Review conferences: 3 months after the ICPC, then 6-monthly.
  const fixedEnd = spec.end !== null && 'on' in spec.end ? spec.end.on : null;
  const reviewEndTarget = spec.end !== null && 'afterDays' in spec.end ? planStart + spec.end.afterDays : null;
  // A plan meant to end at a review ends before as-of (so a step-down plan can follow).
  const stopConferences = Math.min(
    reviewEndTarget !== null ? asOf - 1 : asOf,
    spec.conferencesUntil ?? asOf,
    fixedEnd ?? asOf,
  );
  const reviews = schedule(rng, {
    firstDue: addMonths(icpcDate, 3),
    next: (held) => addMonths(held, 6),
    until: stopConferences,
    notBefore: icpcDate,
    asOf,
    open: spec.end === null && spec.conferencesUntil === undefined,
    lateRate: spec.reviews?.lateRate ?? 0.1,
    overdueRate: spec.reviews?.overdueRate ?? 0.1,
    pendingRate: 0.3,
    earlyDays: 7,
  });
  // A plan ending at a review ends at the first one held after its intended length.
  let planEnd: Day | null = fixedEnd;
  let kept = reviews;
  if (reviewEndTarget !== null) {
    const endAt = reviews.findIndex((review) => review.held !== null && review.held >= reviewEndTarget);
    const ending = reviews[endAt];
    if (ending && ending.held !== null) {
      planEnd = ending.held;
      kept = reviews.slice(0, endAt + 1);
    } else {
      // No review held late enough before as-of: the plan ended at the last one held, or (none
      // held yet) outside a conference, e.g. on a move out of the area.
      kept = reviews.filter((review) => review.held !== null);
      const final = kept[kept.length - 1];
      planEnd = final?.held ?? Math.min(asOf - 1, Math.max(planStart + 30, reviewEndTarget));
    }
  }

  const stepDownEnd =
    spec.stepDown === undefined || planEnd === null
      ? undefined
      : spec.stepDown === null
        ? null
        : Math.min(asOf, planEnd + spec.stepDown);
  const caseEnd = stepDownEnd !== undefined ? stepDownEnd : planEnd;
  const close =
    spec.referralClose !== undefined
      ? spec.referralClose
      : caseEnd === null
        ? null
        : Math.min(asOf, caseEnd + rng.int(0, 14));
  const ref = spec.referral ?? referral(ctx, child, { date, close, outcome: 'STRATEGY' });
  const assessStart = Math.min(asOf, date + rng.int(0, 2));
  assessment(ctx, child, ref, assessStart, Math.min(asOf, assessmentDone(ctx, assessStart)), false);

  const s47Id = ctx.ids.next('S47');
  const fst = staff.team('FAMILY_SAFEGUARDING', child.area, rng);
  out.write('ssd_s47_enquiry', {
    s47e_s47_enquiry_id: s47Id,
    s47e_referral_id: ref.id,
    s47e_person_id: child.id,
    s47e_s47_start_date: formatDay(s47Start),
    s47e_s47_end_date: formatDay(s47End),
    s47e_s47_nfa: 'N',
    s47e_s47_outcome_json: JSON.stringify({ NFA_FLAG: 'N', CP_CONFERENCE_FLAG: 'Y' }),
    s47e_s47_completed_by_team: ref.team.id,
    s47e_s47_completed_by_worker_id: staff.practitioner(ref.team, rng).id,
  });
  const icpcId = ctx.ids.next('ICPC');
  const planId = ctx.ids.next('CPP');
  const cpu = staff.team('CP_UNIT', child.area, rng);
  out.write('ssd_initial_cp_conference', {
    icpc_icpc_id: icpcId,
    icpc_icpc_meeting_id: ctx.ids.next('MEET', 8),
    icpc_s47_enquiry_id: s47Id,
    icpc_person_id: child.id,
    icpc_cp_plan_id: planId,
    icpc_referral_id: ref.id,
    icpc_icpc_transfer_in: 'N',
    icpc_icpc_target_date: formatDay(target),
    icpc_icpc_date: formatDay(icpcDate),
    icpc_icpc_outcome_cp_flag: 'Y',
    icpc_icpc_outcome_json: JSON.stringify({ NFA_FLAG: 'N', CP_FLAG: 'Y' }),
    icpc_icpc_team: cpu.id,
    icpc_icpc_worker_id: staff.practitioner(cpu, rng).id,
  });
  const [initialCode, initialWord] = rng.weighted(categories.map(([c, w, n]) => [[c, w] as const, n] as const));
  const latest = rng.chance(0.8)
    ? ([initialCode, initialWord] as const)
    : rng.weighted(categories.map(([c, w, n]) => [[c, w] as const, n] as const));
  const asWords = rng.chance(0.5);
  out.write('ssd_cp_plans', {
    cppl_cp_plan_id: planId,
    cppl_referral_id: ref.id,
    cppl_icpc_id: icpcId,
    cppl_person_id: child.id,
    cppl_cp_plan_start_date: formatDay(planStart),
    cppl_cp_plan_end_date: day(planEnd),
    cppl_cp_plan_ola: 'N',
    cppl_cp_plan_initial_category: asWords ? initialWord : initialCode,
    cppl_cp_plan_latest_category: asWords ? latest[1] : latest[0],
  });
  kept.forEach((review, i) => {
    const ends = reviewEndTarget !== null && review.held === planEnd && i === kept.length - 1;
    out.write('ssd_cp_reviews', {
      cppr_cp_review_id: ctx.ids.next('CPR'),
      cppr_person_id: child.id,
      cppr_cp_plan_id: planId,
      cppr_cp_review_due: formatDay(review.due),
      cppr_cp_review_date: day(review.held),
      cppr_cp_review_meeting_id: review.held === null ? null : ctx.ids.next('MEET', 8),
      cppr_cp_review_outcome_continue_cp: review.held === null ? null : yn(!ends),
      cppr_cp_review_quorate: review.held === null ? null : rng.chance(0.95) ? 'Quorate' : 'Not quorate',
      cppr_cp_review_participation: review.held === null ? null : participation(ctx, child, review.held),
    });
  });

  // Core groups: the first within 10 working days of the ICPC, then about six-weekly.
  const coreGroups = schedule(rng, {
    firstDue: addWorkingDays(icpcDate, 10),
    next: (held) => held + 42,
    until: planEnd ?? asOf,
    notBefore: icpcDate,
    asOf,
    open: planEnd === null,
    lateRate: 0.1,
    earlyDays: 6,
  });
  for (const group of coreGroups) if (group.held !== null) meeting(ctx, child, 'CP_CORE_GROUP', planId, group.held);

  allocate(ctx, {
    personId: child.id,
    role: 'Allocated Social Worker',
    team: ref.team,
    start: date,
    end: planStart,
    referralId: ref.id,
    firstReason: 'FCONTA',
    changes: false,
  });
  const fstEnd = spec.handOver !== undefined && (caseEnd === null || spec.handOver < caseEnd) ? spec.handOver : caseEnd;
  allocate(ctx, {
    personId: child.id,
    role: 'Allocated Social Worker',
    team: fst,
    start: planStart,
    end: fstEnd,
    referralId: ref.id,
    firstReason: 'TSPROC',
  });
  allocate(ctx, {
    personId: child.id,
    role: 'Team Manager',
    team: fst,
    start: planStart,
    end: fstEnd,
    referralId: ref.id,
  });
  allocate(ctx, {
    personId: child.id,
    role: 'Child Protection Co-ordinator',
    team: cpu,
    start: planStart,
    end: planEnd,
    referralId: ref.id,
    changes: false,
  });

  if (stepDownEnd !== undefined && planEnd !== null && planEnd < asOf) {
    cinPlan(ctx, child, ref, planEnd, stepDownEnd, { lateRate: 0.12, overdueRate: 0.08, team: fst, allocate: false });
  }
  if (planEnd === null) {
    child.onPlanOrInCare = true;
    ctx.open.cp += 1;
  }
  return { referral: ref, planId, planStart, planEnd };
}

/** Review participation code: PN0 under 4. */
export function participation(ctx: Context, child: Child, on: Day): string {
  if (child.dob === null || on - child.dob < 4 * 365) return 'PN0';
  return ctx.rng.weighted([
    ['PN1', 40],
    ['PN2', 8],
    ['PN3', 3],
    ['PN4', 6],
    ['PN5', 15],
    ['PN6', 18],
    ['PN7', 10],
  ]);
}

/** A closed S.47 enquiry that found no need for a conference. */
export function s47Nfa(ctx: Context, child: Child, date: Day): void {
  const { rng, out, staff, asOf } = ctx;
  const start = Math.min(asOf - 1, date + rng.int(0, 4));
  const end = Math.min(asOf, start + rng.int(3, 12));
  const close = Math.min(asOf, end + rng.int(0, 20));
  const ref = referral(ctx, child, { date, close, closeReason: 'RC8', outcome: 'STRATEGY' });
  assessment(ctx, child, ref, start, Math.min(asOf, end + rng.int(0, 10)), true);
  out.write('ssd_s47_enquiry', {
    s47e_s47_enquiry_id: ctx.ids.next('S47'),
    s47e_referral_id: ref.id,
    s47e_person_id: child.id,
    s47e_s47_start_date: formatDay(start),
    s47e_s47_end_date: formatDay(end),
    s47e_s47_nfa: 'Y',
    s47e_s47_outcome_json: JSON.stringify({ NFA_FLAG: 'Y', CP_CONFERENCE_FLAG: 'N' }),
    s47e_s47_completed_by_team: ref.team.id,
    s47e_s47_completed_by_worker_id: staff.practitioner(ref.team, rng).id,
  });
  allocate(ctx, {
    personId: child.id,
    role: 'Allocated Social Worker',
    team: ref.team,
    start: date,
    end: close,
    referralId: ref.id,
    firstReason: 'FCONTA',
    changes: false,
  });
}

export interface PreProceedingsSpec {
  decision: Day;
  /** Day care proceedings were issued (the PLO ended in proceedings), if they were. */
  issued?: Day | null;
  /** Day the family stepped down from PLO, if they did. */
  steppedDown?: Day | null;
}

/** A PLO pre-proceedings record. */
export function preProceedings(ctx: Context, child: Child, spec: PreProceedingsSpec): void {
  const { rng, out, asOf } = ctx;
  const meetingDay = spec.decision + rng.int(7, 15);
  const ended = spec.issued ?? spec.steppedDown ?? null;
  out.write('ssd_pre_proceedings', {
    prep_table_id: ctx.ids.next('PLO'),
    prep_person_id: child.id,
    prep_plo_family_id: `FAM${child.id.slice(1)}`,
    prep_pre_pro_decision_date: formatDay(spec.decision),
    prep_initial_pre_pro_meeting_date: meetingDay <= asOf ? formatDay(meetingDay) : null,
    prep_pre_pro_outcome: spec.issued
      ? 'Decision to issue care proceedings'
      : spec.steppedDown
        ? 'Decision to step down'
        : null,
    prep_agree_stepdown_issue_date: day(ended),
    prep_cp_plans_referral_period: 1,
    prep_legal_gateway_outcome: 'B - Start pre-proceedings',
    prep_prev_pre_proc_child: 0,
    prep_prev_care_proc_child: 0,
    prep_pre_pro_letter_date: formatDay(Math.min(asOf, spec.decision + rng.int(1, 5))),
    prep_care_pro_letter_date: day(spec.issued),
    prep_pre_pro_meetings_num: Math.max(0, Math.floor(((ended ?? asOf) - meetingDay) / 42)),
    prep_pre_pro_parents_legal_rep: 'Y',
    prep_parents_legal_rep_point_of_issue: spec.issued ? 'Y' : null,
    prep_court_reference: spec.issued ? `ZW${rng.digits(2)}C${rng.digits(5)}` : null,
    prep_care_proc_court_hearings: spec.issued ? rng.int(1, 4) : null,
    prep_care_proc_short_notice: spec.issued ? 'N' : null,
    prep_proc_short_notice_reason: null,
    prep_la_inital_plan_approved: spec.issued ? 'Y' : null,
    prep_la_initial_care_plan: spec.issued ? 'A - Interim / Care Order' : null,
    prep_la_final_plan_approved: null,
    prep_la_final_care_plan: spec.issued ? 'H - Not yet at final hearing' : null,
  });
}
