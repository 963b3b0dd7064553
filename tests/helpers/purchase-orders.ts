import prisma from "../../app/db.server";

/**
 * An order written straight into the histories with a purchase interaction per product, as the
 * recording paths leave it (£0: these tests rank by what was bought, not by money).
 * @example await givenPurchaseOrder({ shop: SHOP, n: 1, customerGid: "gid://shopify/Customer/1", at, productGids: [P(1)] })
 */
export async function givenPurchaseOrder(order: {
  shop: string;
  n: number;
  customerGid: string | null;
  at: Date;
  productGids: readonly string[];
}): Promise<void> {
  const { shop, n, customerGid, at } = order;
  const row = await prisma.order.create({
    data: {
      shop,
      orderGid: `gid://shopify/Order/${n}`,
      name: `#${n}`,
      customerGid,
      processedAt: at,
      currencyCode: "GBP",
      subtotalMinor: 0,
      totalMinor: 0,
      sourceUpdatedAt: at,
      ingestedVia: "webhook",
    },
  });
  for (const productGid of order.productGids)
    await prisma.interaction.create({ data: { shop, customerGid, productGid, kind: "purchase", at, orderId: row.id } });
}
