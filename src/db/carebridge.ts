// Carebridge's own tables, in the fixed `carebridge` schema: the extension tables that carry
// what the SSD lacks (shared/contract/README.md, "Import files") and what the service itself
// needs (import runs, access log). Column names follow the SSD's prefix habit.

import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

export const carebridge = pgSchema('carebridge');

export const cbRelationship = carebridge.table(
  'cb_relationship',
  {
    rela_relationship_id: varchar('rela_relationship_id', { length: 48 }).primaryKey(),
    rela_child_person_id: varchar('rela_child_person_id', { length: 48 }),
    rela_related_person_id: varchar('rela_related_person_id', { length: 48 }),
    rela_relationship: varchar('rela_relationship', { length: 20 }),
    rela_married_to_mother: char('rela_married_to_mother', { length: 1 }),
    rela_registered_on_birth_certificate: char('rela_registered_on_birth_certificate', { length: 1 }),
    rela_registration_date: date('rela_registration_date', { mode: 'string' }),
    rela_no_contact: char('rela_no_contact', { length: 1 }),
    rela_address_withheld: char('rela_address_withheld', { length: 1 }),
  },
  (t) => [
    index('cb_relationship_child_idx').on(t.rela_child_person_id),
    index('cb_relationship_related_idx').on(t.rela_related_person_id),
  ],
);

export const cbCourtOrder = carebridge.table(
  'cb_court_order',
  {
    cord_order_id: varchar('cord_order_id', { length: 48 }).primaryKey(),
    cord_child_person_id: varchar('cord_child_person_id', { length: 48 }),
    cord_order_type: varchar('cord_order_type', { length: 40 }),
    cord_holder_person_id: varchar('cord_holder_person_id', { length: 48 }),
    cord_partner_person_id: varchar('cord_partner_person_id', { length: 48 }),
    cord_start_date: date('cord_start_date', { mode: 'string' }),
    cord_end_date: date('cord_end_date', { mode: 'string' }),
  },
  (t) => [
    index('cb_court_order_child_idx').on(t.cord_child_person_id),
    index('cb_court_order_holder_idx').on(t.cord_holder_person_id),
  ],
);

export const cbDualStatusDecision = carebridge.table(
  'cb_dual_status_decision',
  {
    dsde_decision_id: varchar('dsde_decision_id', { length: 48 }).primaryKey(),
    dsde_child_person_id: varchar('dsde_child_person_id', { length: 48 }),
    dsde_cp_plan_id: varchar('dsde_cp_plan_id', { length: 48 }),
    dsde_review_date: date('dsde_review_date', { mode: 'string' }),
    dsde_recommendation: varchar('dsde_recommendation', { length: 40 }),
    dsde_agencies_notified_date: date('dsde_agencies_notified_date', { mode: 'string' }),
    dsde_disagreement: char('dsde_disagreement', { length: 1 }),
  },
  (t) => [
    index('cb_dual_status_decision_child_idx').on(t.dsde_child_person_id),
    index('cb_dual_status_decision_plan_idx').on(t.dsde_cp_plan_id),
  ],
);

export const cbTeamContact = carebridge.table('cb_team_contact', {
  tcon_team_id: varchar('tcon_team_id', { length: 48 }).primaryKey(),
  tcon_duty_phone: varchar('tcon_duty_phone', { length: 48 }),
  tcon_duty_email: varchar('tcon_duty_email', { length: 255 }),
  tcon_out_of_hours_phone: varchar('tcon_out_of_hours_phone', { length: 48 }),
});

export const cbMeeting = carebridge.table(
  'cb_meeting',
  {
    meet_meeting_id: varchar('meet_meeting_id', { length: 48 }).primaryKey(),
    meet_person_id: varchar('meet_person_id', { length: 48 }),
    meet_kind: varchar('meet_kind', { length: 40 }),
    meet_subject_id: varchar('meet_subject_id', { length: 48 }),
    meet_date: date('meet_date', { mode: 'string' }),
  },
  (t) => [index('cb_meeting_person_idx').on(t.meet_person_id)],
);

export const cbConsumerLink = carebridge.table(
  'cb_consumer_link',
  {
    cons_link_id: varchar('cons_link_id', { length: 48 }).primaryKey(),
    cons_org_id: varchar('cons_org_id', { length: 48 }),
    cons_child_person_id: varchar('cons_child_person_id', { length: 48 }),
    cons_purpose: varchar('cons_purpose', { length: 48 }),
    cons_start_date: date('cons_start_date', { mode: 'string' }),
    cons_end_date: date('cons_end_date', { mode: 'string' }),
  },
  // Row rules ask "is this org linked to this child today", and list an org's children.
  (t) => [
    index('cb_consumer_link_org_child_idx').on(t.cons_org_id, t.cons_child_person_id),
    index('cb_consumer_link_child_idx').on(t.cons_child_person_id),
  ],
);

export const cbRestriction = carebridge.table('cb_restriction', {
  rest_person_id: varchar('rest_person_id', { length: 48 }).primaryKey(),
  rest_reason: text('rest_reason'),
});

/** One row per committed import; the newest `committed_at` is every response's `dataImportedAt`. */
export const importRun = carebridge.table('import_run', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  source: text('source').notNull(),
  replace: boolean('replace').notNull(),
  rows: jsonb('rows').$type<Record<string, number>>().notNull(),
  /** The import's notices (src/import/problems.ts, ImportNotice): times of day set aside, placeholder dates. */
  notices: jsonb('notices').$type<unknown[]>().notNull().default([]),
  started_at: timestamp('started_at', { withTimezone: true }).notNull(),
  committed_at: timestamp('committed_at', { withTimezone: true })
    .notNull()
    .default(sql`clock_timestamp()`),
});

/**
 * Who read which child, when and why: the shape of a FHIR AuditEvent. Append-only: triggers
 * (migration 0003) refuse UPDATE, DELETE and TRUNCATE whoever asks, the table's owner included;
 * the service's role may insert and select. One row per child read or refused
 * (`child_person_id`), or one per bulk extract listing its children (`child_ids`,
 * `children_count`, `kind` BULK_EXTRACT), so a child's log finds both (src/access/access-log.ts).
 */
export const accessLog = carebridge.table(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    child_person_id: varchar('child_person_id', { length: 48 }),
    subject: text('subject').notNull(),
    role: varchar('role', { length: 40 }).notNull(),
    org: varchar('org', { length: 48 }),
    purpose: varchar('purpose', { length: 48 }),
    request_id: varchar('request_id', { length: 64 }).notNull(),
    fields: text('fields').array().notNull(),
    outcome: varchar('outcome', { length: 32 }).notNull(),
    kind: varchar('kind', { length: 32 }),
    children_count: integer('children_count'),
    /** The children of a bulk extract; null on a per-child row. */
    child_ids: text('child_ids').array(),
  },
  (t) => [
    // accessLog(childId) pages newest first by id (keyset).
    index('access_log_child_idx').on(t.child_person_id, t.id),
    index('access_log_child_ids_idx').using('gin', t.child_ids),
  ],
);

/**
 * A partner's read of a child on a CP plan or in care, for the local authority to see and
 * acknowledge (contract: "Who sees what"). Acknowledging sets `acknowledged_at` once; rows are
 * never deleted (triggers in migration 0003).
 */
export const accessNotification = carebridge.table(
  'access_notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    child_person_id: varchar('child_person_id', { length: 48 }).notNull(),
    org: varchar('org', { length: 48 }),
    role: varchar('role', { length: 40 }).notNull(),
    subject: text('subject').notNull(),
    request_id: varchar('request_id', { length: 64 }).notNull(),
    /** Care status kinds when read (CHILD_PROTECTION, CHILD_IN_CARE). */
    child_status: text('child_status').array().notNull(),
    acknowledged_at: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledged_by: text('acknowledged_by'),
  },
  (t) => [index('access_notification_open_idx').on(t.id).where(sql`${t.acknowledged_at} IS NULL`)],
);

/** The SSD schema this database was migrated with: a later start with another one is refused. */
export const deployment = carebridge.table('deployment', {
  singleton: boolean('singleton').primaryKey().default(true),
  ssd_schema: text('ssd_schema').notNull(),
});

/**
 * Every person who is the subject of social care work (contract: "A child is …"), refreshed by
 * each import: adults known only as relatives or carers are persons, not children.
 */
export const child = carebridge.table('child', {
  person_id: varchar('person_id', { length: 48 }).primaryKey(),
});

/**
 * England and Wales bank holidays: the data behind the working-day calendar (rules.md,
 * "Conventions"; src/domain/calendar.ts). Seeded by migration 0002 from
 * src/domain/bank-holidays-england-and-wales.csv (2000–2028); `npm run holidays -- --file F`
 * adds or corrects years from the government's published bank-holidays JSON.
 */
export const bankHoliday = carebridge.table('bank_holiday', {
  holiday_date: date('holiday_date', { mode: 'string' }).primaryKey(),
  title: text('title'),
  division: varchar('division', { length: 32 }).notNull().default('england-and-wales'),
  source: text('source'),
});

/**
 * Due dates worked out once per import (docs/compliance.md, "Materialised"): every child's
 * due-date history for a window around the day of the import, from the same rule code as the
 * per-child fields, so BI measures and extracts read a table instead of replaying the rules.
 * Valid only for what `due_date_store` records (import run, asOf, window, policy).
 */
export const dueDate = carebridge.table(
  'due_date',
  {
    child_person_id: varchar('child_person_id', { length: 48 }).notNull(),
    /** Order within the child, as the history gives it. */
    position: integer('position').notNull(),
    kind: varchar('kind', { length: 40 }).notNull(),
    due_on: date('due_on', { mode: 'string' }).notNull(),
    done_on: date('done_on', { mode: 'string' }),
    rule_id: varchar('rule_id', { length: 40 }).notNull(),
    basis: varchar('basis', { length: 16 }).notNull(),
    completion_known: boolean('completion_known').notNull(),
    subject_id: varchar('subject_id', { length: 48 }),
    team: text('team'),
    /** It counts a bank holiday derived from the standing rules (DueDate.provisional). */
    provisional: boolean('provisional').notNull().default(false),
  },
  (t) => [index('due_date_child_idx').on(t.child_person_id, t.position), index('due_date_kind_due_idx').on(t.kind, t.due_on)],
);

/** Each child's caseload facts on the store's asOf (care status kinds, dual status, long plans, team). */
export const childCaseload = carebridge.table('child_caseload', {
  child_person_id: varchar('child_person_id', { length: 48 }).primaryKey(),
  team: text('team'),
  kinds: text('kinds').notNull(),
  is_dual_status: boolean('is_dual_status').notNull(),
  dual_status_exceptional: boolean('dual_status_exceptional').notNull(),
  cp_plans_over_two_years: integer('cp_plans_over_two_years').notNull(),
  cin_plans_over_six_months: integer('cin_plans_over_six_months').notNull(),
});

/**
 * Every child's summary on the store's asOf (the children extract's row), written with the due
 * dates: the extract of the day reads these instead of computing each child.
 */
export const childSummary = carebridge.table('child_summary', {
  child_person_id: varchar('child_person_id', { length: 48 }).primaryKey(),
  /** The care status kinds, in the rule's order, joined with ';'. */
  care_status: text('care_status').notNull(),
  is_looked_after: boolean('is_looked_after').notNull(),
  is_on_child_protection_plan: boolean('is_on_child_protection_plan').notNull(),
  is_dual_status: boolean('is_dual_status').notNull(),
  legal_basis: text('legal_basis'),
  next_review_due_on: date('next_review_due_on', { mode: 'string' }),
  next_review_rule_id: text('next_review_rule_id'),
  team: text('team'),
});

/** What the materialised due dates answer for; one row, replaced with them. */
export const dueDateStore = carebridge.table('due_date_store', {
  singleton: boolean('singleton').primaryKey().default(true),
  import_run_id: integer('import_run_id').notNull(),
  as_of: date('as_of', { mode: 'string' }).notNull(),
  window_from: date('window_from', { mode: 'string' }).notNull(),
  window_to: date('window_to', { mode: 'string' }).notNull(),
  policy_hash: text('policy_hash').notNull(),
  children: integer('children').notNull(),
  /** Children left out because a rule cannot read their records: [{ childId, table, problem }] (docs/compliance.md). */
  problems: jsonb('problems').notNull().default([]),
  finished_at: timestamp('finished_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
});
