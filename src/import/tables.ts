// What the import knows about each file it accepts: the table it fills, its key, the columns a
// row cannot do without, the relations Carebridge follows (checked against the folder and the
// stored rows), and the columns whose codes Carebridge computes from. Column names, types and
// lengths come from the drizzle schema, so the import and the database cannot disagree.

import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.js';
import {
  courtOrderTypes,
  cpCategories,
  iroRecommendations,
  legalStatuses,
  meetingKinds,
  placementTypes,
  relationshipKinds,
} from '../domain/code-lists.js';

/** The code sets an authority may map its own labels onto (configuration: CAREBRIDGE_LABEL_MAP). */
export const mappableCodeSets = {
  legalStatus: Object.keys(legalStatuses),
  cpCategory: Object.keys(cpCategories),
  placementType: Object.keys(placementTypes),
} as const;
export type MappableCodeSet = keyof typeof mappableCodeSets;

/** Fixed vocabularies of Carebridge's own files: codes only, no label mapping. */
const fixedCodeSets = {
  relationship: relationshipKinds,
  courtOrderType: courtOrderTypes,
  iroRecommendation: iroRecommendations,
  meetingKind: meetingKinds,
} as const;
export type CodeSetName = MappableCodeSet | keyof typeof fixedCodeSets;

export const codeSets: Record<CodeSetName, readonly string[]> = { ...mappableCodeSets, ...fixedCodeSets };

export type ValueKind = 'text' | 'date' | 'flag' | 'integer' | 'number';

export interface ImportColumn {
  name: string;
  kind: ValueKind;
  /** Longest value the column holds, in characters (varchar/char), or null for unbounded. */
  maxLength: number | null;
}

export interface Reference {
  column: string;
  table: string;
  /** The referenced column: the target's key, or another column (periods of care share `clae_cla_id`). */
  targetColumn: string;
}

export interface ImportTable {
  /** File stem and table name, e.g. `ssd_person` for `ssd_person.csv`. */
  name: string;
  /** `carebridge` for the extension tables; null for SSD tables (CAREBRIDGE_SSD_SCHEMA). */
  schema: string | null;
  table: PgTable;
  columns: ImportColumn[];
  key: string;
  required: string[];
  references: Reference[];
  codes: Record<string, CodeSetName>;
}

interface Spec {
  table: PgTable;
  required?: string[];
  /** column → `table.column` */
  references?: Record<string, string>;
  codes?: Record<string, CodeSetName>;
}

const person = 'ssd_person.pers_person_id';
const periodOfCare = 'ssd_cla_episodes.clae_cla_id';
const referral = 'ssd_cin_episodes.cine_referral_id';
const professional = 'ssd_professionals.prof_professional_id';
const team = 'ssd_department.dept_team_id';

/**
 * Tables whose dates may rightly reach back before 2000: adults are persons too (their births,
 * deaths, addresses and identifiers). Elsewhere a date before 2000 is noticed (values.ts).
 */
export const personalHistoryTables: ReadonlySet<string> = new Set(['ssd_person', 'ssd_address', 'ssd_linked_identifiers']);

// In dependency order: a table comes after the tables it refers to.
const specs: Spec[] = [
  { table: schema.ssdDepartment },
  { table: schema.ssdProfessionals },
  { table: schema.ssdPerson },
  { table: schema.ssdAddress, required: ['addr_person_id'], references: { addr_person_id: person } },
  {
    table: schema.ssdLinkedIdentifiers,
    required: ['link_person_id'],
    references: { link_person_id: person },
  },
  {
    table: schema.ssdEarlyHelpEpisodes,
    required: ['earl_person_id', 'earl_episode_start_date'],
    references: { earl_person_id: person },
  },
  {
    table: schema.ssdCinEpisodes,
    required: ['cine_person_id', 'cine_referral_date'],
    references: { cine_person_id: person, cine_referral_team: team },
  },
  {
    table: schema.ssdCinAssessments,
    required: ['cina_person_id', 'cina_assessment_start_date'],
    references: { cina_person_id: person, cina_referral_id: referral },
  },
  {
    table: schema.ssdCinPlans,
    required: ['cinp_person_id', 'cinp_cin_plan_start_date'],
    references: { cinp_person_id: person, cinp_referral_id: referral, cinp_cin_plan_team: team },
  },
  {
    table: schema.ssdS47Enquiry,
    required: ['s47e_person_id', 's47e_s47_start_date'],
    references: { s47e_person_id: person, s47e_referral_id: referral },
  },
  {
    table: schema.ssdInitialCpConference,
    required: ['icpc_person_id'],
    references: { icpc_person_id: person, icpc_s47_enquiry_id: 'ssd_s47_enquiry.s47e_s47_enquiry_id' },
  },
  {
    table: schema.ssdCpPlans,
    required: ['cppl_person_id', 'cppl_cp_plan_start_date'],
    references: { cppl_person_id: person, cppl_icpc_id: 'ssd_initial_cp_conference.icpc_icpc_id' },
    codes: { cppl_cp_plan_initial_category: 'cpCategory', cppl_cp_plan_latest_category: 'cpCategory' },
  },
  {
    table: schema.ssdCpReviews,
    required: ['cppr_person_id', 'cppr_cp_plan_id'],
    references: { cppr_person_id: person, cppr_cp_plan_id: 'ssd_cp_plans.cppl_cp_plan_id' },
  },
  {
    table: schema.ssdPreProceedings,
    required: ['prep_person_id', 'prep_pre_pro_decision_date'],
    references: { prep_person_id: person },
  },
  {
    table: schema.ssdLegalStatus,
    required: ['lega_person_id', 'lega_legal_status', 'lega_legal_status_start_date'],
    references: { lega_person_id: person },
    codes: { lega_legal_status: 'legalStatus' },
  },
  {
    table: schema.ssdClaEpisodes,
    required: ['clae_person_id', 'clae_cla_episode_start_date'],
    references: { clae_person_id: person },
  },
  {
    table: schema.ssdClaReviews,
    required: ['clar_cla_id'],
    references: { clar_cla_id: periodOfCare },
  },
  {
    table: schema.ssdClaPlacement,
    required: ['clap_cla_id', 'clap_cla_placement_start_date'],
    references: { clap_cla_id: periodOfCare, clap_person_id: person },
    codes: { clap_cla_placement_type: 'placementType' },
  },
  {
    table: schema.ssdClaVisits,
    required: ['clav_person_id', 'clav_cla_visit_date'],
    references: { clav_person_id: person, clav_cla_id: periodOfCare },
  },
  {
    table: schema.ssdClaHealth,
    required: ['clah_person_id', 'clah_health_check_date'],
    references: { clah_person_id: person },
  },
  {
    table: schema.ssdClaCarePlan,
    required: ['lacp_person_id', 'lacp_cla_care_plan_start_date'],
    references: { lacp_person_id: person },
  },
  {
    table: schema.ssdPermanence,
    required: ['perm_person_id'],
    references: { perm_person_id: person, perm_cla_id: periodOfCare },
  },
  {
    table: schema.ssdCareLeavers,
    required: ['clea_person_id'],
    references: { clea_person_id: person, clea_care_leaver_allocated_team: team },
  },
  {
    table: schema.ssdInvolvements,
    required: ['invo_person_id', 'invo_involvement_start_date'],
    references: { invo_person_id: person, invo_professional_id: professional, invo_professional_team: team },
  },
  {
    table: schema.cbRelationship,
    required: ['rela_child_person_id', 'rela_related_person_id', 'rela_relationship'],
    references: { rela_child_person_id: person, rela_related_person_id: person },
    codes: { rela_relationship: 'relationship' },
  },
  {
    table: schema.cbCourtOrder,
    required: ['cord_child_person_id', 'cord_order_type', 'cord_holder_person_id', 'cord_start_date'],
    references: { cord_child_person_id: person, cord_holder_person_id: person, cord_partner_person_id: person },
    codes: { cord_order_type: 'courtOrderType' },
  },
  {
    table: schema.cbDualStatusDecision,
    required: ['dsde_child_person_id', 'dsde_cp_plan_id'],
    references: { dsde_child_person_id: person, dsde_cp_plan_id: 'ssd_cp_plans.cppl_cp_plan_id' },
    codes: { dsde_recommendation: 'iroRecommendation' },
  },
  { table: schema.cbTeamContact, references: { tcon_team_id: team } },
  {
    table: schema.cbMeeting,
    required: ['meet_person_id', 'meet_kind', 'meet_date'],
    references: { meet_person_id: person },
    codes: { meet_kind: 'meetingKind' },
  },
  {
    table: schema.cbConsumerLink,
    required: ['cons_org_id', 'cons_child_person_id', 'cons_start_date'],
    references: { cons_child_person_id: person },
  },
  { table: schema.cbRestriction, references: { rest_person_id: person } },
];

function valueKind(sqlType: string): ValueKind {
  if (sqlType === 'date') return 'date';
  if (sqlType === 'char(1)') return 'flag';
  if (sqlType === 'integer') return 'integer';
  if (sqlType === 'double precision') return 'number';
  return 'text';
}

function describe(spec: Spec): ImportTable {
  const config = getTableConfig(spec.table);
  const columns = config.columns.map((column) => {
    const sqlType = column.getSQLType();
    const length = /^(?:varchar|char)\((\d+)\)$/.exec(sqlType)?.[1];
    return { name: column.name, kind: valueKind(sqlType), maxLength: length ? Number(length) : null };
  });
  const key = config.columns.find((column) => column.primary)?.name;
  if (!key) throw new Error(`${config.name} has no primary key`);
  const references = Object.entries(spec.references ?? {}).map(([column, target]) => {
    const [table, targetColumn] = target.split('.') as [string, string];
    return { column, table, targetColumn };
  });
  return {
    name: config.name,
    schema: config.schema ?? null,
    table: spec.table,
    columns,
    key,
    required: [key, ...(spec.required ?? [])],
    references,
    codes: spec.codes ?? {},
  };
}

export const importTables: readonly ImportTable[] = specs.map(describe);

export const importTablesByName: ReadonlyMap<string, ImportTable> = new Map(
  importTables.map((table) => [table.name, table]),
);
