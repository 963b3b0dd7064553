import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as retry, loader as parkedPage } from "../../app/routes/app.deliveries";
import { action as orders } from "../../app/routes/webhooks.orders";
import { adminDataRequest, adminDocumentRequest } from "../helpers/admin-request";
import { deliverAndApply, drain, givenInstalledShop, storedDelivery } from "../helpers/inbox";
import { exampleOrder, SHOP } from "../helpers/webhook-request";

const args = (request: Request) => ({ request, params: {}, context: {} });

describe("parked deliveries in the admin", () => {
  it("GIVEN a delivery parked after failing and a malformed one WHEN the merchant lists them THEN each shows its reason, newest first", async () => {
    await givenInstalledShop();
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder({ currency: "XX" }), { webhookId: "malformed" });
    const listed = await parkedPage(args(await adminDocumentRequest("/app/deliveries")));
    expect(listed).toMatchObject({
      total: 1,
      pages: 1,
      deliveries: [{ topic: "orders/paid", webhookId: "malformed", reason: expect.stringMatching(/currency/) }],
    });
  });

  it("GIVEN a delivery parked after a cause now fixed WHEN the merchant retries it THEN it is applied, and another shop's id changes nothing", async () => {
    await givenInstalledShop();
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder(), { webhookId: "was-failing" });
    // As the worker leaves a delivery that kept failing: parked with its last error, its effects never committed.
    await prisma.$transaction([
      prisma.ledgerEntry.deleteMany(),
      prisma.interaction.deleteMany(),
      prisma.orderLine.deleteMany(),
      prisma.order.deleteMany(),
    ]);
    const row = await storedDelivery("was-failing");
    await prisma.webhookDelivery.update({
      where: { id: row!.id },
      data: { status: "parked", attempts: 8, reason: "failed 8 times; last: database is locked" },
    });
    await prisma.webhookDelivery.create({
      data: {
        shop: "other.myshopify.com",
        topic: "orders/paid",
        webhookId: "theirs",
        payload: { create: { shop: "other.myshopify.com", body: "{}" } },
        status: "parked",
        reason: "x",
      },
    });
    const theirs = await prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: "theirs" } });

    const foreign = await retry(
      args(await adminDataRequest("/app/deliveries", { method: "POST", body: new URLSearchParams({ id: theirs.id }) })),
    );
    expect(foreign).toEqual({ retried: 0 });
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("parked");

    expect(
      await retry(args(await adminDataRequest("/app/deliveries", { method: "POST", body: new URLSearchParams({ id: row!.id }) }))),
    ).toEqual({ retried: 1 });
    await drain();
    expect(await storedDelivery("was-failing")).toMatchObject({ status: "done", reason: null, attempts: 1 });
    expect(await prisma.order.count({ where: { shop: SHOP } })).toBe(1);
    expect((await prisma.ledgerEntry.aggregate({ _sum: { points: true } }))._sum.points).toBe(25);
  });
});
