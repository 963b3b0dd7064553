import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import * as RECONCILE from "../../../app/shopify/reconcile-queries";
import { MAX_SINGLE_QUERY_COST, requestedCost } from "./cost";
import { adminSchema } from "./schema";

const cost = (document: string) =>
  requestedCost(adminSchema(), parse(document), {
    query: "updated_at:>='2026-01-01T00:00:00Z'",
    ids: Array.from({ length: 15 }, (_, i) => `gid://shopify/Product/${i + 1}`),
  });

describe("requested query cost", () => {
  it.each(Object.entries(RECONCILE))(
    "GIVEN the app's %s WHEN costed THEN it is within Shopify's single-query maximum",
    (_name, document) => {
      expect(cost(document)).toBeLessThanOrEqual(MAX_SINGLE_QUERY_COST);
    },
  );

  it("GIVEN a nested connection WHEN costed THEN the inner page is paid once per outer node", () => {
    expect(cost("{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { sku } } } } }")).toBe(2 + 10 * (1 + 2 + 5 * 1));
  });
});
