import { z } from "zod";
import { toGid } from "../lib/gid";
import { amount, currency, gid, legacyId, minor, moneySet, quantity, text, timestamp } from "../webhooks/fields";
import { parsePayload } from "../webhooks/parse-payload";
import { type CustomerCommand, RestCustomer, toCustomerCommand } from "../customers/customer-command";
import { channelOf, type Channel } from "./channel";
import { RestRefund, type RefundCommand, toRefundCommand } from "./refund-command";

/**
 * An order as Rapport records it, whichever way it arrived (orders/* webhooks, the install backfill,
 * reconciliation): ids as GIDs, money as integer minor units of the shop currency, the version it
 * was built from (`updatedAt`). Domain code sees this, never a topic or a payload.
 * @example parseRestOrder(payload).lines[0].quantity
 */
export interface OrderCommand {
  orderGid: string;
  name: string;
  customer: CustomerCommand | null;
  processedAt: Date;
  createdAt: Date;
  /** Shopify's updated_at: the version. An older version never overwrites a newer one. */
  updatedAt: Date;
  currencyCode: string;
  /** Line items after discounts, before shipping and tax (what points are earned on). */
  subtotalMinor: number;
  totalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  sourceName: string | null;
  channel: Channel;
  locationGid: string | null;
  staffGid: string | null;
  countryCode: string | null;
  cancelledAt: Date | null;
  test: boolean;
  lines: OrderLineCommand[];
  /** Refunds the payload carries (orders/updated lists them all; refunds are immutable). */
  refunds: RefundCommand[];
}

export interface OrderLineCommand {
  lineItemGid: string | null;
  productGid: string | null;
  variantGid: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  /** Discounts allocated to the line, in total. */
  discountMinor: number;
  /** quantity × unit price − discounts. */
  totalMinor: number;
  /** A gift card sold (earns no points unless the loyalty program says so). */
  giftCard: boolean;
}

const countryOf = z
  .object({ country_code: z.string().max(8).nullish() })
  .passthrough()
  .nullish();

const RestLineItem = z.object({
  id: legacyId.nullish(),
  admin_graphql_api_id: gid("LineItem").nullish(),
  product_id: legacyId.nullish(),
  variant_id: legacyId.nullish(),
  sku: text(255).nullish(),
  title: text(1000),
  quantity,
  price: amount,
  total_discount: amount.nullish(),
  discount_allocations: z.array(z.object({ amount })).nullish(),
  gift_card: z.boolean().nullish(),
});

/** Shopify's REST order, as every orders/* webhook carries it. */
export const RestOrder = z.object({
  id: legacyId,
  admin_graphql_api_id: gid("Order").nullish(),
  name: text(255).pipe(z.string().min(1, "must not be empty")),
  currency,
  processed_at: timestamp.nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  cancelled_at: timestamp.nullish(),
  financial_status: text(64).nullish(),
  fulfillment_status: text(64).nullish(),
  source_name: text(255).nullish(),
  test: z.boolean().nullish(),
  subtotal_price: amount.nullish(),
  total_price: amount,
  total_discounts: amount.nullish(),
  total_tax: amount.nullish(),
  total_shipping_price_set: moneySet.nullish(),
  location_id: legacyId.nullish(),
  user_id: legacyId.nullish(),
  shipping_address: countryOf,
  billing_address: countryOf,
  customer: RestCustomer.nullish(),
  line_items: z.array(RestLineItem).max(5000, "has more than 5,000 line items"),
  refunds: z.array(RestRefund).nullish(),
});

/**
 * A REST orders/* payload → an OrderCommand. Whatever topic it arrived under, the command describes the
 * order's own state (paid, cancelled, refunded): the topic header is not covered by Shopify's HMAC.
 * @throws InvalidPayloadError naming each unusable field
 */
export function parseRestOrder(payload: unknown, topic = "orders/updated"): OrderCommand {
  return parsePayload(RestOrderCommand, payload, topic);
}

const RestOrderCommand = RestOrder.transform((o, ctx): OrderCommand => {
  const money = (value: string | number | null | undefined, path: string) => minor(ctx, value, o.currency, path);
  const orderGid = o.admin_graphql_api_id ?? toGid("Order", o.id);
  const lines = o.line_items.map((li, i): OrderLineCommand => {
    const unitPriceMinor = money(li.price, `line_items.${i}.price`);
    const allocated = li.discount_allocations?.length
      ? li.discount_allocations.reduce((sum, d, j) => sum + money(d.amount, `line_items.${i}.discount_allocations.${j}.amount`), 0)
      : money(li.total_discount, `line_items.${i}.total_discount`);
    return {
      lineItemGid: li.admin_graphql_api_id ?? (li.id != null ? toGid("LineItem", li.id) : null),
      productGid: li.product_id != null ? toGid("Product", li.product_id) : null,
      variantGid: li.variant_id != null ? toGid("ProductVariant", li.variant_id) : null,
      sku: li.sku || null,
      title: li.title,
      quantity: li.quantity,
      unitPriceMinor,
      discountMinor: allocated,
      totalMinor: unitPriceMinor * li.quantity - allocated,
      giftCard: li.gift_card === true,
    };
  });
  const merchandise = lines.reduce((sum, line) => sum + line.totalMinor, 0);
  return {
    orderGid,
    name: o.name,
    customer: o.customer ? toCustomerCommand(o.customer) : null,
    processedAt: o.processed_at ?? o.created_at,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    currencyCode: o.currency,
    subtotalMinor: o.subtotal_price != null ? money(o.subtotal_price, "subtotal_price") : merchandise,
    totalMinor: money(o.total_price, "total_price"),
    discountMinor: money(o.total_discounts, "total_discounts"),
    shippingMinor: money(o.total_shipping_price_set?.shop_money.amount, "total_shipping_price_set"),
    taxMinor: money(o.total_tax, "total_tax"),
    financialStatus: o.financial_status?.toLowerCase() ?? null,
    fulfillmentStatus: o.fulfillment_status?.toLowerCase() ?? null,
    sourceName: o.source_name ?? null,
    channel: channelOf(o.source_name ?? null),
    locationGid: o.location_id != null ? toGid("Location", o.location_id) : null,
    staffGid: o.user_id != null ? toGid("StaffMember", o.user_id) : null,
    countryCode: o.shipping_address?.country_code ?? o.billing_address?.country_code ?? null,
    cancelledAt: o.cancelled_at ?? null,
    test: o.test ?? false,
    lines,
    refunds: (o.refunds ?? []).map((refund, i) => toRefundCommand(refund, o.currency, ctx, `refunds.${i}`, orderGid)),
  };
});
