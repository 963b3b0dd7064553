import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  isCompositeType,
  valueFromAST,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type FragmentDefinitionNode,
  Kind,
} from "graphql";

/** Shopify refuses any single query whose requested cost is above this (MAX_COST_EXCEEDED). */
export const MAX_SINGLE_QUERY_COST = 1000;

/**
 * Shopify's documented query cost, computed before execution: a scalar or enum field costs 0, an
 * object 1, a connection 2 plus `first`/`last` times the cost of one node (1 for the node, plus what
 * it selects — the same whether read through `edges { node }` or `nodes`), a mutation 10.
 * (shopify.dev "API rate limits → Calculating query costs"). Written by hand: no library computes it.
 * @example requestedCost(schema, parse("{ shop { name } }"), {}) // 1
 */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  if (operation.operation === "mutation") return 10;
  const root = schema.getQueryType()!;

  const costOf = (set: SelectionSetNode, type: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on && isCompositeType(on)) total += costOf(fragment.selectionSet, on);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) total += costOf(selection.selectionSet, on);
        continue;
      }
      if (isUnionType(type) || selection.name.value.startsWith("__")) continue;
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const named = getNamedType(field.type);
      if (!isCompositeType(named) || !selection.selectionSet) continue;
      if (named.name.endsWith("Connection") && isObjectType(named)) {
        const arg = (name: string) => {
          const node = selection.arguments?.find((a) => a.name.value === name);
          const def = field.args.find((a) => a.name === name);
          return node && def ? (valueFromAST(node.value, def.type, variables) as number | null | undefined) : undefined;
        };
        const size = arg("first") ?? arg("last") ?? 1;
        // The connection's own 2 (pageInfo and cursors included), then one node's cost per requested node.
        total += 2 + size * nodeCost(selection.selectionSet, named);
      } else {
        total += 1 + costOf(selection.selectionSet, named);
      }
    }
    return total;
  };
  /** One node of a connection: 1 for the object, plus what `edges { node { … } }` and `nodes { … }` select. */
  const nodeCost = (set: SelectionSetNode, connectionType: GraphQLObjectType): number => {
    let readsNodes = false;
    let selected = 0;
    const add = (selection: SelectionSetNode, type: unknown) => {
      if (!isCompositeType(type)) return;
      readsNodes = true;
      selected += costOf(selection, type);
    };
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
      const named = getNamedType(connectionType.getFields()[selection.name.value]?.type);
      if (selection.name.value === "nodes") add(selection.selectionSet, named);
      if (selection.name.value === "edges" && isObjectType(named))
        for (const inner of selection.selectionSet.selections)
          if (inner.kind === Kind.FIELD && inner.name.value === "node" && inner.selectionSet)
            add(inner.selectionSet, getNamedType(named.getFields().node?.type));
    }
    return readsNodes ? 1 + selected : 0;
  };
  return costOf(operation.selectionSet, root);
}
