// `accessLog`, `accessNotifications` and `acknowledgeAccessNotification`
// (../shared/contract/carebridge-access.graphql): for social-care only, any other role is
// FORBIDDEN. Both lists are newest first, paged by keyset on id behind opaque cursors.

import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { countAccessLog, pageOfAccessLog, type AccessLogEntryRow } from '../access/access-log.js';
import {
  acknowledgeAccessNotification,
  countAccessNotifications,
  pageOfAccessNotifications,
  type AccessNotificationRow,
} from '../access/notifications.js';
import type { RequestContext } from './context.js';
import { badUserInput } from './errors.js';
import { AccessLogConnection, AccessLogEntry, AccessNotification, AccessNotificationConnection } from './types/access.js';
import { CareStatusKind } from './types/enums.js';

const defaultPageSize = 50;
const maxPageSize = 500;

function requireSocialCare(context: RequestContext, field: string): void {
  if (context.claims.role !== 'social-care') {
    throw new GraphQLError(`${field} is for the social-care role only`, { extensions: { code: 'FORBIDDEN', field } });
  }
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? defaultPageSize;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) throw badUserInput('first', `must be between 0 and ${maxPageSize}`);
  return size;
}

// Opaque cursors with a prefix of their own, so that a cursor of one list is refused by another.
export function encodeIdCursor(prefix: string, id: string): string {
  return Buffer.from(`${prefix}:${id}`, 'utf8').toString('base64url');
}

export function decodeIdCursor(prefix: string, cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const match = new RegExp(`^${prefix}:([1-9][0-9]{0,17})$`).exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1];
}

function afterId(prefix: string, after: string | null | undefined): string | null {
  if (after == null) return null;
  const id = decodeIdCursor(prefix, after);
  if (id === undefined) throw badUserInput('after', 'not a cursor this API gave out');
  return id;
}

const logCursor = 'access-log';
const notificationCursor = 'access-notification';

function toEntry(row: AccessLogEntryRow): AccessLogEntry {
  return {
    id: row.id,
    at: row.at,
    role: row.role,
    org: row.org,
    subject: row.subject,
    purpose: row.purpose,
    requestId: row.request_id,
    fields: row.fields,
    outcome: row.outcome,
    kind: row.kind,
  };
}

const careStatusKinds = new Set<string>(Object.values(CareStatusKind));

function toNotification(row: AccessNotificationRow): AccessNotification {
  return {
    id: row.id,
    at: row.at,
    childId: row.child_person_id,
    org: row.org,
    role: row.role,
    subject: row.subject,
    requestId: row.request_id,
    childStatus: row.child_status.filter((kind) => careStatusKinds.has(kind)) as CareStatusKind[],
    acknowledged: row.acknowledged_at !== null,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

@Resolver()
export class AccessResolver {
  @Query(() => AccessLogConnection, { description: "social-care only: who read this child's record, newest first." })
  async accessLog(
    @Arg('childId', () => ID) childId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AccessLogConnection> {
    requireSocialCare(context, 'accessLog');
    const size = pageSize(first);
    const page = await pageOfAccessLog(context.database, childId, { afterId: afterId(logCursor, after), first: size });
    const edges = page.entries.map((row) => ({ cursor: encodeIdCursor(logCursor, row.id), node: toEntry(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: () => countAccessLog(context.database, childId),
    };
  }

  @Query(() => AccessNotificationConnection, { description: 'social-care only: partner reads of children on a CP plan or in care.' })
  async accessNotifications(
    @Arg('acknowledged', () => Boolean, { nullable: true }) acknowledged: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AccessNotificationConnection> {
    requireSocialCare(context, 'accessNotifications');
    const size = pageSize(first);
    const filter = acknowledged ?? null;
    const page = await pageOfAccessNotifications(context.database, {
      acknowledged: filter,
      afterId: afterId(notificationCursor, after),
      first: size,
    });
    const edges = page.notifications.map((row) => ({ cursor: encodeIdCursor(notificationCursor, row.id), node: toNotification(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: () => countAccessNotifications(context.database, filter),
    };
  }

  @Mutation(() => AccessNotification, {
    description: 'social-care only: marks a notification seen. Acknowledging again keeps the first acknowledgement.',
  })
  async acknowledgeAccessNotification(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<AccessNotification> {
    requireSocialCare(context, 'acknowledgeAccessNotification');
    const row = await acknowledgeAccessNotification(context.database, id, context.claims.sub);
    if (!row) throw new GraphQLError(`no access notification ${id}`, { extensions: { code: 'NOT_FOUND', argument: 'id' } });
    // Acting on a notification about a child is itself logged against that child.
    context.access.read(row.child_person_id, 'acknowledgeAccessNotification');
    return toNotification(row);
  }
}

@Resolver(() => AccessLogConnection)
export class AccessLogConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: AccessLogConnection): Promise<number> {
    return connection.totalCount();
  }
}

@Resolver(() => AccessNotificationConnection)
export class AccessNotificationConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: AccessNotificationConnection): Promise<number> {
    return connection.totalCount();
  }
}
