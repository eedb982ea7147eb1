// Every read of a child is logged before the answer leaves (contract: "no log, no answer"):
// root resolvers note which children they return and which Child fields the operation asks of
// them; after execution the request's AccessRecord is written, with the notifications a
// partner's read of a child on a CP plan or in care raises, in one statement shared with the
// requests waiting alongside it (group commit, src/access/access-trail.ts).

import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { AccessTrailWriter } from '../access/access-trail.js';
import { isEmergencyCare, partnerRoles } from '../access/who-sees-what.js';
import { careStatusFactsOf } from '../db/care-status-facts.js';
import { careStatusOn } from '../domain/care-status.js';
import type { RequestContext } from './context.js';

/** The top-level Child fields under `path` of this root field (e.g. ['edges', 'node'] for children), fragments included. */
export function childFieldsAsked(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);
  for (const step of path) sets = sets.flatMap((set) => fieldsOf(set, info).filter((field) => field.name === step).flatMap((field) => field.selectionSet ?? []));
  return [...new Set(sets.flatMap((set) => fieldsOf(set, info).map((field) => field.name)))].filter((name) => name !== '__typename').sort();
}

export function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo): { name: string; selectionSet: SelectionSetNode | undefined }[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [{ name: selection.name.value, selectionSet: selection.selectionSet }];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, info) : [];
  });
}

/** Notes that these children are returned, with these fields (none: they were still returned). */
export function noteReads(context: RequestContext, childIds: readonly string[], fields: readonly string[]): void {
  for (const childId of childIds) {
    context.access.seen(childId);
    for (const field of fields) context.access.read(childId, field);
  }
}

/** Writes the request's log entries and notifications, all or nothing. Throws when they cannot be written. */
export async function writeAccessTrail(writer: AccessTrailWriter, context: RequestContext): Promise<void> {
  if (context.access.isEmpty()) return;
  const { claims, requestId } = context;
  const reader = { subject: claims.sub, role: claims.role, org: claims.org, purpose: claims.purpose, requestId };
  const notifying = partnerRoles.has(claims.role) ? await notifyingReads(context) : [];
  await writer.write({ record: context.access, reader, notifying });
}

/**
 * A partner read a child who, today, is on a CP plan or looked after (as CP-IS notifies health);
 * an emergency-care read notifies whatever the child's status.
 */
async function notifyingReads(context: RequestContext): Promise<{ childId: string; status: string[] }[]> {
  const always = isEmergencyCare(context.claims);
  const reads = await Promise.all(
    [...context.access.childrenRead].map(async (childId) => {
      const { kinds } = careStatusOn(await careStatusFactsOf(childId, context.today, context.records), context.today);
      return { childId, status: kinds.filter((kind) => kind === 'CHILD_PROTECTION' || kind === 'CHILD_IN_CARE') };
    }),
  );
  return reads.filter((read) => always || read.status.length > 0);
}
