import { describe, expect, it } from "vitest";
import { CUSTOMERS_BULK_QUERY, ORDERS_BULK_QUERY, PRODUCTS_BULK_QUERY } from "../../../app/shopify/bulk-queries";
import { bulkQueryProblems } from "./bulk-rules";

const edges = (inner: string) => `{ edges { node { id ${inner} } } }`;

describe("Shopify's bulk query rules", () => {
  it.each([
    ["BulkProducts", PRODUCTS_BULK_QUERY],
    ["BulkCustomers", CUSTOMERS_BULK_QUERY],
    ["BulkOrders", ORDERS_BULK_QUERY],
  ])("GIVEN the app's %s WHEN checked THEN it is accepted", (_name, query) => {
    expect(bulkQueryProblems(query)).toEqual([]);
  });

  it("GIVEN a connection inside a list field WHEN checked THEN Shopify's refusal is returned", () => {
    expect(bulkQueryProblems(`{ orders ${edges(`refunds { id refundLineItems ${edges("quantity")} }`)} }`)).toEqual([
      "Queries that contain a connection field within a list field are not currently supported.",
    ]);
  });

  it("GIVEN connections nested three deep WHEN checked THEN the depth is refused", () => {
    const query = `{ customers ${edges(`orders ${edges(`lineItems ${edges("sku")}`)}`)} }`;
    expect(bulkQueryProblems(query)).toEqual(["Bulk queries cannot contain connections nested more than 2 levels deep."]);
  });

  it("GIVEN six connections WHEN checked THEN the count is refused", () => {
    const six = ["variants", "collections", "media", "metafields", "sellingPlanGroups"]
      .map((f) => `${f} { edges { node { __typename } } }`)
      .join(" ");
    expect(bulkQueryProblems(`{ products { edges { node { id ${six} } } } }`)).toEqual([
      "Bulk queries cannot contain more than 5 connections.",
    ]);
  });

  it("GIVEN no connection, or the top-level node field WHEN checked THEN each is refused", () => {
    expect(bulkQueryProblems("{ shop { name } }")).toEqual(["Bulk queries must contain at least one connection."]);
    expect(bulkQueryProblems(`{ node(id: "gid://shopify/Product/1") { ... on Product { variants ${edges("sku")} } } }`)).toEqual([
      "Bulk queries cannot use the top-level `node` and `nodes` fields.",
    ]);
  });

  it("GIVEN a document the schema rejects WHEN checked THEN graphql-js's message is returned", () => {
    expect(bulkQueryProblems("{ orders { edges { node { grandTotal } } } }")).toEqual([
      expect.stringMatching(/^Invalid bulk query: Cannot query field "grandTotal"/),
    ]);
  });
});
