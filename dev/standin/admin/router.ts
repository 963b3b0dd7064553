import express from "express";
import { parse, validate, type DocumentNode, type GraphQLError } from "graphql";
import type { StandinContext } from "../context";
import { adminSchema } from "./schema";
import { MAX_SINGLE_QUERY_COST, requestedCost } from "./cost";
import { LeakyBucket, STANDARD_LIMITS, type BucketLimits } from "./throttle";
import { executeAdmin } from "./execute";

export const ADMIN_API_VERSION = "2026-07";

/**
 * Admin GraphQL as Shopify serves it: access-token check, graphql-js validation against the real
 * schema, cost calculation, leaky-bucket throttling, `extensions.cost` on every answer; plus the
 * bulk-operation result files.
 */
export function adminApiRouter(ctx: StandinContext, limits: BucketLimits = STANDARD_LIMITS): express.Router {
  const router = express.Router();
  const buckets = new Map<string, LeakyBucket>();

  router.post(`/admin/api/:version/graphql.json`, express.json({ limit: "2mb" }), async (req, res) => {
    const shopDomain = String(req.get("x-standin-shop") ?? req.hostname);
    const shop = ctx.store.shops.get(shopDomain);
    const token = req.get("x-shopify-access-token") ?? "";
    if (!shop || !shop.accessTokens.has(token) || expired(shop.accessTokens.get(token)!.expiresAt)) {
      res.status(401).json({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      return;
    }
    if (req.params.version !== ADMIN_API_VERSION) {
      res.status(404).json({ errors: "Not Found" });
      return;
    }
    const {
      query,
      variables = {},
      operationName,
    } = (req.body ?? {}) as { query?: string; variables?: Record<string, unknown>; operationName?: string };
    let document: DocumentNode;
    try {
      document = parse(String(query ?? ""));
    } catch (error) {
      res.json({ errors: [formatError(error as GraphQLError)] });
      return;
    }
    const problems = validate(adminSchema(), document);
    if (problems.length) {
      res.json({ errors: problems.map(formatError) });
      return;
    }
    const bucketKey = `${shopDomain}|${token}`;
    const bucket = buckets.get(bucketKey) ?? buckets.set(bucketKey, new LeakyBucket(limits)).get(bucketKey)!;
    const cost = requestedCost(adminSchema(), document, variables, operationName);
    if (cost > MAX_SINGLE_QUERY_COST) {
      res.json({
        errors: [
          {
            message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
            extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
      });
      return;
    }
    if (!bucket.take(cost)) {
      // For tests that check the app waits out the throttle rather than hammering it.
      ctx.store.emit("throttled", { shop: shopDomain, operationName, cost });
      res.json({
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: bucket.status() } },
      });
      return;
    }
    const view = { shop, standinUrl: ctx.standinUrl, options: { bulk: false } };
    const result = await executeAdmin(ctx.store, view, document, variables, operationName);
    // For tests that watch what the app asked: the operation, and how many records a write carried.
    const name = operationName ?? document.definitions.flatMap((d) => ("name" in d && d.name ? [d.name.value] : []))[0];
    const inputs = Object.values(variables).find(Array.isArray);
    ctx.store.emit("graphql", { shop: shopDomain, name, size: inputs?.length ?? null, cost });
    res.json({
      ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
      data: result.data ?? null,
      extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: bucket.status() } },
    });
  });

  router.get("/bulk/:id.jsonl", (req, res) => {
    for (const shop of ctx.store.shops.values()) {
      const op = shop.bulkOperations.get(Number(req.params.id));
      if (op?.status === "COMPLETED") {
        res.type("application/jsonl").send(op.result ?? "");
        return;
      }
    }
    res.status(404).send("Not Found");
  });

  return router;
}

function expired(expiresAt: number | null): boolean {
  return expiresAt !== null && expiresAt < Date.now();
}

function formatError(error: GraphQLError) {
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
}
