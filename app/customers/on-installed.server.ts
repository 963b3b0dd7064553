import prisma from "../db.server";
import type { AdminGraphql } from "../shopify/graphql.server";
import { runOperation } from "../shopify/graphql.server";
import { SHOP_INFO, type ShopInfoResult } from "../shopify/shop-info";
import { startBackfill } from "./backfill.server";

/**
 * After the app is authorised (token exchange on first open, or a reinstall): make sure the shop is
 * known with its currency, and start the orders backfill unless one already ran or is running.
 * @example await onInstalled({ shop: session.shop, admin })
 */
export async function onInstalled({ shop, admin }: { shop: string; admin: AdminGraphql }): Promise<void> {
  const { shop: info } = await runOperation<ShopInfoResult>(admin, "ShopInfo", SHOP_INFO);
  const row = await prisma.shop.upsert({
    where: { shop },
    create: { shop, currencyCode: info.currencyCode },
    update: { currencyCode: info.currencyCode, uninstalledAt: null },
  });
  if (row.backfillStatus === "none" || row.backfillStatus === "failed") await startBackfill(shop, admin);
}
