CREATE TABLE "carebridge"."child_caseload" (
	"child_person_id" varchar(48) PRIMARY KEY NOT NULL,
	"team" text,
	"kinds" text NOT NULL,
	"is_dual_status" boolean NOT NULL,
	"dual_status_exceptional" boolean NOT NULL,
	"cp_plans_over_two_years" integer NOT NULL,
	"cin_plans_over_six_months" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carebridge"."due_date" (
	"child_person_id" varchar(48) NOT NULL,
	"position" integer NOT NULL,
	"kind" varchar(40) NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"rule_id" varchar(40) NOT NULL,
	"basis" varchar(16) NOT NULL,
	"completion_known" boolean NOT NULL,
	"subject_id" varchar(48),
	"team" text
);
--> statement-breakpoint
CREATE TABLE "carebridge"."due_date_store" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"import_run_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"policy_hash" text NOT NULL,
	"children" integer NOT NULL,
	"finished_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "due_date_child_idx" ON "carebridge"."due_date" USING btree ("child_person_id","position");--> statement-breakpoint
CREATE INDEX "due_date_kind_due_idx" ON "carebridge"."due_date" USING btree ("kind","due_on");