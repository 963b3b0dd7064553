import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { membershipCandidates } from "../../app/segments/membership-candidates.server";
import { writeSegmentMembership } from "../../app/segments/membership-metafields.server";
import { deleteSegment, evaluateSegments, saveSegment } from "../../app/segments/segments.server";
import { customerGid, givenCustomers, RFM_SHOP } from "../helpers/hand-made-customers";
import { givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

const held = async (legacyId: number) =>
  (await prisma.metafieldValue.findFirst({ where: { ownerGid: customerGid(legacyId), namespace: "$app:segments", key: "membership" } }))
    ?.value;

async function segment(name: string, minOrders: number) {
  const saved = await saveSegment(SHOP, null, { name, match: "all", conditions: [{ field: "orderCount", op: "gte", value: minOrders }] });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.id;
}

describe("segment membership: only changed lists are compared", () => {
  it("GIVEN lists written, names with quotes and backslashes WHEN nothing changed THEN no candidate; a rename, a deletion and a redaction bring back exactly their customers", async () => {
    await givenInstalledShop();
    await givenCustomers(RFM_SHOP);
    await computeRfm(prisma, SHOP);
    const quoted = await segment('Big "spenders"', 8); // 101, 109, 110
    await segment("C:\\VIP", 10); // 101
    await evaluateSegments(SHOP);
    expect(await writeSegmentMembership(SHOP)).toBe(10);
    expect(JSON.parse((await held(101))!)).toEqual(["Champions", 'Big "spenders"', "C:\\VIP"]);
    expect(await membershipCandidates(SHOP)).toEqual([]);
    expect(await writeSegmentMembership(SHOP)).toBe(0);

    await saveSegment(SHOP, quoted, { name: "Frequent", match: "all", conditions: [{ field: "orderCount", op: "gte", value: 8 }] });
    await evaluateSegments(SHOP);
    expect(new Set(await membershipCandidates(SHOP))).toEqual(new Set([101, 109, 110].map(customerGid)));
    expect(await writeSegmentMembership(SHOP)).toBe(3);
    expect(JSON.parse((await held(109))!)).toEqual(["At risk", "Frequent"]);

    await deleteSegment(SHOP, quoted);
    await prisma.customer.updateMany({ where: { customerGid: customerGid(105) }, data: { redactedAt: new Date() } });
    expect(new Set(await membershipCandidates(SHOP))).toEqual(new Set([101, 105, 109, 110].map(customerGid)));
    expect(await writeSegmentMembership(SHOP)).toBe(4);
    expect(JSON.parse((await held(101))!)).toEqual(["Champions", "C:\\VIP"]);
    expect(JSON.parse((await held(105))!)).toEqual([]);
    expect(await membershipCandidates(SHOP)).toEqual([]);
  });

  it("GIVEN a segment name with a tab WHEN its lists are written THEN its members stay candidates but nothing is rewritten", async () => {
    await givenInstalledShop();
    await givenCustomers(RFM_SHOP);
    await computeRfm(prisma, SHOP);
    await segment("Tab\there", 10); // 101
    await evaluateSegments(SHOP);
    expect(await writeSegmentMembership(SHOP)).toBe(10);
    expect(await held(101)).toBe(JSON.stringify(["Champions", "Tab\there"]));
    expect(await membershipCandidates(SHOP)).toEqual([customerGid(101)]);
    expect(await writeSegmentMembership(SHOP)).toBe(0);
  });
});
