// The contract's enums (shared/contract/carebridge.graphql), registered once for type-graphql.
import { registerEnumType } from 'type-graphql';

export enum CareStatusKind {
  EARLY_HELP = 'EARLY_HELP',
  CHILD_IN_NEED = 'CHILD_IN_NEED',
  CHILD_PROTECTION = 'CHILD_PROTECTION',
  CHILD_IN_CARE = 'CHILD_IN_CARE',
  CARE_LEAVER = 'CARE_LEAVER',
  NOT_OPEN = 'NOT_OPEN',
}
export enum LegalBasis {
  SECTION_20 = 'SECTION_20',
  SECTION_20_SHORT_BREAKS = 'SECTION_20_SHORT_BREAKS',
  INTERIM_CARE_ORDER = 'INTERIM_CARE_ORDER',
  CARE_ORDER = 'CARE_ORDER',
  PLACEMENT_ORDER = 'PLACEMENT_ORDER',
  EMERGENCY_PROTECTION = 'EMERGENCY_PROTECTION',
  YOUTH_JUSTICE = 'YOUTH_JUSTICE',
  OTHER = 'OTHER',
}
export enum RuleBasis {
  STATUTORY = 'STATUTORY',
  LOCAL = 'LOCAL',
}
export enum DueKind {
  CP_INITIAL_CONFERENCE = 'CP_INITIAL_CONFERENCE',
  CP_CORE_GROUP = 'CP_CORE_GROUP',
  CP_REVIEW_CONFERENCE = 'CP_REVIEW_CONFERENCE',
  S47_COMPLETION = 'S47_COMPLETION',
  ASSESSMENT_COMPLETION = 'ASSESSMENT_COMPLETION',
  CIN_PLAN_REVIEW = 'CIN_PLAN_REVIEW',
  CIC_REVIEW = 'CIC_REVIEW',
  CIC_CARE_PLAN = 'CIC_CARE_PLAN',
  CIC_VISIT = 'CIC_VISIT',
  CIC_HEALTH_ASSESSMENT = 'CIC_HEALTH_ASSESSMENT',
  CIC_PEP_REVIEW = 'CIC_PEP_REVIEW',
  DUAL_STATUS_DISCUSSION = 'DUAL_STATUS_DISCUSSION',
  DUAL_STATUS_CHALLENGE_WINDOW_ENDS = 'DUAL_STATUS_CHALLENGE_WINDOW_ENDS',
  PATHWAY_PLAN_REVIEW = 'PATHWAY_PLAN_REVIEW',
}
export enum DualStatusPathway {
  INTERIM_CARE_ORDER = 'INTERIM_CARE_ORDER',
  CARE_ORDER = 'CARE_ORDER',
  SECTION_20 = 'SECTION_20',
  SECTION_20_PLO = 'SECTION_20_PLO',
}
export enum DualStatusState {
  NOT_DUAL_STATUS = 'NOT_DUAL_STATUS',
  CP_PLAN_ENDS = 'CP_PLAN_ENDS',
  AWAITING_INITIAL_REVIEW = 'AWAITING_INITIAL_REVIEW',
  CP_PLAN_MAINTAINED = 'CP_PLAN_MAINTAINED',
  CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER = 'CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER',
  CP_PLAN_TO_END_ORDER_MADE = 'CP_PLAN_TO_END_ORDER_MADE',
  CP_PLAN_TO_END = 'CP_PLAN_TO_END',
}
export enum IroRecommendation {
  END_CP_PLAN = 'END_CP_PLAN',
  MAINTAIN_CP_PLAN = 'MAINTAIN_CP_PLAN',
  MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER = 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER',
}
export enum PrHolderKind {
  PERSON = 'PERSON',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
}
export enum PrBasis {
  BIRTH_MOTHER = 'BIRTH_MOTHER',
  MARRIED_FATHER = 'MARRIED_FATHER',
  REGISTERED_FATHER = 'REGISTERED_FATHER',
  SECOND_PARENT = 'SECOND_PARENT',
  PR_AGREEMENT_OR_ORDER = 'PR_AGREEMENT_OR_ORDER',
  CHILD_ARRANGEMENTS_ORDER = 'CHILD_ARRANGEMENTS_ORDER',
  SPECIAL_GUARDIANSHIP_ORDER = 'SPECIAL_GUARDIANSHIP_ORDER',
  CARE_ORDER = 'CARE_ORDER',
  ADOPTION_ORDER = 'ADOPTION_ORDER',
}
export enum KeyContactRole {
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  TEAM_MANAGER = 'TEAM_MANAGER',
  IRO = 'IRO',
  CP_COORDINATOR = 'CP_COORDINATOR',
  PERSONAL_ADVISER = 'PERSONAL_ADVISER',
  LEAD_PROFESSIONAL = 'LEAD_PROFESSIONAL',
  OTHER = 'OTHER',
}
export enum CareLeaverCategory {
  ELIGIBLE = 'ELIGIBLE',
  RELEVANT = 'RELEVANT',
  FORMER_RELEVANT = 'FORMER_RELEVANT',
  QUALIFYING = 'QUALIFYING',
  NONE = 'NONE',
}

registerEnumType(CareStatusKind, { name: 'CareStatusKind' });
registerEnumType(LegalBasis, { name: 'LegalBasis' });
registerEnumType(RuleBasis, { name: 'RuleBasis' });
registerEnumType(DueKind, { name: 'DueKind' });
registerEnumType(DualStatusPathway, { name: 'DualStatusPathway' });
registerEnumType(DualStatusState, {
  name: 'DualStatusState',
  valuesConfig: {
    CP_PLAN_ENDS: { description: 'ICO / care order: the CP plan ends; challenge window running or over' },
    AWAITING_INITIAL_REVIEW: { description: 'Awaiting the initial CiC (dual process) review recommendation' },
    CP_PLAN_MAINTAINED: { description: 'IRO recommended keeping the CP plan alongside the care plan' },
    CP_PLAN_MAINTAINED_UNTIL_LEGAL_ORDER: { description: 'IRO recommended keeping the CP plan until the legal order is made' },
    CP_PLAN_TO_END_ORDER_MADE: {
      description: 'Legal order made after a MAINTAIN_UNTIL_LEGAL_ORDER recommendation: end the CP plan outside a meeting',
    },
    CP_PLAN_TO_END: { description: 'IRO recommended ending the CP plan' },
  },
});
registerEnumType(IroRecommendation, { name: 'IroRecommendation' });
registerEnumType(PrHolderKind, { name: 'PrHolderKind' });
registerEnumType(PrBasis, { name: 'PrBasis' });
registerEnumType(KeyContactRole, { name: 'KeyContactRole' });
registerEnumType(CareLeaverCategory, { name: 'CareLeaverCategory' });
