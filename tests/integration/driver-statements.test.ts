import { describe, expect, it } from "vitest";
import prisma, { dbKind, SQL } from "../../app/db.server";
import { executeInTransaction, queryOnDriver } from "../../app/db-client.server";
import { isRetryableConflict, isUniqueViolation } from "../../app/lib/prisma-errors";

const SHOP = "driver.myshopify.com";

/** A ledger row written by raw SQL (its key is unique per shop). */
const posting = (key: string) =>
  SQL.sql`INSERT INTO "LedgerEntry" ("id", "shop", "customerGid", "points", "reason", "idempotencyKey", "createdAt")
    VALUES (${`id-${key}`}, ${SHOP}, ${"gid://shopify/Customer/1"}, ${5}, ${"adjust"}, ${key}, ${new Date("2026-01-02T03:04:05.678Z")})`;

describe("statements on the driver adapter (db-client)", () => {
  it("GIVEN a statement run with executeInTransaction WHEN its transaction fails THEN it is rolled back with the rest; WHEN it commits THEN it stays", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        expect(await executeInTransaction(tx, posting("rolled-back"))).toBe(1);
        // The transaction's own reads see it: the same connection, the same transaction.
        expect(await tx.ledgerEntry.count({ where: { shop: SHOP } })).toBe(1);
        throw new Error("the batch fails after the statement");
      }),
    ).rejects.toThrow("the batch fails after the statement");
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP } })).toBe(0);

    await prisma.$transaction((tx) => executeInTransaction(tx, posting("committed")));
    const row = await prisma.ledgerEntry.findUniqueOrThrow({ where: { shop_idempotencyKey: { shop: SHOP, idempotencyKey: "committed" } } });
    // Bound as Prisma binds them: the date reads back as the same instant, the number as a number.
    expect(row).toMatchObject({ points: 5, createdAt: new Date("2026-01-02T03:04:05.678Z") });
  });

  it("GIVEN a key already taken WHEN executeInTransaction writes it again THEN the driver adapter's own error surfaces, read as a unique violation and a retryable conflict", async () => {
    await prisma.$transaction((tx) => executeInTransaction(tx, posting("taken")));
    const error = await prisma.$transaction((tx) => executeInTransaction(tx, posting("taken"))).catch((e: unknown) => e);
    // Not Prisma's P2010 wrapper: the statement went to the driver, not through Prisma's engine.
    expect(error).toMatchObject({ name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation" } });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isRetryableConflict(error)).toBe(true);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("GIVEN work left running by a transaction's callback WHEN it calls executeInTransaction after the commit THEN it is refused, nothing written", async () => {
    let late: Promise<unknown> = Promise.resolve();
    await prisma.$transaction(async (tx) => {
      // Not awaited: runs once the transaction has committed (and, on PostgreSQL, released its connection).
      late = new Promise((resolve) => setTimeout(resolve, 50)).then(() => executeInTransaction(tx, posting("late")));
    });
    await expect(late).rejects.toThrow();
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("GIVEN rows WHEN read with queryOnDriver THEN each comes back keyed by column, text exactly as written", async () => {
    const body = JSON.stringify({ title: "Crème brûlée 🍮", note: "x".repeat(50_000) });
    await prisma.shop.create({ data: { shop: SHOP } });
    await prisma.webhookDelivery.create({ data: { id: "d1", shop: SHOP, topic: "orders/paid", webhookId: "w1" } });
    await prisma.webhookDeliveryBody.create({ data: { deliveryId: "d1", shop: SHOP, body } });
    const rows = await queryOnDriver(
      prisma,
      SQL.sql`SELECT "deliveryId", "body" FROM "WebhookDeliveryBody" WHERE "deliveryId" IN (${SQL.join(["d1", "d2"])})`,
    );
    expect(rows).toEqual([{ deliveryId: "d1", body }]);
  });
});

describe("the order path's indexes (migration 0017)", () => {
  /** The plan of a query, as text, with sequential scans discouraged on PostgreSQL (the tables here are tiny). */
  async function plan(sql: string): Promise<string> {
    if (dbKind === "postgres") {
      const rows = await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`);
      });
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    }
    const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`);
    return rows.map((r) => r.detail).join("\n");
  }

  it("GIVEN interactions with and without event ids WHEN written THEN event ids stay unique per shop, and purchases (no event id, no visitor) any number", async () => {
    const row = (id: string, eventId: string | null) => ({
      id,
      shop: SHOP,
      productGid: "gid://shopify/Product/1",
      kind: eventId ? "view" : "purchase",
      at: new Date(),
      eventId,
    });
    await prisma.interaction.createMany({ data: [row("a", null), row("b", null), row("c", "e1")] });
    await expect(prisma.interaction.create({ data: row("d", "e1") })).rejects.toMatchObject({ code: "P2002" });
    expect(await prisma.interaction.count()).toBe(3);
  });

  it("GIVEN the migrated database THEN the visitor and event-id indexes hold only rows that have one, and order lines have no (shop, product) index", async () => {
    const definitions = new Map(
      dbKind === "postgres"
        ? (
            await prisma.$queryRaw<{ name: string; sql: string }[]>`
              SELECT indexname::text AS "name", indexdef::text AS "sql" FROM pg_indexes WHERE tablename IN ('Interaction', 'OrderLine')`
          ).map((r) => [r.name, r.sql])
        : (
            await prisma.$queryRaw<{ name: string; sql: string | null }[]>`
              SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Interaction', 'OrderLine')`
          ).map((r) => [r.name, r.sql ?? ""]),
    );
    expect(definitions.get("Interaction_shop_visitorId_at_idx")).toMatch(/WHERE \(?"visitorId" IS NOT NULL\)?$/);
    expect(definitions.get("Interaction_shop_eventId_key")).toMatch(/WHERE \(?"eventId" IS NOT NULL\)?$/);
    expect(definitions.has("OrderLine_shop_productGid_idx")).toBe(false);
    expect(definitions.has("OrderLine_orderId_idx")).toBe(true);
  });

  it("GIVEN the partial indexes WHEN a shopper's visitor or event ids are looked up THEN those indexes serve the lookups", async () => {
    const visitors = await plan(`SELECT "id" FROM "Interaction" WHERE "shop" = 's' AND "visitorId" IN ('v1', 'v2')`);
    expect(visitors).toContain("Interaction_shop_visitorId_at_idx");
    const stitch = await plan(
      `UPDATE "Interaction" SET "customerGid" = 'c' WHERE "shop" = 's' AND "visitorId" = 'v1' AND "customerGid" IS NULL`,
    );
    expect(stitch).toContain("Interaction_shop_visitorId_at_idx");
    const events = await plan(`SELECT "eventId" FROM "Interaction" WHERE "shop" = 's' AND "eventId" IN ('e1', 'e2')`);
    expect(events).toContain("Interaction_shop_eventId_key");
  });
});
