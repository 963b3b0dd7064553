import prisma from "../db.server";
import { SEGMENT_MEMBERSHIP } from "../metafields/definitions";
import { setMetafields, type DesiredMetafield } from "../metafields/set-metafields.server";
import { membershipCandidates } from "./membership-candidates.server";

// 500 customers a round: setMetafields looks the owners up with one IN list, and Prisma binds at most
// 999 values in a SQLite statement (1,000 failed with P2029 on the first run for a large shop).
const CUSTOMERS_PER_ROUND = 500;

const desired = (ownerGid: string, names: string[]): DesiredMetafield => ({
  ownerGid,
  namespace: SEGMENT_MEMBERSHIP.namespace,
  key: SEGMENT_MEMBERSHIP.key,
  type: SEGMENT_MEMBERSHIP.type,
  value: JSON.stringify(names),
});

/**
 * Brings each customer's `$app:segments.membership` metafield (a list of segment names: the RFM
 * segment first, then merchant segments by name) in line with the segments as computed, by recording
 * the changed values as desired state; the metafields job writes them 25 per call through the
 * throttle. The database finds the customers whose list may differ (membershipCandidates); only those
 * are compared here and written, so customers whose list did not change cost nothing; a customer who
 * left every segment gets an empty list only if Shopify already holds one for them. `progress` hears
 * after each round (the first run for a large shop records every customer's list: minutes).
 * @returns how many values became pending
 * @example await writeSegmentMembership(shop, { progress: (done, total) => ctx.progress({ done, total }) })
 */
export async function writeSegmentMembership(
  shop: string,
  options: { progress?: (done: number, total: number) => Promise<unknown> } = {},
): Promise<number> {
  const candidates = await membershipCandidates(shop);
  if (candidates.length === 0) return 0;
  const segments = await prisma.segment.findMany({ where: { shop }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const position = new Map(segments.map((s, i) => [s.id, i]));
  let pending = 0;
  for (let i = 0; i < candidates.length; i += CUSTOMERS_PER_ROUND) {
    const owners = candidates.slice(i, i + CUSTOMERS_PER_ROUND);
    const [rfm, live, members, held] = await Promise.all([
      prisma.customerRfm.findMany({ where: { shop, customerGid: { in: owners } }, select: { customerGid: true, segment: true } }),
      // Scores of a customer deleted or redacted since they were scored are not written back. (Their own
      // query by key: as a relation filter, Prisma matches the two-column key against all of Customer.)
      prisma.customer.findMany({
        where: { shop, customerGid: { in: owners }, deletedAt: null, redactedAt: null },
        select: { customerGid: true },
      }),
      prisma.segmentMember.findMany({ where: { shop, customerGid: { in: owners } }, select: { customerGid: true, segmentId: true } }),
      prisma.metafieldValue.findMany({
        where: { shop, namespace: SEGMENT_MEMBERSHIP.namespace, key: SEGMENT_MEMBERSHIP.key, ownerGid: { in: owners } },
        select: { ownerGid: true, value: true },
      }),
    ]);
    const alive = new Set(live.map((c) => c.customerGid));
    const lists = new Map<string, string[]>(rfm.filter((c) => alive.has(c.customerGid)).map((c) => [c.customerGid, [c.segment]]));
    members.sort((a, b) => position.get(a.segmentId)! - position.get(b.segmentId)!);
    for (const m of members) lists.set(m.customerGid, [...(lists.get(m.customerGid) ?? []), segments[position.get(m.segmentId)!]!.name]);
    const heldValue = new Map(held.map((h) => [h.ownerGid, h.value]));
    const changed: DesiredMetafield[] = [];
    for (const [ownerGid, names] of lists) if (heldValue.get(ownerGid) !== JSON.stringify(names)) changed.push(desired(ownerGid, names));
    for (const [ownerGid, value] of heldValue) if (!lists.has(ownerGid) && value !== "[]") changed.push(desired(ownerGid, []));
    if (changed.length > 0) pending += await prisma.$transaction((tx) => setMetafields(tx, shop, changed));
    await options.progress?.(Math.min(candidates.length, i + CUSTOMERS_PER_ROUND), candidates.length);
  }
  return pending;
}
