import { randomBytes } from "node:crypto";
import type { Tx } from "../db.server";
import { postEntries } from "../loyalty/ledger.server";

/** A fresh anonymous ledger holder: random, so nothing links it back to the customer it replaces. */
export const anonymousHolder = () => `redacted:${randomBytes(16).toString("hex")}`;

/**
 * customers/redact, loyalty part (docs/decisions/008): the customer's points account, postings and
 * redemptions move to a random anonymous holder instead of being deleted, so the shop's points issued,
 * redeemed and outstanding stay exact and every account still equals its postings. Their amounts,
 * reasons and order/refund sources stay (a late refund still claws back from the account that earned);
 * what could lead back to the customer goes: their GID in keys, free-text notes, the discount code and
 * its Shopify id. The one documented exception to the append-only ledger.
 * @returns the holder, or null when the customer had no loyalty rows
 * @example await anonymizeLoyalty(tx, shop, "gid://shopify/Customer/1") // "redacted:9f2c…"
 */
export async function anonymizeLoyalty(tx: Tx, shop: string, customerGid: string): Promise<string | null> {
  const [accounts, postings, redemptions] = await Promise.all([
    tx.loyaltyAccount.count({ where: { shop, customerGid } }),
    tx.ledgerEntry.count({ where: { shop, customerGid } }),
    tx.redemption.count({ where: { shop, customerGid } }),
  ]);
  if (accounts + postings + redemptions === 0) return null;
  const holder = anonymousHolder();
  await tx.$executeRaw`
    UPDATE "LoyaltyAccount" SET "customerGid" = ${holder}, "updatedAt" = ${new Date()}
    WHERE "shop" = ${shop} AND "customerGid" = ${customerGid}`;
  // Keys that embed the customer's GID (expiry: `expire:<gid>:<at>`) get the holder in its place.
  await tx.$executeRaw`
    UPDATE "LedgerEntry" SET "customerGid" = ${holder}, "note" = NULL,
      "idempotencyKey" = REPLACE("idempotencyKey", ${customerGid}, ${holder})
    WHERE "shop" = ${shop} AND "customerGid" = ${customerGid}`;
  // A redemption's key is `<customer gid>:<storefront key>` and its code is tied to the customer in
  // Shopify: both are replaced by values built from the holder and the row's own id (still unique).
  await tx.$executeRaw`
    UPDATE "Redemption" SET "customerGid" = ${holder}, "idempotencyKey" = CAST(${holder} AS TEXT) || ':' || "id",
      "code" = CAST(${holder} AS TEXT) || ':' || "id", "discountGid" = NULL, "error" = NULL, "updatedAt" = ${new Date()}
    WHERE "shop" = ${shop} AND "customerGid" = ${customerGid}`;
  await closePendingRedemptions(tx, shop, holder);
  return holder;
}

/**
 * A redemption still pending (Shopify was unreachable) can no longer get a code locked to a customer who
 * is gone: it fails here and its points come back to the holder, as a failed redemption's always do.
 */
async function closePendingRedemptions(tx: Tx, shop: string, holder: string): Promise<void> {
  const pending = await tx.redemption.findMany({ where: { shop, customerGid: holder, status: "pending" } });
  if (pending.length === 0) return;
  await tx.redemption.updateMany({
    where: { shop, customerGid: holder, status: "pending" },
    data: { status: "failed", error: "customer redacted before the code was issued" },
  });
  await postEntries(
    tx,
    pending.map((r) => ({
      shop,
      customerGid: holder,
      points: r.pointsCost,
      reason: "restore:redeem" as const,
      idempotencyKey: `redeem:${r.id}:restore`,
      sourceGid: r.id,
    })),
  );
}
