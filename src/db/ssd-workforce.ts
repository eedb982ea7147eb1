// Who works with a child: involvements, professionals and teams.
// Names and types follow the SSD (shared/ssd); date-times are stored as `date`.
// Tables are unqualified: they live in CAREBRIDGE_SSD_SCHEMA through search_path (docs/database.md).

import { char, date, doublePrecision, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';

export const ssdInvolvements = pgTable(
  'ssd_involvements',
  {
    invo_involvements_id: varchar('invo_involvements_id', { length: 48 }).primaryKey(),
    invo_professional_id: varchar('invo_professional_id', { length: 48 }),
    invo_professional_role_id: varchar('invo_professional_role_id', { length: 200 }),
    invo_professional_team: varchar('invo_professional_team', { length: 48 }),
    invo_person_id: varchar('invo_person_id', { length: 48 }),
    invo_involvement_start_date: date('invo_involvement_start_date', { mode: 'string' }),
    invo_involvement_end_date: date('invo_involvement_end_date', { mode: 'string' }),
    invo_worker_change_reason: varchar('invo_worker_change_reason', { length: 200 }),
    invo_referral_id: varchar('invo_referral_id', { length: 48 }),
  },
  (t) => [
    index('ssd_involvements_invo_professional_id_idx').on(t.invo_professional_id),
    index('ssd_involvements_invo_professional_team_idx').on(t.invo_professional_team),
    index('ssd_involvements_invo_person_id_idx').on(t.invo_person_id),
    index('ssd_involvements_invo_referral_id_idx').on(t.invo_referral_id),
  ],
);

export const ssdProfessionals = pgTable(
  'ssd_professionals',
  {
    prof_professional_id: varchar('prof_professional_id', { length: 48 }).primaryKey(),
    prof_staff_id: varchar('prof_staff_id', { length: 48 }),
    prof_professional_name: varchar('prof_professional_name', { length: 300 }),
    prof_social_worker_registration_no: varchar('prof_social_worker_registration_no', { length: 48 }),
    prof_agency_worker_flag: char('prof_agency_worker_flag', { length: 1 }),
    prof_professional_job_title: varchar('prof_professional_job_title', { length: 500 }),
    prof_professional_caseload: integer('prof_professional_caseload'),
    prof_professional_department: varchar('prof_professional_department', { length: 100 }),
    prof_full_time_equivalency: doublePrecision('prof_full_time_equivalency'),
  },
  () => [],
);

export const ssdDepartment = pgTable(
  'ssd_department',
  {
    dept_team_id: varchar('dept_team_id', { length: 48 }).primaryKey(),
    dept_team_name: varchar('dept_team_name', { length: 255 }),
    dept_team_parent_id: varchar('dept_team_parent_id', { length: 48 }),
    dept_team_parent_name: varchar('dept_team_parent_name', { length: 255 }),
  },
  () => [],
);
