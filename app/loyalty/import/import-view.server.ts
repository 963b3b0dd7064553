import prisma from "../../db.server";
import { IMPORT_ANALYSIS } from "./import-analysis-job.server";
import { IMPORT_APPLY } from "./import-apply-job.server";
import { ROWS_SHOWN, type ApplyReport, type DryRunReport } from "./import-report";
import { SOURCE_LABELS, type ImportSource } from "./import-sources";

/**
 * What the import page shows: the import asked for (or the latest), its dry-run totals, the first
 * changes per customer (balance and tier before → after) and refused rows with reasons, the apply's
 * totals, and the running job's progress.
 * @example const { current } = await importAdminView(shop, null); current?.report?.pointsToPost // 1550
 */
export async function importAdminView(shop: string, importId: string | null) {
  const row = await prisma.loyaltyImport.findFirst({
    where: importId ? { shop, id: importId } : { shop },
    orderBy: { createdAt: "desc" },
    select: { id: true, source: true, fileName: true, status: true, report: true, error: true, createdAt: true, appliedAt: true },
  });
  if (!row) return { current: null };
  const [changes, refused, job] = await Promise.all([
    prisma.loyaltyImportRow.findMany({
      where: { shop, importId: row.id, status: "ok", OR: [{ pointsToPost: { not: 0 } }, { tierId: { not: null } }] },
      orderBy: { line: "asc" },
      // Rows whose tier stays the same and whose points do not move are filtered below.
      take: ROWS_SHOWN * 10,
    }),
    prisma.loyaltyImportRow.findMany({ where: { shop, importId: row.id, status: "refused" }, orderBy: { line: "asc" }, take: ROWS_SHOWN }),
    prisma.job.findFirst({
      where: { shop, kind: { in: [IMPORT_ANALYSIS, IMPORT_APPLY] }, payload: { contains: row.id } },
      orderBy: { createdAt: "desc" },
      select: { status: true, progress: true },
    }),
  ]);
  const report = row.report ? (JSON.parse(row.report) as DryRunReport & { applied?: ApplyReport }) : null;
  const progress = job?.progress ? (JSON.parse(job.progress) as { done: number; total?: number | null; message?: string }) : null;
  return {
    current: {
      id: row.id,
      source: SOURCE_LABELS[row.source as ImportSource] ?? row.source,
      fileName: row.fileName,
      status: row.status,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      appliedAt: row.appliedAt?.toISOString() ?? null,
      report,
      job: job && { status: job.status, done: progress?.done ?? 0, total: progress?.total ?? null, message: progress?.message ?? null },
      changes: changes
        .filter((c) => c.pointsToPost !== 0 || c.tierName !== c.beforeTier)
        .slice(0, ROWS_SHOWN)
        .map((c) => ({
          line: c.line,
          customer: c.email ?? c.customerGid ?? "",
          before: { balance: c.beforeBalance ?? 0, tier: c.beforeTier },
          after: { balance: (c.beforeBalance ?? 0) + (c.pointsToPost ?? 0), tier: c.tierName ?? c.beforeTier },
          points: c.pointsToPost ?? 0,
        })),
      refused: refused.map((r) => ({ line: r.line, customer: r.email ?? r.customerGid ?? "", reason: r.reason ?? "" })),
    },
  };
}
