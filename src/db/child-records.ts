// A child's record, read through per-request DataLoaders: each relation is one SQL statement
// per batch of children, however many children a request returns. Rows become domain facts
// here (src/domain/facts.ts); nothing above this file sees a column name.

import DataLoader from 'dataloader';
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';
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
import type { Orm } from './connection.js';
import * as schema from './schema.js';

/** One statement for many keys; each key gets its rows (in the statement's order). */
/**
 * Children per statement: a request's statements depend on its shape alone up to this many
 * children (every page, every look-up); whole-authority work (BI on the fly, storing due dates)
 * takes one statement per table per this many, under PostgreSQL's 65,535 parameters.
 */
export const maxChildrenPerStatement = 10_000;

function groupedLoader<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (fact: T) => string | null): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const fact of await load([...keys])) byKey.get(keyOf(fact) ?? '')?.push(fact);
    return keys.map((key) => byKey.get(key)!);
  }, { maxBatchSize: maxChildrenPerStatement });
}

function singleLoader<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (fact: T) => string): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await load([...keys])).map((fact) => [keyOf(fact), fact]));
    return keys.map((key) => byKey.get(key) ?? null);
  }, { maxBatchSize: maxChildrenPerStatement });
}

// Spans need a start; a row without one (the import requires it) would be unreadable.
const start = (date: string | null) => date ?? '0001-01-01';

/**
 * The kinds of meeting the extract carries at all: a kind with no rows means whether those
 * meetings happen is unknown (rules.md, completionKnown). Pathway plan reviews are also carried by
 * `ssd_care_leavers`. It changes only when an import commits: the service holds it in memory
 * (src/db/data-changes.ts); whole-authority work reads it once per batch.
 */
export async function readMeetingKindsRecorded(orm: Orm): Promise<ReadonlySet<MeetingKind>> {
  const { cbMeeting, ssdCareLeavers } = schema;
  const [meetingKinds, pathwayReviews] = await Promise.all([
    orm.selectDistinct({ kind: cbMeeting.meet_kind }).from(cbMeeting),
    orm.select({ id: ssdCareLeavers.clea_table_id }).from(ssdCareLeavers).where(isNotNull(ssdCareLeavers.clea_pathway_plan_review_date)).limit(1),
  ]);
  const kinds = new Set(meetingKinds.map((row) => row.kind as MeetingKind));
  if (pathwayReviews.length > 0) kinds.add('PATHWAY_PLAN_REVIEW');
  return kinds;
}

export function createChildRecordLoaders(orm: Orm, meetingKindsRecorded: () => Promise<ReadonlySet<MeetingKind>> = () => readMeetingKindsRecorded(orm)) {
  const { ssdPerson, ssdCpPlans, ssdCinPlans, ssdEarlyHelpEpisodes, ssdClaEpisodes, ssdLegalStatus } = schema;
  const { ssdClaReviews, ssdClaPlacement, ssdClaCarePlan, ssdClaHealth, ssdInvolvements, ssdProfessionals } = schema;
  const { ssdDepartment, ssdCareLeavers, cbTeamContact, cbRelationship, cbCourtOrder } = schema;
  const { ssdS47Enquiry, ssdInitialCpConference, ssdCpReviews, ssdCinAssessments, ssdCinEpisodes, cbMeeting } = schema;
  const { ssdClaVisits, ssdPreProceedings, cbDualStatusDecision } = schema;
  const flag = (value: string | null) => (value === null ? null : value === 'Y');

  return {
    person: singleLoader<Person>(
      async (ids) =>
        (await orm.select().from(ssdPerson).where(inArray(ssdPerson.pers_person_id, ids))).map((row) => ({
          id: row.pers_person_id,
          forename: row.pers_forename,
          surname: row.pers_surname,
          dateOfBirth: row.pers_dob,
          expectedDateOfBirth: row.pers_expected_dob,
          dateOfDeath: row.pers_death_date,
          nhsNumber: row.pers_common_child_id,
        })),
      (person) => person.id,
    ),

    childProtectionPlans: groupedLoader<ChildProtectionPlanFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdCpPlans).where(inArray(ssdCpPlans.cppl_person_id, ids)).orderBy(asc(ssdCpPlans.cppl_cp_plan_start_date))).map(
          (row) => ({
            personId: row.cppl_person_id,
            id: row.cppl_cp_plan_id,
            startDate: start(row.cppl_cp_plan_start_date),
            endDate: row.cppl_cp_plan_end_date,
            initialCategory: row.cppl_cp_plan_initial_category,
            latestCategory: row.cppl_cp_plan_latest_category,
          }),
        ),
      (plan) => plan.personId,
    ),

    childInNeedPlans: groupedLoader<ChildInNeedPlanFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdCinPlans).where(inArray(ssdCinPlans.cinp_person_id, ids)).orderBy(asc(ssdCinPlans.cinp_cin_plan_start_date))).map(
          (row) => ({
            personId: row.cinp_person_id,
            id: row.cinp_cin_plan_id,
            startDate: start(row.cinp_cin_plan_start_date),
            endDate: row.cinp_cin_plan_end_date,
          }),
        ),
      (plan) => plan.personId,
    ),

    earlyHelpEpisodes: groupedLoader<EarlyHelpEpisodeFact & { personId: string | null }>(
      async (ids) =>
        (
          await orm
            .select()
            .from(ssdEarlyHelpEpisodes)
            .where(inArray(ssdEarlyHelpEpisodes.earl_person_id, ids))
            .orderBy(asc(ssdEarlyHelpEpisodes.earl_episode_start_date))
        ).map((row) => ({
          personId: row.earl_person_id,
          id: row.earl_episode_id,
          startDate: start(row.earl_episode_start_date),
          endDate: row.earl_episode_end_date,
          reason: row.earl_episode_reason,
          organisation: row.earl_episode_organisation,
        })),
      (episode) => episode.personId,
    ),

    careEpisodes: groupedLoader<CareEpisodeFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdClaEpisodes).where(inArray(ssdClaEpisodes.clae_person_id, ids))).map((row) => ({
          personId: row.clae_person_id,
          id: row.clae_cla_episode_id,
          periodId: row.clae_cla_id,
          startDate: start(row.clae_cla_episode_start_date),
          endDate: row.clae_cla_episode_ceased_date,
          enteredCareDate: row.clae_entered_care_date,
        })),
      (episode) => episode.personId,
    ),

    legalStatuses: groupedLoader<LegalStatusFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdLegalStatus).where(inArray(ssdLegalStatus.lega_person_id, ids))).map((row) => ({
          personId: row.lega_person_id,
          id: row.lega_legal_status_id,
          code: row.lega_legal_status ?? '',
          startDate: start(row.lega_legal_status_start_date),
          endDate: row.lega_legal_status_end_date,
        })),
      (status) => status.personId,
    ),

    /**
     * A child's CiC reviews, through the child's own episodes (`clar_cla_id` = `clae_cla_id`), so
     * that a period id another child's extract happens to share can never bring their reviews.
     */
    careReviews: groupedLoader<CareReviewFact & { personId: string }>(
      async (ids) =>
        (
          await orm
            .selectDistinct({ review: ssdClaReviews, personId: ssdClaEpisodes.clae_person_id })
            .from(ssdClaReviews)
            .innerJoin(ssdClaEpisodes, eq(ssdClaEpisodes.clae_cla_id, ssdClaReviews.clar_cla_id))
            .where(inArray(ssdClaEpisodes.clae_person_id, ids))
            .orderBy(asc(ssdClaReviews.clar_cla_review_due_date), asc(ssdClaReviews.clar_cla_review_date), asc(ssdClaReviews.clar_cla_review_id))
        ).map(({ review, personId }) => ({
          personId: personId ?? '',
          id: review.clar_cla_review_id,
          periodId: review.clar_cla_id ?? '',
          dueDate: review.clar_cla_review_due_date,
          heldOn: review.clar_cla_review_date,
          cancelled: review.clar_cla_review_cancelled === 'Y',
        })),
      (review) => review.personId,
    ),

    /** A child's placements, through the child's own episodes (as careReviews). */
    placements: groupedLoader<PlacementFact & { personId: string }>(
      async (ids) =>
        (
          await orm
            .selectDistinct({ placement: ssdClaPlacement, personId: ssdClaEpisodes.clae_person_id })
            .from(ssdClaPlacement)
            .innerJoin(ssdClaEpisodes, eq(ssdClaEpisodes.clae_cla_id, ssdClaPlacement.clap_cla_id))
            .where(inArray(ssdClaEpisodes.clae_person_id, ids))
            .orderBy(asc(ssdClaPlacement.clap_cla_placement_start_date), asc(ssdClaPlacement.clap_cla_placement_id))
        ).map(({ placement, personId }) => ({
          personId: personId ?? '',
          id: placement.clap_cla_placement_id,
          periodId: placement.clap_cla_id ?? '',
          startDate: start(placement.clap_cla_placement_start_date),
          endDate: placement.clap_cla_placement_end_date,
          placementType: placement.clap_cla_placement_type,
        })),
      (placement) => placement.personId,
    ),

    carePlans: groupedLoader<CarePlanFact & { personId: string | null }>(
      async (ids) =>
        (
          await orm
            .select()
            .from(ssdClaCarePlan)
            .where(inArray(ssdClaCarePlan.lacp_person_id, ids))
            .orderBy(asc(ssdClaCarePlan.lacp_cla_care_plan_start_date))
        ).map((row) => ({
          personId: row.lacp_person_id,
          id: row.lacp_table_id,
          startDate: start(row.lacp_cla_care_plan_start_date),
          endDate: row.lacp_cla_care_plan_end_date,
          permanencePlan: permanencePlanOf(row.lacp_cla_care_plan_json),
        })),
      (plan) => plan.personId,
    ),

    healthChecks: groupedLoader<HealthCheckFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdClaHealth).where(inArray(ssdClaHealth.clah_person_id, ids)).orderBy(asc(ssdClaHealth.clah_health_check_date))).map(
          (row) => ({
            personId: row.clah_person_id,
            id: row.clah_health_check_id,
            type: row.clah_health_check_type,
            date: start(row.clah_health_check_date),
          }),
        ),
      (check) => check.personId,
    ),

    involvements: groupedLoader<InvolvementFact & { personId: string | null }>(
      async (ids) =>
        (
          await orm
            .select({ involvement: ssdInvolvements, professional: ssdProfessionals, team: ssdDepartment })
            .from(ssdInvolvements)
            .leftJoin(ssdProfessionals, eq(ssdProfessionals.prof_professional_id, ssdInvolvements.invo_professional_id))
            .leftJoin(ssdDepartment, eq(ssdDepartment.dept_team_id, ssdInvolvements.invo_professional_team))
            .where(inArray(ssdInvolvements.invo_person_id, ids))
            .orderBy(asc(ssdInvolvements.invo_involvement_start_date), asc(ssdInvolvements.invo_involvements_id))
        ).map(({ involvement, professional, team }) => ({
          personId: involvement.invo_person_id,
          id: involvement.invo_involvements_id,
          startDate: start(involvement.invo_involvement_start_date),
          endDate: involvement.invo_involvement_end_date,
          roleLabel: involvement.invo_professional_role_id,
          professionalName: professional?.prof_professional_name ?? null,
          jobTitle: professional?.prof_professional_job_title ?? null,
          teamId: involvement.invo_professional_team,
          teamName: team?.dept_team_name ?? null,
        })),
      (involvement) => involvement.personId,
    ),

    careLeaverRecords: groupedLoader<CareLeaverRecordFact & { personId: string | null }>(
      async (ids) =>
        (
          await orm
            .select({ record: ssdCareLeavers, team: ssdDepartment })
            .from(ssdCareLeavers)
            .leftJoin(ssdDepartment, eq(ssdDepartment.dept_team_id, ssdCareLeavers.clea_care_leaver_allocated_team))
            .where(inArray(ssdCareLeavers.clea_person_id, ids))
        ).map(({ record, team }) => ({
          personId: record.clea_person_id,
          id: record.clea_table_id,
          eligibility: record.clea_care_leaver_eligibility,
          pathwayPlanReviewDate: record.clea_pathway_plan_review_date,
          personalAdviser: record.clea_care_leaver_personal_advisor,
          teamId: record.clea_care_leaver_allocated_team,
          teamName: team?.dept_team_name ?? null,
        })),
      (record) => record.personId,
    ),

    /** The adults related to a child (cb_relationship), by child. */
    relationships: groupedLoader<RelationshipFact & { childId: string | null }>(
      async (ids) =>
        (await orm.select().from(cbRelationship).where(inArray(cbRelationship.rela_child_person_id, ids))).map((row) => ({
          childId: row.rela_child_person_id,
          id: row.rela_relationship_id,
          relatedPersonId: row.rela_related_person_id ?? '',
          relationship: (row.rela_relationship ?? 'OTHER') as RelationshipFact['relationship'],
          marriedToMother: flag(row.rela_married_to_mother),
          registeredOnBirthCertificate: flag(row.rela_registered_on_birth_certificate),
          registrationDate: row.rela_registration_date,
          noContact: row.rela_no_contact === 'Y',
          addressWithheld: row.rela_address_withheld === 'Y',
        })),
      (relationship) => relationship.childId,
    ),

    /** Orders that give or remove parental responsibility (cb_court_order), by child. */
    courtOrders: groupedLoader<CourtOrderFact & { childId: string | null }>(
      async (ids) =>
        (await orm.select().from(cbCourtOrder).where(inArray(cbCourtOrder.cord_child_person_id, ids)).orderBy(asc(cbCourtOrder.cord_start_date))).map(
          (row) => ({
            childId: row.cord_child_person_id,
            id: row.cord_order_id,
            orderType: (row.cord_order_type ?? '') as CourtOrderFact['orderType'],
            holderPersonId: row.cord_holder_person_id ?? '',
            partnerPersonId: row.cord_partner_person_id,
            startDate: start(row.cord_start_date),
            endDate: row.cord_end_date,
          }),
        ),
      (order) => order.childId,
    ),

    s47Enquiries: groupedLoader<S47EnquiryFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdS47Enquiry).where(inArray(ssdS47Enquiry.s47e_person_id, ids)).orderBy(asc(ssdS47Enquiry.s47e_s47_start_date))).map(
          (row) => ({
            personId: row.s47e_person_id,
            id: row.s47e_s47_enquiry_id,
            startDate: start(row.s47e_s47_start_date),
            endDate: row.s47e_s47_end_date,
            // The SSD holds no strategy discussion date: CP-ICPC counts from the S.47 start.
            strategyDate: null,
          }),
        ),
      (enquiry) => enquiry.personId,
    ),

    initialConferences: groupedLoader<InitialConferenceFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdInitialCpConference).where(inArray(ssdInitialCpConference.icpc_person_id, ids))).map((row) => ({
          personId: row.icpc_person_id,
          id: row.icpc_icpc_id,
          s47Id: row.icpc_s47_enquiry_id,
          planId: row.icpc_cp_plan_id,
          date: row.icpc_icpc_date,
        })),
      (conference) => conference.personId,
    ),

    protectionReviews: groupedLoader<CpReviewFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdCpReviews).where(inArray(ssdCpReviews.cppr_person_id, ids)).orderBy(asc(ssdCpReviews.cppr_cp_review_date))).map(
          (row) => ({
            personId: row.cppr_person_id,
            id: row.cppr_cp_review_id,
            planId: row.cppr_cp_plan_id ?? '',
            dueDate: row.cppr_cp_review_due,
            heldOn: row.cppr_cp_review_date,
          }),
        ),
      (review) => review.personId,
    ),

    /** Assessments with their referral's date (CIN-ASSESSMENT counts from the referral). */
    assessments: groupedLoader<AssessmentFact & { personId: string | null }>(
      async (ids) =>
        (
          await orm
            .select({ assessment: ssdCinAssessments, referralDate: ssdCinEpisodes.cine_referral_date })
            .from(ssdCinAssessments)
            .leftJoin(ssdCinEpisodes, eq(ssdCinEpisodes.cine_referral_id, ssdCinAssessments.cina_referral_id))
            .where(inArray(ssdCinAssessments.cina_person_id, ids))
        ).map(({ assessment, referralDate }) => ({
          personId: assessment.cina_person_id,
          id: assessment.cina_assessment_id,
          referralId: assessment.cina_referral_id,
          referralDate,
          startDate: start(assessment.cina_assessment_start_date),
          authorisedDate: assessment.cina_assessment_auth_date,
        })),
      (assessment) => assessment.personId,
    ),

    /** Meetings the SSD does not carry (cb_meeting), by child. */
    meetings: groupedLoader<MeetingFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(cbMeeting).where(inArray(cbMeeting.meet_person_id, ids)).orderBy(asc(cbMeeting.meet_date))).map((row) => ({
          personId: row.meet_person_id,
          id: row.meet_meeting_id,
          kind: (row.meet_kind ?? '') as MeetingKind,
          subjectId: row.meet_subject_id,
          date: start(row.meet_date),
        })),
      (meeting) => meeting.personId,
    ),

    /** The kinds of meeting the extract carries at all (readMeetingKindsRecorded), once per request at most. */
    meetingKindsRecorded: new DataLoader<'all', ReadonlySet<MeetingKind>>(async (keys) => {
      const kinds = await meetingKindsRecorded();
      return keys.map(() => kinds);
    }),

    /** Social worker visits to a looked-after child (`ssd_cla_visits`), by child. */
    careVisits: groupedLoader<CareVisitFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdClaVisits).where(inArray(ssdClaVisits.clav_person_id, ids)).orderBy(asc(ssdClaVisits.clav_cla_visit_date))).map(
          (row) => ({ personId: row.clav_person_id, id: row.clav_cla_visit_id, periodId: row.clav_cla_id, date: start(row.clav_cla_visit_date) }),
        ),
      (visit) => visit.personId,
    ),

    /** PLO pre-proceedings (`ssd_pre_proceedings`), by child: the DS-S20-PLO pathway. */
    preProceedings: groupedLoader<PreProceedingsFact & { personId: string | null }>(
      async (ids) =>
        (await orm.select().from(ssdPreProceedings).where(inArray(ssdPreProceedings.prep_person_id, ids))).map((row) => ({
          personId: row.prep_person_id,
          id: row.prep_table_id,
          decisionDate: row.prep_pre_pro_decision_date,
          initialMeetingDate: row.prep_initial_pre_pro_meeting_date,
          outcome: row.prep_pre_pro_outcome,
          stepDownDate: row.prep_agree_stepdown_issue_date,
        })),
      (proceedings) => proceedings.personId,
    ),

    /** IRO recommendations at dual-process reviews and letters ending CP plans (`cb_dual_status_decision`), by child. */
    dualStatusDecisions: groupedLoader<DualStatusDecisionFact & { childId: string | null }>(
      async (ids) =>
        (await orm.select().from(cbDualStatusDecision).where(inArray(cbDualStatusDecision.dsde_child_person_id, ids))).map((row) => ({
          childId: row.dsde_child_person_id,
          id: row.dsde_decision_id,
          planId: row.dsde_cp_plan_id,
          reviewDate: row.dsde_review_date,
          recommendation: (row.dsde_recommendation || null) as IroRecommendation | null,
          agenciesNotifiedDate: row.dsde_agencies_notified_date,
          disagreement: row.dsde_disagreement === 'Y',
        })),
      (decision) => decision.childId,
    ),

    /** By team id (`ssd_department.dept_team_id`). */
    teamContacts: singleLoader<TeamContactFact>(
      async (teamIds) =>
        (
          await orm
            .select({ team: ssdDepartment, contact: cbTeamContact })
            .from(ssdDepartment)
            .leftJoin(cbTeamContact, eq(cbTeamContact.tcon_team_id, ssdDepartment.dept_team_id))
            .where(inArray(ssdDepartment.dept_team_id, teamIds))
        ).map(({ team, contact }) => ({
          teamId: team.dept_team_id,
          teamName: team.dept_team_name,
          dutyPhone: contact?.tcon_duty_phone ?? null,
          dutyEmail: contact?.tcon_duty_email ?? null,
          outOfHoursPhone: contact?.tcon_out_of_hours_phone ?? null,
        })),
      (contact) => contact.teamId,
    ),
  };
}

export type ChildRecordLoaders = ReturnType<typeof createChildRecordLoaders>;

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
