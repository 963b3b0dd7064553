import { toGid } from "../../lib/gid";
import type { FileRow, ImportRow } from "./import-file";

/** A row matched to one of the shop's customers (and tier), ready to compare with their account. */
export interface MatchedRow extends ImportRow {
  customerGid: string;
  tier: { id: string; name: string } | null;
}

/** A row refused by matching or reading, with its reason. */
export interface RowRefusal {
  line: number;
  ok: false;
  email: string | null;
  customerGid: string | null;
  reason: string;
}

/**
 * Finds each row's customer — by Shopify customer id when the export has one, else by email
 * (case-insensitive) — and its tier by name (case-insensitive). Refuses a row whose customer is not in
 * the shop, whose email several customers share, whose tier does not exist, or whose customer is on
 * another row too (every such row: which figures are right is the merchant's call).
 * @example matchRows(rows, { gids: new Set([gid]), byEmail: new Map([["ada@example.com", [gid]]]) }, [{ id: "t1", name: "Gold" }])
 */
export function matchRows(
  rows: readonly FileRow[],
  customers: { gids: ReadonlySet<string>; byEmail: ReadonlyMap<string, readonly string[]> },
  tiers: readonly { id: string; name: string }[],
): (MatchedRow | RowRefusal)[] {
  const tierByName = new Map(tiers.map((t) => [t.name.trim().toLowerCase(), { id: t.id, name: t.name }]));
  const tierNames = tiers.map((t) => t.name).join(", ") || "none yet";
  const matched = rows.map((row): MatchedRow | RowRefusal => {
    const refuse = (reason: string, customerGid: string | null = null): RowRefusal => ({
      line: row.line,
      ok: false,
      email: row.email,
      customerGid,
      reason,
    });
    if (!row.ok) return refuse(row.reason);
    let customerGid: string;
    if (row.shopifyCustomerId) {
      customerGid = toGid("Customer", row.shopifyCustomerId);
      if (!customers.gids.has(customerGid)) return refuse(`No customer with Shopify id ${row.shopifyCustomerId} in this shop`);
    } else {
      const found = customers.byEmail.get(row.email!) ?? [];
      if (found.length === 0) return refuse("No customer with this email in this shop");
      if (found.length > 1) return refuse(`${found.length} customers share this email: add their Shopify customer ids to the file`);
      customerGid = found[0]!;
    }
    let tier: MatchedRow["tier"] = null;
    if (row.tierName) {
      tier = tierByName.get(row.tierName.toLowerCase()) ?? null;
      if (!tier) return refuse(`Unknown tier "${row.tierName}" (tiers here: ${tierNames})`, customerGid);
    }
    return { ...row, customerGid, tier };
  });
  const lines = new Map<string, number[]>();
  for (const m of matched) if (m.customerGid) lines.set(m.customerGid, [...(lines.get(m.customerGid) ?? []), m.line]);
  return matched.map((m) => {
    const same = m.customerGid ? lines.get(m.customerGid)! : [];
    if (same.length < 2) return m;
    return {
      line: m.line,
      ok: false,
      email: m.email,
      customerGid: m.customerGid,
      reason: `The same customer is on lines ${same.join(", ")}`,
    };
  });
}
