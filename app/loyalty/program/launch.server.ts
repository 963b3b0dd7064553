import prisma, { SQL } from "../../db.server";
import { InvalidInputError } from "../../lib/errors";
import { currencyExponent } from "../../lib/money";
import { enqueueJob } from "../../jobs/queue.server";
import { getLoyaltyProgram } from "../program.server";
import { earningFrom, PAST_ORDERS_CHOICES, type PastOrdersChoice } from "./launch";
import { getPointValue, liabilityMinor } from "./point-value.server";

export const LAUNCH_JOB = "loyalty-launch";

/** What one launch choice would credit: orders, customers, points and the liability in money. */
export interface LaunchPreview {
  choice: PastOrdersChoice;
  orders: number;
  customers: number;
  points: number;
  /** Minor units of shop currency at the point value (null: no amount-off reward values points yet). */
  liabilityMinor: number | null;
}

/** Paid, not cancelled, not test orders with a customer placed between `from` and the install, not yet earned. */
export function pastOrdersSql(shop: string, from: Date, until: Date) {
  return SQL.sql`
    FROM "Order" o
    LEFT JOIN (SELECT "orderGid", CAST(SUM("subtotalMinor") AS BIGINT) AS "refunded" FROM "Refund" WHERE "shop" = ${shop} GROUP BY "orderGid") r
      ON r."orderGid" = o."orderGid"
    WHERE o."shop" = ${shop} AND o."customerGid" IS NOT NULL AND o."cancelledAt" IS NULL AND NOT o."test"
      AND o."financialStatus" IN ('paid', 'partially_refunded', 'refunded')
      AND o."processedAt" >= ${from} AND o."processedAt" < ${until}`;
}

/**
 * Previews every launch choice on the shop's real orders, set-based: the points past orders would earn
 * at the program's base rate on their merchandise less refunds, and what they are worth.
 * @example (await previewLaunch(shop))[2] // { choice: "all", orders: 5120, customers: 1830, points: 412000, liabilityMinor: 412000 }
 */
export async function previewLaunch(shop: string, now = new Date()): Promise<LaunchPreview[]> {
  const [program, shopRow, value] = await Promise.all([
    getLoyaltyProgram(shop),
    prisma.shop.findUniqueOrThrow({ where: { shop }, select: { installedAt: true, currencyCode: true } }),
    getPointValue(shop),
  ]);
  const unit = SQL.raw(String(10 ** currencyExponent(shopRow.currencyCode)));
  const rate = SQL.raw(String(program.pointsPerCurrencyUnit));
  return Promise.all(
    PAST_ORDERS_CHOICES.map(async (choice) => {
      const from = earningFrom({ installedAt: shopRow.installedAt, launchedAt: now, pastOrders: choice });
      const [row] = await prisma.$queryRaw<{ orders: unknown; customers: unknown; points: unknown }[]>`
        SELECT COUNT(*) AS "orders", COUNT(DISTINCT o."customerGid") AS "customers",
          COALESCE(SUM(CASE WHEN o."subtotalMinor" > COALESCE(r."refunded", 0)
            THEN ((o."subtotalMinor" - COALESCE(r."refunded", 0)) * ${rate}) / ${unit} ELSE 0 END), 0) AS "points"
        ${pastOrdersSql(shop, from, shopRow.installedAt)}`;
      const points = Number(row?.points ?? 0);
      return {
        choice,
        orders: Number(row?.orders ?? 0),
        customers: Number(row?.customers ?? 0),
        points,
        liabilityMinor: liabilityMinor(points, value),
      };
    }),
  );
}

/**
 * Launches the program with the merchant's choice about past orders, once: records it and queues the
 * keyed job that credits the past orders (idempotent: each order earns under its own `order:<gid>:earn`
 * key). A second launch is refused.
 * @example await launchProgram(shop, "last12") // { jobId: "…" }
 */
export async function launchProgram(shop: string, choice: string, now = new Date()): Promise<{ jobId: string | null }> {
  if (!PAST_ORDERS_CHOICES.includes(choice as PastOrdersChoice))
    throw new InvalidInputError("pastOrders", "Choose what happens to past orders");
  return prisma.$transaction(async (tx) => {
    const current = await tx.loyaltyProgram.findUnique({ where: { shop }, select: { launchedAt: true } });
    if (current?.launchedAt) throw new InvalidInputError("pastOrders", "The program is already launched");
    await tx.loyaltyProgram.upsert({
      where: { shop },
      create: { shop, launchedAt: now, pastOrders: choice },
      update: { launchedAt: now, pastOrders: choice },
    });
    if (choice === "none") return { jobId: null };
    const job = await enqueueJob(tx, { kind: LAUNCH_JOB, shop, key: `${LAUNCH_JOB}:${shop}` });
    return { jobId: job.id };
  });
}
