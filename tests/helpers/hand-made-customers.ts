import prisma from "../../app/db.server";
import { refreshCustomerAggregates } from "../../app/customers/customer-aggregates.server";
import { SHOP } from "./webhook-request";

const DAY = 86_400_000;

/** A customer made by hand: how many orders, the gross and refunded money, and how long ago they last bought. */
export interface HandMadeCustomer {
  legacyId: number;
  orders: number;
  grossMinor: number;
  refundedMinor?: number;
  lastOrderDaysAgo: number;
  email?: string;
  firstName?: string;
  lastName?: string;
  tags?: string;
  countryCode?: string;
  channel?: string;
  productGid?: string;
}

export const customerGid = (legacyId: number) => `gid://shopify/Customer/${legacyId}`;

/**
 * Customers and their orders written straight into the histories (the first order carries all the money
 * and any refund; the others are £0 orders a day apart before the last one), then their aggregates
 * computed by the same statement the recording paths use.
 */
export async function givenCustomers(customers: HandMadeCustomer[], shop = SHOP): Promise<void> {
  const now = Date.now();
  for (const c of customers) {
    const gid = customerGid(c.legacyId);
    await prisma.customer.create({
      data: {
        shop,
        customerGid: gid,
        email: c.email ?? `c${c.legacyId}@example.com`,
        firstName: c.firstName ?? "Customer",
        lastName: c.lastName ?? String(c.legacyId),
        tags: c.tags ?? "",
        countryCode: c.countryCode ?? "GB",
        emailMarketing: "SUBSCRIBED",
      },
    });
    for (let i = 0; i < c.orders; i += 1) {
      const orderId = c.legacyId * 1000 + i;
      await prisma.order.create({
        data: {
          shop,
          orderGid: `gid://shopify/Order/${orderId}`,
          name: `#${orderId}`,
          customerGid: gid,
          processedAt: new Date(now - (c.lastOrderDaysAgo + i) * DAY),
          currencyCode: "GBP",
          subtotalMinor: i === 0 ? BigInt(c.grossMinor) : 0n,
          totalMinor: i === 0 ? BigInt(c.grossMinor) : 0n,
          refundedMinor: i === 0 ? BigInt(c.refundedMinor ?? 0) : 0n,
          channel: c.channel ?? "online",
          sourceUpdatedAt: new Date(now - c.lastOrderDaysAgo * DAY),
          ingestedVia: "webhook",
          lines: c.productGid
            ? {
                create: [
                  {
                    shop,
                    productGid: c.productGid,
                    title: "Line",
                    quantity: 1,
                    unitPriceMinor: BigInt(c.grossMinor),
                    totalMinor: BigInt(c.grossMinor),
                  },
                ],
              }
            : undefined,
        },
      });
    }
  }
  await prisma.$transaction((tx) =>
    refreshCustomerAggregates(
      tx,
      shop,
      customers.map((c) => customerGid(c.legacyId)),
    ),
  );
}

/**
 * Ten buying customers whose ranks (1 = lowest of ten) on recency, frequency and net spend are known,
 * so their RFM scores and segments are too (see RFM_SHOP_EXPECTED). Customer 103 bought the most gross
 * but refunded almost all of it: they rank lowest on net spend.
 */
export const RFM_SHOP: HandMadeCustomer[] = [
  [101, 10, 10, 9],
  [102, 9, 1, 2],
  [103, 8, 2, 1],
  [104, 7, 6, 7],
  [105, 6, 5, 4],
  [106, 5, 3, 5],
  [107, 4, 7, 6],
  [108, 3, 4, 3],
  [109, 2, 8, 8],
  [110, 1, 9, 10],
].map(([legacyId, r, f, m]) => ({
  legacyId: legacyId!,
  orders: f!,
  grossMinor: legacyId === 103 ? 500_000 : m! * 1000,
  refundedMinor: legacyId === 103 ? 499_000 : 0,
  lastOrderDaysAgo: (11 - r!) * 20,
}));

/** Scores [R, F, M] and segment for RFM_SHOP, worked out by hand from the grid in rfm-segments.ts. */
export const RFM_SHOP_EXPECTED: Record<number, [number, number, number, string]> = {
  101: [5, 5, 5, "Champions"],
  102: [5, 1, 1, "New"],
  103: [4, 1, 1, "Promising"],
  104: [4, 3, 4, "Loyal"],
  105: [3, 3, 2, "Needs attention"],
  106: [3, 2, 3, "Needs attention"],
  107: [2, 4, 3, "At risk"],
  108: [2, 2, 2, "Hibernating"],
  109: [1, 4, 4, "At risk"],
  110: [1, 5, 5, "Can't lose"],
};

/** The same customers in the stand-in's shop, so that metafields written for them have an owner. */
export function standinCustomers(legacyIds: number[]) {
  return (_store: unknown, shop: { customers: Map<number, unknown> }) => {
    const now = new Date().toISOString();
    for (const id of legacyIds) {
      shop.customers.set(id, {
        id,
        email: `c${id}@example.com`,
        firstName: "Customer",
        lastName: String(id),
        phone: null,
        state: "ENABLED",
        tags: [],
        note: null,
        verifiedEmail: true,
        defaultAddress: null,
        createdAt: now,
        updatedAt: now,
        metafields: {},
        emailMarketingState: "SUBSCRIBED",
        smsMarketingState: null,
      });
    }
  };
}
