import prisma, { SQL } from "../../db.server";
import { byThreshold, type TierCriteria } from "./tier-criteria";
import { tierFactsSql } from "./tier-figures.server";

type Fragment = ReturnType<typeof SQL.sql>;
const DAY_MS = 86_400_000;

/** A tier as the ranking needs it; a tier not saved yet has no id. */
export interface RankedTier {
  id: string | null;
  threshold: bigint;
}

/**
 * Every customer of the shop (profiles not deleted, and every loyalty account) with their current tier
 * rank and the rank the proposed tiers give them, as one set-based SQL sub-select
 * `("customerGid", "cur", "curRank", "finalRank")`. Proposed tiers, lowest first, rank 2, 4, 6…; a current
 * tier the proposal drops ranks odd, between the proposed tiers around its old threshold, so losing it
 * is a move up or down by where the customer lands; no tier ranks 0. Retention: a customer who would
 * move down keeps a tier they reached less than `retentionDays` ago, or a tier brought over from another
 * app until its `tierHeldUntil` (app/loyalty/import).
 */
export function tierRanksSql(
  shop: string,
  criteria: TierCriteria,
  proposed: RankedTier[],
  existing: { id: string; threshold: bigint }[],
  now: Date,
): Fragment {
  const tiers = byThreshold(proposed);
  const next = tiers.length
    ? SQL.sql`CASE ${SQL.join(
        [...tiers.entries()].reverse().map(([i, t]) => SQL.sql`WHEN g."value" >= ${t.threshold} THEN ${SQL.raw(String(2 * (i + 1)))}`),
        " ",
      )} ELSE 0 END`
    : SQL.sql`0`;
  const rankOf = (t: { id: string; threshold: bigint }) => {
    const kept = tiers.findIndex((p) => p.id === t.id);
    return kept >= 0 ? 2 * (kept + 1) : 2 * tiers.filter((p) => p.threshold <= t.threshold).length + 1;
  };
  const current = existing.length
    ? SQL.sql`CASE WHEN g."cur" IS NULL THEN 0 ${SQL.join(
        existing.map((t) => SQL.sql`WHEN g."cur" = ${t.id} THEN ${SQL.raw(String(rankOf(t)))}`),
        " ",
      )} ELSE 1 END`
    : SQL.sql`CASE WHEN g."cur" IS NULL THEN 0 ELSE 1 END`;
  // Kept: a tier reached less than retentionDays ago, or one brought over from another app while held.
  const kept =
    criteria.retentionDays > 0
      ? SQL.sql`(c."held" > ${now} OR c."since" >= ${new Date(now.getTime() - criteria.retentionDays * DAY_MS)})`
      : SQL.sql`c."held" > ${now}`;
  const final = SQL.sql`CASE WHEN c."nextRank" < c."curRank" AND c."curRank" % 2 = 0 AND ${kept} THEN c."curRank" ELSE c."nextRank" END`;
  // Driven by the customers in index order, each one's figure an index seek into their own orders (or
  // postings): no sort of the whole shop's facts, which is what costs most on SQLite at 250,000.
  const figure = SQL.sql`(SELECT SUM(f."value") FROM (${tierFactsSql(shop, criteria, now, SQL.sql`b."customerGid"`)}) f)`;
  return SQL.sql`
    SELECT c."customerGid", c."cur", c."curRank", ${final} AS "finalRank"
    FROM (
      SELECT g."customerGid", g."cur", g."since", g."held", ${next} AS "nextRank", ${current} AS "curRank"
      FROM (
        SELECT b."customerGid", COALESCE(${figure}, 0) AS "value", a."tierId" AS "cur", a."tierSince" AS "since",
          a."tierHeldUntil" AS "held"
        FROM (
          SELECT "customerGid" FROM "Customer" WHERE "shop" = ${shop} AND "deletedAt" IS NULL
          UNION ALL
          SELECT x."customerGid" FROM "LoyaltyAccount" x WHERE x."shop" = ${shop} AND NOT EXISTS (
            SELECT 1 FROM "Customer" y WHERE y."shop" = x."shop" AND y."customerGid" = x."customerGid" AND y."deletedAt" IS NULL)
        ) b
        LEFT JOIN "LoyaltyAccount" a ON a."shop" = ${shop} AND a."customerGid" = b."customerGid"
      ) g
    ) c`;
}

/** What saving a tier setup would do: how many customers move up, down, or stay, and each tier's members after. */
export interface TierSimulation {
  up: number;
  down: number;
  unchanged: number;
  /** Members per proposed tier after the change, lowest tier first. */
  members: number[];
}

/**
 * Simulates a tier setup on the shop's real customers in one aggregate query (no rows leave the database).
 * @example await simulateTiers(shop, proposal) // { up: 412, down: 37, unchanged: 3120, members: [380, 69] }
 */
export async function simulateTiers(
  shop: string,
  proposal: { criteria: TierCriteria; tiers: RankedTier[] },
  now = new Date(),
): Promise<TierSimulation> {
  const existing = await prisma.loyaltyTier.findMany({ where: { shop }, select: { id: true, threshold: true } });
  const tiers = byThreshold(proposal.tiers);
  const rows = await prisma.$queryRaw<{ finalRank: unknown; direction: unknown; n: unknown }[]>`
    SELECT d."finalRank", d."direction", COUNT(*) AS "n"
    FROM (
      SELECT r."finalRank", CASE WHEN r."finalRank" > r."curRank" THEN 1 WHEN r."finalRank" < r."curRank" THEN -1 ELSE 0 END AS "direction"
      FROM (${tierRanksSql(shop, proposal.criteria, tiers, existing, now)}) r
    ) d
    GROUP BY d."finalRank", d."direction"`;
  const result: TierSimulation = { up: 0, down: 0, unchanged: 0, members: tiers.map(() => 0) };
  for (const row of rows) {
    const n = Number(row.n);
    const direction = Number(row.direction);
    if (direction > 0) result.up += n;
    else if (direction < 0) result.down += n;
    else result.unchanged += n;
    const rank = Number(row.finalRank);
    if (rank > 0) result.members[rank / 2 - 1]! += n;
  }
  return result;
}
