// Which of a child's relations (src/db/child-relations.ts) an operation will read, worked out
// from its selection once per document and role, so that a look-up reads them all in its one
// statement and a page in one more. A field missing here still answers (its resolver loads what
// it needs, one statement more); the statement-count snapshots show it.

import { getNamedType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { partnerRoles } from '../access/who-sees-what.js';
import { careStatusRelations } from '../db/care-status-facts.js';
import type { RelationName } from '../db/child-relations.js';
import { scheduleRelations } from '../db/schedule-facts.js';
import { fieldsOf } from './access-logging.js';
import type { RequestContext } from './context.js';

const keyContacts: readonly RelationName[] = ['involvements', 'careLeaverRecords'];

/** `Type.field` → the relations its resolver reads (child-resolver.ts, care-resolvers.ts). */
const relationsReadBy: Record<string, readonly RelationName[]> = {
  'Child.nhsNumber': ['person'],
  'Child.forename': ['person'],
  'Child.surname': ['person'],
  'Child.dateOfBirth': ['person'],
  'Child.careStatus': careStatusRelations,
  'Child.nextReviewDue': scheduleRelations,
  'Child.schedule': scheduleRelations,
  'Child.dualStatusOutcome': scheduleRelations,
  'Child.parentalResponsibility': ['person', 'relationships', 'courtOrders', 'legalStatuses', 'relatedPeople'],
  'Child.childProtectionPlans': ['childProtectionPlans'],
  'Child.childInNeedPlans': ['childInNeedPlans'],
  'Child.earlyHelpEpisodes': ['earlyHelpEpisodes'],
  'Child.periodsOfCare': ['careEpisodes', 'legalStatuses'],
  'Child.careLeaver': [...careStatusRelations, 'courtOrders'],
  'Child.keyContacts': keyContacts,
  'Child.dutyContact': [...keyContacts, 'teamContacts'],
  'ChildProtectionPlan.nextReviewDue': scheduleRelations,
  'ChildInNeedPlan.nextReviewDue': scheduleRelations,
  'PeriodOfCare.reviews': ['careReviews', 'legalStatuses'],
  'PeriodOfCare.nextReviewDue': scheduleRelations,
  'PeriodOfCare.placements': ['placements'],
  'PeriodOfCare.carePlan': ['carePlans', 'person', 'involvements', 'healthChecks', 'careLeaverRecords', 'legalStatuses'],
  'CarePlanSummary.nextHealthAssessmentDue': scheduleRelations,
  'CarePlanSummary.nextPepReviewDue': scheduleRelations,
};

const plans = new WeakMap<FieldNode, Map<string, readonly RelationName[]>>();

/**
 * The relations the Child objects under `path` of this root field will read (['edges', 'node']
 * for a connection), sorted; for a partner also those its read's notification checks (the care
 * status today, src/graphql/access-logging.ts).
 */
export function relationsReadFor(info: GraphQLResolveInfo, context: Pick<RequestContext, 'claims'>, path: readonly string[] = []): readonly RelationName[] {
  const [root] = info.fieldNodes;
  const role = context.claims.role;
  let byRole = root ? plans.get(root) : undefined;
  const planned = byRole?.get(role);
  if (planned) return planned;
  const child = info.schema.getType('Child') as GraphQLObjectType;
  let sets = info.fieldNodes.flatMap((node) => node.selectionSet ?? []);
  for (const step of path) sets = sets.flatMap((set) => fieldsOf(set, info).filter((field) => field.name === step).flatMap((field) => field.selectionSet ?? []));
  const names = new Set<RelationName>(partnerRoles.has(role) ? careStatusRelations : []);
  collect(child, sets, info, names);
  const plan = [...names].sort();
  if (root) {
    if (!byRole) plans.set(root, (byRole = new Map()));
    byRole.set(role, plan);
  }
  return plan;
}

function collect(type: GraphQLObjectType, sets: readonly SelectionSetNode[], info: GraphQLResolveInfo, into: Set<RelationName>): void {
  for (const field of sets.flatMap((set) => fieldsOf(set, info))) {
    for (const name of relationsReadBy[`${type.name}.${field.name}`] ?? []) into.add(name);
    const fieldType = type.getFields()[field.name]?.type;
    const named = fieldType ? getNamedType(fieldType) : undefined;
    if (field.selectionSet && named && isObjectType(named)) collect(named, [field.selectionSet], info, into);
  }
}
