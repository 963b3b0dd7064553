import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { Prisma } from "../../app/db-client.server";
import { recordInteractions } from "../../app/interactions/record-interactions.server";
import { action as compliance } from "../../app/routes/webhooks.compliance";
import { action as customers } from "../../app/routes/webhooks.customers";
import { action as orders } from "../../app/routes/webhooks.orders";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { writeSegmentMembership } from "../../app/segments/membership-metafields.server";
import { saveSegment, evaluateSegments } from "../../app/segments/segments.server";
import { deliverAndApply, givenInstalledShop } from "../helpers/inbox";
import { exampleOrder, shopifyExample, SHOP } from "../helpers/webhook-request";

// GDPR on every table: the tables come from Prisma's datamodel, so a table added later is checked too.
const MODELS = Prisma.dmmf.datamodel.models.map((m) => m.name);
const ADA = "gid://shopify/Customer/17850";
const BOB = "gid://shopify/Customer/17851";
const ADA_VISITOR = "vid-ada-0001";
const needles = ["Customer/17850", "ada@example.com", "Lovelace", ADA_VISITOR];

type Row = Record<string, unknown>;
const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

async function everyRow(): Promise<Record<string, Row[]>> {
  const tables: Record<string, Row[]> = {};
  for (const model of MODELS) {
    const delegate = (prisma as unknown as Record<string, { findMany(): Promise<Row[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    tables[model] = await delegate.findMany();
  }
  return tables;
}

/** Ada and Bob with everything Rapport can hold on a customer: profile, orders, a refund, points, events, segments, metafields. */
async function givenAdaAndBob() {
  await givenInstalledShop();
  const profile = (id: number, email: string, first: string, last: string) => ({
    ...shopifyExample("customers/create"),
    id,
    admin_graphql_api_id: `gid://shopify/Customer/${id}`,
    email,
    first_name: first,
    last_name: last,
    updated_at: "2026-03-01T10:00:00Z",
  });
  await deliverAndApply(customers, "/webhooks/customers", "customers/create", profile(17850, "ada@example.com", "Ada", "Lovelace"));
  await deliverAndApply(customers, "/webhooks/customers", "customers/create", profile(17851, "bob@example.com", "Bob", "Babbage"));
  await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder());
  const bobOrder = exampleOrder({ id: 5002, admin_graphql_api_id: "gid://shopify/Order/5002", name: "#5002" });
  bobOrder.customer = {
    ...bobOrder.customer,
    id: 17851,
    admin_graphql_api_id: BOB,
    email: "bob@example.com",
    first_name: "Bob",
    last_name: "Babbage",
  };
  await deliverAndApply(orders, "/webhooks/orders", "orders/paid", bobOrder);
  await deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", { ...shopifyExample("refunds/create"), order_id: 5001 });
  await prisma.$transaction(async (tx) => {
    await recordInteractions(tx, SHOP, [
      { eventId: "e1", customerGid: ADA, visitorId: ADA_VISITOR, productGid: "gid://shopify/Product/701", kind: "view", at: new Date() },
      {
        eventId: "e2",
        customerGid: null,
        visitorId: ADA_VISITOR,
        productGid: "gid://shopify/Product/702",
        kind: "cart_add",
        at: new Date(),
      },
      { eventId: "e3", customerGid: BOB, visitorId: "vid-bob", productGid: "gid://shopify/Product/701", kind: "view", at: new Date() },
    ]);
    await tx.visitorLink.create({ data: { shop: SHOP, visitorId: ADA_VISITOR, customerGid: ADA } });
  });
  await saveSegment(SHOP, null, { name: "Everyone", match: "all", conditions: [{ field: "orderCount", op: "gte", value: 0 }] });
  await computeRfm(prisma, SHOP);
  await evaluateSegments(SHOP);
  await writeSegmentMembership(SHOP);
  const request = {
    ...shopifyExample("customers/data_request"),
    shop_domain: SHOP,
    customer: { id: 17850, email: "ada@example.com", phone: "" },
  };
  await deliverAndApply(compliance, "/webhooks/compliance", "customers/data_request", request, { webhookId: "dr-ada" });
}

describe("GDPR: data request, customer redaction and shop redaction across every table", () => {
  it("GIVEN Ada's history WHEN customers/data_request is applied THEN the stored export holds every row that names her or hangs off her orders", async () => {
    await givenAdaAndBob();
    const exported = JSON.parse((await prisma.customerDataExport.findFirstOrThrow({ where: { customerGid: ADA } })).body) as {
      tables: Record<string, Row[]>;
    };
    const all = await everyRow();
    const adaOrderIds = new Set(all.Order!.filter((o) => o.customerGid === ADA).map((o) => o.id));
    const adaRefundIds = new Set(all.Refund!.filter((r) => r.orderGid === "gid://shopify/Order/5001").map((r) => r.id));
    let checked = 0;
    for (const model of MODELS) {
      if (model === "CustomerDataExport") continue;
      const hers = all[model]!.filter(
        (row) =>
          needles.some((n) => json(row).includes(n)) ||
          adaOrderIds.has(row.orderId) ||
          adaRefundIds.has(row.refundId) ||
          (model === "Refund" && adaRefundIds.has(row.id)),
      );
      const exportedIds = new Set(
        (exported.tables[model] ?? []).map((r) => json(r.id ?? [r.shop, r.visitorId, r.segmentId, r.customerGid])),
      );
      for (const row of hers) {
        expect(exportedIds, `${model} row ${json(row.id)} missing from the export`).toContain(
          json(row.id ?? [row.shop, row.visitorId, row.segmentId, row.customerGid]),
        );
        checked += 1;
      }
    }
    // Profile, order, lines, refund, refund lines, points, events, visitor link, segment, metafield, payloads.
    expect(checked).toBeGreaterThanOrEqual(12);
    for (const model of [
      "Customer",
      "Order",
      "OrderLine",
      "Refund",
      "RefundLine",
      "LedgerEntry",
      "Interaction",
      "VisitorLink",
      "SegmentMember",
      "MetafieldValue",
      "WebhookDelivery",
    ])
      expect(exported.tables[model]?.length, model).toBeGreaterThan(0);
    expect(json(exported.tables)).not.toContain("bob@example.com");
  });

  it("GIVEN Ada's history WHEN customers/redact is applied THEN no table holds her personal data or history; Bob's is untouched; her orders stay as anonymous amounts", async () => {
    await givenAdaAndBob();
    const bobBefore = json((await everyRow()).Customer!.filter((c) => c.customerGid === BOB));
    const body = { ...shopifyExample("customers/redact"), shop_domain: SHOP, customer: { id: 17850, email: "ada@example.com", phone: "" } };
    await deliverAndApply(compliance, "/webhooks/compliance", "customers/redact", body, { webhookId: "redact-ada" });
    const all = await everyRow();
    for (const model of MODELS) {
      for (const row of all[model]!) {
        const text = json(row);
        if (model === "Customer" && row.customerGid === ADA) {
          // The tombstone: her GID only, so no later delivery writes her data again.
          expect(row).toMatchObject({
            email: null,
            firstName: null,
            lastName: null,
            phone: null,
            ordersCount: 0,
            rfmSegment: null,
            redactedAt: expect.any(Date),
          });
          continue;
        }
        for (const needle of needles) expect(text, `${model} still holds ${needle}`).not.toContain(needle);
      }
    }
    expect(all.Order!.find((o) => o.orderGid === "gid://shopify/Order/5001")).toMatchObject({ customerGid: null, totalMinor: 3099n });
    expect(json(all.Customer!.filter((c) => c.customerGid === BOB))).toBe(bobBefore);
    expect(all.LedgerEntry!.some((e) => e.customerGid === BOB)).toBe(true);
    expect(all.Interaction!.filter((i) => i.visitorId === "vid-bob")).toHaveLength(1);
  });

  it("GIVEN a shop with everything WHEN shop/redact is applied THEN every table is empty of the shop", async () => {
    await givenAdaAndBob();
    await givenInstalledShop({ shop: "other-shop.myshopify.com" });
    await deliverAndApply(compliance, "/webhooks/compliance", "shop/redact", { shop_id: 1, shop_domain: SHOP });
    const all = await everyRow();
    for (const model of MODELS) {
      const left = all[model]!.filter((row) => json(row).includes(SHOP));
      expect(left, `${model} still holds rows of the shop`).toEqual([]);
    }
    expect(all.Shop!.map((s) => s.shop)).toEqual(["other-shop.myshopify.com"]);
  });
});
