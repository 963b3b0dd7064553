import type { StandinAddress, StandinOrder, StandinShop } from "../store";
import { gid } from "../store";
import { example, set, type Json } from "./example-payload";
import { customerPayload } from "./payloads";
import { decimalOf, minorOf } from "../money";
import { lineItemPayload } from "./line-item-payload";
import { refundPayload } from "./refund-payload";

/** UK prices include VAT at 20%; the stand-in's tax is all of one kind. */
const VAT = { title: "VAT", rate: 0.2 };

/**
 * REST order and refund payloads (orders/*, refunds/create) on Shopify's example payloads: totals
 * with shipping and tax, POS location (`location_id`) and staff member (`user_id`), addresses (no
 * `shipping_address` key for an order collected in person, as Shopify omits it), shipping and tax
 * lines, and line discounts as `discount_allocations` pointing into `discount_applications`.
 * @example orderPayload(shop, order, "orders/paid").total_shipping_price_set.shop_money.amount // "4.95"
 */
export function orderPayload(shop: StandinShop, o: StandinOrder, topic = "orders/updated"): Json {
  const base = example(topic.startsWith("orders/") ? topic : "orders/updated");
  const customer = o.customerId === null ? undefined : shop.customers.get(o.customerId);
  const c = o.currency;
  const linesBeforeDiscounts = decimalOf(minorOf(o.subtotalPrice) + minorOf(o.totalDiscounts));
  const person = { first_name: customer?.firstName ?? "", last_name: customer?.lastName ?? "" };
  const address = (template: Json, a: StandinAddress) => ({
    ...template,
    ...person,
    name: `${person.first_name} ${person.last_name}`.trim(),
    address1: "",
    address2: null,
    company: null,
    city: a.city ?? "",
    zip: "",
    province: "",
    province_code: "",
    phone: customer?.phone ?? "",
    country: a.country,
    country_code: a.countryCode,
    latitude: null,
    longitude: null,
  });
  const discounted = o.lineItems.filter((li) => li.discount !== undefined);
  const { shipping_address: shippingTemplate, billing_address: billingTemplate, ...rest } = base;
  return {
    ...rest,
    id: o.id,
    admin_graphql_api_id: gid("Order", o.id),
    name: o.name,
    number: o.orderNumber - 1000,
    order_number: o.orderNumber,
    email: o.email,
    contact_email: o.email,
    currency: c,
    presentment_currency: c,
    created_at: o.createdAt,
    processed_at: o.processedAt,
    updated_at: o.updatedAt,
    cancelled_at: o.cancelledAt,
    cancel_reason: o.cancelReason,
    closed_at: null,
    financial_status: o.financialStatus,
    fulfillment_status: o.fulfillmentStatus,
    source_name: o.sourceName,
    location_id: o.locationId,
    user_id: o.staffMemberId,
    test: o.test,
    confirmed: true,
    tags: "",
    note: null,
    taxes_included: true,
    subtotal_price: o.subtotalPrice,
    subtotal_price_set: set(o.subtotalPrice, c),
    current_subtotal_price: o.subtotalPrice,
    current_subtotal_price_set: set(o.subtotalPrice, c),
    total_price: o.totalPrice,
    total_price_set: set(o.totalPrice, c),
    current_total_price: o.totalPrice,
    current_total_price_set: set(o.totalPrice, c),
    total_line_items_price: linesBeforeDiscounts,
    total_line_items_price_set: set(linesBeforeDiscounts, c),
    total_discounts: o.totalDiscounts,
    total_discounts_set: set(o.totalDiscounts, c),
    current_total_discounts: o.totalDiscounts,
    current_total_discounts_set: set(o.totalDiscounts, c),
    total_shipping_price_set: set(o.totalShipping, c),
    total_tax: o.totalTax,
    total_tax_set: set(o.totalTax, c),
    current_total_tax: o.totalTax,
    current_total_tax_set: set(o.totalTax, c),
    tax_lines: o.totalTax === "0.00" ? [] : [{ ...VAT, price: o.totalTax, price_set: set(o.totalTax, c), channel_liable: false }],
    total_outstanding: "0.00",
    discount_codes: [],
    discount_applications: discounted.map((li) => ({
      type: "manual",
      title: "Line discount",
      description: `Line discount on ${li.sku}`,
      value: li.discount,
      value_type: "fixed_amount",
      allocation_method: "one",
      target_selection: "explicit",
      target_type: "line_item",
    })),
    customer: customer ? { ...customerPayload(shop, customer), tags: undefined, addresses: undefined } : null,
    line_items: o.lineItems.map((li) => lineItemPayload(base.line_items[0], o, li, discounted.indexOf(li))),
    refunds: o.refunds.map((r) => refundPayload(shop, o, r)),
    fulfillments: [],
    shipping_lines: o.shippingAddress ? [shippingLine(base.shipping_lines[0], o)] : [],
    ...(o.shippingAddress ? { shipping_address: address(shippingTemplate, o.shippingAddress) } : {}),
    ...(o.billingAddress ? { billing_address: address(billingTemplate, o.billingAddress) } : {}),
    returns: [],
    line_item_groups: [],
  };
}

function shippingLine(template: Json, o: StandinOrder): Json {
  const price = set(o.totalShipping, o.currency);
  return {
    ...template,
    id: o.id,
    title: o.totalShipping === "0.00" ? "Free delivery" : "Standard delivery",
    code: "standard",
    source: "shopify",
    price: o.totalShipping,
    price_set: price,
    discounted_price: o.totalShipping,
    discounted_price_set: price,
    current_discounted_price_set: price,
    tax_lines: [],
    discount_allocations: [],
  };
}
