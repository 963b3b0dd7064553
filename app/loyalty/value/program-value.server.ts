import prisma, { dbKind, SQL } from "../../db.server";
import { getPointValue, liabilityMinor } from "../program/point-value.server";
import { percent, periodStart, type ValuePeriod } from "./value-period";

/** Buyers in the period, split by membership: how many, how often they came back, what they spent. */
export interface BuyerGroup {
  customers: number;
  orders: number;
  /** Share of buyers with two or more orders in the period (null: no buyers). */
  repeatRate: number | null;
  /** Average order value in minor units (null: no orders). */
  aovMinor: number | null;
}

/** What the program is worth to the merchant over a period. */
export interface ProgramValue {
  period: ValuePeriod;
  from: string;
  currencyCode: string;
  members: number;
  newMembers: number;
  points: { issued: number; redeemed: number; expired: number; clawedBack: number; outstanding: number; pending: number };
  /** Outstanding points (spendable and pending) in money at the point value; null without an amount-off reward. */
  liabilityMinor: number | null;
  /** Redeemed ÷ issued in the period, percent. */
  redemptionRate: number | null;
  buyers: { members: BuyerGroup; nonMembers: BuyerGroup };
  top: { customerGid: string; name: string; orders: number; spentMinor: number; balance: number }[];
  /** Points issued and redeemed per month (YYYY-MM), oldest first. */
  monthly: { month: string; issued: number; redeemed: number }[];
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * The value page's figures for a shop and period, each one aggregate query: members, points issued /
 * redeemed / expired / outstanding and the liability, redemption rate, repeat-purchase rate and AOV of
 * members vs non-members, the top members by spend, and the monthly points series.
 * @example (await getProgramValue(shop, "90d")).redemptionRate // 23.4
 */
export async function getProgramValue(shop: string, periodName: string, now = new Date()): Promise<ProgramValue> {
  const { period, from } = periodStart(periodName, now);
  const month =
    dbKind === "postgres"
      ? SQL.sql`to_char("createdAt", 'YYYY-MM')`
      : SQL.sql`CASE WHEN typeof("createdAt") = 'integer' THEN strftime('%Y-%m', "createdAt" / 1000, 'unixepoch') ELSE substr("createdAt", 1, 7) END`;
  const buyers = SQL.sql`
    SELECT o."customerGid", CASE WHEN a."customerGid" IS NULL THEN 0 ELSE 1 END AS "member", COUNT(*) AS "n", CAST(SUM(o."totalMinor") AS BIGINT) AS "spent"
    FROM "Order" o LEFT JOIN "LoyaltyAccount" a ON a."shop" = o."shop" AND a."customerGid" = o."customerGid"
    WHERE o."shop" = ${shop} AND o."customerGid" IS NOT NULL AND o."cancelledAt" IS NULL AND NOT o."test" AND o."processedAt" >= ${from}
    GROUP BY o."customerGid", CASE WHEN a."customerGid" IS NULL THEN 0 ELSE 1 END`;
  const [shopRow, value, byReason, accounts, groups, top, monthly] = await Promise.all([
    prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } }),
    getPointValue(shop),
    prisma.ledgerEntry.groupBy({ by: ["reason"], where: { shop, createdAt: { gte: from } }, _sum: { points: true } }),
    prisma.$queryRaw<{ members: unknown; fresh: unknown; balance: unknown; pending: unknown }[]>`
      SELECT COUNT(*) AS "members", SUM(CASE WHEN "createdAt" >= ${from} THEN 1 ELSE 0 END) AS "fresh",
        CAST(SUM("balance") AS BIGINT) AS "balance", CAST(SUM("pending") AS BIGINT) AS "pending"
      FROM "LoyaltyAccount" WHERE "shop" = ${shop}`,
    prisma.$queryRaw<{ member: unknown; customers: unknown; repeaters: unknown; orders: unknown; spent: unknown }[]>`
      SELECT b."member", COUNT(*) AS "customers", SUM(CASE WHEN b."n" >= 2 THEN 1 ELSE 0 END) AS "repeaters",
        CAST(SUM(b."n") AS BIGINT) AS "orders", CAST(SUM(b."spent") AS BIGINT) AS "spent"
      FROM (${buyers}) b GROUP BY b."member"`,
    prisma.$queryRaw<
      {
        customerGid: string;
        n: unknown;
        spent: unknown;
        firstName: string | null;
        lastName: string | null;
        email: string | null;
        balance: unknown;
      }[]
    >`
      SELECT b."customerGid", b."n", b."spent", c."firstName", c."lastName", c."email", a."balance"
      FROM (${buyers}) b
      JOIN "LoyaltyAccount" a ON a."shop" = ${shop} AND a."customerGid" = b."customerGid"
      LEFT JOIN "Customer" c ON c."shop" = ${shop} AND c."customerGid" = b."customerGid"
      WHERE b."member" = 1 ORDER BY b."spent" DESC, b."customerGid" ${SQL.raw("LIMIT 10")}`,
    prisma.$queryRaw<{ month: string; issued: unknown; redeemed: unknown }[]>`
      SELECT m."month", SUM(CASE WHEN m."reason" LIKE 'earn%' AND m."reason" <> 'earn:import' THEN m."points" ELSE 0 END) AS "issued",
        SUM(CASE WHEN m."reason" IN ('redeem', 'restore:redeem') THEN -m."points" ELSE 0 END) AS "redeemed"
      FROM (SELECT ${month} AS "month", "reason", "points" FROM "LedgerEntry" WHERE "shop" = ${shop} AND "createdAt" >= ${from}) m
      GROUP BY m."month" ORDER BY m."month"`,
  ]);
  const sum = (match: (reason: string) => boolean) => byReason.filter((r) => match(r.reason)).reduce((s, r) => s + (r._sum.points ?? 0), 0);
  // Points brought over from another app were issued by that app, not by this program.
  const issued = sum((r) => r.startsWith("earn") && r !== "earn:import");
  const redeemed = -sum((r) => r === "redeem" || r === "restore:redeem");
  const account = accounts[0];
  const outstanding = num(account?.balance);
  const pending = num(account?.pending);
  const group = (member: number): BuyerGroup => {
    const g = groups.find((row) => num(row.member) === member);
    const customers = num(g?.customers);
    const orders = num(g?.orders);
    return {
      customers,
      orders,
      repeatRate: percent(num(g?.repeaters), customers),
      aovMinor: orders ? Math.round(num(g?.spent) / orders) : null,
    };
  };
  return {
    period,
    from: from.toISOString(),
    currencyCode: shopRow?.currencyCode ?? "USD",
    members: num(account?.members),
    newMembers: num(account?.fresh),
    points: {
      issued,
      redeemed,
      expired: -sum((r) => r === "expire"),
      clawedBack: -sum((r) => r === "clawback:refund" || r === "reverse:cancel"),
      outstanding,
      pending,
    },
    liabilityMinor: liabilityMinor(outstanding + pending, value),
    redemptionRate: percent(redeemed, issued),
    buyers: { members: group(1), nonMembers: group(0) },
    top: top.map((t) => ({
      customerGid: t.customerGid,
      name: [t.firstName, t.lastName].filter(Boolean).join(" ") || t.email || t.customerGid.replace("gid://shopify/Customer/", "Customer "),
      orders: num(t.n),
      spentMinor: num(t.spent),
      balance: num(t.balance),
    })),
    monthly: monthly.map((m) => ({ month: m.month, issued: num(m.issued), redeemed: num(m.redeemed) })),
  };
}
