import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import type { Prisma } from "../../app/db-client.server";
import { loader as customerList } from "../../app/routes/app.customers._index";
import { loader as customerProfile } from "../../app/routes/app.customers.$id";
import { loader as customerCsv } from "../../app/routes/app.customers.export";
import { action as segmentAction } from "../../app/routes/app.segments.$id";
import { recordCustomerDeletes } from "../../app/customers/record-customers.server";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { CUSTOMERS_PER_PAGE } from "../../app/profiles/customer-list.server";
import { customerListCsv } from "../../app/profiles/customer-csv.server";
import { parseCustomerListQuery } from "../../app/profiles/customer-list-query";
import { adminDataRequest, givenInstalledSession } from "../helpers/admin-request";
import { customerGid, givenCustomers, RFM_SHOP } from "../helpers/hand-made-customers";
import { SHOP } from "../helpers/webhook-request";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const list = async (query: string) =>
  (await customerList(args(await adminDataRequest(`/app/customers?${query}`)))) as Awaited<ReturnType<typeof customerList>>;
const ids = (rows: { customerGid: string }[]) => rows.map((r) => Number(r.customerGid.split("/").pop()));

async function givenShop() {
  await prisma.shop.create({ data: { shop: SHOP, currencyCode: "GBP" } });
  await givenInstalledSession();
  await givenCustomers([
    ...RFM_SHOP,
    { legacyId: 120, orders: 1, grossMinor: 100, lastOrderDaysAgo: 5, firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
  ]);
  await computeRfm(prisma, SHOP);
}

describe("customers admin", () => {
  it("GIVEN the shop WHEN the list is searched, filtered, sorted and paged THEN the server does it", async () => {
    await givenShop();
    expect(ids((await list("q=ada")).customers)).toEqual([120]);
    expect(ids((await list("q=lovelace")).customers)).toEqual([120]);
    expect(ids((await list("q=c105@example")).customers)).toEqual([105]);
    const atRisk = await prisma.customer.findMany({ where: { rfm: { is: { segment: "At risk" } } }, orderBy: { netSpentMinor: "desc" } });
    expect(atRisk.length).toBeGreaterThan(1);
    expect(ids((await list("segment=At+risk&sort=netSpentMinor&direction=desc")).customers)).toEqual(ids(atRisk));
    // Within a segment, every sort: by a measure from CustomerRfm's indexes, by email through Customer's.
    const inAtRisk = (orderBy: Prisma.CustomerOrderByWithRelationInput[]) =>
      prisma.customer.findMany({ where: { rfm: { is: { segment: "At risk" } } }, orderBy });
    expect(ids((await list("segment=At+risk&sort=lastOrderAt&direction=asc")).customers)).toEqual(
      ids(await inAtRisk([{ lastOrderAt: "asc" }, { customerGid: "asc" }])),
    );
    expect(ids((await list("segment=At+risk&sort=ordersCount&direction=desc")).customers)).toEqual(
      ids(await inAtRisk([{ ordersCount: "desc" }, { customerGid: "desc" }])),
    );
    expect(ids((await list("segment=At+risk&sort=email&direction=asc")).customers)).toEqual(
      ids(await inAtRisk([{ email: "asc" }, { customerGid: "asc" }])),
    );
    expect((await list("segment=At+risk&sort=email")).customers.every((c) => c.segment === "At risk")).toBe(true);
    // Measure filters within a segment, on CustomerRfm's copy of the measures (107: 7 orders, £60, 140 days ago; 108: 4, £30, 160).
    expect(ids((await list("segment=At+risk&minOrders=5&sort=lastOrderAt&direction=desc")).customers)).toEqual([107]);
    expect(ids((await list("segment=At+risk&lastOrderMaxDays=150&sort=ordersCount&direction=asc")).customers)).toEqual([107]);
    expect(ids((await list("segment=At+risk&maxLtv=40&sort=lastOrderAt&direction=asc")).customers)).toEqual([108]);
    expect(ids((await list("minOrders=9&sort=ordersCount&direction=asc")).customers)).toEqual([110, 101]);
    expect(ids((await list("minLtv=80&sort=netSpentMinor&direction=desc")).customers)).toEqual([110, 101, 109]);
    expect(ids((await list("lastOrderMinDays=170&sort=lastOrderAt&direction=asc")).customers)).toEqual([110, 109]);
    expect(ids((await list("lastOrderMaxDays=25&sort=lastOrderAt&direction=desc")).customers)).toEqual([120, 101]);
    await givenCustomers(Array.from({ length: 60 }, (_, i) => ({ legacyId: 1000 + i, orders: 1, grossMinor: 50, lastOrderDaysAgo: 1 })));
    const first = await list("sort=netSpentMinor&direction=asc");
    const second = await list("sort=netSpentMinor&direction=asc&page=2");
    expect(first.customers).toHaveLength(CUSTOMERS_PER_PAGE);
    expect(first.hasNext).toBe(true);
    expect(second.customers).toHaveLength(71 - CUSTOMERS_PER_PAGE);
    expect(second.hasNext).toBe(false);
    expect(new Set([...ids(first.customers), ...ids(second.customers)]).size).toBe(71);
    // customers/delete takes the customer out of their segment's pages at once, not at the next scoring.
    await prisma.$transaction((tx) => recordCustomerDeletes(tx, SHOP, [{ customerGid: customerGid(107), at: new Date() }]));
    expect(ids((await list("segment=At+risk&sort=netSpentMinor&direction=desc")).customers)).toEqual([108]);
    expect(ids((await list("segment=At+risk&sort=email&direction=asc")).customers)).toEqual([108]);
  });

  it("GIVEN a filter WHEN exported as CSV THEN every matching customer, formulas neutralised", async () => {
    await givenShop();
    await prisma.customer.updateMany({ where: { customerGid: customerGid(101) }, data: { firstName: "=HYPERLINK()" } });
    const response = (await customerCsv(args(await adminDataRequest("/app/customers/export?minOrders=9")))) as Response;
    expect(response.headers.get("Content-Type")).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^customer_id,first_name/);
    expect(lines.join("\n")).toContain(`"'=HYPERLINK()"`);
  });

  it("GIVEN more customers than pages, nulls and ties WHEN exported as CSV THEN the rows of every page in the list's order", async () => {
    await givenShop();
    await givenCustomers(
      Array.from({ length: 300 }, (_, i) => ({
        legacyId: 1000 + i,
        orders: 1 + (i % 3),
        grossMinor: 50 * (i % 7),
        lastOrderDaysAgo: 1 + (i % 40),
      })),
    );
    await computeRfm(prisma, SHOP);
    const nth = (from: number) => Array.from({ length: 10 }, (_, i) => customerGid(from + i));
    await prisma.customer.updateMany({ where: { customerGid: { in: nth(1000) } }, data: { email: null } });
    await prisma.customer.updateMany({ where: { customerGid: { in: nth(1010) } }, data: { lastOrderAt: null } });
    // The largest RFM segment, read through CustomerRfm's index over more than one page.
    const counts = new Map<string, number>();
    for (const { segment } of await prisma.customerRfm.findMany({ select: { segment: true } }))
      counts.set(segment, (counts.get(segment) ?? 0) + 1);
    const [largest, size] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(size).toBeGreaterThan(CUSTOMERS_PER_PAGE);
    // Exported a page of the admin's size at a time, so that the export crosses pages by keyset.
    const csvIds = async (query: string) => {
      let text = "";
      for await (const chunk of customerListCsv(SHOP, parseCustomerListQuery(new URLSearchParams(query)), CUSTOMERS_PER_PAGE))
        text += chunk;
      return text
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => Number(/Customer\/(\d+)/.exec(line)![1]));
    };
    const pagedIds = async (query: string) => {
      const all: number[] = [];
      for (let page = 1; ; page += 1) {
        const { customers, hasNext } = await list(`${query}&page=${page}`);
        all.push(...ids(customers));
        if (!hasNext) return all;
      }
    };
    for (const query of [
      "sort=email&direction=asc",
      "sort=email&direction=desc",
      "sort=lastOrderAt&direction=asc",
      "sort=lastOrderAt&direction=desc",
      "sort=ordersCount&direction=desc",
      `segment=${encodeURIComponent(largest)}&sort=ordersCount&direction=asc`,
      `segment=${encodeURIComponent(largest)}&sort=lastOrderAt&direction=desc`,
      "minOrders=2&sort=netSpentMinor&direction=desc",
    ]) {
      const paged = await pagedIds(query);
      expect(new Set(paged).size, query).toBe(paged.length);
      expect(await csvIds(query), query).toEqual(paged);
    }
    expect((await pagedIds("sort=email&direction=asc")).length).toBe(311);
    // And through the route, in its own pages.
    const response = (await customerCsv(args(await adminDataRequest("/app/customers/export?sort=email&direction=desc")))) as Response;
    expect(
      (await response.text())
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => Number(/Customer\/(\d+)/.exec(line)![1])),
    ).toEqual(await pagedIds("sort=email&direction=desc"));
    expect((await pagedIds(`segment=${encodeURIComponent(largest)}&sort=ordersCount&direction=asc`)).length).toBe(size);
  });

  it("GIVEN a merchant segment of 70,000 members WHEN the list filters by it THEN its pages, in order (no id list as parameters)", async () => {
    await prisma.shop.create({ data: { shop: SHOP, currencyCode: "GBP" } });
    await givenInstalledSession();
    // 70,000 customers and members written by the database (more than either database takes as bind
    // parameters: SQLite 32,766, PostgreSQL 65,535); customer n spent n pence, the even ones are members.
    const n = 70_000;
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Customer" ("id", "shop", "customerGid", "ordersCount", "netSpentMinor", "updatedAt")
       WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
       SELECT 'c' || i, '${SHOP}', 'gid://shopify/Customer/' || i, 1, i, CURRENT_TIMESTAMP FROM seq`,
    );
    const segment = await prisma.segment.create({ data: { shop: SHOP, name: "Even", rules: "{}" } });
    await prisma.$executeRawUnsafe(
      `INSERT INTO "SegmentMember" ("shop", "segmentId", "customerGid")
       SELECT "shop", '${segment.id}', "customerGid" FROM "Customer" WHERE "shop" = '${SHOP}' AND "netSpentMinor" % 2 = 0`,
    );
    const first = await list("segment=Even&sort=netSpentMinor&direction=desc");
    expect(ids(first.customers)).toEqual(Array.from({ length: CUSTOMERS_PER_PAGE }, (_, i) => n - 2 * i));
    expect(first.hasNext).toBe(true);
    const tenth = await list("segment=Even&sort=netSpentMinor&direction=desc&page=10");
    expect(ids(tenth.customers)[0]).toBe(n - 2 * 9 * CUSTOMERS_PER_PAGE);
  });

  it("GIVEN a customer with orders, a refund, points and a view WHEN the profile loads THEN the timeline, net value and segment", async () => {
    await givenShop();
    const gid = customerGid(103);
    await prisma.refund.create({
      data: {
        shop: SHOP,
        refundGid: "gid://shopify/Refund/1",
        orderGid: "gid://shopify/Order/103000",
        refundedAt: new Date(),
        totalMinor: 499_000n,
      },
    });
    await prisma.ledgerEntry.create({ data: { shop: SHOP, customerGid: gid, points: 12, reason: "earn:order", idempotencyKey: "k1" } });
    await prisma.interaction.create({
      data: { shop: SHOP, customerGid: gid, productGid: "gid://shopify/Product/7", kind: "view", at: new Date(), eventId: "v1" },
    });
    const profile = await customerProfile(args(await adminDataRequest("/app/customers/103"), { id: "103" }));
    const { segment } = await prisma.customerRfm.findFirstOrThrow({ where: { customerGid: gid } });
    expect(profile).toMatchObject({ netLifetimeValueMinor: 1000, points: 12, segments: [segment], customer: { ordersCount: 2 } });
    expect(new Set(profile.timeline.map((t) => t.kind))).toEqual(new Set(["order", "refund", "points", "view"]));
    expect(profile.timeline.filter((t) => t.kind === "order")).toHaveLength(2);
  });

  it("GIVEN the rule editor WHEN it asks for a live count, sends bad input, then saves THEN the count, field errors with 422, then a redirect", async () => {
    await givenShop();
    const post = async (body: unknown, id = "new") =>
      segmentAction(
        args(
          await adminDataRequest(`/app/segments/${id}`, {
            method: "POST",
            body: JSON.stringify(body),
            headers: { "Content-Type": "application/json" },
          }),
          { id },
        ),
      );
    expect(await post({ intent: "count", name: "x", match: "all", drafts: [{ field: "orderCount", op: "gte", value: "9" }] })).toEqual({
      ok: true,
      count: 2,
    });
    expect(await post({ intent: "count", name: "x", match: "all", drafts: [{ field: "orderCount", op: "gte", value: "many" }] })).toEqual({
      ok: false,
      errors: { "conditions.0.value": "Enter a number" },
    });
    const bad = (await post({ intent: "save", name: "", match: "all", drafts: [{ field: "ltv", op: "gte", value: "-1" }] })) as Response;
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors).toEqual({ name: "Enter a name", "conditions.0.amount": "Must be 0 or more" });
    const saved = (await post({
      intent: "save",
      name: "Frequent",
      match: "all",
      drafts: [{ field: "orderCount", op: "gte", value: "9" }],
    })) as Response;
    expect(saved.status).toBe(302);
    expect(await prisma.segment.findFirstOrThrow()).toMatchObject({ name: "Frequent" });
  });
});
