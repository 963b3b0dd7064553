import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { expectConsoleError } from "../helpers/console";
import { deliver, givenInstalledShop } from "../helpers/inbox";
import { exampleOrder } from "../helpers/webhook-request";

// Its own file: it breaks this file's database on purpose (each test file has a database of its own).
describe("a webhook that cannot be stored", () => {
  it("GIVEN the inbox cannot be written WHEN a signed delivery arrives THEN 500 (Shopify retries) and the failure is logged", async () => {
    await givenInstalledShop();
    await prisma.$executeRawUnsafe(`DROP TABLE "WebhookDeliveryBody"`);
    await prisma.$executeRawUnsafe(`DROP TABLE "WebhookDelivery"`);
    expectConsoleError(1);
    const response = await deliver(orders, "/webhooks/orders", "orders/paid", exampleOrder());
    expect(response.status).toBe(500);
    expect(await prisma.order.count()).toBe(0);
  });
});
