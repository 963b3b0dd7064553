import { beforeAll, describe, expect, it } from "vitest";
import { RECORD_COUNTS } from "../../../app/shopify/bulk-queries";
import {
  RECONCILE_CUSTOMERS,
  RECONCILE_ORDER,
  RECONCILE_ORDER_LINES,
  RECONCILE_ORDER_VERSIONS,
  RECONCILE_PRODUCT_VERSIONS,
  RECONCILE_PRODUCTS,
} from "../../../app/shopify/reconcile-queries";
import type { StandinOrder } from "../store";
import { gid } from "../store";
import { seededShop } from "../seeded-shop";

let world: Awaited<ReturnType<typeof seededShop>>;
beforeAll(async () => {
  world = await seededShop();
});

/** Gives records a new version now, as a merchant's edit would, and returns the instant before it. */
function touch(...records: { updatedAt: string }[]): string {
  const since = world.store.stamp();
  for (const r of records) r.updatedAt = world.store.stamp(r.updatedAt);
  return since;
}

async function data(document: string, variables: Record<string, unknown> = {}) {
  const result = await world.query(document, variables);
  expect(result.errors ?? []).toEqual([]);
  return result.data as any;
}

const orders = () => [...world.shop.orders.values()];

describe("the app's reconcile queries against a seeded shop", () => {
  it("GIVEN a POS order, a discounted order and a refunded order changed since T WHEN their versions, then each order, are read THEN exactly those come back with every field filled", async () => {
    const pos = orders().find((o) => o.sourceName === "pos")!;
    const discounted = orders().find((o) => o.sourceName === "web" && o.lineItems.some((li) => li.discount))!;
    const refunded = orders().find((o) => o.refunds.length > 0 && o !== pos && o !== discounted)!;
    const since = touch(pos, discounted, refunded);

    const versions = (await data(RECONCILE_ORDER_VERSIONS, { query: `updated_at:>='${since}'` })).orders;
    expect(versions.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    expect(versions.nodes).toEqual([pos, discounted, refunded].map((o) => ({ id: gid("Order", o.id), updatedAt: o.updatedAt })));
    const nodes = [];
    for (const { id } of versions.nodes) nodes.push((await data(RECONCILE_ORDER, { id })).order);
    const [p, d, r] = nodes;
    expect(p).toMatchObject({
      sourceName: "pos",
      retailLocation: { id: gid("Location", pos.locationId!) },
      staffMember: { id: gid("StaffMember", pos.staffMemberId!) },
      shippingAddress: null,
      billingAddress: { countryCodeV2: "GB" },
      displayFulfillmentStatus: "FULFILLED",
      totalShippingPriceSet: { shopMoney: { amount: "0.00" } },
      totalTaxSet: { shopMoney: { amount: pos.totalTax } },
    });
    expect(d).toMatchObject({
      retailLocation: null,
      staffMember: null,
      totalDiscountsSet: { shopMoney: { amount: discounted.totalDiscounts } },
    });
    const line = d.lineItems.nodes.find((n: any) => n.discountAllocations.length > 0);
    expect(line.discountAllocations[0].allocatedAmountSet.shopMoney.amount).toBe(discounted.lineItems.find((li) => li.discount)!.discount);
    expect(r.refunds[0].refundLineItems.nodes[0]).toEqual({
      lineItem: { id: gid("LineItem", refunded.refunds[0]!.refundLineItems[0]!.lineItemId) },
      quantity: refunded.refunds[0]!.refundLineItems[0]!.quantity,
      subtotalSet: { shopMoney: { amount: refunded.refunds[0]!.refundLineItems[0]!.subtotal } },
    });
  });

  it("GIVEN an order with more lines than a page WHEN ReconcileOrderLines pages after the first 50 THEN the rest come back in order", async () => {
    const big = orders().find((o) => o.lineItems.length > 60)!;
    const first = (await data(RECONCILE_ORDER, { id: gid("Order", big.id) })).order.lineItems;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await data(RECONCILE_ORDER_LINES, { id: gid("Order", big.id), after: first.pageInfo.endCursor })).order.lineItems;
    expect([...first.nodes, ...rest.nodes].map((n: any) => n.id)).toEqual(big.lineItems.map((li) => gid("LineItem", li.id)));
  });

  it("GIVEN customers and products changed since T WHEN ReconcileCustomers and ReconcileProducts run THEN consent, phone, rating and collections come back", async () => {
    const customers = [...world.shop.customers.values()];
    const withPhone = customers.find((c) => c.phone)!;
    const without = customers.find((c) => !c.phone)!;
    const product = [...world.shop.products.values()].find((p) => p.metafields["reviews.rating"] && /christmas/i.test(p.title))!;
    const since = touch(withPhone, without, product);

    const found = (await data(RECONCILE_CUSTOMERS, { query: `updated_at:>='${since}'` })).customers.nodes;
    expect(found.map((c: any) => c.id)).toEqual([gid("Customer", withPhone.id), gid("Customer", without.id)]);
    expect(found[0].defaultPhoneNumber).toEqual({ phoneNumber: withPhone.phone, marketingState: withPhone.smsMarketingState });
    expect(found[0].defaultEmailAddress).toEqual({ emailAddress: withPhone.email, marketingState: withPhone.emailMarketingState });
    expect(found[1].defaultPhoneNumber).toBeNull();

    const changed = (await data(RECONCILE_PRODUCT_VERSIONS, { query: `updated_at:>='${since}'` })).products.nodes;
    expect(changed.map((n: any) => n.id)).toEqual([gid("Product", product.id)]);
    const [p, unknown] = (await data(RECONCILE_PRODUCTS, { ids: [changed[0].id, "gid://shopify/Product/1"] })).nodes;
    expect(unknown).toBeNull();
    expect(p.rating.value).toBe(product.metafields["reviews.rating"]!.value);
    expect(p.ratingCount.value).toBe(product.metafields["reviews.rating_count"]!.value);
    expect(p.collections.nodes).toContainEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Collection\/\d+$/), title: "Christmas" });
    expect(p.variants.nodes[0]).toMatchObject({
      compareAtPrice: product.variants[0]!.compareAtPrice,
      inventoryPolicy: product.variants[0]!.inventoryPolicy,
    });
  });
});

describe("updated_at filters, sorting and cursors", () => {
  const IDS = `query Ids($query: String, $after: String, $reverse: Boolean) {
    orders(first: 2, after: $after, query: $query, sortKey: UPDATED_AT, reverse: $reverse) { nodes { id } pageInfo { hasNextPage endCursor } }
  }`;
  const idsOf = (result: any) => result.orders.nodes.map((n: any) => n.id);
  let a: StandinOrder, b: StandinOrder, c: StandinOrder, since: string;
  beforeAll(() => {
    [a, b, c] = orders().slice(-3).reverse() as [StandinOrder, StandinOrder, StandinOrder];
    since = touch(a, b, c);
  });

  it("GIVEN three orders changed in turn WHEN sorted by UPDATED_AT, forwards and reversed THEN they come in change order", async () => {
    expect(idsOf(await data(IDS, { query: `updated_at:>='${since}'` }))).toEqual([gid("Order", a.id), gid("Order", b.id)]);
    expect(idsOf(await data(IDS, { query: `updated_at:>='${since}'`, reverse: true }))).toEqual([gid("Order", c.id), gid("Order", b.id)]);
  });

  it("GIVEN bounds on both sides, quoted or not, joined by AND or a space WHEN filtered THEN only the orders inside come back", async () => {
    const inside = `updated_at:>"${since}" AND updated_at:<=${b.updatedAt}`;
    expect(idsOf(await data(IDS, { query: inside }))).toEqual([gid("Order", a.id), gid("Order", b.id)]);
    expect(idsOf(await data(IDS, { query: `updated_at:>=${b.updatedAt} updated_at:<'${c.updatedAt}'` }))).toEqual([gid("Order", b.id)]);
    expect(idsOf(await data(IDS, { query: `status:open updated_at:>='${c.updatedAt}'` }))).toEqual([gid("Order", c.id)]);
  });

  it("GIVEN a reader between two pages WHEN the order it just read changes again THEN the next page neither skips nor repeats an order", async () => {
    const first = await data(IDS, { query: `updated_at:>='${since}'` });
    touch(a); // a moves to the end of the UPDATED_AT order
    const second = await data(IDS, { query: `updated_at:>='${since}'`, after: first.orders.pageInfo.endCursor });
    expect(idsOf(second)).toEqual([gid("Order", c.id), gid("Order", a.id)]);
    expect(second.orders.pageInfo.hasNextPage).toBe(false);
  });

  it("GIVEN RecordCounts and filtered counts WHEN asked THEN the counts are exact, or capped at the limit", async () => {
    const all = await data(RECORD_COUNTS);
    expect(all).toEqual({
      productsCount: { count: world.shop.products.size },
      customersCount: { count: world.shop.customers.size },
      ordersCount: { count: world.shop.orders.size },
    });
    const counts = await data(
      `query C($q: String) { recent: ordersCount(query: $q) { count precision } capped: ordersCount(limit: 10) { count precision } }`,
      {
        q: `updated_at:>='${since}'`,
      },
    );
    expect(counts).toEqual({ recent: { count: 3, precision: "EXACT" }, capped: { count: 10, precision: "AT_LEAST" } });
  });
});
