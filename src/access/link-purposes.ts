// Purposes belong to roles (contract, "Who sees what"): a partner reads a child only through a
// cb_consumer_link whose purpose is one of its role's. A purpose is named exactly (`EDUCATION`)
// or by a prefix ending in `*` (`HEALTH_*`); an authority adds its own through
// CAREBRIDGE_PURPOSES_BY_ROLE (src/config.ts). Pure: no I/O.

/** The roles that read children through links (cb_consumer_link). */
export const linkRoles = ['ehc', 'health', 'education'] as const;
export type LinkRole = (typeof linkRoles)[number];

export type PurposesByRole = Record<LinkRole, readonly string[]>;

/** The contract's map; an authority's configuration extends it, never narrows it. */
const defaultPurposesByRole: PurposesByRole = {
  ehc: ['EHC_*'],
  health: ['HEALTH_*'],
  education: ['EDUCATION*'],
};

/** CP-IS parity: a health reader in unscheduled care may read any unrestricted child's care status and duty line by NHS number. */
export const emergencyCarePurpose = 'EMERGENCY_CARE';

/** A purpose as links and tokens carry it (cons_purpose is varchar(48)), optionally ending in `*`. */
export const purposePattern = /^[A-Za-z0-9_.:-]{1,48}\*?$/;

/** Does `purpose` fall under `pattern` (exactly, or by the prefix before a final `*`)? */
export function purposeMatches(pattern: string, purpose: string): boolean {
  return pattern.endsWith('*') ? purpose.startsWith(pattern.slice(0, -1)) : purpose === pattern;
}

/** The same patterns for SQL LIKE (backslash, the default escape, before `_`, `%` and itself). */
export function likePatternsOf(patterns: readonly string[]): string[] {
  return patterns.map((pattern) => {
    const exact = pattern.endsWith('*') ? pattern.slice(0, -1) : pattern;
    return exact.replace(/[\\_%]/g, (character) => `\\${character}`) + (pattern.endsWith('*') ? '%' : '');
  });
}

/** The default map with the authority's additions, each role's patterns once, in order. */
export function extendPurposes(additions: Partial<Record<LinkRole, readonly string[]>>): PurposesByRole {
  const merged = {} as Record<LinkRole, readonly string[]>;
  for (const role of linkRoles) merged[role] = [...new Set([...defaultPurposesByRole[role], ...(additions[role] ?? [])])];
  return merged;
}
