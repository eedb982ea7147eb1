// What a piece of work asks of the database: each statement (outlined: no values, one line) and
// the round trips, counted as the times a statement is sent while none is awaiting its answer
// (statements sent together, like a batch of loaders, are one round trip).

import type { Database } from '../../src/db/connection.js';

export interface StatementsSent<T> {
  result: T;
  statements: string[];
  roundTrips: number;
}

export async function statementsOf<T>(database: Database, work: () => Promise<T>): Promise<StatementsSent<T>> {
  const statements: string[] = [];
  let awaiting = 0;
  let roundTrips = 0;
  const listener = (text: string) => {
    statements.push(text);
    if (awaiting++ === 0) roundTrips++;
    return () => awaiting--;
  };
  database.statementListeners.add(listener);
  try {
    const result = await work();
    return { result, statements, roundTrips };
  } finally {
    database.statementListeners.delete(listener);
  }
}

/**
 * A statement in one line without its values. A look-up (src/db/children.ts) and a read of a
 * list of children's relations (src/db/child-records.ts) are named with the relations they read;
 * an insert by its tables; any other is what it selects from and the rest of its text, parameters as `…`.
 */
export function outline(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').replace(/\$\d+(, \$\d+)*/g, '…');
  const relations = [...oneLine.matchAll(/\)::text FROM .*? AS "(\w+)"/g)].map((match) => match[1]).join(', ');
  const reading = relations ? ` with [${relations}]` : '';
  if (oneLine.includes(' AS visible, ')) {
    const by = oneLine.includes('pers_common_child_id IN') ? 'NHS number' : 'id';
    const scope = oneLine.includes('cb_consumer_link') ? 'linked to the reader' : oneLine.includes('true AS visible') ? 'every child' : 'unrestricted';
    return `look-up by ${by} (${scope})${reading}`;
  }
  if (relations) return `children's relations${reading}`;
  const inserts = [...oneLine.matchAll(/INSERT INTO (\S+)/gi)].map((match) => match[1]);
  if (inserts.length > 0) return `insert into ${inserts.join(' and ')}`;
  return oneLine.replace(/^select .*? from /i, 'select … from ');
}
