// Dual status (rules.md, "Dual status"): a child on a CP plan who becomes looked after. One
// child per pathway (interim care order, care order, S.20 without and with pre-proceedings)
// and per outcome: awaiting the initial CiC review, END_CP_PLAN, MAINTAIN_CP_PLAN,
// MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER, and the letter that ends a CP plan outside a meeting.

import type { Context } from './context.js';
import { addWorkingDays, type Day } from './dates.js';
import { referral } from './child-in-need.js';
import { cpCase, preProceedings } from './child-protection.js';
import { inCare } from './care-journeys.js';
import type { LegalCode, Segment } from './child-in-care.js';
import { dualStatusDecision, meeting, type Recommendation } from './extensions.js';
import { buildFamily, type FamilyVariant } from './families.js';
import { newChild, type Child } from './people.js';

export type Pathway = 'C1' | 'C2' | 'V2' | 'V2_PLO';
export type DualOutcome = 'AWAITING' | 'AWAITING_OVERDUE' | Recommendation | 'LETTER_ONLY';

export interface DualSpec {
  pathway: Pathway;
  outcome: DualOutcome;
  family: FamilyVariant;
  /** MAINTAIN: still dual status after the second (three-month) review was held. */
  beyondSecondReview?: boolean;
  /** UNTIL_LEGAL_ORDER: the order (C2, or E1 after a care order) has since been made. */
  orderMade?: boolean;
  disagreement?: boolean;
  /** V2_PLO: the pre-review discussion was held after it fell due. */
  lateDiscussion?: boolean;
}

export function dualStatusChild(ctx: Context, spec: DualSpec): Child {
  const { rng, asOf } = ctx;
  const child = newChild(ctx, { age: [1, 14] });
  buildFamily(ctx, child, spec.family);

  // When care started (L), so that the outcome asked for is where the child is at as-of.
  const careStart: Day =
    spec.outcome === 'AWAITING'
      ? asOf - rng.int(3, 12)
      : spec.outcome === 'AWAITING_OVERDUE'
        ? asOf - rng.int(36, 45)
        : spec.beyondSecondReview
          ? asOf - rng.int(150, 170)
          : spec.orderMade
            ? asOf - rng.int(205, 240)
            : asOf - rng.int(55, 110);
  const firstDue = addWorkingDays(careStart, 20);

  // Legal statuses from L; a later order where the scenario has one.
  const initial: LegalCode = spec.pathway === 'C1' ? 'C1' : spec.pathway === 'C2' ? 'C2' : 'V2';
  const legal: Segment<LegalCode>[] = [{ value: initial, start: careStart }];
  let orderDay: Day | null = null;
  if (spec.outcome === 'LETTER_ONLY' && initial === 'V2') {
    orderDay = careStart + rng.int(5, 12); // an interim care order before the first review
    legal.push({ value: 'C1', start: orderDay });
  }
  if (spec.outcome === 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER' && spec.orderMade) {
    // Care proceedings conclude about 26 weeks after the interim order: the final care order.
    orderDay = careStart + rng.int(182, asOf - careStart - 8);
    legal.push({ value: initial === 'C2' ? 'E1' : 'C2', start: orderDay });
  }
  const placements =
    spec.pathway === 'C2' && spec.outcome === 'MAINTAIN_CP_PLAN' ? [{ value: 'P1', start: careStart }] : undefined;

  const ref = referral(ctx, child, {
    date: Math.max(child.since, careStart - rng.int(150, 420)),
    close: null,
    outcome: 'STRATEGY',
  });
  const period = inCare(ctx, child, {
    kind: initial === 'C2' ? 'C2' : initial === 'C1' ? 'C1' : 'V2',
    start: careStart,
    end: null,
    legal,
    placements,
    referral: ref,
    reviews: spec.outcome === 'AWAITING_OVERDUE' ? { firstOverdue: true } : { lateRate: 0, overdueRate: 0 },
  });
  const held = period.reviews.filter((review) => review.held !== null).map((review) => review.held as Day);
  const first = held[0];
  const notify = (from: Day) => Math.min(asOf, addWorkingDays(from, rng.int(1, 3)));

  // The CP plan ends with a letter (interim or full care order, or the order awaited), at the
  // review that recommends ending it, or not at all.
  let planEnd: Day | null = null;
  let letter: Day | null = null;
  if (spec.outcome === 'LETTER_ONLY') {
    letter = notify(orderDay ?? careStart + rng.int(1, 4));
    planEnd = letter;
  } else if (spec.outcome === 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER' && orderDay !== null) {
    letter = notify(orderDay);
    planEnd = letter;
  } else if (spec.outcome === 'END_CP_PLAN' && first !== undefined) {
    planEnd = notify(first);
  }
  const cp = cpCase(ctx, child, {
    referralDate: ref.date,
    referral: ref,
    end: planEnd === null ? null : { on: planEnd },
    conferencesUntil: careStart,
    referralClose: null,
    handOver: careStart,
  });

  const disagreement = spec.disagreement ?? false;
  const recommendation =
    spec.outcome === 'AWAITING' || spec.outcome === 'AWAITING_OVERDUE' || spec.outcome === 'LETTER_ONLY'
      ? null
      : spec.outcome;
  if (recommendation !== null && first !== undefined) {
    // The recommendation made at the initial review, repeated at later ones while dual status lasts.
    const reviewDays = spec.beyondSecondReview
      ? held.slice(0, 2)
      : orderDay !== null && spec.outcome === 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER'
        ? held.filter((on) => on < (orderDay as Day))
        : [first];
    for (const reviewDay of reviewDays) {
      dualStatusDecision(ctx, child, {
        planId: cp.planId,
        reviewDate: reviewDay,
        recommendation,
        agenciesNotified: notify(reviewDay),
        disagreement,
      });
    }
  }
  if (letter !== null) {
    dualStatusDecision(ctx, child, {
      planId: cp.planId,
      reviewDate: null,
      recommendation: null,
      agenciesNotified: letter,
      disagreement: false,
    });
  }

  if (spec.pathway === 'V2_PLO') {
    const decision = careStart - rng.int(5, 40);
    preProceedings(ctx, child, {
      decision,
      issued: orderDay !== null && initial === 'V2' && spec.outcome === 'LETTER_ONLY' ? orderDay : null,
    });
    // Before the initial review, CP chair, IRO and social worker discuss the recommendation.
    const discussion = spec.lateDiscussion
      ? firstDue + rng.int(1, 3)
      : Math.max(careStart + 1, (first ?? Math.min(asOf, firstDue)) - rng.int(1, 5));
    if (discussion <= asOf && (first === undefined || discussion <= first || spec.lateDiscussion)) {
      meeting(ctx, child, 'DUAL_STATUS_DISCUSSION', cp.planId, Math.min(discussion, asOf));
    }
  }
  return child;
}

/** Every pathway × outcome, with the variations the rules single out. */
export const dualStatusCases: readonly Omit<DualSpec, 'family'>[] = [
  { pathway: 'C1', outcome: 'AWAITING' },
  { pathway: 'C1', outcome: 'END_CP_PLAN', disagreement: true },
  { pathway: 'C1', outcome: 'MAINTAIN_CP_PLAN' },
  { pathway: 'C1', outcome: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER', orderMade: true },
  { pathway: 'C1', outcome: 'LETTER_ONLY' },
  { pathway: 'C2', outcome: 'AWAITING' },
  { pathway: 'C2', outcome: 'END_CP_PLAN' },
  { pathway: 'C2', outcome: 'MAINTAIN_CP_PLAN' },
  { pathway: 'C2', outcome: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER' },
  { pathway: 'C2', outcome: 'LETTER_ONLY' },
  { pathway: 'V2', outcome: 'AWAITING_OVERDUE' },
  { pathway: 'V2', outcome: 'END_CP_PLAN' },
  { pathway: 'V2', outcome: 'MAINTAIN_CP_PLAN', beyondSecondReview: true, disagreement: true },
  { pathway: 'V2', outcome: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER' },
  { pathway: 'V2', outcome: 'LETTER_ONLY' },
  { pathway: 'V2_PLO', outcome: 'AWAITING' },
  { pathway: 'V2_PLO', outcome: 'END_CP_PLAN', lateDiscussion: true },
  { pathway: 'V2_PLO', outcome: 'MAINTAIN_CP_PLAN', beyondSecondReview: true },
  { pathway: 'V2_PLO', outcome: 'MAINTAIN_CP_PLAN_UNTIL_LEGAL_ORDER', disagreement: true },
  { pathway: 'V2_PLO', outcome: 'LETTER_ONLY' },
];
