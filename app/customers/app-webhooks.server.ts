import { z } from "zod";
import prisma from "../db.server";
import { InvalidPayloadError } from "../lib/errors";
import type { WebhookContext } from "../webhooks/handle-webhook.server";
import { continueBackfill } from "./backfill.server";
import { describe } from "./order-command";

/** app/uninstalled: the shop's tokens are dead — drop the sessions, remember when it left. */
export async function onAppUninstalled({ shop }: WebhookContext): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.updateMany({ where: { shop }, data: { uninstalledAt: new Date() } }),
  ]);
}

/** app/scopes_update: keep the stored sessions' scopes in step with what the merchant granted. */
export async function onScopesUpdate({ shop, topic, payload }: WebhookContext): Promise<void> {
  const parsed = z.object({ current: z.array(z.string()) }).safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  await prisma.session.updateMany({ where: { shop }, data: { scope: parsed.data.current.join(",") } });
}

/** bulk_operations/finish: the install backfill's result is ready. */
export async function onBulkOperationFinish({ shop, topic, payload, admin }: WebhookContext): Promise<void> {
  const parsed = z.object({ admin_graphql_api_id: z.string().startsWith("gid://shopify/BulkOperation/") }).safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  if (!admin) throw new Error("no offline session for this shop: cannot read the bulk operation");
  await continueBackfill(shop, admin, parsed.data.admin_graphql_api_id);
}
