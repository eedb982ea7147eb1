// Who works with a child now, as partners ask for them (contract: KeyContactRole).
export const keyContactRoles = [
  'SOCIAL_WORKER',
  'TEAM_MANAGER',
  'IRO',
  'CP_COORDINATOR',
  'PERSONAL_ADVISER',
  'LEAD_PROFESSIONAL',
  'OTHER',
] as const;
export type KeyContactRole = (typeof keyContactRoles)[number];
