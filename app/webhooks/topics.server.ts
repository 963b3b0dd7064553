import { bulkFinishTopic } from "../backfill/bulk-finish-topic.server";
import { bulkCustomerTopic, bulkOrderTopic, bulkProductTopic } from "../backfill/bulk-topics.server";
import { productDeleteTopic, productTopic } from "../catalogue/product-topics.server";
import { customerRedactTopic, dataRequestTopic, shopRedactTopic } from "../compliance/compliance-topics.server";
import { customerDeleteTopic, customerTopic } from "../customers/customer-topics.server";
import { orderTopic, refundTopic } from "../orders/order-topics.server";
import { scopesUpdateTopic, uninstalledTopic } from "../shops/app-topics.server";
import type { TopicHandler } from "./topic-handler";

/**
 * Every topic the inbox applies, and by which capability (shopify.app.toml subscribes the Shopify
 * ones; `bulk/*` are backfill records parked for a retry). Topics sharing a handler are applied in one
 * batch: the four orders topics are one, because the order's own state decides what happens.
 */
export const TOPIC_HANDLERS: Readonly<Record<string, TopicHandler<any>>> = {
  "orders/create": orderTopic,
  "orders/updated": orderTopic,
  "orders/paid": orderTopic,
  "orders/cancelled": orderTopic,
  "refunds/create": refundTopic,
  "customers/create": customerTopic,
  "customers/update": customerTopic,
  "customers/delete": customerDeleteTopic,
  "products/create": productTopic,
  "products/update": productTopic,
  "products/delete": productDeleteTopic,
  "app/uninstalled": uninstalledTopic,
  "app/scopes_update": scopesUpdateTopic,
  "bulk_operations/finish": bulkFinishTopic,
  "customers/data_request": dataRequestTopic,
  "customers/redact": customerRedactTopic,
  "shop/redact": shopRedactTopic,
  "bulk/products": bulkProductTopic,
  "bulk/customers": bulkCustomerTopic,
  "bulk/orders": bulkOrderTopic,
};
