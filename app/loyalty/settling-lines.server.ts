import { dbKind, SQL, type Tx } from "../db.server";
import { inSlices } from "../lib/in-slices";

/** A recorded line as the earning rules read it. */
export interface SettlingLine {
  totalMinor: bigint;
  productGid: string | null;
  giftCard: boolean;
}

/**
 * The lines of the given orders (row ids), for settlement: one row per order, its lines packed as a
 * JSON array by the database. Why raw SQL: read as rows through Prisma, a batch's lines (an order
 * carries 30 on a wholesale store) cost more than the settlement itself; packed, one row per order.
 * Amounts are bounded far below 2^53 (MAX_AMOUNT_MINOR), so JSON numbers carry them exactly.
 * @example const linesOf = await readSettlingLines(tx, orders.map((o) => o.id)); linesOf.get(order.id)
 */
export async function readSettlingLines(tx: Tx, orderIds: string[]): Promise<Map<string, SettlingLine[]>> {
  const byOrder = new Map<string, SettlingLine[]>();
  if (orderIds.length === 0) return byOrder;
  const packed =
    dbKind === "postgres"
      ? SQL.sql`json_agg(json_build_array("totalMinor", "productGid", "giftCard"))`
      : SQL.sql`json_group_array(json_array("totalMinor", "productGid", "giftCard"))`;
  const rows = await inSlices(
    orderIds,
    (slice) => tx.$queryRaw<{ orderId: string; lines: unknown }[]>`
      SELECT "orderId", ${packed} AS "lines" FROM "OrderLine" WHERE "orderId" IN (${SQL.join(slice)}) GROUP BY "orderId"`,
  );
  for (const row of rows) {
    const lines = (typeof row.lines === "string" ? JSON.parse(row.lines) : row.lines) as [number, string | null, boolean | number][];
    byOrder.set(
      row.orderId,
      lines.map(([totalMinor, productGid, giftCard]) => ({
        totalMinor: BigInt(totalMinor),
        productGid,
        giftCard: giftCard === true || giftCard === 1,
      })),
    );
  }
  return byOrder;
}
