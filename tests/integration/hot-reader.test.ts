import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { databaseKind } from "../../app/db-adapter.server";
import { hotReader } from "../../app/db-hot-read.server";
import { env } from "../../app/env.server";

// The storefront's reader (app/db-hot-read.server.ts) on the test database: on SQLite the reads asked in
// one turn of the event loop share one read transaction; each must still get its own answer, a failing
// one must fail alone, and a commit made before a read is asked must be seen by it.
const SHOP = "hot-reader.myshopify.com";
const BALANCE_SQL = `SELECT "balance" FROM "LoyaltyAccount" WHERE "shop" = ? AND "customerGid" = ?`;
// A statement that fails when it runs, not when it is prepared.
const FAILING_SQL =
  databaseKind(env.DATABASE_URL) === "postgres" ? `SELECT CAST(? AS INTEGER) AS "n"` : `SELECT json_extract(?, '$') AS "n"`;

async function givenAccounts(count: number) {
  await prisma.loyaltyAccount.createMany({
    data: Array.from({ length: count }, (_, i) => ({ shop: SHOP, customerGid: `gid://shopify/Customer/${i + 1}`, balance: 10 * (i + 1) })),
  });
}

describe("the storefront's hot reader", () => {
  it("GIVEN 60 reads asked in one turn WHEN they run THEN each gets its own row (or none)", async () => {
    await givenAccounts(50);
    const rows = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        hotReader().one<{ balance: number | bigint }>(BALANCE_SQL, [SHOP, `gid://shopify/Customer/${i + 1}`]),
      ),
    );
    expect(rows.map((row) => (row ? Number(row.balance) : null))).toEqual(
      Array.from({ length: 60 }, (_, i) => (i < 50 ? 10 * (i + 1) : null)),
    );
    const all = await hotReader().all<{ balance: number | bigint }>(
      `SELECT "balance" FROM "LoyaltyAccount" WHERE "shop" = ? ORDER BY "balance"`,
      [SHOP],
    );
    expect(all).toHaveLength(50);
  });

  it("GIVEN a read that fails among others in the same turn THEN only it is refused, and the reader goes on", async () => {
    await givenAccounts(2);
    const [first, failing, second] = await Promise.allSettled([
      hotReader().one<{ balance: number }>(BALANCE_SQL, [SHOP, "gid://shopify/Customer/1"]),
      hotReader().one<{ n: number }>(FAILING_SQL, ["{not json"]),
      hotReader().one<{ balance: number }>(BALANCE_SQL, [SHOP, "gid://shopify/Customer/2"]),
    ]);
    expect(first).toMatchObject({ status: "fulfilled", value: { balance: 10 } });
    expect(failing.status).toBe("rejected");
    expect(second).toMatchObject({ status: "fulfilled", value: { balance: 20 } });
    await expect(hotReader().one(`SELECT "missing_column" FROM "LoyaltyAccount"`, [])).rejects.toThrow();
    expect(Number((await hotReader().one<{ balance: number }>(BALANCE_SQL, [SHOP, "gid://shopify/Customer/2"]))!.balance)).toBe(20);
  });

  it("GIVEN reads in turn after turn WHEN the app commits between them THEN each read sees every commit made before it was asked", async () => {
    await givenAccounts(1);
    const read = async () => Number((await hotReader().one<{ balance: number }>(BALANCE_SQL, [SHOP, "gid://shopify/Customer/1"]))!.balance);
    expect(await read()).toBe(10);
    for (const balance of [11, 12, 13]) {
      await prisma.loyaltyAccount.update({
        where: { shop_customerGid: { shop: SHOP, customerGid: "gid://shopify/Customer/1" } },
        data: { balance },
      });
      // Two asked together after the commit: both see it.
      expect(await Promise.all([read(), read()])).toEqual([balance, balance]);
    }
  });
});
