// Limits on what one operation may ask, checked before anything runs (issue 6, "Hardening"): a
// refused operation gets QUERY_TOO_COMPLEX, a message naming the limit, and no data.
//
// - depth, aliases and directives: graphql-armor's validation rules, run with the standard
//   rules in the one validation pass Apollo makes (and caches per document);
// - tokens: counted while parsing, so an oversized document is never parsed in full. Apollo
//   parses with graphql-js and cannot take graphql-armor's counting parser (its Apollo route
//   throws from parsingDidStart, which Apollo 5 turns into a 500), so the count is graphql-js's
//   own `maxTokens` parse option, and its parse error is reported here as QUERY_TOO_COMPLEX;
// - cost: graphql-query-complexity in didResolveOperation, where the request's variables are
//   known, so a list follows its `first` argument: `children(first: N) { … }` costs N times
//   what one child asks for; and a whole-authority field weighs its window of dates
//   (`compliance`, `dueDates`: issue 11, finding 4), so 29 years is refused before it runs.
//
// Introspection is decided here too, per request, from the token's role.

import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import type { Config, OperationLimitSettings } from '../config.js';
import type { RequestContext } from '../graphql/context.js';
import { DueKind } from '../graphql/types/enums.js';
import { storedWindow } from '../db/due-date-store.js';
import { addYears, isIsoDate, todayInLondon } from '../domain/calendar.js';
import type { IsoDate } from '../domain/facts.js';

export type OperationLimit = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost';

/** What a connection's `first` means when it is not given, and the most a resolver accepts. */
export const defaultFirst = 50;
export const maxFirst = 500;

/** An operation refused for its size: HTTP 400, QUERY_TOO_COMPLEX, and the limit it broke. */
export class QueryTooComplexError extends GraphQLError {
  constructor(
    readonly limit: OperationLimit,
    message: string,
  ) {
    super(`Query too complex: ${message}`, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, http: { status: 400 } } });
  }
}

const refusal = (status: number, code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });

/**
 * A graphql-armor rule whose rejection is reported (not thrown) as QueryTooComplexError, so the
 * other rules still run and every problem is listed. Armor's own message ("Syntax Error: Query
 * depth limit of 10 exceeded, found 12.") loses its misleading prefix.
 */
function armorRule(
  limit: OperationLimit,
  rule: (options: { n: number; exposeLimits: boolean; propagateOnRejection: boolean; onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[] }) => (context: ValidationContext) => unknown,
  n: number,
): ValidationRule {
  return rule({
    n,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        context?.reportError(new QueryTooComplexError(limit, error.message.replace(/^Syntax Error: /, '')));
      },
    ],
  }) as ValidationRule;
}

/**
 * Cost: every field 1 plus what it selects; a field with a `first` argument (a connection)
 * costs 1 + first × what it selects, `first` defaulting to 50 and capped at 500 (above that the
 * resolver refuses the argument itself, BAD_USER_INPUT, which is the more useful answer).
 */
export const firstArgumentEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((argument) => argument.name === 'first')) return undefined;
  const asked = typeof args.first === 'number' && Number.isFinite(args.first) ? args.first : defaultFirst;
  return 1 + Math.min(Math.max(asked, 0), maxFirst) * childComplexity;
};

/**
 * What a month of a whole-authority window costs (docs/graphql-over-http.md, "Operation cost").
 * Computed now, every child's rules are replayed over the window and held in memory: about
 * 7.5 s and 470 MB for 29 years at 20,000 children, so 2,000 a month lets four years through
 * the default limit (100,000) and refuses five. A question the due-date store can answer (asOf
 * today, the window inside the stored one) is a read of stored rows: 100 a month.
 */
export const windowMonthCost = { computed: 2_000, stored: 100 } as const;

/** Calendar months that [from, to] touches: 2026-01-31 to 2026-02-01 is 2; never less than 1. */
function monthsIn(window: { from: IsoDate; to: IsoDate }): number {
  const index = (date: IsoDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return Math.max(index(window.to) - index(window.from) + 1, 1);
}

/** The cost of a whole-authority window on asOf: its months, at the stored or the computed rate. */
function windowCost(window: { from: IsoDate; to: IsoDate }, asOf: IsoDate, today: IsoDate = todayInLondon()): number {
  const stored = storedWindow(today);
  const storeShaped = asOf === today && window.from >= stored.from && window.to <= stored.to;
  return monthsIn(window) * (storeShaped ? windowMonthCost.stored : windowMonthCost.computed);
}

const isDate = (value: unknown): value is IsoDate => typeof value === 'string' && isIsoDate(value);

/**
 * `compliance(from, to, asOf, groupBy)`: its window, plus its selection once per group it can
 * return (MONTH: each month; KIND: each due kind; NONE and TEAM: once, teams being unknown
 * before it runs). Dates that are not dates are left to the resolver (BAD_USER_INPUT).
 */
export const complianceCost: ComplexityEstimator = ({ args, childComplexity }) => {
  if (!isDate(args.from) || !isDate(args.to)) return 1 + childComplexity;
  const window = { from: args.from, to: args.to };
  const today = todayInLondon();
  const groups = args.groupBy === 'MONTH' ? monthsIn(window) : args.groupBy === 'KIND' ? Object.keys(DueKind).length : 1;
  return windowCost(window, isDate(args.asOf) ? args.asOf : today, today) + 1 + groups * childComplexity;
};

/** `dueDates(filter, first, asOf)`: its window (default a year either side of asOf), plus its page as any list. */
export const dueDatesCost: ComplexityEstimator = (options) => {
  const { args } = options;
  const today = todayInLondon();
  const asOf = isDate(args.asOf) ? args.asOf : today;
  const filter = (args.filter ?? {}) as { dueFrom?: unknown; dueTo?: unknown };
  const window = { from: isDate(filter.dueFrom) ? filter.dueFrom : addYears(asOf, -1), to: isDate(filter.dueTo) ? filter.dueTo : addYears(asOf, 1) };
  return windowCost(window, asOf, today) + firstArgumentEstimator(options)!;
};

export const costEstimators: ComplexityEstimator[] = [fieldExtensionsEstimator(), firstArgumentEstimator, simpleEstimator({ defaultComplexity: 1 })];

/** The arguments the estimators above read: a variable used in no other place does not change a cost. */
const costArguments = new Set(['first', 'from', 'to', 'asOf', 'groupBy', 'filter']);

/** The variables a document's cost depends on: those used inside a cost argument. */
function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (!costArguments.has(node.name.value)) return;
      visit(node.value, { [Kind.VARIABLE]: (variable) => void names.add(variable.name.value) });
    },
  });
  return [...names].sort();
}

/** Costs already worked out, per document (see refusedByDocument in who-sees-what.ts for why weak). */
const costsByDocument = new WeakMap<DocumentNode, { costVariables: string[]; costs: LRUCache<string, number> }>();
/** Per document: its operations, by the values of its cost variables and the date (windows cost by today). */
const costsKeptPerDocument = 100;

/** The cost of one operation of a document, with its variables (for `first: $first`). */
export function operationCost(
  schema: Parameters<typeof getComplexity>[0]['schema'],
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  let known = costsByDocument.get(document);
  if (!known) costsByDocument.set(document, (known = { costVariables: costVariablesOf(document), costs: new LRUCache({ max: costsKeptPerDocument }) }));
  const key = JSON.stringify([operationName ?? null, todayInLondon(), known.costVariables.map((name) => (variables && name in variables ? [variables[name]] : []))]);
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = getComplexity({ schema, query: document, variables: variables ?? {}, estimators: costEstimators, ...(operationName ? { operationName } : {}) });
    known.costs.set(key, cost);
  }
  return cost;
}

/** Whether the document asks for the schema itself (`__schema`, `__type`; `__typename` is ordinary). */
export function introspectionFields(document: DocumentNode): string[] {
  const found = new Set<string>();
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found.add(node.name.value);
    },
  });
  return [...found];
}

export interface OperationLimits {
  /** Apollo constructor options: graphql-armor's rules and the token limit for the parser. */
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  /** Cost (with the request's variables) and introspection, per request. */
  plugin: ApolloServerPlugin<RequestContext>;
}

export function createOperationLimits(config: Pick<Config, 'operationLimits' | 'introspection'>): OperationLimits {
  const limits: OperationLimitSettings = config.operationLimits;
  const introspectionAllowed = (role: string) =>
    config.introspection === 'all' || (config.introspection === 'social-care' && role === 'social-care');
  return {
    validationRules: [
      armorRule('depth', maxDepthRule, limits.depth),
      armorRule('aliases', maxAliasesRule, limits.aliases),
      armorRule('directives', maxDirectivesRule, limits.directives),
    ],
    parseOptions: { maxTokens: limits.tokens },
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, request, operationName, schema, contextValue }) {
            const role = contextValue.claims.role;
            if (!introspectionAllowed(role)) {
              const asked = introspectionFields(document);
              if (asked.length > 0) {
                throw refusal(403, 'FORBIDDEN', `${asked.join(', ')}: introspection is not available to the ${role} role`, { field: asked[0] });
              }
            }
            let cost: number;
            try {
              cost = operationCost(schema, document, request.variables, operationName);
            } catch (error) {
              // graphql-query-complexity gives up on a document with more than 10,000 nodes.
              if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
                throw new QueryTooComplexError('cost', 'the operation has more than 10000 fields and fragments');
              }
              // Variables that do not coerce: execution reports them (BAD_USER_INPUT) before running anything.
              return;
            }
            if (cost > limits.cost) {
              throw new QueryTooComplexError(
                'cost',
                `cost ${cost} exceeds the limit of ${limits.cost} (each field costs 1, a list asked for with first: N costs N times its selection, and a month of compliance or dueDates computed now costs ${windowMonthCost.computed}); ask for fewer rows, fields or months`,
              );
            }
          },
        };
      },
    },
  };
}

/**
 * For formatError: a refusal raised during parsing or validation, which Apollo re-labels
 * GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED, keeps its own code. Undefined otherwise.
 */
export function formatOperationRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof QueryTooComplexError) {
    return { message: original.message, locations: formatted.locations, extensions: { code: 'QUERY_TOO_COMPLEX', limit: original.limit } };
  }
  // graphql-js 16 spells it "more that"; later versions may not.
  const tokens = /Document contains more (?:than|that) (\d+) tokens/.exec(formatted.message);
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    return {
      message: new QueryTooComplexError('tokens', `more than ${tokens[1]} tokens (the limit); parsing stopped there`).message,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens' },
    };
  }
  return undefined;
}
