// Every relation of a child that Carebridge reads, described once: where its rows are, how they
// tie to the child, their order, and which column becomes which field of a domain fact
// (src/domain/facts.ts). Both readers are built from this table (src/db/child-records.ts): a
// look-up's single statement and the batch reader for pages and whole-authority work. Nothing
// above src/db sees these column names.

import type {
  CareEpisodeFact,
  CareLeaverRecordFact,
  CarePlanFact,
  CareReviewFact,
  ChildInNeedPlanFact,
  ChildProtectionPlanFact,
  EarlyHelpEpisodeFact,
  HealthCheckFact,
  InvolvementFact,
  LegalStatusFact,
  Person,
  PlacementFact,
  TeamContactFact,
} from '../domain/facts.js';
import type { CourtOrderFact, RelationshipFact } from '../domain/parental-responsibility.js';
import type { CpReviewFact, InitialConferenceFact, MeetingFact, MeetingKind, S47EnquiryFact } from '../domain/child-protection.js';
import type { AssessmentFact } from '../domain/child-in-need.js';
import type { CareVisitFact } from '../domain/care-visits.js';
import type { DualStatusDecisionFact, IroRecommendation, PreProceedingsFact } from '../domain/dual-status.js';

/** Column values as JSON gives them: every column read is text or a date (ISO, whatever DateStyle). */
type Value = string | null;

interface Relation<Column extends string, Fact> {
  /** The FROM clause; `r` is the relation's row. */
  from: string;
  /** What ties a row to the child whose id is `$child`. */
  of: string;
  orderBy?: string;
  /** Field → SQL expression; each row travels as one JSON array of these, in this order. */
  columns: Record<Column, string>;
  fact(row: Record<Column, Value>): Fact;
}

const relation = <Column extends string, Fact>(spec: Relation<Column, Fact>): Relation<Column, Fact> => spec;

// Spans need a start; a row without one (the import requires it) would be unreadable.
const start = (date: Value) => date ?? '0001-01-01';
const flag = (value: Value) => (value === null ? null : value === 'Y');

const personColumns = {
  id: 'r.pers_person_id',
  forename: 'r.pers_forename',
  surname: 'r.pers_surname',
  dateOfBirth: 'r.pers_dob',
  expectedDateOfBirth: 'r.pers_expected_dob',
  dateOfDeath: 'r.pers_death_date',
  nhsNumber: 'r.pers_common_child_id',
};
const personFact = (row: Record<keyof typeof personColumns, Value>): Person => ({ ...row, id: row.id ?? '' });

/** A relation reached through the child's own periods of care, so that a period id another child's extract shares never brings their rows. */
const throughOwnPeriods = (column: string) => `${column} IN (SELECT e.clae_cla_id FROM ssd_cla_episodes e WHERE e.clae_person_id = $child)`;

export const childRelations = {
  /** The child's own person row: one at most. */
  person: relation({ from: 'ssd_person r', of: 'r.pers_person_id = $child', columns: personColumns, fact: personFact }),

  /** The adults a child's relationships and court orders name (parental responsibility reads them). */
  relatedPeople: relation({
    from: 'ssd_person r',
    of: `r.pers_person_id IN (
      SELECT rela_related_person_id FROM carebridge.cb_relationship WHERE rela_child_person_id = $child
      UNION SELECT cord_holder_person_id FROM carebridge.cb_court_order WHERE cord_child_person_id = $child
      UNION SELECT cord_partner_person_id FROM carebridge.cb_court_order WHERE cord_child_person_id = $child)`,
    columns: personColumns,
    fact: personFact,
  }),

  childProtectionPlans: relation({
    from: 'ssd_cp_plans r',
    of: 'r.cppl_person_id = $child',
    orderBy: 'r.cppl_cp_plan_start_date',
    columns: {
      id: 'r.cppl_cp_plan_id',
      startDate: 'r.cppl_cp_plan_start_date',
      endDate: 'r.cppl_cp_plan_end_date',
      initialCategory: 'r.cppl_cp_plan_initial_category',
      latestCategory: 'r.cppl_cp_plan_latest_category',
    },
    fact: (row): ChildProtectionPlanFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate) }),
  }),

  childInNeedPlans: relation({
    from: 'ssd_cin_plans r',
    of: 'r.cinp_person_id = $child',
    orderBy: 'r.cinp_cin_plan_start_date',
    columns: { id: 'r.cinp_cin_plan_id', startDate: 'r.cinp_cin_plan_start_date', endDate: 'r.cinp_cin_plan_end_date' },
    fact: (row): ChildInNeedPlanFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate) }),
  }),

  earlyHelpEpisodes: relation({
    from: 'ssd_early_help_episodes r',
    of: 'r.earl_person_id = $child',
    orderBy: 'r.earl_episode_start_date',
    columns: {
      id: 'r.earl_episode_id',
      startDate: 'r.earl_episode_start_date',
      endDate: 'r.earl_episode_end_date',
      reason: 'r.earl_episode_reason',
      organisation: 'r.earl_episode_organisation',
    },
    fact: (row): EarlyHelpEpisodeFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate) }),
  }),

  careEpisodes: relation({
    from: 'ssd_cla_episodes r',
    of: 'r.clae_person_id = $child',
    columns: {
      id: 'r.clae_cla_episode_id',
      periodId: 'r.clae_cla_id',
      startDate: 'r.clae_cla_episode_start_date',
      endDate: 'r.clae_cla_episode_ceased_date',
      enteredCareDate: 'r.clae_entered_care_date',
    },
    fact: (row): CareEpisodeFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate) }),
  }),

  legalStatuses: relation({
    from: 'ssd_legal_status r',
    of: 'r.lega_person_id = $child',
    columns: {
      id: 'r.lega_legal_status_id',
      code: 'r.lega_legal_status',
      startDate: 'r.lega_legal_status_start_date',
      endDate: 'r.lega_legal_status_end_date',
    },
    fact: (row): LegalStatusFact => ({ ...row, id: row.id ?? '', code: row.code ?? '', startDate: start(row.startDate) }),
  }),

  careReviews: relation({
    from: 'ssd_cla_reviews r',
    of: throughOwnPeriods('r.clar_cla_id'),
    orderBy: 'r.clar_cla_review_due_date, r.clar_cla_review_date, r.clar_cla_review_id',
    columns: {
      id: 'r.clar_cla_review_id',
      periodId: 'r.clar_cla_id',
      dueDate: 'r.clar_cla_review_due_date',
      heldOn: 'r.clar_cla_review_date',
      cancelled: 'r.clar_cla_review_cancelled',
    },
    fact: (row): CareReviewFact => ({ ...row, id: row.id ?? '', periodId: row.periodId ?? '', cancelled: row.cancelled === 'Y' }),
  }),

  placements: relation({
    from: 'ssd_cla_placement r',
    of: throughOwnPeriods('r.clap_cla_id'),
    orderBy: 'r.clap_cla_placement_start_date, r.clap_cla_placement_id',
    columns: {
      id: 'r.clap_cla_placement_id',
      periodId: 'r.clap_cla_id',
      startDate: 'r.clap_cla_placement_start_date',
      endDate: 'r.clap_cla_placement_end_date',
      placementType: 'r.clap_cla_placement_type',
    },
    fact: (row): PlacementFact => ({ ...row, id: row.id ?? '', periodId: row.periodId ?? '', startDate: start(row.startDate) }),
  }),

  carePlans: relation({
    from: 'ssd_cla_care_plan r',
    of: 'r.lacp_person_id = $child',
    orderBy: 'r.lacp_cla_care_plan_start_date',
    columns: {
      id: 'r.lacp_table_id',
      startDate: 'r.lacp_cla_care_plan_start_date',
      endDate: 'r.lacp_cla_care_plan_end_date',
      json: 'r.lacp_cla_care_plan_json',
    },
    fact: ({ json, ...row }): CarePlanFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate), permanencePlan: permanencePlanOf(json) }),
  }),

  healthChecks: relation({
    from: 'ssd_cla_health r',
    of: 'r.clah_person_id = $child',
    orderBy: 'r.clah_health_check_date',
    columns: { id: 'r.clah_health_check_id', type: 'r.clah_health_check_type', date: 'r.clah_health_check_date' },
    fact: (row): HealthCheckFact => ({ ...row, id: row.id ?? '', date: start(row.date) }),
  }),

  involvements: relation({
    from: `ssd_involvements r
      LEFT JOIN ssd_professionals p ON p.prof_professional_id = r.invo_professional_id
      LEFT JOIN ssd_department d ON d.dept_team_id = r.invo_professional_team`,
    of: 'r.invo_person_id = $child',
    orderBy: 'r.invo_involvement_start_date, r.invo_involvements_id',
    columns: {
      id: 'r.invo_involvements_id',
      startDate: 'r.invo_involvement_start_date',
      endDate: 'r.invo_involvement_end_date',
      roleLabel: 'r.invo_professional_role_id',
      professionalName: 'p.prof_professional_name',
      jobTitle: 'p.prof_professional_job_title',
      teamId: 'r.invo_professional_team',
      teamName: 'd.dept_team_name',
    },
    fact: (row): InvolvementFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate) }),
  }),

  careLeaverRecords: relation({
    from: 'ssd_care_leavers r LEFT JOIN ssd_department d ON d.dept_team_id = r.clea_care_leaver_allocated_team',
    of: 'r.clea_person_id = $child',
    columns: {
      id: 'r.clea_table_id',
      eligibility: 'r.clea_care_leaver_eligibility',
      pathwayPlanReviewDate: 'r.clea_pathway_plan_review_date',
      personalAdviser: 'r.clea_care_leaver_personal_advisor',
      teamId: 'r.clea_care_leaver_allocated_team',
      teamName: 'd.dept_team_name',
    },
    fact: (row): CareLeaverRecordFact => ({ ...row, id: row.id ?? '' }),
  }),

  /** The duty lines of the teams working with the child (involvements, care-leaver records): dutyContact picks the allocated one. */
  teamContacts: relation({
    from: 'ssd_department r LEFT JOIN carebridge.cb_team_contact t ON t.tcon_team_id = r.dept_team_id',
    of: `r.dept_team_id IN (
      SELECT invo_professional_team FROM ssd_involvements WHERE invo_person_id = $child
      UNION SELECT clea_care_leaver_allocated_team FROM ssd_care_leavers WHERE clea_person_id = $child)`,
    columns: {
      teamId: 'r.dept_team_id',
      teamName: 'r.dept_team_name',
      dutyPhone: 't.tcon_duty_phone',
      dutyEmail: 't.tcon_duty_email',
      outOfHoursPhone: 't.tcon_out_of_hours_phone',
    },
    fact: (row): TeamContactFact => ({ ...row, teamId: row.teamId ?? '' }),
  }),

  /** The adults related to a child (cb_relationship). */
  relationships: relation({
    from: 'carebridge.cb_relationship r',
    of: 'r.rela_child_person_id = $child',
    columns: {
      id: 'r.rela_relationship_id',
      relatedPersonId: 'r.rela_related_person_id',
      relationship: 'r.rela_relationship',
      marriedToMother: 'r.rela_married_to_mother',
      registeredOnBirthCertificate: 'r.rela_registered_on_birth_certificate',
      registrationDate: 'r.rela_registration_date',
      noContact: 'r.rela_no_contact',
      addressWithheld: 'r.rela_address_withheld',
    },
    fact: (row): RelationshipFact => ({
      id: row.id ?? '',
      relatedPersonId: row.relatedPersonId ?? '',
      relationship: (row.relationship ?? 'OTHER') as RelationshipFact['relationship'],
      marriedToMother: flag(row.marriedToMother),
      registeredOnBirthCertificate: flag(row.registeredOnBirthCertificate),
      registrationDate: row.registrationDate,
      noContact: row.noContact === 'Y',
      addressWithheld: row.addressWithheld === 'Y',
    }),
  }),

  /** Orders that give or remove parental responsibility (cb_court_order). */
  courtOrders: relation({
    from: 'carebridge.cb_court_order r',
    of: 'r.cord_child_person_id = $child',
    orderBy: 'r.cord_start_date',
    columns: {
      id: 'r.cord_order_id',
      orderType: 'r.cord_order_type',
      holderPersonId: 'r.cord_holder_person_id',
      partnerPersonId: 'r.cord_partner_person_id',
      startDate: 'r.cord_start_date',
      endDate: 'r.cord_end_date',
    },
    fact: (row): CourtOrderFact => ({
      ...row,
      id: row.id ?? '',
      orderType: (row.orderType ?? '') as CourtOrderFact['orderType'],
      holderPersonId: row.holderPersonId ?? '',
      startDate: start(row.startDate),
    }),
  }),

  s47Enquiries: relation({
    from: 'ssd_s47_enquiry r',
    of: 'r.s47e_person_id = $child',
    orderBy: 'r.s47e_s47_start_date',
    columns: { id: 'r.s47e_s47_enquiry_id', startDate: 'r.s47e_s47_start_date', endDate: 'r.s47e_s47_end_date' },
    // The SSD holds no strategy discussion date: CP-ICPC counts from the S.47 start.
    fact: (row): S47EnquiryFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate), strategyDate: null }),
  }),

  initialConferences: relation({
    from: 'ssd_initial_cp_conference r',
    of: 'r.icpc_person_id = $child',
    columns: { id: 'r.icpc_icpc_id', s47Id: 'r.icpc_s47_enquiry_id', planId: 'r.icpc_cp_plan_id', date: 'r.icpc_icpc_date' },
    fact: (row): InitialConferenceFact => ({ ...row, id: row.id ?? '' }),
  }),

  protectionReviews: relation({
    from: 'ssd_cp_reviews r',
    of: 'r.cppr_person_id = $child',
    orderBy: 'r.cppr_cp_review_date',
    columns: { id: 'r.cppr_cp_review_id', planId: 'r.cppr_cp_plan_id', dueDate: 'r.cppr_cp_review_due', heldOn: 'r.cppr_cp_review_date' },
    fact: (row): CpReviewFact => ({ ...row, id: row.id ?? '', planId: row.planId ?? '' }),
  }),

  /** Assessments with their referral's date (CIN-ASSESSMENT counts from the referral). */
  assessments: relation({
    from: 'ssd_cin_assessments r LEFT JOIN ssd_cin_episodes e ON e.cine_referral_id = r.cina_referral_id',
    of: 'r.cina_person_id = $child',
    columns: {
      id: 'r.cina_assessment_id',
      referralId: 'r.cina_referral_id',
      referralDate: 'e.cine_referral_date',
      startDate: 'r.cina_assessment_start_date',
      authorisedDate: 'r.cina_assessment_auth_date',
    },
    fact: (row): AssessmentFact => ({ ...row, id: row.id ?? '', startDate: start(row.startDate) }),
  }),

  /** Meetings the SSD does not carry (cb_meeting). */
  meetings: relation({
    from: 'carebridge.cb_meeting r',
    of: 'r.meet_person_id = $child',
    orderBy: 'r.meet_date',
    columns: { id: 'r.meet_meeting_id', kind: 'r.meet_kind', subjectId: 'r.meet_subject_id', date: 'r.meet_date' },
    fact: (row): MeetingFact => ({ ...row, id: row.id ?? '', kind: (row.kind ?? '') as MeetingKind, date: start(row.date) }),
  }),

  /** Social worker visits to a looked-after child (`ssd_cla_visits`). */
  careVisits: relation({
    from: 'ssd_cla_visits r',
    of: 'r.clav_person_id = $child',
    orderBy: 'r.clav_cla_visit_date',
    columns: { id: 'r.clav_cla_visit_id', periodId: 'r.clav_cla_id', date: 'r.clav_cla_visit_date' },
    fact: (row): CareVisitFact => ({ ...row, id: row.id ?? '', date: start(row.date) }),
  }),

  /** PLO pre-proceedings (`ssd_pre_proceedings`): the DS-S20-PLO pathway. */
  preProceedings: relation({
    from: 'ssd_pre_proceedings r',
    of: 'r.prep_person_id = $child',
    columns: {
      id: 'r.prep_table_id',
      decisionDate: 'r.prep_pre_pro_decision_date',
      initialMeetingDate: 'r.prep_initial_pre_pro_meeting_date',
      outcome: 'r.prep_pre_pro_outcome',
      stepDownDate: 'r.prep_agree_stepdown_issue_date',
    },
    fact: (row): PreProceedingsFact => ({ ...row, id: row.id ?? '' }),
  }),

  /** IRO recommendations at dual-process reviews and letters ending CP plans (`cb_dual_status_decision`). */
  dualStatusDecisions: relation({
    from: 'carebridge.cb_dual_status_decision r',
    of: 'r.dsde_child_person_id = $child',
    columns: {
      id: 'r.dsde_decision_id',
      planId: 'r.dsde_cp_plan_id',
      reviewDate: 'r.dsde_review_date',
      recommendation: 'r.dsde_recommendation',
      agenciesNotifiedDate: 'r.dsde_agencies_notified_date',
      disagreement: 'r.dsde_disagreement',
    },
    fact: (row): DualStatusDecisionFact => ({
      ...row,
      id: row.id ?? '',
      recommendation: (row.recommendation || null) as IroRecommendation | null,
      disagreement: row.disagreement === 'Y',
    }),
  }),
};

export type ChildRelations = typeof childRelations;
export type RelationName = keyof ChildRelations;
export type FactOf<Name extends RelationName> = ReturnType<ChildRelations[Name]['fact']>;
export const relationNames = Object.keys(childRelations) as RelationName[];

/**
 * One column per relation, named after it: the child's rows as a JSON array of arrays (text, or
 * null when none), for the child whose id is the SQL expression `child`.
 */
export function relationColumnsSql(names: readonly RelationName[], child: string): string {
  return names
    .map((name) => {
      const { from, of, orderBy, columns } = childRelations[name] as Relation<string, unknown>;
      const order = orderBy ? ` ORDER BY ${orderBy}` : '';
      const where = of.replaceAll('$child', child);
      return `(SELECT json_agg(json_build_array(${Object.values(columns).join(', ')})${order})::text FROM ${from} WHERE ${where}) AS "${name}"`;
    })
    .join(',\n  ');
}

/**
 * Statement texts built once and kept (they are then prepared by name on each connection): few
 * per document in practice; a caller sending endless new shapes only empties the store.
 */
export class StatementTexts {
  private readonly texts = new Map<string, string>();
  constructor(private readonly capacity = 1000) {}

  textOf(key: string, build: () => string): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      if (this.texts.size >= this.capacity) this.texts.clear();
      this.texts.set(key, (text = build()));
    }
    return text;
  }
}

/** The facts in a relation column (relationColumnsSql) as the domain reads them. */
export function factsOf<Name extends RelationName>(name: Name, json: string | null): FactOf<Name>[] {
  if (json === null) return [];
  const { columns, fact } = childRelations[name] as Relation<string, FactOf<Name>>;
  const fields = Object.keys(columns);
  return (JSON.parse(json) as Value[][]).map((values) => {
    const row: Record<string, Value> = {};
    fields.forEach((field, index) => (row[field] = values[index] ?? null));
    return fact(row);
  });
}

/** The SSD keeps the permanence option in a small JSON document; anything unreadable is left out. */
function permanencePlanOf(json: string | null): string | null {
  if (!json) return null;
  try {
    const value = (JSON.parse(json) as Record<string, unknown>).permanence_plan;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
