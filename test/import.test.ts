// The import as the contract describes it ("Import files"): every kind of bad row is reported
// as file:line: column: problem and nothing is written; dry runs write nothing; --replace
// removes absent rows; re-importing changes nothing.

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { importFolder, type ImportOptions } from '../src/import/import-folder.js';
import { formatNotice, formatProblem } from '../src/import/problems.js';
import { emptyDatabase, openTestDatabase, snapshot, type TestDatabase } from './support/database.js';
import { writeExtract } from './support/extract.js';

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(async () => test?.close());
beforeEach(async () => emptyDatabase(test.database));

const run = (dir: string, options: Partial<ImportOptions> = {}) =>
  importFolder(test.database, { dir, labels: test.config.labels, ...options });
const problemsOf = async (dir: string, options: Partial<ImportOptions> = {}) => {
  const report = await run(dir, options);
  expect(report.ok).toBe(false);
  return report.problems.map(formatProblem);
};

const person = [
  'pers_person_id,pers_forename,pers_surname,pers_dob,pers_common_child_id,pers_is_mother',
  'C1,Amy,Smith,2015-03-04,9990000018,N',
  'C2,Ben,Jones,04/05/2016,,N',
  'A1,Carol,Smith,1985-01-01 00:00:00.000,NULL,Y',
];
const cpPlans = [
  'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category',
  'P1,C1,2024-01-02,,Neglect',
  'P2,C2,2024-02-28,2024-08-01,EMO',
];
const relationships = [
  'rela_relationship_id,rela_child_person_id,rela_related_person_id,rela_relationship,rela_married_to_mother',
  'R1,C1,A1,MOTHER,',
];
const baseExtract = () => writeExtract({ 'ssd_person.csv': person, 'ssd_cp_plans.csv': cpPlans, 'cb_relationship.csv': relationships });

describe('a valid extract', () => {
  it('stores every row, with dates in each accepted form, NULL, flags and mapped labels', async () => {
    const report = await run(baseExtract());
    expect(report.ok).toBe(true);
    expect(report.files.map((file) => [file.table, file.rows, file.inserted])).toEqual([
      ['ssd_person', 3, 3],
      ['ssd_cp_plans', 2, 2],
      ['cb_relationship', 1, 1],
    ]);
    const people = await test.database.query('SELECT pers_person_id, pers_dob, pers_common_child_id, pers_is_mother FROM ssd_person ORDER BY 1');
    expect(people).toEqual([
      { pers_person_id: 'A1', pers_dob: '1985-01-01', pers_common_child_id: null, pers_is_mother: 'Y' },
      { pers_person_id: 'C1', pers_dob: '2015-03-04', pers_common_child_id: '9990000018', pers_is_mother: 'N' },
      { pers_person_id: 'C2', pers_dob: '2016-05-04', pers_common_child_id: null, pers_is_mother: 'N' },
    ]);
    const plans = await test.database.query('SELECT cppl_cp_plan_id, cppl_cp_plan_initial_category FROM ssd_cp_plans ORDER BY 1');
    expect(plans).toEqual([
      { cppl_cp_plan_id: 'P1', cppl_cp_plan_initial_category: 'NEG' },
      { cppl_cp_plan_id: 'P2', cppl_cp_plan_initial_category: 'EMO' },
    ]);
    // Adults known only as relatives are persons, not children.
    expect(await test.database.query('SELECT person_id FROM carebridge.child ORDER BY 1')).toEqual([{ person_id: 'C1' }, { person_id: 'C2' }]);
    const [importRun] = await test.database.query<{ rows: Record<string, number> }>('SELECT rows FROM carebridge.import_run');
    expect(importRun?.rows).toEqual({ ssd_person: 3, ssd_cp_plans: 2, cb_relationship: 1 });
  });

  it('ignores a byte-order mark and counts physical lines across quoted line breaks and blank lines', async () => {
    const dir = writeExtract({
      'ssd_person.csv': '\uFEFFpers_person_id,pers_forename,pers_dob\n"C1","Amy\nLouise",2015-03-04\n\nC2,Ben,2015-02-30\n',
    });
    expect(await problemsOf(dir)).toEqual(["ssd_person.csv:5: pers_dob: '2015-02-30' is not a real calendar date"]);
  });

  it('skips files it does not recognise, with a notice', async () => {
    const dir = writeExtract({ 'ssd_person.csv': person, 'ssd_contacts.csv': ['x'], 'readme.txt': 'hello' });
    const report = await run(dir);
    expect(report.ok).toBe(true);
    expect(report.skipped).toEqual(['readme.txt', 'ssd_contacts.csv']);
  });

  it('resolves references to rows stored by an earlier import', async () => {
    expect((await run(writeExtract({ 'ssd_person.csv': person }))).ok).toBe(true);
    const report = await run(writeExtract({ 'ssd_cp_plans.csv': cpPlans }));
    expect(report.ok).toBe(true);
  });

  it('maps an authority’s own labels to codes through CAREBRIDGE_LABEL_MAP', async () => {
    const mapFile = path.join(mkdtempSync(path.join(tmpdir(), 'carebridge-labels-')), 'labels.json');
    writeFileSync(mapFile, JSON.stringify({ legalStatus: { 'Interim Care Order (s38)': 'C1' } }));
    const labels = loadConfig({ CAREBRIDGE_LABEL_MAP: mapFile }).labels;
    const dir = writeExtract({
      'ssd_person.csv': person,
      'ssd_legal_status.csv': [
        'lega_legal_status_id,lega_person_id,lega_legal_status,lega_legal_status_start_date',
        'L1,C1,interim care order (S38),2024-03-01',
      ],
    });
    expect((await run(dir, { labels })).ok).toBe(true);
    expect(await test.database.query('SELECT lega_legal_status FROM ssd_legal_status')).toEqual([{ lega_legal_status: 'C1' }]);
    expect(await problemsOf(dir)).toEqual([
      "ssd_legal_status.csv:2: lega_legal_status: 'interim care order (S38)' is not a legalStatus code (C1, C2, D1, E1, J1, J2, J3, L1, L2, L3, V2, V3, V4) or a label mapped to one in CAREBRIDGE_LABEL_MAP",
    ]);
  });
});

describe('dates as case systems write them', () => {
  it('keeps the calendar date of a date-time with a time of day, and counts the times set aside per column', async () => {
    const dir = writeExtract({
      'ssd_person.csv': person,
      'ssd_initial_cp_conference.csv': ['icpc_icpc_id,icpc_person_id,icpc_icpc_date', 'I1,C1,2023-12-20T09:15:00', 'I2,C2,2024-02-01 00:00:00.000'],
      'ssd_cp_plans.csv': cpPlans,
      'ssd_cp_reviews.csv': [
        'cppr_cp_review_id,cppr_person_id,cppr_cp_plan_id,cppr_cp_review_date',
        'V1,C1,P1,2024-03-14 14:30:00',
        'V2,C1,P1,2024-06-13 23:59:59.997',
        'V3,C2,P2,2024-05-04 00:00:00.0000000',
        'V4,C2,P2,2024-05-05 23:30:00.0000000 +01:00',
      ],
    });
    const report = await run(dir);
    expect(report.ok).toBe(true);
    expect(await test.database.query('SELECT cppr_cp_review_id, cppr_cp_review_date FROM ssd_cp_reviews ORDER BY 1')).toEqual([
      { cppr_cp_review_id: 'V1', cppr_cp_review_date: '2024-03-14' },
      { cppr_cp_review_id: 'V2', cppr_cp_review_date: '2024-06-13' },
      { cppr_cp_review_id: 'V3', cppr_cp_review_date: '2024-05-04' },
      { cppr_cp_review_id: 'V4', cppr_cp_review_date: '2024-05-05' },
    ]);
    expect(await test.database.query('SELECT icpc_icpc_date FROM ssd_initial_cp_conference ORDER BY 1')).toEqual([
      { icpc_icpc_date: '2023-12-20' },
      { icpc_icpc_date: '2024-02-01' },
    ]);
    expect(report.notices.map(formatNotice)).toEqual([
      'ssd_initial_cp_conference.csv: icpc_icpc_date: 1 times of day set aside (the calendar date as written is stored)',
      'ssd_cp_reviews.csv: cppr_cp_review_date: 3 times of day set aside (the calendar date as written is stored)',
    ]);
    const [importRun] = await test.database.query<{ notices: unknown[] }>('SELECT notices FROM carebridge.import_run');
    expect(importRun?.notices).toEqual(report.notices);
  });

  it('stores open CP plans and referrals starting on placeholder or pre-2000 dates as recorded, with a notice', async () => {
    const dir = writeExtract({
      'ssd_person.csv': [...person, 'C3,Cy,Brown,1900-01-01,,N'],
      'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', 'R1,C1,1999-12-31', 'R2,C2,2024-01-05'],
      'ssd_cp_plans.csv': [...cpPlans, 'P3,C2,1900-01-01,,NEG', 'P4,C3,9999-12-31,,NEG', 'P5,C3,0001-01-01,,NEG'],
    });
    const report = await run(dir);
    expect(report.ok).toBe(true);
    expect(await test.database.query(`SELECT cppl_cp_plan_id, cppl_cp_plan_start_date::text AS start FROM ssd_cp_plans WHERE cppl_cp_plan_id >= 'P3' ORDER BY 1`)).toEqual([
      { cppl_cp_plan_id: 'P3', start: '1900-01-01' },
      { cppl_cp_plan_id: 'P4', start: '9999-12-31' },
      { cppl_cp_plan_id: 'P5', start: '0001-01-01' },
    ]);
    expect(await test.database.query(`SELECT cine_referral_date FROM ssd_cin_episodes WHERE cine_referral_id = 'R1'`)).toEqual([
      { cine_referral_date: '1999-12-31' },
    ]);
    // An adult's 1985 birth is no placeholder; a 1900-01-01 one is.
    expect(report.notices.map(formatNotice)).toEqual([
      'ssd_person.csv: pers_dob: 1 placeholder or pre-2000 dates stored as recorded (1900-01-01)',
      'ssd_cin_episodes.csv: cine_referral_date: 1 placeholder or pre-2000 dates stored as recorded (1999-12-31)',
      'ssd_cp_plans.csv: cppl_cp_plan_start_date: 3 placeholder or pre-2000 dates stored as recorded (0001-01-01 to 9999-12-31)',
    ]);
  });
});

describe('encodings', () => {
  /** `C1,Zoë,Brontë` with the bytes of `ë` split between the file's first two 64 KiB read chunks. */
  function splitAcrossChunks(): Buffer {
    const chunk = 64 * 1024;
    let text = 'pers_person_id,pers_forename,pers_surname\n';
    for (let row = 0; text.length < chunk - 60; row++) text += `F${row},Filler,Row\n`;
    const target = chunk - 1 - text.length - 'C1,Zo'.length - 'Fpad,,Row\n'.length;
    text += `Fpad,${'x'.repeat(target)},Row\nC1,Zo`;
    const bytes = Buffer.from(`${text}ë,Brontë\n`, 'utf8');
    expect(bytes.subarray(chunk - 1, chunk + 1)).toEqual(Buffer.from('ë', 'utf8'));
    return bytes;
  }

  it('decodes a UTF-8 character split between two chunks of the file', async () => {
    const report = await run(writeExtract({ 'ssd_person.csv': splitAcrossChunks() }));
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(await test.database.query(`SELECT pers_forename, pers_surname FROM ssd_person WHERE pers_person_id = 'C1'`)).toEqual([
      { pers_forename: 'Zoë', pers_surname: 'Brontë' },
    ]);
  });

  it('reads a windows-1252 extract with encoding windows-1252', async () => {
    // ë is 0xEB in Latin-1 and windows-1252; ’ (0x92) and – (0x96) are windows-1252's own.
    const bytes = Buffer.concat([
      Buffer.from('pers_person_id,pers_forename,pers_surname\nC1,Zo\xeb,Bront\xeb\nC2,Ann,O', 'latin1'),
      Buffer.from([0x92]),
      Buffer.from('Neill ', 'latin1'),
      Buffer.from([0x96]),
      Buffer.from(' Smith\n', 'latin1'),
    ]);
    expect((await run(writeExtract({ 'ssd_person.csv': bytes }), { encoding: 'windows-1252' })).ok).toBe(true);
    expect(await test.database.query('SELECT pers_forename, pers_surname FROM ssd_person ORDER BY 1')).toEqual([
      { pers_forename: 'Ann', pers_surname: 'O’Neill – Smith' },
      { pers_forename: 'Zoë', pers_surname: 'Brontë' },
    ]);
  });
});

describe('a bad extract is reported line by line and nothing is written', () => {
  const cases: { kind: string; files: Record<string, string[] | string | Buffer>; expected: string[] }[] = [
    {
      kind: 'malformed date, flag and number',
      files: {
        'ssd_person.csv': ['pers_person_id,pers_dob,pers_is_mother', 'C9,2015-13-01,X'],
        'ssd_professionals.csv': ['prof_professional_id,prof_professional_caseload,prof_full_time_equivalency', 'W1,twelve,0.5x'],
      },
      expected: [
        "ssd_professionals.csv:2: prof_professional_caseload: 'twelve' is not a whole number",
        "ssd_professionals.csv:2: prof_full_time_equivalency: '0.5x' is not a number",
        "ssd_person.csv:2: pers_dob: '2015-13-01' is not a real calendar date",
        "ssd_person.csv:2: pers_is_mother: 'X' is not a flag (Y or N)",
      ],
    },
    {
      kind: 'a date-time whose time of day is not a real one',
      files: { 'ssd_person.csv': ['pers_person_id,pers_dob', 'C9,2015-01-01 24:05:00.000'] },
      expected: ["ssd_person.csv:2: pers_dob: '2015-01-01 24:05:00.000' is not a real time of day"],
    },
    {
      kind: 'invalid UTF-8 (a Latin-1 file read as UTF-8), named with its file, line and column',
      files: {
        'ssd_person.csv': Buffer.concat([
          Buffer.from('pers_person_id,pers_forename,pers_surname\nC8,Amy,"Smith\nJones"\nC9,Zo'),
          Buffer.from([0xeb]),
          Buffer.from(',Bront'),
          Buffer.from([0xeb]),
          Buffer.from('\n'),
        ]),
      },
      expected: [
        'ssd_person.csv:4: pers_forename: is not valid UTF-8 (for a windows-1252 or Latin-1 extract, import with --encoding windows-1252)',
        'ssd_person.csv:4: pers_surname: is not valid UTF-8 (for a windows-1252 or Latin-1 extract, import with --encoding windows-1252)',
      ],
    },
    {
      kind: 'duplicate key',
      files: { 'ssd_person.csv': ['pers_person_id', 'C9', 'C8', 'C9'] },
      expected: ["ssd_person.csv:4: pers_person_id: duplicate key 'C9' (first on line 2)"],
    },
    {
      kind: 'value longer than its column',
      files: { 'ssd_person.csv': ['pers_person_id,pers_upn', `C9,${'X'.repeat(14)}`] },
      expected: ["ssd_person.csv:2: pers_upn: value is 14 characters, longer than the column's 13"],
    },
    {
      kind: 'missing required value',
      files: { 'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'P9,C1,'] },
      expected: ['ssd_cp_plans.csv:2: cppl_cp_plan_start_date: required value is missing'],
    },
    {
      kind: 'missing required column',
      files: { 'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_cp_plan_start_date', 'P9,2024-01-01'] },
      expected: ['ssd_cp_plans.csv:1: cppl_person_id: required column is missing from the header'],
    },
    {
      kind: 'unknown column',
      files: { 'ssd_person.csv': ['pers_person_id,pers_shoe_size', 'C9,4'] },
      expected: ['ssd_person.csv:1: pers_shoe_size: unknown column: ssd_person has no such column'],
    },
    {
      kind: 'wrong field count',
      files: { 'ssd_person.csv': ['pers_person_id,pers_forename', 'C9,Dan,extra', 'C8'] },
      expected: ['ssd_person.csv:2: has 3 fields, the header has 2', 'ssd_person.csv:3: has 1 fields, the header has 2'],
    },
    {
      kind: 'unterminated quote (a truncated file)',
      files: { 'ssd_person.csv': 'pers_person_id,pers_forename\nC9,Dan\nC8,"Ev' },
      expected: ['ssd_person.csv:3: unterminated quote: the file ends inside a quoted value (truncated file?)'],
    },
    {
      kind: 'a malformed row in the middle of a file, with the lines after it still numbered right',
      files: {
        'ssd_person.csv': ['pers_person_id,pers_forename,pers_dob', 'C7,Al,2015-01-01', 'C8,B"x,2015-01-01', 'C9,Cy,2015-01-01', 'C10,Di,yesterday'],
      },
      expected: [
        'ssd_person.csv:3: malformed CSV: Invalid Opening Quote: a quote is found on field 1',
        "ssd_person.csv:5: pers_dob: 'yesterday' is not a date (yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd hh:mm:ss.fff)",
      ],
    },
    {
      kind: 'a NUL character, which PostgreSQL cannot store',
      files: { 'ssd_person.csv': ['pers_person_id,pers_forename', 'C9,Da\u0000n'] },
      expected: ['ssd_person.csv:2: pers_forename: contains a NUL character'],
    },
    {
      kind: 'reference to a row neither in the folder nor stored',
      files: { 'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'P9,C404,2024-01-01'] },
      expected: ["ssd_cp_plans.csv:2: cppl_person_id: 'C404' is not in ssd_person (neither in the folder nor stored)"],
    },
    {
      kind: 'code that is neither a code nor a mapped label',
      files: { 'ssd_cla_placement.csv': ['clap_cla_placement_id,clap_cla_id,clap_cla_placement_start_date,clap_cla_placement_type', 'PL9,,2024-01-01,Q7'] },
      expected: [
        'ssd_cla_placement.csv:2: clap_cla_id: required value is missing',
        "ssd_cla_placement.csv:2: clap_cla_placement_type: 'Q7' is not a placementType code (A3, A4, A5, A6, H5, K1, K2, P1, P2, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2, U3, U4, U5, U6, Z1) or a label mapped to one in CAREBRIDGE_LABEL_MAP",
      ],
    },
    {
      kind: 'an empty file',
      files: { 'ssd_person.csv': '' },
      expected: ['ssd_person.csv:1: the file is empty: a header row is required'],
    },
  ];

  it.each(cases)('$kind', async ({ files, expected }) => {
    expect((await run(baseExtract())).ok).toBe(true);
    const before = await snapshot(test.database);
    const dir = writeExtract(files);
    expect(await problemsOf(dir)).toEqual(expected);
    expect(await problemsOf(dir, { dryRun: true })).toEqual(expected);
    expect(await snapshot(test.database)).toEqual(before);
  });

  it('keeps the first 100 problems word for word and counts the rest', async () => {
    const rows = Array.from({ length: 250 }, (_, index) => `C${index},not-a-date`);
    const report = await run(writeExtract({ 'ssd_person.csv': ['pers_person_id,pers_dob', ...rows] }));
    expect(report.problemCount).toBe(250);
    expect(report.problems).toHaveLength(100);
    expect(formatProblem(report.problems[99]!)).toBe("ssd_person.csv:101: pers_dob: 'not-a-date' is not a date (yyyy-mm-dd, dd/mm/yyyy or yyyy-mm-dd hh:mm:ss.fff)");
  });
});

describe('modes', () => {
  it('--dry-run validates and writes nothing', async () => {
    const report = await run(baseExtract(), { dryRun: true });
    expect(report.ok).toBe(true);
    expect(report.files.map((file) => file.rows)).toEqual([3, 2, 1]);
    const after = await snapshot(test.database);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
  });

  it('re-importing the same extract changes nothing', async () => {
    await run(baseExtract());
    const first = await snapshot(test.database);
    const again = await run(baseExtract());
    expect(again.files.map((file) => [file.inserted, file.updated, file.unchanged])).toEqual([[0, 0, 3], [0, 0, 2], [0, 0, 1]]);
    const second = await snapshot(test.database);
    expect(second.ssd_person).toEqual(first.ssd_person);
    expect(second.ssd_cp_plans).toEqual(first.ssd_cp_plans);
    expect(second.import_run).toHaveLength(2);
  });

  it('upserts by key, keeping stored values of columns a file does not carry', async () => {
    await run(baseExtract());
    const report = await run(writeExtract({ 'ssd_person.csv': ['pers_person_id,pers_forename', 'C1,Amelia', 'C3,Dev'] }));
    expect(report.files[0]).toMatchObject({ inserted: 1, updated: 1, unchanged: 0, removed: 0 });
    expect(await test.database.query(`SELECT pers_forename, pers_dob FROM ssd_person WHERE pers_person_id = 'C1'`)).toEqual([
      { pers_forename: 'Amelia', pers_dob: '2015-03-04' },
    ]);
  });

  it('--replace removes rows absent from a supplied file, and leaves other tables alone', async () => {
    await run(baseExtract());
    const dir = writeExtract({ 'ssd_cp_plans.csv': cpPlans.slice(0, 2) });
    const report = await run(dir, { replace: true });
    expect(report.files[0]).toMatchObject({ table: 'ssd_cp_plans', removed: 1, unchanged: 1 });
    expect(await test.database.query('SELECT cppl_cp_plan_id FROM ssd_cp_plans')).toEqual([{ cppl_cp_plan_id: 'P1' }]);
    expect(await test.database.query('SELECT count(*)::int AS n FROM ssd_person')).toEqual([{ n: 3 }]);
  });

  it('--replace refuses to leave stored rows pointing at removed ones', async () => {
    await run(baseExtract());
    const before = await snapshot(test.database);
    const dir = writeExtract({ 'ssd_person.csv': person.filter((line) => !line.startsWith('C1,')) });
    expect(await problemsOf(dir, { replace: true })).toEqual([
      "ssd_cp_plans (stored row P1): cppl_person_id: refers to 'C1', which --replace removes (absent from ssd_person.csv); supply ssd_cp_plans.csv too",
      "cb_relationship (stored row R1): rela_child_person_id: refers to 'C1', which --replace removes (absent from ssd_person.csv); supply cb_relationship.csv too",
    ]);
    expect(await snapshot(test.database)).toEqual(before);
  });
});
