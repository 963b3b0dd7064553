import { z } from "zod";
import { gid, text, timestamp } from "../webhooks/fields";
import { enumValue } from "../webhooks/graphql-fields";
import { parsePayload } from "../webhooks/parse-payload";
import { normalizeTags, type CustomerCommand } from "./customer-command";

const GqlCustomer = z.object({
  id: gid("Customer"),
  firstName: text(255).nullish(),
  lastName: text(255).nullish(),
  state: enumValue.nullish(),
  tags: z.array(text(255)).max(250).nullish(),
  createdAt: timestamp.nullish(),
  updatedAt: timestamp,
  defaultEmailAddress: z.object({ emailAddress: text(320).nullish(), marketingState: z.string().max(64).nullish() }).nullish(),
  defaultPhoneNumber: z.object({ phoneNumber: text(64).nullish(), marketingState: z.string().max(64).nullish() }).nullish(),
  defaultAddress: z.object({ countryCodeV2: z.string().max(8).nullish() }).nullish(),
});

/**
 * A GraphQL customer (bulk JSONL or a reconcile page) → the CustomerCommand customers/* webhooks make.
 * @throws InvalidPayloadError naming each unusable field
 */
export function parseGraphqlCustomer(node: unknown, source = "bulk/customers"): CustomerCommand {
  const c = parsePayload(GqlCustomer, node, source);
  return {
    customerGid: c.id,
    email: c.defaultEmailAddress?.emailAddress || null,
    firstName: c.firstName || null,
    lastName: c.lastName || null,
    phone: c.defaultPhoneNumber?.phoneNumber || null,
    tags: normalizeTags(c.tags ?? []),
    state: c.state ?? null,
    emailMarketing: c.defaultEmailAddress?.marketingState ?? null,
    smsMarketing: c.defaultPhoneNumber?.marketingState ?? null,
    countryCode: c.defaultAddress?.countryCodeV2 ?? null,
    createdAt: c.createdAt ?? null,
    updatedAt: c.updatedAt,
  };
}
