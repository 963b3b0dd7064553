import prisma from "../db.server";
import { RFM_SEGMENTS } from "./rfm-segments";

/** How many customers each RFM segment holds, in the segments' canonical order (empty ones included). */
export async function rfmSegmentCounts(shop: string): Promise<{ segment: string; count: number }[]> {
  const rows = await prisma.customer.groupBy({ by: ["rfmSegment"], where: { shop, rfmSegment: { not: null } }, _count: { _all: true } });
  const counts = new Map(rows.map((r) => [r.rfmSegment, r._count._all]));
  return RFM_SEGMENTS.map((segment) => ({ segment, count: counts.get(segment) ?? 0 }));
}
