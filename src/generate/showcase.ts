// The named cases every generated authority has, whatever its size (they are its first
// children, C0000001 onwards): each dual-status pathway and outcome, every legal status, each
// way a person holds parental responsibility, each care-leaver category, the unborn on
// pre-birth plans, reviews held late and overdue, restricted records and partner links.

import type { Context } from './context.js';
import { addYears, dayOf, type Day } from './dates.js';
import { assessmentCase, cinPlanCase } from './child-in-need.js';
import { cpCase } from './child-protection.js';
import { careLeaver, inCare } from './care-journeys.js';
import { dualStatusCases, dualStatusChild } from './dual-status.js';
import { buildFamily, type FamilyVariant } from './families.js';
import { newChild, type Child, type Person } from './people.js';
import { openCareLeaver } from './scenarios.js';

export interface Showcase {
  name: string;
  /** How many children it makes (default 1). */
  children?: number;
  build: (ctx: Context) => Child[];
}

// Dual-status children carry the parental-responsibility shapes between them.
const dualFamilies: FamilyVariant[] = [
  'MARRIED',
  'UNMARRIED_REGISTERED',
  'REGISTERED_NO_DATE',
  'UNREGISTERED',
  'REREGISTERED',
  'FATHER_PR_AGREEMENT',
  'FATHER_PR_ORDER',
  'SECOND_PARENT_MARRIED',
  'SECOND_PARENT_REGISTERED',
  'SECOND_PARENT_NEITHER',
  'STEP_PARENT',
  'STEP_PARENT_PR_AGREEMENT',
  'STEP_PARENT_PR_ORDER',
  'DECEASED_MOTHER',
  'DECEASED_FATHER',
  'NO_CONTACT_FATHER',
  'MOTHER_ONLY',
  'MARRIED',
  'UNMARRIED_REGISTERED',
  'NO_CONTACT_FATHER',
];

const one = (build: (ctx: Context) => Child) => (ctx: Context) => [build(ctx)];

function child(ctx: Context, spec: Parameters<typeof newChild>[1], variant: FamilyVariant): Child {
  const made = newChild(ctx, spec);
  buildFamily(ctx, made, variant);
  return made;
}

export const showcases: readonly Showcase[] = [
  ...dualStatusCases.map((spec, i) => ({
    name: `dual status: ${spec.pathway} ${spec.outcome}`,
    build: one((ctx) => {
      const made = dualStatusChild(ctx, { ...spec, family: dualFamilies[i] ?? 'MARRIED' });
      if (i % 5 === 1) made.links = { health: true };
      return made;
    }),
  })),
  {
    name: 'adopted long ago under a freeing order (D1)',
    build: one((ctx) => {
      const dob = Math.min(dayOf(2004, 3, 15), ctx.asOf - 900);
      const made = child(ctx, { dob }, 'MARRIED');
      const start = dob + 40;
      inCare(ctx, made, {
        kind: 'C2',
        start,
        end: start + 560,
        endReason: 'E12',
        legal: [
          { value: 'C1', start },
          { value: 'C2', start: start + 200 },
          { value: 'D1', start: start + 300 },
        ],
        placements: [
          { value: 'U6', start },
          { value: 'A6', start: start + 360 },
        ],
      });
      return made;
    }),
  },
  {
    name: 'placed for adoption under a placement order (E1), restricted',
    build: one((ctx) => {
      const { rng, asOf } = ctx;
      const made = child(ctx, { dob: asOf - rng.int(700, 900) }, 'UNMARRIED_REGISTERED');
      const start = asOf - rng.int(560, 620);
      inCare(ctx, made, {
        kind: 'E1',
        start,
        end: null,
        legal: [
          { value: 'C1', start },
          { value: 'C2', start: start + 240 },
          { value: 'E1', start: start + 260 },
        ],
        // Fostered by a relative who is also an approved adopter, then placed for adoption with them.
        placements: [
          { value: 'U2', start },
          { value: 'A5', start: start + 420 },
        ],
      });
      made.restriction = 'Adoption in progress';
      return made;
    }),
  },
  {
    name: 'remanded after police detention (J2 then J1)',
    build: one((ctx) => {
      const made = child(ctx, { age: [15, 16], sex: 'M' }, 'MOTHER_ONLY');
      const start = ctx.asOf - ctx.rng.int(20, 60);
      inCare(ctx, made, {
        kind: 'J1',
        start,
        end: null,
        legal: [
          { value: 'J2', start },
          { value: 'J1', start: start + 1 },
        ],
        placements: [{ value: 'K2', start }],
      });
      return made;
    }),
  },
  {
    name: 'youth rehabilitation order with residence requirement (J3), ended',
    build: one((ctx) => {
      const made = child(ctx, { age: [16, 17] }, 'UNMARRIED_REGISTERED');
      const start = ctx.asOf - 300;
      inCare(ctx, made, {
        kind: 'J3',
        start,
        end: start + 90,
        endReason: 'E8',
        legal: [{ value: 'J3', start }],
        placements: [{ value: 'K2', start }],
      });
      return made;
    }),
  },
  {
    name: 'police protection then S.20 (L1, V2), moved to a children’s home',
    build: one((ctx) => {
      const made = child(ctx, { age: [12, 14] }, 'NO_CONTACT_FATHER');
      const start = ctx.asOf - ctx.rng.int(150, 300);
      inCare(ctx, made, {
        kind: 'V2',
        start,
        end: null,
        legal: [
          { value: 'L1', start },
          { value: 'V2', start: start + 2 },
        ],
        placements: [
          { value: 'U6', start },
          { value: 'K2', start: start + 90 },
        ],
      });
      return made;
    }),
  },
  {
    name: 'emergency protection order, interim then full care order (L2, C1, C2), long-term fostering',
    build: one((ctx) => {
      const made = child(ctx, { age: [4, 9] }, 'DECEASED_FATHER');
      const start = ctx.asOf - 700;
      inCare(ctx, made, {
        kind: 'C2',
        start,
        end: null,
        legal: [
          { value: 'L2', start },
          { value: 'C1', start: start + 6 },
          { value: 'C2', start: start + 200 },
        ],
        placements: [
          { value: 'U6', start },
          { value: 'U4', start: start + 250 },
        ],
      });
      return made;
    }),
  },
  {
    name: 'child assessment order then S.20 (L3, V2), returned home',
    build: one((ctx) => {
      const made = child(ctx, { age: [7, 9] }, 'MARRIED');
      const start = ctx.asOf - 500;
      inCare(ctx, made, {
        kind: 'V2',
        start,
        end: start + 120,
        endReason: 'E4A',
        legal: [
          { value: 'L3', start },
          { value: 'V2', start: start + 5 },
        ],
        placements: [{ value: 'U6', start }],
      });
      return made;
    }),
  },
  {
    name: 'short breaks: a V3 series, then V4 (EHC plan)',
    build: one((ctx) => {
      const made = child(ctx, { age: [9, 12] }, 'MARRIED');
      made.send = true;
      made.links = { ehc: true, school: true };
      const first = ctx.asOf - 900;
      inCare(ctx, made, { kind: 'V3', start: first, end: first + 500, endReason: 'E8' });
      inCare(ctx, made, { kind: 'V4', start: first + 520, end: null });
      return made;
    }),
  },
  {
    name: 'eligible care leaver (17, semi-independent) expecting a baby on a pre-birth CP plan',
    children: 2,
    build: (ctx) => {
      const { rng, asOf } = ctx;
      const mother = child(ctx, { age: [17, 17], sex: 'F' }, 'MOTHER_ONLY');
      const dob = mother.dob as Day;
      const start = addYears(dob, 13) + rng.int(0, 200);
      const moved = addYears(dob, 16) + rng.int(20, 120);
      inCare(ctx, mother, {
        kind: 'C2',
        start,
        end: null,
        placements: [
          { value: 'U6', start },
          { value: 'H5', start: moved },
        ],
      });
      careLeaver(ctx, mother, 'Eligible', addYears(dob, 16), null);
      mother.isMother = true;
      const baby = newChild(ctx, { unbornDue: asOf + rng.int(30, 60) });
      const asPerson: Person = {
        id: mother.id,
        sex: 'F',
        forename: mother.forename ?? '',
        surname: mother.surname,
        dob,
        deathDate: null,
        address: mother.address,
      };
      buildFamily(ctx, baby, 'UNREGISTERED', { mother: asPerson });
      cpCase(ctx, baby, { referralDate: Math.max(baby.since, asOf - rng.int(60, 100)), end: null });
      baby.links = { health: true };
      return [mother, baby];
    },
  },
  {
    name: 'unborn child on a pre-birth CiN plan',
    build: one((ctx) => {
      const made = child(ctx, { unbornDue: ctx.asOf + ctx.rng.int(60, 120) }, 'MARRIED');
      cinPlanCase(ctx, made, { referralDate: Math.max(made.since, ctx.asOf - ctx.rng.int(40, 70)), end: null });
      return made;
    }),
  },
  { name: 'relevant care leaver', build: one((ctx) => openCareLeaver(ctx, { category: 'Relevant' })) },
  {
    name: 'former relevant care leaver, 19',
    build: one((ctx) => openCareLeaver(ctx, { category: 'Former Relevant', age: 19 })),
  },
  {
    name: 'former relevant care leaver born before December 2003, father registered before the reform, adviser to 25',
    build: one((ctx) =>
      openCareLeaver(ctx, {
        category: 'Former Relevant',
        dob: Math.min(dayOf(2002, 9, 15), addYears(ctx.asOf, -22) - ctx.rng.int(0, 300)),
        variant: 'UNMARRIED_REGISTERED',
      }),
    ),
  },
  { name: 'qualifying care leaver', build: one((ctx) => openCareLeaver(ctx, { category: 'Qualifying' })) },
  {
    name: 'adopted by a step-parent (partner adoption), CiN plan ended',
    build: one((ctx) => {
      const made = child(ctx, { age: [9, 11] }, 'STEP_PARENT_ADOPTION');
      cinPlanCase(ctx, made, { referralDate: ctx.asOf - 900, end: ctx.asOf - 600 });
      return made;
    }),
  },
  {
    name: 'lives with a grandparent under a child arrangements order, assessed',
    build: one((ctx) => {
      const made = child(ctx, { age: [5, 7] }, 'CAO_GRANDPARENT');
      assessmentCase(ctx, made, ctx.asOf - 400, false);
      return made;
    }),
  },
  {
    name: 'child arrangements order replaced by special guardianship, open CiN plan',
    build: one((ctx) => {
      const made = child(ctx, { age: [10, 12] }, 'CAO_THEN_SGO');
      cinPlanCase(ctx, made, { referralDate: ctx.asOf - 200, end: null });
      return made;
    }),
  },
  {
    name: 'CP plan with review conferences held late and one overdue',
    build: one((ctx) => {
      const made = child(ctx, { age: [6, 8] }, 'UNMARRIED_REGISTERED');
      cpCase(ctx, made, { referralDate: ctx.asOf - 500, end: null, reviews: { lateRate: 0.6, overdueRate: 1 } });
      made.links = { health: true };
      return made;
    }),
  },
  {
    name: 'CiN plan with reviews held late and one overdue',
    build: one((ctx) => {
      const made = child(ctx, { age: [11, 13] }, 'REGISTERED_NO_DATE');
      cinPlanCase(ctx, made, { referralDate: ctx.asOf - 400, end: null, reviews: { lateRate: 0.5, overdueRate: 1 } });
      made.links = { endedSchool: true };
      return made;
    }),
  },
  {
    name: 'in care with CiC reviews held late and one overdue, restricted (high profile)',
    build: one((ctx) => {
      const made = child(ctx, { age: [9, 11] }, 'MARRIED');
      inCare(ctx, made, { kind: 'C2', start: ctx.asOf - 420, end: null, reviews: { lateRate: 0.5, overdueRate: 1 } });
      made.restriction = 'High-profile case';
      return made;
    }),
  },
  {
    name: 'left care under special guardianship to former foster carers',
    build: one((ctx) => {
      const made = child(ctx, { age: [7, 9] }, 'UNMARRIED_REGISTERED');
      const start = ctx.asOf - 1000;
      inCare(ctx, made, {
        kind: 'C2',
        start,
        end: start + 700,
        endReason: 'E46',
        placements: [{ value: 'U6', start }],
      });
      return made;
    }),
  },
];
