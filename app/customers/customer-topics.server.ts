import { topicHandler } from "../webhooks/topic-handler";
import { parseCustomerDelete, parseRestCustomer } from "./customer-command";
import { recordCustomerDeletes, recordCustomers } from "./record-customers.server";

/** customers/create and customers/update: the profile's identity, tags and consent. */
export const customerTopic = topicHandler({
  parse: (payload, meta) => parseRestCustomer(payload, meta.topic),
  apply: (tx, shop, customers) => recordCustomers(tx, shop, customers),
});

/** customers/delete: a tombstone without personal data; orders and points stay, anonymous. */
export const customerDeleteTopic = topicHandler({
  parse: (payload, meta) => parseCustomerDelete(payload, meta.triggeredAt, meta.topic),
  apply: (tx, shop, deletions) => recordCustomerDeletes(tx, shop, deletions),
});
