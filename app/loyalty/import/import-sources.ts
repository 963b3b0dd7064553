/** The loyalty apps whose customer exports Rapport reads (docs/loyalty-import.md). */
export type ImportSource = "smile" | "loyaltylion";

export const IMPORT_SOURCES: readonly ImportSource[] = ["smile", "loyaltylion"];

/** What the merchant sees for each source. */
export const SOURCE_LABELS: Readonly<Record<ImportSource, string>> = { smile: "Smile.io", loyaltylion: "LoyaltyLion" };

/** The figures Rapport takes from a row, by the column names (normalised) each export may use. */
export interface SourceColumns {
  /** Present in this source's export and no other's: how a file is recognised. */
  signature: string;
  email: readonly string[];
  /** Shopify's numeric customer id (LoyaltyLion calls it the merchant id); Smile.io's export has none. */
  shopifyCustomerId: readonly string[];
  /** Spendable points. */
  balance: readonly string[];
  /** Points earned but not yet approved (LoyaltyLion): brought over as spendable (see the docs). */
  pending: readonly string[];
  /** Points spent on rewards over the customer's history. */
  spent: readonly string[];
  tier: readonly string[];
}

/**
 * Column names after `normaliseHeader`, so "Points balance", "points_balance" and "POINTS BALANCE" are
 * one column. The names are the fields of each app's customer object (Smile.io's REST `Customer`:
 * `email`, `points_balance`, `vip_tier`; LoyaltyLion's `Customer`: `merchant_id`, `email`,
 * `points_approved`, `points_pending`, `points_spent`, tier), which their exports label the same way.
 */
export const SOURCE_COLUMNS: Readonly<Record<ImportSource, SourceColumns>> = {
  smile: {
    signature: "points_balance",
    email: ["email", "email_address", "customer_email"],
    shopifyCustomerId: [],
    balance: ["points_balance"],
    pending: [],
    spent: [],
    tier: ["vip_tier", "vip_tier_name", "vip_status"],
  },
  loyaltylion: {
    signature: "points_approved",
    email: ["email", "email_address", "customer_email"],
    shopifyCustomerId: ["merchant_id", "shopify_customer_id", "shopify_id"],
    balance: ["points_approved"],
    pending: ["points_pending"],
    spent: ["points_spent"],
    tier: ["tier", "tier_name", "current_tier", "loyalty_tier"],
  },
};

/**
 * A header cell as Rapport compares it: lower case, words joined by one underscore.
 * @example normaliseHeader(" Points Balance ") // "points_balance"
 */
export function normaliseHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * Which app exported a file, from its (normalised) header; null when it is neither.
 * @example detectSource(["email", "points_balance", "vip_tier"]) // "smile"
 */
export function detectSource(header: readonly string[]): ImportSource | null {
  for (const source of IMPORT_SOURCES) if (header.includes(SOURCE_COLUMNS[source].signature)) return source;
  return null;
}
