import { z } from "zod";
import { logger } from "../lib/logger.server";
import { gidFrom } from "../webhooks/fields";
import { parsePayload } from "../webhooks/parse-payload";
import { topicHandler } from "../webhooks/topic-handler";
import { redactCustomer, redactShop } from "./redact.server";

const CustomerRequest = z.object({ shop_domain: z.string().max(255), customer: z.object({ id: gidFrom("Customer") }) });

/** customers/data_request: what Rapport holds on the customer, summarised for the merchant. */
export const dataRequestTopic = topicHandler({
  parse: (payload, meta) => parsePayload(CustomerRequest, payload, meta.topic).customer.id,
  apply: async (tx, shop, customerGids) => {
    for (const customerGid of customerGids) {
      const [profile, orders, postings] = await Promise.all([
        tx.customer.findUnique({ where: { shop_customerGid: { shop, customerGid } }, select: { id: true } }),
        tx.order.count({ where: { shop, customerGid } }),
        tx.ledgerEntry.count({ where: { shop, customerGid } }),
      ]);
      logger.info("customer data request", { shop, customerGid, profile: Boolean(profile), orders, ledgerPostings: postings });
    }
  },
});

/** customers/redact: forget who the customer is. */
export const customerRedactTopic = topicHandler({
  parse: (payload, meta) => ({ customerGid: parsePayload(CustomerRequest, payload, meta.topic).customer.id, at: meta.triggeredAt }),
  apply: async (tx, shop, requests) => {
    for (const request of requests) await redactCustomer(tx, shop, request.customerGid, request.at);
  },
});

/** shop/redact (48 hours after uninstall): erase everything the shop had here. */
export const shopRedactTopic = topicHandler({
  parse: () => ({}),
  apply: (tx, shop) => redactShop(tx, shop),
});
