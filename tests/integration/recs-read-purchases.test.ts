import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { readPurchases } from "../../app/recommendations/read-purchases.server";
import { SHOP } from "../helpers/webhook-request";

describe("reading a shop's purchases for the recs build", () => {
  it("GIVEN 7 purchase lines of 3 orders and another shop's WHEN read 2 rows a page THEN every line of this shop is in the log once", async () => {
    const at = new Date("2026-01-05T10:00:00Z");
    const rows = [
      ["c1", "o1", "p1"],
      ["c1", "o1", "p2"],
      ["c1", "o2", "p1"],
      [null, "o3", "p3"],
      [null, "o3", "p4"],
      [null, "o3", "p5"],
      ["c2", "o4", "p2"],
    ] as const;
    for (const [customer, order, product] of rows)
      await prisma.interaction.create({
        data: {
          shop: SHOP,
          customerGid: customer,
          orderId: null,
          productGid: product,
          kind: "purchase",
          at,
          eventId: `${order}:${product}`,
        },
      });
    await prisma.interaction.create({ data: { shop: "other.myshopify.com", customerGid: "c9", productGid: "p9", kind: "purchase", at } });
    await prisma.interaction.create({ data: { shop: SHOP, customerGid: "c1", productGid: "p7", kind: "view", at } });

    const log = await readPurchases(SHOP, 2);
    expect(log.lines).toBe(7);
    const b = log.take();
    const baskets = Array.from(b.orderCustomer, (c, o) => ({
      customer: b.customerIds[c],
      products: Array.from(b.products.subarray(b.orderStart[o]!, b.orderStart[o + 1]!), (p) => b.productIds[p]),
      at: b.orderAt[o],
    }));
    // Without an order id a line's order is its customer and time: c1's two orders at one instant are one
    // basket (p1 once); the guest lines are one guest basket.
    expect(baskets).toEqual([
      { customer: "c1", products: ["p1", "p2"], at: at.getTime() },
      { customer: "order:null", products: ["p3", "p4", "p5"], at: at.getTime() },
      { customer: "c2", products: ["p2"], at: at.getTime() },
    ]);
  });
});
