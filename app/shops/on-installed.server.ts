import prisma from "../db.server";
import { enqueueJob } from "../jobs/queue.server";
import { METAFIELD_DEFINITIONS_JOB } from "../metafields/ensure-definitions-job.server";
import type { ShopInfoQuery } from "../shopify/generated/admin.generated";
import { runOperation, type AdminGraphql } from "../shopify/graphql.server";
import { SHOP_INFO } from "../shopify/shop-info";
import { forgetStorefrontProgram } from "../loyalty/storefront/panel-reads.server";

/**
 * After the app is authorised (token exchange on first open, or a reinstall): the shop is known with
 * its name, currency and time zone, the app's metafield definitions are queued for creation (so the
 * values written later are typed and, where declared, readable by the theme), and its history backfill
 * is queued unless one completed already. Both run as jobs, never inside this request (STYLE §11).
 * @example await onInstalled({ shop: session.shop, admin })
 */
export async function onInstalled({ shop, admin }: { shop: string; admin: AdminGraphql }): Promise<void> {
  const { shop: info } = await runOperation<ShopInfoQuery>(admin, "ShopInfo", SHOP_INFO);
  const fields = { name: info.name, currencyCode: info.currencyCode, ianaTimezone: info.ianaTimezone, uninstalledAt: null };
  await prisma.shop.upsert({ where: { shop }, create: { shop, ...fields }, update: fields });
  forgetStorefrontProgram(shop); // the currency the panel's earning rate is shown in
  await enqueueJob(prisma, { kind: METAFIELD_DEFINITIONS_JOB, shop, key: `${METAFIELD_DEFINITIONS_JOB}:${shop}`, priority: 1 });
  const completed = await prisma.backfillRun.findFirst({ where: { shop, status: "completed" }, select: { id: true } });
  if (!completed) await enqueueJob(prisma, { kind: "backfill", shop, key: `backfill:${shop}` });
}
