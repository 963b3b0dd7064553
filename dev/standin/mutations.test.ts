import { describe, expect, it } from "vitest";
import { StandinStore, type StandinCustomer, type StandinOrder } from "./store";
import { cancelOrder, createRefund, markOrderPaid, placeOrder, upsertCustomer } from "./mutations";

const SHOP = "mutations-test.myshopify.com";
const T = Date.parse("2026-03-01T12:00:00.000Z");

/** A store whose wall clock never moves: every stamp must come from the monotonic rule. */
function frozenStore() {
  const store = new StandinStore({ now: () => T });
  store.ensureShop(SHOP);
  return store;
}

const customer = (updatedAt: string): StandinCustomer => ({
  id: 7,
  email: "c@example.com",
  firstName: "Ada",
  lastName: "Lovelace",
  phone: null,
  emailMarketingState: "NOT_SUBSCRIBED",
  smsMarketingState: "NOT_SUBSCRIBED",
  state: "ENABLED",
  tags: [],
  note: null,
  verifiedEmail: true,
  defaultAddress: null,
  createdAt: updatedAt,
  updatedAt,
  metafields: {},
});

const order = (store: StandinStore): StandinOrder => ({
  id: store.nextId(),
  name: "#1001",
  orderNumber: 1001,
  email: null,
  customerId: null,
  currency: "GBP",
  createdAt: "2026-03-01T11:00:00.000Z",
  processedAt: "2026-03-01T11:00:00.000Z",
  updatedAt: "2026-03-01T11:00:00.000Z",
  cancelledAt: null,
  cancelReason: null,
  financialStatus: "pending",
  fulfillmentStatus: null,
  sourceName: "web",
  test: false,
  lineItems: [
    { id: 1, productId: null, variantId: null, sku: "A", title: "A", variantTitle: null, quantity: 4, price: "2.50", discount: "1.00" },
  ],
  refunds: [],
  subtotalPrice: "9.00",
  totalDiscounts: "1.00",
  totalShipping: "0.00",
  totalTax: "0.00",
  totalPrice: "9.00",
  country: null,
  shippingAddress: null,
  billingAddress: null,
  locationId: null,
  staffMemberId: null,
});

describe("mutations stamp updatedAt", () => {
  it("GIVEN a frozen wall clock WHEN a customer is saved twice THEN the two versions have different, increasing updatedAt", () => {
    const store = frozenStore();
    const seen: string[] = [];
    upsertCustomer(store, SHOP, customer("2026-03-01T12:00:00.000Z"));
    seen.push(store.requireShop(SHOP).customers.get(7)!.updatedAt);
    upsertCustomer(store, SHOP, customer("2026-03-01T12:00:00.000Z"));
    seen.push(store.requireShop(SHOP).customers.get(7)!.updatedAt);
    expect(seen[0]! < seen[1]!).toBe(true);
    expect(Date.parse(seen[0]!)).toBeGreaterThan(T); // later than the incoming object's own stamp
  });

  it("GIVEN an order WHEN it is placed, paid, refunded and cancelled within one millisecond THEN each change moves updatedAt forward", () => {
    const store = frozenStore();
    const o = placeOrder(store, SHOP, order(store));
    const stamps = [o.updatedAt];
    markOrderPaid(store, SHOP, o.id);
    stamps.push(o.updatedAt);
    const refund = createRefund(store, SHOP, o.id, [{ lineItemId: 1, quantity: 2 }]);
    stamps.push(o.updatedAt);
    cancelOrder(store, SHOP, o.id);
    stamps.push(o.updatedAt);
    expect(new Set(stamps).size).toBe(4);
    expect([...stamps].sort()).toEqual(stamps);
    expect(refund.createdAt).toBe(stamps[2]);
    expect(refund.refundLineItems[0]!.subtotal).toBe("4.50"); // half of the discounted 9.00 line
  });
});
