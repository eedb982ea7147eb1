// Dual status end to end (rules.md, "Dual status"; readings in docs/dual-status.md): a hand-made
// extract goes through the real import, and `dualStatusOutcome`, the schedule's DUAL_STATUS_*
// due dates and each CP plan's `nextReviewDue` come back over real HTTP. One case per rule or
// pathway, named by its rule id; every expected date is worked out in a comment.
//
// Unless a case says otherwise, a child is on a CP plan from Wed 1 Feb 2023 and becomes looked
// after on Thu 13 Apr 2023 (after Easter: Good Friday 7 Apr and Easter Monday 10 Apr 2023).
// Initial CiC (dual process) review = CIC-REVIEW-1: 20 working days after Thu 13 Apr 2023 (the
// day itself not counted): 14 Apr (1), 17–21 Apr (2–6), 24–28 Apr (7–11), [Mon 1 May bank
// holiday], 2–5 May (12–15), [Mon 8 May bank holiday, the coronation], 9–12 May (16–19),
// Mon 15 May (20) → Mon 15 May 2023.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../src/import/import-folder.js';
import { writeExtract } from './support/extract.js';
import { startTestService, type TestService } from './support/service.js';

const planStart = '2023-02-01';
const careStart = '2023-04-13';
const initialReview = '2023-05-15';

interface ChildSpec {
  id: string;
  forename: string;
  /** Legal statuses in order: code, start, end. */
  statuses: [string, string, string?][];
  planEnd?: string;
  /** CiC reviews held. */
  reviews?: string[];
}

// Synthetic children. Each has one CP plan (CP-<id>) and one period of care (POC-<id>).
const children: ChildSpec[] = [
  // DS-ICO: interim care order from the day care starts; the CP plan ends Fri 5 May 2023.
  { id: 'ICO', forename: 'Ada', statuses: [['C1', careStart]], planEnd: '2023-05-05' },
  // CARE_ORDER: a full care order (C2) from the day care starts.
  { id: 'CO', forename: 'Bram', statuses: [['C2', careStart]] },
  // DS-S20: S.20, no pre-proceedings.
  { id: 'S20', forename: 'Cora', statuses: [['V2', careStart]] },
  // DS-S20-PLO: S.20 with pre-proceedings decided on 20 Mar 2023 and still open.
  { id: 'PLO', forename: 'Dion', statuses: [['V2', careStart]] },
  // DS-INITIAL-REVIEW: S.20, the initial review held on its due date, one recommendation each (none for IR0).
  { id: 'IR-END', forename: 'Elin', statuses: [['V2', careStart]], reviews: [initialReview] },
  { id: 'IR-KEEP', forename: 'Fenn', statuses: [['V2', careStart]], reviews: [initialReview] },
  { id: 'IR-UNTIL', forename: 'Gwen', statuses: [['V2', careStart]], reviews: [initialReview] },
  { id: 'IR0', forename: 'Huw', statuses: [['V2', careStart]], reviews: [initialReview] },
  // DS-UNTIL-ORDER: S.20, "until legal order" at the initial review; a care order (C2) is made Mon 3 Jul 2023.
  { id: 'UNTIL', forename: 'Ines', statuses: [['V2', careStart, '2023-07-03'], ['C2', '2023-07-03']], reviews: [initialReview] },
  // DS-NO-CONFERENCE: S.20; CP-RCPC-1 would be due before care starts.
  { id: 'NOCONF', forename: 'Jory', statuses: [['V2', careStart]], reviews: [initialReview] },
  // DS-BEYOND-3-MONTHS: S.20, the initial review held 15 May, the three-month review held Mon 14 Aug 2023.
  { id: 'BEYOND', forename: 'Kit', statuses: [['V2', careStart]], reviews: [initialReview, '2023-08-14'] },
  // DS-DISAGREEMENT: S.20, IRO and CP co-ordinator disagree at the initial review.
  { id: 'DISAGREE', forename: 'Lior', statuses: [['V2', careStart]], reviews: [initialReview] },
  // Short breaks: V3 then V4 (never dual status); and V3 then S.20 from Thu 1 Jun 2023.
  { id: 'SB', forename: 'Mael', statuses: [['V3', careStart, '2023-06-01'], ['V4', '2023-06-01']] },
  { id: 'SB-S20', forename: 'Nia', statuses: [['V3', careStart, '2023-06-01'], ['V2', '2023-06-01']] },
];

const extract = {
  'ssd_person.csv': ['pers_person_id,pers_forename,pers_surname,pers_dob', ...children.map((c) => `${c.id},${c.forename},Dualtest,2015-06-06`)],
  'ssd_cp_plans.csv': [
    'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
    ...children.map((c) => `CP-${c.id},${c.id},${planStart},${c.planEnd ?? ''}`),
  ],
  'ssd_cla_episodes.csv': [
    'clae_cla_episode_id,clae_person_id,clae_cla_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_entered_care_date',
    ...children.map((c) => `E-${c.id},${c.id},POC-${c.id},${careStart},,${careStart}`),
  ],
  'ssd_legal_status.csv': [
    'lega_legal_status_id,lega_person_id,lega_legal_status,lega_legal_status_start_date,lega_legal_status_end_date',
    ...children.flatMap((c) => c.statuses.map(([code, start, end], i) => `L-${c.id}-${i},${c.id},${code},${start},${end ?? ''}`)),
  ],
  'ssd_cla_reviews.csv': [
    'clar_cla_review_id,clar_cla_id,clar_cla_review_due_date,clar_cla_review_date',
    ...children.flatMap((c) => (c.reviews ?? []).map((held, i) => `RV-${c.id}-${i},POC-${c.id},,${held}`)),
  ],
  'ssd_pre_proceedings.csv': ['prep_table_id,prep_person_id,prep_pre_pro_decision_date,prep_pre_pro_outcome,prep_agree_stepdown_issue_date', 'PP-PLO,PLO,2023-03-20,,'],
  'cb_dual_status_decision.csv': [
    'dsde_decision_id,dsde_child_person_id,dsde_cp_plan_id,dsde_review_date,dsde_recommendation,dsde_agencies_notified_date,dsde_disagreement',
    // A letter-only row: agencies written to on Thu 4 May 2023.
    'D-ICO,ICO,CP-ICO,,,2023-05-04,N',
    `D-IR-END,IR-END,CP-IR-END,${initialReview},END_CP_PLAN,,N`,
    `D-IR-KEEP,IR-KEEP,CP-IR-KEEP,${initialReview},MAINTAIN_CP_PLAN,,N`,
    `D-IR-UNTIL,IR-UNTIL,CP-IR-UNTIL,${initialReview},MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER,,N`,
    `D-UNTIL,UNTIL,CP-UNTIL,${initialReview},MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER,,N`,
    // The letter after the order is made: Thu 6 Jul 2023.
    'D-UNTIL-LETTER,UNTIL,CP-UNTIL,,,2023-07-06,N',
    `D-NOCONF,NOCONF,CP-NOCONF,${initialReview},MAINTAIN_CP_PLAN,,N`,
    `D-BEYOND-1,BEYOND,CP-BEYOND,${initialReview},MAINTAIN_CP_PLAN,,N`,
    'D-BEYOND-2,BEYOND,CP-BEYOND,2023-08-14,MAINTAIN_CP_PLAN,,N',
    `D-DISAGREE,DISAGREE,CP-DISAGREE,${initialReview},MAINTAIN_CP_PLAN,,Y`,
  ],
  // Dual-status discussions are in this extract, so whether they were held is known.
  'cb_meeting.csv': [
    'meet_meeting_id,meet_person_id,meet_kind,meet_subject_id,meet_date',
    'M-PLO,PLO,DUAL_STATUS_DISCUSSION,CP-PLO,2023-05-17',
    'M-BEYOND,BEYOND,DUAL_STATUS_DISCUSSION,POC-BEYOND,2023-10-02',
  ],
};

let api: TestService;
let icoOnly: TestService;

beforeAll(async () => {
  const dir = writeExtract(extract);
  const policyFile = path.join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ rules: { 'DS-ICO': { applies: true, includesCareOrder: false } } }));
  [api, icoOnly] = await Promise.all([startTestService(), startTestService({ CAREBRIDGE_POLICY_FILE: policyFile })]);
  for (const service of [api, icoOnly]) {
    const report = await importFolder(service.service.database, { dir, labels: service.config.labels });
    expect(report.ok, JSON.stringify(report)).toBe(true);
  }
}, 60_000);
afterAll(async () => Promise.all([api?.close(), icoOnly?.close()]));

interface Due {
  kind: string;
  dueOn: string;
  ruleId: string;
  basis: string;
  overdue: boolean;
  completionKnown: boolean;
  subjectId: string | null;
}
interface Outcome {
  state: string;
  isDualStatus: boolean;
  since: string | null;
  pathway: string | null;
  initialReviewDue: string | null;
  recommendation: string | null;
  challengeWindowEndsOn: string | null;
  exceptional: boolean;
  escalated: boolean;
  requiredActions: { description: string; dueOn: string | null; ruleId: string }[];
  ruleIds: string[];
}
interface Child {
  dualStatusOutcome: Outcome;
  schedule: Due[];
  childProtectionPlans: { id: string; nextReviewDue: Pick<Due, 'kind' | 'dueOn' | 'ruleId' | 'subjectId'> | null }[];
}

const query = `query ($id: ID!, $asOf: Date) {
  child(id: $id, asOf: $asOf) {
    dualStatusOutcome {
      state isDualStatus since pathway initialReviewDue recommendation challengeWindowEndsOn exceptional escalated
      requiredActions { description dueOn ruleId }
      ruleIds
    }
    schedule { kind dueOn ruleId basis overdue completionKnown subjectId }
    childProtectionPlans { id nextReviewDue { kind dueOn ruleId subjectId } }
  }
}`;

async function childOn(id: string, asOf: string, service: TestService = api): Promise<Child> {
  const response = await service.query<{ child: Child }>(query, { id, asOf });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.child;
}

/** Required actions as "ruleId dueOn", in the order returned (by due date). */
const actions = (outcome: Outcome) => outcome.requiredActions.map((a) => `${a.ruleId} ${a.dueOn}`);
/** The DUAL_STATUS_* due dates of the schedule. */
const dualDues = (schedule: Due[]) => schedule.filter((d) => d.kind.startsWith('DUAL_STATUS_'));
const conferences = (schedule: Due[]) => schedule.filter((d) => d.kind === 'CP_REVIEW_CONFERENCE');
const noConference = ['DS-NO-CONFERENCE', 'CP-DUAL-NO-CONFERENCE'];

describe('pathways', () => {
  // Interim care order from Thu 13 Apr 2023: the CP plan ends (from the order's start, 13 Apr).
  // Letter to agencies Thu 4 May 2023 → challenge until 10 working days later: 5 May (1),
  // [Mon 8 May bank holiday], 9–12 May (2–5), 15–19 May (6–10) → Fri 19 May 2023.
  // The plan's end is recorded Fri 5 May: isDualStatus false, state kept until 19 May, then gone.
  it('DS-ICO: CP plan ends, letter on Thu 4 May 2023 → challenge window ends Fri 19 May 2023 (Mon 8 May a bank holiday); gone after it', async () => {
    const before = (await childOn('ICO', '2023-04-20')).dualStatusOutcome;
    expect(before).toMatchObject({
      state: 'CP_PLAN_ENDS',
      isDualStatus: true,
      since: careStart,
      pathway: 'INTERIM_CARE_ORDER',
      initialReviewDue: initialReview,
      recommendation: null,
      challengeWindowEndsOn: null,
      exceptional: false,
      escalated: false,
    });
    // Admin ends the plan, and writes to the agencies: both due from the order's start.
    expect(actions(before)).toEqual(['DS-ICO 2023-04-13', 'DS-ICO 2023-04-13']);
    expect([...before.ruleIds].sort()).toEqual(['CP-DUAL-NO-CONFERENCE', 'DS-ICO', 'DS-INITIAL-REVIEW', 'DS-NO-CONFERENCE']);

    const letterSent = await childOn('ICO', '2023-05-10');
    expect(letterSent.dualStatusOutcome).toMatchObject({
      state: 'CP_PLAN_ENDS',
      isDualStatus: false,
      pathway: 'INTERIM_CARE_ORDER',
      challengeWindowEndsOn: '2023-05-19',
      requiredActions: [],
      ruleIds: ['DS-ICO'],
    });
    expect(dualDues(letterSent.schedule)).toEqual([
      { kind: 'DUAL_STATUS_CHALLENGE_WINDOW_ENDS', dueOn: '2023-05-19', ruleId: 'DS-ICO', basis: 'LOCAL', overdue: false, completionKnown: true, subjectId: 'CP-ICO' },
    ]);

    // The last day agencies may challenge: still listed, never overdue.
    const lastDay = await childOn('ICO', '2023-05-19');
    expect(lastDay.dualStatusOutcome.challengeWindowEndsOn).toBe('2023-05-19');
    expect(dualDues(lastDay.schedule).map((d) => [d.dueOn, d.overdue])).toEqual([['2023-05-19', false]]);

    const after = await childOn('ICO', '2023-05-22');
    expect(after.dualStatusOutcome).toMatchObject({ state: 'NOT_DUAL_STATUS', isDualStatus: false, pathway: null, challengeWindowEndsOn: null, requiredActions: [], ruleIds: [] });
    expect(dualDues(after.schedule)).toEqual([]);
  });

  it('DS-ICO on the CARE_ORDER pathway: a full care order (C2) from Thu 13 Apr 2023 ends the CP plan by default; with includesCareOrder off the initial review decides', async () => {
    const outcome = (await childOn('CO', '2023-04-20')).dualStatusOutcome;
    expect(outcome).toMatchObject({ state: 'CP_PLAN_ENDS', isDualStatus: true, since: careStart, pathway: 'CARE_ORDER', initialReviewDue: initialReview, challengeWindowEndsOn: null });
    // No letter recorded: both DS-ICO actions are due from the order's start.
    expect(actions(outcome)).toEqual(['DS-ICO 2023-04-13', 'DS-ICO 2023-04-13']);
    expect(outcome.ruleIds).toContain('DS-ICO');

    // Policy: DS-ICO names only the ICO → awaiting the initial review (due Mon 15 May 2023), no pathway rule.
    const icoOnlyOutcome = (await childOn('CO', '2023-04-20', icoOnly)).dualStatusOutcome;
    expect(icoOnlyOutcome).toMatchObject({ state: 'AWAITING_INITIAL_REVIEW', isDualStatus: true, pathway: 'CARE_ORDER', initialReviewDue: initialReview });
    expect(actions(icoOnlyOutcome)).toEqual(['DS-INITIAL-REVIEW 2023-05-15']);
    expect(icoOnlyOutcome.ruleIds).not.toContain('DS-ICO');
    // The ICO itself still follows DS-ICO under that policy.
    expect((await childOn('ICO', '2023-04-20', icoOnly)).dualStatusOutcome.state).toBe('CP_PLAN_ENDS');
  });

  it('DS-S20: S.20 without pre-proceedings → awaiting the initial review (Mon 15 May 2023); consent risk considered by then', async () => {
    const child = await childOn('S20', '2023-04-20');
    expect(child.dualStatusOutcome).toMatchObject({
      state: 'AWAITING_INITIAL_REVIEW',
      isDualStatus: true,
      since: careStart,
      pathway: 'SECTION_20',
      initialReviewDue: initialReview,
      recommendation: null,
      challengeWindowEndsOn: null,
      exceptional: false,
      escalated: false,
    });
    expect([...actions(child.dualStatusOutcome)].sort()).toEqual(['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20 2023-05-15']);
    expect([...child.dualStatusOutcome.ruleIds].sort()).toEqual(['CP-DUAL-NO-CONFERENCE', 'DS-INITIAL-REVIEW', 'DS-NO-CONFERENCE', 'DS-S20']);
    expect(dualDues(child.schedule)).toEqual([]);
  });

  // Pre-proceedings decided Mon 20 Mar 2023, no outcome: open. The pre-review discussion is due
  // on the initial review's due date, Mon 15 May 2023; overdue on 16 May; held Wed 17 May.
  it('DS-S20-PLO: S.20 with open pre-proceedings → DUAL_STATUS_DISCUSSION due Mon 15 May 2023 and a required action; overdue on 16 May; gone once held on 17 May', async () => {
    const child = await childOn('PLO', '2023-04-20');
    expect(child.dualStatusOutcome).toMatchObject({ state: 'AWAITING_INITIAL_REVIEW', isDualStatus: true, pathway: 'SECTION_20_PLO', initialReviewDue: initialReview });
    expect([...actions(child.dualStatusOutcome)].sort()).toEqual(['DS-INITIAL-REVIEW 2023-05-15', 'DS-S20-PLO 2023-05-15']);
    expect(child.dualStatusOutcome.ruleIds).toContain('DS-S20-PLO');
    expect(child.dualStatusOutcome.ruleIds).not.toContain('DS-S20');
    expect(dualDues(child.schedule)).toEqual([
      { kind: 'DUAL_STATUS_DISCUSSION', dueOn: '2023-05-15', ruleId: 'DS-S20-PLO', basis: 'LOCAL', overdue: false, completionKnown: true, subjectId: 'CP-PLO' },
    ]);

    expect(dualDues((await childOn('PLO', '2023-05-16')).schedule).map((d) => [d.ruleId, d.dueOn, d.overdue])).toEqual([['DS-S20-PLO', '2023-05-15', true]]);

    const held = await childOn('PLO', '2023-05-18');
    expect(dualDues(held.schedule)).toEqual([]);
    expect(actions(held.dualStatusOutcome)).toEqual(['DS-INITIAL-REVIEW 2023-05-15']);
  });
});

describe('the initial review and after', () => {
  // Initial review due Mon 15 May 2023 (= CIC-REVIEW-1, header); each child's review held that day.
  it('DS-INITIAL-REVIEW: due on the CIC-REVIEW-1 date; each recommendation sets the state from the review date', async () => {
    const before = await api.query<{ child: Child & { periodsOfCare: { nextReviewDue: Due }[] } }>(
      `{ child(id: "IR-KEEP", asOf: "2023-05-12") { dualStatusOutcome { state initialReviewDue recommendation requiredActions { dueOn ruleId } } periodsOfCare { nextReviewDue { dueOn ruleId } } } }`,
    );
    const beforeChild = before.body.data!.child;
    expect(beforeChild.periodsOfCare[0]!.nextReviewDue).toEqual({ dueOn: '2023-05-15', ruleId: 'CIC-REVIEW-1' });
    expect(beforeChild.dualStatusOutcome).toMatchObject({ state: 'AWAITING_INITIAL_REVIEW', initialReviewDue: '2023-05-15', recommendation: null });

    const end = (await childOn('IR-END', '2023-05-16')).dualStatusOutcome;
    // S.20 END_CP_PLAN: decided in the meeting, admin ends the plan from the review date; no letter, no window.
    expect(end).toMatchObject({ state: 'CP_PLAN_TO_END', isDualStatus: true, recommendation: 'END_CP_PLAN', initialReviewDue: initialReview, challengeWindowEndsOn: null });
    expect(actions(end)).toEqual(['DS-INITIAL-REVIEW 2023-05-15']);

    const keep = (await childOn('IR-KEEP', '2023-05-16')).dualStatusOutcome;
    expect(keep).toMatchObject({ state: 'CP_PLAN_MAINTAINED', isDualStatus: true, recommendation: 'MAINTAIN_CP_PLAN', initialReviewDue: initialReview });
    expect(keep.requiredActions).toEqual([]);
    expect([...keep.ruleIds].sort()).toEqual(['CP-DUAL-NO-CONFERENCE', 'DS-INITIAL-REVIEW', 'DS-NO-CONFERENCE', 'DS-S20']);

    const until = (await childOn('IR-UNTIL', '2023-05-16')).dualStatusOutcome;
    expect(until).toMatchObject({ state: 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER', recommendation: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER' });
    expect(until.requiredActions).toEqual([]);
    expect(until.ruleIds).toContain('DS-UNTIL-ORDER');

    // Review held with no decision row: still awaiting the recommendation; the IRO must record the outcome (due the review date).
    const noDecision = (await childOn('IR0', '2023-05-16')).dualStatusOutcome;
    expect(noDecision).toMatchObject({ state: 'AWAITING_INITIAL_REVIEW', recommendation: null });
    expect(actions(noDecision)).toEqual(['DS-INITIAL-REVIEW 2023-05-15']);
  });

  // "Until legal order" at the review on 15 May; a care order (C2) from Mon 3 Jul 2023 is the order.
  // Letter Thu 6 Jul 2023 → 10 working days: 7 Jul (1), 10–14 Jul (2–6), 17–20 Jul (7–10) → Thu 20 Jul 2023.
  it('DS-UNTIL-ORDER: care order made Mon 3 Jul 2023 → CP_PLAN_TO_END_ORDER_MADE; letter Thu 6 Jul → challenge until Thu 20 Jul', async () => {
    const waiting = (await childOn('UNTIL', '2023-06-30')).dualStatusOutcome;
    expect(waiting).toMatchObject({ state: 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER', pathway: 'SECTION_20', requiredActions: [] });

    const made = await childOn('UNTIL', '2023-07-05');
    expect(made.dualStatusOutcome).toMatchObject({
      state: 'CP_PLAN_TO_END_ORDER_MADE',
      isDualStatus: true,
      recommendation: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER',
      challengeWindowEndsOn: null,
    });
    // Social worker notifies, and the letter to agencies: both from the order's start.
    expect(actions(made.dualStatusOutcome)).toEqual(['DS-UNTIL-ORDER 2023-07-03', 'DS-UNTIL-ORDER 2023-07-03']);
    expect(made.dualStatusOutcome.ruleIds).toContain('DS-UNTIL-ORDER');
    expect(dualDues(made.schedule)).toEqual([]);

    const letter = await childOn('UNTIL', '2023-07-07');
    expect(letter.dualStatusOutcome).toMatchObject({ state: 'CP_PLAN_TO_END_ORDER_MADE', challengeWindowEndsOn: '2023-07-20' });
    expect(actions(letter.dualStatusOutcome)).toEqual(['DS-UNTIL-ORDER 2023-07-03']);
    expect(dualDues(letter.schedule)).toEqual([
      { kind: 'DUAL_STATUS_CHALLENGE_WINDOW_ENDS', dueOn: '2023-07-20', ruleId: 'DS-UNTIL-ORDER', basis: 'LOCAL', overdue: false, completionKnown: true, subjectId: 'CP-UNTIL' },
    ]);
  });

  // Plan from Wed 1 Feb 2023 with no ICPC: CP-RCPC-1 3 months later → Mon 1 May 2023 (a bank
  // holiday, not moved: month counts). Dual status from Thu 13 Apr: the plan's next review is
  // the next CiC review, Mon 15 May 2023; after it is held, CIC-REVIEW-2 3 months on → Tue 15 Aug 2023.
  it('DS-NO-CONFERENCE / CP-DUAL-NO-CONFERENCE: the CP plan\'s next review is the next CiC review, and no review conference while dual status', async () => {
    const notYet = await childOn('NOCONF', '2023-04-12');
    expect(notYet.dualStatusOutcome.state).toBe('NOT_DUAL_STATUS');
    expect(notYet.childProtectionPlans).toEqual([
      { id: 'CP-NOCONF', nextReviewDue: { kind: 'CP_REVIEW_CONFERENCE', dueOn: '2023-05-01', ruleId: 'CP-RCPC-1', subjectId: 'CP-NOCONF' } },
    ]);
    expect(conferences(notYet.schedule).map((d) => `${d.ruleId} ${d.dueOn}`)).toEqual(['CP-RCPC-1 2023-05-01']);

    const dual = await childOn('NOCONF', '2023-04-20');
    expect(dual.childProtectionPlans).toEqual([
      { id: 'CP-NOCONF', nextReviewDue: { kind: 'CIC_REVIEW', dueOn: '2023-05-15', ruleId: 'CP-DUAL-NO-CONFERENCE', subjectId: 'CP-NOCONF' } },
    ]);
    expect(conferences(dual.schedule)).toEqual([]);
    expect(dual.dualStatusOutcome.ruleIds).toEqual(expect.arrayContaining(noConference));

    const afterReview = await childOn('NOCONF', '2023-05-20');
    expect(afterReview.childProtectionPlans[0]!.nextReviewDue).toEqual({ kind: 'CIC_REVIEW', dueOn: '2023-08-15', ruleId: 'CP-DUAL-NO-CONFERENCE', subjectId: 'CP-NOCONF' });
    expect(conferences(afterReview.schedule)).toEqual([]);
  });

  // Reviews held Mon 15 May and Mon 14 Aug 2023 (the three-month review). Exceptional from 14 Aug;
  // the next CiC review is CIC-REVIEW-N, 6 months after 14 Aug → Wed 14 Feb 2024, and the
  // oversight discussion is due then; held Mon 2 Oct 2023 (subject: the period of care).
  it('DS-BEYOND-3-MONTHS: exceptional only once the second CiC review is held (14 Aug 2023); discussion due Wed 14 Feb 2024 until held', async () => {
    const beforeSecond = await childOn('BEYOND', '2023-08-13');
    expect(beforeSecond.dualStatusOutcome).toMatchObject({ state: 'CP_PLAN_MAINTAINED', isDualStatus: true, exceptional: false });
    expect(beforeSecond.dualStatusOutcome.ruleIds).not.toContain('DS-BEYOND-3-MONTHS');
    expect(dualDues(beforeSecond.schedule)).toEqual([]);

    const held = await childOn('BEYOND', '2023-08-14');
    expect(held.dualStatusOutcome).toMatchObject({ state: 'CP_PLAN_MAINTAINED', exceptional: true });
    expect(held.dualStatusOutcome.ruleIds).toContain('DS-BEYOND-3-MONTHS');
    expect(actions(held.dualStatusOutcome)).toEqual(['DS-BEYOND-3-MONTHS 2024-02-14']);
    expect(dualDues(held.schedule)).toEqual([
      { kind: 'DUAL_STATUS_DISCUSSION', dueOn: '2024-02-14', ruleId: 'DS-BEYOND-3-MONTHS', basis: 'LOCAL', overdue: false, completionKnown: true, subjectId: 'CP-BEYOND' },
    ]);
    expect(held.childProtectionPlans[0]!.nextReviewDue).toMatchObject({ kind: 'CIC_REVIEW', dueOn: '2024-02-14', ruleId: 'CP-DUAL-NO-CONFERENCE' });

    const discussed = await childOn('BEYOND', '2023-10-03');
    expect(discussed.dualStatusOutcome).toMatchObject({ exceptional: true, requiredActions: [] });
    expect(dualDues(discussed.schedule)).toEqual([]);
  });

  it('DS-DISAGREEMENT: the IRO and CP co-ordinator disagree at the review on Mon 15 May 2023 → escalated, referral due that day', async () => {
    expect((await childOn('DISAGREE', '2023-05-14')).dualStatusOutcome).toMatchObject({ escalated: false, state: 'AWAITING_INITIAL_REVIEW' });

    const outcome = (await childOn('DISAGREE', '2023-05-16')).dualStatusOutcome;
    expect(outcome).toMatchObject({ state: 'CP_PLAN_MAINTAINED', escalated: true, recommendation: 'MAINTAIN_CP_PLAN' });
    expect(actions(outcome)).toEqual(['DS-DISAGREEMENT 2023-05-15']);
    expect(outcome.ruleIds).toContain('DS-DISAGREEMENT');
  });
});

describe('short breaks', () => {
  it('short breaks (V3, then V4) never make a child on a CP plan dual status: the review conference stands', async () => {
    for (const asOf of ['2023-04-20', '2023-06-05']) {
      const child = await childOn('SB', asOf);
      expect(child.dualStatusOutcome).toMatchObject({ state: 'NOT_DUAL_STATUS', isDualStatus: false, since: null, pathway: null, requiredActions: [], ruleIds: [] });
      expect(dualDues(child.schedule)).toEqual([]);
      expect(child.childProtectionPlans[0]!.nextReviewDue).toMatchObject({ kind: 'CP_REVIEW_CONFERENCE', ruleId: 'CP-RCPC-1', dueOn: '2023-05-01' });
    }
  });

  it('short breaks (V3) then S.20 from Thu 1 Jun 2023: dual status since the day the short breaks ended', async () => {
    expect((await childOn('SB-S20', '2023-05-31')).dualStatusOutcome.state).toBe('NOT_DUAL_STATUS');
    const after = (await childOn('SB-S20', '2023-06-02')).dualStatusOutcome;
    expect(after).toMatchObject({ state: 'AWAITING_INITIAL_REVIEW', isDualStatus: true, since: '2023-06-01', pathway: 'SECTION_20' });
  });
});
