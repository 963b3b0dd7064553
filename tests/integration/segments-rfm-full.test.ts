import { describe, expect, it } from "vitest";
import prisma, { dbKind } from "../../app/db.server";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { givenCustomers, RFM_SHOP, RFM_SHOP_EXPECTED } from "../helpers/hand-made-customers";
import { givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

const customerIndexes = async () =>
  (dbKind === "postgres"
    ? await prisma.$queryRaw<{ sql: string }[]>`SELECT indexdef AS "sql" FROM pg_indexes WHERE tablename = 'Customer' ORDER BY indexname`
    : await prisma.$queryRaw<
        { sql: string }[]
      >`SELECT "sql" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Customer' ORDER BY "name"`
  ).map((i) => i.sql);

describe("full RFM recomputation", () => {
  it("GIVEN a shop whose buyers were never scored (the first run after a backfill) WHEN recomputed THEN the known scores, the cut-offs stored and every Customer index as it was", async () => {
    await givenInstalledShop();
    await givenCustomers(RFM_SHOP);
    const indexes = await customerIndexes();
    expect(indexes.some((sql) => sql.includes("rfmSegment"))).toBe(true);

    expect(await computeRfm(prisma, SHOP)).toBe(10);

    const rows = await prisma.customer.findMany({ where: { shop: SHOP } });
    for (const r of rows)
      expect([r.rfmRecency, r.rfmFrequency, r.rfmMonetary, r.rfmSegment]).toEqual(
        RFM_SHOP_EXPECTED[Number(r.customerGid.split("/").pop())],
      );
    expect(await customerIndexes()).toEqual(indexes);
    // Ten buyers: the cut-offs are the 2nd, 4th, 6th and 8th smallest values (net spend £10 to £100; 103 refunded down to £10).
    expect(await prisma.rfmCutoffs.findUniqueOrThrow({ where: { shop: SHOP } })).toMatchObject({
      buyers: 10,
      frequencyCut1: 2,
      frequencyCut4: 8,
      monetaryCut1: 2000n,
      monetaryCut4: 8000n,
    });
  });
});
