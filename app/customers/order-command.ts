import { z } from "zod";
import { InvalidPayloadError } from "../lib/errors";
import { toMinorUnits } from "../lib/money";

/**
 * What Rapport keeps of a Shopify order, from a webhook payload or a bulk-operation line: ids as
 * GIDs, money as integer minor units, POS orders marked by their source.
 * @example parseOrderWebhook("orders/paid", payload).lines[0].quantity
 */
export interface OrderCommand {
  orderGid: string;
  name: string;
  customer: { gid: string; email: string | null; firstName: string | null; lastName: string | null } | null;
  processedAt: Date;
  currencyCode: string;
  /** After discounts, before shipping and tax: what points are earned on. */
  subtotalMinor: number;
  totalMinor: number;
  financialStatus: string | null;
  sourceName: string | null;
  cancelledAt: Date | null;
  test: boolean;
  lines: {
    productGid: string | null;
    variantGid: string | null;
    sku: string | null;
    title: string;
    quantity: number;
    priceMinor: number;
  }[];
}

const id = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).transform(String);
const amount = z.union([z.string(), z.number()]);
const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date-time");

const RestOrder = z.object({
  id,
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/").optional(),
  name: z.string().min(1),
  currency: z.string().length(3),
  processed_at: timestamp.nullish(),
  created_at: timestamp,
  cancelled_at: timestamp.nullish(),
  financial_status: z.string().nullish(),
  source_name: z.string().nullish(),
  test: z.boolean().default(false),
  current_subtotal_price: amount.optional(),
  subtotal_price: amount.optional(),
  current_total_price: amount.optional(),
  total_price: amount,
  customer: z.object({ id, email: z.string().nullish(), first_name: z.string().nullish(), last_name: z.string().nullish() }).nullish(),
  line_items: z.array(
    z.object({
      product_id: id.nullish(),
      variant_id: id.nullish(),
      sku: z.string().nullish(),
      title: z.string(),
      quantity: z.number().int().nonnegative(),
      price: amount,
    }),
  ),
});

/** Parses a REST orders/* webhook payload; anything unusable throws InvalidPayloadError with the reason. */
export function parseOrderWebhook(topic: string, payload: unknown): OrderCommand {
  const parsed = RestOrder.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  const o = parsed.data;
  try {
    return {
      orderGid: o.admin_graphql_api_id ?? `gid://shopify/Order/${o.id}`,
      name: o.name,
      customer: o.customer
        ? {
            gid: `gid://shopify/Customer/${o.customer.id}`,
            email: o.customer.email ?? null,
            firstName: o.customer.first_name ?? null,
            lastName: o.customer.last_name ?? null,
          }
        : null,
      processedAt: new Date(o.processed_at ?? o.created_at),
      currencyCode: o.currency,
      subtotalMinor: toMinorUnits(o.current_subtotal_price ?? o.subtotal_price ?? o.total_price, o.currency),
      totalMinor: toMinorUnits(o.current_total_price ?? o.total_price, o.currency),
      financialStatus: o.financial_status ?? null,
      sourceName: o.source_name ?? null,
      cancelledAt: o.cancelled_at ? new Date(o.cancelled_at) : null,
      test: o.test,
      lines: o.line_items.map((li) => ({
        productGid: li.product_id ? `gid://shopify/Product/${li.product_id}` : null,
        variantGid: li.variant_id ? `gid://shopify/ProductVariant/${li.variant_id}` : null,
        sku: li.sku ?? null,
        title: li.title,
        quantity: li.quantity,
        priceMinor: toMinorUnits(li.price, o.currency),
      })),
    };
  } catch (error) {
    throw new InvalidPayloadError(topic, (error as Error).message);
  }
}

export function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
}
