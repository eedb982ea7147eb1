// Every row of the `dueDates` connection for a window, page by page, over real HTTP.
import { expect } from 'vitest';
import type { GraphqlResponse, TestService } from './service.js';

export interface DueDateRowReply {
  childId: string;
  kind: string;
  dueOn: string;
  doneOn: string | null;
  ruleId: string;
  basis: string;
  overdue: boolean;
  late: boolean;
  completionKnown: boolean;
  team: string | null;
  provisional: boolean;
}

export async function allDueDateRows(api: TestService, question: { asOf: string; from: string; to: string }, token?: string): Promise<DueDateRowReply[]> {
  const found: DueDateRowReply[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    type Page = { dueDates: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: DueDateRowReply }[] } };
    const reply: GraphqlResponse<Page> = await api.query<Page>(
      `query ($after: String, $asOf: Date, $from: Date, $to: Date) {
        dueDates(first: 500, after: $after, asOf: $asOf, filter: { dueFrom: $from, dueTo: $to }) {
          pageInfo { hasNextPage endCursor } edges { node { childId kind dueOn doneOn ruleId basis overdue late completionKnown team provisional } } } }`,
      { after, ...question },
      token,
    );
    expect(reply.body.errors).toBeUndefined();
    found.push(...reply.body.data!.dueDates.edges.map((edge) => edge.node));
    if (!reply.body.data!.dueDates.pageInfo.hasNextPage) break;
    after = reply.body.data!.dueDates.pageInfo.endCursor;
  }
  return found;
}
