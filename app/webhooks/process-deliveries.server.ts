import prisma, { SQL } from "../db.server";

import { queryOnDriver } from "../db-client.server";
import { claimRows } from "../jobs/claim.server";
import { MAX_ATTEMPTS, retryDelayMs } from "../jobs/backoff";
import { RapportError } from "../lib/errors";
import { countInSlices, inSlices } from "../lib/in-slices";
import { parseJsonLossless } from "../lib/json";
import { logger } from "../lib/logger.server";
import { isRetryableConflict } from "../lib/prisma-errors";
import type { DeliveryMeta, TopicHandler } from "./topic-handler";
import { TOPIC_HANDLERS } from "./topics.server";

interface ClaimedDelivery {
  id: string;
  shop: string;
  topic: string;
  webhookId: string;
  triggeredAt: Date | null;
  receivedAt: Date;
  attempts: number;
}

interface Parsed {
  delivery: ClaimedDelivery;
  handler: TopicHandler<unknown>;
  command: unknown;
}

/**
 * Drains one batch of the inbox (docs/decisions/005): claims due deliveries, turns each payload into a
 * typed command at the edge (parking the unusable ones with their reason), then applies each shop's
 * commands per handler in one transaction that also marks the deliveries done — effects and "done"
 * commit together, so a crash at any point loses nothing and doubles nothing. A batch that fails is
 * retried one delivery at a time, so one bad delivery cannot hold back the others; a delivery that
 * keeps failing is retried with backoff, then parked with its last error.
 * @returns how many deliveries were claimed (0 when the inbox has nothing due)
 */
export async function processDeliveries(options: { workerId: string; limit?: number; leaseMs?: number }): Promise<number> {
  const claimed = await claimRows<ClaimedDelivery>("WebhookDelivery", {
    workerId: options.workerId,
    limit: options.limit ?? 200,
    leaseMs: options.leaseMs ?? 60_000,
    order: SQL.sql`"receivedAt", "id"`,
    columns: SQL.sql`"id", "shop", "topic", "webhookId", "triggeredAt", "receivedAt", "attempts"`,
  });
  if (claimed.length === 0) return 0;
  // Bodies live in their own table, so the claim (and the "done" update) rewrite small rows only.
  // Read on the driver (db-client's queryOnDriver): Prisma's row mapping cost more than the read itself.
  const bodies = new Map(
    (
      await inSlices(
        claimed.map((d) => d.id),
        (ids) =>
          queryOnDriver(prisma, SQL.sql`SELECT "deliveryId", "body" FROM "WebhookDeliveryBody" WHERE "deliveryId" IN (${SQL.join(ids)})`),
      )
    ).map((b) => [b.deliveryId as string, b.body as string]),
  );
  claimed.sort((a, b) => new Date(a.receivedAt).getTime() - new Date(b.receivedAt).getTime() || a.id.localeCompare(b.id));
  const shops = new Map(
    (
      await inSlices(
        claimed.map((d) => d.shop),
        (shops) => prisma.shop.findMany({ where: { shop: { in: shops } }, select: { shop: true, currencyCode: true } }),
      )
    ).map((s) => [s.shop, s]),
  );
  const groups = new Map<string, Parsed[]>();
  const handlerIds = new Map<TopicHandler<unknown>, number>();
  for (const delivery of claimed) {
    const shop = shops.get(delivery.shop);
    if (!shop) {
      await finish([delivery.id], "done", "the shop is no longer installed: nothing to apply");
      continue;
    }
    if (delivery.attempts > MAX_ATTEMPTS) {
      await finish([delivery.id], "parked", `abandoned after ${MAX_ATTEMPTS} attempts that did not finish (the worker stopped each time)`);
      continue;
    }
    const handler = TOPIC_HANDLERS[delivery.topic] as TopicHandler<unknown> | undefined;
    if (!handler) {
      await finish([delivery.id], "parked", `no handler for topic ${delivery.topic}`);
      continue;
    }
    const meta: DeliveryMeta = {
      shop: delivery.shop,
      topic: delivery.topic,
      webhookId: delivery.webhookId,
      triggeredAt: new Date(delivery.triggeredAt ?? delivery.receivedAt),
      currencyCode: shop.currencyCode,
    };
    try {
      // No body (never so: it is written with its delivery) parks below as "not JSON", with its reason.
      const command = handler.parse(parseJsonLossless(bodies.get(delivery.id) ?? ""), meta);
      if (!handlerIds.has(handler)) handlerIds.set(handler, handlerIds.size);
      const key = `${delivery.shop}|${handlerIds.get(handler)}`;
      groups.set(key, [...(groups.get(key) ?? []), { delivery, handler, command }]);
    } catch (error) {
      if (error instanceof SyntaxError) await finish([delivery.id], "parked", `body is not JSON: ${error.message}`);
      else if (isPermanent(error)) await finish([delivery.id], "parked", (error as RapportError).message);
      else await failed(delivery, error);
    }
  }
  for (const group of groups.values()) {
    try {
      await withConflictRetries(() => apply(group));
    } catch (error) {
      if (group.length === 1) {
        await failed(group[0]!.delivery, error);
        continue;
      }
      // Said here because nothing else would say it when each delivery then succeeds alone: a batch
      // past a lookup's parameter limit (SQLite: 999; ≈ 490 orders) applies one delivery a transaction.
      const { shop, topic } = group[0]!.delivery;
      logger.warn("batch failed; applying its deliveries one at a time", {
        shop,
        topic,
        deliveries: group.length,
        error: error instanceof Error ? error.message : String(error),
      });
      for (const one of group) await apply([one]).catch((e: unknown) => failed(one.delivery, e));
    }
  }
  return claimed.length;
}

/** Workers in other processes may commit the same rows first: the loser runs its batch again. */
async function withConflictRetries(work: () => Promise<void>, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

async function apply(group: Parsed[]): Promise<void> {
  const { handler, delivery } = group[0]!;
  await prisma.$transaction(
    async (tx) => {
      await handler.apply(
        tx,
        delivery.shop,
        group.map((p) => p.command),
      );
      const processedAt = new Date();
      await countInSlices(
        group.map((p) => p.delivery.id),
        (ids) =>
          tx.webhookDelivery.updateMany({
            where: { id: { in: ids } },
            data: { status: "done", processedAt, lockedBy: null, lockedAt: null, reason: null },
          }),
      );
    },
    { timeout: 60_000 },
  );
}

/** A delivery whose work failed: retried later with backoff, or parked once it has failed too often. */
async function failed(delivery: ClaimedDelivery, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  if (isPermanent(error)) return finish([delivery.id], "parked", message);
  if (delivery.attempts >= MAX_ATTEMPTS) return finish([delivery.id], "parked", `failed ${delivery.attempts} times; last: ${message}`);
  logger.warn("delivery failed; will retry", {
    shop: delivery.shop,
    topic: delivery.topic,
    webhookId: delivery.webhookId,
    attempt: delivery.attempts,
    error: message,
  });
  await prisma.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      status: "pending",
      runAt: new Date(Date.now() + retryDelayMs(delivery.attempts)),
      lockedBy: null,
      lockedAt: null,
      reason: message.slice(0, 2000),
    },
  });
}

async function finish(ids: string[], status: "done" | "parked", reason: string): Promise<void> {
  await prisma.webhookDelivery.updateMany({
    where: { id: { in: ids } },
    data: { status, reason: reason.slice(0, 2000), processedAt: new Date(), lockedBy: null, lockedAt: null },
  });
  if (status === "parked") logger.warn("delivery parked", { ids: ids.join(","), reason });
}

/** Errors that no retry can fix: the payload itself is unusable, or breaks a domain bound. */
function isPermanent(error: unknown): boolean {
  return error instanceof RapportError && (error.code === "INVALID_PAYLOAD" || error.code === "POINTS_LIMIT");
}
