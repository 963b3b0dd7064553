import prisma, { type Tx } from "../../db.server";
import { addPrior, importKeyPrefix, NO_PRIOR_IMPORT, type PriorImport } from "./import-plan";
import type { ImportSource } from "./import-sources";

/** A customer's account as an import compares against it. */
export interface AccountState {
  balance: number;
  tierId: string | null;
  tierHeldUntil: Date | null;
}

const EMPTY: AccountState = { balance: 0, tierId: null, tierHeldUntil: null };

/**
 * The accounts of some customers (an empty one for a customer without) and what earlier imports from
 * `source` posted for each, read in one pass over their postings (index on shop, customerGid).
 * @example const { accounts, priors } = await readImportState(tx, shop, "smile", gids)
 */
export async function readImportState(
  db: Tx,
  shop: string,
  source: ImportSource,
  customerGids: readonly string[],
): Promise<{ accounts: Map<string, AccountState>; priors: Map<string, PriorImport> }> {
  const gids = [...new Set(customerGids)];
  const [accountRows, postings] = await Promise.all([
    db.loyaltyAccount.findMany({
      where: { shop, customerGid: { in: gids } },
      select: { customerGid: true, balance: true, tierId: true, tierHeldUntil: true },
    }),
    db.ledgerEntry.findMany({
      where: {
        shop,
        customerGid: { in: gids },
        reason: { in: ["earn:import", "import:spent"] },
        idempotencyKey: { startsWith: importKeyPrefix(source) },
      },
      select: { customerGid: true, points: true, reason: true, idempotencyKey: true },
    }),
  ]);
  const accounts = new Map(gids.map((g) => [g, EMPTY]));
  for (const a of accountRows) accounts.set(a.customerGid, { balance: a.balance, tierId: a.tierId, tierHeldUntil: a.tierHeldUntil });
  const priors = new Map<string, PriorImport>();
  for (const p of postings) priors.set(p.customerGid, addPrior(priors.get(p.customerGid) ?? NO_PRIOR_IMPORT, p));
  return { accounts, priors };
}

/** The shop's customers by GID and by lower-cased email (an email shared by several maps to all of them). */
export interface CustomerIndex {
  gids: Set<string>;
  byEmail: Map<string, string[]>;
}

/**
 * Every live customer of the shop, for matching an import's rows: one indexed scan of (GID, email).
 * @example (await readCustomerIndex(shop)).byEmail.get("ada@example.com") // ["gid://shopify/Customer/1"]
 */
export async function readCustomerIndex(shop: string): Promise<CustomerIndex> {
  const index: CustomerIndex = { gids: new Set(), byEmail: new Map() };
  let after = "";
  for (;;) {
    const page = await prisma.customer.findMany({
      where: { shop, deletedAt: null, customerGid: { gt: after } },
      select: { customerGid: true, email: true },
      orderBy: { customerGid: "asc" },
      take: 10_000,
    });
    if (page.length === 0) return index;
    for (const c of page) {
      index.gids.add(c.customerGid);
      const email = c.email?.trim().toLowerCase();
      if (email) index.byEmail.set(email, [...(index.byEmail.get(email) ?? []), c.customerGid]);
    }
    after = page.at(-1)!.customerGid;
  }
}
