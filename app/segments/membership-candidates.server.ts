import prisma, { dbKind, SQL } from "../db.server";
import { SEGMENT_MEMBERSHIP } from "../metafields/definitions";

// A name as JSON.stringify writes it when it holds no control character: quoted, `\` and `"` escaped.
const jsonString = (column: string) => `'"' || REPLACE(REPLACE(${column}, '\\', '\\\\'), '"', '\\"') || '"'`;
const orderedList = (expression: string, order: string) =>
  dbKind === "postgres" ? `string_agg(${expression}, ',' ORDER BY ${order})` : `group_concat(${expression}, ',' ORDER BY ${order})`;

/**
 * The customers whose `$app:segments.membership` value may be out of date: the database builds each
 * customer's list as JSON text (RFM segment first, then merchant segments by name) and compares it with
 * the value held, so only the differences leave it — a few rows after an incremental run instead of
 * every customer and every held value. A superset: a name with a control character is escaped here
 * unlike JSON.stringify, so its members always come back, and the caller compares exactly.
 * @example const gids = await membershipCandidates(shop)
 */
export async function membershipCandidates(shop: string): Promise<string[]> {
  const merchant = await prisma.segment.count({ where: { shop } });
  const names = merchant
    ? SQL.raw(`(SELECT ${orderedList(jsonString(`s."name"`), `s."name"`)} FROM "SegmentMember" m JOIN "Segment" s ON s."id" = m."segmentId"
        WHERE m."shop" = c."shop" AND m."customerGid" = c."customerGid")`)
    : SQL.raw(`CAST(NULL AS TEXT)`);
  const { namespace, key } = SEGMENT_MEMBERSHIP;
  const rows = await prisma.$queryRaw<{ owner: string }[]>`
    SELECT "owner" FROM (
      SELECT c."customerGid" AS "owner", mv."value" AS "held", ${names} AS "g",
        CASE WHEN c."deletedAt" IS NULL AND c."redactedAt" IS NULL THEN ${SQL.raw(jsonString(`rfm."segment"`))} END AS "r"
      FROM "Customer" c LEFT JOIN "CustomerRfm" rfm ON rfm."shop" = c."shop" AND rfm."customerGid" = c."customerGid"
      LEFT JOIN "MetafieldValue" mv
        ON mv."shop" = c."shop" AND mv."ownerGid" = c."customerGid" AND mv."namespace" = ${namespace} AND mv."key" = ${key}
      WHERE c."shop" = ${shop}
    ) lists
    WHERE CASE WHEN "r" IS NULL AND "g" IS NULL THEN "held" IS NOT NULL AND "held" <> '[]'
      ELSE "held" IS NULL OR "held" <> '[' || concat_ws(',', "r", "g") || ']' END
    UNION ALL
    SELECT mv."ownerGid" FROM "MetafieldValue" mv
    WHERE mv."shop" = ${shop} AND mv."namespace" = ${namespace} AND mv."key" = ${key} AND mv."value" <> '[]'
      AND NOT EXISTS (SELECT 1 FROM "Customer" c WHERE c."shop" = mv."shop" AND c."customerGid" = mv."ownerGid")`;
  return rows.map((r) => r.owner);
}
