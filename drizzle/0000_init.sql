CREATE SCHEMA IF NOT EXISTS "carebridge";
--> statement-breakpoint
CREATE TABLE "ssd_address" (
	"addr_table_id" varchar(48) PRIMARY KEY NOT NULL,
	"addr_person_id" varchar(48),
	"addr_address_type" varchar(48),
	"addr_address_start_date" date,
	"addr_address_end_date" date,
	"addr_address_postcode" varchar(15),
	"addr_address_json" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "ssd_linked_identifiers" (
	"link_table_id" varchar(48) PRIMARY KEY NOT NULL,
	"link_person_id" varchar(48),
	"link_identifier_type" varchar(100),
	"link_identifier_value" varchar(100),
	"link_valid_from_date" date,
	"link_valid_to_date" date
);
--> statement-breakpoint
CREATE TABLE "ssd_person" (
	"pers_legacy_id" varchar(48),
	"pers_person_id" varchar(48) PRIMARY KEY NOT NULL,
	"pers_upn" varchar(13),
	"pers_forename" varchar(100),
	"pers_surname" varchar(255),
	"pers_sex" varchar(20),
	"pers_gender" varchar(10),
	"pers_ethnicity" varchar(48),
	"pers_dob" date,
	"pers_common_child_id" varchar(48),
	"pers_upn_unknown" varchar(6),
	"pers_send_flag" char(5),
	"pers_expected_dob" date,
	"pers_death_date" date,
	"pers_is_mother" char(1),
	"pers_nationality" varchar(48)
);
--> statement-breakpoint
CREATE TABLE "ssd_cin_assessments" (
	"cina_assessment_id" varchar(48) PRIMARY KEY NOT NULL,
	"cina_person_id" varchar(48),
	"cina_referral_id" varchar(48),
	"cina_assessment_start_date" date,
	"cina_assessment_child_seen" char(1),
	"cina_assessment_auth_date" date,
	"cina_assessment_outcome_json" varchar(1000),
	"cina_assessment_outcome_nfa" char(1),
	"cina_assessment_team" varchar(48),
	"cina_assessment_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_cin_episodes" (
	"cine_referral_id" varchar(48) PRIMARY KEY NOT NULL,
	"cine_person_id" varchar(48),
	"cine_referral_date" date,
	"cine_cin_primary_need_code" varchar(3),
	"cine_referral_source_code" varchar(48),
	"cine_referral_source_desc" varchar(255),
	"cine_referral_outcome_json" varchar(4000),
	"cine_referral_nfa" char(1),
	"cine_close_reason" varchar(100),
	"cine_close_date" date,
	"cine_referral_team" varchar(48),
	"cine_referral_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_cin_plans" (
	"cinp_cin_plan_id" varchar(48) PRIMARY KEY NOT NULL,
	"cinp_referral_id" varchar(48),
	"cinp_person_id" varchar(48),
	"cinp_cin_plan_start_date" date,
	"cinp_cin_plan_end_date" date,
	"cinp_cin_plan_team" varchar(48),
	"cinp_cin_plan_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_cp_plans" (
	"cppl_cp_plan_id" varchar(48) PRIMARY KEY NOT NULL,
	"cppl_referral_id" varchar(48),
	"cppl_icpc_id" varchar(48),
	"cppl_person_id" varchar(48),
	"cppl_cp_plan_start_date" date,
	"cppl_cp_plan_end_date" date,
	"cppl_cp_plan_ola" char(1),
	"cppl_cp_plan_initial_category" varchar(100),
	"cppl_cp_plan_latest_category" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_cp_reviews" (
	"cppr_cp_review_id" varchar(48) PRIMARY KEY NOT NULL,
	"cppr_person_id" varchar(48),
	"cppr_cp_plan_id" varchar(48),
	"cppr_cp_review_due" date,
	"cppr_cp_review_date" date,
	"cppr_cp_review_meeting_id" varchar(48),
	"cppr_cp_review_outcome_continue_cp" char(1),
	"cppr_cp_review_quorate" varchar(100),
	"cppr_cp_review_participation" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_early_help_episodes" (
	"earl_episode_id" varchar(48) PRIMARY KEY NOT NULL,
	"earl_person_id" varchar(48),
	"earl_episode_start_date" date,
	"earl_episode_end_date" date,
	"earl_episode_reason" text,
	"earl_episode_end_reason" text,
	"earl_episode_organisation" text,
	"earl_episode_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_initial_cp_conference" (
	"icpc_icpc_id" varchar(48) PRIMARY KEY NOT NULL,
	"icpc_icpc_meeting_id" varchar(48),
	"icpc_s47_enquiry_id" varchar(48),
	"icpc_person_id" varchar(48),
	"icpc_cp_plan_id" varchar(48),
	"icpc_referral_id" varchar(48),
	"icpc_icpc_transfer_in" char(1),
	"icpc_icpc_target_date" date,
	"icpc_icpc_date" date,
	"icpc_icpc_outcome_cp_flag" char(1),
	"icpc_icpc_outcome_json" varchar(1000),
	"icpc_icpc_team" varchar(48),
	"icpc_icpc_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_pre_proceedings" (
	"prep_table_id" varchar(48) PRIMARY KEY NOT NULL,
	"prep_person_id" varchar(48),
	"prep_plo_family_id" varchar(48),
	"prep_pre_pro_decision_date" date,
	"prep_initial_pre_pro_meeting_date" date,
	"prep_pre_pro_outcome" varchar(100),
	"prep_agree_stepdown_issue_date" date,
	"prep_cp_plans_referral_period" integer,
	"prep_legal_gateway_outcome" varchar(100),
	"prep_prev_pre_proc_child" integer,
	"prep_prev_care_proc_child" integer,
	"prep_pre_pro_letter_date" date,
	"prep_care_pro_letter_date" date,
	"prep_pre_pro_meetings_num" integer,
	"prep_pre_pro_parents_legal_rep" char(1),
	"prep_parents_legal_rep_point_of_issue" char(2),
	"prep_court_reference" varchar(48),
	"prep_care_proc_court_hearings" integer,
	"prep_care_proc_short_notice" char(1),
	"prep_proc_short_notice_reason" varchar(100),
	"prep_la_inital_plan_approved" char(1),
	"prep_la_initial_care_plan" varchar(100),
	"prep_la_final_plan_approved" char(1),
	"prep_la_final_care_plan" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_s47_enquiry" (
	"s47e_s47_enquiry_id" varchar(48) PRIMARY KEY NOT NULL,
	"s47e_referral_id" varchar(48),
	"s47e_person_id" varchar(48),
	"s47e_s47_start_date" date,
	"s47e_s47_end_date" date,
	"s47e_s47_nfa" char(1),
	"s47e_s47_outcome_json" varchar(1000),
	"s47e_s47_completed_by_team" varchar(48),
	"s47e_s47_completed_by_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_care_leavers" (
	"clea_table_id" varchar(48) PRIMARY KEY NOT NULL,
	"clea_person_id" varchar(48),
	"clea_care_leaver_eligibility" varchar(100),
	"clea_care_leaver_in_touch" varchar(100),
	"clea_care_leaver_latest_contact" date,
	"clea_care_leaver_accommodation" varchar(100),
	"clea_care_leaver_accom_suitable" varchar(100),
	"clea_care_leaver_activity" varchar(100),
	"clea_pathway_plan_review_date" date,
	"clea_care_leaver_personal_advisor" varchar(100),
	"clea_care_leaver_allocated_team" varchar(48),
	"clea_care_leaver_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_cla_care_plan" (
	"lacp_table_id" varchar(48) PRIMARY KEY NOT NULL,
	"lacp_person_id" varchar(48),
	"lacp_cla_care_plan_start_date" date,
	"lacp_cla_care_plan_end_date" date,
	"lacp_cla_care_plan_json" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "ssd_cla_episodes" (
	"clae_cla_episode_id" varchar(48) PRIMARY KEY NOT NULL,
	"clae_person_id" varchar(48),
	"clae_cla_placement_id" varchar(48),
	"clae_cla_episode_start_date" date,
	"clae_cla_episode_start_reason" varchar(100),
	"clae_cla_primary_need_code" varchar(3),
	"clae_cla_episode_ceased_date" date,
	"clae_cla_episode_ceased_reason" varchar(255),
	"clae_cla_id" varchar(48),
	"clae_referral_id" varchar(48),
	"clae_cla_last_iro_contact_date" date,
	"clae_entered_care_date" date
);
--> statement-breakpoint
CREATE TABLE "ssd_cla_health" (
	"clah_health_check_id" varchar(48) PRIMARY KEY NOT NULL,
	"clah_person_id" varchar(48),
	"clah_health_check_type" varchar(500),
	"clah_health_check_date" date,
	"clah_health_check_status" varchar(48)
);
--> statement-breakpoint
CREATE TABLE "ssd_cla_placement" (
	"clap_cla_placement_id" varchar(48) PRIMARY KEY NOT NULL,
	"clap_cla_id" varchar(48),
	"clap_person_id" varchar(48),
	"clap_cla_placement_start_date" date,
	"clap_cla_placement_type" varchar(100),
	"clap_cla_placement_urn" varchar(48),
	"clap_cla_placement_distance" double precision,
	"clap_cla_placement_provider" varchar(48),
	"clap_cla_placement_postcode" varchar(8),
	"clap_cla_placement_end_date" date,
	"clap_cla_placement_change_reason" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_cla_reviews" (
	"clar_cla_review_id" varchar(48) PRIMARY KEY NOT NULL,
	"clar_cla_id" varchar(48),
	"clar_cla_review_due_date" date,
	"clar_cla_review_date" date,
	"clar_cla_review_cancelled" char(1),
	"clar_cla_review_participation" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_cla_visits" (
	"clav_cla_visit_id" varchar(48) PRIMARY KEY NOT NULL,
	"clav_cla_id" varchar(48),
	"clav_person_id" varchar(48),
	"clav_cla_visit_date" date,
	"clav_cla_visit_seen" char(1),
	"clav_cla_visit_seen_alone" char(1)
);
--> statement-breakpoint
CREATE TABLE "ssd_legal_status" (
	"lega_legal_status_id" varchar(48) PRIMARY KEY NOT NULL,
	"lega_person_id" varchar(48),
	"lega_legal_status" varchar(100),
	"lega_legal_status_start_date" date,
	"lega_legal_status_end_date" date
);
--> statement-breakpoint
CREATE TABLE "ssd_permanence" (
	"perm_table_id" varchar(48) PRIMARY KEY NOT NULL,
	"perm_person_id" varchar(48),
	"perm_cla_id" varchar(48),
	"perm_adm_decision_date" date,
	"perm_part_of_sibling_group" char(1),
	"perm_siblings_placed_together" integer,
	"perm_siblings_placed_apart" integer,
	"perm_ffa_cp_decision_date" date,
	"perm_placement_order_date" date,
	"perm_matched_date" date,
	"perm_adopter_sex" varchar(48),
	"perm_adopter_legal_status" varchar(100),
	"perm_number_of_adopters" integer,
	"perm_placed_for_adoption_date" date,
	"perm_adopted_by_carer_flag" char(1),
	"perm_placed_foster_carer_date" date,
	"perm_placed_ffa_cp_date" date,
	"perm_placement_provider_urn" varchar(48),
	"perm_decision_reversed_date" date,
	"perm_decision_reversed_reason" varchar(100),
	"perm_permanence_order_date" date,
	"perm_permanence_order_type" varchar(100),
	"perm_adoption_worker_id" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "ssd_department" (
	"dept_team_id" varchar(48) PRIMARY KEY NOT NULL,
	"dept_team_name" varchar(255),
	"dept_team_parent_id" varchar(48),
	"dept_team_parent_name" varchar(255)
);
--> statement-breakpoint
CREATE TABLE "ssd_involvements" (
	"invo_involvements_id" varchar(48) PRIMARY KEY NOT NULL,
	"invo_professional_id" varchar(48),
	"invo_professional_role_id" varchar(200),
	"invo_professional_team" varchar(48),
	"invo_person_id" varchar(48),
	"invo_involvement_start_date" date,
	"invo_involvement_end_date" date,
	"invo_worker_change_reason" varchar(200),
	"invo_referral_id" varchar(48)
);
--> statement-breakpoint
CREATE TABLE "ssd_professionals" (
	"prof_professional_id" varchar(48) PRIMARY KEY NOT NULL,
	"prof_staff_id" varchar(48),
	"prof_professional_name" varchar(300),
	"prof_social_worker_registration_no" varchar(48),
	"prof_agency_worker_flag" char(1),
	"prof_professional_job_title" varchar(500),
	"prof_professional_caseload" integer,
	"prof_professional_department" varchar(100),
	"prof_full_time_equivalency" double precision
);
--> statement-breakpoint
CREATE TABLE "carebridge"."access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"child_person_id" varchar(48),
	"subject" text NOT NULL,
	"role" varchar(40) NOT NULL,
	"org" varchar(48),
	"purpose" varchar(48),
	"request_id" varchar(64) NOT NULL,
	"fields" text[] NOT NULL,
	"outcome" varchar(32) NOT NULL,
	"kind" varchar(32),
	"children_count" integer
);
--> statement-breakpoint
CREATE TABLE "carebridge"."cb_consumer_link" (
	"cons_link_id" varchar(48) PRIMARY KEY NOT NULL,
	"cons_org_id" varchar(48),
	"cons_child_person_id" varchar(48),
	"cons_purpose" varchar(48),
	"cons_start_date" date,
	"cons_end_date" date
);
--> statement-breakpoint
CREATE TABLE "carebridge"."cb_court_order" (
	"cord_order_id" varchar(48) PRIMARY KEY NOT NULL,
	"cord_child_person_id" varchar(48),
	"cord_order_type" varchar(40),
	"cord_holder_person_id" varchar(48),
	"cord_partner_person_id" varchar(48),
	"cord_start_date" date,
	"cord_end_date" date
);
--> statement-breakpoint
CREATE TABLE "carebridge"."cb_dual_status_decision" (
	"dsde_decision_id" varchar(48) PRIMARY KEY NOT NULL,
	"dsde_child_person_id" varchar(48),
	"dsde_cp_plan_id" varchar(48),
	"dsde_review_date" date,
	"dsde_recommendation" varchar(40),
	"dsde_agencies_notified_date" date,
	"dsde_disagreement" char(1)
);
--> statement-breakpoint
CREATE TABLE "carebridge"."cb_meeting" (
	"meet_meeting_id" varchar(48) PRIMARY KEY NOT NULL,
	"meet_person_id" varchar(48),
	"meet_kind" varchar(40),
	"meet_subject_id" varchar(48),
	"meet_date" date
);
--> statement-breakpoint
CREATE TABLE "carebridge"."cb_relationship" (
	"rela_relationship_id" varchar(48) PRIMARY KEY NOT NULL,
	"rela_child_person_id" varchar(48),
	"rela_related_person_id" varchar(48),
	"rela_relationship" varchar(20),
	"rela_married_to_mother" char(1),
	"rela_registered_on_birth_certificate" char(1),
	"rela_registration_date" date,
	"rela_no_contact" char(1),
	"rela_address_withheld" char(1)
);
--> statement-breakpoint
CREATE TABLE "carebridge"."cb_restriction" (
	"rest_person_id" varchar(48) PRIMARY KEY NOT NULL,
	"rest_reason" text
);
--> statement-breakpoint
CREATE TABLE "carebridge"."cb_team_contact" (
	"tcon_team_id" varchar(48) PRIMARY KEY NOT NULL,
	"tcon_duty_phone" varchar(48),
	"tcon_duty_email" varchar(255),
	"tcon_out_of_hours_phone" varchar(48)
);
--> statement-breakpoint
CREATE TABLE "carebridge"."deployment" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"ssd_schema" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carebridge"."import_run" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"replace" boolean NOT NULL,
	"rows" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ssd_address_addr_person_id_idx" ON "ssd_address" USING btree ("addr_person_id");--> statement-breakpoint
CREATE INDEX "ssd_linked_identifiers_link_person_id_idx" ON "ssd_linked_identifiers" USING btree ("link_person_id");--> statement-breakpoint
CREATE INDEX "ssd_person_pers_common_child_id_idx" ON "ssd_person" USING btree ("pers_common_child_id");--> statement-breakpoint
CREATE INDEX "ssd_cin_assessments_cina_person_id_idx" ON "ssd_cin_assessments" USING btree ("cina_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cin_assessments_cina_referral_id_idx" ON "ssd_cin_assessments" USING btree ("cina_referral_id");--> statement-breakpoint
CREATE INDEX "ssd_cin_episodes_cine_person_id_idx" ON "ssd_cin_episodes" USING btree ("cine_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cin_plans_cinp_referral_id_idx" ON "ssd_cin_plans" USING btree ("cinp_referral_id");--> statement-breakpoint
CREATE INDEX "ssd_cin_plans_cinp_person_id_idx" ON "ssd_cin_plans" USING btree ("cinp_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cp_plans_cppl_referral_id_idx" ON "ssd_cp_plans" USING btree ("cppl_referral_id");--> statement-breakpoint
CREATE INDEX "ssd_cp_plans_cppl_icpc_id_idx" ON "ssd_cp_plans" USING btree ("cppl_icpc_id");--> statement-breakpoint
CREATE INDEX "ssd_cp_plans_cppl_person_id_idx" ON "ssd_cp_plans" USING btree ("cppl_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cp_reviews_cppr_person_id_idx" ON "ssd_cp_reviews" USING btree ("cppr_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cp_reviews_cppr_cp_plan_id_idx" ON "ssd_cp_reviews" USING btree ("cppr_cp_plan_id");--> statement-breakpoint
CREATE INDEX "ssd_early_help_episodes_earl_person_id_idx" ON "ssd_early_help_episodes" USING btree ("earl_person_id");--> statement-breakpoint
CREATE INDEX "ssd_initial_cp_conference_icpc_s47_enquiry_id_idx" ON "ssd_initial_cp_conference" USING btree ("icpc_s47_enquiry_id");--> statement-breakpoint
CREATE INDEX "ssd_initial_cp_conference_icpc_person_id_idx" ON "ssd_initial_cp_conference" USING btree ("icpc_person_id");--> statement-breakpoint
CREATE INDEX "ssd_initial_cp_conference_icpc_cp_plan_id_idx" ON "ssd_initial_cp_conference" USING btree ("icpc_cp_plan_id");--> statement-breakpoint
CREATE INDEX "ssd_initial_cp_conference_icpc_referral_id_idx" ON "ssd_initial_cp_conference" USING btree ("icpc_referral_id");--> statement-breakpoint
CREATE INDEX "ssd_pre_proceedings_prep_person_id_idx" ON "ssd_pre_proceedings" USING btree ("prep_person_id");--> statement-breakpoint
CREATE INDEX "ssd_s47_enquiry_s47e_referral_id_idx" ON "ssd_s47_enquiry" USING btree ("s47e_referral_id");--> statement-breakpoint
CREATE INDEX "ssd_s47_enquiry_s47e_person_id_idx" ON "ssd_s47_enquiry" USING btree ("s47e_person_id");--> statement-breakpoint
CREATE INDEX "ssd_care_leavers_clea_person_id_idx" ON "ssd_care_leavers" USING btree ("clea_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_care_plan_lacp_person_id_idx" ON "ssd_cla_care_plan" USING btree ("lacp_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_episodes_clae_person_id_idx" ON "ssd_cla_episodes" USING btree ("clae_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_episodes_clae_cla_id_idx" ON "ssd_cla_episodes" USING btree ("clae_cla_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_episodes_clae_referral_id_idx" ON "ssd_cla_episodes" USING btree ("clae_referral_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_health_clah_person_id_idx" ON "ssd_cla_health" USING btree ("clah_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_placement_clap_cla_id_idx" ON "ssd_cla_placement" USING btree ("clap_cla_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_placement_clap_person_id_idx" ON "ssd_cla_placement" USING btree ("clap_person_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_reviews_clar_cla_id_idx" ON "ssd_cla_reviews" USING btree ("clar_cla_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_visits_clav_cla_id_idx" ON "ssd_cla_visits" USING btree ("clav_cla_id");--> statement-breakpoint
CREATE INDEX "ssd_cla_visits_clav_person_id_idx" ON "ssd_cla_visits" USING btree ("clav_person_id");--> statement-breakpoint
CREATE INDEX "ssd_legal_status_lega_person_id_idx" ON "ssd_legal_status" USING btree ("lega_person_id");--> statement-breakpoint
CREATE INDEX "ssd_permanence_perm_person_id_idx" ON "ssd_permanence" USING btree ("perm_person_id");--> statement-breakpoint
CREATE INDEX "ssd_permanence_perm_cla_id_idx" ON "ssd_permanence" USING btree ("perm_cla_id");--> statement-breakpoint
CREATE INDEX "ssd_involvements_invo_professional_id_idx" ON "ssd_involvements" USING btree ("invo_professional_id");--> statement-breakpoint
CREATE INDEX "ssd_involvements_invo_professional_team_idx" ON "ssd_involvements" USING btree ("invo_professional_team");--> statement-breakpoint
CREATE INDEX "ssd_involvements_invo_person_id_idx" ON "ssd_involvements" USING btree ("invo_person_id");--> statement-breakpoint
CREATE INDEX "ssd_involvements_invo_referral_id_idx" ON "ssd_involvements" USING btree ("invo_referral_id");--> statement-breakpoint
CREATE INDEX "access_log_child_idx" ON "carebridge"."access_log" USING btree ("child_person_id","at");--> statement-breakpoint
CREATE INDEX "cb_consumer_link_org_child_idx" ON "carebridge"."cb_consumer_link" USING btree ("cons_org_id","cons_child_person_id");--> statement-breakpoint
CREATE INDEX "cb_consumer_link_child_idx" ON "carebridge"."cb_consumer_link" USING btree ("cons_child_person_id");--> statement-breakpoint
CREATE INDEX "cb_court_order_child_idx" ON "carebridge"."cb_court_order" USING btree ("cord_child_person_id");--> statement-breakpoint
CREATE INDEX "cb_court_order_holder_idx" ON "carebridge"."cb_court_order" USING btree ("cord_holder_person_id");--> statement-breakpoint
CREATE INDEX "cb_dual_status_decision_child_idx" ON "carebridge"."cb_dual_status_decision" USING btree ("dsde_child_person_id");--> statement-breakpoint
CREATE INDEX "cb_dual_status_decision_plan_idx" ON "carebridge"."cb_dual_status_decision" USING btree ("dsde_cp_plan_id");--> statement-breakpoint
CREATE INDEX "cb_meeting_person_idx" ON "carebridge"."cb_meeting" USING btree ("meet_person_id");--> statement-breakpoint
CREATE INDEX "cb_relationship_child_idx" ON "carebridge"."cb_relationship" USING btree ("rela_child_person_id");--> statement-breakpoint
CREATE INDEX "cb_relationship_related_idx" ON "carebridge"."cb_relationship" USING btree ("rela_related_person_id");