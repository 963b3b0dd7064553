import { randomUUID } from "node:crypto";
import prisma from "../db.server";
import { hotReader } from "../db-hot-read.server";
import { InvalidInputError } from "../lib/errors";
import { MAX_POINTS_PER_POSTING, postEntries } from "./ledger.server";
import { getLedgerRules } from "./rules.server";

const DAY_MS = 86_400_000;

/** A customer's account as the shopper and the merchant see it, with the upcoming expiry. */
export interface AccountView {
  customerGid: string;
  balance: number;
  pending: number;
  lifetimeEarned: number;
  version: number;
  lastActivityAt: Date | null;
  /** When the spendable balance expires if nothing happens before (null: no expiry, or nothing to expire). */
  expiresAt: Date | null;
}

/**
 * Reads one account (a single indexed row, never a sum). A customer with no postings has an empty one.
 * `rulesOf` lets the storefront's hot path pass a cached reader of the program's rules.
 * @example (await getAccount(shop, "gid://shopify/Customer/17850")).balance // 320
 */
export async function getAccount(shop: string, customerGid: string, rulesOf: typeof getLedgerRules = getLedgerRules): Promise<AccountView> {
  // The storefront's hot path: one indexed row through the hot reader (no Prisma on it, see db-hot-read).
  const [row, rules] = await Promise.all([hotReader().one<AccountRow>(ACCOUNT_SQL, [shop, customerGid]), rulesOf(shop)]);
  const account = accountOf(row);
  return { customerGid, ...pick(account), expiresAt: expiryOf(account, rules.expiryDays) };
}

const ACCOUNT_SQL = `SELECT "balance", "pending", "lifetimeEarned", "version", "lastActivityAt" FROM "LoyaltyAccount" WHERE "shop" = ? AND "customerGid" = ?`;

/** An account row as either database returns it (SQLite: timestamps as ISO text or epoch ms). */
export interface AccountRow {
  balance: number | bigint;
  pending: number | bigint;
  lifetimeEarned: number | bigint;
  version: number | bigint;
  lastActivityAt: Date | string | number | null;
}

/** The figures of an account row; a customer with no row has an empty account. */
export function accountOf(row: AccountRow | undefined) {
  return row
    ? {
        balance: Number(row.balance),
        pending: Number(row.pending),
        lifetimeEarned: Number(row.lifetimeEarned),
        version: Number(row.version),
        lastActivityAt: row.lastActivityAt === null ? null : new Date(row.lastActivityAt),
      }
    : { balance: 0, pending: 0, lifetimeEarned: 0, version: 0, lastActivityAt: null };
}

function pick(a: { balance: number; pending: number; lifetimeEarned: number; version: number; lastActivityAt: Date | null }) {
  return { balance: a.balance, pending: a.pending, lifetimeEarned: a.lifetimeEarned, version: a.version, lastActivityAt: a.lastActivityAt };
}

/** Inactivity expiry: the last activity plus the program's expiry period, when there is a balance to lose. */
export function expiryOf(account: { balance: number; lastActivityAt: Date | null }, expiryDays: number | null): Date | null {
  if (expiryDays === null || account.balance <= 0 || !account.lastActivityAt) return null;
  return new Date(account.lastActivityAt.getTime() + expiryDays * DAY_MS);
}

/** A manual adjustment from the admin: whole points (either sign), a reason and the staff member. */
export interface AdjustmentCommand {
  shop: string;
  customerGid: string;
  points: number;
  note: string;
  staff: string;
  /** The form's idempotency key: a resubmitted form adjusts once. */
  idempotencyKey?: string;
}

/**
 * Posts a manual adjustment. A removal larger than the spendable balance is refused
 * (InsufficientPointsError); bad fields throw InvalidInputError naming the field.
 * @example await adjustPoints({ shop, customerGid, points: -50, note: "Duplicate order", staff: "ada@shop.com" })
 */
export async function adjustPoints(command: AdjustmentCommand): Promise<AccountView> {
  const { shop, customerGid, points } = command;
  if (!Number.isInteger(points) || points === 0) throw new InvalidInputError("points", "Enter a whole number of points other than 0");
  if (Math.abs(points) > MAX_POINTS_PER_POSTING) throw new InvalidInputError("points", "That is more points than one adjustment may move");
  const note = command.note.trim();
  if (!note) throw new InvalidInputError("note", "Say why the points change");
  if (note.length > 500) throw new InvalidInputError("note", "Keep the reason under 500 characters");
  if (!command.staff.trim()) throw new InvalidInputError("staff", "The staff member making the change is required");
  const key = `adjust:${command.idempotencyKey ?? randomUUID()}`;
  await prisma.$transaction((tx) =>
    postEntries(tx, [{ shop, customerGid, points, reason: "adjust", idempotencyKey: key, note, staff: command.staff.trim() }]),
  );
  return getAccount(shop, customerGid);
}

/**
 * Expires the spendable balance of every account inactive for the program's expiry period. Each
 * expiry is keyed by the account's last activity, so a re-run (or a crashed run resumed) expires once;
 * an account that spent meanwhile is left for the next run rather than overdrawn. Returns how many expired.
 * @example await expireInactiveAccounts(shop) // 12
 */
export async function expireInactiveAccounts(shop: string, now = new Date()): Promise<number> {
  const { expiryDays } = await getLedgerRules(shop);
  if (expiryDays === null) return 0;
  const cutoff = new Date(now.getTime() - expiryDays * DAY_MS);
  let expired = 0;
  let after = "";
  for (;;) {
    const due = await prisma.loyaltyAccount.findMany({
      where: { shop, balance: { gt: 0 }, lastActivityAt: { lt: cutoff }, customerGid: { gt: after } },
      select: { customerGid: true, balance: true, lastActivityAt: true },
      orderBy: { customerGid: "asc" },
      take: 200,
    });
    if (due.length === 0) return expired;
    after = due.at(-1)!.customerGid;
    for (const a of due) {
      const posted = await prisma
        .$transaction((tx) =>
          postEntries(tx, [
            {
              shop,
              customerGid: a.customerGid,
              points: -a.balance,
              reason: "expire",
              idempotencyKey: `expire:${a.customerGid}:${a.lastActivityAt!.toISOString()}`,
            },
          ]),
        )
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === "INSUFFICIENT_POINTS") return 0;
          throw error;
        });
      expired += posted;
    }
  }
}

/** One account whose row disagrees with its postings. */
export interface AccountMismatch {
  customerGid: string;
  account: { balance: number; pending: number; lifetimeEarned: number } | null;
  ledger: { balance: number; pending: number; lifetimeEarned: number };
}

/**
 * The shop-wide check: every account equals the sum of its postings (spendable, pending, lifetime
 * earned), every customer with postings has an account, and no account is negative by a spending debit.
 * @example const { mismatches } = await checkShopLedger(shop); mismatches.length // 0
 */
export async function checkShopLedger(shop: string): Promise<{ accounts: number; postings: number; mismatches: AccountMismatch[] }> {
  const [sums, earned, accounts, postings] = await Promise.all([
    prisma.ledgerEntry.groupBy({ by: ["customerGid", "bucket"], where: { shop }, _sum: { points: true } }),
    prisma.ledgerEntry.groupBy({ by: ["customerGid"], where: { shop, reason: { startsWith: "earn" } }, _sum: { points: true } }),
    prisma.loyaltyAccount.findMany({ where: { shop }, select: { customerGid: true, balance: true, pending: true, lifetimeEarned: true } }),
    prisma.ledgerEntry.count({ where: { shop } }),
  ]);
  const ledger = new Map<string, { balance: number; pending: number; lifetimeEarned: number }>();
  const of = (c: string) => ledger.get(c) ?? (ledger.set(c, { balance: 0, pending: 0, lifetimeEarned: 0 }), ledger.get(c)!);
  for (const s of sums) of(s.customerGid)[s.bucket === "pending" ? "pending" : "balance"] += s._sum.points ?? 0;
  for (const e of earned) of(e.customerGid).lifetimeEarned += e._sum.points ?? 0;
  const byCustomer = new Map(accounts.map((a) => [a.customerGid, a]));
  const mismatches: AccountMismatch[] = [];
  for (const c of new Set([...ledger.keys(), ...byCustomer.keys()])) {
    const want = ledger.get(c) ?? { balance: 0, pending: 0, lifetimeEarned: 0 };
    const row = byCustomer.get(c);
    const have = row ? { balance: row.balance, pending: row.pending, lifetimeEarned: row.lifetimeEarned } : null;
    if (!have || have.balance !== want.balance || have.pending !== want.pending || have.lifetimeEarned !== want.lifetimeEarned)
      mismatches.push({ customerGid: c, account: have, ledger: want });
  }
  return { accounts: accounts.length, postings, mismatches };
}
