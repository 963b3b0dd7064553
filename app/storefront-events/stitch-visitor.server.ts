import type { Tx } from "../db.server";

/**
 * Links a visitor to the customer they turned out to be (sign-in or checkout): the link is kept, and
 * the visitor's anonymous events become the customer's. A visitor already linked to someone else (a
 * shared device) is re-linked; their past events stay with whoever they were recorded for.
 */
export async function stitchVisitor(tx: Tx, shop: string, visitorId: string, customerGid: string): Promise<void> {
  await tx.visitorLink.upsert({
    where: { shop_visitorId: { shop, visitorId } },
    create: { shop, visitorId, customerGid },
    update: { customerGid, linkedAt: new Date() },
  });
  await tx.interaction.updateMany({ where: { shop, visitorId, customerGid: null }, data: { customerGid } });
}
