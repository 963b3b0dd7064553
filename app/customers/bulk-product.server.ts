import prisma from "../db.server";
import { toMinorUnits } from "../lib/money";

interface BulkProductLine {
  id: string;
  title: string;
  handle: string;
  status: string;
  featuredMedia?: { image?: { url?: string } | null } | null;
  priceRangeV2?: { minVariantPrice?: { amount: string; currencyCode: string } } | null;
}

/**
 * One catalogue line of the products backfill → an upsert of the Product row products/* webhooks keep.
 * Returned unexecuted so the caller can commit a batch of them in one transaction.
 */
export function bulkProductUpsert(shop: string, line: BulkProductLine, currencyCode: string) {
  if (!line.id?.startsWith("gid://shopify/Product/")) return null;
  const price = line.priceRangeV2?.minVariantPrice;
  const fields = {
    title: line.title,
    handle: line.handle,
    status: line.status,
    imageUrl: line.featuredMedia?.image?.url ?? null,
    priceMinor: price ? toMinorUnits(price.amount, price.currencyCode || currencyCode) : 0,
  };
  return prisma.product.upsert({
    where: { shop_shopifyId: { shop, shopifyId: line.id } },
    create: { shop, shopifyId: line.id, ...fields },
    update: fields,
  });
}
