// The rule catalogue: every rule of ../shared/domain/rules.md, by its stable id. Due dates and
// outcomes name the rule that produced them (`ruleId`, `basis`); docs/rules.md is generated
// from this registry (`npm run rules:doc`) and test/rules.test.ts checks it against rules.md.
//
// The "Conventions" section and the readings paragraphs of rules.md (e.g. the dual-status
// readings) are not rules with ids and are not listed here.
//
// Basis: the CP, CiN and CiC tables give it. The DS table gives none; its section names
// source 000, a local practice guide, so DS-* rules are LOCAL. The PR and CL tables give none
// either: a rule citing an Act or Regulations is STATUTORY, a rule whose only source is a local
// guidance document (000 or 002) is LOCAL.
//
// Statutory rules cannot be switched off; local rules are defaults an authority can change in
// its policy configuration (`switchable`).

export type RuleBasis = 'STATUTORY' | 'LOCAL';

/** The module a rule lives in. */
export type RuleArea =
  | 'calendar'
  | 'child-protection'
  | 'child-in-need'
  | 'child-in-care'
  | 'dual-status'
  | 'parental-responsibility'
  | 'care-leavers';

export const ruleAreas: readonly RuleArea[] = [
  'calendar',
  'child-protection',
  'child-in-need',
  'child-in-care',
  'dual-status',
  'parental-responsibility',
  'care-leavers',
];

interface RuleFields {
  readonly id: string;
  /** The rule in plain English, as in rules.md. */
  readonly statement: string;
  /** rules.md's source column, with the seed guidance documents named. */
  readonly source: string;
  readonly area: RuleArea;
}

export type Rule =
  | (RuleFields & { readonly basis: 'STATUTORY'; readonly switchable: false })
  | (RuleFields & { readonly basis: 'LOCAL'; readonly switchable: true });

const seed000 = 'Local dual-status practice guide (seed 000)';
const seed002 = 'Local guide to social care for EHC teams (seed 002)';
const healthGuidance = 'Promoting the health and well-being of looked-after children (2015)';

export const rules = {
  // Child protection (CP)
  'CP-ICPC': {
    id: 'CP-ICPC',
    statement:
      'Initial child protection conference within 15 working days of the strategy discussion that started the S.47 enquiry (the S.47 start date when no strategy date is held)',
    basis: 'STATUTORY',
    switchable: false,
    source: 'Working Together to Safeguard Children 2023',
    area: 'child-protection',
  },
  'CP-S47': {
    id: 'CP-S47',
    statement: 'S.47 enquiry completed within 10 days of starting (source says "10 days"; default reads calendar days)',
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'child-protection',
  },
  'CP-CORE-GROUP': {
    id: 'CP-CORE-GROUP',
    statement: 'First core group meeting within 10 working days of the ICPC',
    basis: 'STATUTORY',
    switchable: false,
    source: 'Working Together 2023',
    area: 'child-protection',
  },
  'CP-RCPC-1': {
    id: 'CP-RCPC-1',
    statement: 'First review conference within 3 months of the ICPC',
    basis: 'STATUTORY',
    switchable: false,
    source: 'Working Together 2023',
    area: 'child-protection',
  },
  'CP-RCPC-N': {
    id: 'CP-RCPC-N',
    statement: 'Later review conferences within 6 months of the previous one',
    basis: 'STATUTORY',
    switchable: false,
    source: 'Working Together 2023',
    area: 'child-protection',
  },
  'CP-DUAL-NO-CONFERENCE': {
    id: 'CP-DUAL-NO-CONFERENCE',
    statement:
      "While a child is dual status, no CP conference is held: the CP plan's next review is the child's next CiC review. It replaces CP-RCPC-1/N. If dual status ends with the CP plan still open, the next review conference is due within 6 months of the last review meeting (conference or dual-process CiC review) — Carebridge's reading",
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'child-protection',
  },

  // Child in need (CiN) and assessment
  'CIN-ASSESSMENT': {
    id: 'CIN-ASSESSMENT',
    statement:
      'Assessment completed within 45 working days of the referral (the DfE census measures duration from the assessment start instead; BI measures say which)',
    basis: 'STATUTORY',
    switchable: false,
    source: 'Working Together 2023',
    area: 'child-in-need',
  },
  'CIN-ASSESSMENT-LOCAL': {
    id: 'CIN-ASSESSMENT-LOCAL',
    statement: 'Single assessment completed within 35 days of the referral (default reads calendar days)',
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'child-in-need',
  },
  'CIN-PLAN-REVIEW-1': {
    id: 'CIN-PLAN-REVIEW-1',
    statement: 'Initial CiN plan reviewed within 4 weeks of being issued',
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'child-in-need',
  },
  'CIN-PLAN-REVIEW-N': {
    id: 'CIN-PLAN-REVIEW-N',
    // rules.md: "Then at least every 3 months", following CIN-PLAN-REVIEW-1.
    statement: 'After the initial review, the CiN plan is reviewed at least every 3 months',
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'child-in-need',
  },
  'CIN-PLAN-TM-CHAIR': {
    id: 'CIN-PLAN-TM-CHAIR',
    statement: 'A CiN plan open more than 6 months has its reviews chaired by a team manager (flag)',
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'child-in-need',
  },

  // Child in care (CiC, looked after)
  'CIC-REVIEW-1': {
    id: 'CIC-REVIEW-1',
    statement:
      'First review within 20 working days of the date the child became looked after (start of the period of care)',
    basis: 'STATUTORY',
    switchable: false,
    source: `Care Planning, Placement and Case Review (England) Regulations 2010, reg 33; ${seed000}`,
    area: 'child-in-care',
  },
  'CIC-REVIEW-2': {
    id: 'CIC-REVIEW-2',
    statement: 'Second review within 3 months of the first',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 33',
    area: 'child-in-care',
  },
  'CIC-REVIEW-N': {
    id: 'CIC-REVIEW-N',
    statement: 'Later reviews within 6 months of the previous (seed 002: "twice yearly")',
    basis: 'STATUTORY',
    switchable: false,
    source: `reg 33; ${seed002}`,
    area: 'child-in-care',
  },
  'CIC-CARE-PLAN': {
    id: 'CIC-CARE-PLAN',
    statement: 'Care plan before the first placement, or within 10 working days of it',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 4',
    area: 'child-in-care',
  },
  'CIC-VISIT-FIRST': {
    id: 'CIC-VISIT-FIRST',
    statement: 'Social worker visit within 1 week of the start of a placement (and of each change)',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 28',
    area: 'child-in-care',
  },
  'CIC-VISIT-YEAR-1': {
    id: 'CIC-VISIT-YEAR-1',
    // rules.md: "Then at intervals of …", following CIC-VISIT-FIRST.
    statement: 'After the first visit, visits at intervals of at most 6 weeks in the first year of the placement',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 28',
    area: 'child-in-care',
  },
  'CIC-VISIT-LATER': {
    id: 'CIC-VISIT-LATER',
    statement:
      'After the first year of the placement, visits at most 3 months apart where the placement is intended to last until 18, otherwise 6 weeks',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 28',
    area: 'child-in-care',
  },
  'CIC-VISIT-LONG-TERM-FOSTER': {
    id: 'CIC-VISIT-LONG-TERM-FOSTER',
    statement: 'Long-term foster placement, stable for a year, child agrees: visits at most 6 months apart',
    basis: 'STATUTORY',
    switchable: false,
    source: `reg 28; ${seed002}`,
    area: 'child-in-care',
  },
  'CIC-VISIT-WITH-PARENT': {
    id: 'CIC-VISIT-WITH-PARENT',
    statement:
      "Placed with a parent (placement type P1) before the parent's assessment is complete: visits weekly until the first review, then at most 6 weeks apart",
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 28(3)',
    area: 'child-in-care',
  },
  'CIC-VISIT-ICO-AT-HOME': {
    id: 'CIC-VISIT-ICO-AT-HOME',
    statement:
      'Interim care order and living with a parent, or temporary connected-person placement: visits weekly until the first review, then at most 4 weeks apart',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 28(4)',
    area: 'child-in-care',
  },
  'CIC-VISIT-CARE-ORDER-AT-HOME': {
    id: 'CIC-VISIT-CARE-ORDER-AT-HOME',
    statement: 'Care order and living with a parent: visit within 1 week of the order, then at most 6 weeks apart',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 28(5)',
    area: 'child-in-care',
  },
  'CIC-VISIT-AT-HOME': {
    id: 'CIC-VISIT-AT-HOME',
    statement: 'S.31 child living with parents: visits at least weekly',
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'child-in-care',
  },
  'CIC-HEALTH-INITIAL': {
    id: 'CIC-HEALTH-INITIAL',
    statement:
      'Initial health assessment before the first review: within 20 working days of becoming looked after, or by the first review if it is held earlier',
    basis: 'STATUTORY',
    switchable: false,
    source: `reg 7; ${healthGuidance}`,
    area: 'child-in-care',
  },
  'CIC-HEALTH-REVIEW': {
    id: 'CIC-HEALTH-REVIEW',
    statement:
      'Review health assessment every 6 months under age 5, every 12 months from age 5, counted from the last completed health assessment',
    basis: 'STATUTORY',
    switchable: false,
    // rules.md: "reg 7; same" (the same guidance as CIC-HEALTH-INITIAL), named here so the
    // source reads on its own.
    source: `reg 7; ${healthGuidance}`,
    area: 'child-in-care',
  },
  'CIC-HEALTH-LOCAL': {
    id: 'CIC-HEALTH-LOCAL',
    statement:
      'Nurse-led health check every 6 months whatever the age, counted from the last completed health assessment',
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'child-in-care',
  },
  'CIC-PEP': {
    id: 'CIC-PEP',
    statement:
      'Personal education plan reviewed every school term (one per term; default terms: autumn, spring, summer)',
    basis: 'STATUTORY',
    switchable: false,
    source:
      'Promoting the education of looked-after children (2018); termly review is universal in local guidance (text of the 2018 paragraphs not verified)',
    area: 'child-in-care',
  },
  'CIC-SHORT-BREAK-REVIEW': {
    id: 'CIC-SHORT-BREAK-REVIEW',
    statement:
      'A child looked after only for pre-planned short breaks (legal status V3/V4; reg 48): first review within 3 months of the first break of the series, then at most every 6 months. Replaces CIC-REVIEW-1/2/N; reg 7 health assessments and reg 28(2) visit intervals do not apply',
    basis: 'STATUTORY',
    switchable: false,
    source: 'reg 48',
    area: 'child-in-care',
  },

  // Dual status: a child on a CP plan who is also in care. rules.md's table has situation and
  // outcome columns and neither basis nor source: the section names source 000, a local
  // practice guide, so every DS rule is LOCAL (DS-INITIAL-REVIEW's date is CIC-REVIEW-1's,
  // which stays statutory).
  'DS-ICO': {
    id: 'DS-ICO',
    statement:
      "Interim care order (or ICO with s.38(6) directions); source 000 names only the ICO, Carebridge applies the same to a full care order (configurable): the CP plan ends. Agencies that attended the last CP conference are written to with the decision and the IRO's details, and have 10 working days from that letter to challenge",
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },
  'DS-S20': {
    id: 'DS-S20',
    statement:
      'Accommodated under S.20, no pre-proceedings (PLO): dual status may continue; the risk of a parent withdrawing consent is considered; decision at the initial CiC review',
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },
  'DS-S20-PLO': {
    id: 'DS-S20-PLO',
    statement:
      'S.20 and the plan is to start (or has started) PLO pre-proceedings: before the initial CiC review the CP chair, IRO and social worker / team manager must discuss care planning and the recommendation; the CP co-ordinator case-notes it',
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },
  'DS-INITIAL-REVIEW': {
    id: 'DS-INITIAL-REVIEW',
    statement:
      'Every dual-status child: initial CiC (dual process) review within 20 working days of care starting (= CIC-REVIEW-1). The IRO recommends END_CP_PLAN, MAINTAIN_CP_PLAN or MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER, then notifies the CP co-ordinator and the CP unit and case-notes it',
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },
  'DS-UNTIL-ORDER': {
    id: 'DS-UNTIL-ORDER',
    statement:
      'Recommendation was "until legal order" and the order is made: the social worker notifies the CP co-ordinator and IRO; the CP plan ends outside a meeting and agencies are written to',
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },
  'DS-NO-CONFERENCE': {
    id: 'DS-NO-CONFERENCE',
    statement:
      'While dual status lasts: no CP conference; the CiC review is the decision meeting (see CP-DUAL-NO-CONFERENCE)',
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },
  'DS-BEYOND-3-MONTHS': {
    id: 'DS-BEYOND-3-MONTHS',
    statement:
      'Dual status still open after the second CiC review (the three-month review) has been held: exceptional; flag for IRO oversight; before each later review the IRO, CP co-ordinator and team manager discuss whether dual status is still needed',
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },
  'DS-DISAGREEMENT': {
    id: 'DS-DISAGREEMENT',
    statement: 'IRO and CP co-ordinator disagree: escalate to the IRO team manager and the CP team manager',
    basis: 'LOCAL',
    switchable: true,
    source: seed000,
    area: 'dual-status',
  },

  // Parental responsibility (PR): no basis column. Citing the Children Act 1989, the HFEA 2008
  // or the Adoption and Children Act 2002 makes a rule STATUTORY ("s.…" cites the Children Act
  // 1989); PR-FOSTER and PR-NO-CONTACT cite only seed 002 and are LOCAL.
  'PR-MOTHER': {
    id: 'PR-MOTHER',
    statement: 'The birth mother always has PR (until an adoption order)',
    basis: 'STATUTORY',
    switchable: false,
    source: `Children Act 1989 s.2; ${seed002}`,
    area: 'parental-responsibility',
  },
  'PR-FATHER-MARRIED': {
    id: 'PR-FATHER-MARRIED',
    statement: 'A father married to the mother at the birth (or later) has PR',
    basis: 'STATUTORY',
    switchable: false,
    source: `s.2; ${seed002}`,
    area: 'parental-responsibility',
  },
  'PR-FATHER-REGISTERED': {
    id: 'PR-FATHER-REGISTERED',
    statement:
      "An unmarried father has PR if registered (or re-registered) on the birth certificate on or after 1 Dec 2003; with no registration date held, the child's date of birth stands in for it",
    basis: 'STATUTORY',
    switchable: false,
    source: `s.4(1)(a) in force 1 Dec 2003; ${seed002}`,
    area: 'parental-responsibility',
  },
  'PR-SECOND-PARENT': {
    id: 'PR-SECOND-PARENT',
    statement:
      'A second female parent has PR if married to or in a civil partnership with the mother at the time of treatment, or if registered on the birth certificate',
    basis: 'STATUTORY',
    switchable: false,
    source: 'HFEA 2008 s.42–43; CA 1989 s.2(1A), s.4ZA',
    area: 'parental-responsibility',
  },
  'PR-AGREEMENT-ORDER': {
    id: 'PR-AGREEMENT-ORDER',
    statement: 'Otherwise a father or step-parent gets PR by PR agreement or PR order',
    basis: 'STATUTORY',
    switchable: false,
    source: 's.4, s.4A',
    area: 'parental-responsibility',
  },
  'PR-CAO': {
    id: 'PR-CAO',
    statement:
      "A person named in a child arrangements order as someone the child lives with has PR while the order lasts (cannot change the child's surname)",
    basis: 'STATUTORY',
    switchable: false,
    source: `s.12; ${seed002}`,
    area: 'parental-responsibility',
  },
  'PR-SGO': {
    id: 'PR-SGO',
    statement:
      "A special guardian has PR that takes precedence over the parents' (parents keep theirs); the order ends at 18",
    basis: 'STATUTORY',
    switchable: false,
    source: `s.14C; ${seed002}`,
    area: 'parental-responsibility',
  },
  'PR-LA-CARE-ORDER': {
    id: 'PR-LA-CARE-ORDER',
    statement:
      'The local authority has PR while a care order or interim care order is in force (shared with parents), under a placement order, and while an emergency protection order it obtained lasts (L2); never under S.20 or police protection (L1)',
    basis: 'STATUTORY',
    switchable: false,
    source: `s.31(11), s.33, s.44(4)(c); ACA 2002 s.25; ${seed002}`,
    area: 'parental-responsibility',
  },
  'PR-ADOPTION': {
    id: 'PR-ADOPTION',
    statement:
      "An adoption order gives the adopters PR and ends everyone else's — except in a partner (step-parent) adoption, where the parent whose partner adopts keeps PR (cord_partner_person_id)",
    basis: 'STATUTORY',
    switchable: false,
    source: `Adoption and Children Act 2002 s.46(1)–(3); ${seed002}`,
    area: 'parental-responsibility',
  },
  'PR-FOSTER': {
    id: 'PR-FOSTER',
    statement: 'Foster carers never have PR; contact about the child goes through the named social worker',
    // Only source is local guidance (002): LOCAL.
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'parental-responsibility',
  },
  'PR-NO-CONTACT': {
    id: 'PR-NO-CONTACT',
    statement:
      "A parent keeps PR even when contact is stopped or the child's address must not be disclosed to them",
    // Only source is local guidance (002): LOCAL.
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'parental-responsibility',
  },
  'PR-ENDS': {
    id: 'PR-ENDS',
    statement:
      'PR is held only while the child is under 18 and the holder is alive (pers_death_date); only current holders are listed',
    basis: 'STATUTORY',
    switchable: false,
    source: 's.105, s.91',
    area: 'parental-responsibility',
  },

  // Care leavers (CL): no basis column; the same reading as PR.
  'CL-LEAVE-18': {
    id: 'CL-LEAVE-18',
    statement: 'Every child in care leaves care on the 18th birthday',
    // Only source is local guidance (002): LOCAL.
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'care-leavers',
  },
  'CL-ELIGIBLE': {
    id: 'CL-ELIGIBLE',
    statement:
      'Eligible child: aged 16–17, looked after now, and looked after for at least 13 weeks (91 days) in total since the 14th birthday, at least one day of it after the 16th birthday. Periods under V3/V4 (short breaks) do not count',
    basis: 'STATUTORY',
    switchable: false,
    source: 'Children Act 1989 Sch 2 para 19B; reg 40; operational test as SSDA903 validator rule 1001',
    area: 'care-leavers',
  },
  'CL-RELEVANT': {
    id: 'CL-RELEVANT',
    statement: 'Relevant child: aged 16–17, no longer looked after, and eligible when last looked after',
    basis: 'STATUTORY',
    switchable: false,
    source: 's.23A',
    area: 'care-leavers',
  },
  'CL-FORMER-RELEVANT': {
    id: 'CL-FORMER-RELEVANT',
    statement: 'Former relevant child: aged 18–20 (to 25, see CL-SUPPORT-21) who was eligible or relevant at 18',
    basis: 'STATUTORY',
    switchable: false,
    source: 's.23C',
    area: 'care-leavers',
  },
  'CL-QUALIFYING': {
    id: 'CL-QUALIFYING',
    statement:
      'Qualifying care leaver: looked after at some time after 16 but not eligible (or under a special guardianship order made when looked after), aged 16–20',
    basis: 'STATUTORY',
    switchable: false,
    source: 's.24',
    area: 'care-leavers',
  },
  'CL-PATHWAY': {
    id: 'CL-PATHWAY',
    statement: 'Pathway plan from 16',
    // Only source is local guidance (002): LOCAL.
    basis: 'LOCAL',
    switchable: true,
    source: seed002,
    area: 'care-leavers',
  },
  'CL-PATHWAY-REVIEW': {
    id: 'CL-PATHWAY-REVIEW',
    statement: 'Pathway plan reviewed at least every 6 months',
    basis: 'STATUTORY',
    switchable: false,
    source: 'Care Leavers (England) Regulations 2010, reg 7',
    area: 'care-leavers',
  },
  'CL-SUPPORT-21': {
    id: 'CL-SUPPORT-21',
    statement:
      'Personal adviser and leaving-care support until 21; any care leaver may ask for a personal adviser until 25; education and training support to 25',
    basis: 'STATUTORY',
    switchable: false,
    source: `${seed002}; Children and Social Work Act 2017 s.3 (CA 1989 s.23CZB)`,
    area: 'care-leavers',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

// Compile-time check that every entry's id is its key.
type IdMismatches = { [K in RuleId]: (typeof rules)[K]['id'] extends K ? never : K }[RuleId];
const idsMatchKeys: [IdMismatches] extends [never] ? true : false = true;
void idsMatchKeys;

export function rule(id: RuleId): Rule {
  return rules[id];
}

/** Every rule, in catalogue order. */
export function allRules(): Rule[] {
  return Object.values(rules);
}
