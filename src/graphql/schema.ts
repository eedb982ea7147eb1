// The GraphQL schema, built from the resolvers' decorators, and its printed SDL
// (schema/schema.graphql, committed; a test fails when they drift).
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessLogConnectionResolver, AccessNotificationConnectionResolver, AccessResolver } from './access-resolvers.js';
import {
  CarePlanSummaryResolver,
  ChildInNeedPlanResolver,
  ChildProtectionPlanResolver,
  PeriodOfCareResolver,
} from './care-resolvers.js';
import { ChildConnectionResolver, ChildResolver } from './child-resolver.js';
import { ComplianceResolver } from './compliance-resolvers.js';

export function buildCarebridgeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      ChildResolver,
      ChildConnectionResolver,
      ChildProtectionPlanResolver,
      ChildInNeedPlanResolver,
      PeriodOfCareResolver,
      CarePlanSummaryResolver,
      AccessResolver,
      AccessLogConnectionResolver,
      AccessNotificationConnectionResolver,
      ComplianceResolver,
    ],
    // Inputs are checked where they are read (badUserInput), with the argument named.
    validate: false,
  });
}

export function printCarebridgeSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
