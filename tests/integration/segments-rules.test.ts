import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { countSegment, saveSegment } from "../../app/segments/segments.server";
import type { SegmentCondition } from "../../app/segments/segment-rules";
import { customerGid, givenCustomers, standinCustomers } from "../helpers/hand-made-customers";
import { startStandinFor } from "../helpers/standin";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

const P1 = "gid://shopify/Product/1";
const P2 = "gid://shopify/Product/2";
const P3 = "gid://shopify/Product/3";
const C1 = "gid://shopify/Collection/1";

// Shopify (the stand-in) holds the four customers, so their membership metafields can be written.
let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await startStandinFor({ fill: standinCustomers([201, 202, 203, 204]) as never }));
});
afterAll(async () => close?.());

// 201 a big POS spender in France; 202 a lapsed one-order online buyer in the UK; 203 a US buyer of a
// product in collection C1; 204 never bought.
async function givenRuleShop() {
  await givenInstalledShop();
  await givenCustomers([
    {
      legacyId: 201,
      orders: 5,
      grossMinor: 50_000,
      lastOrderDaysAgo: 10,
      tags: "vip, wholesale",
      countryCode: "FR",
      channel: "pos",
      productGid: P1,
    },
    { legacyId: 202, orders: 1, grossMinor: 2_000, lastOrderDaysAgo: 400, tags: "newsletter", countryCode: "GB", productGid: P2 },
    {
      legacyId: 203,
      orders: 2,
      grossMinor: 12_000,
      refundedMinor: 2_000,
      lastOrderDaysAgo: 100,
      tags: "VIP",
      countryCode: "US",
      productGid: P3,
    },
    { legacyId: 204, orders: 0, grossMinor: 0, lastOrderDaysAgo: 0, tags: "vip", countryCode: "DE" },
  ]);
  const product = await prisma.product.create({ data: { shop: SHOP, productGid: P3, handle: "p3", title: "P3" } });
  await prisma.productCollection.create({ data: { shop: SHOP, productId: product.id, collectionGid: C1, title: "C1" } });
}

async function members(...conditions: SegmentCondition[]): Promise<number[]>;
async function members(...conditions: SegmentCondition[]) {
  return membersOf("all", conditions);
}

async function membersOf(match: "all" | "any", conditions: SegmentCondition[]) {
  const { id } = await save({ name: `s-${Math.random()}`, match, conditions });
  await drain();
  const rows = await prisma.segmentMember.findMany({ where: { segmentId: id } });
  const count = await countSegment(SHOP, { name: "draft", match, conditions });
  const list = rows.map((r) => Number(r.customerGid.split("/").pop())).sort();
  expect(count).toEqual({ ok: true, count: list.length });
  expect((await prisma.segment.findUniqueOrThrow({ where: { id } })).memberCount).toBe(list.length);
  return list;
}

async function save(input: unknown) {
  const result = await saveSegment(SHOP, null, input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe("merchant rule segments, evaluated in SQL", () => {
  it("GIVEN the rule shop WHEN each kind of condition is evaluated THEN the known members, live count equal to the stored members", async () => {
    await givenRuleShop();
    expect(await members({ field: "ltv", op: "gte", amount: 100 })).toEqual([201, 203]); // 203: £120 − £20 refunded = £100
    expect(await members({ field: "ltv", op: "lte", amount: 99.99 })).toEqual([202, 204]);
    expect(await members({ field: "orderCount", op: "eq", value: 1 })).toEqual([202]);
    expect(await members({ field: "orderCount", op: "lte", value: 2 })).toEqual([202, 203, 204]);
    expect(await members({ field: "daysSinceLastOrder", op: "gte", days: 90 })).toEqual([202, 203]);
    expect(await members({ field: "daysSinceLastOrder", op: "lte", days: 30 })).toEqual([201]);
    expect(await members({ field: "tag", op: "has", tag: "vip" })).toEqual([201, 203, 204]);
    expect(await members({ field: "tag", op: "lacks", tag: "VIP" })).toEqual([202]);
    expect(await members({ field: "tag", op: "has", tag: "%" })).toEqual([]);
    expect(await members({ field: "country", op: "in", countries: ["FR", "US"] })).toEqual([201, 203]);
    expect(await members({ field: "country", op: "notIn", countries: ["GB"] })).toEqual([201, 203, 204]);
    expect(await members({ field: "boughtProduct", productGid: P2 })).toEqual([202]);
    expect(await members({ field: "boughtCollection", collectionGid: C1 })).toEqual([203]);
    expect(await members({ field: "channel", channel: "pos" })).toEqual([201]);
    expect(await members({ field: "channel", channel: "online" })).toEqual([202, 203]);
    expect(
      await membersOf("all", [
        { field: "ltv", op: "gte", amount: 100 },
        { field: "tag", op: "has", tag: "vip" },
        { field: "country", op: "in", countries: ["US"] },
      ]),
    ).toEqual([203]);
    expect(
      await membersOf("any", [
        { field: "channel", channel: "pos" },
        { field: "country", op: "in", countries: ["GB"] },
      ]),
    ).toEqual([201, 202]);
  });

  it("GIVEN bad rule input WHEN counted or saved THEN field errors and nothing stored", async () => {
    await givenRuleShop();
    const bad = { name: "", match: "all", conditions: [{ field: "orderCount", op: "gte", value: "lots" }] };
    expect(await countSegment(SHOP, bad)).toEqual({ ok: false, errors: { name: "Enter a name", "conditions.0.value": "Enter a number" } });
    expect(await saveSegment(SHOP, null, bad)).toMatchObject({ ok: false });
    await save({ name: "VIP", match: "all", conditions: [{ field: "tag", op: "has", tag: "vip" }] });
    expect(await saveSegment(SHOP, null, { name: "VIP", match: "all", conditions: [{ field: "channel", channel: "pos" }] })).toEqual({
      ok: false,
      errors: { name: "Another segment has this name" },
    });
    expect(await prisma.segment.count()).toBe(1);
  });

  it("GIVEN a saved segment WHEN a customer stops matching THEN the next refresh drops them and their membership metafield follows", async () => {
    await givenRuleShop();
    const { id } = await save({ name: "Wholesale", match: "all", conditions: [{ field: "tag", op: "has", tag: "wholesale" }] });
    await drain();
    const value = () =>
      prisma.metafieldValue.findUnique({
        where: { shop_ownerGid_namespace_key: { shop: SHOP, ownerGid: customerGid(201), namespace: "$app:segments", key: "membership" } },
      });
    expect(JSON.parse((await value())!.value)).toEqual([expect.any(String), "Wholesale"]);
    await prisma.customer.updateMany({ where: { customerGid: customerGid(201) }, data: { tags: "vip" } });
    await saveSegment(SHOP, id, { name: "Wholesale", match: "all", conditions: [{ field: "tag", op: "has", tag: "wholesale" }] });
    await drain();
    expect(await prisma.segmentMember.count({ where: { segmentId: id } })).toBe(0);
    expect(JSON.parse((await value())!.value)).not.toContain("Wholesale");
  });
});
