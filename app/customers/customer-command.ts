import { z } from "zod";
import { toGid } from "../lib/gid";
import { gid, legacyId, text, timestamp } from "../webhooks/fields";
import { parsePayload } from "../webhooks/parse-payload";

/**
 * A customer's profile as Rapport keeps it, from customers/* webhooks, the customer inside an order,
 * the backfill or reconciliation. `updatedAt` is the version; an order's embedded customer may carry
 * none, and then it only fills in a profile Rapport does not have yet.
 */
export interface CustomerCommand {
  customerGid: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  tags: string;
  state: string | null;
  emailMarketing: string | null;
  smsMarketing: string | null;
  countryCode: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** customers/delete (and redaction): the version is when Shopify triggered it. */
export interface CustomerDeleteCommand {
  customerGid: string;
  at: Date;
}

const consent = z
  .object({ state: z.string().max(64).nullish() })
  .passthrough()
  .nullish();

/** Shopify's REST customer, as customers/* webhooks and orders carry it. */
export const RestCustomer = z.object({
  id: legacyId,
  admin_graphql_api_id: gid("Customer").nullish(),
  email: text(320).nullish(),
  first_name: text(255).nullish(),
  last_name: text(255).nullish(),
  phone: text(64).nullish(),
  state: text(32).nullish(),
  tags: text(5000).nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  email_marketing_consent: consent,
  sms_marketing_consent: consent,
  default_address: z
    .object({ country_code: z.string().max(8).nullish() })
    .passthrough()
    .nullish(),
});

export function toCustomerCommand(c: z.infer<typeof RestCustomer>): CustomerCommand {
  return {
    customerGid: c.admin_graphql_api_id ?? toGid("Customer", c.id),
    email: c.email || null,
    firstName: c.first_name || null,
    lastName: c.last_name || null,
    phone: c.phone || null,
    tags: normalizeTags(c.tags ?? ""),
    state: c.state?.toLowerCase() ?? null,
    emailMarketing: c.email_marketing_consent?.state?.toUpperCase() ?? null,
    smsMarketing: c.sms_marketing_consent?.state?.toUpperCase() ?? null,
    countryCode: c.default_address?.country_code ?? null,
    createdAt: c.created_at ?? null,
    updatedAt: c.updated_at ?? null,
  };
}

/** "vip,  wholesale ,vip" → "vip, wholesale": trimmed, de-duplicated, Shopify's separator. */
export function normalizeTags(tags: string | readonly string[]): string {
  const list = typeof tags === "string" ? tags.split(",") : tags;
  return [...new Set(list.map((t) => t.trim()).filter(Boolean))].join(", ");
}

/** customers/create and customers/update → a CustomerCommand. */
export function parseRestCustomer(payload: unknown, topic = "customers/update"): CustomerCommand {
  return toCustomerCommand(parsePayload(RestCustomer, payload, topic));
}

/** customers/delete → a tombstone command, versioned by the delivery's triggered-at. */
export function parseCustomerDelete(payload: unknown, at: Date, topic = "customers/delete"): CustomerDeleteCommand {
  const c = parsePayload(z.object({ id: legacyId, admin_graphql_api_id: gid("Customer").nullish() }), payload, topic);
  return { customerGid: c.admin_graphql_api_id ?? toGid("Customer", c.id), at };
}
