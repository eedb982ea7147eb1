// The everyday caseload, drawn to match national rates: what each child is open to at as-of
// (in care, on a CP or CiN plan, early help, being assessed, a care leaver) or, for most
// children, only closed history (contacts with no further action, assessments, ended plans and
// periods of care). Each function builds one child from start to finish.

import type { Context } from './context.js';
import { addYears, type Day } from './dates.js';
import { assessmentCase, cinPlanCase, earlyHelp, referralNfa } from './child-in-need.js';
import { cpCase, preProceedings, s47Nfa } from './child-protection.js';
import { careLeaver, inCare, type CareKind } from './care-journeys.js';
import { buildFamily, familyWeights, type FamilyVariant } from './families.js';
import { newChild, type Child, type ChildSpec } from './people.js';

export const categories = [
  'OPEN_CLA',
  'OPEN_CP',
  'OPEN_CIN',
  'OPEN_EH',
  'OPEN_ASSESSMENT',
  'OPEN_CARE_LEAVER',
  'CLOSED',
] as const;
export type Category = (typeof categories)[number];

/** Open at as-of, per 10,000 children of the authority (the rest have closed history only). */
export const ratesPer10k: Record<Exclude<Category, 'CLOSED'>, number> = {
  OPEN_CLA: 70,
  OPEN_CP: 40,
  OPEN_CIN: 330,
  OPEN_EH: 300,
  OPEN_ASSESSMENT: 150,
  OPEN_CARE_LEAVER: 40,
};

const uascCountries = ['Afghanistan', 'Eritrea', 'Sudan', 'Iran', 'Vietnam', 'Albania', 'Syria'];

/** Ages of children in care (DfE looked-after statistics, roughly). */
const careAges = [
  [[0, 0], 5],
  [[1, 4], 13],
  [[5, 9], 17],
  [[10, 15], 39],
  [[16, 17], 26],
] as const;
/** Closed history needs some life behind it: no newborns. */
const closedAges = [
  [[1, 4], 30],
  [[5, 9], 28],
  [[10, 15], 32],
  [[16, 17], 10],
] as const;
const closedCareAges = [
  [[1, 4], 15],
  [[5, 9], 20],
  [[10, 15], 40],
  [[16, 17], 25],
] as const;
const youngerAges = [
  [[0, 4], 35],
  [[5, 9], 28],
  [[10, 15], 30],
  [[16, 17], 7],
] as const;

export function family(ctx: Context, child: Child, variant?: FamilyVariant): void {
  buildFamily(ctx, child, variant ?? ctx.rng.weighted(familyWeights));
}

/** A day in the child's history: not before birth (or six years back), at least `gap` days before as-of. */
function historyDay(ctx: Context, child: Child, gap: number): Day {
  return ctx.rng.day(Math.max(child.since, ctx.asOf - 6 * 365), ctx.asOf - gap);
}

function childAged(
  ctx: Context,
  ages: readonly (readonly [readonly [number, number], number])[],
  extra: ChildSpec = {},
): Child {
  return newChild(ctx, { age: ctx.rng.weighted(ages), ...extra });
}

/** An unborn child due a few weeks or months after as-of. */
function unborn(ctx: Context): Child {
  return newChild(ctx, { unbornDue: ctx.asOf + ctx.rng.int(20, 150) });
}

export function openCla(ctx: Context): Child {
  const { rng, asOf } = ctx;
  const child = childAged(ctx, careAges);
  const dob = child.dob as Day;
  const age = Math.floor((asOf - dob) / 365.25);
  if (age >= 14 && rng.chance(0.06)) {
    child.uascCountry = rng.pick(uascCountries);
    const start = rng.day(Math.max(addYears(dob, 14), asOf - 900), asOf - 10);
    inCare(ctx, child, { kind: 'V2', start, end: null });
    if (age >= 16 && asOf - Math.max(start, addYears(dob, 14)) >= 91)
      careLeaver(ctx, child, 'Eligible', addYears(dob, 16), null);
    return child;
  }
  const kind: CareKind = rng.weighted<CareKind>([
    ['C2', 55],
    ['C1', 12],
    ['V2', 20],
    ['E1', age <= 6 ? 8 : 0],
    ['J1', age >= 12 ? 1.5 : 0],
    ['J3', age >= 12 ? 0.5 : 0],
    ['V3', age >= 3 ? 2 : 0],
    ['V4', age >= 3 ? 1 : 0],
  ]);
  if (kind === 'V3' || kind === 'V4') child.send = true;
  const span = asOf - dob;
  const duration =
    kind === 'C1'
      ? rng.int(10, 330)
      : kind === 'E1'
        ? rng.int(260, 900)
        : kind === 'J1' || kind === 'J3'
          ? rng.int(7, 120)
          : rng.weighted([
              [rng.int(7, 180), 20],
              [rng.int(180, 540), 25],
              [rng.int(540, 1460), 30],
              [rng.int(1460, 6000), 25],
            ]);
  const start = Math.max(dob, asOf - Math.min(duration, span));
  family(ctx, child);
  let referral;
  if ((kind === 'C2' || kind === 'C1' || kind === 'E1') && start - child.since > 120 && rng.chance(0.35)) {
    // On a CP plan that ended the day before the child came into care.
    const cp = cpCase(ctx, child, {
      referralDate: rng.day(Math.max(child.since, start - 500), start - 90),
      end: { on: start - rng.int(1, 20) },
      referralClose: null,
    });
    referral = cp.referral;
    // Often through pre-proceedings first, ending in the application that brought the child into care.
    if (rng.chance(0.4))
      preProceedings(ctx, child, { decision: rng.day(cp.planStart + 30, start - 25), issued: start });
  } else if (start - child.since > 200 && rng.chance(0.2)) {
    const ehStart = rng.day(Math.max(child.since, start - 900), start - 120);
    earlyHelp(ctx, child, ehStart, ehStart + rng.int(60, 100), 'Step-up to social care');
  }
  inCare(ctx, child, { kind, start, end: null, referral });
  if (kind === 'E1' && rng.chance(0.5)) child.restriction = 'Adoption in progress';
  const inCareSince14 = asOf - Math.max(start, addYears(dob, 14));
  if (age >= 16 && kind !== 'V3' && kind !== 'V4' && inCareSince14 >= 91)
    careLeaver(ctx, child, 'Eligible', addYears(dob, 16), null);
  return child;
}

export function openCp(ctx: Context): Child {
  const { rng, asOf } = ctx;
  const child = rng.chance(0.04) ? unborn(ctx) : childAged(ctx, youngerAges);
  family(ctx, child);
  if (child.dob !== null && asOf - child.since > 800 && rng.chance(0.25)) {
    const start = historyDay(ctx, child, 700);
    earlyHelp(ctx, child, start, start + rng.int(60, 300));
  }
  const referralDate = rng.day(Math.max(child.since, asOf - 700), asOf - 25);
  const cp = cpCase(ctx, child, { referralDate, end: null });
  if (asOf - cp.planStart > 150 && rng.chance(0.08)) {
    // In pre-proceedings while on the plan; some families have stepped down since.
    const decision = rng.day(cp.planStart + 90, asOf - 30);
    preProceedings(ctx, child, { decision, steppedDown: rng.chance(0.4) ? rng.day(decision + 20, asOf - 1) : null });
  }
  return child;
}

export function openCin(ctx: Context): Child {
  const { rng, asOf } = ctx;
  const child = rng.chance(0.01) ? unborn(ctx) : childAged(ctx, youngerAges);
  family(ctx, child);
  if (child.dob !== null && asOf - child.since > 400 && rng.chance(0.2)) {
    // Stepped down from a CP plan to a CiN plan that is still open.
    const referralDate = rng.day(Math.max(child.since, asOf - 900), asOf - 300);
    cpCase(ctx, child, {
      referralDate,
      end: { afterDays: rng.int(90, Math.max(100, asOf - referralDate - 200)) },
      stepDown: null,
    });
    return child;
  }
  const referralDate = rng.day(Math.max(child.since, asOf - 800), asOf - 20);
  cinPlanCase(ctx, child, { referralDate, end: null });
  return child;
}

export function openEarlyHelp(ctx: Context): Child {
  const { rng, asOf } = ctx;
  const child = childAged(ctx, youngerAges);
  family(ctx, child);
  if (asOf - child.since > 400 && rng.chance(0.15)) referralNfa(ctx, child, historyDay(ctx, child, 300));
  earlyHelp(ctx, child, rng.day(Math.max(child.since, asOf - 500), asOf - 1), null);
  return child;
}

export function openAssessment(ctx: Context): Child {
  const { rng, asOf } = ctx;
  const child = childAged(ctx, youngerAges);
  family(ctx, child);
  assessmentCase(ctx, child, rng.day(Math.max(child.since, asOf - 70), asOf - 1), true);
  return child;
}

export interface CareLeaverOptions {
  category?: 'Relevant' | 'Former Relevant' | 'Qualifying';
  dob?: Day;
  age?: number;
  variant?: FamilyVariant;
}

/** A care leaver no longer in care: former relevant (mostly), relevant or qualifying. */
export function openCareLeaver(ctx: Context, options: CareLeaverOptions = {}): Child {
  const { rng, asOf } = ctx;
  const category =
    options.category ??
    rng.weighted([
      ['Former Relevant', 70],
      ['Relevant', 10],
      ['Qualifying', 20],
    ] as const);
  const years =
    options.age ??
    (category === 'Relevant'
      ? 17
      : category === 'Qualifying'
        ? rng.int(17, 20)
        : rng.weighted([
            [18, 30],
            [19, 28],
            [20, 25],
            [21, 12],
            [rng.int(22, 24), 5],
          ]));
  const child =
    options.dob !== undefined ? newChild(ctx, { dob: options.dob }) : newChild(ctx, { age: [years, years] });
  const dob = child.dob as Day;
  const at = (y: number) => addYears(dob, y);
  const family = (ctx: Context, child: Child) =>
    buildFamily(ctx, child, options.variant ?? ctx.rng.weighted(familyWeights));
  if (category === 'Former Relevant') {
    const uasc = options.variant === undefined && rng.chance(0.1);
    if (uasc) child.uascCountry = rng.pick(uascCountries);
    else family(ctx, child);
    const start = uasc ? at(rng.int(14, 16)) + rng.int(0, 300) : Math.max(dob + 30, at(18) - rng.int(400, 11 * 365));
    const period = inCare(ctx, child, {
      kind: uasc ? 'V2' : rng.chance(0.8) ? 'C2' : 'V2',
      start,
      end: at(18),
      endReason: rng.pick(['E17', 'E5', 'E5', 'E6', 'E8']),
    });
    careLeaver(ctx, child, 'Former Relevant', at(16), period.id);
  } else if (category === 'Relevant') {
    family(ctx, child);
    const start = rng.day(Math.max(dob + 30, at(14) - 700), at(16) - 60);
    const end = rng.day(Math.max(at(16) + 30, Math.max(start, at(14)) + 100), asOf - 20);
    const period = inCare(ctx, child, { kind: 'V2', start, end, endReason: rng.pick(['E5', 'E6', 'E13']) });
    careLeaver(ctx, child, 'Relevant', at(16), period.id);
  } else {
    family(ctx, child);
    const start = rng.day(at(16) + 10, Math.min(at(17) + 200, asOf - 120));
    const period = inCare(ctx, child, {
      kind: 'V2',
      start,
      end: start + rng.int(14, 80),
      endReason: rng.pick(['E4A', 'E13', 'E4B']),
    });
    careLeaver(ctx, child, 'Qualifying', start, period.id);
  }
  return child;
}

/** Closed history only: most children of an authority. */
export function closedHistory(ctx: Context): Child {
  const { rng, asOf } = ctx;
  const kind = rng.weighted([
    ['NFA', 28],
    ['ASSESSMENT', 25],
    ['S47', 5],
    ['EARLY_HELP', 15],
    ['CIN', 14],
    ['CP', 8],
    ['CLA', 5],
  ] as const);
  const child = childAged(ctx, kind === 'CLA' ? closedCareAges : closedAges);
  family(ctx, child);
  switch (kind) {
    case 'NFA':
      referralNfa(ctx, child, historyDay(ctx, child, 5));
      if (rng.chance(0.3)) referralNfa(ctx, child, historyDay(ctx, child, 5));
      break;
    case 'ASSESSMENT':
      assessmentCase(ctx, child, historyDay(ctx, child, 80), false);
      break;
    case 'S47':
      s47Nfa(ctx, child, historyDay(ctx, child, 40));
      break;
    case 'EARLY_HELP': {
      const start = historyDay(ctx, child, 70);
      const end = Math.min(asOf - 1, start + rng.int(42, 400));
      const stepUp = rng.chance(0.2) && end < asOf - 90;
      earlyHelp(ctx, child, start, end, stepUp ? 'Step-up to social care' : undefined);
      if (stepUp) assessmentCase(ctx, child, end, false);
      break;
    }
    case 'CIN': {
      const referralDate = historyDay(ctx, child, 150);
      cinPlanCase(ctx, child, {
        referralDate,
        end: rng.day(referralDate + 90, Math.min(asOf - 5, referralDate + 700)),
      });
      break;
    }
    case 'CP': {
      const referralDate = historyDay(ctx, child, 420);
      const room = asOf - referralDate - 300;
      cpCase(ctx, child, {
        referralDate,
        end: { afterDays: rng.int(90, Math.max(91, Math.min(room, 600))) },
        stepDown: rng.chance(0.4) ? rng.int(60, 200) : undefined,
      });
      break;
    }
    case 'CLA':
      closedCla(ctx, child);
      break;
  }
  return child;
}

function closedCla(ctx: Context, child: Child): void {
  const { rng, asOf } = ctx;
  const dob = child.dob ?? asOf;
  const latestEnd = Math.min(asOf - 10, addYears(dob, 18) - 1);
  const from = Math.max(child.since, asOf - 6 * 365);
  const kind = rng.weighted<CareKind>([
    ['V2', 50],
    ['C2', 30],
    ['C1', 8],
    ['E1', latestEnd - dob < 8 * 365 ? 8 : 0],
    ['J1', latestEnd - dob > 12 * 365 ? 4 : 0],
  ]);
  const length =
    kind === 'E1'
      ? rng.int(400, 1100)
      : kind === 'J1'
        ? rng.int(5, 90)
        : kind === 'V2'
          ? rng.int(3, 400)
          : rng.int(200, 1500);
  const end = rng.day(Math.min(latestEnd, from + length), latestEnd);
  const start = Math.max(dob, from, end - length);
  const endReason =
    kind === 'E1'
      ? rng.pick(['E11', 'E12'])
      : kind === 'J1'
        ? rng.pick(['E14', 'E14', 'E9'])
        : kind === 'V2'
          ? rng.pick(['E4A', 'E4A', 'E4B', 'E13', 'E3'])
          : rng.pick(['E4A', 'E41', 'E45', 'E46', 'E47', 'E4A', 'E3']);
  inCare(ctx, child, { kind, start, end: Math.max(end, start + 2), endReason });
}
