import { describe, expect, it } from "vitest";
import prisma, { dbKind } from "../../app/db.server";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { givenCustomers, RFM_SHOP, RFM_SHOP_EXPECTED } from "../helpers/hand-made-customers";
import { givenInstalledShop } from "../helpers/inbox";
import { rfmScoresByCustomer } from "../helpers/rfm-scores";
import { SHOP } from "../helpers/webhook-request";

const customerIndexes = async () =>
  (dbKind === "postgres"
    ? await prisma.$queryRaw<{ sql: string }[]>`SELECT indexdef AS "sql" FROM pg_indexes WHERE tablename = 'Customer' ORDER BY indexname`
    : await prisma.$queryRaw<
        { sql: string }[]
      >`SELECT "sql" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Customer' ORDER BY "name"`
  ).map((i) => i.sql);

describe("full RFM recomputation", () => {
  it("GIVEN a shop whose buyers were never scored (the first run after a backfill) WHEN recomputed THEN the known scores, the cut-offs stored and Customer untouched", async () => {
    await givenInstalledShop();
    await givenCustomers(RFM_SHOP);
    const indexes = await customerIndexes();
    const customers = await prisma.customer.findMany({ where: { shop: SHOP }, orderBy: { customerGid: "asc" } });

    expect(await computeRfm(prisma, SHOP)).toBe(10);

    expect(await rfmScoresByCustomer(SHOP)).toEqual(RFM_SHOP_EXPECTED);
    // Scoring writes CustomerRfm only: no Customer row (its updatedAt included) and no index of it changes.
    expect(await prisma.customer.findMany({ where: { shop: SHOP }, orderBy: { customerGid: "asc" } })).toEqual(customers);
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
