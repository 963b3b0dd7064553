import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { adminSchema } from "./schema";

const MAX_CONNECTIONS = 5;
const MAX_CONNECTION_DEPTH = 2;

/**
 * Why Shopify would refuse a `bulkOperationRunQuery` query (each becomes a userError with code
 * INVALID), or [] when it would run it: it must be a valid query with at least one connection, at
 * most five connections, connections nested at most two deep, no top-level `node`/`nodes`, and no
 * connection inside a list field (an order's `refunds` list may not select `refundLineItems`).
 * @example bulkQueryProblems("{ orders { edges { node { id } } } }") // []
 */
export function bulkQueryProblems(query: string): string[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return [`Invalid bulk query: ${(error as Error).message}`];
  }
  const schema = adminSchema();
  const invalid = validate(schema, document);
  if (invalid.length) return invalid.map((e) => `Invalid bulk query: ${e.message}`);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== "query")
    return ["Invalid bulk query: a bulk operation runs a query, not a mutation or subscription."];
  const problems = new Set<string>();
  for (const selection of operation.selectionSet.selections)
    if (selection.kind === Kind.FIELD && (selection.name.value === "node" || selection.name.value === "nodes"))
      problems.add("Bulk queries cannot use the top-level `node` and `nodes` fields.");
  const found = connectionsIn(schema, document, operation.selectionSet);
  if (found.count === 0) problems.add("Bulk queries must contain at least one connection.");
  if (found.count > MAX_CONNECTIONS) problems.add(`Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`);
  if (found.deepest > MAX_CONNECTION_DEPTH)
    problems.add(`Bulk queries cannot contain connections nested more than ${MAX_CONNECTION_DEPTH} levels deep.`);
  if (found.inList) problems.add("Queries that contain a connection field within a list field are not currently supported.");
  return [...problems];
}

interface Found {
  count: number;
  deepest: number;
  inList: boolean;
}

/** Counts connections, their deepest nesting, and whether one sits under a (non-connection) list. */
function connectionsIn(schema: GraphQLSchema, document: DocumentNode, root: SelectionSetNode): Found {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const found: Found = { count: 0, deepest: 0, inList: false };
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, depth: number, inList: boolean) => {
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FIELD) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        const on = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (fragment && on && isCompositeType(on)) walk(fragment.selectionSet, on, depth, inList);
        continue;
      }
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      const named = field && getNamedType(field.type);
      if (!field || !named || !isCompositeType(named) || !selection.selectionSet) continue;
      const isConnection = named.name.endsWith("Connection");
      // A connection's own edges/nodes lists are how it is read, not a list that holds it.
      const partOfConnection = type.name.endsWith("Connection") || type.name.endsWith("Edge");
      const listHere = isListType(getNullableType(field.type)) && !partOfConnection;
      if (isConnection) {
        found.count += 1;
        found.deepest = Math.max(found.deepest, depth + 1);
        if (inList) found.inList = true;
      }
      walk(selection.selectionSet, named, isConnection ? depth + 1 : depth, isConnection ? false : inList || listHere);
    }
  };
  walk(root, schema.getQueryType()!, 0, false);
  return found;
}
