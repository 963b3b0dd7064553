import { execute, type DocumentNode, type ExecutionResult } from "graphql";
import type { StandinStore } from "../store";
import { adminSchema } from "./schema";
import { rootValue } from "./resolvers";
import type { ViewContext } from "./view-context";

/**
 * Executes an already validated Admin GraphQL document against one shop, with no token, cost or
 * throttle check — the part the HTTP router and bulk operations share, and what unit tests call.
 * @example await executeAdmin(store, { shop, standinUrl: "", options: { bulk: false } }, parse("{ shop { name } }"))
 */
export function executeAdmin(
  store: StandinStore,
  view: ViewContext,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<ExecutionResult> {
  return Promise.resolve(
    execute({
      schema: adminSchema(),
      document,
      variableValues: variables,
      operationName,
      rootValue: rootValue(store, view),
      typeResolver: typeOf,
    }),
  );
}

/** Views carry their GraphQL type name; interfaces and unions resolve by it. */
export function typeOf(value: unknown): string | undefined {
  return (value as { __typename?: string } | null)?.__typename;
}
