import prisma from "../db.server";
import { RFM_SEGMENTS } from "./rfm-segments";

/** How many customers each RFM segment holds, in the segments' canonical order (empty ones included). */
export async function rfmSegmentCounts(shop: string): Promise<{ segment: string; count: number }[]> {
  const rows = await prisma.customerRfm.groupBy({ by: ["segment"], where: { shop }, _count: { _all: true } });
  const counts = new Map(rows.map((r) => [r.segment, r._count._all]));
  return RFM_SEGMENTS.map((segment) => ({ segment, count: counts.get(segment) ?? 0 }));
}
