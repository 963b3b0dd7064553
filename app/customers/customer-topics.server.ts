import { grantSignupBonuses } from "../loyalty/program/bonuses.server";
import { topicHandler } from "../webhooks/topic-handler";
import { parseCustomerDelete, parseRestCustomer } from "./customer-command";
import { recordCustomerDeletes, recordCustomers } from "./record-customers.server";

/** customers/create and customers/update: the profile's identity, tags and consent, then the loyalty sign-up bonus. */
export const customerTopic = topicHandler({
  parse: (payload, meta) => parseRestCustomer(payload, meta.topic),
  apply: async (tx, shop, customers) => {
    await recordCustomers(tx, shop, customers);
    await grantSignupBonuses(
      tx,
      shop,
      customers.map((c) => c.customerGid),
    );
  },
});

/** customers/delete: a tombstone without personal data; orders and points stay, anonymous. */
export const customerDeleteTopic = topicHandler({
  parse: (payload, meta) => parseCustomerDelete(payload, meta.triggeredAt, meta.topic),
  apply: (tx, shop, deletions) => recordCustomerDeletes(tx, shop, deletions),
});
