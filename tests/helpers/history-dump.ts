import { expect } from "vitest";
import prisma from "../../app/db.server";

const stable = <T extends Record<string, unknown>>(row: T, drop: string[] = []) =>
  Object.fromEntries(
    Object.entries(row).filter(([key]) => !["id", "createdAt", "updatedAt", "orderId", "productId", "refundId", ...drop].includes(key)),
  );

/**
 * A canonical dump of everything a shop's histories hold, without row ids or bookkeeping times, in a
 * fixed order: two databases that applied the same facts in any order dump equal.
 * @example expect(await historyDump(shop)).toEqual(before)
 */
export async function historyDump(shop: string) {
  const [customers, products, orders, refunds, interactions, ledger] = await Promise.all([
    prisma.customer.findMany({ where: { shop }, orderBy: { customerGid: "asc" } }),
    prisma.product.findMany({
      where: { shop },
      orderBy: { productGid: "asc" },
      include: { variants: { orderBy: { variantGid: "asc" } }, collections: { orderBy: { collectionGid: "asc" } } },
    }),
    prisma.order.findMany({
      where: { shop },
      orderBy: { orderGid: "asc" },
      include: { lines: { orderBy: [{ lineItemGid: "asc" }, { title: "asc" }] } },
    }),
    prisma.refund.findMany({ where: { shop }, orderBy: { refundGid: "asc" }, include: { lines: { orderBy: { lineItemGid: "asc" } } } }),
    prisma.interaction.findMany({ where: { shop }, include: { order: { select: { orderGid: true } } } }),
    prisma.ledgerEntry.findMany({ where: { shop }, orderBy: { idempotencyKey: "asc" } }),
  ]);
  return {
    // RFM scores (CustomerRfm) are derived by the segments job, which may not have run yet where a test stops: not history.
    customers: customers.map((c) => stable(c)),
    products: products.map((p) => ({
      ...stable(p),
      variants: p.variants.map((v) => stable(v)),
      collections: p.collections.map((c) => stable(c)),
    })),
    orders: orders.map((o) => ({ ...stable(o, ["ingestedVia"]), lines: o.lines.map((l) => stable(l)) })),
    refunds: refunds.map((r) => ({ ...stable(r), lines: r.lines.map((l) => stable(l)) })),
    interactions: interactions
      .map((i) => ({ ...stable(i), order: i.order?.orderGid ?? null }))
      .map((row) => ({ row, key: JSON.stringify(row) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ row }) => row),
    ledger: ledger.map((e) => stable(e)),
  };
}

/**
 * The history dump with the ledger as it settles: per-customer balances, and the entries of every
 * source whose postings did not cancel out. An order cancelled in the same batch as its payment never
 * earns; one cancelled in a later batch earns and is reversed. Both are right, and both leave the same
 * balances; this dump compares equal for them.
 * @example expect(await settledHistoryDump(shop)).toEqual(inOrder)
 */
export async function settledHistoryDump(shop: string) {
  const { ledger, ...rest } = await historyDump(shop);
  const net = new Map<string, number>();
  const balances = new Map<string, number>();
  for (const e of ledger as { sourceGid: string | null; customerGid: string; points: number }[]) {
    net.set(e.sourceGid ?? "", (net.get(e.sourceGid ?? "") ?? 0) + e.points);
    balances.set(e.customerGid, (balances.get(e.customerGid) ?? 0) + e.points);
  }
  return {
    ...rest,
    ledger: ledger.filter((e) => net.get((e as { sourceGid: string | null }).sourceGid ?? "") !== 0),
    balances: [...balances].filter(([, points]) => points !== 0).sort(([a], [b]) => a.localeCompare(b)),
  };
}

const canonical = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));

/**
 * Asserts two dumps are equal, section by section, cheaply (a string comparison per section; a deep
 * `toEqual` of ten thousand rows takes seconds): on a difference, the first differing row is compared
 * with `toEqual` so the failure shows it.
 * @example expectSameHistories(await settledHistoryDump(shop), inOrder)
 */
export function expectSameHistories(actual: Record<string, unknown[]>, expected: Record<string, unknown[]>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const section of Object.keys(expected)) {
    const [a, b] = [actual[section]!, expected[section]!];
    if (canonical(a) === canonical(b)) continue;
    expect(a.length, `${section}: row count`).toBe(b.length);
    const at = a.findIndex((row, i) => canonical(row) !== canonical(b[i]));
    expect(a[at], `${section}[${at}]`).toEqual(b[at]);
  }
}
