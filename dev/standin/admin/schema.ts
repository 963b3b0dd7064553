import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

/** The real Admin API 2026-07 schema (introspection from the npm package @shopify/dev-mcp, ISC). */
export const ADMIN_SCHEMA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "schema", "admin_2026-07.json.gz");

let cached: GraphQLSchema | undefined;

/**
 * Builds (once) the executable schema from the vendored introspection result.
 * @example validate(adminSchema(), parse("{ shop { name } }")) // []
 */
export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(gunzipSync(readFileSync(ADMIN_SCHEMA_FILE)).toString("utf8")) as {
      data?: IntrospectionQuery;
    } & IntrospectionQuery;
    cached = buildClientSchema(json.data ?? json);
  }
  return cached;
}
