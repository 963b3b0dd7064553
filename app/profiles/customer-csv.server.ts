import { formatMoney } from "../lib/money";
import type { CustomerListQuery } from "./customer-list-query";
import { listCustomers, type ListCursor } from "./customer-list.server";

const MAX_ROWS = 500_000;
/** Rows read per query: the admin's pages are 50, an export reads more at a time (fewer round trips). */
const PAGE = 1_000;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote always; neutralise spreadsheet formulas (CSV injection).
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

const HEADER = [
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
].join(",");

/**
 * The customer list as CSV lines, with the list's filters and sort, every page of it: read by keyset
 * (each page starts after the last row of the one before, so a page costs the same at row 200,000 as at
 * row 1) and yielded a page at a time, so memory stays flat on a large shop.
 * @example for await (const chunk of customerListCsv(shop, query)) stream.write(chunk)
 */
export async function* customerListCsv(shop: string, query: CustomerListQuery, pageSize = PAGE): AsyncGenerator<string> {
  yield HEADER + "\n";
  let after: ListCursor | undefined;
  for (let rows = 0; rows < MAX_ROWS; rows += pageSize) {
    const { customers, next, currencyCode } = await listCustomers(shop, { ...query, page: 1 }, { keyset: { after, pageSize } });
    let chunk = "";
    for (const c of customers) {
      chunk +=
        [
          c.customerGid,
          c.firstName,
          c.lastName,
          c.email,
          c.countryCode,
          c.segment,
          c.ordersCount,
          formatMoney(c.netSpentMinor, currencyCode),
          c.lastOrderAt?.toISOString(),
          c.emailMarketing,
        ]
          .map(cell)
          .join(",") + "\n";
    }
    yield chunk;
    if (!next) return;
    after = next;
  }
}
