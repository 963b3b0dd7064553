import prisma from "../../app/db.server";

/**
 * Every customer of the shop by legacy id, with their RFM scores and segment as CustomerRfm holds them
 * (`[null, null, null, null]` for a customer who is not ranked).
 * @example expect(await rfmScoresByCustomer(SHOP)).toEqual(RFM_SHOP_EXPECTED)
 */
export async function rfmScoresByCustomer(shop: string) {
  const rows = await prisma.customer.findMany({ where: { shop }, orderBy: { customerGid: "asc" }, include: { rfm: true } });
  return Object.fromEntries(
    rows.map((r) => [
      Number(r.customerGid.split("/").pop()),
      [r.rfm?.recency ?? null, r.rfm?.frequency ?? null, r.rfm?.monetary ?? null, r.rfm?.segment ?? null],
    ]),
  );
}
