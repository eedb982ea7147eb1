CREATE TABLE "carebridge"."child" (
	"person_id" varchar(48) PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Backfill for databases imported before this table existed; every later import rebuilds it.
DELETE FROM carebridge.child;
--> statement-breakpoint
INSERT INTO carebridge.child (person_id)
SELECT person_id FROM (SELECT cine_person_id AS person_id FROM ssd_cin_episodes UNION SELECT earl_person_id AS person_id FROM ssd_early_help_episodes UNION SELECT cina_person_id AS person_id FROM ssd_cin_assessments UNION SELECT s47e_person_id AS person_id FROM ssd_s47_enquiry UNION SELECT cinp_person_id AS person_id FROM ssd_cin_plans UNION SELECT cppl_person_id AS person_id FROM ssd_cp_plans UNION SELECT prep_person_id AS person_id FROM ssd_pre_proceedings UNION SELECT clae_person_id AS person_id FROM ssd_cla_episodes UNION SELECT clea_person_id AS person_id FROM ssd_care_leavers) subjects
WHERE person_id IS NOT NULL;
