import { EventEmitter } from "node:events";

/**
 * The stand-in's in-memory model of one or more dev shops — the single source of truth that the
 * Admin GraphQL resolvers read, the seeder fills, the storefront preview renders and the webhook
 * sender reports on. Numeric ids are Shopify's legacy ids; GIDs are derived (`gid://shopify/Order/1`).
 * Money is kept as Shopify sends it in REST payloads: decimal strings in shop currency ("12.50").
 */
export interface StandinVariant {
  id: number;
  productId: number;
  title: string;
  sku: string;
  price: string;
  inventoryQuantity: number;
  createdAt: string;
  updatedAt: string;
}

export interface StandinProduct {
  id: number;
  title: string;
  handle: string;
  bodyHtml: string;
  vendor: string;
  productType: string;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  tags: string[];
  imageUrl: string;
  createdAt: string;
  updatedAt: string;
  variants: StandinVariant[];
}

export interface StandinAddress {
  country: string;
  countryCode: string;
  city?: string;
}

export interface StandinCustomer {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  state: "ENABLED" | "DISABLED" | "INVITED" | "DECLINED";
  tags: string[];
  note: string | null;
  verifiedEmail: boolean;
  defaultAddress: StandinAddress | null;
  createdAt: string;
  updatedAt: string;
  /** `namespace.key` → { type, value } */
  metafields: Record<string, { type: string; value: string; updatedAt: string }>;
}

export interface StandinLineItem {
  id: number;
  productId: number | null;
  variantId: number | null;
  sku: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  price: string;
}

export interface StandinRefund {
  id: number;
  orderId: number;
  createdAt: string;
  note: string | null;
  refundLineItems: { id: number; lineItemId: number; quantity: number; subtotal: string }[];
}

export interface StandinOrder {
  id: number;
  name: string;
  orderNumber: number;
  email: string | null;
  customerId: number | null;
  currency: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  financialStatus: "pending" | "authorized" | "paid" | "partially_refunded" | "refunded" | "voided";
  fulfillmentStatus: string | null;
  sourceName: "web" | "pos" | string;
  test: boolean;
  lineItems: StandinLineItem[];
  refunds: StandinRefund[];
  /** Order-level totals as decimal strings. */
  subtotalPrice: string;
  totalDiscounts: string;
  totalTax: string;
  totalPrice: string;
  country: string | null;
}

export interface StandinDiscountCode {
  id: number;
  title: string;
  code: string;
  customerIds: number[];
  valueType: "fixed_amount" | "percentage";
  value: string;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  startsAt: string;
  endsAt: string | null;
  createdAt: string;
}

export interface StandinBulkOperation {
  id: number;
  query: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  /** JSONL result, served at `/bulk/<id>.jsonl` once COMPLETED. */
  result: string | null;
  errorCode: string | null;
}

export interface StandinShop {
  domain: string; // e.g. rapport-demo.myshopify.com
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  countryCode: string;
  products: Map<number, StandinProduct>;
  customers: Map<number, StandinCustomer>;
  orders: Map<number, StandinOrder>;
  discountCodes: Map<number, StandinDiscountCode>;
  bulkOperations: Map<number, StandinBulkOperation>;
  /** Offline access tokens issued by token exchange → granted scopes. */
  accessTokens: Map<string, { scope: string; expiresAt: number | null }>;
  appInstalled: boolean;
}

/** A change the webhook sender turns into a delivery: `topic` is Shopify's (e.g. "orders/paid"). */
export interface StandinChange {
  shop: string;
  topic: string;
  /** The REST-shaped resource id the payload is built from. */
  resourceId: number;
  /** A ready payload, for topics whose resource is gone (deletes, compliance, scopes). */
  payload?: Record<string, unknown>;
}

/**
 * Shops plus a change feed. Mutating methods emit "change" events; the webhook sender listens.
 * @example store.on("change", (c: StandinChange) => sender.deliver(c))
 */
export class StandinStore extends EventEmitter {
  readonly shops = new Map<string, StandinShop>();
  private nextIdValue = 1_000_000;

  /** Monotonic id shared by every resource kind, like Shopify's large numeric ids. */
  nextId(): number {
    this.nextIdValue += 1;
    return this.nextIdValue;
  }

  ensureShop(
    domain: string,
    init: Partial<Pick<StandinShop, "name" | "email" | "currencyCode" | "ianaTimezone" | "countryCode">> = {},
  ): StandinShop {
    let shop = this.shops.get(domain);
    if (!shop) {
      shop = {
        domain,
        name: init.name ?? domain.replace(/\.myshopify\.com$/, ""),
        email: init.email ?? `owner@${domain}`,
        currencyCode: init.currencyCode ?? "GBP",
        ianaTimezone: init.ianaTimezone ?? "Europe/London",
        countryCode: init.countryCode ?? "GB",
        products: new Map(),
        customers: new Map(),
        orders: new Map(),
        discountCodes: new Map(),
        bulkOperations: new Map(),
        accessTokens: new Map(),
        appInstalled: false,
      };
      this.shops.set(domain, shop);
    }
    return shop;
  }

  requireShop(domain: string): StandinShop {
    const shop = this.shops.get(domain);
    if (!shop) throw new Error(`stand-in: unknown shop ${domain}`);
    return shop;
  }

  /** Records a change for webhook delivery. Seeding history passes `silent` and emits nothing. */
  changed(change: StandinChange): void {
    this.emit("change", change);
  }
}

export function gid(kind: string, id: number | string): string {
  return `gid://shopify/${kind}/${id}`;
}

export function legacyId(globalId: string): number {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/.exec(globalId);
  if (!match) throw new Error(`not a Shopify GID: ${globalId}`);
  return Number(match[1]);
}
