import { randomUUID } from "node:crypto";
import prisma, { SQL } from "../../db.server";
import type { JobHandler } from "../../jobs/job";
import { byThreshold } from "./tier-criteria";
import { tierRanksSql } from "./tier-moves.server";
import { getTierSetup } from "./tier-settings.server";
import { retagCustomers } from "./tier-tags.server";
import { onTierChanged } from "../flow/tier-changed.server";

const BATCH = 1000;

/**
 * The tier recalculation: computes every customer's tier with the same set-based query as the
 * simulation, then applies the moves in batches — Shopify customer tags first (tagsAdd/tagsRemove, safe
 * to repeat), then the account rows — reporting progress. Idempotent and resumable: a re-run computes
 * only the moves not yet applied. Queued when the merchant saves tiers (ranking as of the simulation they
 * saw) and as orders and refunds arrive (ranking as of now).
 */
export const recalculateTiers: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const asOf = ctx.job.payload.asOf;
  const now = typeof asOf === "string" ? new Date(asOf) : new Date();
  const { criteria, tiers } = await getTierSetup(shop);
  const ranked = byThreshold(tiers);
  const rows = await prisma.$queryRaw<{ customerGid: string; cur: string | null; curRank: unknown; finalRank: unknown }[]>`
    SELECT r."customerGid", r."cur", r."curRank", r."finalRank" FROM (${tierRanksSql(shop, criteria, ranked, ranked, now)}) r
    WHERE r."finalRank" <> r."curRank" ORDER BY r."customerGid"`;
  const moves = rows.map((r) => {
    const rank = Number(r.finalRank);
    return { customerGid: r.customerGid, from: r.cur, to: rank > 0 ? ranked[rank / 2 - 1]! : null, up: rank > Number(r.curRank) };
  });
  const up = moves.filter((m) => m.up).length;
  const tagOf = new Map(tiers.map((t) => [t.id, t.customerTag]));
  const nameOf = new Map(tiers.map((t) => [t.id, t.name]));
  let done = 0;
  for (let i = 0; i < moves.length; i += BATCH) {
    const batch = moves.slice(i, i + BATCH);
    await retagCustomers(
      shop,
      batch.map((m) => ({
        customerGid: m.customerGid,
        remove: m.from ? (tagOf.get(m.from) ?? null) : null,
        add: m.to?.customerTag ?? null,
      })),
    );
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "LoyaltyAccount" ("id", "shop", "customerGid", "updatedAt")
        VALUES ${SQL.join(batch.map((m) => SQL.sql`(${randomUUID()}, ${shop}, ${m.customerGid}, ${now})`))}
        ON CONFLICT ("shop", "customerGid") DO NOTHING`;
      const byTier = new Map<string | null, string[]>();
      for (const m of batch) byTier.set(m.to?.id ?? null, [...(byTier.get(m.to?.id ?? null) ?? []), m.customerGid]);
      for (const [tierId, customerGids] of byTier)
        await tx.loyaltyAccount.updateMany({
          where: { shop, customerGid: { in: customerGids } },
          data: { tierId, tierSince: tierId ? now : null },
        });
      // Storefront metafields and Shopify Flow hear of each move (app/loyalty/flow, decision 011).
      await onTierChanged(
        tx,
        shop,
        batch.map((m) => ({
          customerGid: m.customerGid,
          previous: m.from ? (nameOf.get(m.from) ?? null) : null,
          next: m.to?.name ?? null,
          cause: `tiers:${ctx.job.id}`,
        })),
      );
    });
    done += batch.length;
    const message = `${done.toLocaleString("en")} of ${moves.length.toLocaleString("en")} customers moved (${up.toLocaleString("en")} up, ${(moves.length - up).toLocaleString("en")} down)`;
    if (!(await ctx.progress({ done, total: moves.length, message })) || ctx.signal.aborted) return { again: new Date() };
  }
  if (moves.length === 0) await ctx.progress({ done: 0, total: 0, message: "Every customer is already in the right tier" });
};
