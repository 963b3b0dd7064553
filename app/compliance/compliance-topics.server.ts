import { z } from "zod";
import { logger } from "../lib/logger.server";
import { gidFrom } from "../webhooks/fields";
import { parsePayload } from "../webhooks/parse-payload";
import { topicHandler } from "../webhooks/topic-handler";
import { exportCustomerData } from "./data-export.server";
import { redactCustomer, redactShop } from "./redact.server";

const CustomerRequest = z.object({
  shop_domain: z.string().max(255),
  customer: z.object({ id: gidFrom("Customer"), email: z.string().max(320).nullish() }),
});

/** customers/data_request: a JSON export of everything held on the customer, stored for the merchant. */
export const dataRequestTopic = topicHandler({
  parse: (payload, meta) => parsePayload(CustomerRequest, payload, meta.topic).customer.id,
  apply: async (tx, shop, customerGids) => {
    for (const customerGid of customerGids) {
      const exportId = await exportCustomerData(tx, shop, customerGid);
      logger.info("customer data request exported", { shop, customerGid, exportId });
    }
  },
});

/** customers/redact: forget who the customer is. */
export const customerRedactTopic = topicHandler({
  parse: (payload, meta) => {
    const { customer } = parsePayload(CustomerRequest, payload, meta.topic);
    return { customerGid: customer.id, email: customer.email || null, at: meta.triggeredAt, webhookId: meta.webhookId };
  },
  apply: async (tx, shop, requests) => {
    for (const r of requests) await redactCustomer(tx, shop, r.customerGid, r.at, { webhookId: r.webhookId, email: r.email });
  },
});

/** shop/redact (48 hours after uninstall): erase everything the shop had here. */
export const shopRedactTopic = topicHandler({
  parse: () => ({}),
  apply: (tx, shop) => redactShop(tx, shop),
});
