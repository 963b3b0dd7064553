import { describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { storeDelivery } from "../../app/webhooks/inbox.server";
import { processDeliveries } from "../../app/webhooks/process-deliveries.server";
import { givenInstalledShop } from "../helpers/inbox";
import { exampleOrder, SHOP } from "../helpers/webhook-request";

// More keys than one statement may carry (SQLite: 999 bound parameters; lib/in-slices): a batch this
// size used to fail as a whole and fall back to one delivery a transaction, with a warning.
const ORDERS = 1_100;

describe("a large inbox batch", () => {
  it(`GIVEN ${ORDERS} paid orders of ${ORDERS} customers in the inbox WHEN one batch claims them all THEN it applies them in one go: every order, customer and posting, no fallback`, async () => {
    await givenInstalledShop();
    await Promise.all(
      Array.from({ length: ORDERS }, (_, i) => {
        const id = 100_000 + i;
        const order = exampleOrder({ id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id}` });
        order.customer = {
          ...order.customer,
          id: 900_000 + i,
          admin_graphql_api_id: `gid://shopify/Customer/${900_000 + i}`,
          email: `c${i}@example.com`,
        };
        return storeDelivery({
          shop: SHOP,
          topic: "orders/paid",
          webhookId: `large-${i}`,
          eventId: null,
          triggeredAt: null,
          apiVersion: null,
          body: JSON.stringify(order),
        });
      }),
    );
    // Tests log errors only: warnings are heard here, where the fallback's warning is the point.
    vi.stubEnv("LOG_LEVEL", "warn");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    expect(await processDeliveries({ workerId: "large-batch", limit: ORDERS })).toBe(ORDERS);
    const warnings = warn.mock.calls.flat().join("\n");
    warn.mockRestore();
    vi.unstubAllEnvs();

    expect(warnings).not.toMatch(/batch failed/);
    expect(await prisma.webhookDelivery.count({ where: { status: "done" } })).toBe(ORDERS);
    expect(await prisma.order.count()).toBe(ORDERS);
    expect(await prisma.customer.count({ where: { ordersCount: 1 } })).toBe(ORDERS);
    expect(await prisma.ledgerEntry.count({ where: { reason: "earn:order" } })).toBe(ORDERS);
  }, 120_000);
});
