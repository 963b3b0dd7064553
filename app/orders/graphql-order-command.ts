import { z } from "zod";
import { currency, gid, minor, quantity, text, timestamp } from "../webhooks/fields";
import { enumValue, moneyBag, nodesOf, ref } from "../webhooks/graphql-fields";
import { parsePayload } from "../webhooks/parse-payload";
import { channelOf } from "./channel";
import type { OrderCommand, OrderLineCommand } from "./order-command";
import type { RefundCommand } from "./refund-command";

const GqlLineItem = z.object({
  id: gid("LineItem"),
  title: text(1000),
  sku: text(255).nullish(),
  quantity,
  originalUnitPriceSet: moneyBag,
  discountAllocations: z.array(z.object({ allocatedAmountSet: moneyBag })).nullish(),
  product: ref(gid("Product")),
  variant: ref(gid("ProductVariant")),
});

const GqlRefund = z.object({
  id: gid("Refund"),
  createdAt: timestamp,
  note: text(5000).nullish(),
  totalRefundedSet: moneyBag,
  refundLineItems: nodesOf(z.object({ lineItem: z.object({ id: gid("LineItem") }), quantity, subtotalSet: moneyBag })).optional(),
});

const country = z.object({ countryCodeV2: z.string().max(8).nullish() }).nullish();

/** An order as the app's GraphQL documents select it (bulk JSONL reassembled, or a reconcile page). */
export const GqlOrder = z.object({
  id: gid("Order"),
  name: text(255).pipe(z.string().min(1, "must not be empty")),
  processedAt: timestamp.nullish(),
  createdAt: timestamp,
  updatedAt: timestamp,
  cancelledAt: timestamp.nullish(),
  sourceName: text(255).nullish(),
  test: z.boolean().nullish(),
  displayFinancialStatus: enumValue.nullish(),
  displayFulfillmentStatus: enumValue.nullish(),
  currencyCode: currency,
  subtotalPriceSet: moneyBag.nullish(),
  totalPriceSet: moneyBag,
  totalDiscountsSet: moneyBag.nullish(),
  totalShippingPriceSet: moneyBag.nullish(),
  totalTaxSet: moneyBag.nullish(),
  customer: ref(gid("Customer")),
  retailLocation: ref(gid("Location")),
  staffMember: ref(gid("StaffMember")),
  shippingAddress: country,
  billingAddress: country,
  refunds: z.array(GqlRefund).max(500).nullish(),
  lineItems: nodesOf(GqlLineItem),
});

/**
 * A GraphQL order → the same OrderCommand webhooks produce, so the backfill, reconciliation and live
 * deliveries share one recording path. Refunds from a bulk result carry no lines (`subtotalMinor` null).
 * @throws InvalidPayloadError naming each unusable field
 */
export function parseGraphqlOrder(node: unknown, source = "bulk/orders"): OrderCommand {
  return parsePayload(GqlOrderCommand, node, source);
}

const GqlOrderCommand = GqlOrder.transform((o, ctx): OrderCommand => {
  const money = (value: { shopMoney: { amount: string | number } } | null | undefined, path: string) =>
    minor(ctx, value?.shopMoney.amount, o.currencyCode, path);
  const lines = o.lineItems.map((li, i): OrderLineCommand => {
    const unitPriceMinor = money(li.originalUnitPriceSet, `lineItems.${i}.originalUnitPriceSet`);
    const discountMinor = (li.discountAllocations ?? []).reduce(
      (sum, d, j) => sum + money(d.allocatedAmountSet, `lineItems.${i}.discountAllocations.${j}`),
      0,
    );
    return {
      lineItemGid: li.id,
      productGid: li.product?.id ?? null,
      variantGid: li.variant?.id ?? null,
      sku: li.sku || null,
      title: li.title,
      quantity: li.quantity,
      unitPriceMinor,
      discountMinor,
      totalMinor: unitPriceMinor * li.quantity - discountMinor,
      // The bulk and reconcile queries do not ask for isGiftCard yet: such lines earn like merchandise.
      giftCard: false,
    };
  });
  const refunds = (o.refunds ?? []).map((r, i): RefundCommand => {
    const refundLines = r.refundLineItems?.map((x, j) => ({
      lineItemGid: x.lineItem.id,
      quantity: x.quantity,
      subtotalMinor: money(x.subtotalSet, `refunds.${i}.refundLineItems.${j}`),
    }));
    return {
      refundGid: r.id,
      orderGid: o.id,
      refundedAt: r.createdAt,
      note: r.note ?? null,
      subtotalMinor: refundLines ? refundLines.reduce((sum, l) => sum + l.subtotalMinor, 0) : null,
      totalMinor: money(r.totalRefundedSet, `refunds.${i}.totalRefundedSet`),
      lines: refundLines ?? [],
    };
  });
  return {
    orderGid: o.id,
    name: o.name,
    customer: o.customer
      ? {
          customerGid: o.customer.id,
          email: null,
          firstName: null,
          lastName: null,
          phone: null,
          tags: "",
          state: null,
          emailMarketing: null,
          smsMarketing: null,
          countryCode: null,
          createdAt: null,
          updatedAt: null,
        }
      : null,
    processedAt: o.processedAt ?? o.createdAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    currencyCode: o.currencyCode,
    subtotalMinor: o.subtotalPriceSet ? money(o.subtotalPriceSet, "subtotalPriceSet") : lines.reduce((sum, l) => sum + l.totalMinor, 0),
    totalMinor: money(o.totalPriceSet, "totalPriceSet"),
    discountMinor: money(o.totalDiscountsSet, "totalDiscountsSet"),
    shippingMinor: money(o.totalShippingPriceSet, "totalShippingPriceSet"),
    taxMinor: money(o.totalTaxSet, "totalTaxSet"),
    financialStatus: o.displayFinancialStatus ?? null,
    fulfillmentStatus: o.displayFulfillmentStatus ?? null,
    sourceName: o.sourceName ?? null,
    channel: channelOf(o.sourceName ?? null),
    locationGid: o.retailLocation?.id ?? null,
    staffGid: o.staffMember?.id ?? null,
    countryCode: o.shippingAddress?.countryCodeV2 ?? o.billingAddress?.countryCodeV2 ?? null,
    cancelledAt: o.cancelledAt ?? null,
    test: o.test ?? false,
    lines,
    refunds,
  };
});
