// Who is a child: a person who is the subject of social care work — a referral, early help,
// an assessment, an S.47 enquiry, a plan, pre-proceedings, a period of care or a care-leaver
// record (contract README). Kept in `carebridge.child`, rebuilt by every import in its own
// transaction, so look-ups and pages never scan nine tables per person.

import type { SqlSession } from './connection.js';

const subjectColumns = [
  ['ssd_cin_episodes', 'cine_person_id'],
  ['ssd_early_help_episodes', 'earl_person_id'],
  ['ssd_cin_assessments', 'cina_person_id'],
  ['ssd_s47_enquiry', 's47e_person_id'],
  ['ssd_cin_plans', 'cinp_person_id'],
  ['ssd_cp_plans', 'cppl_person_id'],
  ['ssd_pre_proceedings', 'prep_person_id'],
  ['ssd_cla_episodes', 'clae_person_id'],
  ['ssd_care_leavers', 'clea_person_id'],
] as const;

/** Also in migration 0001_children, as its backfill. */
export const rebuildChildrenStatements = [
  'DELETE FROM carebridge.child',
  `INSERT INTO carebridge.child (person_id)
   SELECT person_id FROM (${subjectColumns.map(([table, column]) => `SELECT ${column} AS person_id FROM ${table}`).join(' UNION ')}) subjects
   WHERE person_id IS NOT NULL`,
];

export async function rebuildChildren(session: SqlSession): Promise<void> {
  for (const statement of rebuildChildrenStatements) await session.query(statement);
}
