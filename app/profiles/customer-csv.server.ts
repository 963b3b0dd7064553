import { formatMoney } from "../lib/money";
import type { CustomerListQuery } from "./customer-list-query";
import { CUSTOMERS_PER_PAGE, listCustomers } from "./customer-list.server";

const MAX_ROWS = 500_000;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote always; neutralise spreadsheet formulas (CSV injection).
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/**
 * The customer list as CSV, with the list's filters and sort, every page of it (read page by page, so
 * memory stays flat on a large shop).
 */
export async function customerListCsv(shop: string, query: CustomerListQuery): Promise<string> {
  const lines = [
    [
      "customer_id",
      "first_name",
      "last_name",
      "email",
      "country",
      "segment",
      "orders",
      "net_lifetime_value",
      "last_order_at",
      "email_marketing",
    ].join(","),
  ];
  for (let page = 1; (page - 1) * CUSTOMERS_PER_PAGE < MAX_ROWS; page += 1) {
    const { customers, hasNext, currencyCode } = await listCustomers(shop, { ...query, page });
    for (const c of customers) {
      lines.push(
        [
          c.customerGid,
          c.firstName,
          c.lastName,
          c.email,
          c.countryCode,
          c.rfmSegment,
          c.ordersCount,
          formatMoney(c.netSpentMinor, currencyCode),
          c.lastOrderAt?.toISOString(),
          c.emailMarketing,
        ]
          .map(cell)
          .join(","),
      );
    }
    if (!hasNext) break;
  }
  return lines.join("\n") + "\n";
}
