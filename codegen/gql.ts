/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ChildByNhsNumber($nhsNumber: String!, $asOf: Date) {\n  childByNhsNumber(nhsNumber: $nhsNumber, asOf: $asOf) {\n    id\n    forename\n    surname\n    dateOfBirth\n    careStatus {\n      kinds\n    }\n    childProtectionPlans {\n      id\n      startDate\n      endDate\n      category\n      latestCategory\n    }\n    keyContacts {\n      role\n      name\n      jobTitle\n      team\n      since\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}": typeof types.ChildByNhsNumberDocument,
    "query ChildCareStatus($id: ID!, $asOf: Date) {\n  child(id: $id, asOf: $asOf) {\n    id\n    careStatus {\n      asOf\n      kinds\n      isLookedAfter\n      isOnChildProtectionPlan\n      isDualStatus\n      legalBasis\n      legalStatusCode\n      localAuthorityHasParentalResponsibility\n    }\n    periodsOfCare {\n      id\n      startDate\n      endDate\n      legalBasis\n      placements {\n        id\n        startDate\n        endDate\n        placementType\n        placementTypeDescription\n      }\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}": typeof types.ChildCareStatusDocument,
    "query ChildrenPage($first: Int, $after: String, $filter: ChildFilter, $asOf: Date) {\n  children(first: $first, after: $after, filter: $filter, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        careStatus {\n          kinds\n          isDualStatus\n        }\n        childInNeedPlans {\n          id\n          startDate\n          endDate\n        }\n      }\n    }\n  }\n}": typeof types.ChildrenPageDocument,
    "query OverdueWork($first: Int, $after: String, $asOf: Date, $hasOverdue: Boolean) {\n  children(\n    first: $first\n    after: $after\n    asOf: $asOf\n    filter: {hasOverdue: $hasOverdue}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        nextReviewDue {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n        }\n        schedule {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n          completionKnown\n          subjectId\n        }\n      }\n    }\n  }\n}": typeof types.OverdueWorkDocument,
};
const documents: Documents = {
    "query ChildByNhsNumber($nhsNumber: String!, $asOf: Date) {\n  childByNhsNumber(nhsNumber: $nhsNumber, asOf: $asOf) {\n    id\n    forename\n    surname\n    dateOfBirth\n    careStatus {\n      kinds\n    }\n    childProtectionPlans {\n      id\n      startDate\n      endDate\n      category\n      latestCategory\n    }\n    keyContacts {\n      role\n      name\n      jobTitle\n      team\n      since\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}": types.ChildByNhsNumberDocument,
    "query ChildCareStatus($id: ID!, $asOf: Date) {\n  child(id: $id, asOf: $asOf) {\n    id\n    careStatus {\n      asOf\n      kinds\n      isLookedAfter\n      isOnChildProtectionPlan\n      isDualStatus\n      legalBasis\n      legalStatusCode\n      localAuthorityHasParentalResponsibility\n    }\n    periodsOfCare {\n      id\n      startDate\n      endDate\n      legalBasis\n      placements {\n        id\n        startDate\n        endDate\n        placementType\n        placementTypeDescription\n      }\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}": types.ChildCareStatusDocument,
    "query ChildrenPage($first: Int, $after: String, $filter: ChildFilter, $asOf: Date) {\n  children(first: $first, after: $after, filter: $filter, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        careStatus {\n          kinds\n          isDualStatus\n        }\n        childInNeedPlans {\n          id\n          startDate\n          endDate\n        }\n      }\n    }\n  }\n}": types.ChildrenPageDocument,
    "query OverdueWork($first: Int, $after: String, $asOf: Date, $hasOverdue: Boolean) {\n  children(\n    first: $first\n    after: $after\n    asOf: $asOf\n    filter: {hasOverdue: $hasOverdue}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        nextReviewDue {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n        }\n        schedule {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n          completionKnown\n          subjectId\n        }\n      }\n    }\n  }\n}": types.OverdueWorkDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChildByNhsNumber($nhsNumber: String!, $asOf: Date) {\n  childByNhsNumber(nhsNumber: $nhsNumber, asOf: $asOf) {\n    id\n    forename\n    surname\n    dateOfBirth\n    careStatus {\n      kinds\n    }\n    childProtectionPlans {\n      id\n      startDate\n      endDate\n      category\n      latestCategory\n    }\n    keyContacts {\n      role\n      name\n      jobTitle\n      team\n      since\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}"): (typeof documents)["query ChildByNhsNumber($nhsNumber: String!, $asOf: Date) {\n  childByNhsNumber(nhsNumber: $nhsNumber, asOf: $asOf) {\n    id\n    forename\n    surname\n    dateOfBirth\n    careStatus {\n      kinds\n    }\n    childProtectionPlans {\n      id\n      startDate\n      endDate\n      category\n      latestCategory\n    }\n    keyContacts {\n      role\n      name\n      jobTitle\n      team\n      since\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChildCareStatus($id: ID!, $asOf: Date) {\n  child(id: $id, asOf: $asOf) {\n    id\n    careStatus {\n      asOf\n      kinds\n      isLookedAfter\n      isOnChildProtectionPlan\n      isDualStatus\n      legalBasis\n      legalStatusCode\n      localAuthorityHasParentalResponsibility\n    }\n    periodsOfCare {\n      id\n      startDate\n      endDate\n      legalBasis\n      placements {\n        id\n        startDate\n        endDate\n        placementType\n        placementTypeDescription\n      }\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}"): (typeof documents)["query ChildCareStatus($id: ID!, $asOf: Date) {\n  child(id: $id, asOf: $asOf) {\n    id\n    careStatus {\n      asOf\n      kinds\n      isLookedAfter\n      isOnChildProtectionPlan\n      isDualStatus\n      legalBasis\n      legalStatusCode\n      localAuthorityHasParentalResponsibility\n    }\n    periodsOfCare {\n      id\n      startDate\n      endDate\n      legalBasis\n      placements {\n        id\n        startDate\n        endDate\n        placementType\n        placementTypeDescription\n      }\n    }\n    dutyContact {\n      team\n      phone\n      email\n      outOfHoursPhone\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChildrenPage($first: Int, $after: String, $filter: ChildFilter, $asOf: Date) {\n  children(first: $first, after: $after, filter: $filter, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        careStatus {\n          kinds\n          isDualStatus\n        }\n        childInNeedPlans {\n          id\n          startDate\n          endDate\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query ChildrenPage($first: Int, $after: String, $filter: ChildFilter, $asOf: Date) {\n  children(first: $first, after: $after, filter: $filter, asOf: $asOf) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        careStatus {\n          kinds\n          isDualStatus\n        }\n        childInNeedPlans {\n          id\n          startDate\n          endDate\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OverdueWork($first: Int, $after: String, $asOf: Date, $hasOverdue: Boolean) {\n  children(\n    first: $first\n    after: $after\n    asOf: $asOf\n    filter: {hasOverdue: $hasOverdue}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        nextReviewDue {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n        }\n        schedule {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n          completionKnown\n          subjectId\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query OverdueWork($first: Int, $after: String, $asOf: Date, $hasOverdue: Boolean) {\n  children(\n    first: $first\n    after: $after\n    asOf: $asOf\n    filter: {hasOverdue: $hasOverdue}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        nextReviewDue {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n        }\n        schedule {\n          kind\n          dueOn\n          ruleId\n          basis\n          overdue\n          completionKnown\n          subjectId\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;