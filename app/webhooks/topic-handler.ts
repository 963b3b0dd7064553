import type { Tx } from "../db.server";

/** What a topic handler knows about the delivery it parses. */
export interface DeliveryMeta {
  shop: string;
  topic: string;
  webhookId: string;
  /** X-Shopify-Triggered-At: the version of payloads that carry none (deletions). */
  triggeredAt: Date;
  /** The shop's currency: REST product prices carry none of their own. */
  currencyCode: string;
}

/**
 * How the inbox applies one topic: `parse` turns a payload into a typed command at the edge (pure;
 * throws InvalidPayloadError, which parks the delivery); `apply` applies a shop's commands inside the
 * transaction that marks their deliveries done, so a delivery's effects and its "done" commit together.
 * Deliveries of one handler are applied in batches (an orders burst is one transaction).
 */
export interface TopicHandler<C> {
  parse(payload: unknown, meta: DeliveryMeta): C;
  apply(tx: Tx, shop: string, commands: C[]): Promise<void>;
}

/** Declares a handler with its command type inferred. */
export function topicHandler<C>(handler: TopicHandler<C>): TopicHandler<C> {
  return handler;
}
