import prisma from "../../db.server";
import type { JobHandler } from "../../jobs/job";
import { LOYALTY_METAFIELDS } from "../../metafields/definitions";
import { ensureMetafieldDefinitions } from "../../metafields/ensure-definitions.server";
import { setMetafields } from "../../metafields/set-metafields.server";
import { unauthenticated } from "../../shopify.server";
import { loyaltyMetafieldsFor } from "./loyalty-metafields";
import { readMirrorTiers } from "./mirror-tiers.server";

/** Customers per round: three values each stay well under SQLite's bound-parameter cap in setMetafields. */
const CUSTOMERS_PER_ROUND = 100;
/** Shops whose `$app:loyalty` definitions this process has made sure of (creating one again is TAKEN). */
const defined = new Set<string>();

/**
 * Drains a shop's mirror marks: for each marked customer, recomputes balance, tier and progress and
 * records them as desired `$app:loyalty` metafields (setMetafields, which keeps unchanged ones as they
 * are and queues the metafields-sync job that writes them 25 per call through the cost throttle). A
 * mark made again while its round ran is newer than the one read, so it stays for the next round.
 */
export const mirrorLoyaltyMetafields: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  let done = 0;
  for (;;) {
    const marks = await prisma.loyaltyMirrorMark.findMany({ where: { shop }, orderBy: { markedAt: "asc" }, take: CUSTOMERS_PER_ROUND });
    if (marks.length === 0) return;
    if (!defined.has(shop)) {
      // Storefront Liquid reads `$app:` metafields only under a PUBLIC_READ definition.
      await ensureMetafieldDefinitions((await unauthenticated.admin(shop)).admin, LOYALTY_METAFIELDS);
      defined.add(shop);
    }
    const customers = marks.map((m) => m.customerGid);
    const accounts = await prisma.loyaltyAccount.findMany({
      where: { shop, customerGid: { in: customers } },
      select: { customerGid: true, balance: true },
    });
    const balances = new Map(accounts.map((a) => [a.customerGid, a.balance]));
    const tierOf = await readMirrorTiers(shop, customers);
    const values = customers.flatMap((c) => loyaltyMetafieldsFor(c, balances.get(c) ?? 0, tierOf(c)));
    await prisma.$transaction(async (tx) => {
      await setMetafields(tx, shop, values);
      for (const m of marks)
        await tx.loyaltyMirrorMark.deleteMany({ where: { shop, customerGid: m.customerGid, markedAt: { lte: m.markedAt } } });
    });
    done += marks.length;
    if (!(await ctx.progress({ done, message: `${done} members' loyalty metafields recomputed` })) || ctx.signal.aborted)
      return { again: new Date() };
  }
};
