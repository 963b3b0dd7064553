import prisma from "../../db.server";
import type { JobHandler } from "../../jobs/job";
import { InsufficientPointsError } from "../ledger.server";
import { getTierSetup } from "../tiers/tier-settings.server";
import { retagCustomers } from "../tiers/tier-tags.server";
import { applyImportBatch, type ImportBatchRow } from "./import-batch.server";
import type { ApplyReport } from "./import-report";
import type { ImportSource } from "./import-sources";

export const IMPORT_APPLY = "loyalty-import-apply";
const BATCH = 500;

/**
 * Applies an analysed import: walks its accepted rows in batches and, for each customer, posts the
 * difference between the file and what earlier imports from the same source posted, and sets the
 * file's tier (held a year, with the tier-change hook for the mirror and Flow). Idempotent and
 * resumable: it records how far it got after each batch and goes on from there, every posting is keyed
 * by (source, customer, import generation) and the difference is recomputed from the ledger, so a batch
 * run twice — or the same file imported again — posts nothing twice.
 * A customer the import would overdraw (they spent points since the dry run) is refused with a reason.
 */
export const applyImport: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const imported = await prisma.loyaltyImport.findFirst({ where: { id: String(ctx.job.payload.importId), shop } });
  if (!imported || imported.status !== "applying") return;
  const source = imported.source as ImportSource;
  const { tiers } = await getTierSetup(shop);
  const total = await prisma.loyaltyImportRow.count({ where: { shop, importId: imported.id, status: "ok" } });
  // A resumed run goes on from the last batch it recorded, with the totals so far.
  const saved = JSON.parse(imported.report ?? "{}") as { applied?: ApplyReport; appliedThrough?: number; appliedRows?: number };
  const report: ApplyReport = saved.applied ?? { customers: 0, postings: 0, points: 0, tierChanges: 0, refused: 0 };
  let after = saved.appliedThrough ?? 0;
  let done = saved.appliedRows ?? 0;
  for (;;) {
    const rows: ImportBatchRow[] = await prisma.loyaltyImportRow.findMany({
      where: { shop, importId: imported.id, status: "ok", line: { gt: after } },
      orderBy: { line: "asc" },
      take: BATCH,
      select: { id: true, line: true, customerGid: true, earned: true, spent: true, tierId: true },
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.line;
    const context = { shop, source, importId: imported.id, staff: imported.staff, tiers, now: new Date() };
    // Shopify tier tags first, as the recalculation does: tagsAdd/tagsRemove are safe to send again.
    await retagCustomers(shop, await tagChanges(shop, rows, tiers));
    try {
      add(report, await prisma.$transaction((tx) => applyImportBatch(tx, context, rows), { timeout: 120_000 }));
    } catch (error) {
      if (!(error instanceof InsufficientPointsError)) throw error;
      // Someone in the batch spent points since the dry run: apply one by one and refuse only them.
      for (const row of rows) {
        try {
          add(report, await prisma.$transaction((tx) => applyImportBatch(tx, context, [row])));
        } catch (single) {
          if (!(single instanceof InsufficientPointsError)) throw single;
          report.refused += 1;
          const reason = "The customer spent points since the dry run; importing now would overdraw the account";
          await prisma.loyaltyImportRow.update({ where: { id: row.id }, data: { status: "refused", reason } });
        }
      }
    }
    done += rows.length;
    await prisma.loyaltyImport.update({
      where: { id: imported.id },
      data: { report: JSON.stringify({ ...saved, applied: report, appliedThrough: after, appliedRows: done }) },
    });
    const message = `${done.toLocaleString("en")} of ${total.toLocaleString("en")} customers imported`;
    if (!(await ctx.progress({ done, total, message })) || ctx.signal.aborted) return { again: new Date() };
  }
  await prisma.loyaltyImport.update({
    where: { id: imported.id },
    data: {
      status: "applied",
      appliedAt: new Date(),
      report: JSON.stringify({ ...saved, applied: report, appliedThrough: after, appliedRows: done }),
    },
  });
};

function add(report: ApplyReport, batch: Omit<ApplyReport, "refused">) {
  report.customers += batch.customers;
  report.postings += batch.postings;
  report.points += batch.points;
  report.tierChanges += batch.tierChanges;
}

async function tagChanges(shop: string, rows: readonly ImportBatchRow[], tiers: readonly { id: string; customerTag: string | null }[]) {
  const withTier = rows.filter((r) => r.tierId);
  if (!tiers.some((t) => t.customerTag) || withTier.length === 0) return [];
  const tagOf = new Map(tiers.map((t) => [t.id, t.customerTag]));
  const accounts = await prisma.loyaltyAccount.findMany({
    where: { shop, customerGid: { in: withTier.map((r) => r.customerGid!) } },
    select: { customerGid: true, tierId: true },
  });
  const current = new Map(accounts.map((a) => [a.customerGid, a.tierId]));
  return withTier
    .filter((r) => current.get(r.customerGid!) !== r.tierId)
    .map((r) => {
      const from = current.get(r.customerGid!);
      return { customerGid: r.customerGid!, remove: from ? (tagOf.get(from) ?? null) : null, add: tagOf.get(r.tierId!) ?? null };
    });
}
