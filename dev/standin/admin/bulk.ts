import { parse } from "graphql";
import type { StandinBulkOperation, StandinStore } from "../store";
import { executeAdmin } from "./execute";
import type { ViewContext } from "./view-context";

type Json = Record<string, unknown>;

/**
 * Runs a bulk query in the background as Shopify does: CREATED → RUNNING → COMPLETED, the whole
 * result (every page, `first` ignored) written as JSONL with nested connection nodes on their own
 * lines carrying `__parentId`, then a `bulk_operations/finish` change for the webhook sender.
 */
export function runBulkOperation(store: StandinStore, v: ViewContext, op: StandinBulkOperation, delayMs = 20): void {
  setTimeout(async () => {
    op.status = "RUNNING";
    try {
      const result = await executeAdmin(store, { ...v, options: { bulk: true } }, parse(op.query));
      if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("; "));
      const lines: string[] = [];
      for (const value of Object.values(result.data ?? {})) flatten(value as Json, undefined, lines);
      op.result = lines.length ? `${lines.join("\n")}\n` : "";
      op.objectCount = lines.length;
      op.status = "COMPLETED";
    } catch {
      op.status = "FAILED";
      op.errorCode = "INTERNAL_SERVER_ERROR";
    }
    op.completedAt = new Date().toISOString();
    store.changed({ shop: v.shop.domain, topic: "bulk_operations/finish", resourceId: op.id });
  }, delayMs);
}

/** One JSONL line per node; nested connections are lifted out with `__parentId`. */
export function flatten(conn: Json | null | undefined, parentId: string | undefined, out: string[]): void {
  for (const node of nodesOf(conn)) {
    const own: Json = {};
    const children: Json[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (isConnection(value)) children.push(value as Json);
      else own[key] = value;
    }
    if (parentId) own.__parentId = parentId;
    out.push(JSON.stringify(own));
    for (const child of children) flatten(child, String(node.id), out);
  }
}

function isConnection(value: unknown): boolean {
  return typeof value === "object" && value !== null && (Array.isArray((value as Json).edges) || Array.isArray((value as Json).nodes));
}

function nodesOf(conn: Json | null | undefined): Json[] {
  if (!conn) return [];
  if (Array.isArray(conn.nodes)) return conn.nodes as Json[];
  return ((conn.edges as { node: Json }[] | undefined) ?? []).map((edge) => edge.node);
}

export { typeOf } from "./execute";
