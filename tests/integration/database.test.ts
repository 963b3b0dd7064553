import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";

describe("the test database", () => {
  it("GIVEN a fresh per-file database WHEN a shop is written THEN it reads back and the ledger key is unique", async () => {
    await prisma.shop.create({ data: { shop: "fresh.myshopify.com" } });
    expect(await prisma.shop.count()).toBe(1);
    const entry = {
      shop: "fresh.myshopify.com",
      customerGid: "gid://shopify/Customer/1",
      points: 5,
      reason: "adjust",
      idempotencyKey: "k",
    };
    await prisma.ledgerEntry.create({ data: entry });
    await expect(prisma.ledgerEntry.create({ data: entry })).rejects.toMatchObject({ code: "P2002" });
  });
});
