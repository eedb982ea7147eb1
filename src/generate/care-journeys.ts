// How a period of care unfolds: the legal statuses (e.g. an ICO then a care order), the
// placements (short-term foster care, then long-term; semi-independence at 16), the permanence
// plan, and how it ends (home, adoption, special guardianship, a child arrangements order, at
// 18). Also the care-leaver record and `ssd_permanence`.

import type { Context } from './context.js';
import { addMonths, addYears, formatDay, type Day } from './dates.js';
import { referral, type Referral } from './child-in-need.js';
import { periodOfCare, type LegalCode, type Period, type PeriodSpec, type Segment } from './child-in-care.js';
import { permanenceOrder, type PermanenceOrder } from './families.js';
import { meeting } from './extensions.js';
import type { Child } from './people.js';
import { schedule } from './schedule.js';
import { allocate, type Staff } from './workforce.js';

export type CareKind = 'C2' | 'C1' | 'V2' | 'E1' | 'J1' | 'J3' | 'V3' | 'V4';

/** A plausible sequence of legal statuses for a period mainly of this kind. */
export function legalSequence(ctx: Context, kind: CareKind, start: Day): Segment<LegalCode>[] {
  const { rng } = ctx;
  const seq = (...items: [LegalCode, number][]): Segment<LegalCode>[] => {
    let at = start;
    return items.map(([value, after]) => ({ value, start: (at += after) }));
  };
  switch (kind) {
    case 'C2': {
      const r = rng.next();
      if (r < 0.6) return seq(['C1', 0], ['C2', rng.int(120, 330)]);
      if (r < 0.8) return seq(['V2', 0], ['C1', rng.int(20, 150)], ['C2', rng.int(120, 300)]);
      if (r < 0.92) return seq(['L2', 0], ['C1', rng.int(3, 8)], ['C2', rng.int(120, 300)]);
      return seq(['C2', 0]);
    }
    case 'C1':
      return rng.chance(0.15)
        ? seq(['L2', 0], ['C1', rng.int(3, 8)])
        : rng.chance(0.2)
          ? seq(['V2', 0], ['C1', rng.int(15, 90)])
          : seq(['C1', 0]);
    case 'V2':
      return rng.chance(0.05) ? seq(['L1', 0], ['V2', rng.int(1, 3)]) : seq(['V2', 0]);
    case 'E1':
      return seq(['C1', 0], ['C2', rng.int(150, 300)], ['E1', rng.int(1, 40)]);
    case 'J1':
      return rng.chance(0.3) ? seq(['J2', 0], ['J1', 1]) : seq(['J1', 0]);
    case 'J3':
      return seq(['J3', 0]);
    case 'V3':
    case 'V4':
      return seq([kind, 0]);
  }
}

/** A placement type for a child of this age under this legal status. */
export function placementType(ctx: Context, age: number, legal: LegalCode, first: boolean): string {
  const { rng } = ctx;
  if (legal === 'E1') return rng.chance(0.4) ? 'A5' : 'A6';
  if (/^J/.test(legal))
    return rng.weighted([
      ['K2', 60],
      ['U6', 20],
      ['R5', 10],
      ['K1', 10],
    ]);
  if (legal === 'V3' || legal === 'V4') return rng.chance(0.5) ? 'K2' : 'U6';
  if (age >= 16)
    return rng.weighted([
      ['H5', 35],
      ['U4', 15],
      ['U6', 25],
      ['K2', 20],
      ['P2', 3],
      ['Z1', 2],
    ]);
  if (age >= 11) {
    return rng.weighted([
      ['U4', first ? 5 : 25],
      ['U6', 45],
      ['U3', 8],
      ['U1', first ? 1 : 4],
      ['K2', 16],
      ['R1', 2],
      ['K1', 1],
      ['S1', 2],
      ['T4', 1],
    ]);
  }
  const withParent = legal === 'C1' || legal === 'C2' ? 5 : 0;
  return rng.weighted([
    ['U4', first ? 4 : 25],
    ['U6', 50],
    ['U3', 12],
    ['U1', first ? 1 : 6],
    ['U5', 3],
    ['P1', withParent],
    ['K2', 2],
    ['R3', age < 1 ? 8 : 0],
  ]);
}

/** Placements from the period's start: a move now and then, in step with the legal status. */
export function placementSequence(
  ctx: Context,
  child: Child,
  legal: Segment<LegalCode>[],
  start: Day,
  last: Day,
): Segment<string>[] {
  const { rng } = ctx;
  const dob = child.dob ?? start;
  const statusOn = (on: Day) => {
    let code = (legal[0] as Segment<LegalCode>).value;
    for (const segment of legal) if (segment.start <= on) code = segment.value;
    return code;
  };
  const placements: Segment<string>[] = [
    { value: placementType(ctx, Math.floor((start - dob) / 365.25), statusOn(start), true), start },
  ];
  if (statusOn(start) === 'V3' || statusOn(start) === 'V4') return placements;
  let at = start + rng.int(20, 700);
  while (at < last - 14) {
    placements.push({ value: placementType(ctx, Math.floor((at - dob) / 365.25), statusOn(at), false), start: at });
    at += rng.int(120, 1400);
  }
  const placementOrder = legal.find((segment) => segment.value === 'E1');
  if (placementOrder) {
    // Placed for adoption some weeks after the placement order.
    const placed = placementOrder.start + rng.int(30, 200);
    const kept = placements.filter((segment) => segment.start < placed);
    if (placed < last - 7) kept.push({ value: rng.chance(0.3) ? 'A5' : 'A6', start: placed });
    return kept.map((segment, i) =>
      i > 0 && segment.value.startsWith('A') && segment.start < placementOrder.start
        ? { ...segment, value: 'U6' }
        : segment,
    );
  }
  return placements;
}

/** Permanence plans over the period, for the care plan JSON. */
function plansFor(ctx: Context, kind: CareKind, ageAtStart: number, endReason: string | undefined): string[] {
  const { rng } = ctx;
  if (kind === 'V3' || kind === 'V4') return ['Remaining with birth family supported by short breaks'];
  if (kind === 'E1' || endReason === 'E11' || endReason === 'E12') return ['Return to birth family', 'Adoption'];
  if (endReason && /^E4[5-8]$/.test(endReason))
    return ['Return to birth family', 'Long-term placement with relatives or friends'];
  if (kind === 'V2' || kind === 'J1' || kind === 'J3') return ['Return to birth family within six months'];
  if (ageAtStart >= 15) return ['Supported living in the community'];
  return rng.chance(0.8)
    ? ['Return to birth family', 'Long-term fostering']
    : ['Return to birth family', 'Residential placement until independence'];
}

export interface InCareSpec {
  kind: CareKind;
  start: Day;
  end: Day | null;
  endReason?: string;
  /** Explicit statuses / placements (otherwise built from `kind`). */
  legal?: Segment<LegalCode>[];
  placements?: Segment<string>[];
  /** The referral the period hangs on; by default a new one that closes with the period. */
  referral?: Referral;
  reviews?: PeriodSpec['reviews'];
}

/** A whole period of care with its referral, exit order and permanence record. */
export function inCare(ctx: Context, child: Child, spec: InCareSpec): Period {
  const { rng, asOf } = ctx;
  const last = spec.end ?? asOf;
  const legal = spec.legal ?? legalSequence(ctx, spec.kind, spec.start);
  const placements = spec.placements ?? placementSequence(ctx, child, legal, spec.start, last);
  const ref =
    spec.referral ??
    referral(ctx, child, {
      date: Math.max(child.since, spec.start - rng.int(0, 20)),
      close: spec.end === null ? null : Math.min(asOf, spec.end + rng.int(0, 20)),
      closeReason:
        spec.endReason === 'E11' || spec.endReason === 'E12'
          ? 'RC1'
          : spec.endReason === 'E41'
            ? 'RC3'
            : spec.endReason && /^E4[5-8]$/.test(spec.endReason)
              ? 'RC4'
              : 'RC7',
      outcome: 'CLA',
      need: child.uascCountry ? 'N8' : undefined,
    });
  const ageAtStart = child.dob === null ? 0 : Math.floor((spec.start - child.dob) / 365.25);
  const period = periodOfCare(ctx, child, {
    start: spec.start,
    legal,
    placements,
    end: spec.end,
    endReason: spec.endReason,
    referral: ref,
    plans: plansFor(ctx, spec.kind, ageAtStart, spec.endReason),
    reviews: spec.reviews,
    need: child.uascCountry ? 'N8' : undefined,
  });
  const exit = exitOrder(spec.endReason);
  if (exit && spec.end !== null) {
    permanenceOrder(ctx, child, exit, spec.end, period.fosterCarers);
    permanenceRecord(ctx, child, period, legal, placements, exit);
  } else if (legal.some((segment) => segment.value === 'E1')) {
    permanenceRecord(ctx, child, period, legal, placements, 'ADOPTION');
  }
  return period;
}

function exitOrder(reason: string | undefined): PermanenceOrder | null {
  if (reason === 'E11' || reason === 'E12') return 'ADOPTION';
  if (reason === 'E46') return 'SGO_FOSTER_CARER';
  if (reason === 'E45' || reason === 'E47' || reason === 'E48') return 'SGO_RELATIVE';
  if (reason === 'E41') return 'CAO';
  return null;
}

/** `ssd_permanence`: the adoption journey (decision, order, match, placement) or the order made. */
function permanenceRecord(
  ctx: Context,
  child: Child,
  period: Period,
  legal: Segment<LegalCode>[],
  placements: Segment<string>[],
  order: PermanenceOrder,
): void {
  const { rng, out, asOf } = ctx;
  const d = (value: Day | null | undefined) =>
    value === null || value === undefined || value > asOf ? null : formatDay(value);
  const adoption = order === 'ADOPTION';
  const placementOrder = legal.find((segment) => segment.value === 'E1' || segment.value === 'D1')?.start ?? null;
  const placed = placements.find((segment) => /^A/.test(segment.value))?.start ?? null;
  const worker = adoption ? ctx.staff.practitioner(ctx.staff.team('ADOPTION', child.area, rng), rng) : null;
  out.write('ssd_permanence', {
    perm_table_id: ctx.ids.next('PERM'),
    perm_person_id: child.id,
    perm_cla_id: period.id,
    perm_adm_decision_date: adoption ? d((placementOrder ?? period.start + 200) - rng.int(30, 120)) : null,
    perm_part_of_sibling_group: adoption ? (rng.chance(0.3) ? 'Y' : 'N') : null,
    perm_siblings_placed_together: adoption ? 1 : null,
    perm_siblings_placed_apart: adoption ? 0 : null,
    perm_placement_order_date: adoption ? d(placementOrder) : null,
    perm_matched_date: adoption && placed !== null ? d(placed - rng.int(10, 40)) : null,
    perm_adopter_sex: adoption && placed !== null ? rng.pick(['MF', 'MF', 'MF', 'FF', 'MM', 'F1']) : null,
    perm_adopter_legal_status: adoption && placed !== null ? rng.pick(['L11', 'L11', 'L12', 'L3', 'L0']) : null,
    perm_number_of_adopters: adoption && placed !== null ? rng.pick([1, 2, 2, 2]) : null,
    perm_placed_for_adoption_date: adoption ? d(placed) : null,
    perm_adopted_by_carer_flag: adoption ? 'N' : null,
    perm_placement_provider_urn: adoption && placed !== null ? `SC${rng.digits(6)}` : null,
    perm_permanence_order_date: d(period.end),
    perm_permanence_order_type:
      period.end === null
        ? null
        : adoption
          ? 'Adoption'
          : order === 'CAO'
            ? 'Child Arrangements Order'
            : 'Special Guardianship',
    perm_adoption_worker_id: worker?.id ?? null,
  });
}

export type CareLeaverCategory = 'Eligible' | 'Relevant' | 'Former Relevant' | 'Qualifying';

/**
 * A care-leaver record: personal adviser from the Leaving Care Team, latest contact, pathway plan
 * reviews every 6 months from 16 (`cb_meeting` PATHWAY_PLAN_REVIEW, the latest also on the row).
 */
export function careLeaver(
  ctx: Context,
  child: Child,
  category: CareLeaverCategory,
  supportFrom: Day,
  periodId: string | null,
): void {
  const { rng, out, asOf } = ctx;
  const dob = child.dob ?? asOf;
  const team = ctx.staff.team('LEAVING_CARE', child.area, rng);
  const adviser: Staff = ctx.staff.practitioner(team, rng);
  const from = Math.max(supportFrom, addYears(dob, 16));
  const id = ctx.ids.next('CL');
  const reviews = schedule(rng, {
    firstDue: from + rng.int(20, 60),
    next: (held) => addMonths(held, 6),
    until: asOf,
    notBefore: from,
    asOf,
    open: true,
    lateRate: 0.15,
    overdueRate: 0.1,
  });
  const held = reviews.filter((review) => review.held !== null).map((review) => review.held as Day);
  for (const on of held) meeting(ctx, child, 'PATHWAY_PLAN_REVIEW', periodId ?? id, on);
  const inTouch = category === 'Eligible' || rng.chance(0.88);
  const age = Math.floor((asOf - dob) / 365.25);
  out.write('ssd_care_leavers', {
    clea_table_id: id,
    clea_person_id: child.id,
    clea_care_leaver_eligibility: category,
    clea_care_leaver_in_touch: inTouch ? 'YES' : rng.pick(['NO', 'REFU']),
    clea_care_leaver_latest_contact: inTouch ? formatDay(rng.day(Math.max(from, asOf - 56), asOf - 1)) : null,
    clea_care_leaver_accommodation:
      age < 18 && category === 'Eligible' ? 'C' : rng.pick(['U', 'U', 'D', 'E', 'B', 'T', 'K']),
    clea_care_leaver_accom_suitable: rng.chance(0.9) ? '1' : '2',
    clea_care_leaver_activity: rng.pick(['F2', 'F2', 'F5', 'P5', 'F4', 'F1', 'G5', 'G6', 'G4']),
    clea_pathway_plan_review_date: held.length > 0 ? formatDay(held[held.length - 1] as Day) : null,
    clea_care_leaver_personal_advisor: adviser.name.slice(0, 100),
    clea_care_leaver_allocated_team: team.id,
    clea_care_leaver_worker_id: adviser.id,
  });
  allocate(ctx, {
    personId: child.id,
    role: 'Personal Adviser',
    team,
    start: Math.min(from, asOf - 1),
    end: null,
    staff: adviser,
  });
}
