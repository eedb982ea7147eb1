// The contract's "Who sees what" (shared/contract/README.md), as data and one check per
// operation: which fields each role may ask for, decided from the operation's document before
// anything runs, so a forbidden field fails the whole operation (FORBIDDEN, naming it) and a
// non-null field never turns a partial answer into nulls. Which children a role sees is a SQL
// condition (src/db/children.ts), so counts and pages stay right.

import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { RowScope } from '../db/children.js';
import type { IsoDate } from '../domain/facts.js';
import type { Claims, Role } from './authentication.js';
import { emergencyCarePurpose, linkRoles } from './link-purposes.js';

/** Roles that read children linked to their organisation (cb_consumer_link). */
export const partnerRoles: ReadonlySet<Role> = new Set(linkRoles);

export function isEmergencyCare(claims: Claims): boolean {
  return claims.role === 'health' && claims.purpose === emergencyCarePurpose;
}

/** The children a reader sees, by case id or in lists (`CASE`) or by NHS number. */
export function rowScopeOf(claims: Claims, today: IsoDate, lookup: 'CASE' | 'NHS_NUMBER'): RowScope {
  if (!partnerRoles.has(claims.role)) return { kind: 'EVERY_CHILD' };
  if (lookup === 'NHS_NUMBER' && isEmergencyCare(claims)) return { kind: 'UNRESTRICTED' };
  // Links hold "today", whatever asOf the query asks about; only links whose purpose is the role's.
  return { kind: 'LINKED', org: claims.org, purpose: claims.purpose, linkPurposes: claims.linkPurposes, today };
}

const socialCareOnly = ['Query.accessLog', 'Query.accessNotifications', 'Mutation.acknowledgeAccessNotification'];
/** Authority-wide compliance data is for the authority and its BI tools, not for partners. */
const authorityOnly = ['Query.compliance', 'Query.dueDates'];

/** The dual-status fields health and education may read; the rest of the outcome is practice detail. */
const dualStatusForPartners = new Set(['state', 'isDualStatus', 'since', 'initialReviewDue', 'challengeWindowEndsOn', '__typename']);

const forbiddenFields: Record<Role, ReadonlySet<string>> = {
  'social-care': new Set(),
  ehc: new Set([...socialCareOnly, ...authorityOnly]),
  health: new Set([...socialCareOnly, ...authorityOnly]),
  education: new Set([...socialCareOnly, ...authorityOnly]),
  // BI works on pseudonymised lists: no names, dates of birth, NHS numbers or PR holders, no
  // look-up by NHS number, and no look-up by case id (a pseudonym is not a key).
  bi: new Set([
    ...socialCareOnly,
    'Query.child',
    'Query.childByNhsNumber',
    'Child.nhsNumber',
    'Child.forename',
    'Child.surname',
    'Child.dateOfBirth',
    'Child.parentalResponsibility',
    // "Team only": who the worker is, their role and since when are not BI's.
    'KeyContact.name',
    'KeyContact.jobTitle',
    'KeyContact.role',
    'KeyContact.since',
    'CarePlanSummary.iroName',
    // support ends on the 21st birthday: it would give the date of birth away.
    'CareLeaverStatus.supportUntil',
    // The case system's record ids join straight back to the child (and match across BI consumers).
    'ChildProtectionPlan.id',
    'ChildInNeedPlan.id',
    'EarlyHelpEpisode.id',
    'PeriodOfCare.id',
    'Placement.id',
    'CareReview.id',
    'DueDate.subjectId',
  ]),
};

/**
 * Health and education read five fields of the dual-status outcome; the dual-status due dates'
 * rule ids (DS-S20-PLO, DS-ICO, DS-UNTIL-ORDER, DS-BEYOND-3-MONTHS) would tell them the rest, so
 * their schedules leave those due dates out.
 */
export function readsDualStatusWorkflow(claims: Claims): boolean {
  return claims.role !== 'health' && claims.role !== 'education';
}

/** An emergency-care read sees only these (and what they contain): not even the case id of a child it is not linked to. */
const emergencyCareFields = new Set(['Query.childByNhsNumber', 'Child.careStatus', 'Child.dutyContact']);
const emergencyCareTypes = new Set(['CareStatus', 'DutyContact']);

/** May this reader ask for `type.field`? */
export function mayRead(claims: Claims, type: string, field: string): boolean {
  if (field === '__typename') return true;
  const name = `${type}.${field}`;
  if (isEmergencyCare(claims)) return emergencyCareFields.has(name) || emergencyCareTypes.has(type);
  if (forbiddenFields[claims.role].has(name)) return false;
  if ((claims.role === 'health' || claims.role === 'education') && type === 'DualStatusOutcome') return dualStatusForPartners.has(field);
  return true;
}

/** The fields of the document this reader may not ask for, as `Type.field`, in document order, each once. */
/**
 * The refused fields per document and kind of reader (mayRead reads only the role and whether it
 * is an emergency-care read). Apollo parses each operation text once and keeps its DocumentNode
 * in its bounded document store, so a weak map by document is bounded by that store.
 */
const refusedByDocument = new WeakMap<DocumentNode, Map<string, string[]>>();

export function forbiddenFieldsIn(document: DocumentNode, schema: GraphQLSchema, claims: Claims): string[] {
  const reader = isEmergencyCare(claims) ? 'emergency-care' : claims.role;
  let byReader = refusedByDocument.get(document);
  if (!byReader) refusedByDocument.set(document, (byReader = new Map()));
  let refused = byReader.get(reader);
  if (!refused) byReader.set(reader, (refused = fieldsRefused(document, schema, claims)));
  return refused;
}

function fieldsRefused(document: DocumentNode, schema: GraphQLSchema, claims: Claims): string[] {
  const typeInfo = new TypeInfo(schema);
  const refused = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !mayRead(claims, parent.name, node.name.value)) refused.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...refused];
}

export function forbiddenError(fields: readonly string[]): GraphQLError {
  return new GraphQLError(`FORBIDDEN: this token's role may not read ${fields.join(', ')}`, {
    extensions: { code: 'FORBIDDEN', fields, http: { status: 403 } },
  });
}
