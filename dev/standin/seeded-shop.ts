import path from "node:path";
import { parse } from "graphql";
import { StandinStore, type StandinChange } from "./store";
import { executeAdmin } from "./admin/execute";
import type { ViewContext } from "./admin/view-context";
import { loadDataset } from "../seed/online-retail";
import { seedStore } from "../seed/seed-store";

export const SEEDED_SHOP = "seeded-test.myshopify.com";

/**
 * A store seeded from the sample dataset, with helpers that run Admin GraphQL documents straight
 * through the resolvers (no HTTP, token or cost check) — for the stand-in's own tests (test-only module).
 * @example const world = await seededShop(); const { data } = await world.query("{ ordersCount { count } }")
 */
export async function seededShop(now = new Date()) {
  const store = new StandinStore();
  const shop = store.ensureShop(SEEDED_SHOP, { currencyCode: "GBP" });
  const dataset = await loadDataset(path.resolve("dev/data/online-retail-sample.csv.gz"));
  const seeded = seedStore(store, SEEDED_SHOP, dataset, { now, recentDays: 14 });
  const view: ViewContext = { shop, standinUrl: "http://standin.test", options: { bulk: false } };

  const query = (document: string, variables: Record<string, unknown> = {}) => executeAdmin(store, view, parse(document), variables);

  /** Starts a bulk operation and resolves with its userErrors, or its JSONL lines once finished. */
  const bulk = async (mutation: string, inner: string) => {
    const finished = new Promise<void>((resolve) => {
      const on = (change: StandinChange) => {
        if (change.topic !== "bulk_operations/finish") return;
        store.off("change", on);
        resolve();
      };
      store.on("change", on);
    });
    const started = await query(mutation, { query: inner });
    if (started.errors?.length) throw new Error(started.errors.map((e) => e.message).join("; "));
    const payload = (started.data as any).bulkOperationRunQuery;
    if (payload.userErrors.length) return { userErrors: payload.userErrors as { message: string; code: string }[], lines: [] };
    await finished;
    const op = [...shop.bulkOperations.values()].at(-1)!;
    if (op.status !== "COMPLETED") throw new Error(`bulk operation ${op.status}`);
    const lines = (op.result ?? "")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, any>);
    return { userErrors: [], lines };
  };

  return { store, shop, seeded, view, query, bulk };
}
