// Children in care: a period of care is one or more episodes (`ssd_cla_episodes`) sharing a
// `clae_cla_id`; a new episode starts, the day the previous one ceased, whenever the legal
// status or the placement changes (SSDA903). Around it: legal statuses, placements (with foster
// carers), CiC reviews, social worker visits, health assessments, care plans, PEP reviews and
// the people allocated.

import type { Context } from './context.js';
import { addMonths, addWorkingDays, civil, type Day, day, dayOf, formatDay, onWeekday, yn } from './dates.js';
import { meeting } from './extensions.js';
import { relativeCarer } from './families.js';
import type { Referral } from './child-in-need.js';
import { participation } from './child-protection.js';
import { relate, type Child, type Person } from './people.js';
import { schedule, type Occurrence } from './schedule.js';
import { allocate } from './workforce.js';

export type LegalCode = 'C1' | 'C2' | 'D1' | 'E1' | 'J1' | 'J2' | 'J3' | 'L1' | 'L2' | 'L3' | 'V2' | 'V3' | 'V4';

export interface Segment<T> {
  value: T;
  start: Day;
}

export interface PeriodSpec {
  start: Day;
  /** Legal statuses in order; the first starts with the period. */
  legal: Segment<LegalCode>[];
  /** Placement types in order; the first starts with the period. */
  placements: Segment<string>[];
  /** Day the period ceased (null: looked after at as-of) and the SSDA903 reason. */
  end: Day | null;
  endReason?: string;
  referral: Referral;
  /** Permanence plans over time, e.g. ['Return to birth family', 'Long-term fostering']. */
  plans: string[];
  reviews?: { lateRate?: number; overdueRate?: number; firstOverdue?: boolean };
  need?: string;
}

export interface Period {
  id: string;
  start: Day;
  end: Day | null;
  reviews: Occurrence[];
  fosterCarers: Person[];
}

const shortBreak = (code: LegalCode) => code === 'V3' || code === 'V4';

const changeReasons = [
  ['CARPL', 45],
  ['CLOSE', 8],
  ['ALLEG', 3],
  ['STAND', 12],
  ['CREQB', 10],
  ['CHILD', 8],
  ['LAREQ', 6],
  ['OTHER', 8],
] as const;

/** Writes a whole period of care; returns its id, reviews and foster carers. */
export function periodOfCare(ctx: Context, child: Child, spec: PeriodSpec): Period {
  const { rng, out, asOf } = ctx;
  const id = ctx.ids.next('CLA');
  const last = spec.end ?? asOf;
  const legal = spec.legal.filter((segment, i) => i === 0 || (segment.start > spec.start && segment.start < last));
  const placements = spec.placements.filter(
    (segment, i) => i === 0 || (segment.start > spec.start && segment.start < last),
  );
  const isShortBreaks = legal.every((segment) => shortBreak(segment.value));
  child.lookedAfter = true;
  if (spec.end === null) {
    child.onPlanOrInCare = true;
    ctx.open.cla += 1;
  }

  // Legal statuses: an end equal to the next start means no gap.
  legal.forEach((segment, i) => {
    const next = legal[i + 1];
    out.write('ssd_legal_status', {
      lega_legal_status_id: ctx.ids.next('LS', 8),
      lega_person_id: child.id,
      lega_legal_status: segment.value,
      lega_legal_status_start_date: formatDay(segment.start),
      lega_legal_status_end_date: next ? formatDay(next.start) : day(spec.end),
    });
  });

  // Placements, and the carers the child lives with.
  const fosterCarers: Person[] = [];
  const placementIds = placements.map((segment, i) => {
    const next = placements[i + 1];
    const placementEnd = next ? next.start : spec.end;
    const placementId = ctx.ids.next('PL', 8);
    const type = segment.value;
    // Foster carers (or the relative fostering) come first: the placement is at their address.
    let carer: Person | null = null;
    if (/^(U[456]|A3|A5)$/.test(type)) {
      const carers = ctx.fosterCarers.household(ctx);
      for (const adult of carers) relate(ctx, child, adult, 'FOSTER_CARER');
      fosterCarers.push(...carers);
      carer = carers[0] ?? null;
    } else if (/^U[123]$/.test(type)) {
      carer = relativeCarer(ctx, child);
    }
    const address = carer?.address ?? (type === 'P1' ? child.address : ctx.places.address());
    const postcode = address.postcode;
    out.write('ssd_cla_placement', {
      clap_cla_placement_id: placementId,
      clap_cla_id: id,
      clap_person_id: child.id,
      clap_cla_placement_start_date: formatDay(segment.start),
      clap_cla_placement_type: type,
      clap_cla_placement_urn: /^(K|R1|S1|U[456]|A)/.test(type) && rng.chance(0.8) ? `SC${rng.digits(6)}` : null,
      clap_cla_placement_distance: type === 'P1' ? 0 : rng.chance(0.02) ? 999.9 : Math.round(rng.next() * 400 + 5) / 10,
      clap_cla_placement_provider: provider(ctx, type),
      clap_cla_placement_postcode: postcode.length <= 8 ? postcode : postcode.replace(' ', ''),
      clap_cla_placement_end_date: day(placementEnd),
      clap_cla_placement_change_reason: next ? rng.weighted(changeReasons) : null,
    });
    if (placementEnd === null) child.placement = type === 'P1' ? null : { address, since: segment.start };
    return placementId;
  });

  // Episodes: a new one at each change of legal status and/or placement.
  const changes = new Map<Day, { legal: boolean; placement: boolean }>();
  for (const segment of legal.slice(1)) changes.set(segment.start, { legal: true, placement: false });
  for (const segment of placements.slice(1)) {
    const entry = changes.get(segment.start);
    changes.set(segment.start, { legal: entry?.legal ?? false, placement: true });
  }
  const starts = [spec.start, ...[...changes.keys()].sort((a, b) => a - b)];
  const need =
    spec.need ??
    rng.weighted([
      ['N1', 65],
      ['N2', 3],
      ['N4', 8],
      ['N5', 15],
      ['N8', 7],
    ] as const);
  starts.forEach((start, i) => {
    const change = changes.get(start);
    const next = starts[i + 1];
    const placementIndex = lastIndexAtOrBefore(placements, start);
    out.write('ssd_cla_episodes', {
      clae_cla_episode_id: ctx.ids.next('EP', 8),
      clae_person_id: child.id,
      clae_cla_placement_id: placementIds[placementIndex] ?? null,
      clae_cla_episode_start_date: formatDay(start),
      clae_cla_episode_start_reason: !change
        ? 'S'
        : change.legal && change.placement
          ? 'B'
          : change.legal
            ? 'L'
            : rng.chance(0.85)
              ? 'P'
              : 'T',
      clae_cla_primary_need_code: need,
      clae_cla_episode_ceased_date: next !== undefined ? formatDay(next) : day(spec.end),
      clae_cla_episode_ceased_reason: next !== undefined ? 'X1' : spec.end !== null ? (spec.endReason ?? 'E4A') : null,
      clae_cla_id: id,
      clae_referral_id: spec.referral.id,
      clae_cla_last_iro_contact_date:
        spec.end === null && asOf - spec.start > 20
          ? formatDay(rng.day(Math.max(spec.start + 5, asOf - 120), asOf - 1))
          : null,
      clae_entered_care_date: formatDay(spec.start),
    });
  });

  // CiC reviews: 20 working days, then 3 months, then 6-monthly (short breaks: 3, then 6).
  const reviewOptions = spec.reviews ?? {};
  const firstDue = isShortBreaks ? addMonths(spec.start, 3) : addWorkingDays(spec.start, 20);
  const reviews: Occurrence[] = reviewOptions.firstOverdue
    ? [{ due: firstDue, held: null }]
    : schedule(rng, {
        firstDue,
        next: (held, index) => addMonths(held, index === 0 && !isShortBreaks ? 3 : 6),
        until: last,
        notBefore: spec.start,
        asOf,
        open: spec.end === null,
        lateRate: reviewOptions.lateRate ?? 0.1,
        overdueRate: reviewOptions.overdueRate ?? 0.07,
        pendingRate: 0.5,
        earlyDays: 6,
      });
  for (const review of reviews) {
    out.write('ssd_cla_reviews', {
      clar_cla_review_id: ctx.ids.next('CLR', 8),
      clar_cla_id: id,
      clar_cla_review_due_date: formatDay(review.due),
      clar_cla_review_date: day(review.held),
      clar_cla_review_cancelled: 'N',
      clar_cla_review_participation: review.held === null ? null : participation(ctx, child, review.held),
    });
  }

  if (!isShortBreaks) {
    placements.forEach((segment, i) => visits(ctx, child, id, segment, placements[i + 1]?.start ?? last));
    healthChecks(ctx, child, spec.start, last);
    peps(ctx, child, id, spec.start, last);
  }
  carePlans(ctx, child, spec.start, spec.end, spec.plans);

  // Who works with the child while in care.
  const team = isShortBreaks
    ? ctx.staff.team('DISABILITIES', child.area, rng)
    : ctx.staff.team('CHILDREN_IN_CARE', child.area, rng);
  const iroTeam = ctx.staff.team('IRO', child.area, rng);
  allocate(ctx, {
    personId: child.id,
    role: 'Allocated Social Worker',
    team,
    start: spec.start,
    end: spec.end,
    referralId: spec.referral.id,
    firstReason: 'TSPROC',
  });
  allocate(ctx, {
    personId: child.id,
    role: 'Team Manager',
    team,
    start: spec.start,
    end: spec.end,
    referralId: spec.referral.id,
  });
  allocate(ctx, {
    personId: child.id,
    role: rng.chance(0.7) ? 'Independent Reviewing Officer' : 'IRO',
    team: iroTeam,
    start: spec.start,
    end: spec.end,
    referralId: spec.referral.id,
  });
  if (legal.some((segment) => /^J/.test(segment.value))) {
    child.youthJustice = true;
    allocate(ctx, {
      personId: child.id,
      role: 'Allocated Case Worker',
      team: ctx.staff.team('YOUTH_JUSTICE', child.area, rng),
      start: spec.start,
      end: spec.end,
    });
  }
  return { id, start: spec.start, end: spec.end, reviews, fosterCarers };
}

function lastIndexAtOrBefore(segments: Segment<string>[], on: Day): number {
  let index = 0;
  segments.forEach((segment, i) => {
    if (segment.start <= on) index = i;
  });
  return index;
}

function provider(ctx: Context, type: string): string | null {
  const { rng } = ctx;
  if (type === 'P1') return 'PR0';
  if (/^U[123]$/.test(type)) return 'PR1';
  if (/^[TZ]/.test(type)) return null;
  if (/^(K1|R2|R5)$/.test(type)) return 'PR3';
  if (/^A/.test(type)) return rng.chance(0.7) ? 'PR1' : 'PR2';
  return rng.weighted([
    ['PR1', 50],
    ['PR4', 38],
    ['PR5', 10],
    ['PR2', 2],
  ]);
}

/** Social worker visits: within a week of each placement, then at most six-weekly (some late). */
function visits(ctx: Context, child: Child, periodId: string, placement: Segment<string>, until: Day): void {
  const { rng, out } = ctx;
  const withParent = placement.value === 'P1';
  let next = placement.start + (rng.chance(0.9) ? rng.int(1, 7) : rng.int(8, 14));
  while (next < until) {
    next = onWeekday(next, placement.start);
    if (next >= until) break;
    out.write('ssd_cla_visits', {
      clav_cla_visit_id: ctx.ids.next('VIS', 8),
      clav_cla_id: periodId,
      clav_person_id: child.id,
      clav_cla_visit_date: formatDay(next),
      clav_cla_visit_seen: yn(rng.chance(0.95)),
      clav_cla_visit_seen_alone: yn(child.dob !== null && next - child.dob > 5 * 365 && rng.chance(0.65)),
    });
    const settled = next - placement.start > 365 && /^(U1|U4|A)/.test(placement.value);
    if (withParent && next - placement.start < 30) next += rng.int(5, 7);
    else if (settled) next += rng.chance(0.9) ? rng.int(60, 90) : rng.int(91, 110);
    else next += rng.chance(0.9) ? rng.int(21, 42) : rng.int(43, 60);
  }
}

/** Initial health assessment before the first review, then 6-monthly under 5 and yearly after; yearly dental checks. */
function healthChecks(ctx: Context, child: Child, start: Day, until: Day): void {
  const { rng, out } = ctx;
  const dob = child.dob ?? start;
  const write = (type: string, day: Day) => {
    const on = onWeekday(day, start);
    if (on >= until) return;
    out.write('ssd_cla_health', {
      clah_health_check_id: ctx.ids.next('HC', 8),
      clah_person_id: child.id,
      clah_health_check_type: type,
      clah_health_check_date: formatDay(on),
      clah_health_check_status: 'Completed',
    });
  };
  let next = start + (rng.chance(0.85) ? rng.int(5, 26) : rng.int(29, 50));
  while (next < until) {
    write('Health Assessment', next);
    const interval = next - dob < 5 * 365 ? 182 : 365;
    next += rng.chance(0.88) ? interval - rng.int(0, 20) : interval + rng.int(10, 60);
  }
  if (until - start > 120 && until - dob > 365) {
    let dental = Math.max(start + rng.int(30, 120), dob + 365);
    while (dental < until) {
      write('Dental Check', dental);
      dental += rng.int(300, 420);
    }
  }
}

/** PEP reviews for school-age children: one a term (autumn, spring, summer), a few missed. */
function peps(ctx: Context, child: Child, periodId: string, start: Day, until: Day): void {
  const { rng } = ctx;
  if (child.dob === null) return;
  const dob = child.dob;
  const first = civil(start).year - 1;
  const lastYear = civil(until).year;
  for (let year = first; year <= lastYear; year++) {
    const terms: [Day, Day][] = [
      [dayOf(year, 1, 8), dayOf(year, 3, 28)],
      [dayOf(year, 4, 20), dayOf(year, 7, 18)],
      [dayOf(year, 9, 5), dayOf(year, 12, 15)],
    ];
    for (const [from, to] of terms) {
      const on = onWeekday(rng.day(from, to));
      const age = (on - dob) / 365.25;
      if (on <= start + 20 || on >= until || age < 4.5 || age >= 18 || rng.chance(0.06)) continue;
      meeting(ctx, child, 'PEP_REVIEW', periodId, on);
    }
  }
}

/** Care plans: the first within 10 working days, later ones as the permanence plan changes. */
function carePlans(ctx: Context, child: Child, start: Day, end: Day | null, plans: string[]): void {
  const { rng, out, asOf } = ctx;
  const last = end ?? asOf;
  let from = Math.min(last, start + rng.int(0, 12));
  for (let i = 0; i < plans.length; i++) {
    const isLast = i === plans.length - 1;
    let to: Day | null = isLast ? end : from + rng.int(90, 300);
    if (to !== null && to >= last) to = end;
    out.write('ssd_cla_care_plan', {
      lacp_table_id: ctx.ids.next('LACP'),
      lacp_person_id: child.id,
      lacp_cla_care_plan_start_date: formatDay(from),
      lacp_cla_care_plan_end_date: day(to),
      lacp_cla_care_plan_json: JSON.stringify({ permanence_plan: plans[i] }),
    });
    if (to === null || to === end) break;
    from = to;
  }
}
