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
    const records = [...log.records()];
    expect(log.lines).toBe(7);
    expect(records.map((r) => r.productId).sort()).toEqual(["p1", "p1", "p2", "p2", "p3", "p4", "p5"]);
    expect(records.every((r) => r.at === at.getTime())).toBe(true);
    expect(records.filter((r) => r.customerId === "c1")).toHaveLength(3);
  });
});
