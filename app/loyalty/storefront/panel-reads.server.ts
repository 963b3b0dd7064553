import { hotReader } from "../../db-hot-read.server";
import { accountOf, type AccountRow } from "../accounts.server";
import type { PerkTier } from "../tiers/reward-access";
import type { EarnRate } from "./earn-rate.server";

// What the storefront panel shows, read through the hot reader (app/db-hot-read.server.ts), the same
// figures as the admin's readers (getEarnRate, listRewards, getTierSetup, getAccount). The shopper's own
// rows (account, codes, activity) are read on every open: a redemption or an order shows at the next
// one, on any process. The shop's side is the same for every shopper and is kept per process for
// PROGRAM_TTL_MS, forgotten at once in this process by the admin's writes (forgetStorefrontProgram);
// another process shows a change within PROGRAM_TTL_MS, like the ledger rules (rules.server.ts). A
// redemption always reads the reward and the tiers afresh, so a stale panel can offer, never grant.

/** The shop's side of the panel: earning rate, expiry period, enabled rewards (cheapest first) and tiers. */
export interface StorefrontProgram {
  earn: EarnRate;
  expiryDays: number | null;
  rewards: { id: string; title: string; kind: string; pointsCost: number; tierId: string | null }[];
  tiers: PerkTier[];
}

const PROGRAM_SQL = `SELECT "pointsPerCurrencyUnit", "expiryDays" FROM "LoyaltyProgram" WHERE "shop" = ?`;
const CURRENCY_SQL = `SELECT "currencyCode" FROM "Shop" WHERE "shop" = ?`;
const REWARDS_SQL = `SELECT "id", "title", "kind", "pointsCost", "tierId" FROM "LoyaltyReward" WHERE "shop" = ? AND "enabled" = TRUE ORDER BY "pointsCost" ASC, "createdAt" ASC`;
const TIERS_SQL = `SELECT "id", "name", "threshold", "freeShipping" FROM "LoyaltyTier" WHERE "shop" = ?`;

type Int = number | bigint | string;

export const PROGRAM_TTL_MS = 5_000;
// The entry is stored when its read starts, so a forget during the read drops it: a read that began
// before a change is never kept after it.
const programs = new Map<string, { at: number; program: Promise<StorefrontProgram> }>();

/**
 * The program as the panel shows it to everyone, at most PROGRAM_TTL_MS old (see above).
 * @example (await getStorefrontProgram(shop)).earn // { points: 3, currency: "GBP" }
 */
export function getStorefrontProgram(shop: string): Promise<StorefrontProgram> {
  const hit = programs.get(shop);
  if (hit && Date.now() - hit.at < PROGRAM_TTL_MS) return hit.program;
  const program = readStorefrontProgram(shop);
  const entry = { at: Date.now(), program };
  programs.set(shop, entry);
  program.catch(() => programs.get(shop) === entry && programs.delete(shop));
  return program;
}

/**
 * After a write to what the panel shows (rewards, tiers, earning rate, expiry, shop currency): this
 * process reads it afresh at the next open. Without a shop, forgets every shop (tests).
 * @example await createReward(shop, form); forgetStorefrontProgram(shop)
 */
export function forgetStorefrontProgram(shop?: string): void {
  if (shop) programs.delete(shop);
  else programs.clear();
}

/**
 * The program as the panel shows it to everyone (the defaults before the merchant set any), read now.
 * @example (await readStorefrontProgram(shop)).earn // { points: 3, currency: "GBP" }
 */
export async function readStorefrontProgram(shop: string): Promise<StorefrontProgram> {
  const db = hotReader();
  const [program, currency, rewards, tiers] = await Promise.all([
    db.one<{ pointsPerCurrencyUnit: Int; expiryDays: Int | null }>(PROGRAM_SQL, [shop]),
    db.one<{ currencyCode: string }>(CURRENCY_SQL, [shop]),
    db.all<{ id: string; title: string; kind: string; pointsCost: Int; tierId: string | null }>(REWARDS_SQL, [shop]),
    db.all<{ id: string; name: string; threshold: Int; freeShipping: boolean | number }>(TIERS_SQL, [shop]),
  ]);
  return {
    earn: { points: program ? Number(program.pointsPerCurrencyUnit) : 1, currency: currency?.currencyCode ?? "USD" },
    expiryDays: program?.expiryDays == null ? null : Number(program.expiryDays),
    rewards: rewards.map((r) => ({ id: r.id, title: r.title, kind: r.kind, pointsCost: Number(r.pointsCost), tierId: r.tierId })),
    tiers: tiers.map((t) => ({ id: t.id, name: t.name, threshold: BigInt(t.threshold), freeShipping: Boolean(t.freeShipping) })),
  };
}

/** The signed-in shopper's side of the panel. */
export interface ShopperPanel {
  account: ReturnType<typeof accountOf>;
  birthdaySet: boolean;
  tierId: string | null;
  /** Unused discount codes, newest first (10 at most). */
  codes: { code: string; pointsCost: number; createdAt: Date }[];
  /** Latest postings, newest first (10 at most). */
  activity: { reason: string; points: number; bucket: string; createdAt: Date }[];
}

const SHOPPER_SQL = `SELECT "balance", "pending", "lifetimeEarned", "version", "lastActivityAt", "birthMonth", "tierId" FROM "LoyaltyAccount" WHERE "shop" = ? AND "customerGid" = ?`;
const CODES_SQL = `SELECT "code", "pointsCost", "createdAt" FROM "Redemption" WHERE "shop" = ? AND "customerGid" = ? AND "status" = 'issued' ORDER BY "createdAt" DESC LIMIT 10`;
const ACTIVITY_SQL = `SELECT "reason", "points", "bucket", "createdAt" FROM "LedgerEntry" WHERE "shop" = ? AND "customerGid" = ? ORDER BY "createdAt" DESC LIMIT 10`;

type When = Date | string | number;

/**
 * One shopper's account, unused codes and recent activity.
 * @example (await readShopperPanel(shop, "gid://shopify/Customer/17850")).account.balance // 40
 */
export async function readShopperPanel(shop: string, customerGid: string): Promise<ShopperPanel> {
  const db = hotReader();
  const [row, codes, activity] = await Promise.all([
    db.one<AccountRow & { birthMonth: Int | null; tierId: string | null }>(SHOPPER_SQL, [shop, customerGid]),
    db.all<{ code: string; pointsCost: Int; createdAt: When }>(CODES_SQL, [shop, customerGid]),
    db.all<{ reason: string; points: Int; bucket: string; createdAt: When }>(ACTIVITY_SQL, [shop, customerGid]),
  ]);
  return {
    account: accountOf(row),
    birthdaySet: row?.birthMonth != null,
    tierId: row?.tierId ?? null,
    codes: codes.map((c) => ({ code: c.code, pointsCost: Number(c.pointsCost), createdAt: new Date(c.createdAt) })),
    activity: activity.map((a) => ({ reason: a.reason, points: Number(a.points), bucket: a.bucket, createdAt: new Date(a.createdAt) })),
  };
}
