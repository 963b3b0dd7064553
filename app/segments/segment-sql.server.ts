import { SQL } from "../db.server";
import type { Prisma } from "../db-client.server";
import { toMinorUnits } from "../lib/money";
import type { SegmentCondition, SegmentRules } from "./segment-rules";

const DAY_MS = 86_400_000;

/** Orders that count for a customer `c` (not cancelled, not test), as an EXISTS body prefix. */
const theirOrders = SQL.sql`SELECT 1 FROM "Order" o WHERE o."shop" = c."shop" AND o."customerGid" = c."customerGid" AND o."cancelledAt" IS NULL AND o."test" = false`;

function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** One condition → one SQL predicate over `"Customer" c` (every value bound as a parameter). */
export function conditionSql(condition: SegmentCondition, context: { currencyCode: string; now: Date }): Prisma.Sql {
  const cmp = (op: "gte" | "lte" | "eq") => SQL.raw(op === "gte" ? ">=" : op === "lte" ? "<=" : "=");
  switch (condition.field) {
    case "ltv": {
      const minor = toMinorUnits(condition.amount.toFixed(6).replace(/\.?0+$/, ""), context.currencyCode);
      return SQL.sql`c."netSpentMinor" ${cmp(condition.op)} ${BigInt(minor)}`;
    }
    case "orderCount":
      return SQL.sql`c."ordersCount" ${cmp(condition.op)} ${condition.value}`;
    case "daysSinceLastOrder": {
      const cutoff = new Date(context.now.getTime() - condition.days * DAY_MS);
      // At least N days ago: the last order is on or before the cutoff; at most N days: on or after it.
      return condition.op === "gte" ? SQL.sql`c."lastOrderAt" <= ${cutoff}` : SQL.sql`c."lastOrderAt" >= ${cutoff}`;
    }
    case "tag": {
      // Tags are stored normalised as "a, b, c": wrap in separators and look for ", tag,".
      const found = SQL.sql`LOWER(', ' || c."tags" || ',') LIKE ${`%, ${escapeLike(condition.tag)},%`} ESCAPE '\\'`;
      return condition.op === "has" ? found : SQL.sql`NOT (${found})`;
    }
    case "country": {
      const list = SQL.join(condition.countries);
      return condition.op === "in"
        ? SQL.sql`c."countryCode" IN (${list})`
        : SQL.sql`(c."countryCode" IS NULL OR c."countryCode" NOT IN (${list}))`;
    }
    case "boughtProduct":
      return SQL.sql`EXISTS (${theirOrders} AND EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o."id" AND l."productGid" = ${condition.productGid}))`;
    case "boughtCollection":
      return SQL.sql`EXISTS (${theirOrders} AND EXISTS (SELECT 1 FROM "OrderLine" l
        JOIN "Product" p ON p."shop" = l."shop" AND p."productGid" = l."productGid"
        JOIN "ProductCollection" pc ON pc."productId" = p."id"
        WHERE l."orderId" = o."id" AND pc."collectionGid" = ${condition.collectionGid}))`;
    case "channel":
      return SQL.sql`EXISTS (${theirOrders} AND o."channel" = ${condition.channel})`;
  }
}

/**
 * A segment's rules → the WHERE predicate selecting its members among a shop's live customers
 * (`"Customer" c`; deleted and redacted customers are never members).
 * @example SQL.sql`SELECT COUNT(*) FROM "Customer" c WHERE ${segmentWhere(shop, rules, ctx)}`
 */
export function segmentWhere(
  shop: string,
  rules: Pick<SegmentRules, "match" | "conditions">,
  context: { currencyCode: string; now: Date },
): Prisma.Sql {
  const parts = rules.conditions.map((c) => conditionSql(c, context));
  const joined = SQL.join(parts, rules.match === "all" ? " AND " : " OR ");
  return SQL.sql`c."shop" = ${shop} AND c."deletedAt" IS NULL AND c."redactedAt" IS NULL AND (${joined})`;
}
