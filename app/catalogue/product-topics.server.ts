import { topicHandler } from "../webhooks/topic-handler";
import { parseProductDelete, parseRestProduct } from "./product-command";
import { recordProductDeletes, recordProducts } from "./record-products.server";

/** products/create and products/update: the catalogue recommendations, rules and segments read. */
export const productTopic = topicHandler({
  parse: (payload, meta) => parseRestProduct(payload, meta.currencyCode, meta.topic),
  apply: async (tx, shop, products) => void (await recordProducts(tx, shop, products)),
});

/** products/delete: a tombstone, versioned by when Shopify triggered it. */
export const productDeleteTopic = topicHandler({
  parse: (payload, meta) => parseProductDelete(payload, meta.triggeredAt, meta.topic),
  apply: (tx, shop, deletions) => recordProductDeletes(tx, shop, deletions),
});
