// The synthetic authority generator on its own: same inputs give the same bytes, every file is
// a complete, well-formed table that refers only to rows in the same folder, and the caseload
// looks like a real authority's (rates, codes, the named scenarios). The expectations come
// from the drizzle schema, the code lists and the contract, never from the generator itself.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { importTables } from '../src/import/tables.js';
import {
  courtOrderTypes,
  cpCategories,
  iroRecommendations,
  legalStatuses,
  meetingKinds,
  placementTypes,
  relationshipKinds,
} from '../src/domain/code-lists.js';
import { generateAuthority } from '../src/generate/authority.js';

type Row = Record<string, string>;

const asOf = '2025-06-30';
/** Each imported table's columns in schema order, with their length limits (the import's own catalogue). */
const tables = new Map(
  importTables.map((table) => [
    table.name,
    {
      key: table.key,
      columns: table.columns.map((column) => {
        const type = getTableConfig(table.table).columns.find((candidate) => candidate.name === column.name)!.getSQLType();
        return { name: column.name, type, maxLength: column.maxLength };
      }),
    },
  ]),
);

/** Relations a reader follows (contract "Import files", plus the ids the SSD links by). */
const references: [table: string, column: string, target: string, targetColumn: string][] = [
  ['ssd_address', 'addr_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_linked_identifiers', 'link_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_early_help_episodes', 'earl_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_early_help_episodes', 'earl_episode_worker_id', 'ssd_professionals', 'prof_professional_id'],
  ['ssd_cin_episodes', 'cine_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cin_episodes', 'cine_referral_team', 'ssd_department', 'dept_team_id'],
  ['ssd_cin_episodes', 'cine_referral_worker_id', 'ssd_professionals', 'prof_professional_id'],
  ['ssd_cin_assessments', 'cina_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cin_assessments', 'cina_referral_id', 'ssd_cin_episodes', 'cine_referral_id'],
  ['ssd_cin_plans', 'cinp_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cin_plans', 'cinp_referral_id', 'ssd_cin_episodes', 'cine_referral_id'],
  ['ssd_cin_plans', 'cinp_cin_plan_team', 'ssd_department', 'dept_team_id'],
  ['ssd_s47_enquiry', 's47e_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_s47_enquiry', 's47e_referral_id', 'ssd_cin_episodes', 'cine_referral_id'],
  ['ssd_initial_cp_conference', 'icpc_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_initial_cp_conference', 'icpc_s47_enquiry_id', 'ssd_s47_enquiry', 's47e_s47_enquiry_id'],
  ['ssd_initial_cp_conference', 'icpc_cp_plan_id', 'ssd_cp_plans', 'cppl_cp_plan_id'],
  ['ssd_cp_plans', 'cppl_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cp_plans', 'cppl_icpc_id', 'ssd_initial_cp_conference', 'icpc_icpc_id'],
  ['ssd_cp_plans', 'cppl_referral_id', 'ssd_cin_episodes', 'cine_referral_id'],
  ['ssd_cp_reviews', 'cppr_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cp_reviews', 'cppr_cp_plan_id', 'ssd_cp_plans', 'cppl_cp_plan_id'],
  ['ssd_pre_proceedings', 'prep_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_legal_status', 'lega_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cla_episodes', 'clae_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cla_episodes', 'clae_referral_id', 'ssd_cin_episodes', 'cine_referral_id'],
  ['ssd_cla_episodes', 'clae_cla_placement_id', 'ssd_cla_placement', 'clap_cla_placement_id'],
  ['ssd_cla_reviews', 'clar_cla_id', 'ssd_cla_episodes', 'clae_cla_id'],
  ['ssd_cla_placement', 'clap_cla_id', 'ssd_cla_episodes', 'clae_cla_id'],
  ['ssd_cla_placement', 'clap_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cla_visits', 'clav_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cla_visits', 'clav_cla_id', 'ssd_cla_episodes', 'clae_cla_id'],
  ['ssd_cla_health', 'clah_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_cla_care_plan', 'lacp_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_permanence', 'perm_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_permanence', 'perm_cla_id', 'ssd_cla_episodes', 'clae_cla_id'],
  ['ssd_care_leavers', 'clea_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_care_leavers', 'clea_care_leaver_allocated_team', 'ssd_department', 'dept_team_id'],
  ['ssd_care_leavers', 'clea_care_leaver_worker_id', 'ssd_professionals', 'prof_professional_id'],
  ['ssd_involvements', 'invo_person_id', 'ssd_person', 'pers_person_id'],
  ['ssd_involvements', 'invo_professional_id', 'ssd_professionals', 'prof_professional_id'],
  ['ssd_involvements', 'invo_professional_team', 'ssd_department', 'dept_team_id'],
  ['ssd_involvements', 'invo_referral_id', 'ssd_cin_episodes', 'cine_referral_id'],
  ['ssd_department', 'dept_team_parent_id', 'ssd_department', 'dept_team_id'],
  ['cb_relationship', 'rela_child_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_relationship', 'rela_related_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_court_order', 'cord_child_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_court_order', 'cord_holder_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_court_order', 'cord_partner_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_dual_status_decision', 'dsde_child_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_dual_status_decision', 'dsde_cp_plan_id', 'ssd_cp_plans', 'cppl_cp_plan_id'],
  ['cb_team_contact', 'tcon_team_id', 'ssd_department', 'dept_team_id'],
  ['cb_meeting', 'meet_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_consumer_link', 'cons_child_person_id', 'ssd_person', 'pers_person_id'],
  ['cb_restriction', 'rest_person_id', 'ssd_person', 'pers_person_id'],
];

/** Tables of social care work and the column naming the child. */
const records: [table: string, person: string][] = [
  ['ssd_early_help_episodes', 'earl_person_id'],
  ['ssd_cin_episodes', 'cine_person_id'],
  ['ssd_cin_assessments', 'cina_person_id'],
  ['ssd_cin_plans', 'cinp_person_id'],
  ['ssd_s47_enquiry', 's47e_person_id'],
  ['ssd_cp_plans', 'cppl_person_id'],
  ['ssd_cla_episodes', 'clae_person_id'],
  ['ssd_care_leavers', 'clea_person_id'],
];

function nhsValid(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(value[9]);
}

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const openAt = (start: string, end: string) => start !== '' && start <= asOf && (end === '' || end > asOf);

class Folder {
  readonly #cache = new Map<string, Row[]>();
  constructor(readonly dir: string) {}
  async text(table: string): Promise<string> {
    return readFile(path.join(this.dir, `${table}.csv`), 'utf8');
  }
  async rows(table: string): Promise<Row[]> {
    let rows = this.#cache.get(table);
    if (!rows) {
      rows = parse(await this.text(table), { columns: true }) as Row[];
      this.#cache.set(table, rows);
    }
    return rows;
  }
}

let root: string;
let tiny: Folder;
let small: Folder;
let large: Folder;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'carebridge-generate-'));
  await Promise.all([
    generateAuthority({ children: 2_000, seed: 7, asOf, out: path.join(root, 'a') }),
    generateAuthority({ children: 2_000, seed: 7, asOf, out: path.join(root, 'b') }),
    generateAuthority({ children: 2_000, seed: 8, asOf, out: path.join(root, 'c') }),
  ]);
  small = new Folder(path.join(root, 'a'));
  await generateAuthority({ children: 50, seed: 3, asOf, out: path.join(root, 'tiny') });
  tiny = new Folder(path.join(root, 'tiny'));
  await generateAuthority({ children: 10_000, seed: 1, asOf, out: path.join(root, 'large') });
  large = new Folder(path.join(root, 'large'));
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('generateAuthority', () => {
  it('gives identical bytes for the same children, seed and as-of, and different ones for another seed', async () => {
    const files = (await readdir(path.join(root, 'a'))).sort();
    expect(files).toEqual((await readdir(path.join(root, 'b'))).sort());
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(root, 'a', file)), readFile(path.join(root, 'b', file))]);
      expect(a.equals(b), file).toBe(true);
    }
    const [people, otherSeed] = await Promise.all([
      readFile(path.join(root, 'a', 'ssd_person.csv')),
      readFile(path.join(root, 'c', 'ssd_person.csv')),
    ]);
    expect(people.equals(otherSeed)).toBe(false);
  });

  it('writes one file per table, headed by every column in schema order', async () => {
    const files = (await readdir(large.dir)).sort();
    expect(files).toEqual([...tables.keys()].map((name) => `${name}.csv`).sort());
    for (const [name, table] of tables) {
      const header = (await large.text(name)).split('\n', 1)[0];
      expect(header, name).toBe(table.columns.map((column) => column.name).join(','));
      expect((await large.rows(name)).length, `${name} has rows`).toBeGreaterThan(0);
    }
  });

  it('fills every key once and keeps values within their columns and formats', async () => {
    for (const [name, table] of tables) {
      const rows = await large.rows(name);
      const keys = new Set(rows.map((row) => row[table.key]));
      expect(keys.size, `${name} keys unique`).toBe(rows.length);
      expect(keys.has(''), `${name} keys filled`).toBe(false);
      for (const column of table.columns) {
        for (const row of rows) {
          const value = row[column.name] ?? '';
          if (value === '') continue;
          if (column.maxLength !== null && value.length > column.maxLength) {
            throw new Error(`${name}.${column.name}: "${value}" longer than ${column.maxLength}`);
          }
          if (column.type === 'date' && !isDate(value))
            throw new Error(`${name}.${column.name}: "${value}" is not yyyy-mm-dd`);
          if (column.type === 'char(1)' && !['Y', 'N'].includes(value)) {
            throw new Error(`${name}.${column.name}: "${value}" is not Y/N`);
          }
          if (column.type === 'integer' && !/^-?\d+$/.test(value))
            throw new Error(`${name}.${column.name}: "${value}" is not an integer`);
        }
      }
    }
  });

  it('refers only to rows in the same folder', async () => {
    for (const [table, column, target, targetColumn] of references) {
      const targets = new Set((await large.rows(target)).map((row) => row[targetColumn]));
      const missing = (await large.rows(table))
        .map((row) => row[column] ?? '')
        .filter((value) => value !== '' && !targets.has(value));
      expect(missing.slice(0, 3), `${table}.${column} → ${target}.${targetColumn}`).toEqual([]);
    }
    // Meetings hang on the plan, period of care or care-leaver record they belong to.
    const subjects = new Set([
      ...(await large.rows('ssd_cp_plans')).map((row) => row.cppl_cp_plan_id),
      ...(await large.rows('ssd_cin_plans')).map((row) => row.cinp_cin_plan_id),
      ...(await large.rows('ssd_cla_episodes')).map((row) => row.clae_cla_id),
      ...(await large.rows('ssd_care_leavers')).map((row) => row.clea_table_id),
    ]);
    const orphans = (await large.rows('cb_meeting')).filter(
      (row) => row.meet_subject_id !== '' && !subjects.has(row.meet_subject_id),
    );
    expect(orphans).toEqual([]);
  });

  it('has about the national rates open at as-of (per 10,000 children)', async () => {
    const periods = new Map<string, boolean>();
    for (const row of await large.rows('ssd_cla_episodes')) {
      const open = openAt(row.clae_cla_episode_start_date as string, row.clae_cla_episode_ceased_date as string);
      periods.set(row.clae_cla_id as string, (periods.get(row.clae_cla_id as string) ?? false) || open);
    }
    const openPeriods = [...periods.values()].filter(Boolean).length;
    const openCp = (await large.rows('ssd_cp_plans')).filter((row) =>
      openAt(row.cppl_cp_plan_start_date as string, row.cppl_cp_plan_end_date as string),
    ).length;
    const openCin = (await large.rows('ssd_cin_plans')).filter((row) =>
      openAt(row.cinp_cin_plan_start_date as string, row.cinp_cin_plan_end_date as string),
    ).length;
    const openEh = (await large.rows('ssd_early_help_episodes')).filter((row) =>
      openAt(row.earl_episode_start_date as string, row.earl_episode_end_date as string),
    ).length;
    expect(openPeriods).toBeGreaterThanOrEqual(50);
    expect(openPeriods).toBeLessThanOrEqual(90);
    expect(openCp).toBeGreaterThanOrEqual(30);
    expect(openCp).toBeLessThanOrEqual(55);
    expect(openCin).toBeGreaterThanOrEqual(280);
    expect(openCin).toBeLessThanOrEqual(380);
    expect(openEh).toBeGreaterThanOrEqual(250);
    expect(openEh).toBeLessThanOrEqual(350);
  });

  it('has exactly the requested children, each with social care history, and adults with none', async () => {
    for (const folder of [small, large]) {
      const people = await folder.rows('ssd_person');
      const withRecords = new Set<string>();
      for (const [table, column] of records)
        for (const row of await folder.rows(table)) withRecords.add(row[column] as string);
      const children = people.filter((person) => withRecords.has(person.pers_person_id as string));
      expect(children.length).toBe(folder === small ? 2_000 : 10_000);
      const related = new Set((await folder.rows('cb_relationship')).map((row) => row.rela_related_person_id));
      const mothersWhoAreChildren = people.filter(
        (person) => withRecords.has(person.pers_person_id as string) && related.has(person.pers_person_id),
      );
      for (const person of people) {
        if (withRecords.has(person.pers_person_id as string)) continue;
        // Not a child: an adult known as someone's relative or carer.
        expect(related.has(person.pers_person_id), `${person.pers_person_id} is related to a child`).toBe(true);
      }
      expect(mothersWhoAreChildren.length).toBeLessThan(10);
    }
    const people = await large.rows('ssd_person');
    const ages = people
      .filter((person) => person.pers_person_id?.startsWith('C') && person.pers_dob)
      .map((person) => Number(asOf.slice(0, 4)) - Number(person.pers_dob?.slice(0, 4)));
    expect(ages.filter((age) => age <= 18).length / ages.length).toBeGreaterThan(0.95);
    const unborn = people.filter((person) => person.pers_expected_dob && !person.pers_dob);
    expect(unborn.length).toBeGreaterThanOrEqual(2);
    const onPlans = new Set([
      ...(await large.rows('ssd_cp_plans')).map((row) => row.cppl_person_id),
      ...(await large.rows('ssd_cin_plans')).map((row) => row.cinp_person_id),
    ]);
    for (const child of unborn) expect(onPlans.has(child.pers_person_id)).toBe(true);
  });

  it('gives NHS numbers only from the 999 test range, valid and unique, to most children and few adults', async () => {
    const people = await large.rows('ssd_person');
    const numbers = people
      .map((person) => person.pers_common_child_id)
      .filter((value): value is string => Boolean(value));
    for (const number of numbers) {
      expect(number.startsWith('999'), number).toBe(true);
      expect(nhsValid(number), number).toBe(true);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    const children = people.filter((person) => person.pers_person_id?.startsWith('C') && person.pers_dob);
    const adults = people.filter((person) => person.pers_person_id?.startsWith('A'));
    const share = (list: Row[]) => list.filter((person) => person.pers_common_child_id).length / list.length;
    expect(share(children)).toBeGreaterThan(0.9);
    expect(share(children)).toBeLessThan(1);
    expect(share(adults)).toBeLessThan(0.2);
  });

  it('uses the code lists: every legal status, placement types, CP categories as codes and words', async () => {
    const legal = new Set((await small.rows('ssd_legal_status')).map((row) => row.lega_legal_status));
    expect([...legal].sort()).toEqual(Object.keys(legalStatuses).sort());
    const placements = (await large.rows('ssd_cla_placement')).map((row) => row.clap_cla_placement_type as string);
    for (const type of placements) expect(Object.keys(placementTypes)).toContain(type);
    for (const type of ['P1', 'U1', 'U3', 'U4', 'U5', 'U6', 'K2', 'H5', 'A5', 'A6']) expect(placements).toContain(type);

    const words = Object.fromEntries(
      Object.entries(cpCategories).map(([code, { description }]) => [description, code]),
    );
    const categories = (await large.rows('ssd_cp_plans')).flatMap((row) => [
      row.cppl_cp_plan_initial_category as string,
      row.cppl_cp_plan_latest_category as string,
    ]);
    for (const value of categories) expect(value in cpCategories || value in words, value).toBe(true);
    const asWords = categories.filter((value) => value in words).length / categories.length;
    expect(asWords).toBeGreaterThan(0.3);
    expect(asWords).toBeLessThan(0.7);

    const present = async (table: string, column: string) =>
      new Set((await small.rows(table)).map((row) => row[column]).filter(Boolean));
    expect([...(await present('cb_relationship', 'rela_relationship'))].sort()).toEqual([...relationshipKinds].sort());
    expect([...(await present('cb_court_order', 'cord_order_type'))].sort()).toEqual([...courtOrderTypes].sort());
    expect([...(await present('cb_dual_status_decision', 'dsde_recommendation'))].sort()).toEqual(
      [...iroRecommendations].sort(),
    );
    expect([...(await present('cb_meeting', 'meet_kind'))].sort()).toEqual([...meetingKinds].sort());
    const roles = await present('ssd_involvements', 'invo_professional_role_id');
    for (const role of roles) {
      expect([
        'Allocated Social Worker',
        'Allocated Case Worker',
        'Team Manager',
        'Independent Reviewing Officer',
        'IRO',
        'Child Protection Co-ordinator',
        'Personal Adviser',
        'Lead Professional',
      ]).toContain(role);
    }
  });

  it('has dual-status children on every pathway with every IRO recommendation', async () => {
    const legal = await small.rows('ssd_legal_status');
    const episodes = await small.rows('ssd_cla_episodes');
    const plo = new Set((await small.rows('ssd_pre_proceedings')).map((row) => row.prep_person_id));
    const plans = new Map((await small.rows('ssd_cp_plans')).map((row) => [row.cppl_cp_plan_id, row]));
    const decisions = await small.rows('cb_dual_status_decision');
    /** The legal status the child entered the current period of care under. */
    const pathway = (child: string) => {
      const entered = episodes
        .filter((row) => row.clae_person_id === child && row.clae_cla_episode_ceased_date === '')
        .map((row) => row.clae_entered_care_date)[0];
      const status = legal.find(
        (row) => row.lega_person_id === child && row.lega_legal_status_start_date === entered,
      )?.lega_legal_status;
      return status === 'V2' && plo.has(child) ? 'V2_PLO' : status;
    };
    const seen = new Set(
      decisions.map((row) => `${pathway(row.dsde_child_person_id as string)} ${row.dsde_recommendation || 'LETTER'}`),
    );
    for (const route of ['C1', 'C2', 'V2', 'V2_PLO']) {
      for (const outcome of [...iroRecommendations, 'LETTER']) expect([...seen]).toContain(`${route} ${outcome}`);
    }
    for (const letter of decisions.filter((row) => row.dsde_recommendation === '')) {
      expect(letter.dsde_review_date).toBe('');
      expect(plans.get(letter.dsde_cp_plan_id)?.cppl_cp_plan_end_date).not.toBe('');
    }
    expect(decisions.some((row) => row.dsde_disagreement === 'Y')).toBe(true);
    // Awaiting the initial review: open CP plan, looked after, no decision yet.
    const decided = new Set(decisions.map((row) => row.dsde_child_person_id));
    const lookedAfter = new Set(
      episodes.filter((row) => row.clae_cla_episode_ceased_date === '').map((row) => row.clae_person_id),
    );
    const awaiting = [...plans.values()].filter(
      (plan) =>
        plan.cppl_cp_plan_end_date === '' && lookedAfter.has(plan.cppl_person_id) && !decided.has(plan.cppl_person_id),
    );
    expect(awaiting.length).toBeGreaterThanOrEqual(3);
  });

  it('has care leavers of every category, restrictions and partner links', async () => {
    const categories = new Set((await small.rows('ssd_care_leavers')).map((row) => row.clea_care_leaver_eligibility));
    expect([...categories].sort()).toEqual(['Eligible', 'Former Relevant', 'Qualifying', 'Relevant']);
    const restricted = (await large.rows('cb_restriction')).length;
    expect(restricted).toBeGreaterThanOrEqual(2);
    expect(restricted).toBeLessThan(60);
    const links = await small.rows('cb_consumer_link');
    for (const org of ['EHC', 'RX1', 'URN100001', 'URN100002'])
      expect(links.map((row) => row.cons_org_id)).toContain(org);
    expect(links.some((row) => row.cons_end_date !== '')).toBe(true);
    const contacts = await small.rows('cb_team_contact');
    expect(contacts.length).toBe((await small.rows('ssd_department')).length);
    for (const contact of contacts) {
      expect(contact.tcon_duty_phone).toMatch(/^01632 960\d{3}$/);
      expect(contact.tcon_duty_email).toMatch(/@carebridge-demo\.example$/);
    }
  });

  it('shows every scenario even in an authority of 50 children', async () => {
    const values = async (table: string, column: string) =>
      new Set((await tiny.rows(table)).map((row) => row[column]).filter(Boolean));
    const people = await tiny.rows('ssd_person');
    const children = new Set<string>();
    for (const [table, column] of records)
      for (const row of await tiny.rows(table)) children.add(row[column] as string);
    expect(children.size).toBe(50);
    expect([...(await values('ssd_legal_status', 'lega_legal_status'))].sort()).toEqual(
      Object.keys(legalStatuses).sort(),
    );
    expect([...(await values('cb_relationship', 'rela_relationship'))].sort()).toEqual([...relationshipKinds].sort());
    expect([...(await values('cb_court_order', 'cord_order_type'))].sort()).toEqual([...courtOrderTypes].sort());
    expect([...(await values('cb_dual_status_decision', 'dsde_recommendation'))].sort()).toEqual(
      [...iroRecommendations].sort(),
    );
    expect([...(await values('cb_meeting', 'meet_kind'))].sort()).toEqual([...meetingKinds].sort());
    expect([...(await values('ssd_care_leavers', 'clea_care_leaver_eligibility'))].sort()).toEqual([
      'Eligible',
      'Former Relevant',
      'Qualifying',
      'Relevant',
    ]);
    expect([...(await values('cb_consumer_link', 'cons_org_id'))].sort()).toEqual([
      'EHC',
      'RX1',
      'URN100001',
      'URN100002',
    ]);
    expect((await tiny.rows('ssd_pre_proceedings')).length).toBeGreaterThan(0);
    expect((await tiny.rows('cb_restriction')).length).toBeGreaterThanOrEqual(2);
    expect(people.filter((person) => person.pers_expected_dob && !person.pers_dob).length).toBeGreaterThanOrEqual(2);
    expect(people.some((person) => person.pers_death_date)).toBe(true);

    // Each way of holding (or not holding) parental responsibility.
    const relationships = await tiny.rows('cb_relationship');
    const fathers = relationships.filter((row) => row.rela_relationship === 'FATHER');
    const reform = '2003-12-01';
    expect(fathers.some((row) => row.rela_married_to_mother === 'Y')).toBe(true);
    expect(
      fathers.some(
        (row) =>
          row.rela_married_to_mother === 'N' &&
          row.rela_registered_on_birth_certificate === 'Y' &&
          (row.rela_registration_date as string) >= reform,
      ),
    ).toBe(true);
    expect(
      fathers.some(
        (row) =>
          row.rela_married_to_mother === 'N' &&
          row.rela_registered_on_birth_certificate === 'Y' &&
          row.rela_registration_date !== '' &&
          (row.rela_registration_date as string) < reform,
      ),
    ).toBe(true);
    expect(
      fathers.some(
        (row) =>
          row.rela_married_to_mother === 'N' &&
          row.rela_registered_on_birth_certificate === 'Y' &&
          row.rela_registration_date === '',
      ),
    ).toBe(true);
    expect(
      fathers.some((row) => row.rela_married_to_mother === 'N' && row.rela_registered_on_birth_certificate === 'N'),
    ).toBe(true);
    const secondParents = relationships.filter((row) => row.rela_relationship === 'SECOND_PARENT');
    expect(
      new Set(secondParents.map((row) => `${row.rela_married_to_mother}${row.rela_registered_on_birth_certificate}`)),
    ).toEqual(new Set(['YY', 'NY', 'NN']));
    expect(relationships.some((row) => row.rela_no_contact === 'Y')).toBe(true);
    expect(relationships.some((row) => row.rela_address_withheld === 'Y')).toBe(true);
    const orders = await tiny.rows('cb_court_order');
    expect(orders.some((row) => row.cord_order_type === 'ADOPTION' && row.cord_partner_person_id !== '')).toBe(true);
    expect(
      orders.some((row) => row.cord_order_type === 'CHILD_ARRANGEMENTS_LIVE_WITH' && row.cord_end_date !== ''),
    ).toBe(true);
  });

  it('chains the episodes of a period of care day to day, and records nothing after as-of but due dates', async () => {
    const byPeriod = new Map<string, Row[]>();
    for (const row of await large.rows('ssd_cla_episodes'))
      byPeriod.set(row.clae_cla_id as string, [...(byPeriod.get(row.clae_cla_id as string) ?? []), row]);
    for (const [period, episodes] of byPeriod) {
      episodes.sort((a, b) =>
        (a.clae_cla_episode_start_date as string).localeCompare(b.clae_cla_episode_start_date as string),
      );
      expect(episodes[0]?.clae_cla_episode_start_reason, period).toBe('S');
      for (let i = 1; i < episodes.length; i++) {
        expect(episodes[i]?.clae_cla_episode_start_date, period).toBe(episodes[i - 1]?.clae_cla_episode_ceased_date);
        expect(episodes[i]?.clae_entered_care_date, period).toBe(episodes[0]?.clae_cla_episode_start_date);
      }
    }
    const happened: [string, string][] = [
      ['ssd_cin_episodes', 'cine_referral_date'],
      ['ssd_cin_episodes', 'cine_close_date'],
      ['ssd_cp_plans', 'cppl_cp_plan_start_date'],
      ['ssd_cp_plans', 'cppl_cp_plan_end_date'],
      ['ssd_cp_reviews', 'cppr_cp_review_date'],
      ['ssd_cla_episodes', 'clae_cla_episode_ceased_date'],
      ['ssd_cla_reviews', 'clar_cla_review_date'],
      ['ssd_cla_visits', 'clav_cla_visit_date'],
      ['ssd_cla_health', 'clah_health_check_date'],
      ['ssd_involvements', 'invo_involvement_start_date'],
      ['cb_meeting', 'meet_date'],
      ['cb_dual_status_decision', 'dsde_agencies_notified_date'],
      ['cb_court_order', 'cord_start_date'],
      ['ssd_person', 'pers_dob'],
    ];
    for (const [table, column] of happened) {
      const later = (await large.rows(table)).filter((row) => (row[column] ?? '') > asOf);
      expect(later.slice(0, 2), `${table}.${column}`).toEqual([]);
    }
    // Some CiC reviews are overdue at as-of (due, not held) and some were held late.
    const reviews = await large.rows('ssd_cla_reviews');
    expect(
      reviews.some((row) => row.clar_cla_review_date === '' && (row.clar_cla_review_due_date as string) < asOf),
    ).toBe(true);
    expect(
      reviews.some(
        (row) =>
          row.clar_cla_review_date !== '' &&
          (row.clar_cla_review_date as string) > (row.clar_cla_review_due_date as string),
      ),
    ).toBe(true);
  });
});
