// A child's records for one request (or one batch of whole-authority work), read from the
// relations of src/db/child-relations.ts. A look-up brings every relation its operation needs in
// its own statement (src/db/children.ts) and hands them here (`prime`); a page reads ahead in one
// statement (`readAhead`); anything else asked in the same tick is read together, in one
// statement for every child and relation asked, however many.

import DataLoader from 'dataloader';
import { isNotNull } from 'drizzle-orm';
import type { MeetingKind } from '../domain/child-protection.js';
import type { Person } from '../domain/facts.js';
import { factsOf, relationColumnsSql, relationNames, StatementTexts, type FactOf, type RelationName } from './child-relations.js';
import type { Orm, SqlSession } from './connection.js';
import * as schema from './schema.js';

/**
 * Children per statement: a request's statements depend on its shape alone up to this many
 * children (every page, every look-up); whole-authority work (BI on the fly, storing due dates)
 * takes one statement per this many.
 */
export const maxChildrenPerStatement = 10_000;

/** A child's relation columns as a statement returns them (relationColumnsSql): JSON text or null. */
export type RelationColumns = Partial<Record<RelationName, string | null>>;

/**
 * The kinds of meeting the extract carries at all: a kind with no rows means whether those
 * meetings happen is unknown (rules.md, completionKnown). Pathway plan reviews are also carried by
 * `ssd_care_leavers`. It changes only when an import commits: the service holds it in memory
 * (src/db/data-changes.ts); whole-authority work reads it once per batch.
 */
export async function readMeetingKindsRecorded(orm: Orm): Promise<ReadonlySet<MeetingKind>> {
  const { cbMeeting, ssdCareLeavers } = schema;
  const [meetingKinds, pathwayReviews] = await Promise.all([
    orm.selectDistinct({ kind: cbMeeting.meet_kind }).from(cbMeeting),
    orm.select({ id: ssdCareLeavers.clea_table_id }).from(ssdCareLeavers).where(isNotNull(ssdCareLeavers.clea_pathway_plan_review_date)).limit(1),
  ]);
  const kinds = new Set(meetingKinds.map((row) => row.kind as MeetingKind));
  if (pathwayReviews.length > 0) kinds.add('PATHWAY_PLAN_REVIEW');
  return kinds;
}

// The statement's text depends only on the relations read: built once per set, then prepared.
const batchStatements = new StatementTexts();

function batchStatement(names: readonly RelationName[]): string {
  return batchStatements.textOf(names.join(','), () => `SELECT k.id, ${relationColumnsSql(names, 'k.id')}\nFROM json_array_elements_text($1::json) AS k(id)`);
}

/** The relations `names` of these children, one statement per maxChildrenPerStatement children. */
export async function readRelations(session: SqlSession, childIds: readonly string[], names: readonly RelationName[]): Promise<Map<string, RelationColumns>> {
  const byChild = new Map<string, RelationColumns>();
  const sorted = [...new Set(names)].sort();
  for (let from = 0; from < childIds.length; from += maxChildrenPerStatement) {
    const ids = childIds.slice(from, from + maxChildrenPerStatement);
    const rows = await session.query<{ id: string } & RelationColumns>(batchStatement(sorted), [JSON.stringify(ids)], { prepare: true });
    for (const { id, ...columns } of rows) byChild.set(id, columns);
  }
  return byChild;
}

/** `ids` a batch at a time. */
export function* batchesOf<T>(ids: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < ids.length; at += size) yield ids.slice(at, at + size);
}

interface RelationKey {
  name: RelationName;
  childId: string;
}

/** A value now, or later: what the request's records answer (graphql-js takes either). */
export type MaybePromise<T> = T | Promise<T>;

/** `then` applied at once to a value already at hand, after it otherwise: no promise when none is needed. */
export function whenRead<T, U>(value: MaybePromise<T>, then: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(then) : then(value);
}

type RelationReaders = { [Name in RelationName]: { load(childId: string): Promise<FactOf<Name>[]> } };

/** Facts of these relations, by relation name. */
export type FactsOf<Names extends readonly RelationName[]> = { [Name in Names[number]]: FactOf<Name>[] };

export type ChildRecords = Omit<RelationReaders, 'person'> & {
  person: { load(childId: string): Promise<Person | null> };
  /**
   * These relations of a child: at once when all are read already (a look-up's statement, a page
   * read ahead), else after one statement for everything asked in the same tick. Answering at once
   * matters: a look-up's fields then resolve without a promise each.
   */
  read<const Names extends readonly RelationName[]>(childId: string, names: Names): MaybePromise<FactsOf<Names>>;
  /** The kinds of meeting the extract carries (readMeetingKindsRecorded), once per request at most. */
  meetingKindsRecorded(): MaybePromise<ReadonlySet<MeetingKind>>;
  /** Relations already read for a child (a look-up's statement): later loads answer from them. */
  prime(childId: string, columns: RelationColumns): void;
  /** Reads these relations of these children now, in one statement (a page, before its fields ask). */
  readAhead(childIds: readonly string[], names: readonly RelationName[]): Promise<void>;
};

export function createChildRecords(session: SqlSession, meetingKindsRecorded: () => MaybePromise<ReadonlySet<MeetingKind>>): ChildRecords {
  // Facts read so far, by relation and child: asked again, they answer at once.
  const known = new Map<string, unknown[]>();
  const keyOf = (name: RelationName, childId: string) => `${name}\u0000${childId}`;
  const remember = (name: RelationName, childId: string, json: string | null) => {
    const facts = factsOf(name, json);
    known.set(keyOf(name, childId), facts);
    return facts;
  };
  // Everything asked in one tick is read in one statement: the children asked × the relations asked.
  const loader = new DataLoader<RelationKey, unknown[], string>(
    async (keys) => {
      const childIds = [...new Set(keys.map((key) => key.childId))];
      const read = await readRelations(session, childIds, [...new Set(keys.map((key) => key.name))]);
      return keys.map(({ name, childId }) => remember(name, childId, read.get(childId)?.[name] ?? null));
    },
    { cacheKeyFn: ({ name, childId }) => keyOf(name, childId), maxBatchSize: maxChildrenPerStatement * relationNames.length },
  );
  const load = (name: RelationName, childId: string): MaybePromise<unknown[]> => known.get(keyOf(name, childId)) ?? loader.load({ name, childId });
  const prime = (childId: string, columns: RelationColumns) => {
    for (const name of Object.keys(columns) as RelationName[]) remember(name, childId, columns[name] ?? null);
  };
  const readers = Object.fromEntries(
    relationNames.map((name) => [name, { load: async (childId: string) => load(name, childId) }]),
  ) as unknown as RelationReaders;
  let meetingKinds: MaybePromise<ReadonlySet<MeetingKind>> | undefined;
  return {
    ...readers,
    person: { load: async (childId) => ((await load('person', childId)) as Person[])[0] ?? null },
    read: <const Names extends readonly RelationName[]>(childId: string, names: Names) => {
      const facts = names.map((name) => load(name, childId));
      const byName = (values: unknown[]) => Object.fromEntries(names.map((name, index) => [name, values[index]])) as FactsOf<Names>;
      return facts.some((value) => value instanceof Promise) ? Promise.all(facts).then(byName) : byName(facts as unknown[][]);
    },
    meetingKindsRecorded: () => (meetingKinds ??= meetingKindsRecorded()),
    prime,
    readAhead: async (childIds, names) => {
      if (childIds.length === 0 || names.length === 0) return;
      const read = await readRelations(session, childIds, names);
      for (const childId of childIds) prime(childId, Object.fromEntries(names.map((name) => [name, read.get(childId)?.[name] ?? null])));
    },
  };
}
