CREATE TABLE "carebridge"."access_notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"child_person_id" varchar(48) NOT NULL,
	"org" varchar(48),
	"role" varchar(40) NOT NULL,
	"subject" text NOT NULL,
	"request_id" varchar(64) NOT NULL,
	"child_status" text[] NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text
);
--> statement-breakpoint
DROP INDEX "carebridge"."access_log_child_idx";--> statement-breakpoint
ALTER TABLE "carebridge"."access_log" ADD COLUMN "child_ids" text[];--> statement-breakpoint
CREATE INDEX "access_notification_open_idx" ON "carebridge"."access_notification" USING btree ("id") WHERE "carebridge"."access_notification"."acknowledged_at" IS NULL;--> statement-breakpoint
CREATE INDEX "access_log_child_ids_idx" ON "carebridge"."access_log" USING gin ("child_ids");--> statement-breakpoint
CREATE INDEX "access_log_child_idx" ON "carebridge"."access_log" USING btree ("child_person_id","id");--> statement-breakpoint
-- The access log is append-only (contract README, "Who sees what"): these triggers refuse
-- UPDATE, DELETE and TRUNCATE whoever asks, the table's owner included, on PostgreSQL and on
-- PGlite alike; the REVOKE keeps any grant to PUBLIC from reopening it. Only a superuser, or
-- the owner disabling the trigger by DDL, can get past them.
CREATE FUNCTION "carebridge"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on %.% is refused: audit records are never changed or removed', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "access_log_append_only" BEFORE UPDATE OR DELETE ON "carebridge"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "carebridge"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "carebridge"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "carebridge"."refuse_change"();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "carebridge"."access_log" FROM PUBLIC;
--> statement-breakpoint
-- Notifications are acknowledged (acknowledged_at and acknowledged_by set once, from null) but
-- never otherwise changed, and never deleted.
CREATE FUNCTION "carebridge"."access_notification_acknowledge_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.acknowledged_at IS NULL
     AND (to_jsonb(NEW) - 'acknowledged_at' - 'acknowledged_by') = (to_jsonb(OLD) - 'acknowledged_at' - 'acknowledged_by') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'only acknowledging an unacknowledged notification is allowed on %.%', TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "access_notification_acknowledge_only" BEFORE UPDATE ON "carebridge"."access_notification"
  FOR EACH ROW EXECUTE FUNCTION "carebridge"."access_notification_acknowledge_only"();
--> statement-breakpoint
CREATE TRIGGER "access_notification_no_delete" BEFORE DELETE ON "carebridge"."access_notification"
  FOR EACH ROW EXECUTE FUNCTION "carebridge"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "access_notification_no_truncate" BEFORE TRUNCATE ON "carebridge"."access_notification"
  FOR EACH STATEMENT EXECUTE FUNCTION "carebridge"."refuse_change"();
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON "carebridge"."access_notification" FROM PUBLIC;
