// Early help, referrals (CiN episodes), assessments, CiN plans, S.47 enquiries, child protection and pre-proceedings.
// Names and types follow the SSD (shared/ssd); date-times are stored as `date`.
// Tables are unqualified: they live in CAREBRIDGE_SSD_SCHEMA through search_path (docs/database.md).

import { char, date, doublePrecision, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';

export const ssdEarlyHelpEpisodes = pgTable(
  'ssd_early_help_episodes',
  {
    earl_episode_id: varchar('earl_episode_id', { length: 48 }).primaryKey(),
    earl_person_id: varchar('earl_person_id', { length: 48 }),
    earl_episode_start_date: date('earl_episode_start_date', { mode: 'string' }),
    earl_episode_end_date: date('earl_episode_end_date', { mode: 'string' }),
    earl_episode_reason: text('earl_episode_reason'),
    earl_episode_end_reason: text('earl_episode_end_reason'),
    earl_episode_organisation: text('earl_episode_organisation'),
    earl_episode_worker_id: varchar('earl_episode_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_early_help_episodes_earl_person_id_idx').on(t.earl_person_id),
  ],
);

export const ssdCinEpisodes = pgTable(
  'ssd_cin_episodes',
  {
    cine_referral_id: varchar('cine_referral_id', { length: 48 }).primaryKey(),
    cine_person_id: varchar('cine_person_id', { length: 48 }),
    cine_referral_date: date('cine_referral_date', { mode: 'string' }),
    cine_cin_primary_need_code: varchar('cine_cin_primary_need_code', { length: 3 }),
    cine_referral_source_code: varchar('cine_referral_source_code', { length: 48 }),
    cine_referral_source_desc: varchar('cine_referral_source_desc', { length: 255 }),
    cine_referral_outcome_json: varchar('cine_referral_outcome_json', { length: 4000 }),
    cine_referral_nfa: char('cine_referral_nfa', { length: 1 }),
    cine_close_reason: varchar('cine_close_reason', { length: 100 }),
    cine_close_date: date('cine_close_date', { mode: 'string' }),
    cine_referral_team: varchar('cine_referral_team', { length: 48 }),
    cine_referral_worker_id: varchar('cine_referral_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_cin_episodes_cine_person_id_idx').on(t.cine_person_id),
  ],
);

export const ssdCinAssessments = pgTable(
  'ssd_cin_assessments',
  {
    cina_assessment_id: varchar('cina_assessment_id', { length: 48 }).primaryKey(),
    cina_person_id: varchar('cina_person_id', { length: 48 }),
    cina_referral_id: varchar('cina_referral_id', { length: 48 }),
    cina_assessment_start_date: date('cina_assessment_start_date', { mode: 'string' }),
    cina_assessment_child_seen: char('cina_assessment_child_seen', { length: 1 }),
    cina_assessment_auth_date: date('cina_assessment_auth_date', { mode: 'string' }),
    cina_assessment_outcome_json: varchar('cina_assessment_outcome_json', { length: 1000 }),
    cina_assessment_outcome_nfa: char('cina_assessment_outcome_nfa', { length: 1 }),
    cina_assessment_team: varchar('cina_assessment_team', { length: 48 }),
    cina_assessment_worker_id: varchar('cina_assessment_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_cin_assessments_cina_person_id_idx').on(t.cina_person_id),
    index('ssd_cin_assessments_cina_referral_id_idx').on(t.cina_referral_id),
  ],
);

export const ssdCinPlans = pgTable(
  'ssd_cin_plans',
  {
    cinp_cin_plan_id: varchar('cinp_cin_plan_id', { length: 48 }).primaryKey(),
    cinp_referral_id: varchar('cinp_referral_id', { length: 48 }),
    cinp_person_id: varchar('cinp_person_id', { length: 48 }),
    cinp_cin_plan_start_date: date('cinp_cin_plan_start_date', { mode: 'string' }),
    cinp_cin_plan_end_date: date('cinp_cin_plan_end_date', { mode: 'string' }),
    cinp_cin_plan_team: varchar('cinp_cin_plan_team', { length: 48 }),
    cinp_cin_plan_worker_id: varchar('cinp_cin_plan_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_cin_plans_cinp_referral_id_idx').on(t.cinp_referral_id),
    index('ssd_cin_plans_cinp_person_id_idx').on(t.cinp_person_id),
  ],
);

export const ssdS47Enquiry = pgTable(
  'ssd_s47_enquiry',
  {
    s47e_s47_enquiry_id: varchar('s47e_s47_enquiry_id', { length: 48 }).primaryKey(),
    s47e_referral_id: varchar('s47e_referral_id', { length: 48 }),
    s47e_person_id: varchar('s47e_person_id', { length: 48 }),
    s47e_s47_start_date: date('s47e_s47_start_date', { mode: 'string' }),
    s47e_s47_end_date: date('s47e_s47_end_date', { mode: 'string' }),
    s47e_s47_nfa: char('s47e_s47_nfa', { length: 1 }),
    s47e_s47_outcome_json: varchar('s47e_s47_outcome_json', { length: 1000 }),
    s47e_s47_completed_by_team: varchar('s47e_s47_completed_by_team', { length: 48 }),
    s47e_s47_completed_by_worker_id: varchar('s47e_s47_completed_by_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_s47_enquiry_s47e_referral_id_idx').on(t.s47e_referral_id),
    index('ssd_s47_enquiry_s47e_person_id_idx').on(t.s47e_person_id),
  ],
);

export const ssdInitialCpConference = pgTable(
  'ssd_initial_cp_conference',
  {
    icpc_icpc_id: varchar('icpc_icpc_id', { length: 48 }).primaryKey(),
    icpc_icpc_meeting_id: varchar('icpc_icpc_meeting_id', { length: 48 }),
    icpc_s47_enquiry_id: varchar('icpc_s47_enquiry_id', { length: 48 }),
    icpc_person_id: varchar('icpc_person_id', { length: 48 }),
    icpc_cp_plan_id: varchar('icpc_cp_plan_id', { length: 48 }),
    icpc_referral_id: varchar('icpc_referral_id', { length: 48 }),
    icpc_icpc_transfer_in: char('icpc_icpc_transfer_in', { length: 1 }),
    icpc_icpc_target_date: date('icpc_icpc_target_date', { mode: 'string' }),
    icpc_icpc_date: date('icpc_icpc_date', { mode: 'string' }),
    icpc_icpc_outcome_cp_flag: char('icpc_icpc_outcome_cp_flag', { length: 1 }),
    icpc_icpc_outcome_json: varchar('icpc_icpc_outcome_json', { length: 1000 }),
    icpc_icpc_team: varchar('icpc_icpc_team', { length: 48 }),
    icpc_icpc_worker_id: varchar('icpc_icpc_worker_id', { length: 100 }),
  },
  (t) => [
    index('ssd_initial_cp_conference_icpc_s47_enquiry_id_idx').on(t.icpc_s47_enquiry_id),
    index('ssd_initial_cp_conference_icpc_person_id_idx').on(t.icpc_person_id),
    index('ssd_initial_cp_conference_icpc_cp_plan_id_idx').on(t.icpc_cp_plan_id),
    index('ssd_initial_cp_conference_icpc_referral_id_idx').on(t.icpc_referral_id),
  ],
);

export const ssdCpPlans = pgTable(
  'ssd_cp_plans',
  {
    cppl_cp_plan_id: varchar('cppl_cp_plan_id', { length: 48 }).primaryKey(),
    cppl_referral_id: varchar('cppl_referral_id', { length: 48 }),
    cppl_icpc_id: varchar('cppl_icpc_id', { length: 48 }),
    cppl_person_id: varchar('cppl_person_id', { length: 48 }),
    cppl_cp_plan_start_date: date('cppl_cp_plan_start_date', { mode: 'string' }),
    cppl_cp_plan_end_date: date('cppl_cp_plan_end_date', { mode: 'string' }),
    cppl_cp_plan_ola: char('cppl_cp_plan_ola', { length: 1 }),
    cppl_cp_plan_initial_category: varchar('cppl_cp_plan_initial_category', { length: 100 }),
    cppl_cp_plan_latest_category: varchar('cppl_cp_plan_latest_category', { length: 100 }),
  },
  (t) => [
    index('ssd_cp_plans_cppl_referral_id_idx').on(t.cppl_referral_id),
    index('ssd_cp_plans_cppl_icpc_id_idx').on(t.cppl_icpc_id),
    index('ssd_cp_plans_cppl_person_id_idx').on(t.cppl_person_id),
  ],
);

export const ssdCpReviews = pgTable(
  'ssd_cp_reviews',
  {
    cppr_cp_review_id: varchar('cppr_cp_review_id', { length: 48 }).primaryKey(),
    cppr_person_id: varchar('cppr_person_id', { length: 48 }),
    cppr_cp_plan_id: varchar('cppr_cp_plan_id', { length: 48 }),
    cppr_cp_review_due: date('cppr_cp_review_due', { mode: 'string' }),
    cppr_cp_review_date: date('cppr_cp_review_date', { mode: 'string' }),
    cppr_cp_review_meeting_id: varchar('cppr_cp_review_meeting_id', { length: 48 }),
    cppr_cp_review_outcome_continue_cp: char('cppr_cp_review_outcome_continue_cp', { length: 1 }),
    cppr_cp_review_quorate: varchar('cppr_cp_review_quorate', { length: 100 }),
    cppr_cp_review_participation: varchar('cppr_cp_review_participation', { length: 100 }),
  },
  (t) => [
    index('ssd_cp_reviews_cppr_person_id_idx').on(t.cppr_person_id),
    index('ssd_cp_reviews_cppr_cp_plan_id_idx').on(t.cppr_cp_plan_id),
  ],
);

export const ssdPreProceedings = pgTable(
  'ssd_pre_proceedings',
  {
    prep_table_id: varchar('prep_table_id', { length: 48 }).primaryKey(),
    prep_person_id: varchar('prep_person_id', { length: 48 }),
    prep_plo_family_id: varchar('prep_plo_family_id', { length: 48 }),
    prep_pre_pro_decision_date: date('prep_pre_pro_decision_date', { mode: 'string' }),
    prep_initial_pre_pro_meeting_date: date('prep_initial_pre_pro_meeting_date', { mode: 'string' }),
    prep_pre_pro_outcome: varchar('prep_pre_pro_outcome', { length: 100 }),
    prep_agree_stepdown_issue_date: date('prep_agree_stepdown_issue_date', { mode: 'string' }),
    prep_cp_plans_referral_period: integer('prep_cp_plans_referral_period'),
    prep_legal_gateway_outcome: varchar('prep_legal_gateway_outcome', { length: 100 }),
    prep_prev_pre_proc_child: integer('prep_prev_pre_proc_child'),
    prep_prev_care_proc_child: integer('prep_prev_care_proc_child'),
    prep_pre_pro_letter_date: date('prep_pre_pro_letter_date', { mode: 'string' }),
    prep_care_pro_letter_date: date('prep_care_pro_letter_date', { mode: 'string' }),
    prep_pre_pro_meetings_num: integer('prep_pre_pro_meetings_num'),
    prep_pre_pro_parents_legal_rep: char('prep_pre_pro_parents_legal_rep', { length: 1 }),
    prep_parents_legal_rep_point_of_issue: char('prep_parents_legal_rep_point_of_issue', { length: 2 }),
    prep_court_reference: varchar('prep_court_reference', { length: 48 }),
    prep_care_proc_court_hearings: integer('prep_care_proc_court_hearings'),
    prep_care_proc_short_notice: char('prep_care_proc_short_notice', { length: 1 }),
    prep_proc_short_notice_reason: varchar('prep_proc_short_notice_reason', { length: 100 }),
    prep_la_inital_plan_approved: char('prep_la_inital_plan_approved', { length: 1 }),
    prep_la_initial_care_plan: varchar('prep_la_initial_care_plan', { length: 100 }),
    prep_la_final_plan_approved: char('prep_la_final_plan_approved', { length: 1 }),
    prep_la_final_care_plan: varchar('prep_la_final_care_plan', { length: 100 }),
  },
  (t) => [
    index('ssd_pre_proceedings_prep_person_id_idx').on(t.prep_person_id),
  ],
);
