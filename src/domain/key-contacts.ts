// Who works with a child now, as partners ask for them (contract: KeyContactRole), and the
// child's allocated team (a duty line, a BI grouping).
import { asKnownOn, isOpenOn, type CareLeaverRecordFact, type InvolvementFact, type IsoDate } from './facts.js';

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

/**
 * The allocated social worker's team on asOf; failing that, the newest open involvement's; then
 * the leaving care team. `isSocialWorker` reads an involvement's role label (authorities' labels differ).
 */
export function allocatedTeamOn(
  involvements: readonly InvolvementFact[],
  careLeaverRecords: readonly CareLeaverRecordFact[],
  asOf: IsoDate,
  isSocialWorker: (roleLabel: string | null) => boolean,
): { id: string; name: string } | null {
  const open = asKnownOn(involvements, asOf).filter((involvement) => isOpenOn(involvement, asOf) && involvement.teamId !== null);
  const allocated = open.filter((involvement) => isSocialWorker(involvement.roleLabel)).at(-1) ?? open.at(-1);
  if (allocated) return { id: allocated.teamId!, name: allocated.teamName ?? allocated.teamId! };
  const leaving = careLeaverRecords.find((record) => record.teamId !== null);
  return leaving ? { id: leaving.teamId!, name: leaving.teamName ?? leaving.teamId! } : null;
}
