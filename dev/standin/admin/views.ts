import type {
  StandinBulkOperation,
  StandinCustomer,
  StandinDiscountCode,
  StandinLineItem,
  StandinOrder,
  StandinProduct,
  StandinShop,
} from "../store";
import { gid } from "../store";
import { connection, type ConnectionArgs, type ExecutionOptions } from "./connection";
import { decimalOf, minorOf } from "../money";

/**
 * GraphQL-shaped views of the stand-in's store objects. graphql-js's default field resolver reads a
 * property, or calls it with the field's arguments when it is a function, so each view lists only the
 * fields the app selects; anything else resolves to null, which the real schema's non-null checks
 * then report as an error — the stand-in fails loudly instead of inventing data.
 */
export interface ViewContext {
  shop: StandinShop;
  standinUrl: string;
  options: ExecutionOptions;
}

export const money = (amount: string, currencyCode: string) => ({
  shopMoney: { amount, currencyCode },
  presentmentMoney: { amount, currencyCode },
});

export function shopView(v: ViewContext) {
  const s = v.shop;
  return {
    __typename: "Shop",
    id: gid("Shop", 1),
    name: s.name,
    email: s.email,
    contactEmail: s.email,
    myshopifyDomain: s.domain,
    currencyCode: s.currencyCode,
    ianaTimezone: s.ianaTimezone,
  };
}

export function productView(v: ViewContext, p: StandinProduct) {
  const image = { url: p.imageUrl.startsWith("/") ? `${v.standinUrl}${p.imageUrl}` : p.imageUrl, altText: p.title };
  return {
    __typename: "Product",
    id: gid("Product", p.id),
    legacyResourceId: String(p.id),
    title: p.title,
    handle: p.handle,
    status: p.status,
    descriptionHtml: p.bodyHtml,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    onlineStoreUrl: `${v.standinUrl}/products/${p.handle}`,
    totalInventory: p.variants.reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
    featuredImage: image,
    featuredMedia: { __typename: "MediaImage", id: gid("MediaImage", p.id), image, alt: p.title, mediaContentType: "IMAGE" },
    priceRangeV2: {
      minVariantPrice: { amount: minPrice(p), currencyCode: v.shop.currencyCode },
      maxVariantPrice: { amount: maxPrice(p), currencyCode: v.shop.currencyCode },
    },
    variants: (args: ConnectionArgs) =>
      connection(
        p.variants.map((variant) => variantView(v, p, variant)),
        args,
        v.options,
      ),
  };
}

export function variantView(v: ViewContext, p: StandinProduct, variant: StandinProduct["variants"][number]) {
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    sku: variant.sku,
    price: variant.price,
    inventoryQuantity: variant.inventoryQuantity,
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    displayName: `${p.title} - ${variant.title}`,
    product: () => productView(v, p),
  };
}

export function customerView(v: ViewContext, c: StandinCustomer) {
  const orders = () => [...v.shop.orders.values()].filter((o) => o.customerId === c.id);
  return {
    __typename: "Customer",
    id: gid("Customer", c.id),
    legacyResourceId: String(c.id),
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`.trim(),
    phone: c.phone,
    state: c.state,
    tags: c.tags,
    note: c.note,
    verifiedEmail: c.verifiedEmail,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    defaultEmailAddress: { emailAddress: c.email, marketingState: "NOT_SUBSCRIBED" },
    numberOfOrders: () => String(orders().length),
    metafield: (args: { namespace?: string; key: string }) => metafieldView(c, `${args.namespace ?? "$app"}.${args.key}`),
    metafields: (args: ConnectionArgs & { namespace?: string }) =>
      connection(
        Object.keys(c.metafields)
          .filter((k) => !args.namespace || k.startsWith(`${args.namespace}.`))
          .map((k) => metafieldView(c, k)),
        args,
        v.options,
      ),
  };
}

export function metafieldView(c: StandinCustomer, fullKey: string) {
  const field = c.metafields[fullKey];
  if (!field) return null;
  const [namespace, key] = splitKey(fullKey);
  return {
    __typename: "Metafield",
    id: gid("Metafield", `${c.id}-${fullKey}`),
    namespace,
    key,
    type: field.type,
    value: field.value,
    updatedAt: field.updatedAt,
    createdAt: field.updatedAt,
    ownerType: "CUSTOMER",
  };
}

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
    displayFulfillmentStatus: (o.fulfillmentStatus ?? "unfulfilled").toUpperCase(),
    subtotalPriceSet: money(o.subtotalPrice, currency),
    currentSubtotalPriceSet: money(o.subtotalPrice, currency),
    totalPriceSet: money(o.totalPrice, currency),
    currentTotalPriceSet: money(o.totalPrice, currency),
    totalDiscountsSet: money(o.totalDiscounts, currency),
    totalTaxSet: money(o.totalTax, currency),
    customer: customer ? customerView(v, customer) : null,
    lineItems: (args: ConnectionArgs) =>
      connection(
        o.lineItems.map((li) => lineItemView(v, o, li)),
        args,
        v.options,
      ),
    refunds: () =>
      o.refunds.map((r) => ({
        __typename: "Refund",
        id: gid("Refund", r.id),
        createdAt: r.createdAt,
        note: r.note,
        totalRefundedSet: money(sum(r.refundLineItems.map((x) => x.subtotal)), currency),
        refundLineItems: (args: ConnectionArgs) =>
          connection(
            r.refundLineItems.map((x) => ({
              __typename: "RefundLineItem",
              id: gid("RefundLineItem", x.id),
              quantity: x.quantity,
              subtotalSet: money(x.subtotal, currency),
              lineItem: lineItemView(
                v,
                o,
                o.lineItems.find((li) => li.id === x.lineItemId)!,
              ),
            })),
            args,
            v.options,
          ),
      })),
  };
}

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
    discountedUnitPriceSet: money(li.price, o.currency),
    product: product ? productView(v, product) : null,
    variant: product && variant ? variantView(v, product, variant) : null,
  };
}

export function bulkOperationView(v: ViewContext, op: StandinBulkOperation) {
  return {
    __typename: "BulkOperation",
    id: gid("BulkOperation", op.id),
    status: op.status,
    query: op.query,
    type: "QUERY",
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    errorCode: op.errorCode,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.objectCount),
    fileSize: op.result === null ? null : String(Buffer.byteLength(op.result)),
    url: op.status === "COMPLETED" ? `${v.standinUrl}/bulk/${op.id}.jsonl` : null,
    partialDataUrl: null,
  };
}

export function discountNodeView(d: StandinDiscountCode) {
  return {
    __typename: "DiscountCodeNode",
    id: gid("DiscountCodeNode", d.id),
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      title: d.title,
      status: "ACTIVE",
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      usageLimit: d.usageLimit,
      appliesOncePerCustomer: d.appliesOncePerCustomer,
      createdAt: d.createdAt,
      codes: (args: ConnectionArgs) =>
        connection([{ __typename: "DiscountRedeemCode", id: gid("DiscountRedeemCode", d.id), code: d.code }], args, { bulk: false }),
    },
  };
}

export function splitKey(fullKey: string): [string, string] {
  const at = fullKey.lastIndexOf(".");
  return [fullKey.slice(0, at), fullKey.slice(at + 1)];
}

const minPrice = (p: StandinProduct) => p.variants.map((x) => x.price).sort((a, b) => Number(a) - Number(b))[0] ?? "0.00";
const maxPrice = (p: StandinProduct) => p.variants.map((x) => x.price).sort((a, b) => Number(b) - Number(a))[0] ?? "0.00";

function sum(amounts: string[]): string {
  return decimalOf(amounts.reduce((total, a) => total + minorOf(a), 0));
}
