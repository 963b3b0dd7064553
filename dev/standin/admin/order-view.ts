import type { StandinLineItem, StandinOrder, StandinRefund } from "../store";
import { gid } from "../store";
import { decimalOf, minorOf } from "../money";
import { lineNetMinor } from "../order-amounts";
import { connection, type ConnectionArgs } from "./connection";
import { customerView } from "./customer-view";
import { productView, variantView } from "./product-view";
import { addressView, money, type ViewContext } from "./view-context";

/** REST fulfillment_status → GraphQL OrderDisplayFulfillmentStatus. */
const FULFILLMENT: Record<string, string> = {
  fulfilled: "FULFILLED",
  partial: "PARTIALLY_FULFILLED",
  restocked: "RESTOCKED",
};

/**
 * Order, LineItem and Refund as Admin GraphQL serves them: statuses, every total as a MoneyBag
 * (shipping and tax included), the POS location and staff member (null online), addresses, refunds
 * with their lines, and line items with their discount allocations.
 */
export function orderView(v: ViewContext, o: StandinOrder) {
  const currency = o.currency;
  const customer = o.customerId === null ? undefined : v.shop.customers.get(o.customerId);
  return {
    __typename: "Order",
    id: gid("Order", o.id),
    legacyResourceId: String(o.id),
    name: o.name,
    email: o.email,
    createdAt: o.createdAt,
    processedAt: o.processedAt,
    updatedAt: o.updatedAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason?.toUpperCase() ?? null,
    sourceName: o.sourceName,
    test: o.test,
    currencyCode: currency,
    displayFinancialStatus: o.financialStatus.toUpperCase(),
    displayFulfillmentStatus: FULFILLMENT[o.fulfillmentStatus ?? ""] ?? "UNFULFILLED",
    subtotalPriceSet: money(o.subtotalPrice, currency),
    currentSubtotalPriceSet: money(o.subtotalPrice, currency),
    totalPriceSet: money(o.totalPrice, currency),
    currentTotalPriceSet: money(o.totalPrice, currency),
    totalDiscountsSet: money(o.totalDiscounts, currency),
    totalShippingPriceSet: money(o.totalShipping, currency),
    totalTaxSet: money(o.totalTax, currency),
    customer: () => (customer ? customerView(v, customer) : null),
    retailLocation: o.locationId === null ? null : { __typename: "Location", id: gid("Location", o.locationId) },
    staffMember: o.staffMemberId === null ? null : { __typename: "StaffMember", id: gid("StaffMember", o.staffMemberId) },
    shippingAddress: addressView(`order-${o.id}-shipping`, o.shippingAddress),
    billingAddress: addressView(`order-${o.id}-billing`, o.billingAddress),
    lineItems: (args: ConnectionArgs) =>
      connection(
        o.lineItems.map((li) => lineItemView(v, o, li)),
        args,
        v.options,
      ),
    refunds: (args: { first?: number | null }) => o.refunds.slice(0, args.first ?? undefined).map((r) => refundView(v, o, r)),
  };
}

/** A refund with its total and its lines (a connection, even inside the `refunds` list). */
export function refundView(v: ViewContext, o: StandinOrder, r: StandinRefund) {
  const total = r.refundLineItems.reduce((sum, x) => sum + minorOf(x.subtotal), 0);
  return {
    __typename: "Refund",
    id: gid("Refund", r.id),
    createdAt: r.createdAt,
    note: r.note,
    totalRefundedSet: money(decimalOf(total), o.currency),
    refundLineItems: (args: ConnectionArgs) =>
      connection(
        r.refundLineItems.map((x) => ({
          __typename: "RefundLineItem",
          id: gid("RefundLineItem", x.id),
          quantity: x.quantity,
          subtotalSet: money(x.subtotal, o.currency),
          lineItem: lineItemView(
            v,
            o,
            o.lineItems.find((li) => li.id === x.lineItemId)!,
          ),
        })),
        args,
        v.options,
      ),
  };
}

/** A line item: prices, quantities after refunds, its discount allocation, product and variant. */
export function lineItemView(v: ViewContext, o: StandinOrder, li: StandinLineItem) {
  const product = li.productId === null ? undefined : v.shop.products.get(li.productId);
  const variant = product?.variants.find((x) => x.id === li.variantId);
  const refunded = o.refunds
    .flatMap((r) => r.refundLineItems)
    .filter((r) => r.lineItemId === li.id)
    .reduce((s, r) => s + r.quantity, 0);
  return {
    __typename: "LineItem",
    id: gid("LineItem", li.id),
    title: li.title,
    sku: li.sku,
    quantity: li.quantity,
    currentQuantity: li.quantity - refunded,
    variantTitle: li.variantTitle,
    originalUnitPriceSet: money(li.price, o.currency),
    discountedUnitPriceSet: money(decimalOf(Math.round(lineNetMinor(li) / li.quantity)), o.currency),
    discountAllocations:
      li.discount === undefined ? [] : [{ __typename: "DiscountAllocation", allocatedAmountSet: money(li.discount, o.currency) }],
    // Built on demand: a bulk read of every order touches tens of thousands of line items.
    product: () => (product ? productView(v, product) : null),
    variant: () => (product && variant ? variantView(v, product, variant) : null),
  };
}
