import { createHmac, randomUUID } from "node:crypto";
import type { StandinContext } from "../context";
import type { StandinChange } from "../store";
import { subscriptionsFrom } from "./subscriptions";
import { buildPayload } from "./build-payload";
import { WEBHOOK_API_VERSION } from "./payloads";

export interface Delivery {
  webhookId: string;
  eventId: string;
  shop: string;
  topic: string;
  uri: string;
  body: string;
  triggeredAt: string;
  attempts: number;
  statuses: (number | string)[];
  /** "dropped": lost on the way, never sent — what reconciliation exists to recover from. */
  status: "pending" | "delivered" | "failed" | "dropped";
}

/** Decides, per delivery, whether it is lost: true drops it. */
export type DropPredicate = (delivery: Readonly<Delivery>) => boolean;

export interface SenderOptions {
  /** Waits before each retry. Shopify retries 8 times over 4 hours; dev compresses the schedule. */
  retryDelaysMs?: number[];
  /**
   * Loses the deliveries it returns true for: recorded with status "dropped", never sent, never
   * retried — Shopify does not promise delivery, and the app's reconciliation must catch up.
   */
  drop?: DropPredicate;
}

/**
 * Delivers every store change to the app as Shopify would: one POST per subscribed topic, signed
 * (X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 of the raw body with the app secret), with Shopify's
 * headers, retried with backoff on a non-2xx answer or a network error, keeping the webhook id.
 * Nothing is sent for a shop where the app is not installed; deliveries `drop` picks are lost.
 * @example const sender = attachWebhookSender(ctx, { drop: (d) => d.topic === "orders/paid" }); ...; await sender.idle()
 */
export function attachWebhookSender(ctx: StandinContext, options: SenderOptions = {}) {
  const delays = options.retryDelaysMs ?? [100, 200, 400, 800, 1600, 3200, 6400, 12800];
  const subscriptions = subscriptionsFrom(ctx.app.tomlPath, ctx.app.url);
  const deliveries: Delivery[] = [];
  const pending = new Set<Promise<void>>();
  let queue: Promise<void> = Promise.resolve();
  let drop: DropPredicate | undefined = options.drop;

  const attempt = async (delivery: Delivery): Promise<void> => {
    delivery.attempts += 1;
    try {
      const response = await fetch(delivery.uri, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Topic": delivery.topic,
          "X-Shopify-Hmac-Sha256": createHmac("sha256", ctx.app.apiSecret).update(delivery.body, "utf8").digest("base64"),
          "X-Shopify-Shop-Domain": delivery.shop,
          "X-Shopify-API-Version": WEBHOOK_API_VERSION,
          "X-Shopify-Webhook-Id": delivery.webhookId,
          "X-Shopify-Event-Id": delivery.eventId,
          "X-Shopify-Triggered-At": delivery.triggeredAt,
        },
        body: delivery.body,
      });
      await response.arrayBuffer();
      delivery.statuses.push(response.status);
      if (response.ok) {
        delivery.status = "delivered";
        return;
      }
    } catch (error) {
      delivery.statuses.push((error as Error).message);
    }
    const wait = delays[delivery.attempts - 1];
    if (wait === undefined) {
      delivery.status = "failed";
      return;
    }
    track(new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => attempt(delivery)));
  };

  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const onChange = (change: StandinChange) => {
    const shop = ctx.store.shops.get(change.shop);
    // app/uninstalled is the one topic sent after the app is gone.
    if (!shop || (!shop.appInstalled && change.topic !== "app/uninstalled")) return;
    const triggeredAt = new Date().toISOString();
    const eventId = randomUUID();
    for (const subscription of subscriptions.filter((s) => s.topic === change.topic)) {
      const delivery: Delivery = {
        webhookId: randomUUID(),
        eventId,
        shop: change.shop,
        topic: change.topic,
        uri: subscription.uri,
        body: JSON.stringify(buildPayload(shop, change)),
        triggeredAt,
        attempts: 0,
        statuses: [],
        status: "pending",
      };
      deliveries.push(delivery);
      if (drop?.(delivery)) {
        delivery.status = "dropped";
        continue;
      }
      // One at a time per sender, so a demo's orders/create lands before its orders/paid.
      queue = queue.then(() => attempt(delivery));
      track(queue);
    }
  };
  ctx.store.on("change", onChange);

  return {
    deliveries,
    /** Resolves once every delivery, retries included, has finished. */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    /** Changes which deliveries are lost from now on; undefined sends everything again. */
    setDrop(predicate: DropPredicate | undefined): void {
      drop = predicate;
    },
    /** Sends a delivery again with the same webhook id, as Shopify's retries do (a dropped one too). */
    async resend(webhookId: string): Promise<void> {
      const original = deliveries.find((d) => d.webhookId === webhookId);
      if (!original) throw new Error(`no delivery ${webhookId}`);
      await attempt(original);
    },
    detach(): void {
      ctx.store.off("change", onChange);
    },
  };
}

export type WebhookSender = ReturnType<typeof attachWebhookSender>;
