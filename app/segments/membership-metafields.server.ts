import prisma from "../db.server";
import { SEGMENT_MEMBERSHIP } from "../metafields/definitions";
import { setMetafields, type DesiredMetafield } from "../metafields/set-metafields.server";

/**
 * Brings each customer's `$app:segments.membership` metafield (a list of segment names: the RFM
 * segment first, then merchant segments by name) in line with the segments as computed, by recording
 * the changed values as desired state; the metafields job writes them 25 per call through the
 * throttle. Customers whose list did not change cost nothing; a customer who left every segment gets an
 * empty list only if Shopify already holds one for them.
 * @returns how many values became pending
 */
export async function writeSegmentMembership(shop: string): Promise<number> {
  const lists = new Map<string, string[]>();
  const rfm = await prisma.customer.findMany({
    where: { shop, rfmSegment: { not: null }, deletedAt: null, redactedAt: null },
    select: { customerGid: true, rfmSegment: true },
  });
  for (const c of rfm) lists.set(c.customerGid, [c.rfmSegment!]);
  const segments = await prisma.segment.findMany({ where: { shop }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  for (const segment of segments) {
    const members = await prisma.segmentMember.findMany({ where: { segmentId: segment.id }, select: { customerGid: true } });
    for (const m of members) lists.set(m.customerGid, [...(lists.get(m.customerGid) ?? []), segment.name]);
  }
  const held = await prisma.metafieldValue.findMany({
    where: { shop, namespace: SEGMENT_MEMBERSHIP.namespace, key: SEGMENT_MEMBERSHIP.key },
    select: { ownerGid: true, value: true },
  });
  const heldValue = new Map(held.map((h) => [h.ownerGid, h.value]));
  const changed: DesiredMetafield[] = [];
  const desired = (ownerGid: string, names: string[]) => ({
    ownerGid,
    namespace: SEGMENT_MEMBERSHIP.namespace,
    key: SEGMENT_MEMBERSHIP.key,
    type: SEGMENT_MEMBERSHIP.type,
    value: JSON.stringify(names),
  });
  for (const [ownerGid, names] of lists) {
    const value = JSON.stringify(names);
    if (heldValue.get(ownerGid) !== value) changed.push(desired(ownerGid, names));
  }
  for (const [ownerGid, value] of heldValue) if (!lists.has(ownerGid) && value !== "[]") changed.push(desired(ownerGid, []));
  let pending = 0;
  for (let i = 0; i < changed.length; i += 1000) {
    const chunk = changed.slice(i, i + 1000);
    pending += await prisma.$transaction((tx) => setMetafields(tx, shop, chunk));
  }
  return pending;
}
