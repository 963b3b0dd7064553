import { EventEmitter } from "node:events";
import { MonotonicClock } from "./clock";

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
  /** The "was" price shown struck through; null when the variant is not on sale. */
  compareAtPrice: string | null;
  inventoryQuantity: number;
  /** DENY stops selling at zero stock; CONTINUE allows overselling. */
  inventoryPolicy: "DENY" | "CONTINUE";
  createdAt: string;
  updatedAt: string;
}

/** One metafield value as Admin GraphQL returns it (`value` is always a string, JSON for `rating`). */
export interface StandinMetafield {
  type: string;
  value: string;
  updatedAt: string;
}

/** A custom collection: a named, hand-picked set of products. */
export interface StandinCollection {
  id: number;
  title: string;
  handle: string;
  productIds: number[];
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
  /** When it went on sale in the online store; null while unpublished. */
  publishedAt: string | null;
  variants: StandinVariant[];
  /** `namespace.key` → value, e.g. `reviews.rating`. */
  metafields: Record<string, StandinMetafield>;
}

export interface StandinAddress {
  country: string;
  countryCode: string;
  city?: string;
}

/** Shopify's CustomerEmailAddressMarketingState (INVALID left out: the seeded addresses are valid). */
export type EmailMarketingState = "NOT_SUBSCRIBED" | "PENDING" | "SUBSCRIBED" | "UNSUBSCRIBED";
/** Shopify's CustomerSmsMarketingState. */
export type SmsMarketingState = "NOT_SUBSCRIBED" | "PENDING" | "SUBSCRIBED" | "UNSUBSCRIBED" | "REDACTED";

export interface StandinCustomer {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  emailMarketingState: EmailMarketingState;
  /** Consent to SMS marketing at `phone`; only meaningful when there is a phone. */
  smsMarketingState: SmsMarketingState;
  state: "ENABLED" | "DISABLED" | "INVITED" | "DECLINED";
  tags: string[];
  note: string | null;
  verifiedEmail: boolean;
  defaultAddress: StandinAddress | null;
  createdAt: string;
  updatedAt: string;
  /** `namespace.key` → { type, value } */
  metafields: Record<string, StandinMetafield>;
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
  /** A discount taken off this line as a whole (decimal string), when one applies. */
  discount?: string;
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
  /**
   * Order-level totals as decimal strings. Prices include VAT, as a UK shop's do:
   * subtotal = Σ(quantity × price) − discounts, total = subtotal + shipping, tax is the VAT within it.
   */
  subtotalPrice: string;
  totalDiscounts: string;
  totalShipping: string;
  totalTax: string;
  totalPrice: string;
  country: string | null;
  /** Null for an order collected in person (POS). */
  shippingAddress: StandinAddress | null;
  billingAddress: StandinAddress | null;
  /** The shop location (`gid://shopify/Location/<id>`) that rang up a POS order; null online. */
  locationId: number | null;
  /** The staff member (`gid://shopify/StaffMember/<id>`) at the till for a POS order; null online. */
  staffMemberId: number | null;
}

export interface StandinDiscountCode {
  id: number;
  title: string;
  code: string;
  /** A free-shipping code discount (discountCodeFreeShippingCreate) rather than a basic one. */
  freeShipping?: boolean;
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
  collections: Map<number, StandinCollection>;
  customers: Map<number, StandinCustomer>;
  orders: Map<number, StandinOrder>;
  discountCodes: Map<number, StandinDiscountCode>;
  bulkOperations: Map<number, StandinBulkOperation>;
  /** Metafield definitions, keyed `OWNER_TYPE|namespace.key`: whether the storefront may read the values. */
  metafieldDefinitions: Map<string, StandinMetafieldDefinition>;
  /** Flow triggers the app fired (flowTriggerReceive), in order. */
  flowTriggers?: { handle: string; payload: Record<string, unknown>; receivedAt: string }[];
  /** Offline access tokens issued by token exchange → granted scopes. */
  accessTokens: Map<string, { scope: string; expiresAt: number | null }>;
  appInstalled: boolean;
}

export interface StandinMetafieldDefinition {
  id: number;
  ownerType: "CUSTOMER" | "PRODUCT";
  namespace: string;
  key: string;
  type: string;
  name: string;
  storefront: "PUBLIC_READ" | "NONE";
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
  /**
   * Failures to inject, in order, into the next Admin GraphQL calls of an operation (tests of what the
   * app does when Shopify throttles, errors or answers too late). "timeout" applies the operation and
   * answers after `delayMs`: the write happened, the caller never heard.
   */
  readonly faults: { operation: string; kind: "THROTTLED" | "500" | "timeout"; delayMs?: number }[] = [];
  private nextIdValue = 1_000_000;
  private readonly clock: MonotonicClock;

  /** `now` lets tests freeze time; the clock still never repeats a stamp. */
  constructor(options: { now?: () => number } = {}) {
    super();
    this.clock = new MonotonicClock(options.now);
  }

  /**
   * A fresh `updatedAt` for a resource that just changed: later than any stamp given before and than
   * `previous`, so two versions of a resource never share an `updated_at` (reconciliation relies on it).
   */
  stamp(previous?: string): string {
    return this.clock.next(previous);
  }

  /** The first injected fault for this operation, taken off the list. */
  takeFault(operation: string | undefined) {
    const i = this.faults.findIndex((f) => f.operation === operation);
    return i < 0 ? undefined : this.faults.splice(i, 1)[0];
  }

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
        collections: new Map(),
        customers: new Map(),
        orders: new Map(),
        discountCodes: new Map(),
        bulkOperations: new Map(),
        metafieldDefinitions: new Map(),
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
