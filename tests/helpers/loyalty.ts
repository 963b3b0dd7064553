import { expect } from "vitest";
import prisma from "../../app/db.server";
import { checkShopLedger } from "../../app/loyalty/accounts.server";
import { shopifyExample, SHOP } from "./webhook-request";

/** Shopify's refunds/create example, cut to one refunded line of `subtotal` (GBP) on `orderId`. */
export function exampleRefund(id: number, orderId: number, subtotal: string, processedAt = "2026-03-02T10:00:00Z"): Record<string, any> {
  const refund = shopifyExample("refunds/create");
  const line = refund.refund_line_items[0];
  const gbp = (amount: string) => ({ shop_money: { amount, currency_code: "GBP" }, presentment_money: { amount, currency_code: "GBP" } });
  return {
    ...refund,
    id,
    admin_graphql_api_id: `gid://shopify/Refund/${id}`,
    order_id: orderId,
    created_at: processedAt,
    processed_at: processedAt,
    transactions: [],
    refund_shipping_lines: [],
    refund_line_items: [
      {
        ...line,
        line_item_id: 1,
        line_item: { ...line.line_item, id: 1, admin_graphql_api_id: "gid://shopify/LineItem/1" },
        subtotal: Number(subtotal),
        subtotal_set: gbp(subtotal),
        total_tax_set: gbp("0.00"),
      },
    ],
  };
}

/**
 * THEN-step for every loyalty test: the account row shows these figures, the customer's postings sum
 * to the same, and the shop-wide check finds no account out of step with its postings.
 */
export async function expectAccount(customerGid: string, want: { balance: number; pending?: number }, shop = SHOP): Promise<void> {
  const account = await prisma.loyaltyAccount.findUnique({ where: { shop_customerGid: { shop, customerGid } } });
  expect({ balance: account?.balance ?? 0, pending: account?.pending ?? 0 }).toEqual({ balance: want.balance, pending: want.pending ?? 0 });
  const sums = await prisma.ledgerEntry.groupBy({ by: ["bucket"], where: { shop, customerGid }, _sum: { points: true } });
  const sum = (bucket: string) => sums.find((s) => s.bucket === bucket)?._sum.points ?? 0;
  expect({ balance: sum("available"), pending: sum("pending") }).toEqual({ balance: want.balance, pending: want.pending ?? 0 });
  expect((await checkShopLedger(shop)).mismatches).toEqual([]);
}

/** The ledger of one customer as [reason, points, bucket], in posting order. */
export async function postingsOf(customerGid: string, shop = SHOP) {
  const rows = await prisma.ledgerEntry.findMany({
    where: { shop, customerGid },
    orderBy: [{ createdAt: "asc" }, { idempotencyKey: "asc" }],
  });
  return rows.map((r) => [r.reason, r.points, r.bucket] as const);
}
