import type { StandinLineItem, StandinOrder } from "../store";
import { gid } from "../store";
import { set, type Json } from "./example-payload";

/**
 * A REST line item (in orders/* and refunds/create) on Shopify's example line item: quantities after
 * refunds, the line discount, and the POS staff member credited with the sale.
 * `discountIndex` is the line's entry in the order's `discount_applications`, or -1 for none (a refund's
 * line items carry no allocations: refunds/create has no `discount_applications` to point into).
 * @example lineItemPayload(example("orders/updated").line_items[0], order, order.lineItems[0], -1)
 */
export function lineItemPayload(template: Json, o: StandinOrder, li: StandinLineItem, discountIndex = -1): Json {
  const refunded = o.refunds
    .flatMap((r) => r.refundLineItems)
    .filter((r) => r.lineItemId === li.id)
    .reduce((s, r) => s + r.quantity, 0);
  const discount = li.discount ?? "0.00";
  return {
    ...template,
    id: li.id,
    admin_graphql_api_id: gid("LineItem", li.id),
    attributed_staffs: o.staffMemberId === null ? [] : [{ id: gid("StaffMember", o.staffMemberId), quantity: li.quantity }],
    current_quantity: li.quantity - refunded,
    fulfillable_quantity: 0,
    name: li.title,
    title: li.title,
    price: li.price,
    price_set: set(li.price, o.currency),
    product_exists: li.productId !== null,
    product_id: li.productId,
    variant_id: li.variantId,
    quantity: li.quantity,
    sku: li.sku,
    variant_title: li.variantTitle,
    vendor: "Rapport Demo Gifts",
    total_discount: discount,
    total_discount_set: set(discount, o.currency),
    tax_lines: [],
    duties: [],
    discount_allocations:
      discountIndex < 0 ? [] : [{ amount: discount, amount_set: set(discount, o.currency), discount_application_index: discountIndex }],
  };
}
