import prisma from "../../db.server";
import type { JobHandler } from "../../jobs/job";
import { getTierSetup } from "../tiers/tier-settings.server";
import { parseImportFile } from "./import-file";
import { matchRows, type MatchedRow, type RowRefusal } from "./import-match";
import { importPostings, netPoints, NO_PRIOR_IMPORT } from "./import-plan";
import { summariseDryRun, type RowPlan } from "./import-report";
import type { ImportSource } from "./import-sources";
import { readCustomerIndex, readImportState } from "./import-state.server";

export const IMPORT_ANALYSIS = "loyalty-import-analysis";
const BATCH = 500;

/**
 * The dry run: reads the uploaded file, matches each row to a customer and tier, and compares it with
 * the customer's account and what earlier imports from the same source posted — writing one
 * LoyaltyImportRow per row (the change it would make, or why it is refused) and the totals. Changes no
 * account or posting. Resumable: a re-run starts the rows again from the file, which is dropped only
 * when the report is written.
 */
export const analyseImport: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const imported = await prisma.loyaltyImport.findFirst({ where: { id: String(ctx.job.payload.importId), shop } });
  if (!imported || imported.status !== "analysing" || imported.content === null) return;
  const source = imported.source as ImportSource;
  let file;
  try {
    file = parseImportFile(imported.content, source);
  } catch (error) {
    await prisma.loyaltyImport.update({
      where: { id: imported.id },
      data: { status: "failed", error: (error as Error).message, content: null },
    });
    return;
  }
  const [customers, { tiers }] = await Promise.all([readCustomerIndex(shop), getTierSetup(shop)]);
  const tierNames = new Map(tiers.map((t) => [t.id, t.name]));
  const rows = matchRows(file.rows, customers, tiers);
  await prisma.loyaltyImportRow.deleteMany({ where: { shop, importId: imported.id } });
  const plans: RowPlan[] = [];
  let refused = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const accepted = batch.filter((r): r is MatchedRow => r.ok);
    const { accounts, priors } = await readImportState(
      prisma,
      shop,
      source,
      accepted.map((r) => r.customerGid),
    );
    const data = batch.map((row) => {
      if (!row.ok) return refusedRow(shop, imported.id, row);
      const account = accounts.get(row.customerGid)!;
      const points = netPoints(importPostings(source, row.customerGid, row, priors.get(row.customerGid) ?? NO_PRIOR_IMPORT));
      const base = {
        shop,
        importId: imported.id,
        line: row.line,
        customerGid: row.customerGid,
        email: row.email,
        balance: row.balance,
        earned: row.earned,
        spent: row.spent,
        tierName: row.tier?.name ?? null,
        tierId: row.tier?.id ?? null,
        beforeBalance: account.balance,
        beforeTier: account.tierId ? (tierNames.get(account.tierId) ?? null) : null,
        pointsToPost: points,
      };
      if (account.balance + points < 0) {
        const reason = `The customer has ${account.balance} points; importing ${points} would overdraw the account (points spent since an earlier import?)`;
        return { ...base, status: "refused", reason };
      }
      plans.push({ pointsToPost: points, tierChanges: row.tier !== null && row.tier.id !== account.tierId });
      return { ...base, status: "ok", reason: null };
    });
    refused += data.filter((d) => d.status === "refused").length;
    await prisma.loyaltyImportRow.createMany({ data });
    const more = await ctx.progress({
      done: i + batch.length,
      total: rows.length,
      message: `${i + batch.length} of ${rows.length} rows read`,
    });
    if (!more) return;
  }
  await prisma.loyaltyImport.update({
    where: { id: imported.id },
    data: { status: "analysed", report: JSON.stringify(summariseDryRun(plans, refused)), content: null },
  });
};

function refusedRow(shop: string, importId: string, row: RowRefusal) {
  return { shop, importId, line: row.line, customerGid: row.customerGid, email: row.email, status: "refused", reason: row.reason };
}
