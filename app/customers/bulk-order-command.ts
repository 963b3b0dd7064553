import { InvalidPayloadError } from "../lib/errors";
import { toMinorUnits } from "../lib/money";
import type { OrderCommand } from "./order-command";

type Json = Record<string, any>;

/**
 * Turns the JSONL of the BulkOrders query (one line per order, then its line items on their own lines
 * with `__parentId`) into order commands — the same commands webhooks produce, so the backfill and
 * live deliveries share one path. Lines arrive parents first, as Shopify writes them.
 * @example for await (const order of bulkOrderCommands(jsonlText.split("\n"))) await recordOrder(...)
 */
export async function* bulkOrderCommands(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<OrderCommand> {
  let current: { order: Json; items: Json[] } | null = null;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Json;
    if (row.__parentId) {
      if (!current || current.order.id !== row.__parentId)
        throw new InvalidPayloadError("bulk_operations/finish", `line item ${row.id} arrived before its order ${row.__parentId}`);
      current.items.push(row);
      continue;
    }
    if (current) yield toCommand(current.order, current.items);
    current = { order: row, items: [] };
  }
  if (current) yield toCommand(current.order, current.items);
}

function toCommand(o: Json, items: Json[]): OrderCommand {
  const currency = o.currencyCode as string;
  const status = typeof o.displayFinancialStatus === "string" ? o.displayFinancialStatus.toLowerCase() : null;
  return {
    orderGid: o.id,
    name: o.name,
    customer: o.customer
      ? {
          gid: o.customer.id,
          email: o.customer.defaultEmailAddress?.emailAddress ?? null,
          firstName: o.customer.firstName ?? null,
          lastName: o.customer.lastName ?? null,
        }
      : null,
    processedAt: new Date(o.processedAt ?? o.createdAt),
    currencyCode: currency,
    subtotalMinor: toMinorUnits(o.currentSubtotalPriceSet.shopMoney.amount, currency),
    totalMinor: toMinorUnits(o.currentTotalPriceSet.shopMoney.amount, currency),
    financialStatus: status,
    sourceName: o.sourceName ?? null,
    cancelledAt: o.cancelledAt ? new Date(o.cancelledAt) : null,
    test: Boolean(o.test),
    lines: items.map((li) => ({
      productGid: li.product?.id ?? null,
      variantGid: li.variant?.id ?? null,
      sku: li.sku ?? null,
      title: li.title,
      quantity: li.quantity,
      priceMinor: toMinorUnits(li.originalUnitPriceSet.shopMoney.amount, currency),
    })),
  };
}
