// The statutory fields the rules engine will compute (rules.md: due dates and the dual-status
// workflow; parental responsibility and care-leaver status are computed already). Until it lands, each field resolves through
// here, so that one module is replaced and no resolver invents an answer. README: "Not built yet".

import type { IsoDate } from './facts.js';

export const notComputedYet = {
  /** Child.nextReviewDue, and each plan's and period's nextReviewDue. */
  nextReviewDue: (): null => null,
  /** Child.schedule: nothing is projected yet, so nothing is overdue (and hasOverdue matches no child). */
  schedule: (): never[] => [],
  hasOverdue: (): boolean => false,
  /** The dual-status fact is known from the care status; the IRO workflow is not computed yet. */
  dualStatusOutcome: (isDualStatus: boolean, since: IsoDate | null) => ({
    state: isDualStatus ? ('AWAITING_INITIAL_REVIEW' as const) : ('NOT_DUAL_STATUS' as const),
    isDualStatus,
    since,
    pathway: null,
    initialReviewDue: null,
    recommendation: null,
    challengeWindowEndsOn: null,
    exceptional: false,
    escalated: false,
    requiredActions: [],
    ruleIds: [],
  }),
  reviewLate: (): boolean => false,
  teamManagerChairRequired: (): boolean => false,
  firstReviewDue: (): null => null,
  nextHealthAssessmentDue: (): null => null,
  nextPepReviewDue: (): null => null,
};
