import { parseGraphqlProduct } from "../catalogue/graphql-product-command";
import { recordProducts } from "../catalogue/record-products.server";
import { parseGraphqlCustomer } from "../customers/graphql-customer-command";
import { recordCustomers } from "../customers/record-customers.server";
import { settleOrderPoints } from "../loyalty/order-points.server";
import { parseGraphqlOrder } from "../orders/graphql-order-command";
import { recordOrders } from "../orders/record-orders.server";
import { topicHandler } from "../webhooks/topic-handler";

/*
 * Records the backfill could not read are parked in the inbox under `bulk/<phase>` with their reason;
 * these handlers apply them when the merchant retries (after a fix), by the backfill's own paths.
 */
export const bulkProductTopic = topicHandler({
  parse: (payload, meta) => parseGraphqlProduct(payload, meta.currencyCode, meta.topic),
  apply: async (tx, shop, products) => void (await recordProducts(tx, shop, products)),
});

export const bulkCustomerTopic = topicHandler({
  parse: (payload, meta) => parseGraphqlCustomer(payload, meta.topic),
  apply: (tx, shop, customers) => recordCustomers(tx, shop, customers),
});

export const bulkOrderTopic = topicHandler({
  parse: (payload, meta) => parseGraphqlOrder(payload, meta.topic),
  apply: async (tx, shop, orders) => {
    const recorded = await recordOrders(tx, shop, orders, "backfill");
    await settleOrderPoints(tx, shop, recorded.changedOrderGids);
  },
});
