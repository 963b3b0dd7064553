import { z } from "zod";
import { cancelShopJobs } from "../jobs/queue.server";
import { parsePayload } from "../webhooks/parse-payload";
import { topicHandler } from "../webhooks/topic-handler";

/**
 * app/uninstalled: the shop's tokens are dead — its sessions go, its queued jobs stop, and the shop is
 * remembered as uninstalled (its data stays until shop/redact, 48 hours later, in case it returns).
 */
export const uninstalledTopic = topicHandler({
  parse: (_payload, meta) => ({ at: meta.triggeredAt }),
  apply: async (tx, shop, events) => {
    await tx.session.deleteMany({ where: { shop } });
    await tx.shop.updateMany({ where: { shop }, data: { uninstalledAt: events.at(-1)!.at } });
    await cancelShopJobs(tx, shop);
  },
});

/** app/scopes_update: keep the stored sessions' scopes in step with what the merchant granted. */
export const scopesUpdateTopic = topicHandler({
  parse: (payload, meta) => parsePayload(z.object({ current: z.array(z.string().max(200)).max(200) }), payload, meta.topic),
  apply: async (tx, shop, updates) => {
    await tx.session.updateMany({ where: { shop }, data: { scope: updates.at(-1)!.current.join(",") } });
  },
});
