// Child in need: early help, referrals (`ssd_cin_episodes`), single assessments, CiN plans and
// their reviews. Each flow takes the dates that matter and writes every row of it, with the
// people allocated to the child. Child protection builds on these (child-protection.ts).

import type { Context } from './context.js';
import { addMonths, addWorkingDays, type Day, day, formatDay, onWeekday, yn } from './dates.js';
import { meeting } from './extensions.js';
import type { Child } from './people.js';
import { schedule } from './schedule.js';
import { allocate, type Team } from './workforce.js';

const needCodes = [
  ['N1', 55],
  ['N2', 4],
  ['N3', 6],
  ['N4', 12],
  ['N5', 14],
  ['N6', 3],
  ['N7', 1],
  ['N8', 4],
  ['N9', 1],
] as const;

const referralSources = [
  ['1A', 'Individual: family member, relative or carer', 8],
  ['1C', 'Individual: self', 1],
  ['2A', 'Schools', 18],
  ['3A', 'Health services: GP', 4],
  ['3B', 'Health services: health visitor', 5],
  ['3E', 'Health services: A&E', 4],
  ['3F', 'Health services: other', 6],
  ['4', 'Housing', 2],
  ['5A', 'LA services: social care', 7],
  ['5D', 'LA services: other internal', 4],
  ['6', 'Police', 28],
  ['8', 'Other', 6],
  ['9', 'Anonymous', 2],
] as const;

export interface Referral {
  id: string;
  date: Day;
  team: Team;
}

interface ReferralSpec {
  date: Day;
  close: Day | null;
  nfa?: boolean;
  closeReason?: string | null;
  need?: string;
  outcome: 'NFA' | 'ASSESSMENT' | 'STRATEGY' | 'CLA';
}

export function referral(ctx: Context, child: Child, spec: ReferralSpec): Referral {
  const { rng, out, staff } = ctx;
  const team = spec.outcome === 'NFA' ? staff.team('MASH', child.area, rng) : staff.team('ASSESSMENT', child.area, rng);
  const [code, description] = rng.weighted(referralSources.map(([c, d, w]) => [[c, d] as const, w] as const));
  const id = ctx.ids.next('REF');
  const flags = {
    SINGLE_ASSESSMENT_FLAG: yn(spec.outcome !== 'NFA'),
    NFA_FLAG: yn(spec.outcome === 'NFA'),
    STRATEGY_DISCUSSION_FLAG: yn(spec.outcome === 'STRATEGY'),
    CLA_REQUEST_FLAG: yn(spec.outcome === 'CLA'),
  };
  out.write('ssd_cin_episodes', {
    cine_referral_id: id,
    cine_person_id: child.id,
    cine_referral_date: formatDay(spec.date),
    cine_cin_primary_need_code: spec.need ?? rng.weighted(needCodes),
    cine_referral_source_code: code,
    cine_referral_source_desc: description,
    cine_referral_outcome_json: JSON.stringify(flags),
    cine_referral_nfa: yn(spec.nfa ?? false),
    cine_close_reason: spec.close === null ? null : (spec.closeReason ?? 'RC7'),
    cine_close_date: day(spec.close),
    cine_referral_team: team.id,
    cine_referral_worker_id: staff.practitioner(team, rng).id,
  });
  return { id, date: spec.date, team };
}

/** A contact that went no further: referral closed with no further action. */
export function referralNfa(ctx: Context, child: Child, date: Day): void {
  referral(ctx, child, {
    date,
    close: Math.min(ctx.asOf, date + ctx.rng.int(0, 3)),
    nfa: true,
    closeReason: 'RC8',
    outcome: 'NFA',
  });
}

/** Writes an assessment; returns the day it was authorised (null while in progress). */
export function assessment(
  ctx: Context,
  child: Child,
  ref: Referral,
  start: Day,
  auth: Day | null,
  nfa: boolean,
): void {
  const { rng, out, staff } = ctx;
  out.write('ssd_cin_assessments', {
    cina_assessment_id: ctx.ids.next('ASM'),
    cina_person_id: child.id,
    cina_referral_id: ref.id,
    cina_assessment_start_date: formatDay(start),
    cina_assessment_child_seen: child.dob === null ? 'N' : yn(rng.chance(0.94)),
    cina_assessment_auth_date: day(auth),
    cina_assessment_outcome_json:
      auth === null ? null : JSON.stringify({ NFA_FLAG: yn(nfa), PROV_OF_SERVICES_FLAG: yn(!nfa) }),
    cina_assessment_outcome_nfa: auth === null ? null : yn(nfa),
    cina_assessment_team: ref.team.id,
    cina_assessment_worker_id: staff.practitioner(ref.team, rng).id,
  });
}

/** Authorised within 45 working days of the referral mostly; about one in eight late. */
export function assessmentDone(ctx: Context, start: Day): Day {
  const { rng } = ctx;
  const limit = addWorkingDays(start, 45);
  return onWeekday(rng.chance(0.12) ? limit + rng.int(5, 40) : start + rng.int(7, limit - start), start + 1);
}

/** Referral and single assessment: closed with no further action, or still being assessed. */
export function assessmentCase(ctx: Context, child: Child, date: Day, open: boolean): void {
  const { rng, asOf } = ctx;
  const start = Math.min(asOf, date + rng.int(0, 3));
  const auth = open ? null : Math.min(asOf, assessmentDone(ctx, start));
  const close = auth === null ? null : Math.min(asOf, auth + rng.int(0, 10));
  const ref = referral(ctx, child, { date, close, closeReason: 'RC8', outcome: 'ASSESSMENT' });
  assessment(ctx, child, ref, start, auth, true);
  allocate(ctx, {
    personId: child.id,
    role: 'Allocated Social Worker',
    team: ref.team,
    start: date,
    end: close,
    referralId: ref.id,
    firstReason: 'FCONTA',
  });
  if (open)
    allocate(ctx, {
      personId: child.id,
      role: 'Team Manager',
      team: ref.team,
      start: date,
      end: null,
      referralId: ref.id,
    });
}

/** Early help: an episode with a lead professional. */
export function earlyHelp(ctx: Context, child: Child, start: Day, end: Day | null, endReason?: string): void {
  const { rng, out, staff } = ctx;
  const team = staff.team('EARLY_HELP', child.area, rng);
  const worker = staff.practitioner(team, rng);
  out.write('ssd_early_help_episodes', {
    earl_episode_id: ctx.ids.next('EH'),
    earl_person_id: child.id,
    earl_episode_start_date: formatDay(start),
    earl_episode_end_date: day(end),
    earl_episode_reason: rng.pick([
      'Parenting support',
      'School attendance',
      'Domestic abuse',
      'Parental mental health',
      'Child behaviour',
      'Substance misuse',
      'Housing and finance',
    ]),
    earl_episode_end_reason:
      end === null
        ? null
        : (endReason ??
          rng.pick(['Outcomes met', 'Outcomes met', 'Family disengaged', 'Moved out of area', 'No further action'])),
    earl_episode_organisation: rng.chance(0.8)
      ? team.name
      : rng.pick(['Family Hub (voluntary sector partner)', 'School-based family support']),
    earl_episode_worker_id: worker.id,
  });
  if (end === null) ctx.open.earlyHelp += 1;
  allocate(ctx, {
    personId: child.id,
    role: rng.chance(0.8) ? 'Lead Professional' : 'Allocated Case Worker',
    team,
    start,
    end,
    staff: worker,
  });
}

export interface CinPlanSpec {
  referralDate: Day;
  /** Review timeliness (defaults: 12% late, 8% overdue when open). */
  reviews?: { lateRate?: number; overdueRate?: number };
  /** End of the CiN plan; null while open. */
  end: Day | null;
  /** Close of the referral; defaults to a few days after the plan ends. */
  referralClose?: Day | null;
}

/** Referral → assessment → CiN plan (reviews as `cb_meeting` CIN_PLAN_REVIEW). */
export function cinPlanCase(ctx: Context, child: Child, spec: CinPlanSpec): Referral {
  const { rng, asOf } = ctx;
  const start = spec.referralDate + rng.int(0, 3);
  const auth = Math.min(asOf - 1, assessmentDone(ctx, start));
  const planStart = Math.min(asOf, auth + rng.int(0, 3));
  const end = spec.end === null ? null : Math.max(planStart + 14, spec.end);
  const close =
    spec.referralClose !== undefined ? spec.referralClose : end === null ? null : Math.min(asOf, end + rng.int(0, 14));
  const ref = referral(ctx, child, { date: spec.referralDate, close, outcome: 'ASSESSMENT' });
  assessment(ctx, child, ref, start, auth, false);
  allocate(ctx, {
    personId: child.id,
    role: 'Allocated Social Worker',
    team: ref.team,
    start: spec.referralDate,
    end: planStart,
    referralId: ref.id,
    firstReason: 'FCONTA',
    changes: false,
  });
  cinPlan(ctx, child, ref, planStart, end, spec.reviews);
  return ref;
}

export interface CinPlanOptions {
  lateRate?: number;
  overdueRate?: number;
  /** The team already working with the child (a step-down from CP); default: drawn. */
  team?: Team;
  /** False when the child's workers are already allocated for the plan's span. */
  allocate?: boolean;
}

/** A CiN plan on a referral, with its team, reviews and allocations. */
export function cinPlan(
  ctx: Context,
  child: Child,
  ref: Referral,
  start: Day,
  end: Day | null,
  rates: CinPlanOptions = {},
): void {
  const { rng, out, staff, asOf } = ctx;
  const team =
    rates.team ??
    (child.send && rng.chance(0.5)
      ? staff.team('DISABILITIES', child.area, rng)
      : staff.team('FAMILY_SAFEGUARDING', child.area, rng));
  const planId = ctx.ids.next('CINP');
  out.write('ssd_cin_plans', {
    cinp_cin_plan_id: planId,
    cinp_referral_id: ref.id,
    cinp_person_id: child.id,
    cinp_cin_plan_start_date: formatDay(start),
    cinp_cin_plan_end_date: day(end),
    cinp_cin_plan_team: team.id,
    cinp_cin_plan_worker_id: staff.practitioner(team, rng).id,
  });
  const reviews = schedule(rng, {
    firstDue: start + 28,
    next: (held) => addMonths(held, 3),
    until: end ?? asOf,
    notBefore: start,
    asOf,
    open: end === null,
    lateRate: rates.lateRate ?? 0.12,
    overdueRate: rates.overdueRate ?? 0.08,
  });
  for (const review of reviews) if (review.held !== null) meeting(ctx, child, 'CIN_PLAN_REVIEW', planId, review.held);
  if (end === null) ctx.open.cin += 1;
  if (rates.allocate === false) return;
  allocate(ctx, {
    personId: child.id,
    role: 'Allocated Social Worker',
    team,
    start,
    end,
    referralId: ref.id,
    firstReason: 'TSPROC',
  });
  allocate(ctx, { personId: child.id, role: 'Team Manager', team, start, end, referralId: ref.id });
}
