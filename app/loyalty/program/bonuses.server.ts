import prisma, { type Tx } from "../../db.server";
import { inSlices } from "../../lib/in-slices";
import { ledgerKeys } from "../earn";
import { postEntries, type Posting } from "../ledger.server";
import { getLoyaltyProgram } from "../program.server";

/**
 * The first-order bonus for an order that is earning now, when it is the customer's first order ever
 * (none earlier, whether or not it earned — a long-time customer's first order since the install is not
 * their first) and no first-order bonus was posted for them before (an earlier order arriving late).
 * @example await firstOrderBonus(tx, shop, 50, customerGid, orderGid, processedAt) // { points: 50, reason: "earn:first-order", … }
 */
export async function firstOrderBonus(
  tx: Tx,
  shop: string,
  bonus: number,
  customerGid: string,
  orderGid: string,
  processedAt: Date,
): Promise<Omit<Posting, "shop" | "sourceGid"> | null> {
  if (bonus <= 0) return null;
  const [earlier, posted] = await Promise.all([
    tx.order.count({ where: { shop, customerGid, test: false, processedAt: { lt: processedAt } } }),
    tx.ledgerEntry.count({ where: { shop, customerGid, reason: "earn:first-order" } }),
  ]);
  if (earlier > 0 || posted > 0) return null;
  return { customerGid, points: bonus, reason: "earn:first-order", idempotencyKey: ledgerKeys.firstOrder(orderGid) };
}

/**
 * Sign-up bonuses for customers recorded in this transaction: once per customer (`customer:<gid>:signup`),
 * for accounts created in Shopify since the program started, while it is on. Called by customers/create
 * and customers/update with the customers they recorded; re-deliveries post nothing new.
 * @example await grantSignupBonuses(tx, shop, ["gid://shopify/Customer/17850"]) // 1
 */
export async function grantSignupBonuses(tx: Tx, shop: string, customerGids: string[]): Promise<number> {
  if (customerGids.length === 0) return 0;
  const program = await getLoyaltyProgram(shop, tx);
  if (!program.enabled || program.signupBonus <= 0) return 0;
  const [shopRow, programRow] = await Promise.all([
    tx.shop.findUnique({ where: { shop }, select: { installedAt: true } }),
    tx.loyaltyProgram.findUnique({ where: { shop }, select: { launchedAt: true } }),
  ]);
  const since = programRow?.launchedAt ?? shopRow?.installedAt ?? new Date();
  const joined = await inSlices(customerGids, (slice) =>
    tx.customer.findMany({
      where: { shop, customerGid: { in: slice }, deletedAt: null, shopifyCreatedAt: { gte: since } },
      select: { customerGid: true },
    }),
  );
  return postEntries(
    tx,
    joined.map((c) => ({
      shop,
      customerGid: c.customerGid,
      points: program.signupBonus,
      reason: "earn:signup" as const,
      idempotencyKey: ledgerKeys.signup(c.customerGid),
      sourceGid: c.customerGid,
    })),
  );
}

/**
 * Birthday bonuses due today (UTC): every account whose birthday is today — 29 February counts on
 * 28 February in other years — gets the bonus once per year (`customer:<gid>:birthday:<year>`).
 * Run hourly by the loyalty maintenance job; a re-run or a resumed run posts nothing twice.
 * @example await grantBirthdayBonuses(shop) // 3
 */
export async function grantBirthdayBonuses(shop: string, now = new Date()): Promise<number> {
  const program = await getLoyaltyProgram(shop);
  if (!program.enabled || program.birthdayBonus <= 0) return 0;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  const days = month === 2 && day === 28 && !leap ? [28, 29] : [day];
  let granted = 0;
  let after = "";
  for (;;) {
    const due = await prisma.loyaltyAccount.findMany({
      where: { shop, birthMonth: month, birthDay: { in: days }, customerGid: { gt: after } },
      select: { customerGid: true },
      orderBy: { customerGid: "asc" },
      take: 500,
    });
    if (due.length === 0) return granted;
    after = due.at(-1)!.customerGid;
    granted += await prisma.$transaction((tx) =>
      postEntries(
        tx,
        due.map((a) => ({
          shop,
          customerGid: a.customerGid,
          points: program.birthdayBonus,
          reason: "earn:birthday" as const,
          idempotencyKey: ledgerKeys.birthday(a.customerGid, year),
        })),
      ),
    );
  }
}
