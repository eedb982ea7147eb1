// Requests that are the caller's mistake, refused as BAD_USER_INPUT before anything runs, where
// they would otherwise reach a resolver or the database and come back INTERNAL:
// - a NUL character in an argument (PostgreSQL's text cannot hold one: "invalid byte sequence");
// - an operation type the schema does not have (a subscription: graphql-js 16 only notices at
//   execution; a validation failure is a 400 like any other).

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode, type ValidationRule, type ValueNode } from 'graphql';
import type { RequestContext } from './context.js';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

function nodeHoldsNul(node: ValueNode, variables: Record<string, unknown>): boolean {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes('\u0000');
    case Kind.VARIABLE:
      return holdsNul(variables[node.name.value]);
    case Kind.LIST:
      return node.values.some((value) => nodeHoldsNul(value, variables));
    case Kind.OBJECT:
      return node.fields.some((field) => nodeHoldsNul(field.value, variables));
    default:
      return false;
  }
}

// A document's arguments are found once (Apollo keeps parsed documents); only the values are per request.
const argumentsByDocument = new WeakMap<DocumentNode, ArgumentNode[]>();

function argumentsOf(document: DocumentNode): ArgumentNode[] {
  let found = argumentsByDocument.get(document);
  if (found === undefined) {
    const collected: ArgumentNode[] = [];
    visit(document, { Argument: (node) => void collected.push(node) });
    argumentsByDocument.set(document, (found = collected));
  }
  return found;
}

export const refuseNulCharacters: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const variables = request.variables ?? {};
        const argument = argumentsOf(document).find((node) => nodeHoldsNul(node.value, variables))?.name.value;
        if (argument === undefined) return;
        throw new GraphQLError(`${argument}: contains a NUL character (\\u0000), which no identifier or text holds`, {
          extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 } },
        });
      },
    };
  },
};

export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This API has no ${node.operation} operations (queries and mutations only)`, { nodes: node }));
  },
});
