// Children in care: legal statuses, episodes, reviews, placements, visits, health, care plans, permanence and care leavers.
// Names and types follow the SSD (shared/ssd); date-times are stored as `date`.
// Tables are unqualified: they live in CAREBRIDGE_SSD_SCHEMA through search_path (docs/database.md).

import { char, date, doublePrecision, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';

export const ssdLegalStatus = pgTable(
  'ssd_legal_status',
  {
    lega_legal_status_id: varchar('lega_legal_status_id', { length: 48 }).primaryKey(),
    lega_person_id: varchar('lega_person_id', { length: 48 }),
    lega_legal_status: varchar('lega_legal_status', { length: 100 }),
    lega_legal_status_start_date: date('lega_legal_status_start_date', { mode: 'string' }),
    lega_legal_status_end_date: date('lega_legal_status_end_date', { mode: 'string' }),
  },
  (t) => [
    index('ssd_legal_status_lega_person_id_idx').on(t.lega_person_id),
  ],
);

export const ssdClaEpisodes = pgTable(
  'ssd_cla_episodes',
  {
    clae_cla_episode_id: varchar('clae_cla_episode_id', { length: 48 }).primaryKey(),
    clae_person_id: varchar('clae_person_id', { length: 48 }),
    clae_cla_placement_id: varchar('clae_cla_placement_id', { length: 48 }),
    clae_cla_episode_start_date: date('clae_cla_episode_start_date', { mode: 'string' }),
    clae_cla_episode_start_reason: varchar('clae_cla_episode_start_reason', { length: 100 }),
    clae_cla_primary_need_code: varchar('clae_cla_primary_need_code', { length: 3 }),
    clae_cla_episode_ceased_date: date('clae_cla_episode_ceased_date', { mode: 'string' }),
    clae_cla_episode_ceased_reason: varchar('clae_cla_episode_ceased_reason', { length: 255 }),
    clae_cla_id: varchar('clae_cla_id', { length: 48 }),
    clae_referral_id: varchar('clae_referral_id', { length: 48 }),
    clae_cla_last_iro_contact_date: date('clae_cla_last_iro_contact_date', { mode: 'string' }),
    clae_entered_care_date: date('clae_entered_care_date', { mode: 'string' }),
  },
  (t) => [
    index('ssd_cla_episodes_clae_person_id_idx').on(t.clae_person_id),
    index('ssd_cla_episodes_clae_cla_id_idx').on(t.clae_cla_id),
    index('ssd_cla_episodes_clae_referral_id_idx').on(t.clae_referral_id),
  ],
);

export const ssdClaReviews = pgTable(
  'ssd_cla_reviews',
  {
    clar_cla_review_id: varchar('clar_cla_review_id', { length: 48 }).primaryKey(),
    clar_cla_id: varchar('clar_cla_id', { length: 48 }),
    clar_cla_review_due_date: date('clar_cla_review_due_date', { mode: 'string' }),
    clar_cla_review_date: date('clar_cla_review_date', { mode: 'string' }),
    clar_cla_review_cancelled: char('clar_cla_review_cancelled', { length: 1 }),
    clar_cla_review_participation: varchar('clar_cla_review_participation', { length: 100 }),
  },
  (t) => [
    index('ssd_cla_reviews_clar_cla_id_idx').on(t.clar_cla_id),
  ],
);

export const ssdClaPlacement = pgTable(
  'ssd_cla_placement',
  {
    clap_cla_placement_id: varchar('clap_cla_placement_id', { length: 48 }).primaryKey(),
    clap_cla_id: varchar('clap_cla_id', { length: 48 }),
    clap_person_id: varchar('clap_person_id', { length: 48 }),
    clap_cla_placement_start_date: date('clap_cla_placement_start_date', { mode: 'string' }),
    clap_cla_placement_type: varchar('clap_cla_placement_type', { length: 100 }),
    clap_cla_placement_urn: varchar('clap_cla_placement_urn', { length: 48 }),
    clap_cla_placement_distance: doublePrecision('clap_cla_placement_distance'),
    clap_cla_placement_provider: varchar('clap_cla_placement_provider', { length: 48 }),
    clap_cla_placement_postcode: varchar('clap_cla_placement_postcode', { length: 8 }),
    clap_cla_placement_end_date: date('clap_cla_placement_end_date', { mode: 'string' }),
    clap_cla_placement_change_reason: varchar('clap_cla_placement_change_reason', { length: 100 }),
  },
  (t) => [
    index('ssd_cla_placement_clap_cla_id_idx').on(t.clap_cla_id),
    index('ssd_cla_placement_clap_person_id_idx').on(t.clap_person_id),
  ],
);

export const ssdClaVisits = pgTable(
  'ssd_cla_visits',
  {
    clav_cla_visit_id: varchar('clav_cla_visit_id', { length: 48 }).primaryKey(),
    clav_cla_id: varchar('clav_cla_id', { length: 48 }),
    clav_person_id: varchar('clav_person_id', { length: 48 }),
    clav_cla_visit_date: date('clav_cla_visit_date', { mode: 'string' }),
    clav_cla_visit_seen: char('clav_cla_visit_seen', { length: 1 }),
    clav_cla_visit_seen_alone: char('clav_cla_visit_seen_alone', { length: 1 }),
  },
  (t) => [
    index('ssd_cla_visits_clav_cla_id_idx').on(t.clav_cla_id),
    index('ssd_cla_visits_clav_person_id_idx').on(t.clav_person_id),
  ],
);

export const ssdClaHealth = pgTable(
  'ssd_cla_health',
  {
    clah_health_check_id: varchar('clah_health_check_id', { length: 48 }).primaryKey(),
    clah_person_id: varchar('clah_person_id', { length: 48 }),
    clah_health_check_type: varchar('clah_health_check_type', { length: 500 }),
    clah_health_check_date: date('clah_health_check_date', { mode: 'string' }),
    clah_health_check_status: varchar('clah_health_check_status', { length: 48 }),
  },
  (t) => [
    index('ssd_cla_health_clah_person_id_idx').on(t.clah_person_id),
  ],
);

export const ssdClaCarePlan = pgTable(
  'ssd_cla_care_plan',
  {
    lacp_table_id: varchar('lacp_table_id', { length: 48 }).primaryKey(),
    lacp_person_id: varchar('lacp_person_id', { length: 48 }),
    lacp_cla_care_plan_start_date: date('lacp_cla_care_plan_start_date', { mode: 'string' }),
    lacp_cla_care_plan_end_date: date('lacp_cla_care_plan_end_date', { mode: 'string' }),
    lacp_cla_care_plan_json: varchar('lacp_cla_care_plan_json', { length: 1000 }),
  },
  (t) => [
    index('ssd_cla_care_plan_lacp_person_id_idx').on(t.lacp_person_id),
  ],
);

export const ssdPermanence = pgTable(
  'ssd_permanence',
  {
    perm_table_id: varchar('perm_table_id', { length: 48 }).primaryKey(),
    perm_person_id: varchar('perm_person_id', { length: 48 }),
    perm_cla_id: varchar('perm_cla_id', { length: 48 }),
    perm_adm_decision_date: date('perm_adm_decision_date', { mode: 'string' }),
    perm_part_of_sibling_group: char('perm_part_of_sibling_group', { length: 1 }),
    perm_siblings_placed_together: integer('perm_siblings_placed_together'),
    perm_siblings_placed_apart: integer('perm_siblings_placed_apart'),
    perm_ffa_cp_decision_date: date('perm_ffa_cp_decision_date', { mode: 'string' }),
    perm_placement_order_date: date('perm_placement_order_date', { mode: 'string' }),
    perm_matched_date: date('perm_matched_date', { mode: 'string' }),
    perm_adopter_sex: varchar('perm_adopter_sex', { length: 48 }),
    perm_adopter_legal_status: varchar('perm_adopter_legal_status', { length: 100 }),
    perm_number_of_adopters: integer('perm_number_of_adopters'),
    perm_placed_for_adoption_date: date('perm_placed_for_adoption_date', { mode: 'string' }),
    perm_adopted_by_carer_flag: char('perm_adopted_by_carer_flag', { length: 1 }),
    perm_placed_foster_carer_date: date('perm_placed_foster_carer_date', { mode: 'string' }),
    perm_placed_ffa_cp_date: date('perm_placed_ffa_cp_date', { mode: 'string' }),
    perm_placement_provider_urn: varchar('perm_placement_provider_urn', { length: 48 }),
    perm_decision_reversed_date: date('perm_decision_reversed_date', { mode: 'string' }),
    perm_decision_reversed_reason: varchar('perm_decision_reversed_reason', { length: 100 }),
    perm_permanence_order_date: date('perm_permanence_order_date', { mode: 'string' }),
    perm_permanence_order_type: varchar('perm_permanence_order_type', { length: 100 }),
    perm_adoption_worker_id: varchar('perm_adoption_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_permanence_perm_person_id_idx').on(t.perm_person_id),
    index('ssd_permanence_perm_cla_id_idx').on(t.perm_cla_id),
  ],
);

export const ssdCareLeavers = pgTable(
  'ssd_care_leavers',
  {
    clea_table_id: varchar('clea_table_id', { length: 48 }).primaryKey(),
    clea_person_id: varchar('clea_person_id', { length: 48 }),
    clea_care_leaver_eligibility: varchar('clea_care_leaver_eligibility', { length: 100 }),
    clea_care_leaver_in_touch: varchar('clea_care_leaver_in_touch', { length: 100 }),
    clea_care_leaver_latest_contact: date('clea_care_leaver_latest_contact', { mode: 'string' }),
    clea_care_leaver_accommodation: varchar('clea_care_leaver_accommodation', { length: 100 }),
    clea_care_leaver_accom_suitable: varchar('clea_care_leaver_accom_suitable', { length: 100 }),
    clea_care_leaver_activity: varchar('clea_care_leaver_activity', { length: 100 }),
    clea_pathway_plan_review_date: date('clea_pathway_plan_review_date', { mode: 'string' }),
    clea_care_leaver_personal_advisor: varchar('clea_care_leaver_personal_advisor', { length: 100 }),
    clea_care_leaver_allocated_team: varchar('clea_care_leaver_allocated_team', { length: 48 }),
    clea_care_leaver_worker_id: varchar('clea_care_leaver_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_care_leavers_clea_person_id_idx').on(t.clea_person_id),
  ],
);
