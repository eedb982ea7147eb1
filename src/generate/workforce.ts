// The authority's workforce: about twenty teams under four services (`ssd_department`), their
// duty contacts (`cb_team_contact`), the professionals in them (`ssd_professionals`), and
// who is allocated to a child (`ssd_involvements`, role labels as the contract lists them).

import type { Faker } from '@faker-js/faker';
import type { Sink } from './csv-writer.js';
import { formatDay, type Day } from './dates.js';
import type { Random } from './random.js';
import type { Context } from './context.js';

export type Area = 'NORTH' | 'SOUTH' | 'CENTRAL';
export type TeamKind =
  | 'MASH'
  | 'ASSESSMENT'
  | 'EARLY_HELP'
  | 'FAMILY_SAFEGUARDING'
  | 'DISABILITIES'
  | 'CP_UNIT'
  | 'IRO'
  | 'CHILDREN_IN_CARE'
  | 'LEAVING_CARE'
  | 'ADOPTION'
  | 'FOSTERING'
  | 'YOUTH_JUSTICE'
  | 'EMERGENCY_DUTY';

/** Role labels exactly as the contract's key-contact defaults recognise them. */
export type RoleLabel =
  | 'Allocated Social Worker'
  | 'Allocated Case Worker'
  | 'Team Manager'
  | 'Independent Reviewing Officer'
  | 'IRO'
  | 'Child Protection Co-ordinator'
  | 'Personal Adviser'
  | 'Lead Professional';

export interface Team {
  id: string;
  name: string;
  slug: string;
  kind: TeamKind;
  area: Area | null;
  parentId: string | null;
}

export interface Staff {
  id: string;
  name: string;
  team: Team;
}

interface TeamSpec {
  id: string;
  name: string;
  slug: string;
  parent: string | null;
  kind?: TeamKind;
  area?: Area;
  /** Practitioners per 10,000 children (at least 3 in any team). */
  per10k?: number;
  title?: string;
}

const services: TeamSpec[] = [
  { id: 'SVC-FRONT', name: 'Front Door and Assessment Service', slug: 'front-door', parent: null },
  { id: 'SVC-SAFE', name: 'Safeguarding and Family Support Service', slug: 'safeguarding', parent: null },
  { id: 'SVC-CIC', name: 'Children in Care and Care Leavers Service', slug: 'children-in-care', parent: null },
  { id: 'SVC-QA', name: 'Quality Assurance and Reviewing Service', slug: 'quality-assurance', parent: null },
];

// id, name, e-mail slug, service, kind, area, practitioners per 10,000 children, their job title
const team = (
  id: string,
  name: string,
  slug: string,
  parent: string,
  kind: TeamKind,
  area: Area | null,
  per10k: number,
  title: string,
): TeamSpec => ({ id, name, slug, parent, kind, area: area ?? undefined, per10k, title });

// prettier-ignore
const teams: TeamSpec[] = [
  team('MASH', 'Multi-Agency Safeguarding Hub', 'mash', 'SVC-FRONT', 'MASH', null, 6, 'Social Worker'),
  team('ASSESS-1', 'Assessment Team 1', 'assessment-1', 'SVC-FRONT', 'ASSESSMENT', 'NORTH', 12, 'Social Worker'),
  team('ASSESS-2', 'Assessment Team 2', 'assessment-2', 'SVC-FRONT', 'ASSESSMENT', 'SOUTH', 12, 'Social Worker'),
  team('EH-HUB', 'Early Help Hub', 'early-help-hub', 'SVC-FRONT', 'EARLY_HELP', 'CENTRAL', 8, 'Early Help Practitioner'),
  team('EH-NORTH', 'Early Help Team North', 'early-help-north', 'SVC-FRONT', 'EARLY_HELP', 'NORTH', 8, 'Family Support Worker'),
  team('EH-SOUTH', 'Early Help Team South', 'early-help-south', 'SVC-FRONT', 'EARLY_HELP', 'SOUTH', 8, 'Family Support Worker'),
  team('FST-NORTH', 'Family Safeguarding Team North', 'fst-north', 'SVC-SAFE', 'FAMILY_SAFEGUARDING', 'NORTH', 14, 'Social Worker'),
  team('FST-SOUTH', 'Family Safeguarding Team South', 'fst-south', 'SVC-SAFE', 'FAMILY_SAFEGUARDING', 'SOUTH', 14, 'Social Worker'),
  team('FST-CENTRAL', 'Family Safeguarding Team Central', 'fst-central', 'SVC-SAFE', 'FAMILY_SAFEGUARDING', 'CENTRAL', 14, 'Social Worker'),
  team('CWD', 'Children with Disabilities Team', 'disabilities', 'SVC-SAFE', 'DISABILITIES', null, 5, 'Social Worker'),
  team('YJS', 'Youth Justice Service', 'youth-justice', 'SVC-SAFE', 'YOUTH_JUSTICE', null, 3, 'Youth Justice Officer'),
  team('CPU', 'Child Protection Unit', 'cp-unit', 'SVC-QA', 'CP_UNIT', null, 4, 'Child Protection Co-ordinator'),
  team('IRS', 'Independent Reviewing Service', 'iro-service', 'SVC-QA', 'IRO', null, 5, 'Independent Reviewing Officer'),
  team('CIC-NORTH', 'Children in Care Team North', 'cic-north', 'SVC-CIC', 'CHILDREN_IN_CARE', 'NORTH', 10, 'Social Worker'),
  team('CIC-SOUTH', 'Children in Care Team South', 'cic-south', 'SVC-CIC', 'CHILDREN_IN_CARE', 'SOUTH', 10, 'Social Worker'),
  team('LCT', 'Leaving Care Team', 'leaving-care', 'SVC-CIC', 'LEAVING_CARE', null, 8, 'Personal Adviser'),
  team('ADOPT', 'Adoption and Permanence Team', 'adoption', 'SVC-CIC', 'ADOPTION', null, 3, 'Adoption Social Worker'),
  team('FOSTER', 'Fostering Team', 'fostering', 'SVC-CIC', 'FOSTERING', null, 3, 'Supervising Social Worker'),
  team('EDT', 'Emergency Duty Team', 'emergency-duty', 'SVC-FRONT', 'EMERGENCY_DUTY', null, 2, 'Social Worker'),
];

/** The authority's emergency duty line (Ofcom drama range). */
const outOfHoursPhone = '01632 960999';

export class Workforce {
  readonly teams: Team[] = [];
  readonly #byKind = new Map<TeamKind, Team[]>();
  readonly #practitioners = new Map<string, Staff[]>();
  readonly #managers = new Map<string, Staff>();

  /** Writes the departments, their duty contacts and the professionals. */
  constructor(out: Sink, faker: Faker, rng: Random, children: number) {
    const names = new Map([...services, ...teams].map((spec) => [spec.id, spec.name]));
    let phone = 100;
    let worker = 0;
    const nextId = () => `W${String(++worker).padStart(6, '0')}`;
    for (const spec of [...services, ...teams]) {
      const team: Team = {
        id: spec.id,
        name: spec.name,
        slug: spec.slug,
        kind: spec.kind ?? 'MASH',
        area: spec.area ?? null,
        parentId: spec.parent,
      };
      out.write('ssd_department', {
        dept_team_id: team.id,
        dept_team_name: team.name,
        dept_team_parent_id: spec.parent,
        dept_team_parent_name: spec.parent ? (names.get(spec.parent) ?? null) : null,
      });
      out.write('cb_team_contact', {
        tcon_team_id: team.id,
        tcon_duty_phone: `01632 960${String((phone += 7)).padStart(3, '0')}`,
        tcon_duty_email: `duty.${team.slug}@carebridge-demo.example`,
        tcon_out_of_hours_phone: outOfHoursPhone,
      });
      if (!spec.kind) continue;
      this.teams.push(team);
      this.#byKind.set(spec.kind, [...(this.#byKind.get(spec.kind) ?? []), team]);

      const professional = (title: string, isSocialWorker: boolean, isManager: boolean): Staff => {
        const staff: Staff = { id: nextId(), name: `${faker.person.firstName()} ${faker.person.lastName()}`, team };
        const agency = !isManager && rng.chance(0.12);
        out.write('ssd_professionals', {
          prof_professional_id: staff.id,
          prof_staff_id: agency ? null : `STF${staff.id.slice(1)}`,
          prof_professional_name: staff.name,
          prof_social_worker_registration_no: isSocialWorker ? `SW${rng.digits(6)}` : null,
          prof_agency_worker_flag: agency ? 'Y' : 'N',
          prof_professional_job_title: title,
          prof_professional_caseload: isManager ? 0 : rng.int(8, 24),
          prof_professional_department: team.name,
          prof_full_time_equivalency: rng.weighted([
            [1, 8],
            [0.8, 2],
            [0.6, 1],
          ]),
        });
        return staff;
      };
      const socialWork = ![
        'Early Help Practitioner',
        'Family Support Worker',
        'Youth Justice Officer',
        'Personal Adviser',
      ].includes(spec.title ?? '');
      this.#managers.set(team.id, professional('Team Manager', true, true));
      const count = Math.max(3, Math.round(((spec.per10k ?? 3) * children) / 10_000));
      const members: Staff[] = [];
      for (let i = 0; i < count; i++) {
        const senior = socialWork && spec.title === 'Social Worker' && rng.chance(0.2);
        const title = senior
          ? rng.pick(['Senior Social Worker', 'Advanced Practitioner'])
          : (spec.title ?? 'Social Worker');
        members.push(professional(title, socialWork, false));
      }
      this.#practitioners.set(team.id, members);
    }
  }

  /** A team of the kind, in the child's area where the kind is split by area. */
  team(kind: TeamKind, area: Area, rng: Random): Team {
    const options = this.#byKind.get(kind) ?? [];
    const local = options.filter((team) => team.area === area);
    return rng.pick(local.length > 0 ? local : options);
  }

  practitioner(team: Team, rng: Random): Staff {
    return rng.pick(this.#practitioners.get(team.id) ?? []);
  }

  manager(team: Team): Staff {
    const staff = this.#managers.get(team.id);
    if (!staff) throw new Error(`team ${team.id} has no manager`);
    return staff;
  }
}

const changeReasons = [
  ['LEFTRL', 4],
  ['MANAGE', 3],
  ['ORGRST', 1],
  ['ABSENC', 1],
  ['CHCHAN', 1],
  ['OTHERS', 1],
] as const;

export interface Allocation {
  personId: string;
  role: RoleLabel;
  team: Team;
  start: Day;
  /** Null while the involvement is open. */
  end: Day | null;
  referralId?: string | null;
  /** Why this worker took over from the previous one (first allocation: FCONTA or TSPROC). */
  firstReason?: string | null;
  /** A fixed professional (e.g. a personal adviser also named on the care leaver row). */
  staff?: Staff;
  /** Managers do not change; practitioners change about once a year on long cases. */
  changes?: boolean;
}

/**
 * Writes the involvement(s) of one role over a span; long spans get a change of worker now and
 * then (the earlier involvement ends the day the next starts). Returns the worker open at the
 * end of the span (or the last one).
 */
export function allocate(ctx: Context, allocation: Allocation): Staff {
  const { rng, asOf } = ctx;
  const last = allocation.end ?? asOf;
  let start = allocation.start;
  let reason: string | null = allocation.firstReason ?? null;
  const isManager = allocation.role === 'Team Manager';
  let staff =
    allocation.staff ?? (isManager ? ctx.staff.manager(allocation.team) : ctx.staff.practitioner(allocation.team, rng));
  for (;;) {
    let end = allocation.end;
    const mayChange = allocation.changes !== false && !isManager && !allocation.staff;
    if (mayChange && last - start > 240 && rng.chance(0.45)) {
      end = rng.day(start + 120, last - 30);
    }
    ctx.out.write('ssd_involvements', {
      invo_involvements_id: ctx.ids.next('INV', 8),
      invo_professional_id: staff.id,
      invo_professional_role_id: allocation.role,
      invo_professional_team: allocation.team.id,
      invo_person_id: allocation.personId,
      invo_involvement_start_date: formatDay(start),
      invo_involvement_end_date: end === null ? null : formatDay(end),
      invo_worker_change_reason: reason,
      invo_referral_id: allocation.referralId ?? null,
    });
    if (end === allocation.end) return staff;
    start = end as Day;
    reason = rng.weighted(changeReasons);
    staff = ctx.staff.practitioner(allocation.team, rng);
  }
}
