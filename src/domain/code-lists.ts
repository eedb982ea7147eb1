// The code sets Carebridge computes from (rules.md, "Code lists used by the import"). The
// import checks these columns after mapping an authority's own labels to codes
// (configuration: CAREBRIDGE_LABEL_MAP); every other SSD code column is stored as given.

/** SSDA903 legal statuses, with the legal basis each gives a period of care. */
export const legalStatuses = {
  C1: { description: 'Interim care order', basis: 'INTERIM_CARE_ORDER' },
  C2: { description: 'Full care order', basis: 'CARE_ORDER' },
  D1: { description: 'Freeing order', basis: 'PLACEMENT_ORDER' },
  E1: { description: 'Placement order', basis: 'PLACEMENT_ORDER' },
  J1: { description: 'Remanded to local authority accommodation or youth detention', basis: 'YOUTH_JUSTICE' },
  J2: { description: 'Placed under police protection and in local authority accommodation (PACE)', basis: 'YOUTH_JUSTICE' },
  J3: { description: 'Sentenced to a youth rehabilitation order with residence requirement', basis: 'YOUTH_JUSTICE' },
  L1: { description: 'Under police protection and in local authority accommodation', basis: 'EMERGENCY_PROTECTION' },
  L2: { description: 'Emergency protection order', basis: 'EMERGENCY_PROTECTION' },
  L3: { description: 'Under child assessment order and in local authority accommodation', basis: 'EMERGENCY_PROTECTION' },
  V2: { description: 'Single period of accommodation under section 20', basis: 'SECTION_20' },
  V3: { description: 'Accommodated under an agreed series of short-term breaks (single placements)', basis: 'SECTION_20_SHORT_BREAKS' },
  V4: { description: 'Accommodated under an agreed series of short-term breaks (multiple placements)', basis: 'SECTION_20_SHORT_BREAKS' },
} as const;
export type LegalStatusCode = keyof typeof legalStatuses;

/** Child protection categories of abuse. The SSD often carries the words, mapped by default. */
export const cpCategories = {
  NEG: { description: 'Neglect' },
  PHY: { description: 'Physical abuse' },
  SAB: { description: 'Sexual abuse' },
  EMO: { description: 'Emotional abuse' },
  MUL: { description: 'Multiple' },
} as const;

/** SSDA903 placement types (PLACE). Partners see the code and this description, never a location. */
export const placementTypes = {
  A3: { description: 'Placed for adoption with consent, with current foster carers' },
  A4: { description: 'Placed for adoption with consent, not with current foster carers' },
  A5: { description: 'Placed for adoption under a placement order, with current foster carers' },
  A6: { description: 'Placed for adoption under a placement order, not with current foster carers' },
  H5: { description: 'Semi-independent living accommodation' },
  K1: { description: 'Secure children’s home' },
  K2: { description: 'Children’s home' },
  P1: { description: 'Placed with own parent or other person with parental responsibility' },
  P2: { description: 'Independent living' },
  P3: { description: 'Residential employment' },
  R1: { description: 'Residential care home' },
  R2: { description: 'NHS or health establishment providing medical or nursing care' },
  R3: { description: 'Family centre or mother and baby unit' },
  R5: { description: 'Young offender institution' },
  S1: { description: 'Residential school' },
  T0: { description: 'Temporary placement: all types' },
  T1: { description: 'Temporary periods in hospital' },
  T2: { description: 'Temporary absence: holiday' },
  T3: { description: 'Temporary accommodation while normal carer is unavailable' },
  T4: { description: 'Temporary accommodation: other' },
  U1: { description: 'Foster placement with relative or friend: long-term fostering' },
  U2: { description: 'Foster placement with relative or friend who is also an approved adopter' },
  U3: { description: 'Foster placement with relative or friend: not long-term or fostering for adoption' },
  U4: { description: 'Foster placement with other foster carer: long-term fostering' },
  U5: { description: 'Foster placement with other foster carer who is also an approved adopter' },
  U6: { description: 'Foster placement with other foster carer: not long-term or fostering for adoption' },
  Z1: { description: 'Other placement' },
} as const;

// Carebridge's extension tables use fixed vocabularies (shared/contract/README.md).
export const relationshipKinds = [
  'MOTHER',
  'FATHER',
  'SECOND_PARENT',
  'STEP_PARENT',
  'GRANDPARENT',
  'OTHER_RELATIVE',
  'FOSTER_CARER',
  'OTHER',
] as const;
export const courtOrderTypes = [
  'CHILD_ARRANGEMENTS_LIVE_WITH',
  'SPECIAL_GUARDIANSHIP',
  'ADOPTION',
  'PR_AGREEMENT',
  'PR_ORDER',
] as const;
export const iroRecommendations = ['END_CP_PLAN', 'MAINTAIN_CP_PLAN', 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER'] as const;
export const meetingKinds = [
  'CP_CORE_GROUP',
  'CIN_PLAN_REVIEW',
  'PEP_REVIEW',
  'PATHWAY_PLAN_REVIEW',
  'DUAL_STATUS_DISCUSSION',
] as const;
