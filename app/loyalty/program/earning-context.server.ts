import type { Tx } from "../../db.server";
import { inSlices } from "../../lib/in-slices";
import type { LoyaltyProgramSettings } from "../program";
import { getTierSetup } from "../tiers/tier-settings.server";
import { earningFor, type Earning } from "./earning";

/** An order as settlement reads it, with what the earning rules need. */
export interface SettlingOrder {
  orderGid: string;
  customerGid: string | null;
  processedAt: Date;
  currencyCode: string;
  subtotalMinor: bigint;
  shippingMinor: bigint;
  taxMinor: bigint;
  lines: { totalMinor: bigint; productGid: string | null; giftCard: boolean }[];
}

/**
 * Reads, in the settlement's transaction, what the earning rules need beyond the orders: the
 * collections of the products bought (only when a collection has a multiplier) and each customer's
 * tier multiplier now — the rule in force, snapshotted on the earning. Returns the earning of an order.
 * @example const earningOf = await earningContext(tx, shop, program, orders); earningOf(orders[0]).points
 */
export async function earningContext(
  tx: Tx,
  shop: string,
  program: LoyaltyProgramSettings,
  orders: SettlingOrder[],
): Promise<(order: SettlingOrder) => Earning> {
  const collectionTargets = program.multipliers.map((m) => m.targetGid).filter((g) => g.includes("/Collection/"));
  const productGids = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.productGid)).filter((g): g is string => g !== null))];
  const customerGids = [...new Set(orders.map((o) => o.customerGid).filter((g): g is string => g !== null))];
  const [memberships, accounts, { tiers }] = await Promise.all([
    collectionTargets.length
      ? inSlices(productGids, (slice) =>
          tx.productCollection.findMany({
            where: { shop, collectionGid: { in: collectionTargets }, product: { productGid: { in: slice } } },
            select: { collectionGid: true, product: { select: { productGid: true } } },
          }),
        )
      : [],
    inSlices(customerGids, (slice) =>
      tx.loyaltyAccount.findMany({
        where: { shop, customerGid: { in: slice }, tierId: { not: null } },
        select: { customerGid: true, tierId: true },
      }),
    ),
    getTierSetup(shop, tx),
  ]);
  const collectionsOf = new Map<string, string[]>();
  for (const m of memberships)
    collectionsOf.set(m.product.productGid, [...(collectionsOf.get(m.product.productGid) ?? []), m.collectionGid]);
  const tierPct = new Map(tiers.map((t) => [t.id, t.earnMultiplierPct]));
  const customerPct = new Map(accounts.map((a) => [a.customerGid, tierPct.get(a.tierId!) ?? 100]));
  return (order) =>
    earningFor(
      {
        ...order,
        lines: order.lines.map((l) => ({ ...l, collectionGids: (l.productGid && collectionsOf.get(l.productGid)) || [] })),
      },
      program,
      (order.customerGid && customerPct.get(order.customerGid)) || 100,
    );
}
