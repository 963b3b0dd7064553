import { randomUUID } from "node:crypto";
import { SQL, type Tx } from "../../db.server";
import { onTierChanged } from "../flow/tier-changed.server";
import { postEntries } from "../ledger.server";
import { importPostings, netPoints, NO_PRIOR_IMPORT } from "./import-plan";
import { SOURCE_LABELS, type ImportSource } from "./import-sources";
import { readImportState } from "./import-state.server";

/** How long a tier brought over from another app is kept when the recalculation would lower it. */
export const IMPORTED_TIER_HOLD_DAYS = 365;

/** An accepted row of an import, as the apply reads it. */
export interface ImportBatchRow {
  id: string;
  line: number;
  customerGid: string | null;
  earned: number | null;
  spent: number | null;
  tierId: string | null;
}

export interface ImportBatchContext {
  shop: string;
  source: ImportSource;
  importId: string;
  staff: string | null;
  tiers: readonly { id: string; name: string }[];
  now: Date;
}

/**
 * Applies some rows of an import in the caller's transaction: the postings that bring each customer to
 * the file's figures (against the ledger as it is now), and the file's tiers — set, held for
 * IMPORTED_TIER_HOLD_DAYS, and announced through onTierChanged (mirror and Flow). Throws
 * InsufficientPointsError when a correction would overdraw an account (the transaction rolls back).
 * @example await prisma.$transaction((tx) => applyImportBatch(tx, { shop, source: "smile", importId, staff, tiers, now }, rows))
 */
export async function applyImportBatch(tx: Tx, context: ImportBatchContext, rows: readonly ImportBatchRow[]) {
  const { shop, source, importId, now } = context;
  const gids = rows.map((r) => r.customerGid!);
  const { accounts, priors } = await readImportState(tx, shop, source, gids);
  const note = `Brought over from ${SOURCE_LABELS[source]} (import ${importId})`;
  const postings = rows.flatMap((r) =>
    importPostings(
      source,
      r.customerGid!,
      { earned: r.earned ?? 0, spent: r.spent ?? 0 },
      priors.get(r.customerGid!) ?? NO_PRIOR_IMPORT,
    ).map((p) => ({ ...p, shop, note, staff: context.staff })),
  );
  const posted = await postEntries(tx, postings);
  const tierName = new Map(context.tiers.map((t) => [t.id, t.name]));
  // A tier deleted since the dry run is left out; the points still come over.
  const withTier = rows.filter((r) => r.tierId && tierName.has(r.tierId));
  const moved = withTier.filter((r) => accounts.get(r.customerGid!)?.tierId !== r.tierId);
  if (withTier.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "LoyaltyAccount" ("id", "shop", "customerGid", "updatedAt")
      VALUES ${SQL.join(withTier.map((r) => SQL.sql`(${randomUUID()}, ${shop}, ${r.customerGid}, ${now})`))}
      ON CONFLICT ("shop", "customerGid") DO NOTHING`;
    const heldUntil = new Date(now.getTime() + IMPORTED_TIER_HOLD_DAYS * 86_400_000);
    await tx.loyaltyAccount.updateMany({
      where: { shop, customerGid: { in: withTier.map((r) => r.customerGid!) } },
      data: { tierHeldUntil: heldUntil },
    });
    const byTier = new Map<string, string[]>();
    for (const r of moved) byTier.set(r.tierId!, [...(byTier.get(r.tierId!) ?? []), r.customerGid!]);
    for (const [tierId, customerGids] of byTier)
      await tx.loyaltyAccount.updateMany({ where: { shop, customerGid: { in: customerGids } }, data: { tierId, tierSince: now } });
    await onTierChanged(
      tx,
      shop,
      moved.map((r) => {
        const from = accounts.get(r.customerGid!)?.tierId;
        return {
          customerGid: r.customerGid!,
          previous: from ? (tierName.get(from) ?? null) : null,
          next: tierName.get(r.tierId!)!,
          cause: `import:${importId}`,
        };
      }),
    );
  }
  const changed = new Set([...postings.map((p) => p.customerGid), ...moved.map((r) => r.customerGid!)]);
  return { customers: changed.size, postings: posted, points: posted ? netPoints(postings) : 0, tierChanges: moved.length };
}
