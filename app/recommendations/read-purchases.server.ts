import prisma from "../db.server";
import { PurchaseLog } from "./purchase-log";

/** Rows per read: bounded memory per page, few round trips. */
export const PURCHASE_PAGE = 20_000;

/**
 * A shop's purchase interactions, read page by page in id order (keyset, no OFFSET) into a compact log:
 * a large shop's millions of lines never sit in memory as rows. Guest orders count as their own customer.
 * @example const log = await readPurchases(shop); log.lines
 */
export async function readPurchases(shop: string, page = PURCHASE_PAGE): Promise<PurchaseLog> {
  const log = new PurchaseLog();
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.interaction.findMany({
      where: { shop, kind: "purchase", ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, customerGid: true, orderId: true, productGid: true, at: true },
      orderBy: { id: "asc" },
      take: page,
    });
    for (const i of rows)
      log.add({
        customerId: i.customerGid ?? `order:${i.orderId}`,
        orderId: i.orderId ?? `${i.customerGid}:${i.at.getTime()}`,
        productId: i.productGid,
        at: i.at.getTime(),
      });
    if (rows.length < page) return log;
    after = rows.at(-1)!.id;
  }
}
